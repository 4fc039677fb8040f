"""Offsets to line and column, computed only when rendering."""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps code-point offsets to 1-based (line, column) in O(log n)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


class SourceMap:
    """Block-text offsets to source offsets in O(log spans).

    Gives exactly the answers of ``Block.to_source`` / ``Block.is_verbatim``
    (which scan every span: a paragraph with many inline elements and many
    hits would cost spans × hits). Needs spans in text order without
    overlap, which every segmenter produces; otherwise it defers to the
    block's own methods.
    """

    def __init__(self, block):
        spans = block.spans
        self.spans = spans
        self.starts = [s.text_start for s in spans]
        self.ends = [s.text_start + s.length for s in spans]
        self.ordered = all(s.length >= 0 for s in spans) and all(
            self.ends[i] <= self.starts[i + 1] for i in range(len(spans) - 1))
        # Kept only when needed: the map lives in the block's memo, and a
        # reference back would make every block a garbage cycle.
        self.block = None if self.ordered else block

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        """Map a block-text offset to a source offset (see ``Block.to_source``)."""
        spans = self.spans
        if not spans:
            return 0
        if not self.ordered:
            return self.block.to_source(offset, is_end=is_end)
        # The first span that holds the offset (an end may touch the span's end).
        i = (bisect.bisect_left if is_end else bisect.bisect_right)(self.ends, offset)
        if i < len(spans) and self.starts[i] <= offset:
            return spans[i].source_start + offset - self.starts[i]
        # Not verbatim text: snap to the span before (for an end) or after.
        if is_end:
            before = bisect.bisect_right(self.ends, offset) - 1
            if before >= 0:
                return spans[before].source_start + spans[before].length
        after = bisect.bisect_left(self.starts, offset)
        if after < len(spans):
            return spans[after].source_start
        return spans[-1].source_start + spans[-1].length

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when block text [start, end) is one source slice (see ``Block.is_verbatim``)."""
        if not self.ordered or start > end:
            return self.block.is_verbatim(start, end)
        i = bisect.bisect_left(self.ends, end)
        return i < len(self.spans) and self.starts[i] <= start


def source_map(block) -> SourceMap:
    """The block's SourceMap, built once per block."""
    return block.memo("source_map", lambda: SourceMap(block))
