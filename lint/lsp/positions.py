"""Code-point offsets to LSP positions and back, in the negotiated encoding.

LSP columns count code units of the encoding the client and server agreed
on at `initialize`: UTF-16 unless the client offers another, so a line with
an emoji has more UTF-16 columns than code points. Lines end at ``\\n``,
``\\r\\n`` or ``\\r``, as `lint.positions.LineIndex` splits them.
"""

from __future__ import annotations

import bisect

from lsprotocol import types

from lint.positions import LineIndex

_UNIT_BYTES = {"utf-8": 1, "utf-16": 2, "utf-32": 4}


def encoding_name(kind) -> str:
    """'utf-8' / 'utf-16' / 'utf-32' for a PositionEncodingKind (UTF-16 when unknown)."""
    value = getattr(kind, "value", kind) or "utf-16"
    return value if value in _UNIT_BYTES else "utf-16"


class PositionMap:
    """Offsets into one text to `types.Position`s (and back) in one encoding."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        self.index = LineIndex(text)
        self.starts = self.index.starts

    def units(self, chars: str) -> int:
        """How many code units of the encoding `chars` takes."""
        if self.encoding == "utf-32" or chars.isascii():
            return len(chars)
        data = chars.encode(self.encoding + ("-le" if self.encoding != "utf-8" else ""),
                            "surrogatepass")
        return len(data) // _UNIT_BYTES[self.encoding]

    def position(self, offset: int) -> types.Position:
        """The LSP position of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line=line, character=self.units(self.text[start:offset]))

    def range(self, start: int, end: int) -> types.Range:
        """The LSP range of [start, end)."""
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position (clamped to its line)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        if self.encoding == "utf-32" or line.isascii():
            return start + min(position.character, len(line))
        counted = 0
        for column, char in enumerate(line):
            if counted >= position.character:
                return start + column
            counted += self.units(char)
        return start + len(line)
