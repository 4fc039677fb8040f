"""The report as a working surface, in real headless Chromium: an editor accepts
and dismisses findings, exports the decisions, and `copydesk fix --decisions`
writes the very edition the page showed; words go to copydesk.yaml."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, run_copydesk
from test_report_browser import browser, Watched  # noqa: F401 (the shared browser fixture)


@pytest.fixture()
def seed_report(tmp_path):
    """A fresh report of the seed article, with LanguageTool, as editors get it."""
    out = tmp_path / "article.html"
    proc = run_copydesk("report", FIXTURES / "article.txt", "-o", out)
    assert proc.returncode == 0, proc.stderr
    return out


def open_finding(page, text: str):
    """Click the highlight of `text`; return the details popover."""
    page.locator("mark.hl:not(.cont)", has_text=re.compile("^" + re.escape(text) + "$")).first.click()
    popover = page.locator(".popover")
    assert popover.is_visible()
    return popover


def edition_shown(page) -> str:
    page.get_by_role("tab", name=re.compile("edition", re.I)).click()
    return page.evaluate("document.querySelector('.edition').textContent")


def export(page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export decisions").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_accept_two_dismiss_one_export_and_fix_writes_the_edition_the_page_showed(browser, seed_report, tmp_path):
    watched = Watched(browser, seed_report, browser.new_context(accept_downloads=True))
    page = watched.page
    assert page.locator(".edition-state").inner_text().startswith("No changes yet")
    open_finding(page, "Accoring").get_by_role("button", name="Accept “According”").click()
    popover = open_finding(page, "enterprises is")
    popover.get_by_label(re.compile("Your wording")).fill("companies are")
    popover.get_by_role("button", name="Accept mine").click()
    popover = open_finding(page, "boot")
    popover.get_by_label("Reason for dismissing (optional)").fill("the author means boot")
    popover.get_by_role("button", name="Dismiss").click()
    assert page.locator(".decided").inner_text() == "2 accepted, 1 dismissed, 0 words for the vocabulary"
    assert "Dismissed: the author means boot" in page.locator('.finding-list li.is-dismissed').inner_text()
    shown = edition_shown(page)
    original = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    assert shown == original.replace("Accoring", "According", 1).replace("enterprises is", "companies are", 1)
    page.get_by_role("tab", name="Redline").click()
    assert page.locator(".redline del", has_text="Accoring").is_visible()
    assert page.locator(".redline ins", has_text="companies are").is_visible()
    assert page.locator(".changes tbody tr").count() == 2
    decisions = export(page, tmp_path)
    assert decisions.name == "article.txt.decisions.json"
    exported = json.loads(decisions.read_text(encoding="utf-8"))
    assert [d["action"] for d in exported["decisions"]] == ["accept", "accept", "dismiss"]

    out, log = tmp_path / "edition.txt", tmp_path / "log.json"
    proc = run_copydesk("fix", FIXTURES / "article.txt", "--decisions", decisions, "-o", out, "--log", log,
                        "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == shown.encode("utf-8")
    entry = json.loads(log.read_text(encoding="utf-8"))["files"][0]
    assert [(c["before"], c["after"]) for c in entry["applied"]] == [("enterprises is", "companies are"),
                                                                     ("Accoring", "According")]
    assert entry["dismissed"][0]["reason"] == "the author means boot"
    assert any(f["text"] == "boot" for f in entry["unfixed"])  # dismissed: not changed

    page.reload()  # decisions are kept in the browser for this document
    assert page.locator(".finding-list li.is-accepted").count() == 2
    assert edition_shown(page) == shown
    assert watched.console == [], watched.console


def test_accepting_all_safe_fixes_keeps_the_missing_final_newline(browser, seed_report, tmp_path):
    original = (FIXTURES / "article.txt").read_text(encoding="utf-8")
    assert not original.endswith("\n")
    page = Watched(browser, seed_report, browser.new_context(accept_downloads=True)).page
    page.get_by_role("button", name="Accept safe fixes").click()
    shown = edition_shown(page)
    assert "Please sign in first" not in shown and "Accoring" not in shown
    assert not shown.endswith("\n") and shown.endswith("startups.")
    page.get_by_role("tab", name="Redline").click()
    assert page.locator(".redline > :last-child").get_attribute("data-sign") is None  # no stray +¶
    out = tmp_path / "edition.txt"
    proc = run_copydesk("fix", FIXTURES / "article.txt", "--decisions", export(page, tmp_path), "-o", out,
                        "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == shown.encode("utf-8")
    fixed = run_copydesk("fix", FIXTURES / "article.txt", "--exit-zero").stdout  # the plain fixer too
    assert fixed and not fixed.endswith("\n")


def test_an_acceptance_overlapping_another_is_refused_and_says_which(browser, seed_report):
    page = Watched(browser, seed_report).page
    open_finding(page, "Accoring").get_by_role("button", name="Accept “According”").click()
    # The long sentence that begins with the same word: rewriting it would overlap.
    page.locator(".finding-list li[data-cat=readability][data-sev=warning] a").click()
    popover = page.locator(".popover")
    popover.get_by_label(re.compile("Your wording")).fill("Liu Liehong said so.")
    popover.get_by_role("button", name="Accept mine").click()
    assert "overlaps the accepted change to “Accoring”" in popover.get_by_role("alert").inner_text()
    assert page.locator(".decided").inner_text().startswith("1 accepted")
    open_finding(page, "Accoring").get_by_role("button", name="Undo").click()
    page.locator(".finding-list li[data-cat=readability][data-sev=warning] a").click()
    popover.get_by_label(re.compile("Your wording")).fill("Liu Liehong said so.")
    popover.get_by_role("button", name="Accept mine").click()
    assert page.locator(".decided").inner_text().startswith("1 accepted")
    assert edition_shown(page).count("Liu Liehong said so.") == 1


def test_decisions_from_another_version_of_the_file_are_refused(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Accoring to them.\n", encoding="utf-8")
    decisions = tmp_path / "d.json"
    decisions.write_text(json.dumps({"copydesk_decisions": 1, "path": "a.txt", "sha256": "0" * 64,
                                     "decisions": [], "vocabulary": []}), encoding="utf-8")
    proc = run_copydesk("fix", doc, "--decisions", decisions, "--no-languagetool")
    assert proc.returncode == 2 and "another version" in proc.stderr and str(doc) in proc.stderr
    decisions.write_text("{\n  \"copydesk_decisions\": 1,\n  oops\n}", encoding="utf-8")
    proc = run_copydesk("fix", doc, "--decisions", decisions, "--no-languagetool")
    assert proc.returncode == 2 and f"{decisions}:3:" in proc.stderr


def test_add_to_vocabulary_goes_to_copydesk_yaml_and_silences_the_word(browser, tmp_path):
    doc = tmp_path / "story.txt"
    doc.write_text("The startup will blockchainify every ledger by Tuesday.\n", encoding="utf-8")
    config = tmp_path / "copydesk.yaml"
    config.write_text("# house settings\nfail_on: warning  # strict desk\n", encoding="utf-8")
    out = tmp_path / "story.html"
    proc = run_copydesk("report", doc, "--require", "languagetool", "-o", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = Watched(browser, out, browser.new_context(accept_downloads=True)).page
    open_finding(page, "blockchainify").get_by_role("button", name="Add “blockchainify” to the vocabulary").click()
    assert page.locator(".decided").inner_text().endswith("1 word for the vocabulary")
    decisions = export(page, tmp_path)
    fixed = run_copydesk("fix", doc, "--decisions", decisions, "--exit-zero", cwd=tmp_path)
    assert fixed.stdout == doc.read_text(encoding="utf-8")  # nothing accepted: nothing changed
    assert f"1 word for the vocabulary: copydesk vocab add --decisions {decisions}" in fixed.stderr
    proc = run_copydesk("vocab", "add", "--decisions", decisions, cwd=tmp_path)
    assert proc.returncode == 0 and "added 1 word (blockchainify)" in proc.stderr, proc.stderr
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# house settings\nfail_on: warning  # strict desk\n") and "- blockchainify" in text
    check = run_copydesk("check", doc, "--require", "languagetool", "-f", "json", cwd=tmp_path)
    assert "blockchainify" not in check.stdout, check.stdout


def test_an_emoji_and_windows_line_ends_do_not_shift_the_edits(browser, tmp_path):
    doc = tmp_path / "launch.txt"
    doc.write_bytes("Launch 🚀 day.\r\nAccoring to them, it rained.\r\n".encode("utf-8"))
    out = tmp_path / "launch.html"
    assert run_copydesk("report", doc, "--no-languagetool", "-o", out).returncode == 0
    page = Watched(browser, out, browser.new_context(accept_downloads=True)).page
    open_finding(page, "Accoring").get_by_role("button", name="Accept “According”").click()
    shown = edition_shown(page)
    assert shown == "Launch 🚀 day.\r\nAccording to them, it rained.\r\n"
    fixed = tmp_path / "fixed.txt"
    proc = run_copydesk("fix", doc, "--decisions", export(page, tmp_path), "-o", fixed, "--no-languagetool",
                        "--exit-zero")
    assert proc.returncode == 0, proc.stderr
    assert fixed.read_bytes() == shown.encode("utf-8")


def test_deciding_by_keyboard_keeps_the_focus_in_the_details(browser, seed_report):
    page = Watched(browser, seed_report).page
    popover = open_finding(page, "Accoring")
    popover.get_by_role("button", name="Accept “According”").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.className") == "status"
    assert page.evaluate("document.activeElement.textContent") == "✓ Accepted: “According”"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Accept “According”"
