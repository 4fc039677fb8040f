"""`check --statistics` counts findings per rule (issue 22, scope)."""

from __future__ import annotations

import json

from conftest import run_copydesk


def test_statistics_counts_each_rule_most_first(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("We recieve it. They recieve it. The goverment agreed.\n\n"
                   "Investors could loose their money.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool", "--statistics")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["3", "typos.misspelling", "error", "3", "fixable"]
    assert any(line.split()[:2] == ["1", "confusion.loose-lose"] and "with --unsafe-fixes" in line
               for line in lines)
    assert lines[-1] == "4 findings from 2 rules."
    assert "^" not in proc.stdout  # the table replaces the findings


def test_statistics_go_to_stderr_beside_a_machine_format(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("We recieve it.\n", encoding="utf-8")
    proc = run_copydesk("check", doc, "--no-languagetool", "--statistics", "--format", "json")
    assert len(json.loads(proc.stdout)["files"][0]["findings"]) == 1
    assert "1 finding from 1 rule." in proc.stderr
