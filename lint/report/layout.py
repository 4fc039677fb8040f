"""Lay the source text out as the reader sees it, with findings marked in place.

The document is cut into chunks (one per prose block, plus any other source
that carries words or a finding). Inside a chunk, findings become nested
`<mark>` elements. Findings may overlap without nesting; such a finding is
closed where the outer one ends and reopened as a *continuation*, so the
markup stays well formed and every finding has exactly one primary mark.
The result is a token stream the template turns into HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..types import Block

# Markup a reader never sees: tags, Markdown line prefixes, table pipes.
_INVISIBLE_MARKUP = re.compile(r"<[^>]*>|^[ \t]*(?:[#>*+\-|]+|\d+[.)])[ \t]*|[|*_`~=]", re.M)
_HEADING_KINDS = {"heading"}
_ITEM_KINDS = {"list-item"}
_QUOTE_KINDS = {"quote", "blockquote"}


@dataclass(frozen=True)
class Token:
    """One step of a chunk: open a mark, close one, or some text."""

    kind: str  # "open" | "close" | "text" | "point"
    text: str = ""
    mark: object = None  # the finding view for open/point
    continuation: bool = False


@dataclass
class Chunk:
    """A run of source shown as one element (paragraph, heading, other source)."""

    kind: str
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)

    @property
    def element(self) -> str:
        """The element kind the template uses for this chunk."""
        if self.kind in _HEADING_KINDS:
            return "heading"
        if self.kind in _ITEM_KINDS:
            return "item"
        if self.kind in _QUOTE_KINDS:
            return "quote"
        if self.kind == "source":
            return "source"
        return "paragraph"


def chunk_ranges(text: str, blocks: list[Block], spans: list[tuple[int, int]]) -> list[Chunk]:
    """Cut the source into chunks: blocks, and any gap with words or a finding."""
    ranges: list[Chunk] = []
    for block in sorted(blocks, key=lambda b: b.spans[0].source_start if b.spans else 0):
        if not block.spans:
            continue
        start = block.spans[0].source_start
        end = max(s.source_start + s.length for s in block.spans)
        if ranges and start < ranges[-1].end:  # nested blocks (alt text): one chunk
            ranges[-1].end = max(ranges[-1].end, end)
            continue
        ranges.append(Chunk(block.kind, start, end))
    chunks: list[Chunk] = []
    position = 0
    for chunk in ranges + [Chunk("end", len(text), len(text))]:
        if chunk.start > position and _gap_is_shown(text, position, chunk.start, spans):
            chunks.append(_trimmed(Chunk("source", position, chunk.start), text, spans))
        if chunk.kind != "end":
            chunks.append(chunk)
        position = max(position, chunk.end)
    return chunks


def _gap_is_shown(text: str, start: int, end: int, spans) -> bool:
    """Show a gap holding a whole finding, or words a reader would see (code)."""
    if any(start <= s and e <= end for s, e in spans):
        return True
    return bool(re.search(r"\w", _INVISIBLE_MARKUP.sub("", text[start:end])))


def _trimmed(chunk: Chunk, text: str, spans) -> Chunk:
    """Drop the blank lines around a gap, but never a finding inside it."""
    piece = text[chunk.start:chunk.end]
    start = chunk.start + len(piece) - len(piece.lstrip("\r\n"))
    end = chunk.end - (len(piece) - len(piece.rstrip()))
    inside = [(s, e) for s, e in spans if chunk.start <= s and e <= chunk.end]
    chunk.start = min([start] + [s for s, _ in inside])
    chunk.end = max([end, chunk.start] + [e for _, e in inside])
    return chunk


def lay_out(text: str, blocks: list[Block], marks: list) -> list[Chunk]:
    """Chunks with their token streams; `marks` have .start, .end and .order."""
    chunks = chunk_ranges(text, blocks, [(m.start, m.end) for m in marks])
    opened: set[int] = set()
    for chunk in chunks:
        inside = [m for m in marks if _touches(m, chunk)]
        chunk.tokens = list(_tokens(text, chunk.start, chunk.end, inside, opened))
    return chunks


def _touches(mark, chunk: Chunk) -> bool:
    if mark.start == mark.end:
        return chunk.start <= mark.start <= chunk.end
    return mark.start < chunk.end and mark.end > chunk.start


def _tokens(text: str, start: int, end: int, marks: list, opened: set[int]):
    """The token stream of one chunk; `opened` remembers marks begun earlier."""
    points = sorted((m for m in marks if m.start == m.end), key=_nesting_key)
    spans = sorted((m for m in marks if m.start < m.end), key=_nesting_key)
    cuts = sorted({start, end} | {min(max(p, start), end) for m in spans for p in (m.start, m.end)}
                  | {m.start for m in points})
    stack: list = []
    for index, here in enumerate(cuts):
        following = cuts[index + 1] if index + 1 < len(cuts) else here
        wanted = [m for m in spans if m.start <= here < m.end] if here < end else []
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            yield Token("close")
        for mark in wanted[keep:]:
            yield Token("open", mark=mark, continuation=id(mark) in opened)
            opened.add(id(mark))
            stack.append(mark)
        for point in points:
            if point.start == here and id(point) not in opened:
                opened.add(id(point))
                yield Token("point", mark=point)
        if following > here:
            yield Token("text", text[here:following])


def _nesting_key(mark):
    # Earlier and longer marks are outer; ties keep report order.
    return (mark.start, -mark.end, mark.order)
