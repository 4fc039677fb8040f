"""Plain text: paragraphs separated by blank lines; short unpunctuated
single lines are headings. Suppression directive lines are not prose."""

from __future__ import annotations

import re

from lint.filter.suppress import PLAIN_DIRECTIVE_RE
from lint.model import Block, Document

_PARAGRAPH_RE = re.compile(r"[^\S\r\n]*\S(?:.|\r?\n(?![^\S\r\n]*\r?\n))*", re.UNICODE)
_HEADING_MAX_WORDS = 14


def segment_text(document: Document, settings=None) -> list[Block]:
    """Split plain text into paragraph and heading blocks."""
    blocks = []
    for match in _PARAGRAPH_RE.finditer(document.text):
        for start, end in _without_directives(document.text, match.start(), match.end()):
            raw = document.text[start:end]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            begin = start + lead
            blocks.append(Block.verbatim(stripped, begin, _kind_of(stripped)))
    return blocks


def _without_directives(text: str, start: int, end: int):
    """Yield the pieces of a paragraph that are not directive lines."""
    piece_start = start
    for line in re.finditer(r"[^\r\n]*", text[start:end]):
        if PLAIN_DIRECTIVE_RE.fullmatch(line.group()):
            line_start = start + line.start()
            if line_start > piece_start:
                yield piece_start, line_start
            piece_start = start + line.end()
    if piece_start < end:
        yield piece_start, end


def _kind_of(paragraph: str) -> str:
    single_line = "\n" not in paragraph
    if single_line and paragraph[-1] not in ".!?:;,\"”’)" and len(paragraph.split()) <= _HEADING_MAX_WORDS:
        return "heading"
    return "paragraph"
