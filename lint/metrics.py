"""Readability metrics (textstat) for a document's prose and its parts.

The JSON summary of every file carries `document_metrics`; the readability
rule kind uses the same figures per paragraph and per document, so a
threshold in the configuration means what the summary shows.
"""

from __future__ import annotations

import textstat

from .text import block_sentences, words
from .types import Block

# Blocks whose text is prose for readability purposes (not headings, alt text).
PROSE_KINDS = ("paragraph", "list-item", "quote", "text", "table-cell")


def text_metrics(text: str) -> dict:
    """Word and sentence counts, Flesch reading ease and grade for a text."""
    word_count = len(words(text))
    if not word_count:
        return {}
    sentences = max(1, textstat.sentence_count(text))
    return {
        "words": word_count,
        "sentences": sentences,
        "words_per_sentence": round(word_count / sentences, 1),
        "flesch_reading_ease": round(textstat.flesch_reading_ease(text), 1),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(text), 1),
    }


def block_metrics(block: Block) -> dict:
    """`text_metrics` of one block, computed once."""
    return block.memo("metrics", lambda: text_metrics(block.text))


def sentence_lengths(block: Block) -> list[tuple[int, int, int]]:
    """(start, end, words) for each sentence of a block, computed once."""
    return block.memo("sentence_lengths", lambda: [
        (s.start, s.end, len(words(s.text))) for s in block_sentences(block)])


def document_metrics(blocks: list[Block]) -> dict:
    """Flesch reading ease, grade level and sentence figures for the prose."""
    prose = "\n\n".join(b.text for b in blocks if b.kind in PROSE_KINDS)
    if not prose.strip():
        return {}
    metrics = text_metrics(prose)
    lengths = [n for b in blocks if b.kind in PROSE_KINDS for _, _, n in sentence_lengths(b)]
    if metrics and lengths:
        metrics["longest_sentence_words"] = max(lengths)
    return metrics
