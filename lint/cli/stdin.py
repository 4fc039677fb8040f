"""`copydesk check -`: check text piped in, as editors and pre-commit hooks send it.

`--stdin-filename NAME` names it: the name picks the format (by suffix) and
the configuration (the nearest copydesk.yaml above it), and is the path
shown in the report; the file need not exist and is never read or written.
"""

from __future__ import annotations

import sys
from pathlib import Path

STDIN = Path("-")


def add_stdin_option(parser) -> None:
    """--stdin-filename NAME."""
    parser.add_argument("--stdin-filename", type=Path, metavar="NAME",
                        help="with PATH '-', the name of the text read from stdin: it picks the "
                             "format and the configuration, and names it in the report")


def wants_stdin(paths) -> bool:
    """True when '-' is among the paths."""
    return STDIN in paths


def stdin_problem(args) -> str | None:
    """Why this stdin run cannot go ahead, or None."""
    if not wants_stdin(args.paths):
        return "--stdin-filename needs PATH '-'" if args.stdin_filename else None
    if len(args.paths) > 1:
        return "'-' (stdin) cannot be mixed with other paths"
    if getattr(args, "changed_since", None):
        return "--changed-since does not apply to stdin"
    return None


def check_stdin(linter, args) -> list:
    """The one result for the text on stdin."""
    from lint.read import InputError, decode
    from lint.run.parallel import check_document
    from lint.run.pipeline import FileResult, document_from_text

    name = args.stdin_filename or STDIN
    try:
        text, _, _ = decode(sys.stdin.buffer.read())
    except InputError as exc:
        return [FileResult(name, error=str(exc), fatal=True)]
    return [check_document(linter, document_from_text(text, name))]
