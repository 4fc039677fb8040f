"""Benchmark Copydesk against its peers, and show how it scales.

    .venv/bin/python bench/run.py            # full run, about 10 minutes on 2 cores
    .venv/bin/python bench/run.py --quick    # fewer runs and sizes, about 2 minutes

Times whole commands (median of several runs after one warm-up), prints a
table and the acceptance ratios of issue 9, and writes bench/results.json.
Generated corpora and rule copies live in a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import corpora  # noqa: E402
import languagetool  # noqa: E402
from measure import BenchError, Row, format_table, measure  # noqa: E402
from scaling import Point, format_curve, linearity  # noqa: E402

BIN = Path(sys.executable).parent
RESULTS = Path(__file__).resolve().parent / "results.json"
SIZES = [1_000, 10_000, 100_000, 1_000_000, 10_000_000]
RULE_COPIES = [1, 2, 5, 10]
SECTIONS = ("peers", "languagetool", "size", "rules")
RULES_DOC_BYTES = 100_000  # the rule-count curve's document: x10 rules stays affordable
# Exit codes that mean "ran fine, found something".
OK_CODES = {"copydesk": (0, 1), "proselint": (0, 1), "codespell": (0, 65), "typos": (0, 2)}


class Bench:
    """One benchmark run: settings, working directory and collected results."""

    def __init__(self, quick: bool, work: Path):
        self.quick = quick
        self.work = work
        self.runs = 3 if quick else 5
        self.budget = 8.0 if quick else 25.0  # seconds of timed runs per row
        self.env = child_env()
        self.copydesk = [str(BIN / "copydesk")]
        self.check_flags = help_flags(self.copydesk + ["check", "--help"], self.env)
        self.rows: list[Row] = []
        self.notes: list[str] = []

    def builtin_args(self) -> list[str]:
        """`check` with the built-in rules only, and no result cache if there is one."""
        args = ["check", "--no-languagetool"]
        if "--no-cache" in self.check_flags:
            args.append("--no-cache")
        return args

    def time_command(self, name: str, corpus: str, words: int, cmd: list[str], tool: str,
                     runs: int | None = None, warmup: bool = True) -> Row:
        """Measure one command into a new row (skipped, with the reason, if it fails)."""
        row = Row(name, corpus, words)
        exe = Path(cmd[0])
        if not exe.exists():
            row.skipped, row.note = True, f"{exe.name} not installed: pip install -e '.[bench]'"
        else:
            try:
                measure(row, cmd, runs=runs or self.runs, budget=self.budget, warmup=warmup,
                        cwd=self.work, env=self.env, ok_codes=OK_CODES[tool])
            except BenchError as exc:
                row.skipped, row.note, row.samples = True, str(exc), []
        self.rows.append(row)
        print(format_table([row]).splitlines()[-1], flush=True)
        return row


def child_env() -> dict:
    """The environment for timed commands: as a user has it, so Python may
    cache bytecode, no colour, and the project's venv first on PATH."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def help_flags(cmd: list[str], env: dict) -> set[str]:
    """The long options a command's --help lists."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", out))


def peer_rows(bench: Bench, corpus: str, files: list[Path], words: int) -> dict[str, Row]:
    """Copydesk built-in and the three peers on the same files."""
    paths = [str(p) for p in files]
    rows = {"copydesk": bench.time_command("copydesk, built-in rules", corpus, words,
                                           bench.copydesk + bench.builtin_args() + paths, "copydesk")}
    rows["proselint"] = bench.time_command("proselint", corpus, words,
                                           [str(BIN / "proselint"), "check"] + paths, "proselint",
                                           runs=3)
    rows["codespell"] = bench.time_command("codespell", corpus, words,
                                           [str(BIN / "codespell")] + paths, "codespell")
    rows["typos"] = bench.time_command("typos", corpus, words, [str(BIN / "typos")] + paths, "typos")
    if corpus == "rust-book":
        # What every run costs before any rule: start, read, Markdown
        # segmentation, the readability summary and the worker processes.
        config = corpora.config_for_rules(corpora.empty_rules(bench.work), bench.work)
        rows["floor"] = bench.time_command("copydesk, no rules (fixed cost)", corpus, words,
                                           bench.copydesk + bench.builtin_args()
                                           + ["--config", str(config)] + paths, "copydesk")
    return rows


def size_curve(bench: Bench) -> tuple[list[Point], dict]:
    """Built-in rules on the seed article at 1 KB .. 10 MB."""
    sizes = SIZES[:-1] if bench.quick else SIZES
    points = []
    for size in sizes:
        path = corpora.article_of_size(size, bench.work)
        row = bench.time_command(f"copydesk built-in, size {corpora.size_label(size)}",
                                 corpora.size_label(size), corpora.count_words([path]),
                                 bench.copydesk + bench.builtin_args() + [str(path)], "copydesk",
                                 runs=3 if size >= 1_000_000 else bench.runs,
                                 warmup=size < 1_000_000)  # smaller sizes already warmed the caches
        if row.samples:
            points.append(Point(size, corpora.size_label(size), row.wall, row.cpu, row.peak_mb))
    empty = bench.work / "empty.txt"
    empty.write_text("", encoding="utf-8")
    base = bench.time_command("copydesk built-in, empty file", "empty", 0,
                              bench.copydesk + bench.builtin_args() + [str(empty)], "copydesk")
    return points, linearity(points, base.cpu if base.samples else 0.0)


def rules_curve(bench: Bench, target: Path, words: int) -> tuple[list[Point], dict]:
    """Built-in engine over one document with the shipped packs x0 (no rules:
    the fixed cost) and x1 .. x10."""
    copies_list = RULE_COPIES[:-1] if bench.quick else RULE_COPIES
    points = []
    args = bench.builtin_args()
    for copies in [0] + copies_list:
        rules_dir = corpora.multiplied_rules(copies, bench.work) if copies else corpora.empty_rules(bench.work)
        config = corpora.config_for_rules(rules_dir, bench.work)
        row = bench.time_command(f"copydesk, shipped packs x{copies}", target.name, words,
                                 bench.copydesk + args + ["--config", str(config), str(target)], "copydesk",
                                 runs=3)
        if copies == 0:
            baseline = row.cpu if row.samples else 0.0
        elif row.samples:
            points.append(Point(copies, f"x{copies}", row.wall, row.cpu, row.peak_mb))
    return points, linearity(points, baseline)


def acceptance(rb: dict[str, Row], lt: dict[str, Row]) -> list[dict]:
    """The issue's acceptance items as measured ratios."""
    items = []

    def ratio(name: str, numerator: Row | None, denominator: Row | None, need: float, text: str):
        if not numerator or not denominator or not numerator.samples or not denominator.samples:
            items.append({"item": name, "holds": None, "detail": "not measured: " + text})
            return
        value = numerator.wall / denominator.wall
        cpu = numerator.cpu / denominator.cpu if denominator.cpu == denominator.cpu and denominator.cpu else None
        items.append({"item": name, "ratio": round(value, 2), "need": need, "holds": value >= need,
                      "cpu_ratio": None if cpu is None else round(cpu, 2),
                      "detail": f"{text}: {numerator.wall:.2f} s / {denominator.wall:.2f} s = {value:.2f}x"
                                f" (need >= {need}x)"})

    ratio("built-in vs proselint, rust-book", rb.get("proselint"), rb.get("copydesk"), 10.0,
          "proselint time / copydesk built-in time")
    ratio("built-in vs codespell, rust-book", rb.get("codespell"), rb.get("copydesk"), 1.0,
          "codespell time / copydesk built-in time")
    floor, builtin = rb.get("floor"), rb.get("copydesk")
    if floor and floor.samples:
        # Not an acceptance item: what a run costs with no rule at all, beside the peers.
        detail = f"a run with every rule off takes {floor.wall:.2f} s wall ({floor.cpu:.2f} s CPU)"
        if builtin and builtin.samples:
            detail += f"; the built-in rules add {builtin.wall - floor.wall:.2f} s wall"
        items.append({"item": "fixed cost (no rules), rust-book", "holds": None, "info": True,
                      "wall_s": round(floor.wall, 3), "cpu_s": round(floor.cpu, 3), "detail": detail})
    ratio("LT warm server + cold cache vs LT direct", lt.get("direct"), lt.get("warm_cold_cache"), 1.0,
          "LanguageTool direct time / copydesk (warm server, cold cache) time")
    ratio("LT warm server + warm paragraph cache (file cache off) vs LT direct", lt.get("direct"),
          lt.get("warm_warm_cache"), 20.0,
          "LanguageTool direct time / copydesk (warm server, paragraph cache warm, --no-cache) time")
    ratio("LT warm server + warm caches (defaults, second run) vs LT direct", lt.get("direct"),
          lt.get("warm_both_caches"), 20.0,
          "LanguageTool direct time / copydesk (warm server, file and paragraph caches warm) time")
    builtin = rb.get("copydesk")
    if builtin and builtin.samples:
        # The whole process tree: with parallel workers the parent's own peak understates it.
        items.append({"item": "built-in peak memory, rust-book", "value_mb": round(builtin.tree_mb, 1),
                      "need": "< 300 MB", "holds": builtin.tree_mb < 300,
                      "detail": f"peak {builtin.tree_mb:.0f} MB for Copydesk and its workers together "
                                f"(largest single process {builtin.peak_mb:.0f} MB; need < 300 MB)"})
    return items


