"""One combined, whole-word regex over many phrases from many rules.

Kinds that match lists of words (substitution, existence) share this, so a
block is scanned once per kind however many rules and phrases there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..regexes import fold, trie_pattern
from ..regexstore import STORE
from .prefilter import OPEN, Gate, document_text


def phrase_key(text: str) -> str:
    """Normalise a phrase for lookup: lower case, single spaces."""
    return " ".join(text.lower().split())


def phrase_pattern(phrase: str) -> str:
    """A regex for a literal phrase whose words may be split by any spaces."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


_LETTERS = re.compile(r"[^\W\d_]+")


class PhraseMatcher:
    """Finds any of many literal phrases as whole words, case-insensitively."""

    def __init__(self, entries: Iterable[tuple[str, object]]):
        self._table: dict[str, list] = {}
        for phrase, payload in entries:
            self._table.setdefault(phrase_key(phrase), []).append(payload)
        self._regex = None
        if self._table:
            body = trie_pattern(self._table)
            self._regex = STORE.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        # A match starts with its phrase's first run of letters, as a whole
        # word of the text; a phrase with no letters can't be looked up so.
        firsts = [_LETTERS.match(fold(key)) for key in self._table]
        self._first_words = None if not all(firsts) else {m.group() for m in firsts}

    def gate(self, blocks) -> Gate:
        """The blocks of this document where a phrase may match."""
        if self._first_words is None:
            return OPEN
        document = document_text(blocks)
        present = self._first_words & document.words
        return Gate(document, document.blocks_with(present) if present else set())

    def finditer(self, text: str) -> Iterator[tuple[re.Match, list]]:
        """Yield each match with the payloads registered for its phrase."""
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            yield match, self._table.get(phrase_key(match.group()), [])
