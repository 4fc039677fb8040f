"""Derived data kept between runs in the user's cache directory.

Some tables take longer to build from the files packages ship than to
check a whole document: the 82,765-word frequency list (0.1 s to parse),
the word pairs around the confusion sets (0.1 s to pick out of a 5 MB
file). Built once, they are
stored with `marshal` under ``$COPYDESK_CACHE_DIR`` (else the platform's
user cache directory, from platformdirs: ``~/.cache/copydesk`` on Linux) in
files whose names carry everything the table depends on, and read back in a
few milliseconds. A missing, unreadable or unwritable file only means
building the table again.

The caches and their formats: these tables (marshal: fast, and written
only by Copydesk in the user's own folder); the syllable counts of words
seen before and the speller's corrections (`AppendOnlyTable`: a text file only ever
appended to, one write per document, so parallel workers need no lock);
parsed YAML and the result
cache (JSON: the result cache lives in the project, which may be an
untrusted checkout, and marshal must never read untrusted data); and
LanguageTool's answers per paragraph (SQLite, shared by processes running
side by side; `lint.check.languagetool.cache`).
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from lint.store.atomic import write_quietly

V = TypeVar("V")


def cache_directory() -> Path:
    """$COPYDESK_CACHE_DIR, else the user cache directory (~/.cache/copydesk on Linux)."""
    explicit = os.environ.get("COPYDESK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("copydesk", appauthor=False)


def package_stamp(package: str, *files: str) -> str:
    """Names a package's installed files by path, size and time, without
    importing it (importlib.metadata alone costs 30 ms): an upgrade changes
    the stamp, so tables built from the old files are not used."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return f"{package} missing"
    folder = Path(spec.submodule_search_locations[0])
    parts = [package]
    for name in files:
        try:
            stat = (folder / name).stat()
        except OSError:
            parts.append(f"{name}:missing")
            continue
        parts.append(f"{folder / name}:{stat.st_size}:{stat.st_mtime_ns}")
    return " ".join(parts)


def cached_table(name: str, depends_on: str, build: Callable[[], dict]) -> dict:
    """The table `build()` makes, read from the cache when it was made before
    from the same `depends_on` (package versions, inputs)."""
    path = table_path(name, depends_on)
    table = read_table(path)
    if table is None:
        table = build()
        write_table(path, table)
    return table


def table_path(name: str, depends_on: str) -> Path:
    """Where the table `name` made from `depends_on` is kept."""
    digest = hashlib.sha256(depends_on.encode()).hexdigest()[:16]
    return cache_directory() / "tables" / f"{name}-{digest}.marshal"


def read_table(path: Path) -> dict | None:
    """The table stored at `path`, or None (missing, unreadable, damaged)."""
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return table if isinstance(table, dict) else None


def write_table(path: Path, table: dict) -> bool:
    """Store a table atomically (readers see the old file or the whole new
    one), then prune its stale versions; False when it could not be written."""
    try:
        data = marshal.dumps(table)
    except ValueError:  # a value marshal cannot carry
        return False
    if not write_quietly(path, data):
        return False
    prune_stale(path)
    return True


STALE_DAYS = 30


def prune_stale(current: Path) -> None:
    """Delete the other versions of a table (same name up to its "-digest")
    not written for STALE_DAYS days: an upgrade leaves the old one behind.
    A table another installation still uses is rewritten when it is missed."""
    import time

    prefix = current.name.rsplit("-", 1)[0] + "-"
    cutoff = time.time() - STALE_DAYS * 86400
    try:
        for other in current.parent.glob(prefix + "*" + current.suffix):
            if other != current and other.stat().st_mtime < cutoff:
                other.unlink()
    except OSError:
        pass


def append_lines(path: Path, lines: str) -> None:
    """Append lines to an append-only table file (the syllable and
    suggestion tables) in one write(2) on an O_APPEND descriptor, so that
    processes appending at the same time never interleave their lines (a
    buffered file would split a long batch, and a torn line could pair a
    word with another's value). An unwritable file is ignored: a cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(descriptor, lines.encode("utf-8"))
        finally:
            os.close(descriptor)
    except OSError:
        return
    prune_stale(path)  # the tables of versions gone a month


class AppendOnlyTable(Generic[V]):
    """word -> value, kept between runs in an append-only text file of the
    user's cache (the syllable and suggestion tables).

    `stamp()` names the file after what the values depend on, so an upgrade
    starts a new table; `line(key, value)` writes one whole line, ending in
    "\\n"; `parse(line)` reads one back as (key, value), or None for a line
    cut short by a crash, which is skipped. Lines learnt since the last
    `save()` go out in one `append_lines` call, so parallel workers need no
    lock and at worst compute a value twice.
    """

    def __init__(self, folder: str, stamp: Callable[[], str], line: Callable[[str, V], str],
                 parse: Callable[[str], tuple[str, V] | None]):
        self._folder, self._stamp, self._line, self._parse = folder, stamp, line, parse
        self._known: dict[str, V] | None = None
        self._learned: dict[str, V] = {}
        self._path: Path | None = None

    def known(self) -> dict[str, V]:
        """Every value so far (read from the file on first use)."""
        return self._known if self._known is not None else self._load()

    def learn(self, key: str, value: V) -> V:
        """Keep a value computed now; it is written at the next `save`."""
        self.known()[key] = self._learned[key] = value
        return value

    def save(self) -> None:
        """Append the values learnt since the last save (one write(2))."""
        if not self._learned or self._path is None:
            return
        lines = "".join(self._line(key, value) for key, value in self._learned.items())
        self._learned.clear()
        append_lines(self._path, lines)  # a failure only means computing again next time

    def _load(self) -> dict[str, V]:
        digest = hashlib.sha256(self._stamp().encode()).hexdigest()[:16]
        self._path = cache_directory() / self._folder / f"{self._folder}-{digest}.txt"
        try:
            lines = self._path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            lines = []
        known: dict[str, V] = {}
        for text in lines:
            entry = self._parse(text)
            if entry is not None:
                known[entry[0]] = entry[1]
        self._known = known
        return known
