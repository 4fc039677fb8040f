"""LanguageTool's matches, filtered and merged as a careful editor would want,
from the real server `./scripts/bootstrap` started (`--require languagetool`)."""

from __future__ import annotations

from conftest import check_json

REQUIRE = ("--require", "languagetool", "--no-cache")


def findings_of(tmp_path, text: str, *args: str) -> list[dict]:
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    data, proc = check_json(path, *REQUIRE, *args)
    assert proc.returncode in (0, 1), proc.stderr
    return data["files"][0]["findings"]


def test_file_names_and_listing_numbers_are_not_prose_to_languagetool(tmp_path):
    found = findings_of(tmp_path, "Open main.rs and Cargo.toml as shown in Listing 10-9, then run it.\n")
    flagged = {f["text"] for f in found if f["source"] == "languagetool"}
    assert not flagged & {"rs", "main.rs", "toml", "Cargo.toml", "10-9"}, found


def test_real_word_errors_in_the_typos_category_survive_the_name_filter(tmp_path):
    # ("Its OK now", not "Its OK to go": the built-in its-it-s rule flags that one itself)
    found = findings_of(tmp_path, "Its OK now. All though it rained, we went out.\n")
    flagged = {f["text"] for f in found if f["source"] == "languagetool"}
    assert {"Its", "All though"} <= flagged, found


def test_one_spelling_problem_offers_every_sources_corrections(tmp_path):
    (finding,) = [f for f in findings_of(tmp_path, "The plan was known worldwidely.\n")
                  if f["text"] == "worldwidely"]
    assert finding["source"] == "builtin"  # one finding, the built-in rule's
    assert finding["replacements"][0] == "worldwide"
    assert len(finding["replacements"]) > 1  # LanguageTool's suggestions are offered too


def test_languagetool_guesses_are_shown_never_applied(tmp_path):
    """Several suggestions, or one that brings in another quote mark: no fix."""
    found = findings_of(tmp_path, "We saw teh results. Its OK to go home now.\n", "--select", "lt")
    by_text = {f["text"]: f for f in found if f["source"] == "languagetool"}
    assert "Its" in by_text and by_text["Its"]["fix"] is None  # "It's" adds an apostrophe
    guesses = [f for f in found if len(f["replacements"]) > 1]
    assert guesses and all(f["fix"] is None for f in guesses)
