"""Time two checkouts of Copydesk on the same corpus, in one run.

    .venv/bin/python bench/compare.py --before ../before            # rust-book, built-in rules
    .venv/bin/python bench/compare.py --before ../before --runs 9 --jobs 1 PATH

Each checkout's `lint` package is imported through PYTHONPATH with this
Python (so both use the same dependencies), the result cache off and
LanguageTool off. Runs alternate between the two so a busy machine slows
both alike; the table gives the median wall and CPU time (user + system,
all processes) of each and their ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "rust-book"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_once(checkout: Path, corpus: Path, jobs: int | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one check of `corpus` with `checkout`."""
    command = [sys.executable, "-m", "lint", "check", str(corpus), "--no-languagetool", "--no-cache",
               "--format", "json", "--output", os.devnull]
    if jobs:
        command += ["--jobs", str(jobs)]
    environment = dict(os.environ, PYTHONPATH=str(checkout))
    cpu, wall = _children_cpu(), time.perf_counter()
    proc = subprocess.run(command, env=environment, cwd=checkout, capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - wall, _children_cpu() - cpu
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{checkout}: exit {proc.returncode}\n{proc.stderr}")
    return wall, cpu


def main(argv=None) -> int:
    """Print the before/after table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (a git worktree)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each, after one warm-up (default 5)")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs for both (default: theirs)")
    args = parser.parse_args(argv)
    checkouts = {"before": args.before.resolve(), "after": ROOT}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
    for name, checkout in checkouts.items():
        time_once(checkout, args.corpus, args.jobs)  # warm-up: caches of word tables, imports
    for _ in range(args.runs):
        for name, checkout in checkouts.items():
            times[name].append(time_once(checkout, args.corpus, args.jobs))
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in times.items()}
    print(f"{args.corpus.name}, built-in rules, {args.runs} runs each, median")
    print(f"{'checkout':<8} {'wall s':>8} {'CPU s':>8}")
    for name, (wall, cpu) in medians.items():
        print(f"{name:<8} {wall:8.2f} {cpu:8.2f}")
    (before_wall, before_cpu), (after_wall, after_cpu) = medians["before"], medians["after"]
    print(f"{'after/before':<8} {after_wall / before_wall:8.2f} {after_cpu / before_cpu:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
