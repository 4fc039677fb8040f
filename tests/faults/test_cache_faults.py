"""A corrupt result cache and four `copydesk check` processes at once on the
same tree and cache: the findings are those of one clean run."""

from __future__ import annotations

import json
import subprocess
import sys

from faulthelp import ROOT, copydesk, make_tree


def _findings(stdout: str) -> dict:
    return {f["path"]: [(x["rule"], x["start"], x["end"]) for x in f["findings"]]
            for f in json.loads(stdout)["files"]}


def _check(tree, cache):
    return ["check", "--format", "json", "--no-languagetool", "--cache-dir", cache, tree]


def test_corrupt_result_cache_is_detected_and_rebuilt(tmp_path):
    tree = tmp_path / "tree"
    make_tree(tree, files=8, large_paragraphs=10)
    clean = copydesk("check", "--format", "json", "--no-languagetool", "--no-cache", tree)
    cache = tmp_path / "cache"
    copydesk(*_check(tree, cache))
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert entries
    for number, entry in enumerate(entries):  # truncated, garbage, empty, wrong JSON
        damage = [entry.read_bytes()[: len(entry.read_bytes()) // 2], b"\x00\xff garbage", b"", b'{"x": 1}']
        entry.write_bytes(damage[number % 4])
    damaged = copydesk(*_check(tree, cache))
    again = copydesk(*_check(tree, cache))
    for proc in (damaged, again):
        assert proc.returncode == clean.returncode, proc.stderr
        assert "Traceback" not in proc.stderr
        assert _findings(proc.stdout) == _findings(clean.stdout)


def test_four_checks_at_once_share_tree_and_cache(tmp_path):
    tree = tmp_path / "tree"
    make_tree(tree, files=12, large_paragraphs=10)
    clean = copydesk("check", "--format", "json", "--no-languagetool", "--no-cache", tree)
    cache = tmp_path / "cache"
    processes = [subprocess.Popen([sys.executable, "-m", "lint", *map(str, _check(tree, cache))], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == clean.returncode, stderr
        assert "Traceback" not in stderr
        assert _findings(stdout) == _findings(clean.stdout)
    assert _findings(copydesk(*_check(tree, cache)).stdout) == _findings(clean.stdout)
