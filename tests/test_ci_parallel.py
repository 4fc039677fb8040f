"""Many files at once: --jobs gives the same report as one process, in the
same order, and one unreadable file among a thousand is reported without
losing any other file's findings."""

from __future__ import annotations

import os

from conftest import check_json, run_copydesk


def _tree(root, count: int):
    for i in range(count):
        folder = root / f"section{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        text = f"Story {i}. The council met today.\n"
        if i % 10 == 0:
            text += "The goverment will recieve the report.\n"
        (folder / f"story{i:04}.txt").write_text(text, encoding="utf-8")


def test_parallel_report_equals_the_sequential_one(tmp_path):
    _tree(tmp_path / "docs", 60)
    one, _ = check_json(tmp_path / "docs", "--no-languagetool", "--no-cache", "--jobs", "1")
    two, _ = check_json(tmp_path / "docs", "--no-languagetool", "--no-cache", "--jobs", "2")
    assert one == two
    paths = [f["path"] for f in two["files"]]
    assert paths == sorted(paths) and len(paths) == 60


def test_a_thousand_files_with_one_unreadable(tmp_path):
    docs = tmp_path / "docs"
    _tree(docs, 999)
    # We run as root, so chmod 000 would not stop a read: use a dangling symlink.
    (docs / "section3" / "broken.txt").symlink_to(docs / "section3" / "deleted-original.txt")
    data, proc = check_json(docs, "--no-languagetool", "--no-cache", "--jobs", "2")
    files = {f["path"]: f for f in data["files"]}
    assert len(files) == 1000
    bad = files[str(docs / "section3" / "broken.txt")]
    assert bad["error"] and bad["findings"] == []
    checked = [f for f in data["files"] if "error" not in f]
    assert len(checked) == 999
    assert sum(1 for f in checked if f["findings"]) == 100  # every tenth story has errors
    assert data["summary"]["skipped"] == 1
    # Findings (1) and an unreadable file (2): the input error decides the exit code.
    assert proc.returncode == 2
    assert "broken.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_a_skipped_binary_file_does_not_hide_the_findings_exit_code(tmp_path):
    docs = tmp_path / "docs"
    _tree(docs, 30)
    (docs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    data, proc = check_json(docs, "--no-languagetool", "--no-cache", "--jobs", "2")
    assert proc.returncode == 1 and data["summary"]["skipped"] == 1
    proc = run_copydesk("check", docs / "image.txt", "--no-languagetool", "--no-cache")
    assert proc.returncode == 2 and "skipped" in proc.stdout  # nothing checked is not a pass
    proc = run_copydesk("check", docs / "image.txt", "--no-languagetool", "--no-cache", "--allow-empty")
    assert proc.returncode == 0 and "skipped" in proc.stdout


def test_progress_bar_stays_off_when_stderr_is_not_a_terminal(tmp_path):
    _tree(tmp_path / "docs", 40)
    proc = run_copydesk("check", tmp_path / "docs", "--no-languagetool", "--no-cache", "--jobs", "2")
    assert "file/s" not in proc.stderr and "\r" not in proc.stderr


def test_progress_bar_shows_on_a_terminal_for_long_runs(tmp_path, monkeypatch):
    import io
    import sys

    import lint.run.parallel as parallel
    from lint.run.pipeline import CommandLine, Linter

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    _tree(tmp_path / "docs", 300)
    files = sorted((tmp_path / "docs").rglob("*.txt"))
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    import lint.run.progress as progress

    monkeypatch.setattr(progress, "PROGRESS_DELAY", 0)  # no need to wait a second to see it
    results = parallel.check_files(Linter(CommandLine(languagetool=False)), files, jobs=2)
    assert [r.path for r in results] == files
    shown = terminal.getvalue()
    assert "copydesk:" in shown and "/300 [" in shown and "file/s" in shown


def test_a_dying_worker_process_loses_no_file(tmp_path, monkeypatch, capsys):
    import lint.run.parallel as parallel
    from lint.run.pipeline import CommandLine, Linter

    _tree(tmp_path / "docs", 40)
    files = sorted((tmp_path / "docs").rglob("*.txt"))
    real = parallel._check_in_worker

    def crash_on_one_file(document):
        if document.path.name == "story0013.txt":
            os._exit(9)  # as if the kernel had killed the worker
        return real(document)

    # Workers are forked, so they inherit this replacement; pickle finds it by name.
    crash_on_one_file.__module__, crash_on_one_file.__qualname__ = parallel.__name__, "_check_in_worker"
    monkeypatch.setattr(parallel, "_check_in_worker", crash_on_one_file)
    results = parallel.check_files(Linter(CommandLine(languagetool=False)), files, jobs=2)
    assert [r.path for r in results] == files
    assert all(r.document is not None and r.error is None for r in results)
    assert sum(1 for r in results if r.findings) == 4
    assert "worker process died" in capsys.readouterr().err


def test_the_process_pool_used_off_linux_gives_the_same_results(tmp_path, monkeypatch):
    import lint.run.parallel as parallel
    from lint.run.pipeline import CommandLine, Linter

    _tree(tmp_path / "docs", 30)
    files = sorted((tmp_path / "docs").rglob("*.txt"))
    forked = parallel.check_files(Linter(CommandLine(languagetool=False)), files, jobs=2)
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    pooled = parallel.check_files(Linter(CommandLine(languagetool=False)), files, jobs=2)
    assert [r.path for r in pooled] == files
    assert [r.findings for r in pooled] == [r.findings for r in forked]
    assert sum(1 for r in pooled if r.findings) == 3  # every tenth story has errors
