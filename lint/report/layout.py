"""Lay the source text out as the reader sees it, with findings marked in place.

The document is cut into chunks (one per prose block, plus any other source
that carries words or a finding, such as code). Inside a block, the source
between its prose spans is markup (`**`, tags, link targets): it is kept in
the page, hidden, and followed by the text the reader sees there (a decoded
entity, a space). Findings become nested `<mark>`s. Findings may overlap
without nesting; such a finding is closed where the outer one ends and
reopened as a *continuation*, so the markup stays well formed and every
finding has exactly one primary mark. The template turns tokens into HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from lint.model import Block
from lint.report.inline_code import OBJECT, code_in

# Markup a reader never sees: tags, Markdown line prefixes, emphasis and table pipes.
_INVISIBLE_MARKUP = re.compile(r"<[^>]*>|^[ \t]*(?:[#>*+\-|]+|\d+[.)])[ \t]*|[|*_`~=]", re.M)
# HTML that never shows on the page: its text is not "code the reader sees".
_UNSEEN_ELEMENTS = re.compile(r"<(script|style|title|head|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_ELEMENTS = {"heading": "heading", "list-item": "item", "quote": "quote", "blockquote": "quote",
             "table-cell": "cell", "source": "source"}


@dataclass(frozen=True)
class Token:
    """One step of a chunk: open or close a mark, a zero-width mark (point),
    visible text, hidden markup, or text the reader sees in place of markup."""

    kind: str  # "open" | "close" | "point" | "text" | "markup" | "decoded" | "code"
    text: str = ""
    mark: object = None  # the finding view, for open/point
    continuation: bool = False


@dataclass
class Chunk:
    """A run of source shown as one element (paragraph, heading, other source)."""

    kind: str
    start: int
    end: int
    # (source start, source end, what the reader sees, "decoded" | "code") for markup inside a block
    hidden: list[tuple[int, int, str, str]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    @property
    def element(self) -> str:
        """The element kind the template uses for this chunk."""
        return _ELEMENTS.get(self.kind, "paragraph")


def _block_chunk(block: Block, text: str) -> Chunk:
    spans = sorted(block.spans, key=lambda s: s.source_start)
    hidden = []
    for before, after in pairwise(spans):
        source_gap = (before.source_start + before.length, after.source_start)
        reader_text = block.text[before.text_start + before.length:after.text_start]
        kind = "decoded"
        if OBJECT in reader_text:
            # U+FFFC stands for an inline object: inline code the reader sees, or an image.
            code = code_in(text[source_gap[0]:source_gap[1]])
            reader_text, kind = (code, "code") if code else (reader_text.replace(OBJECT, ""), kind)
        if source_gap[1] > source_gap[0] or reader_text:
            hidden.append((*source_gap, reader_text, kind))
    return Chunk(block.kind, spans[0].source_start, spans[-1].source_start + spans[-1].length, hidden)


def chunk_ranges(text: str, blocks: list[Block], spans: list[tuple[int, int]]) -> list[Chunk]:
    """Cut the source into chunks: blocks, and any gap with words or a finding."""
    ranges: list[Chunk] = []
    for block in sorted((b for b in blocks if b.spans), key=lambda b: min(s.source_start for s in b.spans)):
        chunk = _block_chunk(block, text)
        if ranges and chunk.start < ranges[-1].end:  # nested blocks (alt text): show the source
            ranges[-1].end = max(ranges[-1].end, chunk.end)
            ranges[-1].hidden = []
            continue
        ranges.append(chunk)
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
    unseen = _UNSEEN_ELEMENTS.sub("", text[start:end])
    return bool(re.search(r"\w", _INVISIBLE_MARKUP.sub("", unseen)))


def _trimmed(chunk: Chunk, text: str, spans) -> Chunk:
    """Drop what a gap shares with its neighbours' lines (a closing `**`, an
    opening `> `) and the blank lines around it, but never a finding."""
    piece = text[chunk.start:chunk.end]
    lines = piece.split("\n")
    head = len(lines[0]) + 1 if len(lines) > 1 and not re.search(r"\w", lines[0]) else 0
    tail = len(lines[-1]) if len(lines) > 1 and not re.search(r"\w", lines[-1]) else 0
    body = piece[head:len(piece) - tail]
    start = chunk.start + head + len(body) - len(body.lstrip("\r\n"))
    end = chunk.end - tail - (len(body) - len(body.rstrip()))
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
        chunk.tokens = list(_tokens(text, chunk, inside, opened))
    return chunks


def _touches(mark, chunk: Chunk) -> bool:
    if mark.start == mark.end:
        return chunk.start <= mark.start <= chunk.end
    return mark.start < chunk.end and mark.end > chunk.start


def _tokens(text: str, chunk: Chunk, marks: list, opened: set[int]):
    """The token stream of one chunk; `opened` remembers marks begun earlier."""
    start, end = chunk.start, chunk.end
    points = sorted((m for m in marks if m.start == m.end), key=_nesting_key)
    spans = sorted((m for m in marks if m.start < m.end), key=_nesting_key)
    cuts = sorted({start, end} | {min(max(p, start), end) for m in spans for p in (m.start, m.end)}
                  | {m.start for m in points} | {p for h in chunk.hidden for p in h[:2]})
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
        hidden = next((h for h in chunk.hidden if h[0] <= here < h[1] or h[0] == h[1] == here), None)
        if following > here:
            yield Token("markup" if hidden else "text", text[here:following])
        if hidden and hidden[2] and following >= hidden[1]:
            yield Token(hidden[3], hidden[2])


def _nesting_key(mark):
    # Earlier and longer marks are outer; ties keep report order.
    return (mark.start, -mark.end, mark.order)
