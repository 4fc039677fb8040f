"""`copydesk fix` as a user runs it: outputs, encodings, the log, in-place safety."""

from __future__ import annotations

import codecs
import json
import stat

import pytest

from conftest import run_copydesk
from fixhelp import write_pack

TYPO_TEXT = "Accoring to the report,\nsales rose worldwidely.\n"
FIXED_TEXT = "According to the report,\nsales rose worldwide.\n"
BUILTIN = ("--no-languagetool", "--select", "typos")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TYPO_TEXT, encoding="utf-8")
    return path


def test_edition_goes_to_stdout_and_summary_to_stderr(article):
    proc = run_copydesk("fix", article, *BUILTIN)
    assert proc.stdout == FIXED_TEXT
    assert proc.stderr.strip() == f"{article}: 2 fixed, 0 remaining (0 need an editor)"
    assert proc.returncode == 0
    assert article.read_text() == TYPO_TEXT


def test_output_file(article, tmp_path):
    out = tmp_path / "edition.txt"
    proc = run_copydesk("fix", article, "-o", out, *BUILTIN)
    assert proc.returncode == 0 and proc.stdout == ""
    assert out.read_text() == FIXED_TEXT


def test_diff(article):
    proc = run_copydesk("fix", article, "--diff", *BUILTIN)
    assert proc.stdout.splitlines()[:2] == [f"--- a/{article}", f"+++ b/{article}"]
    assert proc.stdout.splitlines(keepends=True)[2:] == [
        "@@ -1,2 +1,2 @@\n", "-Accoring to the report,\n", "-sales rose worldwidely.\n",
        "+According to the report,\n", "+sales rose worldwide.\n"]
    assert article.read_text() == TYPO_TEXT


def test_log_lists_applied_changes_and_unfixed_findings(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Intro.\nAccoring to staff, it was very unique.\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "style.yaml").write_text("""\
pack: house
rules:
  - id: hedge
    kind: substitution
    severity: error
    category: style
    message: "'{text}' is vague"
    fix: none
    swap: {"very unique": "unique"}
    examples: {flag: ["very unique"], pass: ["unique"]}
""")
    log = tmp_path / "log.json"
    proc = run_copydesk("fix", story, "--log", log, "--rules-dir", tmp_path, "--no-languagetool",
                        "--select", "typos,house")
    assert proc.stderr.strip().endswith("1 fixed, 1 remaining (1 needs an editor)")
    assert proc.returncode == 1  # an error-level finding remains
    entry = json.loads(log.read_text())["files"][0]
    applied = entry["applied"][0]
    assert {k: applied[k] for k in ("rule", "before", "after", "line", "column", "applicability")} == {
        "rule": "typos.misspelling", "before": "Accoring", "after": "According", "line": 2,
        "column": 1, "applicability": "safe"}
    unfixed = entry["unfixed"][0]
    assert (unfixed["rule"], unfixed["text"], unfixed["line"], unfixed["needs_editor"]) == (
        "house.hedge", "very unique", 2, True)
    assert entry["summary"] == {"fixed": 1, "remaining": 1, "needs_editor": 1, "skipped": 0,
                                "passes": 1, "converged": True}


@pytest.mark.parametrize("encoding, bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_bom_encoding_and_crlf_survive(tmp_path, encoding, bom):
    path = tmp_path / "crlf.txt"
    path.write_bytes(bom + TYPO_TEXT.replace("\n", "\r\n").encode(encoding))
    proc = run_copydesk("fix", path, "--in-place", *BUILTIN)
    assert proc.returncode == 0, proc.stderr
    assert path.read_bytes() == bom + FIXED_TEXT.replace("\n", "\r\n").encode(encoding)
    out = tmp_path / "out.txt"
    run_copydesk("fix", path.with_name("crlf.txt.orig"), "-o", out, *BUILTIN)
    assert out.read_bytes() == path.read_bytes()


def test_in_place_keeps_a_backup_and_the_mode(article):
    article.chmod(0o640)
    proc = run_copydesk("fix", article, "--in-place", *BUILTIN)
    assert proc.returncode == 0 and proc.stdout == ""
    assert article.read_text() == FIXED_TEXT
    assert article.with_name("story.txt.orig").read_text() == TYPO_TEXT
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [p.name for p in article.parent.iterdir()] != [] and not list(article.parent.glob("*.copydesk-tmp"))


def test_in_place_without_backup_and_untouched_when_clean(article):
    run_copydesk("fix", article, "--in-place", "--no-backup", *BUILTIN)
    assert article.read_text() == FIXED_TEXT and not article.with_name("story.txt.orig").exists()
    before = article.stat().st_mtime_ns
    proc = run_copydesk("fix", article, "--in-place", *BUILTIN)
    assert "0 fixed" in proc.stderr and article.stat().st_mtime_ns == before
    assert not article.with_name("story.txt.orig").exists()


def test_read_only_file_is_refused(article):
    article.chmod(0o444)
    proc = run_copydesk("fix", article, "--in-place", *BUILTIN)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"copydesk: {article}: file is read-only; not rewritten"
    assert article.read_text() == TYPO_TEXT and not article.with_name("story.txt.orig").exists()


def test_a_symbolic_link_is_refused(article):
    link = article.with_name("link.txt")
    link.symlink_to(article)
    proc = run_copydesk("fix", link, "--in-place", *BUILTIN)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"copydesk: {link}: is a symbolic link; fix {article.resolve()} instead"
    assert link.is_symlink() and article.read_text() == TYPO_TEXT


def test_several_files_need_in_place_or_diff(article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("worldwidely\n")
    proc = run_copydesk("fix", article, other, *BUILTIN)
    assert proc.returncode == 2 and "--in-place or --diff" in proc.stderr
    proc = run_copydesk("fix", tmp_path, "--in-place", "--no-backup", *BUILTIN)
    assert proc.returncode == 0, proc.stderr
    assert article.read_text() == FIXED_TEXT and other.read_text() == "worldwide\n"


def test_unreadable_input_is_one_line(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    proc = run_copydesk("fix", binary, *BUILTIN)
    assert proc.stderr.strip() == f"copydesk: {binary}: skipped: binary file (contains NUL bytes)"
    assert proc.stdout == "" and "Traceback" not in proc.stderr
    assert run_copydesk("fix", tmp_path / "missing.txt").returncode == 2


def test_unsafe_fixes_only_on_request_and_remaining_errors_set_the_exit_code(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("We boot the development of teh plan.\n")
    options = ("--rules-dir", write_pack(tmp_path), "--no-languagetool", "--select", "t")
    proc = run_copydesk("fix", path, *options)
    assert proc.stdout == "We boot the development of the plan.\n"
    assert proc.returncode == 1  # the unsafe error-level finding remains
    assert "1 fixed, 1 remaining (1 needs an editor)" in proc.stderr
    assert run_copydesk("fix", path, *options, "--exit-zero").returncode == 0
    proc = run_copydesk("fix", path, *options, "--unsafe-fixes")
    assert proc.stdout == "We boost the development of the plan.\n" and proc.returncode == 0
