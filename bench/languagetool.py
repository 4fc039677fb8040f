"""The LanguageTool rows: Copydesk with a cold and a warm server, paragraph
cache cold and warm, against LanguageTool alone through its HTTP API.

The benchmark runs its own server in its own cache directory
($COPYDESK_CACHE_DIR pointing into the temporary work directory), reusing
the jars already fetched when there are some, so it never stops or
disturbs a server someone else is using; it stops its server at the end.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

import corpora
from measure import BenchError, Row, Sample, format_table, run_once

_URL = re.compile(r"https?://(?:localhost|127\.0\.0\.1|\[::1\]):\d+")
# LanguageTool checks from a few hundred (cold) to a few thousand (warm) words a
# second on this machine, so its
# rows use the first rust-book chapters up to about this many words.
WORDS_FULL, WORDS_QUICK = 16_000, 4_000
_COPYDESK_NOTE = "cpu includes the server's; tree MB includes a server this run started"
NAMES = {
    "cold_no_cache": "copydesk + LT, cold server, cache cold",
    "direct": "LanguageTool alone, HTTP /v2/check",
    "warm_cold_cache": "copydesk + LT, warm server, cache cold",
    "warm_warm_cache": "copydesk + LT, warm server, paragraph cache warm",
    "warm_both_caches": "copydesk + LT, warm server, file+paragraph cache warm",
    "cold_warm_cache": "copydesk + LT, cold server, paragraph cache warm",
}


def subset(files: list[Path], words: int) -> list[Path]:
    """The first files whose words add up to at least `words`."""
    chosen, total = [], 0
    for path in files:
        chosen.append(path)
        total += corpora.count_words([path])
        if total >= words:
            break
    return chosen


def rows(bench, files: list[Path]) -> dict[str, Row]:
    """Measure every LanguageTool row, or add skipped rows saying why not."""
    files = subset(files, WORDS_QUICK if bench.quick else WORDS_FULL)
    words = corpora.count_words(files)
    corpus = f"rust-book[:{len(files)}]"
    lt = LanguageToolBench(bench)
    try:
        reason = lt.unavailable()
        if reason:
            bench.notes.append(f"LanguageTool rows skipped: {reason}")
            for name in NAMES.values():
                _show(bench, Row(name, corpus, words, note=reason, skipped=True))
            return {}
        return lt.measure_all(corpus, files, words)
    finally:
        if lt.started:
            lt.server("stop")


def _show(bench, row: Row) -> Row:
    bench.rows.append(row)
    print(format_table([row]).splitlines()[-1], flush=True)
    return row


class LanguageToolBench:
    """Drives Copydesk's LanguageTool integration in a private cache directory."""

    def __init__(self, bench):
        self.bench = bench
        self.cache_dir = bench.work / "cache"
        self.env = dict(bench.env, COPYDESK_CACHE_DIR=str(self.cache_dir))
        self.result_cache = bench.work / "result-cache"
        self.started = False

    def copydesk(self, *args: str, env=None, timeout: float = 1800) -> subprocess.CompletedProcess:
        """Run a Copydesk command (untimed) and capture its output."""
        return subprocess.run(self.bench.copydesk + list(args), capture_output=True, text=True,
                              env=env or self.env, cwd=self.bench.work, timeout=timeout)

    def server(self, action: str) -> str:
        """`copydesk server ACTION` on the benchmark's own server."""
        result = self.copydesk("server", action, timeout=300)
        return result.stdout + result.stderr

    def unavailable(self) -> str | None:
        """Why the LanguageTool rows cannot run here, or None when they can."""
        help_text = self.copydesk("--help", env=self.bench.env).stdout
        commands = set(re.findall(r"^\s{2,}([a-z][a-z-]+)\s", help_text, re.MULTILINE))
        missing = [c for c in ("setup", "server") if c not in commands]
        if missing:
            return (f"`copydesk {'` / `'.join(missing)}` not available yet "
                    "(the LanguageTool integration has not landed)")
        if not self._borrow_jars():
            print("(fetching LanguageTool for the benchmark's cache: `copydesk setup`, untimed)", flush=True)
        self.started = True  # setup starts a server in our cache directory
        setup = self.copydesk("setup")
        if setup.returncode != 0:
            return "`copydesk setup` failed: " + " ".join((setup.stderr or setup.stdout).strip().splitlines()[-2:])
        return None

    def _borrow_jars(self) -> bool:
        """Link the jars the user's cache already holds into ours (no fetch)."""
        try:
            from lint.check.languagetool.locations import Layout, layout_for
        except ImportError:
            return False
        theirs = layout_for()
        if not theirs.jars_stamp.exists():
            return False
        ours = Layout(self.cache_dir / "languagetool")
        ours.ensure()
        if not ours.jars.exists():
            ours.jars.symlink_to(theirs.jars, target_is_directory=True)
        return True

    def forget_paragraphs(self) -> None:
        """Empty the paragraph cache (the SQLite file and its journal)."""
        for path in (self.cache_dir / "languagetool").glob("results.sqlite3*"):
            path.unlink()

    def server_cpu(self) -> tuple[int, float] | None:
        """(pid, CPU seconds so far) of the benchmark's server, if one runs."""
        try:
            pid = int(json.loads((self.cache_dir / "languagetool" / "server.json").read_text())["pid"])
            times = psutil.Process(pid).cpu_times()
        except (OSError, ValueError, KeyError, TypeError, psutil.Error):
            return None
        return pid, times.user + times.system

    def url(self) -> str:
        """The benchmark server's URL, from `copydesk server status`."""
        found = _URL.search(self.server("status"))
        if not found:
            raise BenchError("`copydesk server status` names no URL")
        return found.group()

    def sample(self, args: list[str]) -> Sample:
        """One timed `copydesk check ARGS` (LanguageTool required), server CPU included."""
        cmd = self.bench.copydesk + ["check", "--require", "languagetool"] + args
        server_before = self.server_cpu()
        sample = run_once(cmd, cwd=self.bench.work, env=self.env)
        sample.cpu += _cpu_since(server_before, self.server_cpu())
        return sample

    def direct_sample(self, url: str, texts: list[str]) -> Sample:
        """Each file's prose to /v2/check, one request per file, in order."""
        server_before = self.server_cpu()
        start, cpu = time.perf_counter(), os.times()
        for text in texts:
            check_text(url, text)
        used = os.times()
        return Sample(wall=time.perf_counter() - start,
                      cpu=(used.user - cpu.user) + (used.system - cpu.system)
                      + _cpu_since(server_before, self.server_cpu()), peak_mb=float("nan"))

    def timed(self, key: str, corpus: str, words: int, args: list[str], *, runs: int,
              before=None, warmup: bool = False) -> Row:
        """Time `copydesk check ARGS` into a row."""
        row = Row(NAMES[key], corpus, words, note=_COPYDESK_NOTE)
        try:
            if warmup:
                self.sample(args)
            spent = 0.0
            for _ in range(runs):
                if before:
                    before()
                row.samples.append(self.sample(args))
                spent += row.samples[-1].wall
                if spent > self.bench.budget * 3:
                    break
        except BenchError as exc:
            row.skipped, row.note, row.samples = True, str(exc), []
        return _show(self.bench, row)

    def direct_against_cold_cache(self, corpus: str, files: list[Path], words: int, runs: int) -> tuple[Row, Row]:
        """LanguageTool alone and Copydesk with a cold paragraph cache, run by
        turns after an untimed warm-up pass: LanguageTool (Java) gets several
        times faster over its first passes, and both must meet the same server."""
        direct = Row(NAMES["direct"], corpus, words, note="one request per file; cpu is the server's and the client's")
        copydesk = Row(NAMES["warm_cold_cache"], corpus, words, note=_COPYDESK_NOTE)
        args = ["--no-cache"] + [str(p) for p in files]
        try:
            url = self.url()
            texts = [corpora.prose_of(p) for p in files]
            self.direct_sample(url, texts)
            for _ in range(runs):
                direct.samples.append(self.direct_sample(url, texts))
                self.forget_paragraphs()
                copydesk.samples.append(self.sample(args))
        except (BenchError, OSError) as exc:
            for row in (direct, copydesk):
                row.skipped, row.note, row.samples = True, str(exc), []
        return _show(self.bench, direct), _show(self.bench, copydesk)

    def measure_all(self, corpus: str, files: list[Path], words: int) -> dict[str, Row]:
        """Every LanguageTool row, in an order that leaves each in the state it needs."""
        paths = [str(p) for p in files]
        no_file_cache = ["--no-cache"] + paths

        def cold_start():
            self.server("stop")
            self.forget_paragraphs()

        # One cold start: the JVM and LanguageTool's rule loading dominate it.
        result = {"cold_no_cache": self.timed("cold_no_cache", corpus, words, no_file_cache,
                                              runs=1, before=cold_start)}
        result["direct"], result["warm_cold_cache"] = self.direct_against_cold_cache(
            corpus, files, words, runs=2 if self.bench.quick else 3)
        result["warm_warm_cache"] = self.timed("warm_warm_cache", corpus, words, no_file_cache,
                                               runs=self.bench.runs, warmup=True)
        result["warm_both_caches"] = self.timed(
            "warm_both_caches", corpus, words, ["--cache-dir", str(self.result_cache)] + paths,
            runs=self.bench.runs, warmup=True)
        result["cold_warm_cache"] = self.timed("cold_warm_cache", corpus, words, no_file_cache,
                                               runs=3, before=lambda: self.server("stop"))
        warm = result["warm_cold_cache"]
        if warm.samples:
            self.bench.notes.append(
                f"LanguageTool through Copydesk, warm server, cold cache: "
                f"{warm.wall / words * 1000:.2f} s per 1,000 words ({corpus}, {words:,} words)")
        return result


def _cpu_since(before: tuple[int, float] | None, after: tuple[int, float] | None) -> float:
    """Server CPU spent between two readings (all of it if the server is new)."""
    if after is None:
        return 0.0
    if before is None or before[0] != after[0]:
        return after[1]
    return after[1] - before[1]


def check_text(url: str, text: str, language: str = "en-US") -> dict:
    """POST one text to LanguageTool's /v2/check and return the parsed answer."""
    body = urllib.parse.urlencode({"text": text, "language": language}).encode("utf-8")
    request = urllib.request.Request(url.rstrip("/") + "/v2/check", data=body, method="POST")
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read().decode("utf-8"))
