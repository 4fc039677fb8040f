"""`copydesk rule ID`, subcommand usage, help text, report on a terminal (issue 22, problem 11)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from conftest import FIXTURES, ROOT, run_copydesk


def test_rule_explains_one_rule_with_examples_and_where_it_is_defined():
    proc = run_copydesk("rule", "typos.misspelling", "--no-languagetool")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("typos.misspelling  (substitution, error, fix: safe)")
    assert "rules/editorial/typos.yaml:" in out and "message: " in out and "why: " in out
    assert "flagged:\n  - " in out and "not flagged:\n  - " in out
    assert "The goverment said so." in out  # one of the rule's own examples


def test_rule_explains_a_languagetool_rule_and_rejects_a_typo():
    lt = run_copydesk("rule", "lt.WHITESPACE_RULE")
    assert lt.returncode == 0 and "LanguageTool rule" in lt.stdout
    assert "https://community.languagetool.org/rule/show/WHITESPACE_RULE" in lt.stdout
    typo = run_copydesk("rule", "typos.misspeling")
    assert typo.returncode == 2 and "did you mean 'typos.misspelling'?" in typo.stderr


def test_rules_with_a_rule_id_points_at_rule_instead_of_listing_all():
    proc = run_copydesk("rules", "lt.WHITESPACE_RULE", "--no-languagetool")
    assert proc.returncode == 2 and "copydesk rule lt.WHITESPACE_RULE" in proc.stderr
    assert "rules from" not in proc.stdout


def test_bad_argument_prints_the_subcommand_usage():
    proc = run_copydesk("rules", "--bogus")
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: copydesk rules ") and "unrecognized arguments: --bogus" in proc.stderr


def test_help_keeps_proper_nouns():
    assert "Write the annotated HTML report" in run_copydesk("report", "--help").stdout
    assert "the local LanguageTool server" in run_copydesk("server", "--help").stdout


def test_report_without_output_refuses_to_print_html_on_a_terminal(tmp_path):
    main, replica = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "lint", "report", str(FIXTURES / "article.txt"),
                           "--no-languagetool"], cwd=ROOT, stdout=replica, stderr=subprocess.PIPE,
                          text=True, timeout=120)
    os.close(replica)
    os.close(main)
    assert proc.returncode == 2 and "-o report.html" in proc.stderr
    piped = run_copydesk("report", FIXTURES / "article.txt", "--no-languagetool")
    assert piped.returncode == 0 and piped.stdout.lstrip().lower().startswith("<!doctype html")
