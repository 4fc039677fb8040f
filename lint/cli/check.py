"""`copydesk check`: report findings for files and directories."""

from __future__ import annotations

import sys
from pathlib import Path

from lint.cli.check_output import add_output_options, write_reports
from lint.cli.common import (
    add_fail_on,
    add_rule_options,
    command_line_from,
    exit_code,
    fail_on_per_file,
    sentence,
    use_color,
    warn,
)
from lint.cli.run_options import add_run_options, at_least, run_linter
from lint.cli.stdin import add_stdin_option, check_stdin, stdin_problem, wants_stdin
from lint.render import FORMATS

HELP = "check files or directories and report findings"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("check", help=HELP, description=sentence(HELP))
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="files or directories (directories are searched for .txt .md .mdx .html .rst), "
                             "or - for stdin")
    parser.add_argument("--format", "-f", choices=sorted(FORMATS), default="text",
                        help="output format (default: text)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write the report to FILE instead of stdout")
    add_output_options(parser)
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour the text output (default: auto)")
    add_fail_on(parser)
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when findings are found (errors in input still exit 2)")
    parser.add_argument("--max-findings", type=at_least(0), metavar="N",
                        help="also exit 1 when more than N findings are reported, whatever their severity")
    parser.add_argument("--baseline", type=Path, metavar="FILE",
                        help="report, and fail on, only findings not in FILE "
                             "(made by `copydesk baseline create`)")
    parser.add_argument("--allow-empty", action="store_true",
                        help="exit 0 when no file was checked (default: exit 2, so a wrong path or "
                             "an unsupported format cannot pass CI unseen)")
    add_stdin_option(parser)
    add_run_options(parser)
    add_rule_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Check the paths and print the report; return the exit code."""
    from lint.filter.baseline import Baseline, BaselineError
    from lint.render import RenderOptions
    from lint.run.changed import ChangedFilesError
    from lint.run.coverage import Skipped, nothing_checked_message, unread_reason
    from lint.run.pipeline import Linter

    problem = stdin_problem(args) or (
        "--changed-lines needs --changed-since REF" if args.changed_lines and not args.changed_since else None)
    if problem:
        warn(f"error: {problem}")
        return 2
    missing = [p for p in args.paths if not p.exists() and not wants_stdin([p])]
    for path in missing:
        warn(f"{path}: no such file or directory")
    if missing:
        return 2
    linter = Linter(command_line_from(args))
    skipped = Skipped()
    try:
        baseline = Baseline.load(args.baseline) if args.baseline else None
        results = check_stdin(linter, args) if wants_stdin(args.paths) else run_linter(linter, args, skipped)
    except (BaselineError, ChangedFilesError) as exc:
        warn(str(exc))
        return 2
    if baseline is not None:
        results, matched, unused = baseline.apply(results)
        warn(f"baseline {args.baseline}: {matched} known finding{'s' if matched != 1 else ''} hidden"
             + (f"; {unused} no longer found (recreate the baseline to drop them)" if unused else ""))
    for result in results:
        if result.error:
            result.error = unread_reason(result.path, result.error)
        if result.error and args.format != "text":
            warn(f"{result.path}: skipped: {result.error}")
    to_terminal = args.output is None and use_color(sys.stdout, args.color)
    options = RenderOptions(color=args.format == "text" and to_terminal,
                            fail_on=fail_on_per_file(linter, args), rule_spec=linter.rule_spec)
    write_reports(results, args, options)
    empty = nothing_checked_message(args.paths, results)
    for line in skipped.lines(nothing_checked=empty is not None):
        warn(line)
    if empty and args.changed_since and not results:
        warn(f"no file under {' '.join(map(str, args.paths))} changed since {args.changed_since}")
    elif empty and not args.allow_empty:
        warn(f"error: {empty}")
        return 2
    code = exit_code(results, fail_on_per_file(linter, args))
    total = sum(len(r.findings) for r in results)
    if code == 0 and args.max_findings is not None and total > args.max_findings:
        warn(f"{total} findings, more than --max-findings {args.max_findings}")
        code = 1
    return 0 if args.exit_zero and code == 1 else code

