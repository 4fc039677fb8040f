"""The paste-in page of `copydesk serve` in real headless Chromium: it shows
the service's findings as the text is typed, accepts a fix, dismisses a
finding, ticks a claim and copies the corrected text out; nothing loads
from elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect, sync_playwright

from conftest import FIXTURES, ROOT
from servehelp import running_service

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def service():
    with running_service("--no-languagetool", "--token", "page-token") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run ./scripts/install-browser")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, service):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=service)
    page = context.new_page()
    seen = {"requests": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.goto(service + "/#token=page-token")
    page.seen = seen
    yield page
    context.close()


def api_findings(service: str, text: str) -> list[dict]:
    answer = requests.post(service + "/api/v1/check", json={"text": text},
                           headers={"Authorization": "Bearer page-token"}, timeout=60)
    return answer.json()["files"][0]["findings"]


def test_the_page_shows_the_findings_of_the_api(page, service):
    page.fill("#copy", ARTICLE)
    want = api_findings(service, ARTICLE)
    expect(page.locator("#findings li")).to_have_count(len(want), timeout=20_000)
    assert page.locator("#findings li").evaluate_all("els => els.map(e => e.dataset.rule)") == \
        [f["rule"] for f in want]
    marks = page.locator("#annotated-text mark.hl")
    assert "Accoring" in marks.all_text_contents()
    expect(page.locator("#status")).to_contain_text(f"{len(want)} findings")
    assert all(url.startswith(service) for url in page.seen["requests"]), page.seen["requests"]
    assert page.seen["errors"] == []
    csp = requests.get(service + "/", timeout=10).headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp


def test_a_category_has_the_report_s_colour_on_the_page(page, service):
    page.fill("#copy", "Accoring to the goverment, it rained.")
    mark = page.locator("#annotated-text mark.hl", has_text="Accoring")
    expect(mark).to_have_count(1, timeout=20_000)
    assert "cat-spelling" in mark.get_attribute("class").split()
    report = ROOT / "reports" / "article.html"  # the committed report of the seed article
    other = page.context.new_page()
    other.goto(report.as_uri())
    in_report = other.locator("mark.hl[data-cat=spelling]").first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == in_report


def test_accept_a_fix_dismiss_a_finding_and_copy_the_corrected_text(page, service):
    text = "Accoring to the CEO 🎉, the the plan works.\n"
    page.fill("#copy", text)
    misspelling = page.locator("#findings li[data-rule='typos.misspelling']")
    expect(misspelling).to_have_count(1, timeout=20_000)
    misspelling.locator("button.accept").click()
    expect(page.locator("#copy")).to_have_value("According to the CEO 🎉, the the plan works.\n")
    expect(page.locator("#findings li[data-rule='typos.misspelling']")).to_have_count(0, timeout=20_000)
    doubled = page.locator("#findings li[data-rule='mechanics.doubled-word']")
    expect(doubled).to_have_count(1, timeout=20_000)
    doubled.locator("button.accept").click()  # a fix after an emoji: UTF-16 and code points differ
    corrected = "According to the CEO 🎉, the plan works.\n"
    expect(page.locator("#copy")).to_have_value(corrected)
    page.fill("#copy", corrected + "\nThe company launched the first industrial blockchain lab in China.\n")
    claim = page.locator("#findings li[data-rule='claims.first-or-only']")
    expect(claim).to_have_count(1, timeout=20_000)
    page.click("#tab-claims")
    expect(page.locator("#claim-list li")).to_have_count(1)
    page.check("#claim-list input")
    expect(page.locator("#ticked")).to_have_text("1")
    page.click("#tab-annotated")
    claim.locator("button.dismiss").click()
    expect(page.locator("#findings li[data-rule='claims.first-or-only']")).to_have_count(0, timeout=20_000)
    page.fill("#copy", corrected)
    expect(page.locator("#findings li")).to_have_count(0, timeout=20_000)
    page.click("#copy-out")
    expect(page.locator("#status")).to_have_text("Corrected text copied.")
    assert page.evaluate("navigator.clipboard.readText()") == corrected
    assert page.seen["errors"] == []


def test_apply_all_safe_fixes_uses_the_fixer(page, service):
    page.fill("#copy", ARTICLE)
    expect(page.locator("#findings li").first).to_be_visible(timeout=20_000)
    page.click("#apply-safe")
    expect(page.locator("#copy")).not_to_have_value(ARTICLE, timeout=20_000)
    fixed = page.locator("#copy").input_value()
    assert "According to Liu Liehong" in fixed and "Accoring" not in fixed


def test_without_the_token_the_page_asks_for_it(browser, service):
    context = browser.new_context()
    page = context.new_page()
    page.goto(service + "/")
    page.fill("#copy", "Accoring to him.")
    expect(page.locator("#status")).to_contain_text("bearer token is required", timeout=20_000)
    expect(page.locator("#token-box")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [390, 1440])
def test_the_page_fits_the_screen_and_shows_the_text_before_the_findings(browser, service, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(service + "/#token=page-token")
    page.fill("#copy", ARTICLE)
    expect(page.locator("#findings li").first).to_be_visible(timeout=20_000)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    text, findings = page.locator("#annotated-text").bounding_box(), page.locator("#findings").bounding_box()
    assert text["y"] < findings["y"] if width == 390 else text["x"] > findings["x"]
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "test-artifacts" / f"serve-{width}.png"), full_page=True)
    context.close()
