"""MDX is checked as Markdown with its JSX expressions and ESM lines
skipped (issue 22, scope): a golden fixture with planted errors in prose and
the same words in imports, exports, expressions, attributes and code."""

from __future__ import annotations

import re

from conftest import FIXTURES, check_json

MDX = FIXTURES / "markup" / "article.mdx"
PROTECTED = [
    r"\A---\n.*?\n---\n",                     # front matter
    r"^(?:import|export)\b.*?(?=\n\n)",        # ESM blocks
    r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}",       # JSX expressions, one level of nesting
    r"<[^>\n]+>",                              # JSX tags and their attributes
    r"^```.*?^```", r"`[^`\n]+`",              # code
]


def _summary(findings):
    return [f"{f['line']}:{f['column']} {f['rule']} {f['text']} {'fix' if f['fix'] else 'no-fix'}"
            for f in findings]


def test_planted_prose_errors_are_found_exactly():
    data, proc = check_json(MDX, "--no-languagetool", "--select", "typos")
    assert proc.returncode == 1, proc.stderr
    expected = (FIXTURES / "markup" / "article.mdx.expected").read_text(encoding="utf-8").splitlines()
    assert _summary(data["files"][0]["findings"]) == expected


def test_nothing_in_esm_jsx_or_code_is_flagged():
    source = MDX.read_text(encoding="utf-8")
    regions = [m.span() for p in PROTECTED for m in re.finditer(p, source, re.DOTALL | re.MULTILINE)]
    data, _ = check_json(MDX, "--no-languagetool")
    findings = data["files"][0]["findings"]
    assert findings
    for finding in findings:
        assert finding["text"] == source[finding["start"]:finding["end"]]
        inside = [source[a:b] for a, b in regions if a <= finding["start"] < b]
        assert not inside, f"{finding['rule']} flagged {finding['text']!r} inside {inside[0][:60]!r}"


def test_mdx_files_are_found_when_walking_a_folder(tmp_path):
    (tmp_path / "page.mdx").write_text("import X from 'y'\n\nWe recieve it.\n", encoding="utf-8")
    data, proc = check_json(tmp_path, "--no-languagetool", "--select", "typos")
    assert [f["text"] for f in data["files"][0]["findings"]] == ["recieve"], proc.stderr
