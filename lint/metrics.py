"""Readability metrics (textstat) for a document's prose and its parts.

The JSON summary of every file carries `document_metrics`; the readability
rule kind uses the same figures per paragraph and per document, so a
threshold in the configuration means what the summary shows. Each block is
measured once (words, sentences, syllables, kept in `Block.memo`); a
document's scores come from the sums, so nothing is counted twice.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .datacache import cache_directory, package_stamp
from .text import block_sentences, split_sentences
from .text import word_count as count_words
from .types import Block

# Blocks whose text is prose for readability purposes (not headings, alt text).
PROSE_KINDS = ("paragraph", "list-item", "quote", "text", "table-cell")


def _counts(text: str, sentence_count: int) -> tuple[int, int, int]:
    """(words, sentences, syllables) of a text."""
    word_count = count_words(text)
    if not word_count:
        return 0, 0, 0
    return word_count, max(1, sentence_count), syllable_count(text)


# textstat's remove_punctuation as configured by default (0.7.x): every
# character but letters, digits and white space goes, apostrophes too.
_PUNCTUATION = re.compile(r"[^\w\s]")


def syllable_count(text: str) -> int:
    """textstat's syllable count, with each distinct word hyphenated once.

    textstat lower-cases, strips punctuation, splits on white space and asks
    pyphen about every word; doing the same split here and looking each word
    up in the syllable table gives identical counts at a fraction of the cost.
    """
    words = _PUNCTUATION.sub("", text.lower()).split()
    try:  # every word seen before: dictionary look-ups at C speed
        return sum(map(SYLLABLES.known().__getitem__, words))
    except KeyError:
        return sum(map(SYLLABLES.count, words))


class SyllableTable:
    """textstat's syllable count of each word, kept between runs.

    Importing textstat costs ~0.4 s a process (pkg_resources, then pyphen
    parsing its hyphenation patterns): more than checking a whole book. Words
    counted once are kept in the user's cache, one "word count" line each,
    in a file named after the installed textstat and pyphen files; a run whose
    words were all seen before never imports textstat. Lines are only ever
    appended, in one write(2) per document, so processes running side by
    side at worst count a word twice; an unreadable or unwritable file just
    means counting again.
    """

    def __init__(self):
        self._counts: dict[str, int] | None = None
        self._learned: dict[str, int] = {}
        self._path: Path | None = None

    def known(self) -> dict[str, int]:
        """Every word counted so far (read from the table file on first use)."""
        return self._counts if self._counts is not None else self._load()

    def count(self, word: str) -> int:
        """Syllables of one lower-case, punctuation-free word."""
        counts = self._counts if self._counts is not None else self._load()
        found = counts.get(word)
        if found is None:
            import textstat  # only for words never seen on this machine

            found = counts[word] = self._learned[word] = textstat.syllable_count(word)
        return found

    def save(self) -> None:
        """Append the words learnt since the last save to the table file."""
        if not self._learned or self._path is None:
            return
        lines = "".join(f"{word} {count}\n" for word, count in self._learned.items()).encode("utf-8")
        self._learned.clear()
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            # One write(2) on an O_APPEND descriptor: workers appending at the
            # same time never interleave their lines (a buffered file would
            # split a long batch, and a torn line could pair a word with
            # another word's count).
            descriptor = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(descriptor, lines)
            finally:
                os.close(descriptor)
        except OSError:
            pass  # a cache: counting again next time is the only cost

    def _load(self) -> dict[str, int]:
        # Named after the files the counts come from: an upgrade starts a new table.
        stamp = package_stamp("textstat", "textstat.py") + package_stamp(
            "pyphen", "__init__.py", "dictionaries/hyph_en_US.dic")
        self._path = cache_directory() / "syllables" / f"{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.txt"
        counts: dict[str, int] = {}
        try:
            fields = self._path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            fields = []
        for line in fields:
            word, _, count = line.partition(" ")
            if count.isdigit():  # a line cut short by a crash is skipped
                counts[word] = int(count)
        self._counts = counts
        return counts


SYLLABLES = SyllableTable()


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
    def counts():
        # Sentences split the text only at white space, which no word
        # crosses: the block's words are its sentences' words.
        word_count = sum(n for _, _, n in sentence_lengths(block))
        if not word_count:
            return 0, 0, 0
        return word_count, max(1, len(block_sentences(block))), syllable_count(block.text)

    return block.memo("readability_counts", counts)


def block_metrics(block: Block) -> dict:
    """`text_metrics` of one block, computed once."""
    return _scores(*block_counts(block))


def sentence_lengths(block: Block) -> list[tuple[int, int, int]]:
    """(start, end, words) for each sentence of a block, computed once."""
    return block.memo("sentence_lengths", lambda: [
        (s.start, s.end, count_words(s.text)) for s in block_sentences(block)])


def document_metrics(blocks: list[Block]) -> dict:
    """Flesch reading ease, grade level and sentence figures for the prose."""
    prose = [b for b in blocks if b.kind in PROSE_KINDS]
    totals = [sum(column) for column in zip(*(block_counts(b) for b in prose))] or [0, 0, 0]
    metrics = _scores(*totals)
    lengths = [n for b in prose for _, _, n in sentence_lengths(b)]
    if metrics and lengths:
        metrics["longest_sentence_words"] = max(lengths)
    return metrics
