"""Delivering the fixed edition of a Word document: a new .docx whose
changes are tracked revisions and whose unresolved findings are comments.

The input is never written over: `-o` naming the input is refused, and
`--in-place` keeps the original as FILE.docx.orig (`--no-backup` is refused).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from lint.fix import FixResult
from lint.store.atomic import Snapshot, WriteRefused, write_atomic


def deliver_docx(path: Path, result: FixResult, snapshot: Snapshot | None, args) -> None:
    """Write the tracked edition where the options say; raises WriteRefused or OSError."""
    from lint.fix.docx_tracked import tracked_edition

    if args.in_place and args.no_backup:
        raise WriteRefused(f"{path}: a Word document is fixed in place only with its backup "
                           "(FILE.docx.orig): drop --no-backup, or use -o OUT.docx")
    if not (args.in_place or args.output):
        raise WriteRefused(f"{path}: a fixed Word document is a file: give -o OUT.docx (or --in-place)")
    target = path if args.in_place else args.output
    if not args.in_place and target.resolve() == path.resolve():
        raise WriteRefused(f"{path}: -o names the input; the original is never written over (use --in-place)")
    try:
        edition = tracked_edition(path.read_bytes(), path, result)
    except ValueError as exc:  # the file changed after it was read: nothing is written
        raise WriteRefused(str(exc)) from None
    if edition.unjoined:
        print(f"{path}: {edition.unjoined} paragraph join(s) left out (a table cell's or a note's last "
              "paragraph cannot be joined to the next)", file=sys.stderr)
    if edition.uncommented:
        print(f"{path}: {edition.uncommented} finding(s) in footnotes or endnotes have no comment "
              "(Word comments live in the main text)", file=sys.stderr)
    if args.in_place:
        if result.fixed != result.original or edition.comments:
            write_atomic(path, edition.data, expected=snapshot, backup=path.with_name(path.name + ".orig"))
        return
    _write_new(target, edition.data)


def _write_new(target: Path, data: bytes) -> None:
    """Write a file whole or not at all (a temporary file renamed over it)."""
    if target.exists():
        write_atomic(target, data)
        return
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".copydesk-tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)  # as a file made with open() would be
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
