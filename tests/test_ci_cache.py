"""The result cache: a second run is served from disk, and anything that
could change the findings (the text, the rules, the settings) misses."""

from __future__ import annotations

import json

from conftest import check_json, run_copydesk


def _setup(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    pack = rules / "house.yaml"
    pack.write_text(
        "pack: house\nrules:\n  - id: utilise\n    kind: substitution\n    severity: error\n"
        "    message: \"Use '{replacement}'\"\n    swap: {utilise: use}\n"
        "    examples: {flag: [We utilise it.], pass: [We use it.]}\n", encoding="utf-8")
    config = tmp_path / "copydesk.yaml"
    config.write_text("builtin_rules: false\nrules_dirs: [house]\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("We utilise the tools.\n", encoding="utf-8")
    return doc, pack, tmp_path / "cache"


def _entries(cache):
    return sorted(cache.rglob("*.json"))


def test_second_run_is_served_from_the_cache(tmp_path):
    doc, _, cache = _setup(tmp_path)
    first, _ = check_json(doc, "--no-languagetool", "--cache-dir", cache)
    [entry] = _entries(cache)
    assert (cache / "CACHEDIR.TAG").is_file() and (cache / ".gitignore").is_file()
    # Doctor the stored entry: if the next run shows it, the run used the cache.
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"][0]["message"] = "served from the cache"
    entry.write_text(json.dumps(data), encoding="utf-8")
    second, _ = check_json(doc, "--no-languagetool", "--cache-dir", cache)
    assert second["files"][0]["findings"][0]["message"] == "served from the cache"
    fresh, _ = check_json(doc, "--no-languagetool", "--no-cache")
    assert fresh == first


def test_changed_text_rules_or_settings_miss_the_cache(tmp_path):
    doc, pack, cache = _setup(tmp_path)
    check_json(doc, "--no-languagetool", "--cache-dir", cache)
    doc.write_text("We utilise the tools and utilise the staff.\n", encoding="utf-8")
    data, _ = check_json(doc, "--no-languagetool", "--cache-dir", cache)
    assert data["summary"]["findings"] == 2
    pack.write_text(pack.read_text(encoding="utf-8").replace("severity: error", "severity: info"),
                    encoding="utf-8")
    data, proc = check_json(doc, "--no-languagetool", "--cache-dir", cache)
    assert {f["severity"] for f in data["files"][0]["findings"]} == {"info"} and proc.returncode == 0
    data, _ = check_json(doc, "--no-languagetool", "--cache-dir", cache, "--ignore", "house")
    assert data["summary"]["findings"] == 0


def test_no_cache_writes_nothing_and_a_damaged_entry_is_a_miss(tmp_path):
    doc, _, cache = _setup(tmp_path)
    check_json(doc, "--no-languagetool", "--no-cache", "--cache-dir", cache)
    assert not cache.exists()
    check_json(doc, "--no-languagetool", "--cache-dir", cache)
    [entry] = _entries(cache)
    entry.write_text("{truncated", encoding="utf-8")
    data, proc = check_json(doc, "--no-languagetool", "--cache-dir", cache)
    assert data["summary"]["findings"] == 1 and "Traceback" not in proc.stderr


def test_unwritable_cache_location_does_not_fail_the_run(tmp_path):
    doc, _, _ = _setup(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder should go", encoding="utf-8")
    data, proc = check_json(doc, "--no-languagetool", "--cache-dir", blocker / "cache")
    assert proc.returncode == 1 and data["summary"]["findings"] == 1
    assert "Traceback" not in proc.stderr


def test_environment_variable_moves_the_cache(tmp_path, monkeypatch):
    doc, _, _ = _setup(tmp_path)
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "elsewhere"))
    run_copydesk("check", doc, "--no-languagetool")
    assert _entries(tmp_path / "elsewhere")


def test_entries_unused_for_a_month_are_swept(tmp_path):
    import os
    import time

    doc, _, cache = _setup(tmp_path)
    check_json(doc, "--no-languagetool", "--cache-dir", cache)
    [used] = _entries(cache)
    stale = used.parent / ("0" * 64 + ".json")
    stale.write_text('{"findings": []}', encoding="utf-8")
    month_ago = time.time() - 31 * 86400
    for path in (stale, used, cache / "v1" / "last-sweep"):
        os.utime(path, (month_ago, month_ago))
    doc.write_text("We utilise the tools today.\n", encoding="utf-8")  # a miss: the run writes
    check_json(doc, "--no-languagetool", "--cache-dir", cache)
    assert not stale.exists() and not used.exists()
    assert len(_entries(cache)) == 1
