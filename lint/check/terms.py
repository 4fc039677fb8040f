"""Words a document uses as its own terms, which no speller flags.

A word that no dictionary knows but that the document uses again and again
("destructure", "newtype" in a book on Rust), or that also appears in its
code ("hasher", "Deref" in a code block), is the writer's vocabulary, not a
typo: a slip of the keyboard is rarely made the same way three times, and
never in code that compiles. Uses of the word's other forms count too: the
words of the document that share all but its last three letters (at least
five) and that the frequency list does not know either ("deallocate",
"deallocated", "deallocation"), so a known word ("according") never makes
a typo of it ("accoring") a term. Every speller, built-in or LanguageTool's,
asks `DocumentTerms.is_term` before it reports an unknown word. Curated typo
tables ("recieve") are not spellers and still report every use.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# Uses in one document that make an unknown word the document's own term.
MIN_USES = 3
_STEM_MIN, _ENDING_MAX = 5, 3
_OTHER_LENGTH_MAX = 4  # "reborrow", "reborrowing"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class DocumentTerms:
    """The words of one document, counted in its whole text and in its prose."""

    def __init__(self, text: str, prose: Iterable[str]):
        self._text = text
        self._prose = "\n".join(prose)
        self._all: Counter[str] | None = None
        self._in_prose: Counter[str] | None = None
        self._by_prefix: dict[str, list[str]] | None = None

    def is_term(self, word: str) -> bool:
        """True when the document uses `word` at least MIN_USES times, or
        uses it outside its prose (in code, a file name, a link target)."""
        if self._all is None or self._in_prose is None:
            self._all = _counts(self._text)
            self._in_prose = _counts(self._prose)
        key = word.casefold()
        if self._all[key] > self._in_prose[key]:
            return True
        return sum(self._all[form] for form in self._forms(key)) >= MIN_USES

    def _forms(self, key: str) -> set[str]:
        """`key` and the document's unknown words that look like other forms of it."""
        stem = key[:max(_STEM_MIN, len(key) - _ENDING_MAX)]
        if self._by_prefix is None:
            from lint.check.kinds import lexicon  # here: the kinds (the speller among them) import this module

            self._by_prefix = {}
            known = lexicon.word_counts()
            for word in self._all or ():
                if len(word) >= _STEM_MIN and word not in known:
                    self._by_prefix.setdefault(word[:_STEM_MIN], []).append(word)
        forms = {key}
        for word in self._by_prefix.get(stem[:_STEM_MIN], ()):
            if word.startswith(stem) and abs(len(word) - len(key)) <= _OTHER_LENGTH_MAX:
                forms.add(word)
        return forms


def _counts(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))
