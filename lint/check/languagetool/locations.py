"""Where LanguageTool lives on disk: the cache directory and what is in it.

The cache directory is, by priority, ``$COPYDESK_CACHE_DIR/languagetool``,
``languagetool.cache_dir`` from copydesk.yaml (relative to that file), or
``$XDG_CACHE_HOME/copydesk/languagetool`` (``~/.cache/...`` by default).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import cast

from lint.config.settings import Settings

POM = Path(__file__).with_name("pom.xml")
_MAVEN_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


@cache
def pinned_version() -> str:
    """The LanguageTool version the bundled pom asks Maven for."""
    root = ET.parse(POM).getroot()
    version = root.findtext("m:properties/m:languagetool.version", namespaces=_MAVEN_NS)
    return cast(str, version).strip()  # the bundled pom has it


@cache
def pom_digest() -> str:
    """A short hash of the pom, so a changed pom means fresh jars."""
    return hashlib.sha256(POM.read_bytes()).hexdigest()[:16]


def cache_root(settings: Settings | None = None) -> Path:
    """The LanguageTool cache directory for these settings."""
    from lint.store.datacache import cache_directory

    explicit = settings is not None and settings.languagetool.cache_dir
    if explicit and not os.environ.get("COPYDESK_CACHE_DIR"):  # the environment wins
        assert settings is not None and settings.languagetool.cache_dir is not None  # explicit says so
        return (settings.base_dir / Path(settings.languagetool.cache_dir).expanduser()).resolve()
    return cache_directory() / "languagetool"


class Layout:
    """The files Copydesk keeps in one LanguageTool cache directory."""

    def __init__(self, root: Path):
        self.root = root
        self.version = pinned_version()
        self.jars = root / f"jars-{self.version}"  # one folder per LanguageTool version
        self.jars_stamp = self.jars / ".complete"  # written last, holds the pom digest
        self.maven_dir = root / "maven"  # the pom is copied here: the package may be read-only
        self.maven_log = root / "maven.log"
        self.state = root / "server.json"  # pid, port and version of the running server
        self.server_log = root / "server.log"
        self.server_lock = root / "server.lock"  # one process starts or stops the server
        self.provision_lock = root / "provision.lock"  # one process runs Maven
        self.results = root / "results.sqlite3"  # the paragraph cache

    def ensure(self) -> Layout:
        """Create the directory; return self."""
        self.root.mkdir(parents=True, exist_ok=True)
        return self


def layout_for(settings: Settings | None = None) -> Layout:
    """The cache layout for these settings."""
    return Layout(cache_root(settings))


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (other Copydesk processes wait)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
