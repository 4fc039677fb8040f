"""`copydesk report`: the annotated HTML report editors review."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lint.cli.common import add_rule_options, any_missing, command_line_from, sentence, warn

HELP = "write the annotated HTML report (one page, or a page per document plus an index)"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("report", help=HELP, description=sentence(HELP))
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or directories")
    parser.add_argument("--output", "-o", metavar="OUT",
                        help="FILE.html for one page; DIR/ (or an existing directory) for one page "
                             "per document plus index.html (default: one page on stdout, "
                             "unless stdout is a terminal)")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="the page's 'accept suggested fixes' also accepts unsafe fixes (default: safe only)")
    add_rule_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Check the paths and write the report; return the exit code."""
    from lint.report import build_document  # Jinja2: only this command loads it
    from lint.run.pipeline import Linter

    if any_missing(args.paths):
        return 2
    if args.output is None and sys.stdout.isatty():
        warn("error: the report is an HTML page; write it with -o report.html "
             "(or redirect stdout: copydesk report FILE > report.html)")
        return 2
    linter = Linter(command_line_from(args))
    docs, fatal = [], False
    for number, result in enumerate(linter.lint_paths(args.paths), 1):
        fatal |= result.fatal  # an unreadable file: the report is written, the exit is 2
        if result.error:
            warn(f"{result.path}: skipped: {result.error}")
        docs.append(build_document(result, linter, f"d{number}", unsafe_fixes=args.unsafe_fixes))
    if not docs:
        warn("no files to report on")
        return 2
    output = args.output
    if output and (output.endswith(("/", "\\")) or Path(output).is_dir()):
        _write_directory(Path(output), docs)
    elif output is None:
        sys.stdout.write(_single_page(docs))
    else:
        _write(Path(output), _single_page(docs))
        warn(f"wrote {output} ({_tally(docs)})")
    return 2 if fatal else 0


def _single_page(docs) -> str:
    """One page: the document alone, or an index followed by every document."""
    from lint.report import render_page

    if len(docs) == 1:
        return render_page(docs[0].path, docs)
    return render_page(f"{len(docs)} documents", docs, index=sorted(docs, key=lambda d: d.badness))


def _write_directory(directory: Path, docs) -> None:
    """One page per document and an index.html linking them, worst first."""
    from lint.report import page_name, render_page

    taken: set[str] = set()
    # Name pages after the paths below the documents' common folder.
    base = os.path.commonpath([os.path.dirname(os.path.abspath(d.path)) for d in docs])
    for doc in docs:
        if doc.error is None:
            doc.page = page_name(os.path.relpath(os.path.abspath(doc.path), base), taken)
            _write(directory / doc.page, render_page(doc.path, [doc], up="index.html"))
    _write(directory / "index.html",
           render_page(f"{len(docs)} documents", [], index=sorted(docs, key=lambda d: d.badness)))
    warn(f"wrote {directory / 'index.html'} and {len(taken)} page(s) ({_tally(docs)})")


def _write(path: Path, html: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise SystemExit(f"copydesk: error: cannot write {path}: {exc.strerror or exc}") from None


def _tally(docs) -> str:
    count = sum(len(d.findings) for d in docs)
    return f"{count} finding{'' if count == 1 else 's'} in {len(docs)} document{'' if len(docs) == 1 else 's'}"
