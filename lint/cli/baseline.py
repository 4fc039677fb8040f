"""`copydesk baseline create`: accept today's findings, so CI fails on new ones only."""

from __future__ import annotations

from pathlib import Path

from lint.cli.common import add_rule_options, any_missing, command_line_from, sentence, warn
from lint.cli.run_options import add_run_options, run_linter

HELP = "record the current findings so that `check --baseline` reports only new ones"
DEFAULT_FILE = Path("copydesk-baseline.json")


def add_parser(subparsers) -> None:
    """Register `baseline` and its `create` action."""
    parser = subparsers.add_parser("baseline", help=HELP, description=sentence(HELP))
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    create = actions.add_parser(
        "create", help="check PATHs and write every finding to the baseline file",
        description="Check PATHs and write every finding to FILE. Later, "
                    "`copydesk check --baseline FILE` hides those findings, even after "
                    "lines move, and fails only on new ones.")
    create.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH",
                        help="files or directories (default: the current directory)")
    create.add_argument("--output", "-o", type=Path, default=DEFAULT_FILE, metavar="FILE",
                        help=f"the baseline file to write (default: {DEFAULT_FILE})")
    add_run_options(create)
    add_rule_options(create)
    create.set_defaults(func=run_create)
    parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])


def run_create(args) -> int:
    """Check the paths and write the baseline; 2 when some file could not be read."""
    from lint.filter import baseline
    from lint.run.changed import ChangedFilesError
    from lint.run.pipeline import Linter

    if any_missing(args.paths):
        return 2
    try:
        results = run_linter(Linter(command_line_from(args)), args)
    except ChangedFilesError as exc:
        warn(str(exc))
        return 2
    for result in results:
        if result.error:
            warn(f"{result.path}: skipped: {result.error}")
    count = baseline.write(results, args.output)
    files = sum(1 for r in results if r.findings)
    print(f"wrote {count} finding{'s' if count != 1 else ''} from {files} "
          f"file{'s' if files != 1 else ''} to {args.output}")
    return 2 if any(r.fatal for r in results) else 0