def main(argv=None) -> int:
    """Run the benchmark; print the table; write results.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, sizes up to 1 MB, rules up to x5")
    parser.add_argument("--only", type=lambda v: set(v.split(",")), default=set(SECTIONS),
                        help=f"run only these sections (comma-separated: {','.join(SECTIONS)})")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON results")
    args = parser.parse_args(argv)
    # A plain `kill` unwinds like Ctrl-C, so the benchmark's own LanguageTool
    # server is stopped and its temporary directory removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.time()
    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    try:
        bench = Bench(args.quick, work)
        files = corpora.rust_book_files()
        rb_words = corpora.count_words(files)
        article = corpora.article_of_size(1_000_000, work)
        article_words = corpora.count_words([article])
        print(f"rust-book: {len(files)} files, {rb_words:,} words; article-1MB: {article_words:,} words\n")
        rb, lt_rows = {}, {}
        size_points, size_verdict, rule_points, rule_verdict = [], {}, [], {}
        if "peers" in args.only:
            rb = peer_rows(bench, "rust-book", files, rb_words)
            peer_rows(bench, "article-1MB", [article], article_words)
        if "languagetool" in args.only:
            lt_rows = languagetool.rows(bench, files)
        if "size" in args.only:
            size_points, size_verdict = size_curve(bench)
        if "rules" in args.only:
            rule_doc = corpora.article_of_size(RULES_DOC_BYTES, work)
            rule_points, rule_verdict = rules_curve(bench, rule_doc, corpora.count_words([rule_doc]))
        bench.notes += [f"section '{name}' left out (--only)" for name in SECTIONS if name not in args.only]
        items = acceptance(rb, lt_rows)
        if max(load_before, os.getloadavg()[0]) > (os.cpu_count() or 1):
            bench.notes.append(
                f"the machine was busy (load average {load_before:.1f} at the start, "
                f"{os.getloadavg()[0]:.1f} at the end, on {os.cpu_count()} cores): wall times are "
                f"stretched and noisy; the CPU-time ratios printed beside them are steadier")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(bench, size_points, size_verdict, rule_points, rule_verdict, items, time.time() - started)
    write_json(args.output, bench, size_points, size_verdict, rule_points, rule_verdict, items,
               time.time() - started)
    return 0


def report(bench, size_points, size_verdict, rule_points, rule_verdict, items, elapsed) -> None:
    """Print everything a reader needs, table first."""
    print("\n" + format_table(bench.rows))
    if size_verdict:
        print("\n" + format_curve("Time vs document size (seed article, built-in rules)", "size",
                                  size_points, size_verdict))
    if rule_verdict:
        print("\n" + format_curve(f"Time vs number of rules ({corpora.size_label(RULES_DOC_BYTES)} article)", "packs", rule_points,
                                  rule_verdict))
    print("\nAcceptance (ratios from this run; wall-clock medians):")
    for item in items:
        mark = "info" if item.get("info") else {True: "holds", False: "DOES NOT HOLD", None: "not measured"}[item["holds"]]
        cpu = f"; CPU-time ratio {item['cpu_ratio']}x" if item.get("cpu_ratio") else ""
        print(f"  [{mark}] {item['item']}: {item['detail']}{cpu}")
    for note in bench.notes:
        print(f"note: {note}")
    print(f"\nfinished in {elapsed:.0f} s; load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def write_json(path: Path, bench, size_points, size_verdict, rule_points, rule_verdict, items, elapsed) -> None:
    """Everything measured, for machines."""
    data = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "quick": bench.quick,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load_average": os.getloadavg()},
        "rows": [r.as_dict() for r in bench.rows],
        "scaling": {
            "size": {"points": [p.__dict__ for p in size_points], **size_verdict},
            "rules": {"points": [p.__dict__ for p in rule_points], **rule_verdict},
        },
        "acceptance": items,
        "notes": bench.notes,
        "elapsed_s": round(elapsed, 1),
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
