"""The HTML report without a browser: layout of overlapping findings,
escaping, the CSP, directory mode, determinism and the committed report."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, run_copydesk
from lint.report.layout import lay_out
from lint.model import Block, Span

MALICIOUS = (
    "Breaking news <script>window.__pwned = 1; alert('x')</script> today.\n\n"
    "<img src=x onerror=\"window.__pwned = 2\"> Click <a href=\"javascript:window.__pwned=3\">here</a>"
    " and <svg onload=\"console.log('pwned')\"></svg> \"><script>alert(1)</script> ends.\n\n"
    "Their goverment recieved the report.\n"
)


class Mark:
    """A stand-in for a finding view: only what the layout reads."""

    def __init__(self, order: int, start: int, end: int):
        self.order, self.start, self.end = order, start, end


class Tags(HTMLParser):
    """Collects start/end tags to check well-formed <mark> nesting."""

    def __init__(self):
        super().__init__()
        self.depth, self.max_depth, self.opened, self.closed = 0, 0, [], 0
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
            self.opened.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag == "mark":
            self.depth -= 1
            self.closed += 1
            self.balanced &= self.depth >= 0


@st.composite
def text_and_marks(draw):
    words = draw(st.lists(st.sampled_from(["one", "two", "three", ",", ".", " ", "\n", "\n\n"]),
                          min_size=1, max_size=40))
    text = "".join(words)
    count = draw(st.integers(0, 8))
    marks = []
    for order in range(count):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 25)))
        marks.append(Mark(order, start, end))
    return text, marks


def blocks_with_markup(text: str) -> list[Block]:
    """One block a line; a line's middle character plays hidden markup (like `*`)."""
    blocks = []
    for line in re.finditer(r"\S[^\n]*", text):
        middle = len(line.group()) // 2
        if len(line.group()) < 3:
            blocks.append(Block.verbatim(line.group(), line.start(), "paragraph"))
            continue
        first, second = line.group()[:middle], line.group()[middle + 1:]
        blocks.append(Block(first + "_" + second, "paragraph", (
            Span(0, line.start(), len(first)), Span(len(first) + 1, line.start() + middle + 1, len(second)))))
    return blocks


@settings(max_examples=300, deadline=None)
@given(text_and_marks())
def test_overlapping_findings_each_get_one_primary_mark_and_text_is_kept(case):
    text, marks = case
    chunks = lay_out(text, blocks_with_markup(text), marks)
    primaries = [t.mark for c in chunks for t in c.tokens if t.kind in ("open", "point") and not t.continuation]
    assert sorted(m.order for m in primaries) == [m.order for m in marks]
    for chunk in chunks:
        depth = 0
        for token in chunk.tokens:
            depth += {"open": 1, "close": -1}.get(token.kind, 0)
            assert depth >= 0
        assert depth == 0
        source = "".join(t.text for t in chunk.tokens if t.kind in ("text", "markup"))
        assert source == text[chunk.start:chunk.end]
        assert all(len(t.text) == 1 for t in chunk.tokens if t.kind == "markup")
        assert sum(t.kind in ("decoded", "code") for t in chunk.tokens) == len(chunk.hidden)


