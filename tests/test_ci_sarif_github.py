"""SARIF as GitHub code scanning needs it (issue 22, problem 7): rule help
with examples, a fingerprint unique to each result, repository-relative
URIs; and still the official 2.1.0 schema."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
from conftest import run_copydesk

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sarif(tmp_path, *extra):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    docs = tmp_path / "docs"
    docs.mkdir()
    # the same line twice: two results that must not share a fingerprint
    (docs / "a.md").write_text("We recieve it.\n\nWe recieve it.\n\nShe go to school every days.\n",
                               encoding="utf-8")
    proc = run_copydesk("check", "a.md", "--format", "sarif", *extra, cwd=docs)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    jsonschema.validate(log, SCHEMA)
    return log["runs"][0]


def test_results_have_unique_fingerprints_and_repository_relative_uris(tmp_path):
    run = _sarif(tmp_path, "--no-languagetool")
    prints = [r["partialFingerprints"]["copydeskFingerprint/v2"] for r in run["results"]]
    assert len(prints) >= 2 and len(set(prints)) == len(prints)
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": tmp_path.resolve().as_uri() + "/"}}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "docs/a.md", "uriBaseId": "SRCROOT"}  # not "a.md", the cwd-relative path


def test_rules_carry_full_description_and_markdown_help_with_examples(tmp_path):
    run = _sarif(tmp_path, "--no-languagetool")
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "typos.misspelling")
    assert rule["fullDescription"]["text"].startswith("A known misspelling")
    markdown = rule["help"]["markdown"]
    assert "Flagged:" in markdown and "The goverment said so." in markdown and "Not flagged:" in markdown


def test_languagetool_rules_link_their_rule_page(tmp_path):
    run = _sarif(tmp_path)  # the real LanguageTool server
    lt_rules = [r for r in run["tool"]["driver"]["rules"] if r["id"].startswith("lt.")]
    assert lt_rules, "LanguageTool should flag 'She go'"
    for rule in lt_rules:
        assert rule["helpUri"].startswith("https://community.languagetool.org/rule/show/")
        assert rule["fullDescription"]["text"] and rule["help"]["markdown"]
