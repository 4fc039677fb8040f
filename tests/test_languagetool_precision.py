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


def lt_flagged(findings: list[dict]) -> dict[str, dict]:
    return {f["text"]: f for f in findings if f["source"] == "languagetool"}


def test_a_house_style_comma_rule_is_not_asked_for_unless_the_configuration_enables_it(tmp_path):
    text = ("Any time a type is provided by the standard library and you're not sure what it does, "
            "read its documentation.\n")
    rule = "lt.COMMA_COMPOUND_SENTENCE"
    assert rule not in {f["rule"] for f in findings_of(tmp_path, text, "--select", "lt")}
    config = tmp_path / "copydesk.yaml"
    config.write_text("languagetool:\n  enable_rules: [COMMA_COMPOUND_SENTENCE]\n", encoding="utf-8")
    enabled = findings_of(tmp_path, text, "--select", "lt", "--config", str(config))
    assert rule in {f["rule"] for f in enabled}, enabled


def test_severity_follows_what_was_measured(tmp_path):
    text = "She bought an car. That release happened in December of 2015. Every morning he go to the market.\n"
    found = lt_flagged(findings_of(tmp_path, text, "--select", "lt"))
    assert found["an"]["severity"] == "error"  # EN_A_VS_AN: under errors: in the policy
    assert found["December of 2015"]["severity"] == "info"  # MONTH_OF_XXXX: under hints:, mostly wrong
    assert found["go"]["severity"] == "warning"  # HE_VERB_AGR: under warnings:


def test_a_word_the_document_uses_as_a_term_is_not_a_misspelling(tmp_path):
    once = "We reborrow the value here.\n"
    assert "reborrow" in lt_flagged(findings_of(tmp_path, once, "--select", "lt"))
    often = ("We reborrow the value here.\n\nReborrowing a reference shortens its life.\n\n"
             "The value is reborrowed in the loop.\n\nThey recieved it.\n")
    flagged = lt_flagged(findings_of(tmp_path, often, "--select", "lt"))
    assert not {"reborrow", "Reborrowing", "reborrowed"} & set(flagged), flagged
    assert "recieved" in flagged  # a slip made once is still caught


def test_a_word_used_in_the_documents_code_is_not_a_misspelling(tmp_path):
    path = tmp_path / "guide.md"
    path.write_text("# Hashing\n\nPass the hasher to the function.\n\n```rust\nlet hasher = new();\n```\n\n"
                    "Then we recieve the value.\n", encoding="utf-8")
    data, proc = check_json(path, *REQUIRE, "--select", "lt")
    flagged = lt_flagged(data["files"][0]["findings"])
    assert "hasher" not in flagged and "recieve" in flagged, flagged


def test_a_typo_of_a_common_word_is_no_term_however_often_the_word_is_used(tmp_path):
    text = "According to him it works. According to her it fails.\n\nAccoring to them, both.\n"
    assert "Accoring" in lt_flagged(findings_of(tmp_path, text, "--select", "lt"))


def test_a_name_alone_in_a_list_item_is_left_alone(tmp_path):
    path = tmp_path / "list.md"
    path.write_text("Translations:\n\n- [Português](https://example.com/pt) (BR)\n- [Svenska](https://example.com/sv)\n",
                    encoding="utf-8")
    data, proc = check_json(path, *REQUIRE, "--select", "lt")
    assert not {"Português", "Svenska"} & set(lt_flagged(data["files"][0]["findings"]))


def test_a_match_reaching_into_inline_markup_is_dropped(tmp_path):
    path = tmp_path / "keys.md"
    path.write_text("Press <kbd>ctrl</kbd>-<kbd>C</kbd> to stop the program.\n", encoding="utf-8")
    data, proc = check_json(path, *REQUIRE, "--select", "lt")
    assert not [f for f in lt_flagged(data["files"][0]["findings"]).values() if "ctrl" in f["text"]]


def test_a_bad_languagetool_policy_names_its_file_and_line(tmp_path):
    from conftest import run_copydesk

    policy = tmp_path / "rules" / "languagetool" / "policy.yaml"
    policy.parent.mkdir(parents=True)
    policy.write_text("disabled:\n  COMMA_COMPOUND_SENTENCE: \"house style\"\n  not a rule id: \"x\"\n",
                      encoding="utf-8")
    doc = tmp_path / "copy.txt"
    doc.write_text("Fine text.\n", encoding="utf-8")
    proc = run_copydesk("check", str(doc), "--rules-dir", str(tmp_path / "rules"), "--no-languagetool")
    assert proc.returncode == 2
    assert f"{policy}:3:" in proc.stderr and "not a LanguageTool rule id" in proc.stderr, proc.stderr


def test_a_doubled_name_or_operator_is_shown_not_removed(tmp_path):
    text = "We stayed in Baden Baden last year. Bitwise AND and assignment are listed. It is is late.\n"
    found = lt_flagged(findings_of(tmp_path, text, "--select", "lt"))
    assert found["is is"]["fix"] is not None  # a word repeated: the fix is safe
    for pair in ("Baden Baden", "AND and"):
        assert found[pair]["fix"] is None, found[pair]  # shown, for a person to judge
