"""`copydesk check -` reads stdin; --stdin-filename names it (issue 22, problem 12)."""

from __future__ import annotations

import json

from conftest import run_copydesk

CODE_SPAN = "Run `recieve` now.\n"  # a misspelling only outside Markdown code


def test_check_reads_stdin(tmp_path):
    proc = run_copydesk("check", "-", "--no-languagetool", input="We recieve it.\n", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("-:1:4 error typos.misspelling")


def test_stdin_filename_picks_format_config_and_the_path_shown(tmp_path):
    lax = tmp_path / "lax"
    lax.mkdir()
    (lax / "copydesk.yaml").write_text("disable: [typos, spelling]\n", encoding="utf-8")
    as_text = run_copydesk("check", "-", "--no-languagetool", "--format", "json", input=CODE_SPAN, cwd=tmp_path)
    assert json.loads(as_text.stdout)["files"][0]["findings"], as_text.stderr
    as_md = run_copydesk("check", "-", "--stdin-filename", "docs/guide.md", "--no-languagetool",
                         "--format", "json", input=CODE_SPAN, cwd=tmp_path)
    data = json.loads(as_md.stdout)["files"][0]
    assert data["path"] == "docs/guide.md" and data["findings"] == [] and as_md.returncode == 0
    configured = run_copydesk("check", "-", "--stdin-filename", "lax/a.txt", "--no-languagetool",
                              input="We recieve it.\n", cwd=tmp_path)
    assert configured.returncode == 0 and "0 findings" in configured.stdout, configured.stdout
    assert not (tmp_path / "docs").exists()  # nothing is written where the name points


def test_stdin_misuse_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    mixed = run_copydesk("check", "-", "a.txt", "--no-languagetool", input="x\n", cwd=tmp_path)
    assert mixed.returncode == 2 and "cannot be mixed" in mixed.stderr
    alone = run_copydesk("check", "a.txt", "--stdin-filename", "b.md", "--no-languagetool", cwd=tmp_path)
    assert alone.returncode == 2 and "--stdin-filename needs PATH '-'" in alone.stderr
