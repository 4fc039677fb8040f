"""`copydesk audit-report` on real audit results: the counts are those the
audit wrote, and the page's chart is drawn in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from audithelp import audit_documents, audit_findings, make_archive
from conftest import run_copydesk

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    made = make_archive(folder / "archive", 150, seed=9)
    proc = run_copydesk("audit", made["jsonl"], "--out", folder / "r", "--no-languagetool", "--no-cache",
                        "--jobs", "2", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    proc = run_copydesk("audit-report", folder / "r", "-o", folder / "summary.html", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return folder / "summary.html", folder / "r"


def test_the_counts_are_those_of_the_results(page):
    html_path, results = page
    html = html_path.read_text(encoding="utf-8")
    findings = audit_findings(results)
    assert f"{len(findings):,} findings" in html
    table = html[html.index('id="by-rule"'):html.index("</table>", html.index('id="by-rule"'))]
    counts = [int(n.replace(",", "")) for n in re.findall(r'<td class="n">([\d,]+)</td><td', table)]
    assert sum(counts) == len(findings)
    worst = max(audit_documents(results), key=lambda d: (d["errors"], d["findings"]))
    assert f'<a href="#doc-1">{worst["doc_id"]}</a>' in html


def test_the_chart_is_drawn_in_a_browser(page, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no Chromium (scripts/install-browser)")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        tab = browser.new_page()
        tab.goto(page[0].as_uri())
        tab.wait_for_function("document.querySelector('.bk-Figure, .bk-Canvas') !== null", timeout=30000)
        months = tab.evaluate("Bokeh.documents[0].roots()[0].x_range.factors")
        browser.close()
    assert months == sorted(months) and all(re.fullmatch(r"20\d\d-\d\d", m) for m in months)


def test_a_folder_without_results_is_refused(tmp_path):
    proc = run_copydesk("audit-report", tmp_path, "-o", tmp_path / "x.html", cwd=tmp_path)
    assert proc.returncode == 2 and "holds no audit results" in proc.stderr
