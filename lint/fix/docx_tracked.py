"""The fixed edition of a Word document: the original .docx with every
applied fix as a tracked change and every unresolved finding as a comment.

The fixer works on the document's text (`lint.docx.layout`, one line per
paragraph) like on any other; this turns its result back into Word: the
redline of original against fixed text becomes `w:del`/`w:ins` revisions
(`lint.docx.tracked`), and each remaining finding, mapped back to the
original text, a comment on the runs it covers (`lint.docx.comments`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lxml import etree

from lint.docx.comments import add_comments
from lint.docx.layout import layout_of
from lint.docx.package import open_package
from lint.docx.tracked import Revisions, write_revisions
from lint.fix import FixResult


@dataclass(frozen=True)
class TrackedEdition:
    """The bytes of the new .docx and what could not be carried over."""

    data: bytes
    revisions: int  # w:ins and w:del marks written
    comments: int
    unjoined: int  # paragraph joins left out (a cell's or a note's last paragraph)
    uncommented: int  # findings with no run in the main document to hold a comment


def comment_text(finding) -> str:
    """What a comment says: the message and the rule that made it."""
    return f"{finding.message} [{finding.rule}]"


def tracked_edition(raw: bytes, path: Path, result: FixResult, when: datetime | None = None) -> TrackedEdition:
    """The original .docx (its bytes) with the fix result written in as revisions and comments."""
    document = open_package(raw, path)
    layout = layout_of(document)
    if layout.text != result.original:
        raise ValueError(f"{path}: the document changed between checking and writing the edition")
    offsets = result.offsets
    anchors = [(offsets.to_original(f.start), offsets.to_original(f.end, is_end=True), comment_text(f))
               for f in result.remaining]
    revisions = Revisions(document.element, when=when)
    first_id = revisions.next_id
    cuts = {start for start, _, _ in anchors} | {end for _, end, _ in anchors}
    units, unjoined = write_revisions(layout, result.redline(), revisions, cuts)
    uncommented = add_comments(document, units, anchors)
    for part, root in layout.parts:  # footnotes and endnotes: python-docx keeps them as bytes
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return TrackedEdition(buffer.getvalue(), revisions.next_id - first_id, len(anchors) - uncommented,
                          unjoined, uncommented)
