"""`fix --diff` writes a patch git and patch accept, final newline or not (issue 22, problem 10)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import run_copydesk


@pytest.mark.parametrize("text", [
    "We recieve it.",                                   # one line, no final newline
    "We recieve it.\nThe goverment agreed.",            # the changed last line lacks it
    "We recieve it.\nAll fine here.",                   # an unchanged last line lacks it
    "We recieve it.\x0cThe goverment agreed.\n",        # a form feed is not a line break to patch
])
def test_diff_applies_with_git_and_patch(tmp_path, text):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    doc = tmp_path / "draft.txt"
    doc.write_bytes(text.encode())
    edition = run_copydesk("fix", "draft.txt", "--no-languagetool", cwd=tmp_path).stdout
    proc = run_copydesk("fix", "draft.txt", "--diff", "--no-languagetool", cwd=tmp_path)
    assert proc.stdout.startswith("--- a/draft.txt"), proc.stderr
    (tmp_path / "fix.patch").write_text(proc.stdout, encoding="utf-8", newline="")
    check = subprocess.run(["git", "apply", "--check", "fix.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr + proc.stdout
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
    assert doc.read_bytes().decode() == edition != text
    if shutil.which("patch"):
        doc.write_bytes(text.encode())
        dry = subprocess.run(["patch", "-p1", "--dry-run", "-i", "fix.patch"], cwd=tmp_path,
                             capture_output=True, text=True)
        assert dry.returncode == 0, dry.stdout + dry.stderr
