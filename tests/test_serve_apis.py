"""`copydesk serve` over a real socket, with the real LanguageTool server:
the seed article (and a text with emoji) through each API gives the findings
of `copydesk check`, at each API's offsets."""

from __future__ import annotations

import json

import language_tool_python
import pytest
import requests

from conftest import FIXTURES, check_json
from servehelp import running_service, utf16

ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")
# Emoji before and between findings: UTF-16 offsets run ahead of code points.
EMOJI = ("🎉🎉 Accoring to Liu Liehong, CEO of China Electronics Technology Group Corporation (CETC), "
         "the state-owned electricity utility monopoly is growing 🚀 fast.\n\n"
         "Please sign in first\n\n👍 The the report was published 📰 yesterday.\n")


@pytest.fixture(scope="module")
def service():
    with running_service() as url:
        yield url


def expected(tmp_path, text: str) -> list[dict]:
    """What `copydesk check --format json` finds in this text."""
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    data, _ = check_json(path, "--no-cache")
    return data["files"][0]["findings"]


def lt_rule(rule: str) -> str:
    return rule[3:] if rule.startswith("lt.") else rule


def test_native_check_is_the_json_of_copydesk_check(service, tmp_path):
    # On the seed every LanguageTool finding shares its span with a built-in one,
    # which wins the merge; the last sentence is LanguageTool's alone.
    text = ARTICLE + "\nEvery morning he go to the market.\n"
    want = expected(tmp_path, text)
    answer = requests.post(service + "/api/v1/check", json={"text": text, "path": "article.txt"}, timeout=60)
    assert answer.status_code == 200
    data = answer.json()
    assert data["version"] == 1 and data["summary"]["findings"] == len(want)
    assert data["files"][0]["findings"] == want
    assert any(f["source"] == "languagetool" for f in want), "LanguageTool took part"


def test_native_fix_returns_the_corrected_edition_and_its_log(service):
    answer = requests.post(service + "/api/v1/fix", json={"text": ARTICLE, "format": "text"}, timeout=120)
    assert answer.status_code == 200
    data = answer.json()
    assert "Accoring" in ARTICLE and "Accoring" not in data["fixed"] and "According" in data["fixed"]
    applied = data["log"]["applied"]
    assert any(c["before"] == "Accoring" and c["after"] == "According" for c in applied)
    for change in applied:
        assert ARTICLE[change["start"]:change["end"]] == change["before"] or change["pass"] > 1


def test_rules_lists_the_rules_in_force(service):
    rules = requests.get(service + "/api/v1/rules", timeout=30).json()["rules"]
    ids = {rule["id"] for rule in rules}
    assert {"typos.misspelling", "facts.wrong-descriptor", "debris.scraped-navigation"} <= ids


@pytest.mark.parametrize("text", [ARTICLE, EMOJI], ids=["article", "emoji"])
def test_languagetool_api_gives_the_same_findings_in_utf16(service, tmp_path, text):
    want = expected(tmp_path, text)
    answer = requests.post(service + "/v2/check", data={"text": text, "language": "en-US"}, timeout=60)
    assert answer.status_code == 200
    data = answer.json()
    got = [(m["rule"]["id"], m["offset"], m["length"]) for m in data["matches"]]
    assert got == [(lt_rule(f["rule"]), utf16(text, f["start"]), utf16(text, f["end"]) - utf16(text, f["start"]))
                   for f in want]
    if text is EMOJI:
        assert any(utf16(text, f["start"]) != f["start"] for f in want)
    for match in data["matches"]:
        context = match["context"]
        shown = context["text"].encode("utf-16-le")[2 * context["offset"]:2 * (context["offset"] + context["length"])]
        flagged = text.encode("utf-16-le")[2 * match["offset"]:2 * (match["offset"] + match["length"])]
        assert shown == flagged
        assert match["rule"]["category"]["id"] and match["type"]["typeName"]
    assert data["language"]["detectedLanguage"]["code"] == "en-US"
    assert data["software"]["name"] == "Copydesk"


def test_language_tool_python_gets_the_builtin_facts_and_debris(service, tmp_path):
    want = expected(tmp_path, EMOJI)
    tool = language_tool_python.LanguageTool("en-US", remote_server=service)
    try:
        matches = tool.check(EMOJI)
    finally:
        tool.close()
    rules = {m.rule_id for m in matches}
    assert "facts.wrong-descriptor" in rules and "debris.scraped-navigation" in rules
    # The library turns LanguageTool's UTF-16 offsets back into code points.
    assert [(m.rule_id, m.offset, m.error_length) for m in matches] == \
        [(lt_rule(f["rule"]), f["start"], utf16(EMOJI, f["end"]) - utf16(EMOJI, f["start"])) for f in want]
    debris = next(m for m in matches if m.rule_id == "debris.scraped-navigation")
    assert EMOJI[debris.offset:debris.offset + debris.error_length] == "Please sign in first"


def test_browser_extension_request_shape(service):
    answer = requests.post(service + "/v2/check?c=1", timeout=60, data={
        "data": json.dumps({"text": EMOJI}), "language": "auto", "level": "picky"})
    assert answer.status_code == 200
    rules = {m["rule"]["id"] for m in answer.json()["matches"]}
    assert {"typos.misspelling", "facts.wrong-descriptor"} <= rules


def test_languagetool_rule_and_category_filters(service):
    base = {"text": EMOJI, "language": "en-US"}
    only = requests.post(service + "/v2/check", timeout=60, data={
        **base, "enabledOnly": "true", "enabledCategories": "TYPOS"}).json()["matches"]
    assert only and all(m["rule"]["category"]["id"] == "TYPOS" for m in only)
    without = requests.post(service + "/v2/check", timeout=60, data={
        **base, "disabledRules": "facts.wrong-descriptor"}).json()["matches"]
    assert without and "facts.wrong-descriptor" not in {m["rule"]["id"] for m in without}
    languages = requests.get(service + "/v2/languages", timeout=10).json()
    assert {"en-US", "en-GB"} <= {entry["longCode"] for entry in languages}


