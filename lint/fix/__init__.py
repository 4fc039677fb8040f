"""Stage 5, fix: apply findings' edits to make the corrected edition.

As in ruff: only SAFE fixes by default, SAFE and UNSAFE when asked; edits are
sorted, of two overlapping fixes the safer one is applied and the other
skipped, and the document is re-checked after each pass until nothing
changes (bounded). Offsets in later
passes refer to the text of that pass, so every applied change is mapped
back to the ORIGINAL text for the audit trail.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lint.config.settings import rule_matches
from lint.fix.redline import Segments, redline, redline_from_changes
from lint.model import Applicability, Document, Edit, Finding, Fix
from lint.positions import LineIndex

__all__ = ["AppliedChange", "Decision", "FixResult", "Proposal", "Relinter", "choose_fixes", "fix_document",
           "redline"]

Relint = Callable[[Document], list[Finding]]


@dataclass(frozen=True)
class AppliedChange:
    """One fix that was applied, located in the original text."""

    rule: str
    before: str  # the text the fix replaced, as it stood in its pass
    after: str
    start: int  # offsets into the ORIGINAL text
    end: int
    line: int  # 1-based line of `start` in the original
    applicability: Applicability
    message: str
    pass_number: int = 1


@dataclass(frozen=True)
class Proposal:
    """A change offered to whoever decides (the interactive editor)."""

    finding: Finding
    text: str  # the document text of the current pass
    start: int  # span of the change in `text`
    end: int
    before: str
    after: str
    line: int  # line in the original text


@dataclass(frozen=True)
class Decision:
    """An answer to a Proposal: accept, reject, quit, or edit to `replacement`."""

    action: str  # "accept" | "reject" | "edit" | "quit"
    replacement: str = ""


ACCEPT = Decision("accept")
Decide = Callable[[Proposal], Decision]


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


@dataclass
class FixResult:
    """What fixing one document did."""

    original: str
    fixed: str
    applied: list[AppliedChange] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)  # offsets into `fixed`
    skipped: list[Finding] = field(default_factory=list)  # offsets into `original`
    passes: int = 0
    converged: bool = True
    offsets: OffsetMap = field(default_factory=OffsetMap, repr=False)

    def redline(self) -> Segments:
        """Word-level ('equal' | 'delete' | 'insert', text) segments of exactly what was changed."""
        return redline_from_changes(self.original, self.fixed, self.offsets.changed_regions())

    @property
    def needs_editor(self) -> int:
        """Remaining findings that no safe fix can resolve."""
        return sum(1 for f in self.remaining
                   if f.fix is None or f.fix.applicability < Applicability.SAFE)

    @property
    def summary(self) -> str:
        """'N fixed, M remaining (K need an editor)'."""
        return (f"{len(self.applied)} fixed, {len(self.remaining)} remaining "
                f"({self.needs_editor} need{'s' if self.needs_editor == 1 else ''} an editor)")


def fix_span(fix: Fix) -> tuple[int, int]:
    """The smallest range covering every edit of a fix."""
    return min(e.start for e in fix.edits), max(e.end for e in fix.edits)


def _position(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


def apply_edits(text: str, edits) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Apply sorted, non-overlapping edits; return the text and the offset segments."""
    pieces, segments, cursor, growth = [], [], 0, 0
    for edit in sorted(edits, key=_position):
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.replacement)
        new_start = edit.start + growth
        growth += len(edit.replacement) - (edit.end - edit.start)
        segments.append((edit.start, edit.end, new_start, edit.end + growth))
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), segments


class _Taken:
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
               for a, b in zip(edits, edits[1:]))


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


def _wanted(finding: Finding, threshold: Applicability, select, ignore) -> bool:
    if finding.fix is None or finding.fix.applicability < threshold:
        return False
    if select and not rule_matches(finding.rule, select):
        return False
    return not rule_matches(finding.rule, ignore)


def _changed_slice(text: str, fix: Fix) -> tuple[int, int, str]:
    if len(fix.edits) == 1:
        edit = fix.edits[0]
        return edit.start, edit.end, edit.replacement
    start, end = fix_span(fix)
    shifted = [Edit(e.start - start, e.end - start, e.replacement) for e in fix.edits]
    return start, end, apply_edits(text[start:end], shifted)[0]


def _priority(finding: Finding):
    """Which of two overlapping fixes wins: the safer, then a built-in rule, then the first."""
    return (-finding.fix.applicability, finding.source != "builtin", *fix_span(finding.fix), finding.rule)


