#!/usr/bin/env python3
"""Measure false alarms: built-in findings per 10,000 words of published prose.

    .venv/bin/python scripts/precision.py [CORPUS_DIR] [--sample N] [--severity error]

Checks every Markdown file under CORPUS_DIR (default: ../shared/corpus/rust-book)
with the shipped rules and no LanguageTool, counts the words of prose (code
excluded) and prints error findings per 10,000 words, counts per rule and a
sample of what remains. Clean, edited prose should stay under 1 error per
10,000 words.

Prose comes from the Markdown segmenter (lint/segment/markdown.py). Where
it is not registered, prose is approximated instead (markdown-it finds
paragraphs, headings and list items; inline code, link targets and HTML tags
are cut out); the script says which segmentation it used.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.config.settings import Settings  # noqa: E402
from lint.check.engine import check_document  # noqa: E402
from lint.ruleset.loader import build_ruleset  # noqa: E402
from lint.read import read_document  # noqa: E402
from lint.formats import FORMATS  # noqa: E402
from lint.segment import segment  # noqa: E402
from lint.check.text import words  # noqa: E402
from lint.model import Block, Document, Severity, Span  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "rust-book"
# Cut from approximate prose: inline code, link/image targets, HTML tags.
_NOT_PROSE = re.compile(r"`+[^`]*`+|\]\([^)]*\)|\]\[[^\]]*\]|<[^>\n]+>|^\s*\[[^\]]+\]:.*$", re.M)


def approximate_markdown_blocks(document: Document) -> list[Block]:
    """Prose blocks of a Markdown file without the real segmenter (approximate)."""
    from markdown_it import MarkdownIt

    text = document.text
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks, kind = [], "paragraph"
    for token in tokens:
        if token.type in ("heading_open", "paragraph_open"):
            kind = "heading" if token.type == "heading_open" else "paragraph"
        if token.type != "inline" or not token.map:
            continue
        start = line_starts[token.map[0]]
        end = line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(text)
        blocks.append(_block_without_code(text, start, end, kind))
    return [b for b in blocks if b.text.strip()]


def _block_without_code(text: str, start: int, end: int, kind: str) -> Block:
    pieces, spans, cursor, out = [], [], start, 0
    chunk = text[start:end]
    # Strip Markdown line prefixes (#, >, list markers) from the block start.
    lead = re.match(r"\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)?", chunk).end()
    cursor = start + lead
    for match in _NOT_PROSE.finditer(text, cursor, end):
        piece = text[cursor:match.start()]
        spans.append(Span(out, cursor, len(piece)))
        pieces.append(piece + " ")
        out += len(piece) + 1
        cursor = match.end()
    piece = text[cursor:end].rstrip()
    spans.append(Span(out, cursor, len(piece)))
    pieces.append(piece)
    return Block("".join(pieces), kind, tuple(s for s in spans if s.length))


def prose_blocks(document: Document) -> tuple[list[Block], str]:
    """The document's prose blocks and the name of the segmentation used."""
    if "markdown" in FORMATS:
        return segment(document, Settings()), "lint/segment/markdown.py"
    return approximate_markdown_blocks(document), "approximation (markdown-it, code cut out)"


def prose_words(blocks: list[Block]) -> int:
    """Words of prose in these blocks (code is not in them): the corpus size
    every per-10,000-words figure divides by (scripts/accuracy.py uses it too)."""
    return sum(len(words(b.text)) for b in blocks)


def main(argv=None) -> int:
    """Print the figures and a sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=15, help="findings to show (default 15)")
    parser.add_argument("--severity", default="error", help="lowest severity sampled (default error)")
    args = parser.parse_args(argv)
    floor = Severity.parse(args.severity)
    ruleset = build_ruleset(Settings())
    total_words, by_rule, sample, how = 0, collections.Counter(), [], ""
    by_severity = collections.Counter()
    for path in sorted(args.corpus.rglob("*.md")):
        document = read_document(path)
        blocks, how = prose_blocks(document)
        document.blocks = blocks
        total_words += prose_words(blocks)
        findings, _ = check_document(document, blocks, ruleset)
        for finding in findings:
            by_severity[finding.severity] += 1
            if finding.severity >= floor:
                by_rule[finding.rule] += 1
                sample.append((path.name, document.text, finding))
    errors = by_severity[Severity.ERROR]
    print(f"corpus: {args.corpus} ({total_words} words of prose)")
    print(f"segmentation: {how}")
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        count = by_severity[severity]
        print(f"{severity}: {count} findings, {count * 10000 / max(1, total_words):.2f} per 10,000 words")
    print(f"error findings per 10,000 words: {errors * 10000 / max(1, total_words):.2f}")
    print(f"by rule (severity >= {floor}):")
    for rule, count in by_rule.most_common():
        print(f"  {count:5d}  {rule}")
    step = max(1, len(sample) // max(1, args.sample))
    print("sample:")
    for name, text, finding in sample[::step][:args.sample]:
        context = text[max(0, finding.start - 40):finding.end + 40].replace("\n", " ")
        print(f"  {name}: {finding.rule} [{text[finding.start:finding.end]}] …{context}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
