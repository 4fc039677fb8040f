"""How the report page copes with many findings, in headless Chromium: the
seed article repeated N times (N=40: about 1,400 findings), timed to load,
to 'accept safe fixes', and to accept one finding.

    .venv/bin/python bench/report_page.py [N]
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def main(copies: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-report-"))
    text = (REPO / "fixtures" / "article.txt").read_text(encoding="utf-8")
    source = work / "big.txt"
    source.write_text("\n\n".join([text] * copies), encoding="utf-8")
    page_file = work / "big.html"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lint", "report", str(source), "--no-languagetool", "-o", str(page_file)],
                   cwd=REPO, check=True, capture_output=True)
    print(f"report written: {time.perf_counter() - started:.2f} s, {page_file.stat().st_size / 1e6:.1f} MB")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(page_file.as_uri())
        findings = page.locator(".finding-list li").count()
        print(f"page loaded: {time.perf_counter() - started:.2f} s, {findings} findings")
        started = time.perf_counter()
        page.get_by_role("button", name="Accept safe fixes").click()
        decided = page.locator(".decided").inner_text()
        print(f"accept safe fixes: {time.perf_counter() - started:.2f} s ({decided})")
        page.get_by_role("button", name="Clear").click()
        page.get_by_role("button", name="Clear all? Click again").click()
        page.locator("mark.hl:not(.cont)", has_text=re.compile("^worldwidely$")).first.click()
        started = time.perf_counter()
        page.locator(".popover").get_by_role("button", name="Accept “worldwide”").click()
        decided = page.locator(".decided").inner_text()
        print(f"accept one finding: {time.perf_counter() - started:.2f} s ({decided})")
        browser.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
