"""Every write Copydesk makes goes through here, so a crash never leaves a
file half written.

`replace_file` is the one write-then-rename: the new content goes to a
temporary file in the same directory and is renamed over the target; a
rename within one filesystem is atomic, so readers see either the old file
or the new one. Caches use it through `write_quietly`. `write_atomic`, for
the user's own files, adds fsync, keeps the file's mode and an optional
backup, and compares the original with what was read just before the
rename, so a file edited meanwhile is never overwritten.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TEMPORARY_SUFFIX = ".copydesk-tmp"


class WriteRefused(Exception):
    """The file was not rewritten; the message says why, in one line."""


@dataclass(frozen=True)
class Snapshot:
    """What a file looked like when it was read: size, mtime and content hash."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> Snapshot:
        """Take a snapshot of the file as it is now."""
        data = path.read_bytes()
        info = path.stat()
        return cls(len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest())

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> Snapshot:
        """A snapshot for bytes already read from `path`."""
        return cls(len(data), path.stat().st_mtime_ns, hashlib.sha256(data).hexdigest())


def check_writable(path: Path) -> None:
    """Refuse a symbolic link, a read-only file (by its mode, even for root), or a read-only directory."""
    if path.is_symlink():
        # Renaming over a link would replace the link, not the file it points to.
        raise WriteRefused(f"{path}: is a symbolic link; fix {path.resolve()} instead")
    info = path.stat()
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise WriteRefused(f"{path}: file is read-only; not rewritten")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise WriteRefused(f"{path}: cannot create files in {path.parent}; not rewritten")


def write_atomic(path: Path, data: bytes, *, expected: Snapshot | None = None,
                 backup: Path | None = None) -> None:
    """Replace `path` with `data` atomically, optionally keeping a backup first.

    Raises WriteRefused when the file is read-only or differs from
    `expected`; on any failure the original is left untouched and the
    temporary file removed.
    """
    check_writable(path)

    def before_replace() -> None:
        if expected is not None and Snapshot.of(path) != expected:
            raise WriteRefused(f"{path}: changed on disk since it was checked; not rewritten")
        if backup is not None:
            # A hard link keeps the original bytes under the backup name at no cost;
            # fall back to a copy where links are not supported.
            _replace_backup(path, backup)

    replace_file(path, data, mode=stat.S_IMODE(path.stat().st_mode), durable=True,
                 before_replace=before_replace)


def replace_file(path: Path, data: bytes, *, mode: int | None = None, durable: bool = False,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Write `data` to a temporary file beside `path` and rename it over
    `path`. `durable` fsyncs the file and its directory; `before_replace`
    runs just before the rename and may raise to cancel it. On any failure
    `path` is untouched and the temporary file removed."""
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temp, 0o644 if mode is None else mode)
        if before_replace is not None:
            before_replace()
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_directory(path.parent)


def write_quietly(path: Path, data: bytes) -> bool:
    """Write a cache file atomically, creating its folder; False (and
    nothing raised) when it cannot be written: a cache only saves time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, data)
    except OSError:
        return False
    return True


def _replace_backup(path: Path, backup: Path) -> None:
    staged = backup.with_name(backup.name + TEMPORARY_SUFFIX)
    staged.unlink(missing_ok=True)
    try:
        os.link(path, staged)
    except OSError:
        staged.write_bytes(path.read_bytes())
    os.replace(staged, backup)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; some filesystems do not allow it, which is harmless."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
