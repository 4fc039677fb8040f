"""English word and word-pair frequencies from the data the `symspellpy`
package ships (Google Books n-gram counts: 82,765 words, 242,342 bigrams).
They rank spelling suggestions and drive the confusion check; they do not
decide which words are spelt right (the list holds common misspellings too:
see `lint.check.dictionary`).

Loaded lazily and once per process: the speller needs only the words, the
confusion check only the bigrams around its own words, and a run that meets
neither pays nothing.
"""

from __future__ import annotations

import functools
import re
import string

from lint.store.datacache import cached_table, package_stamp

_PACKAGE = "symspellpy"
_WORDS_FILE = "frequency_dictionary_en_82_765.txt"
_BIGRAMS_FILE = "frequency_bigramdictionary_en_243_342.txt"
_LETTERS = string.ascii_lowercase


def _data_version() -> str:
    """What the tables depend on: the data files symspellpy ships."""
    return package_stamp(_PACKAGE, _WORDS_FILE, _BIGRAMS_FILE)


def _data_text(name: str) -> str:
    import importlib.resources  # only to build a table: a warm run reads it from the cache

    return importlib.resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def word_counts() -> dict[str, int]:
    """Lower-case word -> corpus frequency."""
    def build():
        fields = _data_text(_WORDS_FILE).split()
        return dict(zip(fields[0::2], map(int, fields[1::2]), strict=False))

    return cached_table("words", _data_version(), build)


@functools.cache
def bigram_counts(words: frozenset[str]) -> dict[str, int]:
    """Corpus frequency of each word pair ("first second") that contains one of `words`.

    A confusion check needs only the pairs around its own words, a small
    slice of the 242,342; picking them with one regex over the file is much
    quicker than building the whole table.
    """
    alternatives = "|".join(re.escape(w) for w in sorted(words))

    def build():
        pairs = re.compile(rf"^(?:(?:{alternatives}) \S+|\S+ (?:{alternatives})) \d+$", re.MULTILINE)
        counts = {}
        for match in pairs.finditer(_data_text(_BIGRAMS_FILE)):
            first, second, count = match.group().split(" ")
            counts[f"{first} {second}"] = int(count)
        return counts

    # Keyed by one string, as stored: no tuple to build for each of thousands of pairs.
    return cached_table("bigrams", f"{_data_version()} {alternatives}", build)


def word_count(word: str) -> int:
    """How often a lower-case word occurs in the corpus (0 when unknown)."""
    return word_counts().get(word, 0)


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion
    away (Norvig's candidates; `lint.check.suggestions` keeps those that are words)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return set(deletes + transposes + replaces + inserts)
