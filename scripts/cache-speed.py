#!/usr/bin/env python3
"""Time `copydesk check` on a docs tree twice: a cold result cache, then a
warm one. Built-in rules only (--no-languagetool), default --jobs.

    .venv/bin/python scripts/cache-speed.py [TREE]    (default: ../shared/corpus/rust-book)

The cache lives in a fresh temporary folder, so the first run is truly cold.
Prints both timings and their ratio; exits 1 when the warm run is not at
least 5x faster, or when the two reports differ.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TREE = ROOT.parent / "shared" / "corpus" / "rust-book"
REQUIRED_SPEEDUP = 5.0


def timed_check(tree: Path, cache_dir: Path) -> tuple[float, str]:
    """Seconds for one whole `copydesk check` process, and its JSON report."""
    command = [sys.executable, "-m", "lint", "check", str(tree), "--no-languagetool",
               "--format", "json", "--cache-dir", str(cache_dir)]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed, proc.stdout


def main() -> int:
    """Run cold then warm; print the figures."""
    tree = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TREE
    if not tree.is_dir():
        sys.exit(f"{tree}: not a directory")
    with tempfile.TemporaryDirectory(prefix="copydesk-cache-") as cache_dir:
        cold, cold_report = timed_check(tree, Path(cache_dir))
        warm, warm_report = timed_check(tree, Path(cache_dir))
    files = sum(1 for p in tree.rglob("*") if p.suffix in (".md", ".txt", ".html", ".rst"))
    speedup = cold / warm
    print(f"tree:        {tree} ({files} files)")
    print(f"first run:   {cold:.2f} s  (cache empty)")
    print(f"second run:  {warm:.2f} s  (cache warm)")
    print(f"speed-up:    {speedup:.1f}x (required: {REQUIRED_SPEEDUP:.0f}x)")
    if cold_report != warm_report:
        print("FAIL: the cached report differs from the first one")
        return 1
    return 0 if speedup >= REQUIRED_SPEEDUP else 1


if __name__ == "__main__":
    sys.exit(main())
