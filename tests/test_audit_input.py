"""`copydesk audit` on this machine's processes: bad records become error
rows while the audit goes on, a folder source, the content cache, and a
draft rule tested against the archive."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from audithelp import audit_documents, audit_findings, check_findings, make_archive
from conftest import SHARED, run_copydesk

DRAFT = """\
pack: draft
rules:
  - id: say-build-tool
    kind: pattern
    severity: warning
    category: style
    message: "House style: say 'build tool', not '{text}'"
    patterns:
      - '\\bcompilers?\\b'
    replace: 'build tool'
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    made = make_archive(tmp_path_factory.mktemp("small"), 120, seed=5)
    made["expected"] = check_findings(made["files"], "--no-languagetool")
    return made


def audit(*args, cwd):
    proc = run_copydesk("audit", *args, "--no-languagetool", "--jobs", "2", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_bad_records_become_error_rows_and_the_audit_goes_on(tmp_path):
    good = {"id": "good", "text": "We recieved the the report.\n", "published": "2024-05-01"}
    lines = [json.dumps(good).encode(), b'{"id": "broken", "text": "no end',
             json.dumps({"id": "latin1", "text": "caf"}).encode()[:-2] + b'\xe9"}',
             json.dumps({"id": "no-text"}).encode(), json.dumps({"id": "odd", "text": "x", "format": "docx"}).encode(),
             json.dumps(["not", "an", "object"]).encode()]
    source = tmp_path / "archive.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    proc = audit(source, "--out", tmp_path / "r", "--no-cache", cwd=tmp_path)
    assert "5 documents not checked" in proc.stderr
    rows = {d["doc_id"]: d for d in audit_documents(tmp_path / "r")}
    assert rows["good"]["error"] is None and rows["good"]["findings"] == 2
    assert "archive.jsonl:2: not a JSON object" in rows["archive.jsonl:2"]["error"]
    assert "archive.jsonl:3: not UTF-8" in rows["archive.jsonl:3"]["error"]
    assert "'text' is missing" in rows["no-text"]["error"]
    assert "format 'docx' is not a text format" in rows["odd"]["error"]
    assert "not a JSON object" in rows["archive.jsonl:6"]["error"]
    assert {d["error_kind"] for i, d in rows.items() if i != "good"} == {"input"}
    assert {f[1] for f in audit_findings(tmp_path / "r")} == {"typos.misspelling", "mechanics.doubled-word"}


def test_a_folder_audited_equals_check(small, tmp_path):
    audit(small["files"], "--out", tmp_path / "r", "--no-cache", "--partition-size", "50", cwd=tmp_path)
    found = {(doc_id.rsplit(".", 1)[0], *rest) for doc_id, *rest in audit_findings(tmp_path / "r")}
    assert found == small["expected"]
    ids = {d["doc_id"] for d in audit_documents(tmp_path / "r")}
    assert len(ids) == 120 and all(i.endswith((".md", ".txt")) for i in ids)


def test_unchanged_documents_are_never_checked_twice(small, tmp_path):
    cache = ("--cache-dir", tmp_path / "cache")
    first = audit(small["jsonl"], "--out", tmp_path / "one", *cache, cwd=tmp_path)
    repeats = len(small["records"]) - len({r["text"] for r in small["records"]})
    assert repeats and f"{repeats} unchanged documents from the cache" in first.stderr
    second = audit(small["jsonl"], "--out", tmp_path / "two", *cache, cwd=tmp_path)
    assert "120 unchanged documents from the cache" in second.stderr
    assert all(d["cached"] for d in audit_documents(tmp_path / "two"))
    assert audit_findings(tmp_path / "two") == audit_findings(tmp_path / "one") == small["expected"]


@pytest.mark.skipif(not (SHARED / "corpus" / "rust-book").is_dir(),
                    reason="the draft rule's matches come from the rust-book's paragraphs in the archive")
def test_a_draft_rule_prints_its_matches_with_context(small, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = audit(small["parquet"], "--rule", draft, "--max-matches", "7", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert len(lines) == 7
    for line in lines:
        assert "draft.say-build-tool" in line and "House style: say 'build tool'" in line
        assert "[compiler]" in line.lower() or "[compilers]" in line.lower()
        assert line.startswith("story-")
    assert "7 matches of draft.say-build-tool shown" in proc.stderr


def test_a_broken_draft_rule_is_named_with_its_line(small, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(DRAFT.replace("kind: pattern", "kind: no-such-kind"), encoding="utf-8")
    proc = run_copydesk("audit", small["jsonl"], "--rule", draft, cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{draft}:4: unknown rule kind" in proc.stderr


def test_the_results_are_sharded_per_partition(small, tmp_path):
    audit(small["jsonl"], "--out", tmp_path / "r", "--no-cache", "--partition-size", "40", cwd=tmp_path)
    shards = sorted(p.name for p in (tmp_path / "r" / "documents").iterdir())
    assert shards == ["part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    assert [pq.read_metadata(tmp_path / "r" / "documents" / s).num_rows for s in shards] == [40, 40, 40]
    manifest = json.loads((tmp_path / "r" / "audit.json").read_text())
    assert manifest["complete"] and manifest["documents"] == 120
