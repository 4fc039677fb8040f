"""One combined, whole-word regex over many phrases from many rules.

Kinds that match lists of words (substitution, existence) share this, so a
block is scanned once per kind however many rules and phrases there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lint.check.prefilter import OPEN, DocumentText, Gate
from lint.ruleset.regexes import fold, trie_pattern


def phrase_key(text: str) -> str:
    """Normalise a phrase for lookup: lower case, single spaces."""
    return " ".join(text.lower().split())


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
            self._regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        # Where a phrase matches, each of its runs of letters is a whole word
        # of the text: its longest (as a rule the rarest: "together", not
        # "work") must be one of the document's words. A phrase with no
        # letters can't be looked up so.
        # Every one of them, so a phrase is looked for only in a document
        # that has all its words ("work flow": "work" and "flow").
        runs = [_LETTERS.findall(fold(key)) for key in self._table]
        self._phrase_words = None if not all(runs) else [
            (frozenset(words), max(words, key=len)) for words in runs]

    def gate(self, document: DocumentText) -> Gate:
        """The blocks of this document where a phrase may match."""
        if self._phrase_words is None:
            return OPEN
        words = document.words
        present = {longest for needed, longest in self._phrase_words if needed <= words}
        return Gate(document.blocks_with(present) if present else set())

    def finditer(self, text: str) -> Iterator[tuple[re.Match, list]]:
        """Yield each match with the payloads registered for its phrase."""
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            yield match, self._table.get(phrase_key(match.group()), [])
