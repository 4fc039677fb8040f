"""LanguageTool findings from the real server that `./scripts/bootstrap` started.

Each run passes `--require languagetool`, so a missing server fails the
test with its reason instead of passing on built-in findings alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import psutil
import pytest

from conftest import FIXTURES, ROOT, check_json, run_copydesk

REQUIRE = ("--require", "languagetool", "--no-cache")


def lt_findings(data: dict) -> list[dict]:
    """LanguageTool's findings in a one-file report."""
    return [f for f in data["files"][0]["findings"] if f["source"] == "languagetool"]


def check_lt(path, *args) -> list[dict]:
    """Check one file with LanguageTool required; its LanguageTool findings."""
    data, proc = check_json(path, *REQUIRE, *args)
    assert proc.returncode in (0, 1), proc.stderr
    return lt_findings(data)


def test_article_fixture_gets_languagetool_findings():
    # --select lt: on the seed every LanguageTool finding shares its span with
    # a built-in one, which wins the merge.
    findings = check_lt(FIXTURES / "article.txt", "--select", "lt")
    assert findings, "no finding came from LanguageTool"
    assert all(f["rule"].startswith("lt.") for f in findings)
    flagged = {f["text"] for f in findings}
    assert {"Accoring", "worldwidely"} <= flagged  # the speller, names (Liehong, Sinochem) left alone
    assert not flagged & {"Liehong", "Sinochem", "TravelSky", "Manhui"}


def test_known_grammar_error_is_found_with_its_replacement(tmp_path):
    doc = tmp_path / "grammar.txt"
    doc.write_text("She bought an car last week.\n\nEvery morning he go to the market.\n")
    # --select lt: a built-in rule with the same span and fix would win the merge.
    findings = {f["rule"]: f for f in check_lt(doc, "--select", "lt")}
    article = findings["lt.EN_A_VS_AN"]
    assert article["text"] == "an" and article["replacements"][0] == "a"
    assert article["severity"] == "error" and article["line"] == 1
    agreement = findings["lt.HE_VERB_AGR"]
    assert agreement["text"] == "go" and "goes" in agreement["replacements"]
    assert agreement["line"] == 3


def test_offsets_map_back_through_markdown_and_emoji(tmp_path):
    doc = tmp_path / "doc.md"
    source = ("# Field notes\n\nThe 😀 crew saw **an** heron near [the pier](http://example.com/an-x) "
              "and `an test` in code.\n\n```\nthis are an code block\n```\n\nHe go home.\n")
    doc.write_text(source, encoding="utf-8")
    findings = check_lt(doc, "--select", "lt")
    assert findings
    for finding in findings:
        assert source[finding["start"]:finding["end"]] == finding["text"]
    flagged = {(f["rule"], f["text"], f["line"]) for f in findings}
    assert ("lt.EN_A_VS_AN", "an", 3) in flagged
    assert ("lt.HE_VERB_AGR", "go", 9) in flagged
    # Code, inline code and link targets are not prose and are never sent.
    starts = {f["start"] for f in findings}
    assert source.index("`an test`") + 1 not in starts
    assert not any(source.index("http") <= s < source.index(") and") for s in starts)
    assert not any(f["line"] in (6, 7, 8) for f in findings)


def test_accepted_words_and_entity_names_are_not_flagged(tmp_path):
    # Sentence-initial: inside a sentence a capitalised word is a name to every speller.
    text = "Qorvath met the team. Brunnelhaus agreed. Yndravel said so.\n"
    doc = tmp_path / "names.txt"
    doc.write_text(text)
    # The built-in speller is off so that only LanguageTool's judgement counts
    # (a built-in finding on the same span would otherwise win the merge).
    before = {f["text"] for f in check_lt(doc, "--ignore", "spelling") if f["category"] == "spelling"}
    assert {"Qorvath", "Brunnelhaus", "Yndravel"} <= before

    rules = tmp_path / "house"
    (rules / "facts").mkdir(parents=True)
    (rules / "facts" / "entities.yaml").write_text(
        "entities:\n  - id: yndravel\n    names: [Yndravel Harbour Holdings]\n"
        "    is: a port operator\n")
    config = tmp_path / "copydesk.yaml"
    config.write_text("rules_dirs: [house]\nvocabulary:\n  accept: [Qorvath, Brunnelhaus]\n")
    after = {f["text"] for f in check_lt(doc, "--config", config, "--ignore", "spelling")
             if f["category"] == "spelling"}
    assert not after & {"Qorvath", "Brunnelhaus", "Yndravel"}, after


@pytest.mark.parametrize("language, flagged, allowed", [
    ("en-US", "colour", "center"),
    ("en-GB", "center", "colour"),
])
def test_language_variant_decides_spelling(tmp_path, language, flagged, allowed):
    doc = tmp_path / "variant.txt"
    doc.write_text("The colour of the center was bright.\n")
    config = tmp_path / "copydesk.yaml"
    config.write_text(f"languagetool:\n  language: {language}\n")
    # --select lt: the built-in speller follows the same language (dialect
    # defaults to it) and its finding on the same span would win the merge.
    texts = {f["text"] for f in check_lt(doc, "--config", config, "--select", "lt")}
    assert flagged in texts and allowed not in texts


