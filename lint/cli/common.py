"""Options and helpers shared by several commands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config.settings import FAIL_ON_CHOICES
from lint.model import Severity

if TYPE_CHECKING:
    from lint.run.pipeline import CommandLine


def sentence(text: str) -> str:
    """`text` as a sentence: first letter raised, the rest (HTML,
    LanguageTool) left as written, unlike str.capitalize."""
    return text[:1].upper() + text[1:] + "."


def split_list(value: str) -> tuple[str, ...]:
    """Parse 'a,b c' into ('a', 'b', 'c')."""
    return tuple(v for v in value.replace(",", " ").split() if v)


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """--config, --select, --ignore, --rules-dir and the LanguageTool switches."""
    group = parser.add_argument_group("rules and configuration")
    group.add_argument("--config", type=Path, metavar="FILE",
                       help="use this configuration file instead of the nearest copydesk.yaml")
    group.add_argument("--select", type=split_list, default=(), metavar="RULES",
                       help="only these rules or packs (comma-separated ids or prefixes)")
    group.add_argument("--ignore", type=split_list, default=(), metavar="RULES",
                       help="skip these rules or packs")
    group.add_argument("--rules-dir", type=Path, action="append", default=[], metavar="DIR",
                       help="an extra rule directory (repeatable)")
    lt = parser.add_argument_group("LanguageTool")
    lt.add_argument("--no-languagetool", dest="languagetool", action="store_false", default=None,
                    help="built-in rules only; do not start or call LanguageTool")
    lt.add_argument("--languagetool", dest="languagetool_url", metavar="URL",
                    help="use the LanguageTool server at URL instead of a local one")
    lt.add_argument("--require", choices=["languagetool"], action="append", default=[],
                    help="fail (exit 2) instead of continuing when LanguageTool is unavailable")


def command_line_from(args: argparse.Namespace) -> CommandLine:
    """The CommandLine settings from parsed arguments."""
    from lint.run.pipeline import CommandLine

    return CommandLine(
        config=args.config, select=args.select, ignore=args.ignore,
        rules_dirs=tuple(args.rules_dir), languagetool=args.languagetool,
        languagetool_url=args.languagetool_url,
        require_languagetool="languagetool" in args.require,
        fail_on=getattr(args, "fail_on", None),
    )


def add_fail_on(parser: argparse.ArgumentParser) -> None:
    """--fail-on LEVEL."""
    parser.add_argument("--fail-on", choices=FAIL_ON_CHOICES, default=None,
                        help="lowest severity that makes the exit code 1 (default: error)")


def exit_code(results, fail_on) -> int:
    """0 clean, 1 findings at/above the threshold, 2 when a file could not be read.

    `fail_on` is a level, or a function giving each file's level (its own
    config's `fail_on`, unless --fail-on was given), so the exit code does
    not depend on the order of the paths.
    """
    if any(r.fatal for r in results):
        return 2
    level_for = fail_on if callable(fail_on) else (lambda path: fail_on)
    for result in results:
        level = level_for(result.path)
        if level == "never" or not result.findings:
            continue
        threshold = Severity.parse(level)
        if any(f.severity >= threshold for f in result.findings):
            return 1
    return 0


def fail_on_per_file(linter, args):
    """The --fail-on level, or else the `fail_on` of each file's own config."""
    return args.fail_on or (lambda path: linter.settings_for(path).fail_on)


def use_color(stream=sys.stdout, choice: str = "auto") -> bool:
    """Colour when asked, or when writing to a terminal without NO_COLOR."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and "NO_COLOR" not in os.environ


def warn(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"copydesk: {message}", file=sys.stderr)


def any_missing(paths) -> bool:
    """Warn about each path that does not exist; True when there was one."""
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        warn(f"{path}: no such file or directory")
    return bool(missing)
