"""The pre-commit hook, installed the way pre-commit installs it (a
non-editable `pip install` of the repository into its own virtualenv), run
with `pre-commit try-repo . copydesk --files fixtures/article.txt`.

pre-commit builds hooks from git commits, so the working tree as it stands
(tracked and untracked, ignored files left out) is committed into a
temporary repository first. Slow: the hook's environment is built from
scratch (about a minute with a warm pip cache).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _snapshot(destination: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    git = ["git", "-c", "user.name=copydesk-test", "-c", "user.email=test@example.com"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "snapshot"]):
        subprocess.run(git + args, cwd=destination, check=True, capture_output=True)


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is installed by ./scripts/bootstrap")
def test_pre_commit_try_repo_runs_the_hook_on_the_seed_article(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _snapshot(repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("VIRTUAL_ENV", None)
    proc = subprocess.run([str(PRE_COMMIT), "try-repo", ".", "copydesk", "--files", "fixtures/article.txt"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output
    # Findings make the hook fail, as a lint hook should, and they are shown.
    assert proc.returncode == 1, output
    assert "copydesk" in output and "Failed" in output
    # A finding from the shipped rules: they came inside the wheel (lint/_rules),
    # since a non-editable install has no checkout beside it.
    assert "fixtures/article.txt:9:1 error typos.misspelling 'Accoring' is misspelled" in output


def test_hooks_manifest_and_action_are_well_formed():
    import yaml

    proc = subprocess.run([str(PRE_COMMIT), "validate-manifest", ".pre-commit-hooks.yaml"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert "--no-languagetool" in hooks["copydesk"]["entry"]
    assert "--no-languagetool" not in hooks["copydesk-languagetool"]["entry"]

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    for step in steps:
        assert ("uses" in step) != ("run" in step)
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell
    uses = [s["uses"] for s in steps if "uses" in s]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    check = next(s for s in steps if s.get("id") == "check")
    assert "--format sarif" in check["run"]
