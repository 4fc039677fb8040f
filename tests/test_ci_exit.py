"""Exit control for CI: --fail-on, --max-findings, --exit-zero."""

from __future__ import annotations

from conftest import run_copydesk


def _doc(tmp_path, text: str):
    doc = tmp_path / "a.txt"
    doc.write_text(text, encoding="utf-8")
    return doc


def test_max_findings_fails_a_run_with_too_many_findings(tmp_path):
    doc = _doc(tmp_path, "We recieve it. The goverment agreed.\n")
    base = ("check", doc, "--no-languagetool", "--select", "typos", "--fail-on", "never")
    assert run_copydesk(*base).returncode == 0
    assert run_copydesk(*base, "--max-findings", "2").returncode == 0
    over = run_copydesk(*base, "--max-findings", "1")
    assert over.returncode == 1 and "more than --max-findings 1" in over.stderr
    assert run_copydesk(*base, "--max-findings", "0").returncode == 1


def test_exit_zero_wins_over_findings_but_not_over_input_errors(tmp_path):
    doc = _doc(tmp_path, "We recieve it.\n")
    assert run_copydesk("check", doc, "--no-languagetool", "--exit-zero").returncode == 0
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    assert run_copydesk("check", doc, dangling, "--no-languagetool", "--exit-zero").returncode == 2


def test_bad_jobs_value_is_a_usage_error(tmp_path):
    doc = _doc(tmp_path, "Fine.\n")
    proc = run_copydesk("check", doc, "--jobs", "0")
    assert proc.returncode == 2 and "--jobs" in proc.stderr and "Traceback" not in proc.stderr
