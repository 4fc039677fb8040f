"""Which fixes to apply in one pass: wanted, well formed, inside prose, and
of two overlapping fixes the safer one."""

from __future__ import annotations

import bisect
from dataclasses import replace
from itertools import pairwise
from typing import cast

from lint.config.settings import rule_matches
from lint.fix.offsets import apply_edits
from lint.model import Applicability, Document, Edit, Finding, Fix


def fix_span(fix: Fix) -> tuple[int, int]:
    """The smallest range covering every edit of a fix."""
    return min(e.start for e in fix.edits), max(e.end for e in fix.edits)


def _position(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


class TakenEdits:
    """Edits chosen so far in a pass, kept sorted so overlap checks are O(log n)."""

    def __init__(self):
        self.edits: list[Edit] = []
        self.keys: list[tuple[int, int]] = []  # (start, end) of each edit, sorted

    def conflicts(self, edit: Edit) -> bool:
        """True when `edit` overlaps a chosen edit (or inserts where another inserts)."""
        # Chosen edits never overlap, so the last one starting before edit.end has the
        # largest end of those that could overlap.
        i = bisect.bisect_left(self.keys, (edit.end, -1))
        if i and edit.start < self.keys[i - 1][1]:
            return True
        # An insertion where another inserts: which goes first is undefined.
        return edit.start == edit.end and i < len(self.keys) and self.keys[i] == (edit.start, edit.start)

    def add(self, edits) -> None:
        """Choose these edits (usually in order, so this appends)."""
        for edit in edits:
            key = (edit.start, edit.end)
            i = len(self.keys) if not self.keys or self.keys[-1] <= key else bisect.bisect_right(self.keys, key)
            self.edits.insert(i, edit)
            self.keys.insert(i, key)


def _well_formed(fix: Fix, length: int) -> bool:
    edits = sorted(fix.edits, key=_position)
    if not edits or any(not 0 <= e.start <= e.end <= length for e in edits):
        return False
    return all(a.end <= b.start and not (a.start == a.end == b.start == b.end)
               for a, b in pairwise(edits))


def prose_ranges(document: Document) -> list[tuple[int, int]] | None:
    """Sorted source ranges of verbatim prose, or None when the document was not segmented."""
    if not document.blocks:
        return None
    return sorted((s.source_start, s.source_start + s.length) for b in document.blocks for s in b.spans)


def _inside_prose(fix: Fix, ranges) -> bool:
    """True when every edit lies in verbatim prose (never code, tags or URLs)."""
    if ranges is None:
        return True
    for edit in fix.edits:
        i = bisect.bisect_right(ranges, (edit.start, float("inf"))) - 1
        if i < 0 or edit.end > ranges[i][1]:
            return False
    return True


def is_wanted(finding: Finding, threshold: Applicability, select, ignore) -> bool:
    if finding.fix is None or finding.fix.applicability < threshold:
        return False
    if select and not rule_matches(finding.rule, select):
        return False
    return not rule_matches(finding.rule, ignore)


def changed_slice(text: str, fix: Fix) -> tuple[int, int, str]:
    if len(fix.edits) == 1:
        edit = fix.edits[0]
        return edit.start, edit.end, edit.replacement
    start, end = fix_span(fix)
    shifted = [Edit(e.start - start, e.end - start, e.replacement) for e in fix.edits]
    return start, end, apply_edits(text[start:end], shifted)[0]


def _priority(finding: Finding):
    """Which of two overlapping fixes wins: the safer, then a built-in rule, then the first."""
    fix = finding.fix
    assert fix is not None  # choose_fixes is given wanted findings, each with a fix
    return (-fix.applicability, finding.source != "builtin", *fix_span(fix), finding.rule)


def choose_fixes(findings: list[Finding], text: str, ranges) -> tuple[list[Finding], list[Finding]]:
    """Split candidate fixes into a non-overlapping set to apply (in text order) and the skipped.

    A deletion that empties its line takes the line with it (see `absorb_emptied_line`).
    """
    taken, chosen, skipped = TakenEdits(), [], []
    for finding in sorted(findings, key=_priority):
        fix = finding.fix
        assert fix is not None  # is_wanted let through only findings with a fix
        if not _well_formed(fix, len(text)):
            continue
        if not _inside_prose(fix, ranges):
            skipped.append(finding)
            continue
        fix = Fix(tuple(absorb_emptied_line(e, text) for e in fix.edits), fix.applicability)
        if not _well_formed(fix, len(text)) or any(taken.conflicts(e) for e in fix.edits):
            skipped.append(finding)
            continue
        taken.add(fix.edits)
        chosen.append(finding if fix == finding.fix else replace(finding, fix=fix))
    chosen.sort(key=lambda f: (*fix_span(cast(Fix, f.fix)), f.rule))
    return chosen, skipped


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start of the line holding `start`, and end (before its newline) of the line holding `end`."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _blank_line_before(text: str, line_start: int) -> int | None:
    """The start of the line before `line_start` when that line is blank, else None."""
    previous = text.rfind("\n", 0, line_start - 1) + 1
    return None if text[previous:line_start].strip() else previous


def absorb_emptied_line(edit: Edit, text: str) -> Edit:
    """Widen a deletion that leaves its line blank to delete the line, so removed
    debris leaves no gap; it takes only newlines and blank lines, never text.

    A blank line that would then follow another blank line (or the start of the
    text) goes too; at the end of the text, so do the blank lines before it.
    """
    if edit.replacement or edit.start == edit.end:
        return edit
    start, line_end = _line_bounds(text, edit.start, edit.end)
    if text[start:edit.start].strip() or text[edit.end:line_end].strip():
        return edit  # other words share the line
    end = min(len(text), line_end + 1)
    if start == 0 or _blank_line_before(text, start) is not None:
        while end < len(text) and not text[end:_line_bounds(text, end, end)[1]].strip():
            end = min(len(text), _line_bounds(text, end, end)[1] + 1)
    while end == len(text) and start and _blank_line_before(text, start) is not None:
        start = cast(int, _blank_line_before(text, start))  # nothing follows: leave no trailing blank lines
    if end == len(text) and start and not text.endswith("\n"):
        # The last line had no newline: take the one before, so none is added.
        start -= 2 if text[start - 2:start] == "\r\n" else 1
    return Edit(start, end, "")
