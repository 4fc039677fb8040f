"""Where text moved: maps offsets after several passes of edits back to the original."""

from __future__ import annotations

import bisect


class OffsetMap:
    """Maps offsets in the text after several passes back to the original."""

    def __init__(self):
        # One list per pass of (old_start, old_end, new_start, new_end), sorted.
        self.passes: list[list[tuple[int, int, int, int]]] = []

    def to_original(self, offset: int, *, is_end: bool = False) -> int:
        """Map an offset in the text after the last pass back to the original."""
        for segments in reversed(self.passes):
            offset = _map_back(offset, segments, is_end)
        return offset

    def changed_regions(self) -> list[tuple[int, int, int, int]]:
        """What the passes changed, as sorted (original_start, original_end, final_start, final_end)."""
        regions: list[tuple[int, int]] = []  # in the coordinates of the latest pass
        for segments in self.passes:
            moved = [(_map_forward(a, segments), _map_forward(b, segments)) for a, b in regions]
            regions = _merge(moved + [(new_start, new_end) for _, _, new_start, new_end in segments])
        # The characters around each region were never rewritten, so they map back exactly.
        return [(self.to_original(start - 1) + 1 if start else 0, self.to_original(end), start, end)
                for start, end in regions]


def _map_forward(offset: int, segments) -> int:
    """An offset before a pass to the text after it; one inside replaced text goes to its start."""
    i = bisect.bisect_right(segments, offset, key=lambda seg: seg[0]) - 1
    if i < 0:
        return offset
    old_start, old_end, new_start, new_end = segments[i]
    return new_start if offset < old_end else offset + (new_end - old_end)


def _merge(intervals) -> list[tuple[int, int]]:
    """Sorted intervals, with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _map_back(offset: int, segments, is_end: bool) -> int:
    # The last segment starting before `offset` (at or before, for a start offset:
    # text right after a deletion maps to after the deleted text) decides.
    search = bisect.bisect_left if is_end else bisect.bisect_right
    i = search(segments, offset, key=lambda seg: seg[2]) - 1
    if i < 0:
        return offset
    old_start, old_end, new_start, new_end = segments[i]
    if offset < new_end:  # inside text a fix inserted
        return old_end if is_end else old_start
    return offset - (new_end - old_end)


def apply_edits(text: str, edits) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Apply sorted, non-overlapping edits; return the text and the offset segments."""
    pieces, segments, cursor, growth = [], [], 0, 0
    for edit in sorted(edits, key=lambda edit: (edit.start, edit.end)):
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.replacement)
        new_start = edit.start + growth
        growth += len(edit.replacement) - (edit.end - edit.start)
        segments.append((edit.start, edit.end, new_start, edit.end + growth))
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), segments
