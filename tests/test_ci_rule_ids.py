"""Mistyped rule ids are errors with the nearest real id (issue 22, problem 2)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, run_copydesk


def _doc(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("We recieve it.\n", encoding="utf-8")
    return doc


@pytest.mark.parametrize("flag, typo, nearest", [
    ("--select", "typos.misspeling", "typos.misspelling"),
    ("--ignore", "jargn", "jargon"),
])
def test_mistyped_id_on_the_command_line_names_the_flag(tmp_path, flag, typo, nearest):
    proc = run_copydesk("check", _doc(tmp_path), "--no-languagetool", flag, typo)
    assert proc.returncode == 2
    assert f"{flag}: unknown rule '{typo}'; did you mean '{nearest}'?" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("config, line, nearest", [
    ("fail_on: error\nenable: [typos.misspeling]\n", 2, "typos.misspelling"),
    ("disable:\n  - mechanics\n  - mechanics.doubled-wrd\n", 3, "mechanics.doubled-word"),
    ("severity:\n  claim: info\n", 2, "claims"),
    ("options:\n  readability.long-sentense: {max_words: 3}\n", 2, "readability.long-sentence"),
    ("overrides:\n  - files: ['*.txt']\n    disable: [typos.misspelin]\n", 3, "typos.misspelling"),
])
def test_mistyped_id_in_the_config_names_file_and_line(tmp_path, config, line, nearest):
    (tmp_path / "copydesk.yaml").write_text(config, encoding="utf-8")
    proc = run_copydesk("check", _doc(tmp_path), "--no-languagetool")
    assert proc.returncode == 2
    assert f"copydesk.yaml:{line}: " in proc.stderr and f"did you mean '{nearest}'?" in proc.stderr


def test_real_ids_packs_all_and_languagetool_ids_are_accepted(tmp_path):
    (tmp_path / "copydesk.yaml").write_text(
        "disable: [lt.WHITESPACE_RULE, jargon]\nenable: [ALL]\nseverity: {typos.misspelling: info}\n",
        encoding="utf-8")
    proc = run_copydesk("check", _doc(tmp_path), "--no-languagetool", "--fail-on", "error")
    assert proc.returncode == 0, proc.stderr
    assert "typos.misspelling" in proc.stdout  # still reported, at info


def test_mistyped_scope_suggests_the_block_kind(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: shout\n    kind: pattern\n    patterns: ['LOUD']\n    replace: loud\n"
        "    message: no shouting\n    scope: [headng]\n", encoding="utf-8")
    proc = run_copydesk("check", _doc(tmp_path), "--no-languagetool", "--rules-dir", rules)
    assert proc.returncode == 2
    assert "house.yaml:" in proc.stderr and "did you mean 'heading'?" in proc.stderr


def test_readme_configuration_example_names_only_real_rules(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"## Configuration.*?```yaml\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "house-rules").mkdir()  # the example's own rule directory, empty here
    (tmp_path / "copydesk.yaml").write_text(example, encoding="utf-8")
    proc = run_copydesk("rules", tmp_path, "--no-languagetool")
    assert proc.returncode == 0, proc.stderr
