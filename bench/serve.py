"""Benchmark `copydesk serve`: latency and throughput of checking an
800-word article, beside `copydesk check` and LanguageTool's own /v2/check.

    .venv/bin/python bench/serve.py                 # 40 timed requests, 60 s of load
    .venv/bin/python bench/serve.py --seconds 10    # a shorter load phase

The service is started once per mode (with LanguageTool, built-in rules
only) and warmed with one request; every timed request then sends an article
whose every paragraph is new (a request number is written into each), so the
LanguageTool paragraph cache never answers: the figures are for cold
paragraphs on a warm service.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(1, str(REPO / "tests"))
sys.path.insert(2, str(REPO))

from languagetool import check_text as languagetool_check  # noqa: E402  (bench/languagetool.py)
from servehelp import running_service  # noqa: E402
from lint.check.languagetool.locations import layout_for  # noqa: E402
from lint.check.languagetool.server import ServerManager  # noqa: E402

ARTICLE = REPO / "fixtures" / "article.txt"
WORDS = 800
CLIENTS = 8


def article(number: int) -> str:
    """An article of about WORDS words whose paragraphs no earlier request sent."""
    paragraphs = [p for p in ARTICLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out, words, index = [], 0, 0
    while words < WORDS:
        paragraph = paragraphs[index % len(paragraphs)].strip()
        tagged = f"Update {number}-{index}: {paragraph}"
        out.append(tagged)
        words += len(tagged.split())
        index += 1
    return "\n\n".join(out) + "\n"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def latency(send, runs: int, start: int) -> list[float]:
    """Seconds for `runs` sequential requests, each a new article."""
    times = []
    for number in range(start, start + runs):
        text = article(number)
        began = time.perf_counter()
        send(text)
        times.append(time.perf_counter() - began)
    return times


def throughput(url: str, seconds: float, start: int) -> tuple[int, int, float]:
    """(answered, failed, requests per second) for CLIENTS clients sending new articles."""
    counter = itertools.count(start)
    lock = threading.Lock()
    done, failed = [0], [0]
    stop_at = time.monotonic() + seconds

    def client():
        session = requests.Session()
        while time.monotonic() < stop_at:
            with lock:
                number = next(counter)
            try:
                ok = session.post(url + "/api/v1/check", json={"text": article(number)}, timeout=120).ok
            except requests.RequestException:
                ok = False
            with lock:
                done[0] += ok
                failed[0] += not ok

    began = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0], failed[0], done[0] / (time.monotonic() - began)


def service_row(label: str, args: list[str], runs: int, seconds: float, start: int) -> list[str]:
    with running_service(*args) as url:
        def send(text: str) -> None:
            answer = requests.post(url + "/api/v1/check", json={"text": text}, timeout=120)
            answer.raise_for_status()
        send(article(start - 1))  # warm: rules compiled, LanguageTool reached
        times = latency(send, runs, start)
        answered, failed, rate = throughput(url, seconds, start + runs)
    return [label, f"{1000 * statistics.median(times):.0f}", f"{1000 * percentile(times, 0.99):.0f}",
            f"{rate:.1f}", f"{answered}", f"{failed}"]


def cli_row(runs: int, start: int, extra: list[str], label: str) -> list[str]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(start, start + runs):
            path = Path(tmp) / f"article-{number}.txt"
            path.write_text(article(number), encoding="utf-8")
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", *extra, str(path)],
                           cwd=REPO, capture_output=True, check=False)
            times.append(time.perf_counter() - began)
    return [label, f"{1000 * statistics.median(times):.0f}", f"{1000 * percentile(times, 0.99):.0f}",
            "-", "-", "-"]


def languagetool_row(runs: int, start: int) -> list[str]:
    state = ServerManager(layout_for()).ensure_running()
    times = latency(lambda text: languagetool_check(state.url, text), runs, start)
    return ["LanguageTool /v2/check (direct)", f"{1000 * statistics.median(times):.0f}",
            f"{1000 * percentile(times, 0.99):.0f}", "-", "-", "-"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="timed sequential requests (default 40)")
    parser.add_argument("--seconds", type=float, default=60, help="load phase per mode (default 60)")
    parser.add_argument("--cli-runs", type=int, default=5, help="timed `copydesk check` runs (default 5)")
    args = parser.parse_args()
    # Each mode gets its own range of request numbers, so no paragraph repeats across modes.
    stamp = int(time.time()) % 100_000 * 100_000
    rows = [
        service_row("serve, with LanguageTool", [], args.runs, args.seconds, stamp + 1_000),
        service_row("serve, built-in rules only", ["--no-languagetool"], args.runs, args.seconds, stamp + 40_000),
        cli_row(args.cli_runs, stamp + 80_000, [], "copydesk check (process per file)"),
        cli_row(args.cli_runs, stamp + 81_000, ["--no-languagetool"], "copydesk check --no-languagetool"),
        languagetool_row(args.runs, stamp + 90_000),
    ]
    words = len(article(0).split())
    header = ["what", "median ms", "p99 ms", f"req/s ({CLIENTS} clients)", "answered", "failed"]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"copydesk serve: a {words}-word article, cold paragraph cache, warm service; "
          f"{args.runs} sequential requests, then {CLIENTS} clients for {args.seconds:g} s")
    for row in [header, *rows]:
        print("  ".join(str(cell).rjust(width) if i else str(cell).ljust(width)
                        for i, (cell, width) in enumerate(zip(row, widths))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
