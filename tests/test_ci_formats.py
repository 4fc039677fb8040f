"""The CI output formats, each checked against its published shape: SARIF
against the official 2.1.0 schema shipped in tests/schemas, JUnit and
checkstyle parsed as XML, GitHub workflow commands, GitLab Code Quality and
reviewdog rdjson/rdjsonl field by field. A skipped file shows in every one."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, check_json, run_copydesk

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
ARTICLE = FIXTURES / "article.txt"


@pytest.fixture
def article_json():
    """The JSON findings, taken just before the format under test is rendered."""
    data, _ = check_json(ARTICLE, "--no-languagetool")
    return data["files"][0]["findings"]


def _run(fmt: str, *paths) -> str:
    proc = run_copydesk("check", *(paths or [ARTICLE]), "--no-languagetool",
                        "--format", fmt)
    assert proc.returncode in (1, 2), proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


@pytest.fixture
def binary_file(tmp_path) -> Path:
    """A file Copydesk must skip, with a reason, in every format."""
    path = tmp_path / "scan.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary\x00data")
    return path


def test_sarif_is_valid_2_1_0_and_carries_every_finding(article_json):
    log = json.loads(_run("sarif"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "Copydesk"
    assert len(run["results"]) == len(article_json)
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result, finding in zip(run["results"], article_json):
        assert result["ruleId"] == finding["rule"] == rule_ids[result["ruleIndex"]]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
        assert region["snippet"]["text"] == finding["text"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert result["partialFingerprints"]["copydeskFingerprint/v2"]
    assert any("fixes" in r for r in run["results"]), "safe fixes should be offered as SARIF fixes"


def test_sarif_reports_a_skipped_file_as_a_notification(binary_file):
    log = json.loads(_run("sarif", ARTICLE, binary_file))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("scan.txt" in n["message"]["text"] and "binary" in n["message"]["text"] for n in notes)


def test_junit_parses_with_one_failure_per_finding_at_or_above_fail_on(article_json, binary_file):
    root = ET.fromstring(_run("junit", ARTICLE, binary_file))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    article = suites[str(ARTICLE)]
    failures = article.findall("testcase/failure")
    errors = [f for f in article_json if f["severity"] == "error"]
    assert len(failures) == int(article.get("failures")) == len(errors) < len(article_json)
    assert failures[0].get("message") == errors[0]["message"]
    passing = [c for c in article.findall("testcase") if c.find("failure") is None]
    assert {c.get("name").split(" at ")[0] for c in passing} >= {
        f["rule"] for f in article_json if f["severity"] == "info"}  # claims to verify pass
    everything = ET.fromstring(_run("junit", ARTICLE, "--fail-on", "info"))
    assert int(everything.get("failures")) == len(article_json)
    skipped = suites[str(binary_file)]
    assert skipped.get("errors") == "1" and "binary" in skipped.find("testcase/error").get("message")
    assert int(root.get("tests")) == len(article_json) + 1


GITHUB_COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.+)$")


def test_github_annotations_follow_the_workflow_command_syntax(article_json, binary_file):
    lines = _run("github", ARTICLE, binary_file).splitlines()
    parsed = []
    for line in lines:
        match = GITHUB_COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match.group(2).split(","))
        parsed.append((match.group(1), props, match.group(3)))
    findings = [p for p in parsed if p[1].get("file") == str(ARTICLE)]
    levels = [f["severity"] for f in article_json]
    assert len(findings) == sum(min(10, levels.count(s)) for s in set(levels))  # GitHub's cap per type
    shown = [f for f in article_json if any((int(p[1]["line"]), int(p[1]["col"]), p[1]["title"])
                                            == (f["line"], f["column"], f["rule"]) for p in findings)]
    for (level, props, message), finding in zip(findings, shown, strict=True):
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
        assert (int(props["line"]), int(props["col"])) == (finding["line"], finding["column"])
        assert (int(props["endLine"]), int(props["endColumn"])) == (finding["end_line"], finding["end_column"])
        assert props["title"] == finding["rule"] and message == finding["message"]
    assert any(p[1]["file"] == str(binary_file) and "binary" in p[2] for p in parsed)


def test_github_escapes_newlines_and_separators(tmp_path):
    from lint.render.github import command
    line = command("error", "50% done\nnext", file="a,b:c.md", line=1)
    assert line == "::error file=a%2Cb%3Ac.md,line=1::50%25 done%0Anext"


def test_gitlab_code_quality_has_the_documented_fields(article_json, binary_file):
    issues = json.loads(_run("gitlab", ARTICLE, binary_file))
    assert isinstance(issues, list)
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= issue.keys()
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    found = [i for i in issues if i["location"]["path"] == str(ARTICLE)]
    assert [i["check_name"] for i in found] == [f["rule"] for f in article_json]
    assert any(i["location"]["path"] == str(binary_file) for i in issues)


def _check_rdf_diagnostic(diagnostic: dict) -> None:
    assert isinstance(diagnostic["message"], str) and diagnostic["message"]
    assert diagnostic["severity"] in ("ERROR", "WARNING", "INFO")
    assert isinstance(diagnostic["location"]["path"], str)
    if "range" in diagnostic["location"]:
        for end in ("start", "end"):
            position = diagnostic["location"]["range"][end]
            assert position["line"] >= 1 and position["column"] >= 1
    for suggestion in diagnostic.get("suggestions", []):
        assert isinstance(suggestion["text"], str) and "start" in suggestion["range"]


def test_rdjson_and_rdjsonl_are_reviewdog_diagnostics(article_json, binary_file):
    result = json.loads(_run("rdjson", ARTICLE, binary_file))
    assert result["source"]["name"] == "copydesk"
    for diagnostic in result["diagnostics"]:
        _check_rdf_diagnostic(diagnostic)
    lines = [json.loads(line) for line in _run("rdjsonl", ARTICLE, binary_file).splitlines()]
    assert lines == result["diagnostics"]
    assert any(d["location"]["path"] == str(binary_file) for d in lines)
    found = [d for d in lines if d["location"]["path"] == str(ARTICLE)]
    assert [d["code"]["value"] for d in found] == [f["rule"] for f in article_json]


def test_rdjson_columns_count_utf8_bytes(tmp_path):
    doc = tmp_path / "naive.txt"
    doc.write_text("The café committee will recieve it.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool", "--no-cache", "--format", "rdjsonl",
                        "--select", "typos")
    diagnostic = json.loads(proc.stdout.splitlines()[0])
    # 'recieve' starts at code point 25 but byte 26: 'é' is two bytes in UTF-8.
    assert diagnostic["location"]["range"]["start"] == {"line": 1, "column": 26}


def test_checkstyle_parses_with_one_error_per_finding(article_json, binary_file):
    root = ET.fromstring(_run("checkstyle", ARTICLE, binary_file))
    files = {f.get("name"): f for f in root.iter("file")}
    errors = files[str(ARTICLE)].findall("error")
    assert [e.get("source") for e in errors] == [f"copydesk.{f['rule']}" for f in article_json]
    assert [int(e.get("line")) for e in errors] == [f["line"] for f in article_json]
    assert "binary" in files[str(binary_file)].find("error").get("message")


def test_control_characters_never_break_the_xml_formats(tmp_path):
    doc = tmp_path / "ctl.txt"
    doc.write_text("We will \x0brecieve it.\n", encoding="utf-8")
    for fmt in ("junit", "checkstyle"):
        proc = run_copydesk("check", doc, "--no-languagetool", "--no-cache", "--format", fmt)
        ET.fromstring(proc.stdout)
