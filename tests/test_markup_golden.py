"""Golden tests: Markdown and HTML articles with planted errors in prose and
the same "errors" in code, URLs, front matter, scripts, styles, attributes,
comments and page chrome. The prose errors are found at their exact source
characters; nothing else is touched."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, check_json

MARKUP = FIXTURES / "markup"

# Where the fixtures hide planted words that must never be flagged, found
# with plain regexes so the test does not trust the segmenters it checks.
MARKDOWN_PROTECTED = [
    r"\A---\n.*?\n---\n",                # front matter
    r"^```.*?^```",                      # fenced code
    r"^    [^\n]*$",                     # indented code
    r"`[^`\n]+`",                        # inline code
    r"<!--.*?-->",                       # comments
    r"<[^>\n]+>",                        # raw HTML tags and autolinks
    r"\]\([^)]*\)",                      # link destinations and titles
    r"https?://\S+",                     # bare URLs
    r"^\[ref\]:[^\n]*$",                  # reference definitions
]
RST_PROTECTED = [
    r"^:(?:Author|Date):[^\n]*$",           # bibliographic fields (front matter)
    r"^\.\. (?!note::)[^\n]*\n(?:\n?   [^\n]*\n)*",  # comments, directives but notes
    r"::\n\n(?:    [^\n]*\n)+",             # literal blocks
    r"``[^`]+``", r":code:`[^`]+`",         # inline literals
    r"<https?://[^>]+>", r"https?://\S+",    # link targets and bare URLs
]
HTML_PROTECTED = [
    r"<head>.*?</head>", r"<pre>.*?</pre>", r"<code>.*?</code>", r"<template>.*?</template>",
    r"<!--.*?-->", r"<[^>]+>", r"<nav.*?</nav>", r"<aside>.*?</aside>", r"<footer.*?</footer>",
    r'<header class="masthead">.*?</header>', r"<p hidden>.*?</p>", r"https?://\S+",
]


def _regions(source: str, patterns) -> list[tuple[int, int]]:
    return [m.span() for p in patterns for m in re.finditer(p, source, re.DOTALL | re.MULTILINE)]


def _golden(name: str) -> list[str]:
    return (MARKUP / f"{name}.expected").read_text(encoding="utf-8").splitlines()


def _summarise(findings) -> list[str]:
    return [f"{f['line']}:{f['column']} {f['rule']} {f['text']} {'fix' if f['fix'] else 'no-fix'}"
            for f in findings]


@pytest.mark.parametrize("name", ["article.md", "article.html", "article.rst"])
def test_planted_prose_errors_are_found_exactly(name):
    data, proc = check_json(MARKUP / name, "--no-languagetool", "--select", "typos")
    assert proc.returncode == 1, proc.stderr
    findings = data["files"][0]["findings"]
    assert _summarise(findings) == _golden(name)


@pytest.mark.parametrize("name,protected", [("article.md", MARKDOWN_PROTECTED),
                                            ("article.html", HTML_PROTECTED),
                                            ("article.rst", RST_PROTECTED)])
def test_no_rule_flags_code_urls_or_markup(name, protected):
    source = (MARKUP / name).read_text(encoding="utf-8")
    data, _ = check_json(MARKUP / name, "--no-languagetool")
    findings = data["files"][0]["findings"]
    assert findings
    regions = _regions(source, protected)
    # Alt text is prose (html.check_alt is on by default).
    alt_texts = [m.span(1) for m in re.finditer(r'(?:alt="|!\[)([^"\]]*)', source)]
    for finding in findings:
        assert finding["text"] == source[finding["start"]:finding["end"]]
        if any(a <= finding["start"] < b for a, b in alt_texts):
            continue
        inside = [source[a:b] for a, b in regions if a <= finding["start"] < b]
        assert not inside, f"{finding['rule']} flagged {finding['text']!r} inside {inside[0][:60]!r}"


@pytest.mark.parametrize("name", ["article.md", "article.html", "article.rst"])
def test_fixes_keep_the_markup(name, tmp_path):
    source = (MARKUP / name).read_text(encoding="utf-8")
    data, _ = check_json(MARKUP / name, "--no-languagetool", "--select", "typos")
    edits = []
    for finding in data["files"][0]["findings"]:
        if finding["fix"] is None:
            # Only a span that crosses an entity or markup, or a reST title
            # (its underline must keep its length), goes without a fix.
            title = name.endswith(".rst") and finding["line"] == 2
            assert title or re.search(r"&\w+;|\\", finding["text"]), finding
            continue
        edits.extend(finding["fix"]["edits"])
    fixed = source
    for edit in sorted(edits, key=lambda e: e["start"], reverse=True):
        assert not set(fixed[edit["start"]:edit["end"]]) & set("<>&*`[]()\\|#")
        fixed = fixed[:edit["start"]] + edit["replacement"] + fixed[edit["end"]:]
    for mark in "<>&*`[]()|#\n":
        assert fixed.count(mark) == source.count(mark), mark
    again = tmp_path / name
    again.write_text(fixed, encoding="utf-8")
    data, _ = check_json(again, "--no-languagetool", "--select", "typos")
    assert all(f["fix"] is None for f in data["files"][0]["findings"])


def test_suppression_comment_still_works_in_every_markup():
    for name in ("article.md", "article.html", "article.rst"):
        data, _ = check_json(MARKUP / name, "--no-languagetool", "--select", "typos")
        assert "occurence" not in [f["text"] for f in data["files"][0]["findings"]], name
