"""The rust-book docs tree (112 Markdown files, code-heavy): every built-in
rule runs over it and no finding lands in code, a URL or a tag."""

from __future__ import annotations

import re
import time

import pytest
from markdown_it import MarkdownIt

from conftest import SHARED
from lint.run.pipeline import CommandLine, Linter
from lint.read import read_document
from lint.segment import segment

RUST_BOOK = SHARED / "corpus" / "rust-book"
pytestmark = pytest.mark.skipif(not RUST_BOOK.is_dir(), reason="shared rust-book corpus not present")

_INLINE_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_LINK_OR_TAG_RE = re.compile(r"\]\([^)]*\)|<[^>\n]+>|https?://\S+")
_ALT_RE = re.compile(r'alt="([^"]*)"')


def _protected(source: str) -> list[tuple[int, int]]:
    """Code blocks (by markdown-it's line map), inline code, link targets, tags."""
    starts = [0]
    for line in source.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    regions = [(starts[t.map[0]], starts[t.map[1]]) for t in MarkdownIt("commonmark").parse(source)
               if t.type in ("fence", "code_block") and t.map]
    regions += [m.span() for m in _INLINE_CODE_RE.finditer(source)]
    alts = [m.span(1) for m in _ALT_RE.finditer(source)]  # alt text is prose
    regions += [span for m in _LINK_OR_TAG_RE.finditer(source)
                for span in _minus(m.span(), alts)]
    return regions


def _minus(span, holes):
    start, end = span
    for hole_start, hole_end in holes:
        if start <= hole_start and hole_end <= end:
            yield start, hole_start
            start = hole_end
    yield start, end


def test_rust_book_has_no_finding_inside_code():
    linter = Linter(CommandLine(), use_sources=False)
    files = sorted(RUST_BOOK.rglob("*.md"))
    words = findings = 0
    for path in files:
        result = linter.lint_file(path)
        source = result.document.text
        words += sum(len(block.text.split()) for block in result.document.blocks)
        regions = _protected(source)
        for finding in result.findings:
            findings += 1
            assert 0 <= finding.start <= finding.end <= len(source)
            inside = [source[a:b] for a, b in regions if a <= finding.start < b]
            assert not inside, f"{path.name}: {finding.rule} in {inside[0][:80]!r}"
    print(f"\nrust-book: {len(files)} files, {words} prose words, {findings} findings, "
          f"{findings * 10000 / words:.1f} per 10,000 words")
    assert words > 100_000


def test_rust_book_segments_quickly():
    documents = [read_document(path) for path in sorted(RUST_BOOK.rglob("*.md"))]
    started = time.process_time()
    for document in documents:
        segment(document)
    # About 1.1 s of CPU here; the bound leaves room for slower machines.
    assert time.process_time() - started < 4.0
