"""The exit code does not depend on the order of the paths (issue 22, problem 4)."""

from __future__ import annotations

from conftest import run_copydesk


def _tree(tmp_path):
    strict, lax = tmp_path / "strict", tmp_path / "lax"
    for folder, fail_on in ((strict, "warning"), (lax, "never")):
        folder.mkdir()
        (folder / "copydesk.yaml").write_text(f"fail_on: {fail_on}\nseverity: {{confusion: warning}}\n",
                                              encoding="utf-8")
    # a warning (no error) in the strict folder, errors in the lax one
    (strict / "a.txt").write_text("It is better then the old one.\n", encoding="utf-8")
    (lax / "b.txt").write_text("We recieve it.\n", encoding="utf-8")
    return strict, lax


def test_each_file_fails_by_its_own_config_in_either_order(tmp_path):
    strict, lax = _tree(tmp_path)
    first = run_copydesk("check", strict, lax, "--no-languagetool")
    second = run_copydesk("check", lax, strict, "--no-languagetool")
    assert "warning" in first.stdout, first.stdout
    assert first.returncode == second.returncode == 1, (first.stdout, second.stdout)


def test_lax_config_alone_passes_and_fail_on_flag_wins_over_both(tmp_path):
    strict, lax = _tree(tmp_path)
    assert run_copydesk("check", lax, "--no-languagetool").returncode == 0
    for order in ((strict, lax), (lax, strict)):
        assert run_copydesk("check", *order, "--no-languagetool", "--fail-on", "never").returncode == 0
        assert run_copydesk("check", *order, "--no-languagetool", "--fail-on", "error").returncode == 1
