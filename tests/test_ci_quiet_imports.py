"""textstat's pkg_resources warning never reaches the user (issue 22, problem 14).

The warning comes from setuptools 80 (what pre-commit's fresh hook
environment installs under our `setuptools<81` pin), once per process that
imports textstat; that setuptools is put first on the path of a real run.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def warning_setuptools(tmp_path_factory):
    target = tmp_path_factory.mktemp("setuptools80")
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                           "--target", str(target), "setuptools>=80,<81"], capture_output=True, text=True,
                          timeout=300)
    if proc.returncode != 0:
        pytest.skip(f"cannot install setuptools 80 here: {proc.stderr.strip()[-200:]}")
    return target


def test_parallel_run_prints_no_pkg_resources_warning(tmp_path, warning_setuptools):
    for n in range(6):  # words never counted before: every worker imports textstat
        (tmp_path / f"f{n}.txt").write_text(f"Zymurgical perambulations number {n} recieve it.\n",
                                            encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(warning_setuptools), "COPYDESK_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "lint", "check", str(tmp_path), "--no-languagetool",
                           "--no-cache", "--jobs", "2"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 1, proc.stderr
    check = subprocess.run([sys.executable, "-c", "import pkg_resources"], env=env, capture_output=True, text=True)
    assert "pkg_resources is deprecated" in check.stderr  # the setuptools under test does warn
    assert "pkg_resources" not in proc.stderr, proc.stderr
