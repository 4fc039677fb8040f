"""Nothing checked must never look like success (issue 22, problem 1)."""

from __future__ import annotations

from conftest import run_copydesk


def test_empty_folder_exits_2_unless_allowed(tmp_path):
    proc = run_copydesk("check", tmp_path, "--no-languagetool")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "no file to check" in proc.stderr and "--allow-empty" in proc.stderr
    allowed = run_copydesk("check", tmp_path, "--no-languagetool", "--allow-empty")
    assert allowed.returncode == 0, allowed.stderr


def test_tree_of_unsupported_formats_names_what_was_skipped(tmp_path):
    (tmp_path / "guide.adoc").write_text("= Guide\n\nWe recieve it.\n", encoding="utf-8")
    (tmp_path / "paper.tex").write_text("We recieve it.\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")
    proc = run_copydesk("check", tmp_path, "--no-languagetool")
    assert proc.returncode == 2
    assert "skipped 1 .adoc file: AsciiDoc is not a supported input format" in proc.stderr
    assert "skipped 1 .tex file: LaTeX" in proc.stderr
    assert "skipped 1 other file (.png)" in proc.stderr


def test_named_unreadable_format_is_skipped_with_its_format_named_and_exits_2(tmp_path):
    pdf = tmp_path / "draft.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01binary stream")
    proc = run_copydesk("check", pdf, "--no-languagetool")
    assert proc.returncode == 2
    assert "PDF files (.pdf) are not supported yet" in proc.stdout + proc.stderr
    assert "no file could be checked" in proc.stderr


def test_a_checked_file_keeps_the_normal_exit_and_still_reports_unread_formats(tmp_path):
    (tmp_path / "ok.md").write_text("All good here.\n", encoding="utf-8")
    (tmp_path / "paper.tex").write_text("We recieve it.\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")
    proc = run_copydesk("check", tmp_path, "--no-languagetool")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "skipped 1 .tex file" in proc.stderr
    assert ".png" not in proc.stderr  # other files are only explained when nothing was checked
