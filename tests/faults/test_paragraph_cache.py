"""A corrupt SQLite paragraph cache (LanguageTool's answers) is detected and
rebuilt: the run goes on, and what is stored afterwards is found again."""

from __future__ import annotations

import sqlite3

import pytest

from lint.check.languagetool.cache import ParagraphCache
from lint.check.languagetool.client import RawMatch

MATCH = RawMatch(4, 3, "EN_A_VS_AN", "Use 'an'", ("an",), "GRAMMAR", "grammar", "Hint")


def _damage(path, how: str) -> None:
    data = path.read_bytes()
    if how == "garbage":
        path.write_bytes(b"\x00\xffnot a database at all" * 200)
    elif how == "truncated":
        path.write_bytes(data[:100])
    else:  # header intact, every page after it overwritten
        path.write_bytes(data[:100] + b"\xee" * (len(data) - 100))


@pytest.mark.parametrize("how", ["garbage", "truncated", "scrambled-pages"])
def test_corrupt_paragraph_cache_is_rebuilt(tmp_path, how):
    path = tmp_path / "results.sqlite3"
    cache = ParagraphCache(path)
    cache.put_many({"k1": [MATCH]})
    cache._db.close()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    _damage(path, how)

    reopened = ParagraphCache(path)
    assert reopened.get_many(["k1"]) in ({}, {"k1": [MATCH]})  # nothing wrong is ever returned
    reopened.put_many({"k2": [MATCH]})
    assert ParagraphCache(path).get_many(["k2"]) == {"k2": [MATCH]}
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
