"""`copydesk audit-report`: an HTML summary of `copydesk audit` results."""

from __future__ import annotations

from pathlib import Path

from lint.cli.common import warn

HELP = "summarise `copydesk audit` results as one HTML page"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("audit-report", help=HELP, description=HELP.capitalize() + ": "
                                   "counts by rule and severity, the worst documents and their findings, "
                                   "findings by month of publication.")
    parser.add_argument("results", type=Path, metavar="RESULTS", help="the folder `copydesk audit --out` wrote")
    parser.add_argument("--output", "-o", type=Path, required=True, metavar="FILE",
                        help="the HTML file to write")
    parser.set_defaults(func=run)


def run(args) -> int:
    """Write the page; exit 2 when RESULTS holds no audit."""
    try:
        import bokeh  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        warn(f"audit-report needs the audit extra ({exc.name} is missing): pip install 'copydesk[audit]'")
        return 2
    from lint.audit.page import render_page
    from lint.audit.shards import DOCUMENTS

    if not (args.results / DOCUMENTS).is_dir():
        warn(f"audit-report: {args.results} holds no audit results (no {DOCUMENTS}/ folder)")
        return 2
    from lint.store.atomic import replace_file

    replace_file(args.output, render_page(args.results).encode("utf-8"))
    warn(f"audit report written to {args.output}")
    return 0