def choose_fixes(findings: list[Finding], text: str, ranges) -> tuple[list[Finding], list[Finding]]:
    """Split candidate fixes into a non-overlapping set to apply (in text order) and the skipped.

    A deletion that empties its line takes the line with it (see `absorb_emptied_line`).
    """
    taken, chosen, skipped = _Taken(), [], []
    for finding in sorted(findings, key=_priority):
        fix = finding.fix
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
    chosen.sort(key=lambda f: (*fix_span(f.fix), f.rule))
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
        start = _blank_line_before(text, start)  # nothing follows: leave no trailing blank lines
    if end == len(text) and start and not text.endswith("\n"):
        # The last line had no newline: take the one before, so none is added.
        start -= 2 if text[start - 2:start] == "\r\n" else 1
    return Edit(start, end, "")


def fix_document(document: Document, relint: Relint, *, unsafe: bool = False, select=(),
                 ignore=(), max_passes: int = 10, decide: Decide | None = None) -> FixResult:
    """Fix a document: apply wanted fixes pass by pass, re-checking after each."""
    threshold = Applicability.UNSAFE if unsafe else Applicability.SAFE
    index = LineIndex(document.text)
    result = FixResult(document.text, document.text)
    offsets = result.offsets
    declined: set[tuple[str, int, int]] = set()  # answered "no" once: never ask again
    skipped: list[Finding] = []
    quit_asked = False
    current = document
    findings = relint(current)

    def original_key(finding: Finding) -> tuple[str, int, int]:
        # The finding's own span: the fixer may widen its fix, never the finding.
        return (finding.rule, offsets.to_original(finding.start),
                offsets.to_original(finding.end, is_end=True))

    while result.passes < max_passes and not quit_asked:
        text = current.text
        wanted = [f for f in findings
                  if _wanted(f, threshold, select, ignore) and original_key(f) not in declined]
        chosen, lost = choose_fixes(wanted, text, prose_ranges(current))
        skipped.extend(_in_original(f, offsets) for f in lost)
        taken = _Taken()
        changes: list[AppliedChange] = []
        for finding in chosen:
            fix = finding.fix
            start, end, after = _changed_slice(text, fix)
            key = original_key(finding)
            original_start, original_end = offsets.to_original(start), offsets.to_original(end, is_end=True)
            line = index.line_col(original_start)[0]
            decision = ACCEPT if decide is None else decide(
                Proposal(finding, text, start, end, text[start:end], after, line))
            if decision.action == "quit":
                quit_asked = True
                break
            edits = fix.edits
            if decision.action == "edit":
                after = decision.replacement
                edits = (Edit(start, end, after),)
            if decision.action != "accept":
                declined.add(key)  # rejected, or the editor's own words: final either way
            if decision.action == "reject" or any(taken.conflicts(e) for e in edits):
                continue
            taken.add(edits)
            changes.append(AppliedChange(finding.rule, text[start:end], after, original_start, original_end,
                                         line, fix.applicability, finding.message, result.passes + 1))
        if not taken.edits:
            break
        new_text, segments = apply_edits(text, taken.edits)
        offsets.passes.append(segments)
        result.passes += 1
        result.applied.extend(changes)
        current = replace(document, text=new_text, blocks=[])
        findings = relint(current)
    result.fixed = current.text
    result.remaining = list(findings)
    unique = {(f.rule, f.start, f.end): f for f in skipped}
    result.skipped = [f for f in unique.values() if not _was_applied(f, result.applied)]
    # Stopping at the bound with fixes still to apply means the fixes cycle.
    result.converged = quit_asked or result.passes < max_passes or not any(
        _wanted(f, threshold, select, ignore) for f in findings)
    return result


def _in_original(finding: Finding, offsets: OffsetMap) -> Finding:
    """The finding with its offsets (and its fix's) mapped to the original text."""
    edits = tuple(Edit(offsets.to_original(e.start), offsets.to_original(e.end, is_end=True),
                       e.replacement) for e in finding.fix.edits) if finding.fix else ()
    fix = Fix(edits, finding.fix.applicability) if finding.fix else None
    return replace(finding, start=offsets.to_original(finding.start),
                   end=offsets.to_original(finding.end, is_end=True), fix=fix)


def _was_applied(finding: Finding, applied: list[AppliedChange]) -> bool:
    return any(c.rule == finding.rule and c.start <= finding.end and finding.start <= c.end
               for c in applied)


class Relinter:
    """Re-checks documents with one file's settings, rules and sources; keeps
    the sources' notes (such as LanguageTool being unavailable)."""

    def __init__(self, linter, path):
        self.linter = linter
        self.setup = linter.setup_for(path)
        self.notes: list[str] = []

    def __call__(self, document: Document) -> list[Finding]:
        """The filtered findings for this version of the document."""
        settings, ruleset, extra = self.setup
        result = self.linter.lint_document(document, settings, ruleset, extra, metrics=False)
        self.notes.extend(n for n in result.notes if n not in self.notes)
        return result.findings
