"""The compiled-pattern store: a warm run gets the very patterns `re` makes,
refuses the same unsafe ones, and a damaged store only costs a recompile."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from lint.ruleset import regexes, regexstore
from lint.config.settings import Settings
from lint.ruleset.loader import load_rule_specs

SPECS, _, _ = load_rule_specs(Settings().all_rule_dirs())
PATTERNS = sorted({(p, re.IGNORECASE) for spec in SPECS for p in spec.options.get("patterns", [])
                   if "{" not in p} | {(r"(?P<word>\w+) (?P=word)", 0), (r"^\s*$", re.MULTILINE)})


@pytest.fixture
def fresh_store(tmp_path, monkeypatch):
    """A store over an empty cache directory, put back afterwards."""
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexes, "STORE", regexstore.PatternStore())
    return tmp_path


def test_patterns_from_the_store_are_the_ones_re_compiles(fresh_store):
    cold = regexstore.PatternStore()
    first = [cold.compile(p, f) for p, f in PATTERNS]
    cold.save()
    assert list(fresh_store.glob("tables/regexes-*.marshal"))
    warm = regexstore.PatternStore()
    again = [warm.compile(p, f) for p, f in PATTERNS]
    assert not warm._grown  # every one came from the table
    for (pattern, flags), a, b in zip(PATTERNS, first, again):
        expected = re.compile(pattern, flags)
        assert a == expected and b == expected  # same pattern, flags and matcher code
        assert b.groupindex == expected.groupindex and b.groups == expected.groups
        sample = "The the state-owned firm's 12% rise , Hot search keywords"
        assert [m.span() for m in b.finditer(sample)] == [m.span() for m in expected.finditer(sample)]


def test_a_warm_store_still_refuses_an_unsafe_pattern(fresh_store):
    for _ in range(2):
        with pytest.raises(regexes.UnsafePattern, match="backtrack catastrophically"):
            regexes.compile_safe(r"(a+)+$")
        regexes.STORE.save()
        regexes.STORE = regexstore.PatternStore()  # the next run reads the table


def test_a_damaged_store_is_compiled_around_and_rewritten(fresh_store):
    store = regexstore.PatternStore()
    store.compile(r"\bfirst\b", re.IGNORECASE)
    store.save()
    (table,) = fresh_store.glob("tables/regexes-*.marshal")
    table.write_bytes(b"\x00garbage")
    damaged = regexstore.PatternStore()
    assert damaged.compile(r"\bfirst\b", re.IGNORECASE) == re.compile(r"\bfirst\b", re.IGNORECASE)
    damaged.save()
    assert regexstore.PatternStore()._load()  # readable again


def test_a_second_run_reads_the_rules_from_the_store(tmp_path):
    """Two real runs: the first writes the table, the second finds the
    same findings without adding to it."""
    document = tmp_path / "story.txt"
    document.write_text("Accoring to analysts, the the company grew 12% to $5 million.\n", encoding="utf-8")
    env = {"COPYDESK_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "lint", "check", str(document), "--no-languagetool", "--no-cache",
               "-f", "json"]
    runs = [subprocess.run(command, capture_output=True, text=True, env=env) for _ in range(2)]
    (table,) = (tmp_path / "cache").glob("tables/regexes-*.marshal")
    assert runs[0].stdout == runs[1].stdout and '"rule": "typos.' in runs[0].stdout
    size = table.stat().st_size
    subprocess.run(command, capture_output=True, text=True, env=env)
    assert table.stat().st_size == size


def test_a_new_table_prunes_versions_left_unused_for_a_month(fresh_store):
    import os
    import time

    tables = fresh_store / "tables"
    tables.mkdir()
    old, recent = tables / "regexes-0000000000000000.marshal", tables / "regexes-1111111111111111.marshal"
    for path in (old, recent):
        path.write_bytes(b"{}")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    store = regexstore.PatternStore()
    store.compile(r"\bfirst\b")
    store.save()
    assert not old.exists() and recent.exists()  # another installation may still use that one
    assert len(list(tables.glob("regexes-*.marshal"))) == 2


def test_a_table_grown_past_its_limit_keeps_only_what_the_run_used(fresh_store, monkeypatch):
    monkeypatch.setattr(regexstore, "MAX_ENTRIES", 10)
    old_rules = regexstore.PatternStore()
    for number in range(12):
        old_rules.compile(rf"\bword{number}\b")
    old_rules.save()
    this_run = regexstore.PatternStore()
    this_run.compile(r"\bword3\b")
    this_run.compile(r"\bnew\b")
    this_run.save()
    kept = regexstore.PatternStore()._load()
    assert {key[1] for key in kept} == {r"\bword3\b", r"\bnew\b"}
