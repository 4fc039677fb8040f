"""Configurations and rule files that once crashed Copydesk with a traceback
(issue 24) are now one line naming file:line, and exit 2."""

from __future__ import annotations

import os

from conftest import run_copydesk

RULE_HEAD = "pack: house\nrules:\n  - id: r1\n    kind: existence\n    message: m\n"


def _check(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Plain words.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool", timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def _rules(tmp_path, content: str):
    (tmp_path / "copydesk.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    target = tmp_path / "rules" / "house.yaml"
    target.write_text(content, encoding="utf-8")
    return target


def test_repeat_count_past_the_limit(tmp_path):
    target = _rules(tmp_path, RULE_HEAD + "    patterns: ['a{1,4294967296}']\n")
    line = _check(tmp_path)
    assert f"{target}:6:" in line and "bad regex" in line


def test_list_as_a_mapping_key(tmp_path):
    (tmp_path / "copydesk.yaml").write_text("disable: []\n? [a, b]\n: x\n", encoding="utf-8")
    line = _check(tmp_path)
    assert f"{tmp_path / 'copydesk.yaml'}:2:" in line and "mapping key" in line


def test_rule_directory_that_is_a_symlink_loop(tmp_path):
    os.symlink("loop", tmp_path / "loop")
    (tmp_path / "copydesk.yaml").write_text("disable: []\nrules_dirs: [loop]\n", encoding="utf-8")
    line = _check(tmp_path)
    assert f"{tmp_path / 'copydesk.yaml'}:2:" in line and "'loop'" in line


def test_null_tokens(tmp_path):
    target = _rules(tmp_path, RULE_HEAD + "    tokens: null\n")
    assert f"{target}:6:" in _check(tmp_path)


def test_null_inside_tokens(tmp_path):
    target = _rules(tmp_path, RULE_HEAD + "    tokens: [fine, null]\n")
    line = _check(tmp_path)
    assert f"{target}:6:" in line and "must be a string" in line


def test_binary_vocabulary_file(tmp_path):
    _rules(tmp_path, RULE_HEAD + "    tokens: [synergy]\n")
    words = tmp_path / "rules" / "vocabulary" / "accept.txt"
    words.parent.mkdir()
    words.write_bytes(b"Sinochem\nLiehong\n\xff\xfe\x00\x01binary\n")
    line = _check(tmp_path)
    assert f"{words}:3:" in line and "UTF-8" in line


def test_yaml_alias_bomb(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    (tmp_path / "copydesk.yaml").write_text("\n".join(lines) + "\ndisable: *a8\n", encoding="utf-8")
    line = _check(tmp_path)
    assert f"{tmp_path / 'copydesk.yaml'}:" in line and "aliases" in line


def test_alias_that_contains_itself(tmp_path):
    (tmp_path / "copydesk.yaml").write_text("disable: &d [typos, *d]\n", encoding="utf-8")
    line = _check(tmp_path)
    assert f"{tmp_path / 'copydesk.yaml'}:1:" in line


def test_oversized_rule_file(tmp_path):
    target = _rules(tmp_path, RULE_HEAD + "    tokens: [x]\n" + "# padding\n" * 900_000)
    line = _check(tmp_path)
    assert f"{target}:1:" in line and "MB" in line
