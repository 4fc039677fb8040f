"""--format github: capped as GitHub caps annotations, changed lines first,
and a Markdown step summary (issue 22, problem 6)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

LINE = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                   cwd=repo, check=True, capture_output=True)


def _run(repo, *args, env=None):
    return subprocess.run([sys.executable, "-m", "lint", "check", ".", "--format", "github",
                           "--no-languagetool", "--no-cache", *args], cwd=repo, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300, check=False)


def test_annotations_are_capped_changed_lines_first_and_summarised(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    old = "".join(f"Line {n}: we recieve it.\n\n" for n in range(15))
    (repo / "a.md").write_text(old, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    _git(repo, "checkout", "-qb", "feature")
    (repo / "a.md").write_text(old + "The goverment agreed.\n", encoding="utf-8")  # line 31 is new
    summary = tmp_path / "summary.md"
    proc = _run(repo, "--changed-since", "main", env={"GITHUB_STEP_SUMMARY": str(summary)})
    annotations = [LINE.match(line) for line in proc.stdout.splitlines()]
    assert all(annotations), proc.stdout
    errors = [m for m in annotations if m.group(1) == "error"]
    assert len(errors) == 10  # 16 errors found, 10 shown as GitHub would
    assert any("line=31," in m.group(2) for m in errors)  # the changed line is among those shown
    assert not any("line=29," in m.group(2) for m in errors)  # an old one is cut instead
    assert any("6 more findings not annotated" in m.group(3) for m in annotations)
    table = summary.read_text(encoding="utf-8")
    assert "| `typos.misspelling` | error | 16 |" in table and table.startswith("## Copydesk")


def test_few_findings_are_all_shown_without_a_cut_notice(tmp_path):
    (tmp_path / "a.md").write_text("We recieve it.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "a.md", "--format", "github",
                           "--no-languagetool"], cwd=tmp_path, capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.stdout.count("::error ") == 1 and "not annotated" not in proc.stdout
