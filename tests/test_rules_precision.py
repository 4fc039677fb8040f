"""Precision on clean, published prose: the rust-book must raise at most one
error-severity finding per 10,000 words outside code (issue 3)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

CORPUS = SHARED / "corpus" / "rust-book"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the rust-book corpus is not here")
def test_rust_book_stays_under_one_error_per_ten_thousand_words():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "precision.py"), str(CORPUS)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    words = int(re.search(r"\((\d+) words of prose\)", proc.stdout).group(1))
    rate = float(re.search(r"error findings per 10,000 words: ([\d.]+)", proc.stdout).group(1))
    assert words > 100_000, proc.stdout  # the whole book was read, code left out
    assert rate <= 1.0, proc.stdout
