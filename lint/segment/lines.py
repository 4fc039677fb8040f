"""Map a parser's block content back to source lines and offsets.

Markdown and reStructuredText parsers report a block's first line and its
content with indentation and container markers stripped; these helpers find
each content line in the source again.
"""

from __future__ import annotations

import re

from .textmap import BlockBuilder, align

_NEWLINE_RE = re.compile(r"\r\n?|\n")


class LineTable:
    """Start and end offsets of every source line (any newline convention)."""

    def __init__(self, source: str):
        self.starts = [0]
        self.ends = []
        for match in _NEWLINE_RE.finditer(source):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(source))

    def start(self, line: int) -> int:
        """Offset where 0-based `line` begins."""
        return self.starts[min(line, len(self.starts) - 1)]

    def end(self, line: int) -> int:
        """Offset of the newline that ends 0-based `line`."""
        return self.ends[min(line, len(self.ends) - 1)]


class ContentLocator:
    """Maps offsets in a parser's content string to source offsets.

    Parsers hand over a block's content as its source lines with container
    prefixes (`> `, list indentation) and outer whitespace removed, starting
    at source line `first_line`; each content line is found in its own
    source line. Table cells are searched left to right from `cursor`,
    since a row holds several cells.
    """

    def __init__(self, source: str, lines: LineTable, content: str, first_line: int, cursor: int | None):
        self.source = source
        self.lines = lines
        self.end = cursor or 0
        # (content_start, content_end, source_line_start, source_line_end, where_or_None)
        self.rows: list[tuple[int, int, int, int, int | None]] = []
        content_start = 0
        for index, text in enumerate(content.split("\n")):
            lo, hi = lines.start(first_line + index), lines.end(first_line + index)
            if cursor is not None:
                lo = max(lo, cursor)
                where = source.find(text, lo, hi)
            else:
                where = source.rfind(text, lo, hi)
                if where < 0 and text.strip():
                    # Tab expansion can turn indentation into spaces.
                    stripped = text.lstrip()
                    where = source.rfind(stripped, lo, hi)
                    if where >= 0:
                        where -= len(text) - len(stripped)
            if where >= 0:
                self.end = where + len(text)
            self.rows.append((content_start, content_start + len(text), lo, hi, where))
            content_start += len(text) + 1

    def _row(self, offset: int):
        for row in self.rows:
            if row[0] <= offset <= row[1]:
                return row
        return self.rows[-1]

    def add_text(self, builder: BlockBuilder, text: str, offset: int) -> None:
        """Append content[offset:offset+len(text)] (one line of verbatim text) to `builder`."""
        start, _, lo, hi, where = self._row(offset)
        if where is not None and where >= 0:
            source_start = where + offset - start
            if self.source.startswith(text, source_start):
                builder.prose(text, source_start)
                return
        runs = align(text, self.source, lo, hi)
        if runs is None:
            builder.decoded(text, lo, hi)
            return
        for text_offset, source_offset, length in runs:
            builder.prose(text[text_offset:text_offset + length], source_offset)
        # Characters the parser dropped between runs are lost from the text
        # but the runs stay separate, so no fix spans them.

    def to_source(self, offset: int) -> int:
        """Source offset of content[offset] (nearest line start when unsure)."""
        start, end, lo, _, where = self._row(offset)
        if where is not None and where >= 0:
            return where + offset - start
        return lo

    def newline(self, offset: int) -> tuple[int, int]:
        """Source range from the end of the content line at `offset` to the next line's text."""
        index = next((i for i, row in enumerate(self.rows) if row[0] <= offset <= row[1]),
                     len(self.rows) - 1)
        row = self.rows[index]
        line_end = row[4] + (row[1] - row[0]) if row[4] is not None and row[4] >= 0 else row[3]
        if index + 1 < len(self.rows):
            following = self.rows[index + 1]
            following_start = following[4] if following[4] is not None and following[4] >= 0 else following[2]
            return line_end, following_start
        return line_end, row[3]

    def add_newline(self, builder: BlockBuilder, offset: int) -> None:
        """Append the line break at content[offset]: verbatim when the source has a bare newline there."""
        line_end, next_start = self.newline(offset)
        if self.source[line_end:next_start] == "\n":
            builder.verbatim("\n", line_end)
        else:
            builder.decoded("\n", line_end, next_start)

    def add_lines(self, builder: BlockBuilder, text: str, offset: int) -> None:
        """Append content[offset:offset+len(text)], which may run over several lines."""
        for index, piece in enumerate(text.split("\n")):
            if index:
                self.add_newline(builder, offset - 1)
            self.add_text(builder, piece, offset)
            offset += len(piece) + 1
