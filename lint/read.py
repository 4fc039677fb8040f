"""Stage 1, read: find the files, decode them, detect their format."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path, PurePath

from lint.formats import FORMATS, FORMATS_BY_SUFFIX, WALKED_SUFFIXES, format_for_suffix  # noqa: F401 - re-exported
from lint.model import Document
from lint.notices import notice

DEFAULT_MAX_MB = 20  # larger files are reported and skipped; see `max_file_mb`


class InputError(Exception):
    """A file that cannot be checked; the message is one line for the user.

    ``fatal`` errors (missing or unreadable files) make the run exit 2;
    others (binary or undecodable files) are reported and skipped.
    """

    def __init__(self, message: str, fatal: bool = False):
        super().__init__(message)
        self.fatal = fatal


def detect_format(path: PurePath) -> str:
    """The input format implied by the file's extension."""
    return format_for_suffix(path.suffix)


def decode(raw: bytes) -> tuple[str, str, bool]:
    """Decode bytes as UTF-8 or BOM-marked UTF-16/32; return (text, encoding, bom)."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                          (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), encoding, True
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} at byte {exc.start + len(bom)}") from None
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start}); convert it to UTF-8") from None


def detect_newline(text: str) -> str:
    """The file's dominant newline, so fixes can keep it."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def read_document(path: Path, max_mb: float = DEFAULT_MAX_MB) -> Document:
    """Read and decode one file, or raise InputError with a one-line reason."""
    try:
        if path.is_dir():
            raise InputError("is a directory")
        if path.exists() and not path.is_file():
            # A FIFO or device would block or never end; only regular files are read.
            raise InputError("not a regular file (a pipe, socket or device)")
        size = path.stat().st_size
        if size > max_mb * 1024 * 1024:
            raise InputError(f"file is {size / (1024 * 1024):.3g} MB, over the {max_mb:g} MB limit "
                             "(raise it with max_file_mb in copydesk.yaml)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", fatal=True) from None
    except PermissionError:
        raise InputError("permission denied", fatal=True) from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), fatal=True) from None
    reader = FORMATS[detect_format(path)].reader
    if reader:  # a binary format (Word) has a reader of its own
        module, function = reader.split(":")
        return getattr(import_module(module), function)(path, raw)
    text, encoding, bom = decode(raw)
    return Document(path=path, text=text, format=detect_format(path), encoding=encoding, bom=bom,
                    newline=detect_newline(text))


def iter_files(paths, is_excluded, skipped=None) -> Iterator[Path]:
    """Expand directories (sorted, excludes honoured); keep named files as given.

    Walked files without a reader are counted in `skipped` (a
    `lint.run.coverage.Skipped`) when one is given.

    Symlinks met while walking are resolved: one that leads outside the
    directory being walked is reported and skipped, so a document tree can't
    make Copydesk read elsewhere. Directory symlinks are not followed.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            root_real = path.resolve()
            for root, dirs, files in os.walk(path):
                root_path = Path(root)
                dirs[:] = sorted(d for d in dirs if not is_excluded(root_path / d))
                for name in sorted(files):
                    candidate = root_path / name
                    if candidate.suffix.lower() not in WALKED_SUFFIXES:
                        if skipped is not None and not is_excluded(candidate):
                            skipped.add(candidate)
                        continue
                    if is_excluded(candidate):
                        continue
                    if name.startswith("~$"):  # Word's lock file beside a document it has open
                        continue
                    if candidate.is_symlink() and not _inside(candidate.resolve(), root_real):
                        notice(f"{candidate}: skipped: symlink to {candidate.resolve()}, outside {path}")
                        continue
                    yield candidate
        else:
            yield path


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents
