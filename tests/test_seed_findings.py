"""The seed article: everything an editor marks is flagged, with the right
kind of message and correction, and no name is flagged (issue 3).

Runs the real command: `copydesk check fixtures/article.txt --format json
--no-languagetool`, with the default configuration.
"""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, check_json

ARTICLE = FIXTURES / "article.txt"
# Names of people, places and organisations. ("Chinese" in "calls on Chinese
# government" is rightly inside a missing-article finding.)
PROPER_NOUNS = ["Liu", "Liehong", "CETC", "Sinochem", "Quanzhou", "Zhang", "Wei", "SGCC", "Manhui",
                "TravelSky", "Bo", "Singapore", "China", "State Grid", "December"]
# Rules that judge whole sentences or paragraphs: their spans include names
# without being about them.
WHOLE_TEXT_RULES = ("readability.",)


@pytest.fixture(scope="module")
def findings():
    report, proc = check_json(str(ARTICLE), "--no-languagetool")
    assert proc.returncode == 1, proc.stderr
    return report["files"][0]["findings"]


def _find(findings, text, rule_prefix):
    matches = [f for f in findings if f["text"] == text and f["rule"].startswith(rule_prefix)]
    assert matches, f"no {rule_prefix}* finding on {text!r}; got " + repr(
        [(f["rule"], f["text"]) for f in findings])
    return matches


# (exact text flagged, rule family, replacement or None, words the message must contain)
EXPECTED = [
    ("Giants Eyes", "grammar.", "Giants Eye", ["plural"]),
    ("enterprises is", "grammar.", "enterprises are", ["plural"]),
    ("副本", "debris.", "", ["Chinese", "remove"]),
    ("Accoring", "typos.", "According", ["misspelled"]),
    ("the state-owned electricity utility monopoly", "facts.", "the state-owned defense electronics group",
     ["defense electronics", "not an electricity utility", "State Grid Corporation of China"]),
    ("Group, have", "grammar.", "Group has", ["one organisation"]),
    ("worldwidely", "typos.", "worldwide", ["not a word"]),
    ("a", "grammar.a-an", "an", ["'an'", "innovation"]),
    ("boot", "confusion.", "boost", ["boost"]),
    ("buy", "confusion.", "by", ["by"]),
    ("path way", "typos.", "pathway", ["one word"]),
    ("solely-state", "mechanics.", "solely state", ["-ly adverb"]),
    ("Chinese government", "grammar.", "the Chinese government", ["needs 'the'"]),
    ("Please sign in first", "debris.", "", ["navigation"]),
]


@pytest.mark.parametrize("text,rule,replacement,words", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_editor_marks_are_flagged_with_their_correction(findings, text, rule, replacement, words):
    finding = _find(findings, text, rule)[0]
    if replacement is not None:
        assert finding["replacements"][:1] == [replacement]
        assert finding["fix"] is not None, f"{text!r} should carry a fix"
        applied = "".join(e["replacement"] for e in finding["fix"]["edits"])
        assert applied in replacement or replacement == ""
    for word in words:
        assert word.lower() in finding["message"].lower(), finding["message"]


def test_both_hot_search_lines_are_debris_removed_safely(findings):
    hot = _find(findings, "Hot search keywords", "debris.")
    assert [f["line"] for f in hot] == [1, 3]
    for finding in hot:
        assert finding["fix"]["applicability"] == "safe"
        assert finding["fix"]["edits"][0]["replacement"] == ""


def test_the_double_space_is_flagged(findings):
    doubles = [f for f in findings if f["rule"] == "mechanics.double-space"]
    assert len(doubles) == 1
    assert doubles[0]["line"] == 21 and doubles[0]["replacements"] == [" "]
    source = ARTICLE.read_text(encoding="utf-8")
    assert source[doubles[0]["start"] - 7:doubles[0]["start"]] == "win-win"


def test_the_first_worldwide_claim_is_an_info_for_the_fact_checker(findings):
    claim = [f for f in findings if f["rule"].startswith("claims.") and "worldwide" in f["text"]]
    assert claim and claim[0]["severity"] == "info" and claim[0]["category"] == "claims"
    assert claim[0]["text"].startswith("the first government-backed") and claim[0]["text"].endswith("worldwidely")


def test_no_finding_touches_a_proper_noun(findings):
    source = ARTICLE.read_text(encoding="utf-8")
    names = [(m.start(), m.end(), name) for name in PROPER_NOUNS
             for m in re.finditer(rf"\b{re.escape(name)}\b", source)]
    assert len(names) > 20
    for finding in findings:
        if finding["rule"].startswith(WHOLE_TEXT_RULES):
            continue
        for start, end, name in names:
            overlaps = finding["start"] < end and start < finding["end"]
            assert not overlaps, f"{finding['rule']} flags {finding['text']!r}, which touches the name {name!r}"


def test_facts_fix_is_unsafe_and_statistics_fix_is_unsafe(findings):
    facts = _find(findings, "the state-owned electricity utility monopoly", "facts.")[0]
    buy = _find(findings, "buy", "confusion.")[0]
    assert facts["fix"]["applicability"] == "unsafe"
    assert buy["fix"]["applicability"] == "unsafe"


def test_with_languagetool_too_no_name_is_flagged():
    """The default configuration adds LanguageTool, whose speller knows no
    Chinese names; the built-in speller's name rules apply to it as well."""
    # --select lt: on the seed every LanguageTool finding shares its span with a built-in one, which wins.
    report, proc = check_json(str(ARTICLE), "--require", "languagetool", "--no-cache", "--select", "lt")
    assert proc.returncode == 1, proc.stderr
    found = report["files"][0]["findings"]
    assert any(f["source"] == "languagetool" for f in found)
    test_no_finding_touches_a_proper_noun(found)
