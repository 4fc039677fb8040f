"""The HTML report in real headless Chromium (Debian's chromium, driven by
Playwright): highlights, details, filters, keyboard, claims, print, and a
malicious document that must not run any code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from conftest import FIXTURES, ROOT, check_json, run_copydesk
from test_report import MALICIOUS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
CLAIM_RULES = (
    "pack: claimcheck\nrules:\n"
    "  - {id: first, kind: existence, severity: warning, category: claims,"
    " message: 'Verify this first', patterns: ['\\bthe first\\b']}\n"
    "  - {id: utility, kind: existence, severity: error, category: facts,"
    " message: 'Check what CETC is', patterns: ['electricity utility']}\n")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run ./scripts/install-browser")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    """A fresh report of the seed article, and the JSON findings of the same run."""
    out = tmp_path_factory.mktemp("report") / "article.html"
    proc = run_copydesk("report", FIXTURES / "article.txt", "--unsafe-fixes", "-o", out)
    assert proc.returncode == 0, proc.stderr
    data, _ = check_json(FIXTURES / "article.txt")
    return out, data["files"][0]["findings"]


class Watched:
    """A page plus everything it tried to do behind the reader's back."""

    def __init__(self, browser, path: Path, context=None):
        self.context = context or browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests, self.console, self.dialogs = [], [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())

    def shown_count(self) -> str:
        return self.page.locator(".shown").inner_text()


def test_report_highlights_every_finding_and_shows_details_on_click(browser, article):
    path, findings = article
    watched = Watched(browser, path)
    page = watched.page
    assert findings, "the seed article has findings"
    assert page.locator("mark.hl:not(.cont)").count() == len(findings)
    assert page.locator(".finding-list li").count() == len(findings)
    popover = page.locator(".popover")
    assert popover.is_hidden()
    target = next(f for f in findings if f["text"] == "Accoring")
    mark = page.locator("mark.hl:not(.cont)", has_text=re.compile(r"^Accoring$"))
    mark.click()
    assert popover.is_visible()
    details = popover.inner_text()
    assert target["message"] in details and target["rule"] in details
    assert "According" in details and "Why it matters" in details
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-article.png"))
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    # Nothing loaded but the file itself, and the CSP let the page's own code run.
    assert watched.requests == [path.as_uri()]
    assert watched.console == [], watched.console


CONTRAST_JS = """selector => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return Array.from(document.querySelectorAll(selector)).filter(el => el.getClientRects().length)
    .map(el => {
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
      return [(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), el.tagName + '.' + el.className];
    });
}"""


@pytest.mark.parametrize("tab", ["Annotated", "Claims to verify", "Redline", "Readability"])
def test_text_meets_aa_contrast(browser, article, tab):
    path, _ = article
    page = Watched(browser, path).page
    page.get_by_role("button", name=re.compile("Accept (safe|suggested) fixes")).click()
    page.get_by_role("tab", name=re.compile(tab)).click()
    page.locator("mark.hl:not(.cont)").first.click() if tab == "Annotated" else None
    ratios = page.evaluate(CONTRAST_JS, "body *:not(script):not(style)")
    assert len(ratios) > 50
    poor = sorted({name for ratio, name in ratios if ratio < 4.5})
    assert not poor, poor


def test_filters_hide_findings_and_update_the_counts(browser, article):
    path, findings = article
    page = Watched(browser, path).page
    total = len(findings)
    errors = sum(1 for f in findings if f["severity"] == "error")
    assert page.locator(".shown").inner_text() == f"Showing {total} of {total} findings"
    page.locator('.filters input[name="sev"][value="error"]').uncheck()
    assert page.locator(".shown").inner_text() == f"Showing {total - errors} of {total} findings"
    assert page.locator(".finding-list li:visible").count() == total - errors
    assert page.locator("mark.hl.is-off:not(.cont)").count() == errors
    page.screenshot(path=str(ARTIFACTS / "report-article-filtered.png"))
    category = findings[0]["category"]
    page.locator('.filters input[name="sev"][value="error"]').check()
    page.locator(f'.filters input[name="cat"][value="{category}"]').uncheck()
    in_category = sum(1 for f in findings if f["category"] == category)
    assert page.locator(".shown").inner_text() == f"Showing {total - in_category} of {total} findings"


def test_keyboard_moves_between_findings_with_a_visible_focus(browser, article):
    path, findings = article
    page = Watched(browser, path).page
    page.locator("body").press("n")
    focused = page.evaluate("document.activeElement.getAttribute('data-f')")
    first = page.locator("mark.hl:not(.cont)").first
    assert focused == first.get_attribute("data-f")
    assert page.locator(".popover").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), outline
    if len(findings) > 1:
        page.keyboard.press("n")
        second = page.locator("mark.hl:not(.cont)").nth(1).get_attribute("data-f")
        assert page.evaluate("document.activeElement.getAttribute('data-f')") == second
    page.keyboard.press("Escape")
    assert page.locator(".popover").is_hidden()
    tab = page.locator('[role="tab"]').first
    tab.focus()
    page.keyboard.press("ArrowRight")
    assert page.locator('[role="tab"][aria-selected="true"]').inner_text().startswith("Claims")


