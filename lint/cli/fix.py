"""`copydesk fix`: write the corrected edition, safe fixes only by default."""

from __future__ import annotations

from pathlib import Path

from lint.cli.common import add_fail_on, add_rule_options, sentence

HELP = "write the corrected edition of a file (safe fixes only unless --unsafe-fixes)"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("fix", help=HELP, description=sentence(HELP))
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE",
                        help="the file to fix (several files or directories with --in-place or --diff)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", type=Path, metavar="OUT",
                       help="write the edition to OUT instead of stdout")
    where.add_argument("--in-place", action="store_true",
                       help="rewrite the file atomically, keeping FILE.orig")
    where.add_argument("--diff", action="store_true",
                       help="print a unified diff instead of the edition")
    parser.add_argument("--no-backup", action="store_true", help="with --in-place, keep no FILE.orig")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply unsafe fixes (confusions, facts): review the result")
    parser.add_argument("--interactive", "-i", action="store_true",
                        help="ask about each change: yes, no, edit, all the rest, quit")
    parser.add_argument("--decisions", type=Path, metavar="JSON",
                        help="apply exactly the findings accepted in the report (its exported decisions file)")
    parser.add_argument("--log", type=Path, metavar="FILE",
                        help="write JSON listing every applied change and every unfixed finding")
    add_fail_on(parser)
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when findings remain (errors still exit 2)")
    add_rule_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Fix the files as asked; return the exit code (the work is in `fix_run`)."""
    from lint.cli.fix_run import run as fix_files

    return fix_files(args)
