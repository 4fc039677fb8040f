"""The report on a phone and a wide screen, in real headless Chromium: no page
is wider than the viewport, the text comes first, inline code shows, colours
are fixed per category, infos are calm; every tab is screenshot at both
widths into test-artifacts/report-WIDTH-DOC-TAB.png."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, run_copydesk
from test_report_browser import browser, ARTIFACTS, Watched  # noqa: F401 (the shared browser fixture)

WIDTHS = (390, 1440)
CODE_DOC = (
    "# Strings in Rust\n\n"
    "Rust has the `String` type, which the standard library provides for text that grows.\n\n"
    "When we called `parse`, its implementation recieved the text and returned a `Result` to the caller.\n\n"
    "| Type | Owned |\n|------|-------|\n| `String` | yes |\n| `&str` | no, it is a borrowed slice of a string |\n\n"
    "```rust\nlet s = String::from(\"hello\");\n```\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A directory report of the seed article and a Markdown chapter with inline code."""
    folder = tmp_path_factory.mktemp("docs")
    (folder / "article.txt").write_bytes((FIXTURES / "article.txt").read_bytes())
    (folder / "strings.md").write_text(CODE_DOC, encoding="utf-8")
    (folder / "morning.txt").write_text("Every morning he go to the market.\n", encoding="utf-8")  # LanguageTool's alone
    out = folder / "site"
    proc = run_copydesk("report", folder / "article.txt", folder / "strings.md", folder / "morning.txt",
                        "-o", f"{out}/")
    assert proc.returncode == 0, proc.stderr
    return out


def overflow(page) -> int:
    """How many pixels the page is wider than the viewport."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_viewport_and_every_tab_is_screenshot(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 860})
    ARTIFACTS.mkdir(exist_ok=True)
    index = Watched(browser, site / "index.html", context).page
    assert overflow(index) <= 0, "index.html scrolls sideways"
    index.screenshot(path=str(ARTIFACTS / f"report-{width}-index.png"), full_page=True)
    for name in ("article.txt.html", "strings.md.html"):
        watched = Watched(browser, site / name, context)
        page = watched.page
        page.get_by_role("button", name=re.compile("Accept (safe|suggested) fixes")).click()
        stem = name.split(".")[0]
        for tab in page.locator('[role="tab"]').all():
            tab.click()
            label = tab.get_attribute("aria-controls").split("-", 1)[1]  # annotated, claims, edition ...
            if label == "annotated":
                page.locator("mark.hl:not(.cont)").first.click()
            assert overflow(page) <= 0, f"{name}, tab {label}, scrolls sideways at {width}px"
            page.screenshot(path=str(ARTIFACTS / f"report-{width}-{stem}-{label}.png"), full_page=True)
        assert watched.console == [], watched.console


def test_on_a_phone_the_text_comes_first_and_tabs_stay_on_one_row(browser, site):
    page = Watched(browser, site / "article.txt.html", browser.new_context(viewport={"width": 390, "height": 844})).page
    text = page.locator(".doc-text p").first.bounding_box()
    assert text["y"] < 844, f"the article starts {text['y']:.0f}px down"
    assert page.locator(".sidebar").bounding_box()["y"] > text["y"]
    tops = {round(tab.bounding_box()["y"]) for tab in page.locator('[role="tab"]').all()}
    assert len(tops) == 1, tops


def test_inline_code_is_visible_styled_as_code_and_never_highlighted(browser, site):
    page = Watched(browser, site / "strings.md.html").page
    prose = page.locator(".doc-text").inner_text()
    assert "Rust has the String type" in prose and "When we called parse, its" in prose
    code = page.locator(".doc-text code.inline-code", has_text="String").first
    assert code.is_visible()
    assert "mono" in code.evaluate("c => getComputedStyle(c).fontFamily").lower()
    assert page.locator("mark.hl code, mark.hl .inline-code").count() == 0
    assert page.locator("mark.hl:not(.cont)", has_text="recieved").count() == 1
    page.get_by_role("tab", name="Readability").click()
    assert "a Result to the caller" in page.locator(".hardest").inner_text()


def test_a_category_has_the_same_colour_in_two_reports(browser, site, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Accoring to the report, it rained.\n", encoding="utf-8")  # spelling only
    out = tmp_path / "other.html"
    assert run_copydesk("report", other, "--no-languagetool", "-o", out).returncode == 0
    colour = "m => getComputedStyle(m).backgroundColor"
    lone = Watched(browser, out).page.locator("mark.hl[data-cat=spelling]").first.evaluate(colour)
    seed = Watched(browser, site / "article.txt.html").page
    assert seed.locator("mark.hl[data-cat=spelling]").first.evaluate(colour) == lone
    claims = seed.locator("mark.hl[data-cat=claims]").first
    seed.locator(".calm-toggle input").check()  # claims here are infos: underline them to compare
    grammar = seed.locator("mark.hl[data-cat=grammar]").first.evaluate(colour)
    assert len({lone, grammar, claims.evaluate(colour)}) == 3


def test_infos_and_readability_are_margin_marks_until_asked(browser, site):
    page = Watched(browser, site / "article.txt.html").page
    mark = page.locator("mark.hl.calm[data-cat=readability]").first
    style = "m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).borderBottomStyle]"
    assert mark.evaluate(style) == ["rgba(0, 0, 0, 0)", "none"]
    margin = mark.evaluate("m => getComputedStyle(m.closest('p')).boxShadow")
    assert margin != "none"
    page.locator(".calm-toggle input").check()
    assert mark.evaluate(style)[0] != "rgba(0, 0, 0, 0)"


def test_markdown_edition_is_shown_as_source_and_no_change_says_so(browser, site):
    page = Watched(browser, site / "strings.md.html").page
    page.get_by_role("tab", name="Redline").click()
    assert page.locator(".redline-state").inner_text() == "No changes."
    assert page.locator(".redline").is_hidden()
    page.get_by_role("button", name="Accept safe fixes").click()
    assert page.locator(".redline ins", has_text="received").is_visible()
    assert "mono" in page.locator(".redline").evaluate("r => getComputedStyle(r).fontFamily").lower()


def test_findings_list_quotes_the_word_and_says_why_it_matters(browser, site):
    page = Watched(browser, site / "article.txt.html").page
    for item in page.locator(".finding-list li").all():  # the flagged words, once
        shown = item.locator(".msg").inner_text()
        assert item.locator(".msg q").count() == 1 or re.search(r"['‘][^'’]+['’]", shown), shown
    page = Watched(browser, site / "morning.txt.html").page
    languagetool = page.locator(".finding-list li", has_text="‘he’").first
    assert "‘he’" in languagetool.inner_text()  # LanguageTool's message quotes it; else a <q> does
    languagetool.locator("a").click()
    why = page.locator(".popover").inner_text()
    assert "Why it matters" in why and "LanguageTool reports this" not in why
