"""Readability metrics (textstat) for a document's prose and its parts.

The JSON summary of every file carries `document_metrics`; the readability
rule kind uses the same figures per paragraph and per document, so a
threshold in the configuration means what the summary shows. Each block is
measured once (words, sentences, syllables, kept in `Block.memo`); a
document's scores come from the sums, so nothing is counted twice.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lint.check.text import Sentence, block_sentences, split_sentences
from lint.check.text import word_count as count_words
from lint.model import PROSE_KINDS, Block
from lint.store.datacache import AppendOnlyTable, package_stamp

# Blocks whose text is prose for readability purposes (not headings, alt text).


def _counts(text: str, sentence_count: int) -> tuple[int, int, int]:
    """(words, sentences, syllables) of a text."""
    word_count, syllables = TOKENS.counts(text)
    if not word_count:
        return 0, 0, 0
    return word_count, max(1, sentence_count), syllables


# textstat's remove_punctuation as configured by default (0.7.x): every
# character but letters, digits and white space goes, apostrophes too.
_PUNCTUATION = re.compile(r"[^\w\s]")
# Punctuation that often leads or trails a word; none of it can be part of one.
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,:;!?*`"


def syllable_count(text: str) -> int:
    """textstat's syllable count, with each distinct word hyphenated once
    (see `TokenCounts`)."""
    return TOKENS.counts(text)[1]


def _syllables_stamp() -> str:
    # Named after the files the counts come from: an upgrade starts a new table.
    return package_stamp("textstat", "textstat.py") + package_stamp(
        "pyphen", "__init__.py", "dictionaries/hyph_en_US.dic")


def _syllables_entry(line: str) -> tuple[str, int] | None:
    word, _, count = line.partition(" ")
    return (word, int(count)) if count.isdigit() else None  # a line cut short by a crash is skipped


class SyllableTable(AppendOnlyTable[int]):
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
        super().__init__("syllables", _syllables_stamp, lambda word, count: f"{word} {count}\n", _syllables_entry)

    def count(self, word: str) -> int:
        """Syllables of one lower-case, punctuation-free word."""
        found = self.known().get(word)
        return found if found is not None else self.learn(word, _textstat().syllable_count(word))


def _textstat():
    """textstat, imported only for words never seen on this machine. textstat
    0.7.4 imports pkg_resources, whose deprecation warning means nothing to
    a Copydesk user: it is silenced here, and only here."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
        import textstat
    return textstat


SYLLABLES = SyllableTable()


class TokenCounts(dict):
    """Words and syllables of each token (a run of non-white-space), counted
    once a process.

    No word crosses white space, and textstat, which lower-cases, strips
    punctuation, splits on white space and asks pyphen about every word,
    splits on it too (lower-casing and stripping punctuation neither make
    nor remove white space): a text's counts are the sums of its tokens'.
    A book repeats its tokens (the rust-book: 157,000 tokens, 10,000
    distinct), so counting a text is one `str.split` and dictionary look-ups
    at C speed; only a token not seen before reaches `__missing__`. Both
    counts are kept in one int, `syllables << SHIFT | words`, so that one
    `sum` over a text's tokens adds up both.
    """

    SHIFT = 32  # no text has 2**32 words
    WORDS = (1 << SHIFT) - 1
    LIMIT = 200_000  # distinct tokens kept (about 30 MB), then kept anew

    def __missing__(self, token: str) -> int:
        """Count a token not seen before: its words as `text.words` finds
        them, its syllables as textstat counts them."""
        if len(self) >= self.LIMIT:
            self.clear()
        core = token.strip(_EDGE_PUNCTUATION)
        if core != token:
            # "(word," counts as "word": the punctuation around a word is
            # no part of it, and textstat drops it.
            both = self[core] if core else 0
        elif core.isascii() and core.isalpha():  # a plain word, textstat's in lower case
            both = SYLLABLES.count(core.lower()) << self.SHIFT | 1
        else:
            word = _PUNCTUATION.sub("", token.lower())
            both = (SYLLABLES.count(word) if word else 0) << self.SHIFT | count_words(token)
        self[token] = both
        return both

    def counts(self, text: str) -> tuple[int, int]:
        """(words, syllables) of a text."""
        both = sum(map(self.__getitem__, text.split()))
        return both & self.WORDS, both >> self.SHIFT


