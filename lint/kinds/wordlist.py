"""One combined, whole-word regex over many phrases from many rules.

Kinds that match lists of words (substitution, existence) share this, so a
block is scanned once per kind however many rules and phrases there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def phrase_key(text: str) -> str:
    """Normalise a phrase for lookup: lower case, single spaces."""
    return " ".join(text.lower().split())


def phrase_pattern(phrase: str) -> str:
    """A regex for a literal phrase whose words may be split by any spaces."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


class PhraseMatcher:
    """Finds any of many literal phrases as whole words, case-insensitively."""

    def __init__(self, entries: Iterable[tuple[str, object]]):
        self._table: dict[str, list] = {}
        for phrase, payload in entries:
            self._table.setdefault(phrase_key(phrase), []).append(payload)
        phrases = sorted(self._table, key=len, reverse=True)
        self._regex = None
        if phrases:
            body = "|".join(phrase_pattern(p) for p in phrases)
            self._regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[re.Match, list]]:
        """Yield each match with the payloads registered for its phrase."""
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            yield match, self._table.get(phrase_key(match.group()), [])
