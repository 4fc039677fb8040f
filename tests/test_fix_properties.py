"""Property tests of the fixer: idempotence, offsets in range, overlapping
edits that never corrupt the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixhelp import fixer, write_pack
from lint.fix import absorb_emptied_line, fix_document, redline
from lint.model import Applicability, Document, Edit, Finding, Fix, Severity

# Words the test pack and the built-in typos rules fix, chain ("teh the"),
# overlap ("transfer way for"), or only flag; plus text that moves offsets.
WORDS = ["teh", "the", "Sign in now", "the the", "boot the development", "way for", "very unique", "Accoring",
         "worldwidely", "path way", "cat", "transfer", ",", ".", "é", "a\u0301", "👍", "שלום", "\r\n", "\n"]
SEPARATORS = st.sampled_from([" ", " ", "  ", "\n", ""])
PROSE = st.lists(st.tuples(st.sampled_from(WORDS), SEPARATORS), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fix(tmp_path_factory):
    return fixer(write_pack(tmp_path_factory.mktemp("rules")), pack=("t", "typos"))


@SETTINGS
@given(text=PROSE, unsafe=st.booleans())
def test_fixing_is_idempotent_and_offsets_stay_in_range(fix, text, unsafe):
    result = fix(text, unsafe=unsafe)
    again = fix(result.fixed, unsafe=unsafe)
    assert again.applied == [] and again.fixed == result.fixed
    assert result.converged
    for change in result.applied:
        assert 0 <= change.start <= change.end <= len(text)
        if change.pass_number == 1:
            assert text[change.start:change.end] == change.before
        assert 1 <= change.line <= text.count("\n") + 1
    for finding in result.remaining:
        assert 0 <= finding.start <= finding.end <= len(result.fixed)
    for segments in (redline(text, result.fixed), result.redline()):
        assert_rebuilds(segments, text, result.fixed)


def assert_rebuilds(segments, original: str, fixed: str) -> None:
    """A redline's equal+delete text is the original, its equal+insert text the edition."""
    assert "".join(t for op, t in segments if op != "insert") == original
    assert "".join(t for op, t in segments if op != "delete") == fixed
    assert all(t for _, t in segments)


@st.composite
def text_and_fixes(draw):
    """A text and fixes (safe or unsafe) whose edits land anywhere, often on top of each other."""
    text = draw(st.text(st.sampled_from("ab \n\r\té👍") | st.characters(codec="utf-8"), max_size=40))
    points = st.integers(0, len(text))
    fixes = []
    for _ in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            a, b = sorted((draw(points), draw(points)))
            edits.append(Edit(a, b, draw(st.text(max_size=4))))
        tier = draw(st.sampled_from([Applicability.SAFE, Applicability.UNSAFE]))
        fixes.append(Fix(tuple(sorted(edits)), tier))
    return text, fixes


def _reference_apply(text: str, edits) -> str:
    """Apply non-overlapping edits back to front, so earlier offsets stay valid."""
    for edit in sorted(edits, reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def _overlap(a: Edit, b: Edit) -> bool:
    return (a.start < b.end and b.start < a.end) or a.start == a.end == b.start == b.end


def _well_formed(fix: Fix, text: str | None = None) -> bool:
    """Edits in order and apart, also once a deletion that empties its line
    takes the line (then "0" deleted from "0\r" meets an insertion at 1)."""
    edits = [absorb_emptied_line(e, text) for e in fix.edits] if text is not None else list(fix.edits)
    return all(not _overlap(a, b) and a.end <= b.start for a, b in zip(edits, edits[1:]))


@SETTINGS
@given(case=text_and_fixes())
def test_overlapping_edits_never_corrupt_the_text(case):
    text, fixes = case
    findings = [Finding(f"r{i}", Severity.ERROR, "test", "m", *fix_span(fix), fix=fix)
                for i, fix in enumerate(fixes)]
    calls = []

    def relint(document):  # the findings hold for the original text only
        calls.append(document.text)
        return findings if len(calls) == 1 else []

    result = fix_document(Document(Path("t.txt"), text, "text"), relint, unsafe=True)
    by_rule = {f.rule: f.fix for f in findings}
    applied = [by_rule[c.rule] for c in result.applied]
    # A deletion that empties its line also takes the line (absorb_emptied_line).
    chosen = [absorb_emptied_line(e, text) for fix in applied for e in fix.edits]
    assert all(not _overlap(a, b) for i, a in enumerate(chosen) for b in chosen[i + 1:])
    assert result.fixed == _reference_apply(text, chosen)
    for change, fix in zip(result.applied, applied):
        widened = Fix(tuple(absorb_emptied_line(e, text) for e in fix.edits), fix.applicability)
        assert (change.start, change.end) == fix_span(widened)
        assert change.before == text[change.start:change.end]
    # Every other well-formed fix lost to an overlap, and is reported as skipped.
    skipped = {f.rule for f in result.skipped}
    for finding in findings:
        if finding.fix in applied or not _well_formed(finding.fix, text):
            continue
        assert any(_overlap(absorb_emptied_line(e, text), c) for e in finding.fix.edits for c in chosen)
        assert finding.rule in skipped
    assert_rebuilds(result.redline(), text, result.fixed)


def fix_span(fix: Fix) -> tuple[int, int]:
    return min(e.start for e in fix.edits), max(e.end for e in fix.edits)


@SETTINGS
@given(text=st.text(st.sampled_from("ab \n\r\t"), max_size=30), data=st.data())
def test_an_emptied_line_goes_but_no_text_with_it(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    widened = absorb_emptied_line(Edit(start, end, ""), text)
    assert widened.start <= start and end <= widened.end
    assert not text[widened.start:start].strip() and not text[end:widened.end].strip()
    if (widened.start, widened.end) != (start, end):  # only when the deletion left nothing else on its line
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        assert not text[line_start:start].strip() and not text[end:line_end].strip()