def report_with_rules(tmp_path: Path, rules_yaml: str, text: str) -> str:
    """The report of `text` checked with only the built-in rules plus `rules_yaml`."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "extra.yaml").write_text(rules_yaml, encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    proc = run_copydesk("report", doc, "--no-languagetool", "--rules-dir", rules, "-o", out)
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


def test_crossing_findings_render_as_well_formed_nested_marks(tmp_path):
    html = report_with_rules(
        tmp_path, "pack: overlap\nrules:\n"
        "  - {id: ab, kind: existence, severity: warning, category: style, message: 'A B', patterns: ['alpha beta']}\n"
        "  - {id: bc, kind: existence, severity: info, category: claims, message: 'B C', patterns: ['beta gamma']}\n"
        "  - {id: b, kind: existence, severity: error, category: facts, message: 'B', patterns: ['beta']}\n",
        "We saw alpha beta gamma delta here.\n")
    tags = Tags()
    tags.feed(html)
    primary = [a for a in tags.opened if "cont" not in a["class"].split() and "data-f" in a]
    assert len(primary) == 3 and tags.balanced and tags.closed == len(tags.opened)
    assert tags.max_depth >= 2  # 'beta' sits inside 'alpha beta'
    assert any("cont" in a["class"].split() for a in tags.opened)  # 'beta gamma' crosses it


def test_document_text_is_escaped_and_policy_pins_the_inline_code(tmp_path):
    doc = tmp_path / "evil.txt"
    doc.write_text(MALICIOUS, encoding="utf-8")
    out = tmp_path / "evil.html"
    assert run_copydesk("report", doc, "--no-languagetool", "-o", out).returncode == 0
    html = out.read_text(encoding="utf-8")
    # The page data (the document as JSON, for the decisions script) is escaped text: no tag inside.
    data = re.search(r'<div class="page-data" hidden>([^<]*)</div>', html)
    assert data and "window.__pwned" in data.group(1)
    html = html.replace(data.group(0), "")
    assert "&lt;script&gt;window.__pwned" in html
    assert html.count("<script") == 1  # only the report's own script
    assert "onerror=" not in html.replace("onerror=&#34;", "") and "<img" not in html and "<svg" not in html
    assert 'href="javascript:' not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp, tag
    assert not re.search(r"\s(src|href)=\"(https?:)?//", html)  # nothing to fetch


def test_directory_mode_writes_a_page_per_document_and_an_index_worst_first(tmp_path):
    (tmp_path / "clean.txt").write_text("The committee met on Tuesday.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Their goverment recieved it. Accoring to them, it occured.\n",
                                      encoding="utf-8")
    (tmp_path / "some.txt").write_text("The goverment met.\n", encoding="utf-8")
    out = tmp_path / "site"
    proc = run_copydesk("report", tmp_path / "clean.txt", tmp_path / "some.txt", tmp_path / "bad.txt",
                        "--no-languagetool", "-o", f"{out}/")
    assert proc.returncode == 0, proc.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<td><a href="([^"]+)">', index)
    assert links == ["bad.txt.html", "some.txt.html", "clean.txt.html"]
    for link in links:
        page = (out / link).read_text(encoding="utf-8")
        assert page.count('class="doc-report"') == 1 and '<a href="index.html">' in page
    assert len(list(out.glob("*.html"))) == 4


def test_several_files_to_one_page_hold_each_document_with_an_index(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Their goverment met.\n", encoding="utf-8")
    out = tmp_path / "all.html"
    proc = run_copydesk("report", tmp_path / "a.txt", tmp_path / "b.txt", "--no-languagetool", "-o", out)
    html = out.read_text(encoding="utf-8")
    assert proc.returncode == 0 and html.count('class="doc-report"') == 2
    assert 'href="#d1"' in html and 'href="#d2"' in html
    assert len(set(re.findall(r'\sid="([^"]+)"', html))) == len(re.findall(r'\sid="([^"]+)"', html))


def test_claims_checklist_lists_claims_and_facts_with_their_sentence(tmp_path):
    html = report_with_rules(
        tmp_path, "pack: claimcheck\nrules:\n"
        "  - {id: first, kind: existence, severity: warning, category: claims, message: 'Verify a first',"
        " patterns: ['\\bthe first\\b']}\n",
        "Intro line here.\n\nIt is the first lab in Asia. Nothing else.\n")
    claims = html.split('class="claims"')[1].split("</ol>")[0]
    assert 'type="checkbox"' in claims and "Verify a first" in claims
    assert re.search(r"<q>It is <mark[^>]*>the first</mark> lab in Asia\.</q>", claims)


def test_missing_file_is_one_line_error(tmp_path):
    proc = run_copydesk("report", tmp_path / "nope.txt", "-o", tmp_path / "r.html")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "no such file" in proc.stderr


def test_rendering_is_deterministic(tmp_path):
    first = run_copydesk("report", "fixtures/article.txt", "--no-languagetool").stdout
    second = run_copydesk("report", "fixtures/article.txt", "--no-languagetool").stdout
    assert first and first == second


def test_committed_report_is_fresh(tmp_path):
    """reports/article.html equals what ./scripts/regenerate-reports makes now."""
    proc = subprocess.run([str(ROOT / "scripts" / "regenerate-reports"), str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    fresh = (tmp_path / "article.html").read_text(encoding="utf-8")
    committed = (ROOT / "reports" / "article.html").read_text(encoding="utf-8")
    assert committed == fresh, "reports/article.html is stale: run ./scripts/regenerate-reports"
