"""LanguageTool results per paragraph, on disk, so unchanged text is never resent.

A key is the hash of the paragraph text, the LanguageTool version and every
setting that changes its answer (language, picky, enabled/disabled rules
and categories). Word filtering (accepted words, entity names) happens after
the cache, so editing the vocabulary needs no new requests. SQLite keeps
the cache in one file and lets parallel runs share it; if the file cannot be
used the run goes on without a cache rather than failing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from lint.check.languagetool.client import RawMatch
from lint.config.settings import LanguageToolSettings


def settings_fingerprint(version: str, settings: LanguageToolSettings) -> str:
    """Everything besides the text that decides LanguageTool's answer."""
    return json.dumps([version, settings.language, settings.picky,
                       sorted(settings.enable_rules), sorted(settings.disable_rules),
                       sorted(settings.enable_categories), sorted(settings.disable_categories)])


def paragraph_key(fingerprint: str, text: str) -> str:
    """The cache key of one paragraph under one configuration."""
    return hashlib.sha256(f"{fingerprint}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


class ParagraphCache:
    """Maps paragraph keys to LanguageTool matches (block coordinates)."""

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def get_many(self, keys: Iterable[str]) -> dict[str, list[RawMatch]]:
        """The cached matches for whichever keys are known."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, list[RawMatch]] = {}
        db = self._connect()
        if db is None:
            return found
        try:
            for chunk_start in range(0, len(keys), 500):  # SQLite's parameter limit
                chunk = keys[chunk_start:chunk_start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, matches FROM results WHERE key IN ({marks})", chunk)
                for key, matches in rows:
                    found[key] = [RawMatch.from_json(item) for item in json.loads(matches)]
        except (sqlite3.Error, ValueError, TypeError):
            self._give_up()
        return found

    def put_many(self, entries: dict[str, list[RawMatch]]) -> None:
        """Remember the matches for these keys."""
        db = self._connect()
        if db is None or not entries:
            return
        rows = [(key, json.dumps([m.to_json() for m in matches]))
                for key, matches in entries.items()]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO results (key, matches) VALUES (?, ?)", rows)
        except sqlite3.Error:
            self._give_up()

    def _connect(self, rebuild: bool = True) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("CREATE TABLE IF NOT EXISTS results "
                           "(key TEXT PRIMARY KEY, matches TEXT NOT NULL)")
                db.execute("SELECT key, matches FROM results LIMIT 1").fetchall()
                self._db = db
            except sqlite3.DatabaseError as exc:
                # "file is not a database", "disk image is malformed": start a new
                # file (a lock or a read-only folder is a subclass: left alone).
                if rebuild and type(exc) is sqlite3.DatabaseError and self._remove_files():
                    return self._connect(rebuild=False)
                self._broken = True
            except OSError:
                self._broken = True
        return self._db

    def _remove_files(self) -> bool:
        try:
            for suffix in ("", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        except OSError:
            return False
        return True

    def _give_up(self) -> None:
        # A corrupt or unwritable cache only costs speed, never the run.
        self._broken = True
        if self._db is not None:
            self._db.close()
            self._db = None
