"""A full disk and a read-only directory, during `fix --in-place` and during
cache writes: a clear one-line error (or, for a cache, the same findings),
the original byte-identical, and no partial or temporary file."""

from __future__ import annotations

import json

from faulthelp import PARAGRAPH, copydesk, remount_read_only, small_filesystem, temporary_files


def _errors(proc) -> list[str]:
    return [line for line in proc.stderr.splitlines() if "error" in line.lower() or "cannot" in line]


def test_fix_in_place_on_a_read_only_directory(tmp_path):
    with small_filesystem(tmp_path / "mnt") as mount:
        doc = mount / "draft.md"
        doc.write_text(PARAGRAPH * 3, encoding="utf-8")
        before = doc.read_bytes()
        remount_read_only(mount)
        proc = copydesk("fix", "--in-place", "--no-languagetool", doc, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
        assert str(doc) in proc.stderr and "not rewritten" in proc.stderr, proc.stderr
        assert doc.read_bytes() == before
        assert sorted(p.name for p in mount.iterdir()) == ["draft.md"]


def test_fix_in_place_on_a_full_disk(tmp_path):
    with small_filesystem(tmp_path / "mnt", size="256k") as mount:
        doc = mount / "draft.md"
        doc.write_text(PARAGRAPH * 600, encoding="utf-8")  # ~90 kB; its fixed edition needs as much again
        before = doc.read_bytes()
        filler = mount / "filler"
        free = 256 * 1024 - len(before) - 16 * 1024
        filler.write_bytes(b"x" * max(free, 0))
        proc = copydesk("fix", "--in-place", "--no-backup", "--no-languagetool", doc, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
        assert f"{doc}: cannot write" in proc.stderr, proc.stderr
        assert doc.read_bytes() == before
        assert temporary_files(mount) == []


def _findings(proc) -> list:
    return [(f["rule"], f["line"], f["column"]) for f in json.loads(proc.stdout)["files"][0]["findings"]]


def test_result_cache_on_a_full_or_read_only_disk_changes_no_finding(tmp_path):
    doc = tmp_path / "draft.md"
    doc.write_text(PARAGRAPH * 3, encoding="utf-8")
    clean = copydesk("check", "--format", "json", "--no-cache", "--no-languagetool", doc, cwd=tmp_path)
    with small_filesystem(tmp_path / "mnt", size="64k") as mount:
        (mount / "filler").write_bytes(b"x" * (64 * 1024))  # nothing more fits
        full = copydesk("check", "--format", "json", "--cache-dir", mount / "cache", "--no-languagetool",
                        doc, cwd=tmp_path)
        remount_read_only(mount)
        read_only = copydesk("check", "--format", "json", "--cache-dir", mount / "cache", "--no-languagetool",
                             doc, cwd=tmp_path)
        assert temporary_files(mount) == []
    for proc in (full, read_only):
        assert proc.returncode == clean.returncode, proc.stderr
        assert "Traceback" not in proc.stderr
        assert _findings(proc) == _findings(clean)
