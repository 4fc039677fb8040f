"""Readability metrics (textstat) for a document's prose."""

from __future__ import annotations

import textstat

from .types import Block


def document_metrics(blocks: list[Block]) -> dict:
    """Flesch reading ease, grade level and sentence figures for the prose."""
    prose = "\n\n".join(b.text for b in blocks if b.kind != "heading")
    if not prose.strip():
        return {}
    words = textstat.lexicon_count(prose)
    sentences = max(1, textstat.sentence_count(prose))
    return {
        "words": words,
        "sentences": sentences,
        "words_per_sentence": round(words / sentences, 1),
        "flesch_reading_ease": round(textstat.flesch_reading_ease(prose), 1),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(prose), 1),
    }
