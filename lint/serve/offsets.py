"""Code points (Python's offsets, and Copydesk's) to UTF-16 code units
(what LanguageTool, Java and JavaScript count), and back."""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Offsets of one text in both units, in O(log astral characters)."""

    def __init__(self, text: str):
        # Code-point offsets of characters outside the BMP (two UTF-16 units each).
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]
        # The UTF-16 offset just after each of them.
        self.astral_units = [at + i + 2 for i, at in enumerate(self.astral)]

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code-point `offset`."""
        return offset + bisect.bisect_left(self.astral, offset)

    def from_utf16(self, units: int) -> int:
        """The code-point offset at UTF-16 offset `units` (inside a pair: the pair's character)."""
        before = bisect.bisect_right(self.astral_units, units)
        return units - before

    def span(self, start: int, end: int) -> tuple[int, int]:
        """(offset, length) in UTF-16 units of code points [start, end)."""
        first = self.to_utf16(start)
        return first, self.to_utf16(end) - first
