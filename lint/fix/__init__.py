"""Stage 5, fix: apply findings' edits to make the corrected edition.

As in ruff: only SAFE fixes by default, SAFE and UNSAFE when asked; edits are
sorted, of two overlapping fixes the safer one is applied and the other
skipped, and the document is re-checked after each pass until nothing
changes (bounded). Offsets in later
passes refer to the text of that pass, so every applied change is mapped
back to the ORIGINAL text for the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lint.fix.choose import (
    TakenEdits,
    absorb_emptied_line,
    changed_slice,
    choose_fixes,
    is_wanted,
    prose_ranges,
)
from lint.fix.offsets import OffsetMap, apply_edits
from lint.fix.redline import Segments, redline, redline_from_changes
from lint.model import Applicability, Document, Edit, Finding, Fix
from lint.positions import LineIndex

__all__ = ["AppliedChange", "Decision", "FixResult", "OffsetMap", "Proposal", "Relinter", "absorb_emptied_line",
           "apply_edits", "choose_fixes", "fix_document", "redline"]

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
                  if is_wanted(f, threshold, select, ignore) and original_key(f) not in declined]
        chosen, lost = choose_fixes(wanted, text, prose_ranges(current))
        skipped.extend(_in_original(f, offsets) for f in lost)
        taken = TakenEdits()
        changes: list[AppliedChange] = []
        for finding in chosen:
            fix = finding.fix
            assert fix is not None  # choose_fixes chose among wanted findings, each with a fix
            start, end, after = changed_slice(text, fix)
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
        is_wanted(f, threshold, select, ignore) for f in findings)
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
