"""action.yml (issue 22, problem 9): no failing upload on forks or without
code scanning, current action versions, one check run, cached LanguageTool
jars. The action's own shell steps are run here, with the real copydesk."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import FIXTURES, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
CURRENT = {"actions/setup-python": 6, "github/codeql-action/upload-sarif": 4, "actions/cache": 4}


def _step(name):
    return next(s for s in STEPS if s.get("name") == name or s.get("id") == name)


def _expand(script: str, values: dict) -> str:
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: values[m.group(1)], script)


def test_actions_are_pinned_to_current_major_versions():
    uses = {s["uses"].split("@")[0]: int(s["uses"].split("@v")[1]) for s in STEPS if "uses" in s}
    for action, major in CURRENT.items():
        assert uses.get(action, 0) >= major, (action, uses)


def test_upload_is_safe_by_default_on_forks_and_without_code_scanning():
    assert ACTION["inputs"]["upload"]["default"] == "auto"
    upload = _step("Upload SARIF")
    assert "github.event.pull_request.head.repo.full_name == github.repository" in upload["if"]
    assert upload["continue-on-error"] == "${{ inputs.upload != 'true' }}"


def test_languagetool_jars_are_cached_by_the_pinned_version(tmp_path):
    cache = _step("Cache the LanguageTool jars")
    assert cache["with"]["path"] == "~/.cache/copydesk/languagetool"
    assert "steps.languagetool.outputs.version" in cache["with"]["key"]
    output = tmp_path / "output"
    script = _expand(_step("languagetool")["run"], {"github.action_path": str(ROOT)})
    subprocess.run(["bash", "-c", script], env={**os.environ, "GITHUB_OUTPUT": str(output)}, check=True)
    pom = (ROOT / "lint/check/languagetool/pom.xml").read_text(encoding="utf-8")
    pinned = re.search(r"<languagetool.version>(.+?)</languagetool.version>", pom).group(1)
    assert output.read_text() == f"version={pinned}\n"


def test_check_step_runs_copydesk_once_for_annotations_and_sarif(tmp_path):
    shims = tmp_path / "bin"
    shims.mkdir()
    calls = tmp_path / "calls"
    shim = shims / "copydesk"  # counts the calls, then runs the real command
    shim.write_text(f'#!/bin/sh\necho run >> "{calls}"\nexec "{sys.executable}" -m lint "$@"\n')
    shim.chmod(0o755)
    output, sarif = tmp_path / "output", tmp_path / "copydesk.sarif"
    env = {**os.environ, "PATH": f"{shims}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(output),
           "COPYDESK_PATHS": str(FIXTURES / "article.txt"), "COPYDESK_ARGS": "--no-languagetool",
           "COPYDESK_SARIF": str(sarif), "COPYDESK_ANNOTATE": "true"}
    proc = subprocess.run(["bash", "-c", _step("check")["run"]], env=env, capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert calls.read_text().count("run") == 1
    assert proc.stdout.startswith("::") and "::error file=" in proc.stdout
    assert Path(sarif).read_text(encoding="utf-8").lstrip().startswith("{")
    assert output.read_text() == "exit-code=1\n"
