"""Profile one built-in-rules `copydesk check` in this process.

    .venv/bin/python bench/profile_check.py rust-book          # cProfile, top functions
    .venv/bin/python bench/profile_check.py article --size 1000000
    .venv/bin/python bench/profile_check.py rust-book --pyinstrument

Profiles go to bench/profiles/ (git-ignored); the top of the table is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import corpora  # noqa: E402


def targets(corpus: str, size: int, work: Path) -> list[str]:
    """The paths to check for a corpus name."""
    if corpus == "rust-book":
        return [str(p) for p in corpora.rust_book_files()]
    return [str(corpora.article_of_size(size, work))]


def main(argv=None) -> int:
    """Profile a check and print where the time goes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=["rust-book", "article"])
    parser.add_argument("--size", type=int, default=1_000_000, help="article size in bytes")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", choices=["tottime", "cumulative"])
    parser.add_argument("--pyinstrument", action="store_true", help="a sampling call tree instead")
    parser.add_argument("--args", default="", help="extra `check` arguments, space-separated")
    args = parser.parse_args(argv)
    out_dir = HERE / "profiles"
    out_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        paths = targets(args.corpus, args.size, Path(work))
        check = ["check", "--no-languagetool", *args.args.split(), *paths]
        from lint.cli import main as copydesk

        sink = io.StringIO()
        if args.pyinstrument:
            from pyinstrument import Profiler

            with Profiler(interval=0.001) as profiler, contextlib.redirect_stdout(sink):
                copydesk(check)
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            (out_dir / f"{args.corpus}.html").write_text(profiler.output_html(), encoding="utf-8")
            return 0
        profile = cProfile.Profile()
        with contextlib.redirect_stdout(sink):
            profile.runcall(copydesk, check)
    dump = out_dir / f"{args.corpus}.prof"
    profile.dump_stats(dump)
    stats = pstats.Stats(profile).strip_dirs().sort_stats(args.sort)
    stats.print_stats(args.top)
    print(f"profile written to {dump}; last line of output: {sink.getvalue().strip().splitlines()[-1:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
