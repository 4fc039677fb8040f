"""Options every checking command shares for CI runs: which files
(`--changed-since`), how fast (`--jobs`, the cache), and the one function
that turns them into results."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.run.pipeline import Linter


def at_least(minimum: int):
    """An argparse type for whole numbers of `minimum` or more."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more")
        return number
    return parse


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """--changed-since, --jobs, --no-cache, --cache-dir."""
    group = parser.add_argument_group("files and speed")
    group.add_argument("--changed-since", metavar="REF",
                       help="check only files under PATHs that changed in git since REF's merge base "
                            "with HEAD (committed, staged, unstaged or untracked)")
    group.add_argument("--changed-lines", action="store_true",
                       help="with --changed-since, report only findings on lines changed since "
                            "REF's merge base (what a pull request reviewer sees)")
    group.add_argument("--jobs", "-j", type=at_least(1), metavar="N",
                       help="check N files at once in separate processes (default: the CPU count)")
    group.add_argument("--no-cache", dest="cache", action="store_false",
                       help="neither read nor write the result cache")
    group.add_argument("--cache-dir", type=Path, metavar="DIR",
                       help="where to keep the result cache (default: $COPYDESK_CACHE_DIR or "
                            ".copydesk-cache in the current directory)")


def run_linter(linter: Linter, args, skipped=None) -> list:
    """Check the files the arguments name; results in file order (walked
    files without a reader are counted in `skipped`, when given)."""
    from lint.run.parallel import check_files
    from lint.store.results import ResultCache, default_directory

    if args.changed_since:
        from lint.run.changed import changed_files

        settings = linter.settings_for(args.paths[0])
        files = changed_files(args.changed_since, args.paths, settings.is_excluded)
    else:
        files = list(linter.files(args.paths, skipped))
    cache = ResultCache(args.cache_dir or default_directory()) if args.cache else None
    results = check_files(linter, files, jobs=args.jobs, cache=cache)
    if getattr(args, "changed_lines", False):
        from lint.run.changed_lines import changed_line_numbers, keep_changed_lines

        results = keep_changed_lines(results, changed_line_numbers(args.changed_since, args.paths))
    return results
