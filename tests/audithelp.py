"""Helpers for the audit tests: the generated archive, what `copydesk check`
finds in it, and what an audit wrote."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from conftest import ROOT, check_json

sys.path.insert(0, str(ROOT / "bench"))
import archive  # noqa: E402  (bench/archive.py: the generator the benchmark uses too)


def make_archive(folder: Path, count: int, seed: int = 23, salt: str = "") -> dict:
    """The same records as JSON Lines, Parquet and a folder of files."""
    folder.mkdir(parents=True, exist_ok=True)
    records = archive.make_records(count, seed, salt)
    return {"records": records,
            "jsonl": archive.write_jsonl(records, folder / "archive.jsonl"),
            "parquet": archive.write_parquet(records, folder / "archive.parquet"),
            "files": archive.write_folder(records, folder / "files")}


def finding_key(doc_id: str, finding: dict) -> tuple:
    """What makes two findings the same finding."""
    return (doc_id, finding["rule"], finding["severity"], finding["start"], finding["end"],
            finding["message"], tuple(finding["replacements"]))


def check_findings(files: Path, *options: str) -> set:
    """Every finding `copydesk check --format json` reports for the folder."""
    report, proc = check_json(str(files), "--no-cache", "--exit-zero", *options, cwd=files.parent)
    assert proc.returncode == 0, proc.stderr
    return {finding_key(Path(f["path"]).stem, x) for f in report["files"] for x in f["findings"]}


def audit_findings(results: Path) -> set:
    """Every finding an audit wrote."""
    rows = pq.read_table(results / "findings").to_pylist()
    found = {finding_key(r["doc_id"], r) for r in rows}
    assert len(found) == len(rows), "a finding was written twice"
    return found


def audit_documents(results: Path) -> list[dict]:
    """The documents table, in id order."""
    return sorted(pq.read_table(results / "documents").to_pylist(), key=lambda r: r["doc_id"])


def start_audit(*args, cwd: Path) -> subprocess.Popen:
    """`copydesk audit ARGS` in the background."""
    return subprocess.Popen([sys.executable, "-m", "lint", "audit", *map(str, args)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_shards(results: Path, count: int, process: subprocess.Popen, timeout: float = 300) -> int:
    """Wait until `count` partitions are done (or the run ends); how many are."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = len(list((results / "documents").glob("part-*.parquet")))
        if done >= count or process.poll() is not None:
            return done
        time.sleep(0.05)
    raise AssertionError(f"no {count} partitions done in {timeout} s")
