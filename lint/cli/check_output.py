"""Where `check` writes its findings: the --format report (stdout or
--output) and any `--report-to FORMAT:FILE`, all rendered from the one run,
so CI gets annotations and a SARIF file without checking twice."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from lint.render import FORMATS


def report_target(value: str) -> tuple[str, Path]:
    """Parse FORMAT:FILE for --report-to."""
    name, sep, file = value.partition(":")
    if not sep or not file or name not in FORMATS:
        raise argparse.ArgumentTypeError(f"expected FORMAT:FILE with FORMAT one of {', '.join(sorted(FORMATS))}, "
                                         f"got {value!r}")
    return name, Path(file)


def add_output_options(parser) -> None:
    """--report-to FORMAT:FILE (repeatable), --statistics."""
    parser.add_argument("--statistics", action="store_true",
                        help="print how many findings each rule made instead of the text report "
                             "(on stderr with another --format)")
    parser.add_argument("--report-to", type=report_target, action="append", default=[], metavar="FORMAT:FILE",
                        help="also write the findings of this same run in FORMAT to FILE "
                             "(repeatable; e.g. --format github --report-to sarif:copydesk.sarif)")


def write_reports(results, args, options) -> None:
    """Render and write every report asked for."""
    from lint.render import render

    wanted = [(args.format, args.output)] + [(name, file) for name, file in args.report_to]
    if any(name == "github" for name, _ in wanted):
        from lint.render.github_summary import pull_request_changes, write_step_summary

        options = replace(options, changed_lines=pull_request_changes(args.changed_since, args.paths))
        write_step_summary(results)
    if args.statistics:
        from lint.render import statistics

        table = statistics.render(results)
        if args.format == "text" and args.output is None:
            wanted = wanted[1:]  # the table instead of the text report
            _write_in_pieces(sys.stdout, table)
        else:
            sys.stderr.write(table)
    for name, file in wanted:
        shown = options if file is None else replace(options, color=False)
        report = render(results, name, shown)
        if file is None:
            _write_in_pieces(sys.stdout, report)
        else:
            with open(file, "w", encoding="utf-8") as target:
                _write_in_pieces(target, report)


def _write_in_pieces(stream, text: str, size: int = 1 << 20) -> None:
    """Write a report a megabyte at a time: encoding 100 MB of JSON in one go
    would hold a second copy of it."""
    for start in range(0, len(text), size):
        stream.write(text[start:start + size])
