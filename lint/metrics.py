"""Readability metrics (textstat) for a document's prose and its parts.

The JSON summary of every file carries `document_metrics`; the readability
rule kind uses the same figures per paragraph and per document, so a
threshold in the configuration means what the summary shows. Each block is
measured once (words, sentences, syllables, kept in `Block.memo`); a
document's scores come from the sums, so nothing is counted twice.
"""

from __future__ import annotations

from functools import lru_cache

from .text import block_sentences, split_sentences, words
from .types import Block

# Blocks whose text is prose for readability purposes (not headings, alt text).
PROSE_KINDS = ("paragraph", "list-item", "quote", "text", "table-cell")


def _counts(text: str, sentence_count: int) -> tuple[int, int, int]:
    """(words, sentences, syllables) of a text."""
    word_count = len(words(text))
    if not word_count:
        return 0, 0, 0
    return word_count, max(1, sentence_count), syllable_count(text)


def syllable_count(text: str) -> int:
    """textstat's syllable count, with each distinct word hyphenated once.

    textstat lower-cases, strips punctuation, splits on white space and asks
    pyphen about every word; doing the same split here and caching per word
    gives identical counts at a fraction of the cost on long documents.
    """
    import textstat  # imported on first use: it costs ~0.3 s and cached runs never need it

    cleaned = textstat.remove_punctuation(text.lower())
    return sum(_word_syllables(word) for word in cleaned.split())


@lru_cache(maxsize=100_000)
def _word_syllables(word: str) -> int:
    import textstat

    return textstat.syllable_count(word)


def _scores(word_count: int, sentences: int, syllables: int) -> dict:
    """Flesch reading ease and Flesch-Kincaid grade from the counts (textstat's formulas)."""
    if not word_count:
        return {}
    per_sentence = word_count / sentences
    per_word = syllables / word_count
    return {
        "words": word_count,
        "sentences": sentences,
        "words_per_sentence": round(per_sentence, 1),
        "flesch_reading_ease": round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
        "flesch_kincaid_grade": round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
    }


def text_metrics(text: str) -> dict:
    """Word and sentence counts, Flesch reading ease and grade for a text."""
    return _scores(*_counts(text, len(split_sentences(text))))


def block_counts(block: Block) -> tuple[int, int, int]:
    """(words, sentences, syllables) of one block, computed once."""
    return block.memo("readability_counts", lambda: _counts(block.text, len(block_sentences(block))))


def block_metrics(block: Block) -> dict:
    """`text_metrics` of one block, computed once."""
    return _scores(*block_counts(block))


def sentence_lengths(block: Block) -> list[tuple[int, int, int]]:
    """(start, end, words) for each sentence of a block, computed once."""
    return block.memo("sentence_lengths", lambda: [
        (s.start, s.end, len(words(s.text))) for s in block_sentences(block)])


def document_metrics(blocks: list[Block]) -> dict:
    """Flesch reading ease, grade level and sentence figures for the prose."""
    prose = [b for b in blocks if b.kind in PROSE_KINDS]
    totals = [sum(column) for column in zip(*(block_counts(b) for b in prose))] or [0, 0, 0]
    metrics = _scores(*totals)
    lengths = [n for b in prose for _, _, n in sentence_lengths(b)]
    if metrics and lengths:
        metrics["longest_sentence_words"] = max(lengths)
    return metrics
