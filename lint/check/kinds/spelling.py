"""spelling: words that are in no dictionary the project knows.

Known words come from the Hunspell dictionary of the configured dialect
(``dialect: en-US | en-GB | en-CA | en-AU``, see `lint.check.dictionary`;
Hunspell's affix rules know the inflected and derived forms), the project's
``accept`` vocabulary (``vocabulary/accept.txt`` in a rule directory,
``vocabulary: accept:`` in the configuration), every word of every entity
name in the facts base, and the rule's own ``accept`` list. Names are not
flagged: a capitalised word inside a sentence, a run of capitalised words
("Bo Manhui"), CamelCase, ALL-CAPS acronyms, words with digits and technical
tokens (paths, e-mail addresses) are taken as names; a capitalised word at
the start of a sentence is a name when the document uses it as one
elsewhere::

    - id: unknown-word
      kind: spelling
      severity: warning
      message: "'{word}' is not in the dictionary{suggestion}"
      fix: unsafe
      accept: [blockchain]

Suggestions come from `lint.check.suggestions` (Hunspell's and the frequency
list's, ranked by edit distance and frequency). Without the dictionary the
speller reports nothing and its one note (in each result) names the package
to install.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.check import dictionary
from lint.check.prefilter import DocumentText, Gate
from lint.check.technical import touches_code
from lint.check.terms import DocumentTerms
from lint.check.text import block_sentences
from lint.model import Applicability
from lint.ruleset.regexes import fold
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"accept": list, "min_length": int}
REQUIRED = ()

_TOKEN = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W_])?")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ’'-]+")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]")
_MAX_CLEAN_CHUNKS = 500_000  # remembered chunks, about 40 MB


class SpellingChecker:
    """Checks each word against the known words; names are learnt per document."""

    def __init__(self, rules: list[RuleSpec], context):
        self.rules = tuple(rules)
        self.accepted = dictionary.project_words(context, rules)  # lower case, matched in any case
        self.dialect = getattr(context, "dialect", dictionary.DEFAULT_DIALECT)
        self.note: str | None = None  # why nothing is checked (no dictionary), once known
        self._ready: bool | None = None
        self.min_length = min((r.options.get("min_length", 3) for r in rules), default=3)
        # Whether a word could be flagged, and where its unknown parts are,
        # depend on the word alone, and so whether a white-space-separated
        # chunk of text ("word," "(see") holds such a word: each is decided
        # once per process, and a document's chunks and words are then sorted
        # with set operations at C speed.
        self._unknown_spans: dict[str, tuple[tuple[int, int], ...]] = {}  # the words it could flag
        self._unflaggable: set[str] = set()
        self._clean_chunks: set[str] = set()  # chunks without a flaggable word

    def check_document(self, document: DocumentText):
        """(block, hit) for every unknown word of the document that is not a name."""
        if not self.ready():
            return
        gate, names = self.survey(document)
        blocks = document.blocks
        terms = DocumentTerms(document.source if document.source is not None else "\n".join(b.text for b in blocks),
                              (block.text for block in blocks))
        for block in gate.select(blocks):
            for hit in self._block_hits(block, names):
                if not terms.is_term(block.text[hit.start:hit.end]):  # "newtype" used throughout, "hasher" in code
                    yield block, hit
        from lint.check.suggestions import TABLE

        TABLE.save()  # corrections computed for this document, kept for the next run

    def ready(self) -> bool:
        """Whether the dialect's dictionary can be used; when not, `note`
        says what to install (the rule is skipped, the run goes on)."""
        if self._ready is None:
            reason = dictionary.unavailable(self.dialect)
            self._ready = reason is None
            if reason:
                self.note = f"{', '.join(rule.id for rule in self.rules)} skipped: {reason}"
        return self._ready

    def survey(self, document: DocumentText) -> tuple[Gate, set[str]]:
        """The blocks that hold a word the speller could flag, and which of
        those words the document uses as names: capitalised inside a
        sentence, or before another capitalised word.

        Only such a word can be flagged, and only its own uses decide whether
        it is a name, so only the sentences that hold one are read word by word.
        """
        blocks = document.blocks
        flaggable = self._flaggable_words(block.text for block in blocks)
        # A search of the lowered text finds the blocks with a flaggable word
        # as a substring ("dyn" is in "dynamic"); their sentences tell which
        # hold one as a word.
        near = Gate(document.blocks_with({fold(word) for word in flaggable}) if flaggable else set())
        holding, names = set[int](), set[str]()
        for block in near.select(blocks):
            for _, _, words in self._sentences_to_read(block):
                holding.add(id(block))
                names.update(word for index, word in enumerate(words)
                             if word in flaggable and word[0].isupper()
                             and (index > 0 or _next_word(words, index)[:1].isupper()))
        return Gate(holding), names

    def _flaggable_words(self, texts: Iterable[str]) -> set[str]:
        """The distinct words of some texts that the speller could flag.

        Prose repeats its white-space-separated chunks ("the", "word,"), and
        most are one word: those known never to be flagged are dropped with
        one set difference, and only the rest are tokenised.
        """
        chunks = _distinct_chunks(texts) - self._clean_chunks
        flaggable = self._flaggable_among(_distinct_tokens(chunks))
        if len(self._clean_chunks) > _MAX_CLEAN_CHUNKS:
            self._clean_chunks.clear()  # a long run over many books: start afresh
        self._clean_chunks |= chunks & self._unflaggable  # a chunk that is one such word
        return flaggable

    def _flaggable_among(self, words: set[str]) -> set[str]:
        """Those of `words` the speller could flag (in some context)."""
        unseen = words.difference(self._unflaggable, self._unknown_spans)
        if not unseen:
            return words.intersection(self._unknown_spans)  # the word table need not be loaded
        for word in unseen:
            spans = tuple(self._unknown_parts(word)) if _LATIN_WORD.fullmatch(word) else ()
            if spans:
                self._unknown_spans[word] = spans
        self._unflaggable |= unseen.difference(self._unknown_spans)
        return words.intersection(self._unknown_spans)

    def _block_hits(self, block, names: set[str]):
        """The hits in a block whose every word has been judged."""
        text = block.text
        for start, end, words in self._sentences_to_read(block):
            for index, match in enumerate(_TOKEN.finditer(text, start, end)):
                word = words[index]
                spans = self._unknown_spans.get(word)
                if not spans:
                    continue  # known (decided once per distinct word), another script, or an identifier
                if self._is_name(word, index, words, block.kind, names) or self._is_technical(text, match):
                    continue
                if not block.is_verbatim(match.start(), match.end()):
                    continue
                at = match.start()
                for part_start, part_end in spans:
                    yield from self._hits(text[at + part_start:at + part_end], at + part_start, at + part_end)

    def _sentences_to_read(self, block):
        """(start, end, words) of each sentence of a block that holds a
        flaggable word (every word of the block judged already)."""
        text = block.text
        for sentence in block_sentences(block):
            words = _TOKEN.findall(text, sentence.start, sentence.end)
            if not self._unknown_spans.keys().isdisjoint(words):
                yield sentence.start, sentence.end, words

    @staticmethod
    def _is_name(word: str, index: int, words: list[str], kind: str, names: set[str]) -> bool:
        if any(c.isupper() for c in word[1:]):
            return True  # CamelCase, ALLCAPS or macOS
        if not word[0].isupper():
            return False
        if index > 0 or kind == "heading" or word in names:
            return True
        # At a sentence start, a capitalised word is a name unless ordinary
        # words follow it: "Deutsch" alone in a list item, "Bo Manhui, CEO".
        return not _next_word(words, index)[:1].islower()

    @staticmethod
    def _is_technical(text: str, match: re.Match) -> bool:
        return touches_code(text, match.start(), match.end())

    def _unknown_parts(self, word: str):
        """(start, end) in `word` of each hyphen-separated part that is not known."""
        if self._known(word):
            return
        position = 0
        for index, part in enumerate(word.split("-")):
            # "non-ASCII", "pre-Rust": a capital inside a compound marks a name.
            name_like = any(c.isupper() for c in part[1:]) or (index > 0 and part[:1].isupper())
            if part and not name_like and len(part) >= self.min_length and not self._known(part):
                yield position, position + len(part)
            position += len(part) + 1

    def _known(self, word: str) -> bool:
        return dictionary.is_known(word, self.dialect, self.accepted)

    def _hits(self, word: str, start: int, end: int):
        replacements = dictionary.suggestions(word, self.dialect)
        suggestion = ""
        if replacements:
            suggestion = "; did you mean " + " or ".join(f"'{r}'" for r in replacements) + "?"
        applicability = None if len(replacements) == 1 else Applicability.DISPLAY_ONLY
        for rule in self.rules:
            message = rule.format_message(word=word, text=word, suggestion=suggestion,
                                          replacement=" or ".join(replacements))
            yield Hit(rule, start, end, message, replacements, applicability)


def looks_like_name(text: str, start: int, end: int) -> bool:
    """True when text[start:end] reads as a name by the speller's rules.

    Other spellers (LanguageTool) use this so that a name is left alone by
    every source: CamelCase and ALL-CAPS words, a capitalised word inside a
    sentence, and a capitalised word at a sentence start that no lower-case
    word follows in its sentence ("Bo Manhui", "Português" alone in a list item).
    """
    word = text[start:end]
    if not word or not word[0].isupper():
        return False
    if any(c.isupper() for c in word[1:]):
        return True
    before = text[:start].rstrip(" \t\n\"“‘'(*_[")
    if before and before[-1] not in ".!?:;":
        return True
    # At a sentence start it is a name unless a lower-case word follows in the
    # same sentence, as the speller judges it: "Bo Manhui", "Português (BR)".
    following = _TOKEN.search(text, end)
    if following is None or _SENTENCE_BREAK.search(text, end, following.start()):
        return True
    return not following.group()[:1].islower()


def _distinct_chunks(texts: Iterable[str]) -> set[str]:
    """The distinct white-space-separated chunks of some texts."""
    chunks: set[str] = set()
    for text in texts:  # text by text: a 10 MB document never holds all its chunks at once
        chunks.update(text.split())
    return chunks


def _distinct_tokens(texts: Iterable[str]) -> set[str]:
    """The distinct words of some texts (or of their chunks), as _TOKEN finds
    them: tokenised in one call, as no token spans a line break."""
    return set(_TOKEN.findall("\n".join(texts)))


def _next_word(words: list[str], index: int) -> str:
    """The word after words[index] in its sentence ("" at the end)."""
    return words[index + 1] if index + 1 < len(words) else ""


def build(rules, context):
    """One speller for every spelling rule."""
    return [SpellingChecker(rules, context)]
