"""Shared fixtures: paths, and running the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def run_copydesk(*args: str, cwd: Path | None = None, input: str | None = None,
                 timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m lint ARGS` as a user would, capturing output."""
    return subprocess.run([sys.executable, "-m", "lint", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, input=input, timeout=timeout)


def check_json(*args: str, cwd: Path | None = None) -> tuple[dict, subprocess.CompletedProcess]:
    """Run `copydesk check --format json` and parse its output."""
    proc = run_copydesk("check", "--format", "json", *args, cwd=cwd)
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout), proc


@pytest.fixture
def copydesk():
    """The command-line runner."""
    return run_copydesk


def source_of(block, source: str, word: str) -> str:
    """The source characters a finding on the first `word` of a block covers."""
    at = block.text.index(word)
    return source[block.to_source(at):block.to_source(at + len(word), is_end=True)]


@pytest.fixture(scope="session")
def regenerated_reports(tmp_path_factory) -> Path:
    """What `./scripts/regenerate-reports` makes now, in a temporary directory (run once per session)."""
    out = tmp_path_factory.mktemp("reports")
    proc = subprocess.run([str(ROOT / "scripts" / "regenerate-reports"), str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return out


def blocks_of(source: str, fmt: str, settings=None):
    """The prose blocks the segmenter for `fmt` makes of `source`."""
    from lint.segment import segment
    from lint.model import Document
    return segment(Document(Path(f"doc.{fmt}"), source, fmt), settings)
