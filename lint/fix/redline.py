"""The redline of an edition: which words were deleted and which inserted.

`redline(original, fixed)` diffs any two texts word by word (difflib: fine
for an article, quadratic for a book). `redline_from_changes` uses the
regions the fixer knows it changed, so it is exact and linear, and only
runs the word diff inside each changed region.
"""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

Segments = list[tuple[str, str]]


def _add(segments: Segments, op: str, text: str) -> None:
    """Append a segment, joining it to the previous one of the same kind."""
    if not text:
        return
    if segments and segments[-1][0] == op:
        segments[-1] = (op, segments[-1][1] + text)
    else:
        segments.append((op, text))


def redline(original: str, fixed: str) -> Segments:
    """Word-level diff segments ('equal' | 'delete' | 'insert', text) from original to fixed.

    Joining the 'equal' and 'delete' texts gives the original; joining
    'equal' and 'insert' gives the fixed text.
    """
    a, b = _TOKEN.findall(original), _TOKEN.findall(fixed)
    segments: Segments = []
    if len(a) <= 1 or len(b) <= 1:  # one word for another: nothing to align
        if a != b:
            _add(segments, "delete", original)
            _add(segments, "insert", fixed)
        else:
            _add(segments, "equal", original)
        return segments
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _add(segments, "equal", "".join(a[i1:i2]))
        else:
            _add(segments, "delete", "".join(a[i1:i2]))
            _add(segments, "insert", "".join(b[j1:j2]))
    return segments


def redline_from_changes(original: str, fixed: str, changes) -> Segments:
    """Segments like `redline`, given the changed regions as (original_start,
    original_end, fixed_start, fixed_end), sorted and disjoint; the text between
    them is equal in both."""
    segments: Segments = []
    new_cursor = 0
    for old_start, old_end, new_start, new_end in changes:
        _add(segments, "equal", fixed[new_cursor:new_start])
        for op, text in redline(original[old_start:old_end], fixed[new_start:new_end]):
            _add(segments, op, text)
        new_cursor = new_end
    _add(segments, "equal", fixed[new_cursor:])
    return segments
