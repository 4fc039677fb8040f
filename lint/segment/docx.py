"""Word documents: one block per paragraph (a line of the document's text,
see `lint.docx.layout`), its kind from the paragraph style.

Stand-ins for fields and code (U+FFFC) and soft breaks are in the block but
in no span, so no fix can touch them; code paragraphs are not prose.
"""

from __future__ import annotations

import re

from lint.docx.layout import LINE_BREAK, OPAQUE
from lint.model import Block, Document
from lint.segment.plain import _kind_of as plain_kind
from lint.segment.textmap import BlockBuilder

_LINE_RE = re.compile(r"[^\n]*")
_SPECIAL_RE = re.compile(f"[{OPAQUE}{LINE_BREAK}]")


def segment_docx(document: Document, settings=None) -> list[Block]:
    """The prose blocks of a Word document, one per paragraph."""
    kinds = getattr(document, "paragraph_kinds", ())
    lines = [m for m in _LINE_RE.finditer(document.text) if m.start() == 0 or document.text[m.start() - 1] == "\n"]
    if len(kinds) != len(lines):
        kinds = ("",) * len(lines)  # the fixer joined paragraphs: let the text decide
    blocks = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "code" or not line.group().strip():
            continue
        builder = BlockBuilder(kind or "paragraph")
        position = line.start()
        for special in _SPECIAL_RE.finditer(document.text, line.start(), line.end()):
            builder.prose(document.text[position:special.start()], position)
            if special.group() == OPAQUE:
                builder.placeholder(special.start(), special.end())
            else:
                builder.decoded(" ", special.start(), special.end())
            position = special.end()
        builder.prose(document.text[position:line.end()], position)
        block = builder.build()
        if block is not None:
            if not kind:
                block.kind = plain_kind(block.text)
            blocks.append(block)
    return blocks
