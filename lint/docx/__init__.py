"""Word documents (.docx): read into a Document whose lines are paragraphs,
and written back with every fix as a tracked change (see `lint.docx.tracked`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lint.model import Document


@dataclass
class DocxDocument(Document):
    """A Word document's text: one line per paragraph, and each paragraph's
    kind from its style (heading, list-item, table-cell, code; "" when the
    style says nothing and the text decides, as in plain text)."""

    paragraph_kinds: tuple[str, ...] = ()


def read_docx(path: Path, raw: bytes) -> DocxDocument:
    """The Document of a .docx file's bytes; raises a fatal InputError for
    an encrypted, corrupt, macro-enabled or old binary Word file."""
    from lint.docx.layout import layout_of
    from lint.docx.package import open_package

    layout = layout_of(open_package(raw, path))
    return DocxDocument(path=path, text=layout.text, format="docx", paragraph_kinds=tuple(layout.kinds))
