"""Inline code as the reader sees it.

Segmenters replace inline code in prose with U+FFFC (an object the checkers
skip), so a report built from block text alone would read "Rust has the
type." This finds the code in the source between two prose spans, so the
report can show it, styled as code and never highlighted.
"""

from __future__ import annotations

import html
import re

from lint.model import Block

OBJECT = "\ufffc"
_CODE = re.compile(r"(`+)(?P<md>.+?)\1(?!`)"  # Markdown
                   r"|``(?P<rst>.+?)``"  # reStructuredText
                   r"|<(code|kbd|samp|tt|var)\b[^>]*>(?P<html>.*?)</\4\s*>", re.S | re.I)


def code_in(source: str) -> str | None:
    """The inline code a piece of markup shows, or None when it holds none."""
    pieces = []
    for match in _CODE.finditer(source):
        if match.group("md") is not None:
            piece = match.group("md")
            piece = piece[1:-1] if len(piece) > 2 and piece[0] == piece[-1] == " " else piece
        elif match.group("rst") is not None:
            piece = match.group("rst")
        else:
            piece = html.unescape(re.sub(r"<[^>]*>", "", match.group("html")))
        pieces.append(" ".join(piece.split()))
    return " ".join(pieces) if pieces else None


def readable(block: Block, source: str, start: int, end: int) -> str:
    """Block text [start, end) with each inline object replaced by the code it stands for."""
    out, cursor = [], start
    for index in (i for i in range(start, end) if block.text[i] == OBJECT):
        out.append(block.text[cursor:index])
        gap = source[block.to_source(index, is_end=True):block.to_source(index + 1)]
        out.append(code_in(gap) or "")
        cursor = index + 1
    out.append(block.text[cursor:end])
    return "".join(out)
