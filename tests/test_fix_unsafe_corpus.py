"""`copydesk fix --unsafe-fixes` on a copy of the rust-book (real, edited
technical prose) with a few errors written into its chapters: every change
is in the audit log, and no change touches code, brings in another quote
style or swaps a word for another dialect's spelling."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import ROOT, run_copydesk

RUST_BOOK = ROOT.parent / "shared" / "corpus" / "rust-book"
pytestmark = pytest.mark.skipif(not RUST_BOOK.is_dir(), reason="needs ../shared/corpus/rust-book")

# Put at the end of every twelfth chapter: errors with one right correction
# ("its OK" in a book that writes ’ becomes "it’s OK", never "it's OK"), and
# traps a careless fixer would damage (a curly apostrophe, a British spelling, code).
SEEDED = ("\nThis chapter shows a innovation that you will recieve soon.\n\n"
          "It’s colour is blue, and its OK to keep `main.rs` as it is.\n")
_QUOTES = set("'\"‘’“”")


def _style(text: str) -> set[str]:
    """The quote marks of a file's own style: curly where it uses more curly
    apostrophes than straight ones, else straight."""
    return set("‘’“”") if text.count("’") > text.count("'") else set("'\"")


def _apply(original: str, applied: list[dict]) -> str:
    """The original with the logged edits applied, pass by pass."""
    text = original
    for number in sorted({edit["pass"] for edit in applied}):
        for edit in sorted((e for e in applied if e["pass"] == number), key=lambda e: -e["start"]):
            assert text[edit["start"]:edit["end"]] == edit["before"], edit
            text = text[:edit["start"]] + edit["after"] + text[edit["end"]:]
    return text


def _in_code(text: str, start: int) -> bool:
    """True when `start` is inside a fenced block or an inline code span."""
    fences = len(re.findall(r"^\s*```", text[:start], re.MULTILINE))
    line = text[text.rfind("\n", 0, start) + 1:start]
    return fences % 2 == 1 or line.count("`") % 2 == 1


@pytest.fixture(scope="module")
def fixed_book(tmp_path_factory):
    book = tmp_path_factory.mktemp("book") / "rust-book"
    shutil.copytree(RUST_BOOK, book, copy_function=shutil.copyfile)  # the shared copy is read-only
    for folder in (book, *(p for p in book.rglob("*") if p.is_dir())):
        folder.chmod(0o755)
    chapters = sorted(book.rglob("ch*.md"))[::12]
    for chapter in chapters:
        with chapter.open("a", encoding="utf-8") as out:
            out.write(SEEDED)
    originals = {path: path.read_text(encoding="utf-8") for path in book.rglob("*.md")}
    log = book.parent / "changes.json"
    proc = run_copydesk("fix", str(book), "--in-place", "--no-backup", "--unsafe-fixes", "--log", str(log),
                        timeout=1200)
    assert proc.returncode in (0, 1), proc.stderr
    entries = {e["path"]: e for e in json.loads(log.read_text(encoding="utf-8"))["files"]}
    return book, chapters, originals, entries


def _log_for(entries: dict, path) -> dict:
    return entries.get(str(path), {"applied": []})


def test_every_change_is_in_the_log(fixed_book):
    book, _, originals, entries = fixed_book
    for path, original in originals.items():
        assert _apply(original, _log_for(entries, path)["applied"]) == path.read_text(encoding="utf-8"), path


def test_no_change_touches_code_quotes_or_dialect(fixed_book):
    enchant = pytest.importorskip("enchant")
    us, gb = enchant.Dict("en_US"), enchant.Dict("en_GB")
    book, _, originals, entries = fixed_book
    applied = [(path, edit) for path in originals for edit in _log_for(entries, path)["applied"]]
    assert applied, "the seeded errors were not fixed"
    for path, edit in applied:
        original = originals[path] if edit["pass"] == 1 else None
        if original is not None:
            assert not _in_code(original, edit["start"]), (path, edit)
        assert not (set(edit["after"]) & _QUOTES) - set(edit["before"]) - _style(originals[path]), (path, edit)
        removed = edit["before"].split()
        if len(removed) == 2 and edit["after"].strip() in removed:  # a repeated word taken out
            first, second = removed
            assert first[1:] == second[1:] and first[:1].lower() == second[:1].lower(), (path, edit)  # not "AND and"
        before, after = edit["before"].strip(), edit["after"].strip()
        if before.isalpha() and after.isalpha() and before.lower() != after.lower():
            assert not (gb.check(before) and not us.check(before) and us.check(after)), (path, edit)


def test_the_seeded_errors_are_fixed_and_the_traps_left_alone(fixed_book):
    _, chapters, _, _ = fixed_book
    for chapter in chapters:
        text = chapter.read_text(encoding="utf-8")
        assert "shows an innovation that you will receive soon." in text, chapter
        assert "It’s colour is blue, and it’s OK to keep `main.rs` as it is." in text, chapter
