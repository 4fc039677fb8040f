"""`copydesk init` writes a commented copydesk.yaml for the project (issue 22, scope)."""

from __future__ import annotations

from conftest import run_copydesk


def _project(tmp_path, prose: str):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text(prose, encoding="utf-8")
    (tmp_path / "docs" / "paper.tex").write_text("x\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Fine.\n", encoding="utf-8")


def test_init_writes_a_config_that_loads_with_formats_and_dialect(tmp_path):
    _project(tmp_path, "The colour of the organisation shows its behaviour.\n")
    proc = run_copydesk("init", tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "copydesk.yaml").read_text(encoding="utf-8")
    assert "dialect: en-GB" in text and "markdown (1 file), text (1 file)" in text
    assert "LaTeX is not a supported input format" in text
    check = run_copydesk("check", tmp_path, "--no-languagetool")
    assert check.returncode == 0, check.stdout + check.stderr  # the file it wrote is a valid config
    again = run_copydesk("init", tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr


def test_init_picks_american_english(tmp_path):
    _project(tmp_path, "The color of the organization shows its behavior.\n")
    assert run_copydesk("init", tmp_path).returncode == 0
    assert "dialect: en-US" in (tmp_path / "copydesk.yaml").read_text(encoding="utf-8")