def test_picky_and_rule_switches_change_what_is_reported(tmp_path):
    doc = tmp_path / "picky.txt"
    doc.write_text('He said "hello" and left... She bought an car.\n')
    plain = {f["rule"] for f in check_lt(doc, "--select", "lt")}
    assert "lt.EN_A_VS_AN" in plain and "lt.ELLIPSIS" not in plain
    config = tmp_path / "copydesk.yaml"
    config.write_text("languagetool:\n  picky: true\n  disable_rules: [EN_A_VS_AN]\n"
                      "  disable_categories: [TYPOGRAPHY]\n")
    picky = {f["rule"] for f in check_lt(doc, "--config", config, "--select", "lt")}
    assert "lt.ELLIPSIS" in picky
    assert "lt.EN_A_VS_AN" not in picky and "lt.EN_QUOTES" not in picky


def test_safe_fix_only_for_certain_rules(tmp_path):
    doc = tmp_path / "fixes.txt"
    doc.write_text("We saw the the boats. She bought an car.\n")
    findings = {f["rule"]: f for f in check_lt(doc, "--select", "lt")}
    assert findings["lt.ENGLISH_WORD_REPEAT_RULE"]["fix"]["applicability"] == "safe"
    assert findings["lt.EN_A_VS_AN"]["fix"]["applicability"] == "unsafe"


def test_unsupported_language_is_a_config_error_naming_the_line(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Fine.\n")
    config = tmp_path / "copydesk.yaml"
    config.write_text("languagetool:\n  language: klingon\n")
    proc = run_copydesk("check", doc, "--config", config)
    assert proc.returncode == 2
    assert f"{config}:2:" in proc.stderr and "en-GB" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_server_status_reports_the_running_server():
    assert run_copydesk("server", "start").returncode == 0  # already running: a no-op
    proc = run_copydesk("server", "status")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "running: LanguageTool" in proc.stdout and "http://127.0.0.1:" in proc.stdout


def test_same_span_and_correction_from_both_sources_is_one_finding(tmp_path):
    doc = tmp_path / "merge.txt"
    doc.write_text("I recieved the parcel.\n")
    data, proc = check_json(doc, *REQUIRE)
    assert proc.returncode == 1, proc.stderr
    at_word = [f for f in data["files"][0]["findings"] if f["text"] == "recieved"]
    assert len(at_word) == 1 and at_word[0]["replacements"][0] == "received"
    # LanguageTool flags it too when it is the only source.
    assert [f["text"] for f in check_lt(doc, "--select", "lt")] == ["recieved"]


def shared_server() -> dict:
    """pid and port of the server `./scripts/bootstrap` started (started again if it stopped)."""
    from lint.check.languagetool.locations import layout_for

    assert run_copydesk("server", "start").returncode == 0
    return json.loads(layout_for().state.read_text())


def test_server_listens_on_localhost_only():
    state = shared_server()
    listening = [c.laddr for c in psutil.Process(state["pid"]).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening and all(addr.port == state["port"] for addr in listening)
    assert {addr.ip for addr in listening} <= {"127.0.0.1", "::ffff:127.0.0.1", "::1"}


def test_url_option_uses_that_server_and_starts_none(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Every morning he go to the market.\n")
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache")}
    url = f"http://127.0.0.1:{shared_server()['port']}"
    proc = subprocess.run([sys.executable, "-m", "lint", "check", doc, "--format", "json",
                           "--no-cache", "--require", "languagetool", "--languagetool", url],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    rules = {f["rule"] for f in json.loads(proc.stdout)["files"][0]["findings"]}
    assert "lt.HE_VERB_AGR" in rules, proc.stderr
    assert not (tmp_path / "cache" / "languagetool" / "server.json").exists()


@pytest.mark.parametrize("setting", ["config", "xdg", "env"])
def test_cache_directory_follows_env_then_config_then_xdg(tmp_path, setting):
    config = tmp_path / "copydesk.yaml"
    config.write_text("languagetool:\n  cache_dir: lt-here\n" if setting == "config" else "")
    env = {k: v for k, v in os.environ.items() if k not in ("COPYDESK_CACHE_DIR", "XDG_CACHE_HOME")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    expected = {"config": tmp_path / "lt-here", "xdg": tmp_path / "xdg" / "copydesk" / "languagetool",
                "env": tmp_path / "env" / "languagetool"}[setting]
    if setting == "env":
        env["COPYDESK_CACHE_DIR"] = str(tmp_path / "env")
    proc = subprocess.run([sys.executable, "-m", "lint", "server", "status", "--config", config],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert f"not running (cache directory {expected})" in proc.stdout
