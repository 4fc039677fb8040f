"""The `check` command as users and CI see it: JSON contract, exit codes,
configuration errors with file:line."""

from __future__ import annotations


from conftest import FIXTURES, check_json, run_copydesk

FINDING_FIELDS = {"rule", "severity", "category", "message", "start", "end", "line", "column",
                  "end_line", "end_column", "text", "replacements", "fix", "source"}


def test_json_contract_on_seed_article():
    data, proc = check_json(FIXTURES / "article.txt", "--no-languagetool")
    assert proc.returncode == 1
    assert data["version"] == 1
    source = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    findings = data["files"][0]["findings"]
    assert findings
    for finding in findings:
        assert FINDING_FIELDS <= finding.keys()
        assert finding["text"] == source[finding["start"]:finding["end"]]
        assert finding["severity"] in ("error", "warning", "info")
        line_start = source.rfind("\n", 0, finding["start"]) + 1
        assert finding["line"] == source.count("\n", 0, finding["start"]) + 1
        assert finding["column"] == finding["start"] - line_start + 1
        if finding["fix"] is not None:
            assert finding["fix"]["applicability"] in ("safe", "unsafe")
            for edit in finding["fix"]["edits"]:
                assert 0 <= edit["start"] <= edit["end"] <= len(source)
    summary = data["summary"]
    assert summary["files"] == 1
    assert summary["findings"] == len(findings)
    assert sum(summary["by_severity"].values()) == len(findings)


def test_python_dash_m_and_console_script_agree():
    proc = run_copydesk("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("copydesk ")


def test_clean_document_exits_zero(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The committee met on Tuesday and agreed the budget.\n", encoding="utf-8")
    proc = run_copydesk("check", clean, "--no-languagetool")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_missing_file_exits_2_with_one_line(tmp_path):
    proc = run_copydesk("check", tmp_path / "nope.txt", "--no-languagetool")
    assert proc.returncode == 2
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_config_key_names_file_and_line(tmp_path):
    config = tmp_path / "copydesk.yaml"
    config.write_text("disable: []\nseverity:\n  typos: warning\ncolour: blue\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Fine text.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool")
    assert proc.returncode == 2
    assert f"{config}:4:" in proc.stderr and "colour" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    config = tmp_path / ".copydesk.yaml"
    config.write_text("disable:\n  - a\n  b: [\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Fine text.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool")
    assert proc.returncode == 2
    assert f"{config}:" in proc.stderr and "YAML" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_config_disable_and_severity_override(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Accoring to him, the path way is clear.\n", encoding="utf-8")
    (tmp_path / "copydesk.yaml").write_text(
        "disable: [typos.split-word]\nseverity:\n  typos.misspelling: warning\n", encoding="utf-8")
    data, proc = check_json(doc, "--no-languagetool")
    rules = {f["rule"]: f["severity"] for f in data["files"][0]["findings"]}
    assert "typos.split-word" not in rules
    assert rules["typos.misspelling"] == "warning"
    assert proc.returncode == 0  # only warnings left, default --fail-on error
    proc = run_copydesk("check", doc, "--no-languagetool", "--fail-on", "warning")
    assert proc.returncode == 1


def test_inline_suppression_comment_and_plain_form(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("# copydesk-disable-next-line typos\nAccoring to him.\n\nAccoring to her.\n",
                   encoding="utf-8")
    data, _ = check_json(doc, "--no-languagetool", "--select", "typos")
    lines = [f["line"] for f in data["files"][0]["findings"]]
    assert lines == [4]
    md = tmp_path / "b.txt"
    md.write_text("<!-- copydesk-disable typos.misspelling -->\nAccoring to him.\n"
                  "<!-- copydesk-enable typos.misspelling -->\nAccoring to her.\n", encoding="utf-8")
    data, _ = check_json(md, "--no-languagetool", "--select", "typos")
    assert [f["line"] for f in data["files"][0]["findings"]] == [4]


def test_rules_command_lists_source_files():
    proc = run_copydesk("rules")
    assert proc.returncode == 0
    assert "typos.misspelling" in proc.stdout and "rules/editorial/typos.yaml:" in proc.stdout


def test_user_rule_dir_with_bad_regex_names_file_line(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: bad\n    kind: existence\n    message: x\n"
        "    patterns: ['(unclosed']\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Fine text.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool", "--rules-dir", rules)
    assert proc.returncode == 2
    assert f"{rules / 'house.yaml'}:" in proc.stderr and "bad regex" in proc.stderr


def test_directory_walk_skips_binary_with_message(tmp_path):
    (tmp_path / "good.txt").write_text("Accoring to him.\n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    proc = run_copydesk("check", tmp_path, "--no-languagetool")
    assert "blob.txt: skipped: binary" in proc.stdout
    assert "good.txt:1:1" in proc.stdout
    assert proc.returncode == 1


def test_a_note_shared_by_many_files_is_printed_once(tmp_path):
    for number in range(3):
        (tmp_path / f"f{number}.txt").write_text("Accoring to him.\n", encoding="utf-8")
    proc = run_copydesk("check", tmp_path, "--languagetool", "http://127.0.0.1:9", "--no-cache")
    notes = [line for line in proc.stdout.splitlines() if "LanguageTool skipped" in line]
    assert len(notes) == 1 and notes[0].startswith("note (3 files):"), proc.stdout
    assert proc.stdout.count("typos.misspelling") == 3
