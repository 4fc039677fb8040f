"""Temporary files a killed run left behind, found by the process id in
their names and removed by the next run.

`lint.store.atomic` names each temporary file after the process writing
it (``.draft.md.<pid>-<random>.copydesk-tmp``). A run killed between
creating it and renaming it over the target leaves it; the next
`copydesk fix --in-place` in that folder removes every such file whose
process no longer exists (a live process's file is never touched).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

TEMPORARY_SUFFIX = ".copydesk-tmp"
_OWNER = re.compile(r"\.(\d+)-[A-Za-z0-9_]*" + re.escape(TEMPORARY_SUFFIX) + "$")


def temporary_prefix(path: Path) -> str:
    """The start of a temporary file's name for `path`, naming this process."""
    return f".{path.name}.{os.getpid()}-"


def staged_name(path: Path) -> Path:
    """Where a copy of `path` is staged before it is renamed into place."""
    return path.with_name(f"{path.name}.{os.getpid()}-staged{TEMPORARY_SUFFIX}")


def sweep_orphans(directory: Path) -> int:
    """Remove the temporary files of dead processes in `directory`; how many."""
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        owner = _OWNER.search(entry.name)
        if owner is None or _alive(int(owner.group(1))):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass  # read-only folder or already gone: nothing to do
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or not a pid: leave it
    return True
