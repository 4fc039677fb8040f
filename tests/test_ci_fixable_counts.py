"""`check` says how many fixes `fix` applies and how many need --unsafe-fixes (issue 22, problem 3)."""

from __future__ import annotations

import re

from conftest import run_copydesk

TEXT = ("We recieve it. The goverment agreed.\n\n"
        "Investors could loose their money. Tax cuts will boot the economy.\n")


def test_summary_splits_safe_and_unsafe_fixes_and_fix_applies_them(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    summary = run_copydesk("check", doc, "--no-languagetool").stdout.splitlines()[-1]
    match = re.search(r"(\d+) fixable with `copydesk fix`, (\d+) more with `copydesk fix --unsafe-fixes`",
                      summary)
    assert match, summary
    safe, unsafe = map(int, match.groups())
    assert safe >= 2 and unsafe >= 2
    safe_run = run_copydesk("fix", doc, "--no-languagetool", "--log", tmp_path / "safe.json")
    unsafe_run = run_copydesk("fix", doc, "--no-languagetool", "--unsafe-fixes", "--log", tmp_path / "all.json")
    assert f"{safe} fixed" in safe_run.stderr, safe_run.stderr
    assert f"{safe + unsafe} fixed" in unsafe_run.stderr, unsafe_run.stderr
