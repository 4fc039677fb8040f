"""`copydesk fix --decisions`: the edition an editor's decisions make, as a FixResult,
so the edition is delivered and audited exactly like any other fix."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lint.decisions import Decisions, check_against, splice
from lint.fix import AppliedChange, FixResult, Relint
from lint.fix.offsets import apply_edits
from lint.model import Document
from lint.positions import LineIndex


def fix_with_decisions(document: Document, relint: Relint, decisions: Decisions, source: Path) -> FixResult:
    """Apply exactly the accepted edits; re-check the edition for what remains."""
    text = document.text
    check_against(decisions, text, source)
    fixed, segments = apply_edits(text, [e for a in decisions.accepted for e in a.edits])
    index = LineIndex(text)
    applied = []
    for accepted in sorted(decisions.accepted, key=lambda a: (min(e.start for e in a.edits), a.id)):
        start = min(e.start for e in accepted.edits)
        end = max(e.end for e in accepted.edits)
        after = splice(text[start:end], [replace(e, start=e.start - start, end=e.end - start)
                                         for e in accepted.edits])
        applied.append(AppliedChange(accepted.rule, text[start:end], after, start, end,
                                     index.line_col(start)[0], accepted.applicability,
                                     accepted.message, 1))
    remaining = relint(replace(document, text=fixed, blocks=[])) if fixed != text else relint(document)
    result = FixResult(text, fixed, applied, remaining, passes=1 if applied else 0)
    if segments:  # one pass: remaining findings map back, and a Word edition tracks the changes
        result.offsets.passes.append(segments)
    return result


def dismissed_log(decisions: Decisions, text: str) -> list[dict]:
    """The dismissed findings for the audit log, with the editor's reasons."""
    index = LineIndex(text)
    return [{"id": d.id, "rule": d.rule, "line": index.line_col(min(d.start, len(text)))[0],
             "text": text[d.start:d.end], "reason": d.reason} for d in decisions.dismissed]
