"""--changed-since REF checks only what git says changed since REF."""

from __future__ import annotations

import subprocess

from conftest import check_json, run_copydesk


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                   cwd=repo, check=True, capture_output=True)


def test_only_changed_and_untracked_prose_files_are_checked(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    for name in ("old.md", "edited.md", "gone.md"):
        (repo / "docs" / name).write_text("We recieve it.\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    (repo / "docs" / "edited.md").write_text("We recieve it twice. We recieve it.\n", encoding="utf-8")
    (repo / "docs" / "new.txt").write_text("A goverment note.\n", encoding="utf-8")
    (repo / "docs" / "script.py").write_text("x = 'recieve'\n", encoding="utf-8")
    (repo / "docs" / "gone.md").unlink()
    data, proc = check_json("docs", "--changed-since", "HEAD", "--no-languagetool", "--no-cache",
                            cwd=repo)
    assert sorted(f["path"] for f in data["files"]) == ["docs/edited.md", "docs/new.txt"]
    assert proc.returncode == 1


def test_nothing_changed_exits_zero_and_bad_ref_is_a_one_line_error(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.md").write_text("We recieve it.\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    data, proc = check_json(".", "--changed-since", "HEAD", "--no-languagetool", cwd=repo)
    assert proc.returncode == 0 and data["files"] == []
    bad = run_copydesk("check", ".", "--changed-since", "no-such-ref", "--no-languagetool", cwd=repo)
    assert bad.returncode == 2 and "no-such-ref" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
