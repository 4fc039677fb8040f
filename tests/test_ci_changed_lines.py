"""--changed-since diffs against the merge base; --changed-lines keeps only
findings on changed lines (issue 22, problem 5)."""

from __future__ import annotations

import subprocess

from conftest import check_json, run_copydesk

TYPO = "We recieve it.\n"


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                   cwd=repo, check=True, capture_output=True)


def _repo(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.md").write_text(TYPO + "\n" + TYPO, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    return repo


def test_a_branch_behind_main_does_not_pick_up_files_only_main_changed(tmp_path):
    repo = _repo(tmp_path)
    _git(repo, "checkout", "-qb", "feature")
    (repo / "mine.md").write_text(TYPO, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "branch work")
    _git(repo, "checkout", "-q", "main")
    (repo / "theirs.md").write_text(TYPO, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "main moves on")
    _git(repo, "checkout", "-q", "feature")
    data, proc = check_json(".", "--changed-since", "main", "--no-languagetool", "--no-cache", cwd=repo)
    assert [f["path"] for f in data["files"]] == ["mine.md"], proc.stderr


def test_changed_lines_reports_only_findings_on_changed_lines(tmp_path):
    repo = _repo(tmp_path)
    _git(repo, "checkout", "-qb", "feature")
    (repo / "a.md").write_text(TYPO + "\nThe goverment agreed.\n\n" + TYPO, encoding="utf-8")
    (repo / "new.md").write_text(TYPO, encoding="utf-8")  # untracked: every line is new
    data, proc = check_json(".", "--changed-since", "main", "--changed-lines", "--no-languagetool",
                            "--no-cache", cwd=repo)
    by_path = {f["path"]: f["findings"] for f in data["files"]}
    assert [(f["line"], f["text"]) for f in by_path["a.md"]] == [(3, "goverment")], proc.stderr
    assert [f["line"] for f in by_path["new.md"]] == [1]
    everything, _ = check_json(".", "--changed-since", "main", "--no-languagetool", "--no-cache", cwd=repo)
    assert len(everything["files"][0]["findings"]) == 3


def test_ref_errors_are_one_line_with_a_remedy(tmp_path):
    repo = _repo(tmp_path)
    empty_base = run_copydesk("check", ".", "--changed-since", "origin/", "--no-languagetool", cwd=repo)
    assert empty_base.returncode == 2 and "github.base_ref is empty" in empty_base.stderr
    alone = run_copydesk("check", ".", "--changed-lines", "--no-languagetool", cwd=repo)
    assert alone.returncode == 2 and "--changed-lines needs --changed-since" in alone.stderr