def test_corrected_edition_and_redline_follow_the_accepted_fixes(browser, article):
    path, findings = article
    page = Watched(browser, path).page
    page.get_by_role("tab", name="Corrected edition").click()
    assert page.locator(".edition").is_hidden()
    assert page.locator(".edition-state").inner_text().startswith("No changes yet")
    page.get_by_role("button", name="Accept suggested fixes").click()  # the report was made --unsafe-fixes
    fixable = sum(1 for f in findings if f.get("fix"))
    assert page.locator(".decided").inner_text().startswith(f"{fixable} accepted")
    edition = page.evaluate("document.querySelector('.edition').textContent")
    assert "Accoring" not in edition and "enterprises are" in edition
    page.get_by_role("tab", name="Redline").click()
    assert page.locator(".redline del", has_text="Accoring").first.is_visible()
    assert page.locator(".redline ins", has_text="According").first.is_visible()
    kept_and_inserted = page.evaluate("""() => Array.from(document.querySelector('.redline').childNodes)
        .filter(n => n.nodeName !== 'DEL').map(n => n.textContent).join('')""")
    assert kept_and_inserted == edition
    assert page.locator(".changes tbody tr").count() >= fixable  # a row per edit; a fix may have two
    page.get_by_role("tab", name="Readability").click()
    assert page.locator(".scores").inner_text().startswith("Flesch reading ease")


def test_claims_ticks_survive_a_reload(browser, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "claims.yaml").write_text(CLAIM_RULES, encoding="utf-8")
    out = tmp_path / "claims.html"
    proc = run_copydesk("report", FIXTURES / "article.txt", "--no-languagetool", "--rules-dir", rules,
                        "-o", out)
    assert proc.returncode == 0, proc.stderr
    watched = Watched(browser, out)
    page = watched.page
    page.get_by_role("tab", name=re.compile("Claims to verify")).click()
    items = page.locator(".claims li")
    assert items.count() >= 3  # 'the first' twice, 'electricity utility' once
    assert "the state-owned electricity utility monopoly" in page.locator(".claims").inner_text()
    items.nth(1).locator("input").check()
    assert page.locator(".tally").inner_text().startswith("1 of")
    page.reload()
    page.get_by_role("tab", name=re.compile("Claims to verify")).click()
    assert page.locator(".claims li input").nth(1).is_checked()
    assert not page.locator(".claims li input").nth(0).is_checked()


def test_print_shows_every_section_without_the_controls(browser, article):
    path, findings = article
    page = Watched(browser, path).page
    page.get_by_role("button", name="Accept suggested fixes").click()
    page.emulate_media(media="print")
    for selector in (".edition", ".redline", ".scores", ".cards"):
        assert page.locator(selector).first.is_visible(), selector
    assert page.locator(".tablist").is_hidden() and page.locator(".filters").is_hidden()
    assert page.locator(".decisions-bar").is_hidden()
    assert page.locator(".cards .card").count() == len(findings)
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.parametrize("suffix", [".txt", ".html", ".md"])
def test_malicious_document_runs_no_code(browser, tmp_path, suffix):
    doc = tmp_path / f"evil{suffix}"
    doc.write_text(MALICIOUS, encoding="utf-8")
    out = tmp_path / "evil-report.html"
    proc = run_copydesk("report", doc, "--no-languagetool", "-o", out)
    assert proc.returncode == 0, proc.stderr
    watched = Watched(browser, out)
    page = watched.page
    for mark in page.locator("mark.hl:not(.cont)").all():
        # Dispatched, not a pointer click: the open popover may cover the next
        # mark ("javascript" in the .txt is flagged next to "goverment").
        mark.dispatch_event("click")
    for tab in page.locator('[role="tab"]').all():
        tab.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script").count() == 1 and page.locator('a[href^="javascript:"]').count() == 0
    assert not page.evaluate("""() => Array.from(document.querySelectorAll('*'))
        .some(e => Array.from(e.attributes).some(a => a.name.startsWith('on')))""")
    # Second line of defence: even markup injected at run time cannot run.
    page.evaluate("""() => {
        document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__pwned = 9">');
        const s = document.createElement('script'); s.textContent = 'window.__pwned = 8';
        document.body.append(s);
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == []
    assert not [m for m in watched.console if "pwned" in m and "Content Security Policy" not in m]
    assert page.url == out.as_uri()
    assert all(url.startswith("file://") for url in watched.requests)
    if suffix == ".txt":  # plain text shows the attack as the words it is
        assert "<script>window.__pwned = 1" in page.locator(".doc-text").inner_text()
