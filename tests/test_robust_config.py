"""Every mistake in a configuration or rule file exits 2 and names file:line."""

from __future__ import annotations

import pytest

from conftest import run_copydesk

RULE_HEAD = "pack: house\nrules:\n  - id: r1\n    kind: existence\n    message: m\n"

CASES = {
    "yaml-syntax": ("copydesk.yaml", "disable: [a, b\nseverity: {}\n", 2, "YAML syntax error"),
    "unknown-key": ("copydesk.yaml", "disable: []\nfail-on: error\n", 2, "unknown key 'fail-on'"),
    "wrong-type": ("copydesk.yaml", "exclude: drafts/\n", 1, "'exclude' must be a list"),
    "bad-severity": ("copydesk.yaml", "severity:\n  typos: fatal\n", 2, "must be error, warning or info"),
    "bad-fail-on": ("copydesk.yaml", "fail_on: sometimes\n", 1, "'fail_on' must be one of"),
    "rule-unknown-key": ("rules/house.yaml", RULE_HEAD + "    tokens: [x]\n    colour: red\n", 7,
                         "unknown key 'colour'"),
    "rule-wrong-type": ("rules/house.yaml", RULE_HEAD + "    tokens: synergy\n", 6, "'tokens' must be a list"),
    "bad-regex": ("rules/house.yaml", RULE_HEAD + "    patterns: ['(unclosed']\n", 6, "bad regex"),
    "catastrophic-regex": ("rules/house.yaml", RULE_HEAD + "    patterns: ['(\\w+\\s?)*$']\n", 6,
                           "backtrack catastrophically"),
    "duplicate-id": ("rules/house.yaml", RULE_HEAD + "    tokens: [x]\n  - id: r1\n    kind: existence\n"
                     "    message: m\n    tokens: [y]\n", 7, "duplicate rule id"),
    "unknown-kind": ("rules/house.yaml", "rules:\n  - id: r1\n    kind: magic\n    message: m\n", 3,
                     "unknown rule kind 'magic'"),
    "entity-without-names": ("rules/facts/orgs.yaml", "entities:\n  - id: acme\n    is: a company\n", 2,
                             "has no names"),
    "unknown-block-kind": ("rules/house.yaml", RULE_HEAD + "    tokens: [x]\n    scope: [paragrph]\n", 7,
                           "unknown block kind 'paragrph'"),
    "duplicate-yaml-key": ("copydesk.yaml", "disable: []\ndisable: [typos]\n", 2, "duplicate key"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_config_and_rule_mistakes_name_file_and_line(tmp_path, name):
    relative, content, line, message = CASES[name]
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    if relative.startswith("rules/"):
        (tmp_path / "copydesk.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("Plain words.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool")
    assert proc.returncode == 2, proc.stdout
    assert "Traceback" not in proc.stderr
    assert f"{target}:{line}:" in proc.stderr, proc.stderr
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_rule_directory_outside_the_project_is_resolved_and_reported(tmp_path):
    shared = tmp_path / "shared-rules"
    shared.mkdir()
    (shared / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: synergy\n    kind: existence\n    message: jargon\n"
        "    tokens: [synergy]\n    examples: {flag: [synergy], pass: [energy]}\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "copydesk.yaml").write_text("rules_dirs: [../shared-rules]\n", encoding="utf-8")
    doc = project / "doc.txt"
    doc.write_text("We seek synergy.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool", "--no-cache")
    assert f"{project / 'copydesk.yaml'}:1: rule directory '../shared-rules' is outside" in proc.stderr
    assert str(shared) in proc.stderr
    assert "house.synergy" in proc.stdout


def test_cached_rule_file_edited_into_a_mistake_still_names_file_and_line(tmp_path):
    """A rule file's parse is kept in the user cache; an edit is seen at once."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = dict(os.environ, COPYDESK_CACHE_DIR=str(tmp_path / "cache"))
    pack = tmp_path / "rules" / "house.yaml"
    pack.parent.mkdir()
    good = RULE_HEAD + "    tokens: [synergy]\n    examples: {flag: [synergy], pass: [energy]}\n"
    pack.write_text(good, encoding="utf-8")
    (tmp_path / "copydesk.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("We seek synergy.\n", encoding="utf-8")

    def check():
        return subprocess.run([sys.executable, "-m", "lint", "check", str(doc), "--no-languagetool", "--no-cache"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    for _ in range(2):  # the second run reads the rule file's parse from the cache
        first = check()
        assert first.returncode == 0 and "house.r1" in first.stdout, first.stderr  # warnings pass
    assert any((tmp_path / "cache" / "yaml").iterdir())
    pack.write_text(good.replace("    tokens: [synergy]\n", "    tokens: [synergy]\n    colour: red\n"),
                    encoding="utf-8")
    broken = check()
    assert broken.returncode == 2
    assert f"{pack}:7: " in broken.stderr and "unknown key 'colour'" in broken.stderr
