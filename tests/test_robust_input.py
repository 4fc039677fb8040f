"""Awkward input is checked, or skipped with one line; never a traceback."""

from __future__ import annotations

import codecs
import json

import pytest

from conftest import check_json, run_copydesk

TYPO = "Accoring to the report, the path way is open."


def _check(path, *extra):
    proc = run_copydesk("check", "--format", "json", "--no-languagetool", path, *extra)
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout), proc


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"], ids=["empty", "whitespace"])
def test_empty_and_blank_files_are_clean(tmp_path, content):
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    data, proc = _check(path)
    assert proc.returncode == 0
    assert data["files"][0]["findings"] == []


def test_oversized_file_is_skipped_with_one_line(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse 50 MB: size is what counts
    proc = run_copydesk("check", "--no-languagetool", path)
    assert "Traceback" not in proc.stderr
    assert "huge.txt: skipped: file is 50 MB, over the 20 MB limit" in proc.stdout
    assert proc.returncode == 2 and "no file could be checked" in proc.stderr  # nothing checked: no pass


def test_one_megabyte_single_line_is_checked(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text(("word " * 200_000)[:999_990] + " Accoring", encoding="utf-8")
    data, proc = _check(path)
    findings = data["files"][0]["findings"]
    assert [f["text"] for f in findings if f["rule"] == "typos.misspelling"] == ["Accoring"]
    assert findings[-1]["line"] == 1 and findings[-1]["column"] > 999_000


@pytest.mark.parametrize("content,reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"Caf\xe9 au lait, accoring to him.\n", "not valid UTF-8"),
    (b"Hello\x00world accoring\n", "binary"),
], ids=["png", "latin1", "nul"])
def test_binary_and_undecodable_files_are_skipped(tmp_path, content, reason):
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    proc = run_copydesk("check", "--no-languagetool", path)
    assert "Traceback" not in proc.stderr
    assert f"odd.txt: skipped: {reason}" in proc.stdout
    assert proc.returncode == 2 and "no file could be checked" in proc.stderr  # nothing checked: no pass


@pytest.mark.parametrize("encoding,bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-8", codecs.BOM_UTF8),
])
def test_bom_marked_files_are_decoded(tmp_path, encoding, bom):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + TYPO.encode(encoding))
    data, proc = _check(path)
    texts = {f["text"]: f for f in data["files"][0]["findings"]}
    assert {"Accoring", "path way"} <= texts.keys()
    # Offsets count code points of the decoded text, without the BOM.
    assert texts["Accoring"]["start"] == 0 and texts["Accoring"]["column"] == 1


def test_crlf_and_mixed_newlines_keep_lines_right(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First line.\r\n\r\nSecond accoring.\nThird\rfourth path way.\r\n")
    data, _ = _check(path)
    source = path.read_bytes().decode("utf-8")
    found = {f["text"]: f for f in data["files"][0]["findings"]}
    assert found["accoring"]["line"] == 3 and found["accoring"]["column"] == 8
    assert found["path way"]["line"] == 5
    for f in found.values():
        assert source[f["start"]:f["end"]] == f["text"]


def test_right_to_left_text_is_checked_without_false_alarms(tmp_path):
    path = tmp_path / "rtl.txt"
    path.write_text("The sign read \u05e9\u05dc\u05d5\u05dd and \u0645\u0631\u062d\u0628\u0627. "
                    "Accoring to the guide, it means peace.\n", encoding="utf-8")
    data, _ = _check(path, "--select", "typos")
    assert [f["text"] for f in data["files"][0]["findings"]] == ["Accoring"]


def test_emoji_and_combining_marks_count_code_points(tmp_path):
    text = "Cafe\u0301 \U0001F600\U0001F44D\U0001F3FD: accoring to the cre\u0300me path way.\n"
    path = tmp_path / "emoji.txt"
    path.write_text(text, encoding="utf-8")
    data, _ = _check(path, "--select", "typos")
    findings = data["files"][0]["findings"]
    assert {f["text"] for f in findings} == {"accoring", "path way"}
    for f in findings:
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["column"] == f["start"] + 1  # one line, so column follows code points


def test_unreadable_file_in_a_tree_exits_2_and_others_still_checked(tmp_path):
    (tmp_path / "good.txt").write_text("Accoring to him.\n", encoding="utf-8")
    (tmp_path / "bad.txt").symlink_to(tmp_path / "deleted.txt")  # dangling: cannot be read
    data, proc = check_json(tmp_path, "--no-languagetool")
    assert proc.returncode == 2
    entries = {entry["path"].rsplit("/", 1)[-1]: entry for entry in data["files"]}
    assert entries["good.txt"]["findings"]
    assert entries["bad.txt"]["error"] == "no such file"
    assert "bad.txt" in proc.stderr


def test_symlink_leading_outside_the_tree_is_reported_and_skipped(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Accoring to a secret.\n", encoding="utf-8")
    tree = tmp_path / "docs"
    tree.mkdir()
    (tree / "good.txt").write_text("Fine words.\n", encoding="utf-8")
    (tree / "leak.txt").symlink_to(outside)
    data, proc = check_json(tree, "--no-languagetool")
    assert [e["path"].rsplit("/", 1)[-1] for e in data["files"]] == ["good.txt"]
    assert "leak.txt: skipped: symlink to" in proc.stderr and "outside" in proc.stderr
    assert proc.returncode == 0


def test_fifo_is_skipped_not_waited_on(tmp_path):
    import os
    (tmp_path / "good.txt").write_text("Accoring to him.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    data, proc = check_json(tmp_path, "--no-languagetool", "--no-cache")
    entries = {entry["path"].rsplit("/", 1)[-1]: entry for entry in data["files"]}
    assert "not a regular file" in entries["pipe.txt"]["error"]
    assert entries["good.txt"]["findings"]
    assert proc.returncode == 1
