"""Map a parser's block content back to source lines and offsets.

Markdown and reStructuredText parsers report a block's first line and its
content with indentation and container markers stripped; these helpers find
each content line in the source again.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lint.segment.textmap import BlockBuilder, align

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


class Row(NamedTuple):
    """One content line: its content offsets, its source line, and where in
    that line the content was found (-1 when it was not)."""

    content_start: int
    content_end: int
    line_start: int
    line_end: int
    found: int

    def to_source(self, offset: int) -> int:
        """Source offset of content[offset] on this line (the line start when unsure)."""
        return self.found + offset - self.content_start if self.found >= 0 else self.line_start

    @property
    def source_end(self) -> int:
        """Where the content of this line ends in the source."""
        return self.found + self.content_end - self.content_start if self.found >= 0 else self.line_end


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
        self.end = cursor or 0  # where the content ends in the source (for the next cell)
        self.rows: list[Row] = []
        content_start = 0
        for index, text in enumerate(content.split("\n")):
            lo, hi = lines.start(first_line + index), lines.end(first_line + index)
            if cursor is not None:
                lo = max(lo, cursor)
                found = source.find(text, lo, hi)
            else:
                # The content is a suffix of its line (bar trailing markers), so search from the right.
                found = source.rfind(text, lo, hi)
                if found < 0 and text.strip():
                    # Tab expansion can turn indentation into spaces.
                    stripped = text.lstrip()
                    found = source.rfind(stripped, lo, hi)
                    found = found - (len(text) - len(stripped)) if found >= 0 else -1
            if found >= 0:
                self.end = found + len(text)
            self.rows.append(Row(content_start, content_start + len(text), lo, hi, found))
            content_start += len(text) + 1

    def _row_index(self, offset: int) -> int:
        for index, row in enumerate(self.rows):
            if row.content_start <= offset <= row.content_end:
                return index
        return len(self.rows) - 1

    def to_source(self, offset: int) -> int:
        """Source offset of content[offset] (its line start when unsure)."""
        return self.rows[self._row_index(offset)].to_source(offset)

    def add_text(self, builder: BlockBuilder, text: str, offset: int) -> None:
        """Append content[offset:offset+len(text)] (one line of verbatim text) to `builder`."""
        row = self.rows[self._row_index(offset)]
        expected = row.to_source(offset)
        if row.found >= 0 and self.source.startswith(text, expected):
            builder.prose(text, expected)
            return
        # The parser dropped characters (a backslash before an escaped pipe):
        # match the text character by character. The runs stay separate, so
        # no fix spans the gap.
        runs = align(text, self.source, expected, row.line_end)
        if runs is None:
            builder.decoded(text, row.line_start, row.line_end)
            return
        for text_offset, source_offset, length in runs:
            builder.prose(text[text_offset:text_offset + length], source_offset)

    def add_newline(self, builder: BlockBuilder, offset: int) -> None:
        """Append the line break at content[offset]: verbatim when the source has a bare newline there."""
        index = self._row_index(offset)
        line_end = self.rows[index].source_end
        if index + 1 < len(self.rows):
            following = self.rows[index + 1]
            next_start = following.found if following.found >= 0 else following.line_start
        else:
            next_start = self.rows[index].line_end
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
