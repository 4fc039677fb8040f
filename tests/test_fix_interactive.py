"""`copydesk fix --interactive`, answered at a real terminal and from piped stdin."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from conftest import ROOT, run_copydesk
from test_fix_atomic import _read_until

TEXT = ("Accoring to one.\n"
        "Accoring to two.\n"
        "Accoring to three.\n"
        "Accoring to four.\n")
OPTIONS = ("--no-languagetool", "--select", "typos")


def test_answers_at_a_terminal(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "lint", "fix", str(path), "--interactive", *OPTIONS],
                            cwd=ROOT, stdin=slave, stderr=slave, stdout=subprocess.PIPE)
    os.close(slave)
    try:
        screen = _read_until(master, b"Apply?")
        assert f"{path}:1: typos.misspelling".encode() in screen
        assert b"[-Accoring-] to one." in screen
        os.write(master, b"n\n")
        _read_until(master, b"Apply?")
        os.write(master, b"e\n")
        _read_until(master, b"with (empty keeps it): ")
        os.write(master, b"As reported\n")
        _read_until(master, b"Apply?")
        os.write(master, b"what?\n")
        assert b"Please answer y, n, e, a or q." in _read_until(master, b"Apply?")
        os.write(master, b"y\n")
        _read_until(master, b"Apply?")
        os.write(master, b"q\n")
        edition, _ = proc.communicate(timeout=120)
    finally:
        os.close(master)
    assert edition.decode() == ("Accoring to one.\n"
                                "As reported to two.\n"
                                "According to three.\n"
                                "Accoring to four.\n")
    assert proc.returncode == 1  # two misspellings remain
    assert path.read_text() == TEXT


def test_answers_from_stdin_and_accept_all(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    proc = run_copydesk("fix", path, "--interactive", *OPTIONS, input="n\na\n")
    assert proc.stdout == TEXT.replace("Accoring", "According").replace("According", "Accoring", 1)
    assert proc.stderr.count("Apply?") == 2
    assert "3 fixed, 1 remaining (0 need an editor)" in proc.stderr


def test_end_of_input_keeps_what_was_accepted(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    proc = run_copydesk("fix", path, "--interactive", "--in-place", "--no-backup", *OPTIONS, input="y\n")
    assert proc.returncode == 1
    assert path.read_text() == TEXT.replace("Accoring", "According", 1)