TOKENS = TokenCounts()


def flesch_scores(word_count: int, sentences: int, syllables: int) -> tuple[float, float]:
    """Flesch reading ease and Flesch-Kincaid grade (textstat's formulas),
    rounded as the summary shows them; `word_count` must not be 0."""
    per_sentence = word_count / sentences
    per_word = syllables / word_count
    return (round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
            round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1))


def _scores(word_count: int, sentences: int, syllables: int) -> dict:
    """Counts, Flesch reading ease and Flesch-Kincaid grade."""
    if not word_count:
        return {}
    flesch, grade = flesch_scores(word_count, sentences, syllables)
    return {
        "words": word_count,
        "sentences": sentences,
        "words_per_sentence": round(word_count / sentences, 1),
        "flesch_reading_ease": flesch,
        "flesch_kincaid_grade": grade,
    }


def text_metrics(text: str) -> dict:
    """Word and sentence counts, Flesch reading ease and grade for a text."""
    return _scores(*_counts(text, len(split_sentences(text))))


class _Measures(NamedTuple):
    """What the readability figures need from one block."""

    sentences: list[Sentence]
    sentence_words: list[int]  # words in each sentence
    sentence_syllables: list[int]  # syllables in each sentence
    counts: tuple[int, int, int]  # (words, sentences, syllables) of the block
    longest: int  # words in the longest sentence (0 without sentences)


def _measures(block: Block) -> _Measures:
    """The block's `_Measures`, computed once."""
    return block.memo("readability", lambda: _measure(block))


def _measure(block: Block) -> _Measures:
    sentences = block_sentences(block)
    # Sentences split the text only at white space: the block's tokens are
    # its sentences' tokens.
    token_counts = TOKENS.__getitem__
    totals = [sum(map(token_counts, sentence.text.split())) for sentence in sentences]
    sentence_words = [both & TOKENS.WORDS for both in totals]
    sentence_syllables = [both >> TOKENS.SHIFT for both in totals]
    word_count = sum(sentence_words)
    longest = max(sentence_words, default=0)
    if not word_count:
        return _Measures(sentences, sentence_words, sentence_syllables, (0, 0, 0), longest)
    counts = (word_count, max(1, len(sentences)), sum(sentence_syllables))
    return _Measures(sentences, sentence_words, sentence_syllables, counts, longest)


def block_counts(block: Block) -> tuple[int, int, int]:
    """(words, sentences, syllables) of one block, computed once."""
    return _measures(block).counts


def sentence_lengths(block: Block) -> list[tuple[int, int, int]]:
    """(start, end, words) for each sentence of a block (from counts made once)."""
    measured = _measures(block)
    return [(sentence.start, sentence.end, words)
            for sentence, words in zip(measured.sentences, measured.sentence_words, strict=True)]


def sentence_grades(block: Block) -> list[tuple[Sentence, int, float]]:
    """(sentence, words, Flesch-Kincaid grade) for each sentence of a block,
    graded exactly as the document summary grades text."""
    measured = _measures(block)
    return [(sentence, words, flesch_scores(words, 1, syllables)[1])
            for sentence, words, syllables in zip(measured.sentences, measured.sentence_words,
                                                  measured.sentence_syllables, strict=True) if words]


def longest_sentence(block: Block) -> int:
    """Words in the block's longest sentence (0 if it has none), computed once."""
    return _measures(block).longest


def document_metrics(blocks: list[Block]) -> dict:
    """Flesch reading ease, grade level and sentence figures for the prose."""
    measured = [_measures(b) for b in blocks if b.kind in PROSE_KINDS]
    totals = [sum(column) for column in zip(*(m.counts for m in measured), strict=True)] or [0, 0, 0]
    metrics = _scores(*totals)
    if metrics:  # there are words, so there are sentences
        metrics["longest_sentence_words"] = max(m.longest for m in measured)
    return metrics
