"""Decisions files and the fixer's final newline, without a browser."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_copydesk
from fixhelp import fixer, write_pack
from lint.decisions import DecisionError, apply_decisions, check_against, load_decisions, text_sha256

LINES = ["Sign in now", "Story.", "", "Intro teh end.", "teh", "  "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=8), st.booleans(), st.booleans())
def test_the_fix_never_adds_or_removes_a_final_newline(tmp_path_factory, lines, final, crlf):
    fix = fixer(write_pack(tmp_path_factory.mktemp("pack")))
    newline = "\r\n" if crlf else "\n"
    text = newline.join(lines) + (newline if final else "")
    fixed = fix(text).fixed
    if fixed.strip():
        assert fixed.endswith("\n") == text.endswith("\n"), (text, fixed)


def decisions_file(tmp_path, text, decisions, **extra):
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"copydesk_decisions": 1, "path": "a.txt", "sha256": text_sha256(text),
                                "decisions": decisions, "vocabulary": [], **extra}), encoding="utf-8")
    return path


def accept(ident, start, end, replacement):
    return {"id": ident, "rule": "r", "start": start, "end": end, "action": "accept",
            "edits": [{"start": start, "end": end, "replacement": replacement}]}


def test_only_accepted_edits_are_applied_in_code_points(tmp_path):
    text = "Emoji 🙂 then teh end, teh rest."
    first, second = text.index("teh"), text.rindex("teh")  # code points, as Python counts them
    decisions = load_decisions(decisions_file(tmp_path, text, [
        accept("a", first, first + 3, "the"),
        {"id": "b", "rule": "r", "start": second, "end": second + 3, "action": "dismiss", "reason": "quoted"}]))
    check_against(decisions, text, tmp_path / "a.txt")
    assert apply_decisions(text, decisions) == "Emoji 🙂 then the end, teh rest."
    assert decisions.dismissed[0].reason == "quoted"


def test_overlapping_or_stale_decisions_are_refused_by_name(tmp_path):
    text = "one two three"
    overlapping = load_decisions(decisions_file(tmp_path, text, [accept("x", 0, 7, "1 2"), accept("y", 4, 7, "2")]))
    try:
        check_against(overlapping, text, tmp_path / "a.txt")
        raise AssertionError("overlap accepted")
    except DecisionError as exc:
        assert "y and x change the same text" in str(exc) or "x and y" in str(exc)
    try:
        check_against(overlapping, text + "!", tmp_path / "a.txt")
        raise AssertionError("stale accepted")
    except DecisionError as exc:
        assert "another version" in str(exc)


def test_a_malformed_decision_names_the_file_and_the_decision(tmp_path):
    bad = decisions_file(tmp_path, "x", [{"id": "a", "start": 0, "end": 1, "action": "accept"}])
    doc = tmp_path / "a.txt"
    doc.write_text("x", encoding="utf-8")
    proc = run_copydesk("fix", doc, "--decisions", bad, "--no-languagetool")
    assert proc.returncode == 2
    assert f"{bad}: decision 1: an accepted finding needs \"edits\"" in proc.stderr


def test_the_colour_table_in_the_docs_is_the_one_in_the_code():
    from conftest import ROOT
    from lint.categories import CATEGORY_FAMILY, FAMILIES

    doc = (ROOT / "docs" / "CATEGORIES.md").read_text(encoding="utf-8")
    for family in FAMILIES:
        members = ", ".join(c for c, f in CATEGORY_FAMILY.items() if f == family.name) or "any other category"
        row = (f"| {family.name} | {family.colour} | `{family.swatch}` | `{family.tint}` | {family.ansi} "
               f"| {members} |")
        assert row in doc, row


def test_the_terminal_paints_a_rule_in_its_category_colour(tmp_path):
    from lint.categories import ansi

    doc = tmp_path / "a.txt"
    doc.write_text("Accoring to them, the goverment met.\n", encoding="utf-8")
    out = run_copydesk("check", doc, "--no-languagetool", "--color", "always").stdout
    assert f"{ansi('spelling')}typos.misspelling" in out
    assert ansi("spelling") != ansi("grammar") != ansi("claims")


def test_decisions_on_a_word_document_become_tracked_changes(tmp_path):
    import zipfile
    from pathlib import Path

    import docx

    from lint.read import read_document

    story = tmp_path / "story.docx"
    made = docx.Document()
    made.add_paragraph("Accoring to them, the plan worked.")
    made.add_paragraph("It rained.")
    made.save(story)
    text = read_document(Path(story)).text
    at = text.index("Accoring")
    decisions = decisions_file(tmp_path, text, [accept("typos.misspelling@x", at, at + 8, "According")])
    out = tmp_path / "out.docx"
    proc = run_copydesk("fix", story, "--decisions", decisions, "-o", out, "--no-languagetool", "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body and "According" in body
