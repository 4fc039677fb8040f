"""The progress bar shows on a terminal once a run lasts a second, even
while one long file is being checked (issue 22, problem 13)."""

from __future__ import annotations

import fcntl
import os
import pty
import random
import select
import struct
import subprocess
import sys
import termios

from conftest import ROOT


def _long_document(path):
    words = "the government said we recieve reports about growth and policy in each quarter".split()
    rng = random.Random(1)
    paragraphs = (" ".join(rng.choice(words) for _ in range(25)).capitalize() + "." for _ in range(6000))
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")


def _stderr_on_a_terminal(args) -> tuple[int, str]:
    main, replica = pty.openpty()
    fcntl.ioctl(replica, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal's width
    proc = subprocess.Popen([sys.executable, "-m", "lint", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=replica)
    os.close(replica)
    seen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    return proc.wait(timeout=120), seen.decode("utf-8", "replace")


def test_bar_shows_during_one_long_file(tmp_path):
    doc = tmp_path / "long.txt"
    _long_document(doc)  # one file that takes well over a second: the count never moves until the end
    code, shown = _stderr_on_a_terminal(["check", doc, "--no-languagetool", "--no-cache", "--jobs", "1",
                                         "--format", "json"])
    assert code == 1
    assert "copydesk: checking" in shown and "0/1 [" in shown, shown[-500:]


def test_short_run_shows_no_bar(tmp_path):
    doc = tmp_path / "short.txt"
    doc.write_text("We recieve it.\n", encoding="utf-8")
    code, shown = _stderr_on_a_terminal(["check", doc, "--no-languagetool", "--no-cache", "--format", "json"])
    assert code == 1 and "copydesk:" not in shown
