"""In-place rewriting never loses the original: failed renames, kills, races."""

from __future__ import annotations

import errno
import os
import select
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from lint.store import atomic
from lint.store.atomic import Snapshot, WriteRefused, write_atomic

PARAGRAPH = "Accoring to staff, the plan was known worldwidely and the path way was clear.\n"
FIXED = "According to staff, the plan was known worldwide and the pathway was clear.\n"
FIX_OPTIONS = ("--no-languagetool", "--select", "typos")


def test_a_failing_rename_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_bytes(b"original\n")

    def failing_rename(source, target):
        raise OSError(errno.EIO, "simulated I/O error", str(target))

    monkeypatch.setattr(atomic.os, "replace", failing_rename)
    with pytest.raises(OSError):
        write_atomic(path, b"new edition\n", expected=Snapshot.of(path))
    assert path.read_bytes() == b"original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]  # no temporary file left


def test_a_changed_file_is_not_overwritten(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"original\n")
    snapshot = Snapshot.of(path)
    path.write_bytes(b"edited by someone else\n")
    with pytest.raises(WriteRefused, match="changed on disk since it was checked"):
        write_atomic(path, b"new edition\n", expected=snapshot, backup=path.with_name("story.txt.orig"))
    assert path.read_bytes() == b"edited by someone else\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_killing_the_process_mid_write_leaves_either_file_never_a_mix(tmp_path):
    """SIGKILL the fixer the moment its temporary file appears: the file is
    still exactly the original (or, if the rename won the race, exactly the edition)."""
    path = tmp_path / "big.txt"
    original = PARAGRAPH * 5000  # 400 kB, so writing takes a moment
    kills = 0
    for _ in range(10):  # until the kill lands mid-write
        path.write_text(original, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "lint", "fix", str(path), "--in-place", "--no-backup",
                                 *FIX_OPTIONS], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            if any(name.endswith(".copydesk-tmp") for name in os.listdir(tmp_path)):
                proc.send_signal(signal.SIGKILL)
                kills += 1
                break
        proc.wait()
        assert path.read_text(encoding="utf-8") in (original, FIXED * 5000)
        for leftover in tmp_path.glob("*.copydesk-tmp"):
            leftover.unlink()
        if kills:
            break
    assert kills, "the write was never caught in progress"


def _read_until(fd: int, marker: bytes, timeout: float = 120) -> bytes:
    """Read from `fd` until `marker` appears."""
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"timed out waiting for {marker!r}; got {seen!r}")
        chunk = os.read(fd, 4096)
        if not chunk:
            raise AssertionError(f"stream closed before {marker!r}; got {seen!r}")
        seen += chunk
    return seen


def test_a_file_edited_while_the_editor_decides_is_refused(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lint", "fix", str(path), "--in-place", "--interactive",
                             *FIX_OPTIONS], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    _read_until(proc.stderr.fileno(), b"Apply?")
    path.write_text("Someone else saved this meanwhile.\n", encoding="utf-8")
    proc.stdin.write(b"a\n")
    proc.stdin.close()
    assert proc.wait(timeout=120) == 2
    assert b"changed on disk since it was checked; not rewritten" in proc.stderr.read()
    assert path.read_text() == "Someone else saved this meanwhile.\n"
    assert not path.with_name("story.txt.orig").exists()