def typerighter_request(text: str) -> dict:
    # Two blocks, as a ProseMirror document sends paragraphs, at absolute positions.
    first, second = text.split("\n\n", 1)
    start = utf16(text, len(first) + 2) + 1
    return {"requestId": "req-1", "documentId": "doc-1", "blocks": [
        {"id": "p1", "text": first, "from": 1, "to": 1 + utf16(first, len(first))},
        {"id": "p2", "text": second, "from": start, "to": start + utf16(second, len(second))}]}


def read_json_seq(response) -> list[dict]:
    """Parse a stream as Typerighter's client does: split on 0x1F, trim, JSON.parse."""
    records, buffer = [], ""
    for chunk in response.iter_content(chunk_size=None, decode_unicode=True):
        pieces = (buffer + chunk).split("\x1f")
        for raw in pieces[:-1]:
            if not raw.strip():
                break
            records.append(json.loads(raw.strip()))
        buffer = pieces[-1].strip()
    if buffer:
        records.append(json.loads(buffer))
    return records


def test_typerighter_check_and_stream_agree_with_copydesk_check(service, tmp_path):
    body = typerighter_request(EMOJI)
    want = []
    for block in body["blocks"]:
        for f in expected(tmp_path, block["text"]):
            want.append((lt_rule(f["rule"]), block["from"] + utf16(block["text"], f["start"]),
                         block["from"] + utf16(block["text"], f["end"]), f["text"]))
    answer = requests.post(service + "/check", json=body, timeout=60)
    assert answer.status_code == 200
    matches = answer.json()["matches"]
    got = [(m["rule"]["id"], m["fromPos"], m["toPos"], m["matchedText"]) for m in matches if not m["markAsCorrect"]]
    assert got == want
    # The facts base's names written correctly come back marked as correct.
    correct = [m for m in matches if m["markAsCorrect"]]
    names = ("China Electronics Technology Group Corporation", "CETC")
    assert [(m["matchedText"], m["fromPos"]) for m in correct] == \
        [(name, 1 + utf16(EMOJI, EMOJI.index(name))) for name in names]
    assert all(m["rule"]["category"]["id"] == "FACTS" and not m["suggestions"] for m in correct)
    with requests.post(service + "/checkStream", json=body, timeout=60, stream=True) as streamed:
        assert streamed.status_code == 200
        records = read_json_seq(streamed)
    assert [r["blocks"][0]["id"] for r in records] == ["p1", "p2"]
    assert [r["percentageRequestComplete"] for r in records] == [50.0, 100.0]
    assert [(m["rule"]["id"], m["fromPos"], m["toPos"], m["matchedText"])
            for r in records for m in r["matches"] if not m["markAsCorrect"]] == want
    categories = requests.get(service + "/categories", timeout=10).json()
    assert "FACTS" in {c["id"] for c in categories}


def test_typerighter_skip_ranges_and_categories(service):
    text = "Skip Accoring here. Accoring to him."
    skip_at = text.index("Accoring")
    body = {"requestId": "r", "categoryIds": ["TYPOS"], "blocks": [
        {"id": "b", "text": text, "from": 10, "to": 10 + len(text),
         "skipRanges": [{"from": 10 + skip_at, "to": 10 + skip_at + len("Accoring")}]}]}
    matches = requests.post(service + "/check", json=body, timeout=60).json()["matches"]
    assert [(m["fromPos"], m["matchedText"]) for m in matches] == [(10 + text.rindex("Accoring"), "Accoring")]


def test_languagetool_get_and_annotated_data_keep_offsets(service):
    got = requests.get(service + "/v2/check", params={"text": "🎉 Accoring to him.", "language": "en"}, timeout=60)
    assert [(m["rule"]["id"], m["offset"], m["length"]) for m in got.json()["matches"]] == \
        [("typos.misspelling", 3, 8)]
    annotation = [{"markup": "<p><b>"}, {"text": "Accoring"}, {"markup": "</b>"}, {"text": " to him."},
                  {"markup": "</p>", "interpretAs": "\n\n"}]
    answer = requests.post(service + "/v2/check", timeout=60, data={
        "data": json.dumps({"annotation": annotation}), "language": "en-US"})
    matches = [m for m in answer.json()["matches"] if m["rule"]["id"] == "typos.misspelling"]
    assert [(m["offset"], m["length"]) for m in matches] == [(len("<p><b>"), len("Accoring"))]


def test_typerighter_seed_article_as_one_block_matches_copydesk_check(service, tmp_path):
    want = [(lt_rule(f["rule"]), 1 + utf16(ARTICLE, f["start"]), 1 + utf16(ARTICLE, f["end"]))
            for f in expected(tmp_path, ARTICLE)]
    body = {"requestId": "seed", "blocks": [{"id": "all", "text": ARTICLE, "from": 1,
                                             "to": 1 + utf16(ARTICLE, len(ARTICLE))}]}
    matches = requests.post(service + "/check", json=body, timeout=60).json()["matches"]
    assert [(m["rule"]["id"], m["fromPos"], m["toPos"]) for m in matches if not m["markAsCorrect"]] == want
    correct = {m["matchedText"] for m in matches if m["markAsCorrect"]}
    assert {"China Electronics Technology Group Corporation", "China TravelSky Holding Company"} <= correct
    # "Sinochem Group, have": a finding cuts into the name, so it is not vouched for.
    assert "Sinochem Group" not in correct
