"""Small text helpers shared by rule kinds: words, sentences, case."""

from __future__ import annotations

import re
from typing import NamedTuple

from lint.model import Block

WORD_RE = re.compile(r"[^\W\d_](?:[\w’'-]*[^\W_])?")
# The same words in ASCII text, where a class of ASCII letters is checked
# about twice as fast as Unicode's "letter" test.
ASCII_WORD_RE = re.compile(r"[A-Za-z](?:[\w'-]*[A-Za-z0-9])?", re.ASCII)
# "[.!?][.!?]*" rather than "[.!?]+": a pattern that starts with a character
# class lets the regex engine skip to the next full stop, ! or ? at C speed
# (twice as fast over prose) instead of trying a match at every character.
_SENTENCE_END = re.compile(r"[.!?][.!?]*[\"”’')\]]*(?=\s|$)")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd",
    "co", "corp", "no", "fig", "gen", "gov", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "vol", "cf",
}


class Sentence(NamedTuple):
    """A sentence of a block: its text and block offsets.

    A tuple rather than a frozen dataclass, whose __init__ costs three
    object.__setattr__ calls: the rust-book alone has 11,000 sentences.
    """

    start: int
    end: int
    text: str


def words(text: str) -> list[re.Match]:
    """Word matches (letters, inner apostrophes and hyphens) in `text`."""
    return list(WORD_RE.finditer(text))


def word_count(text: str) -> int:
    """How many words `words` would find (without making match objects)."""
    return len((ASCII_WORD_RE if text.isascii() else WORD_RE).findall(text))


def split_sentences(text: str) -> list[Sentence]:
    """Split prose into sentences, keeping common abbreviations together."""
    if "." not in text and "!" not in text and "?" not in text:
        return _last_sentence([], text, 0)  # one sentence, or only white space
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        stop = match.start()
        # "e.g." and initials ("J. Smith") do not end a sentence; a one-character
        # placeholder for inline code does.
        if text[stop] == "." and _is_abbreviation(text, start, stop):
            continue
        # The sentence ends with the punctuation: only its start has white space to strip.
        end = match.end()
        sentence = text[start:end].lstrip()
        sentences.append(Sentence(end - len(sentence), end, sentence))
        start = end
    return _last_sentence(sentences, text, start)


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """True when the word before text[end] (a full stop) is an abbreviation
    or an initial. Only the last 40 characters are looked at: a longer word
    is neither, whole or cut."""
    before = text[max(start, end - 40):end].rsplit(None, 1)  # (the rest,) the last word
    last = before[-1].lower().rstrip(".") if before else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _last_sentence(sentences: list, text: str, start: int) -> list[Sentence]:
    """`sentences` and, unless it is only white space, the text from `start` on."""
    rest = text[start:].lstrip()
    sentence = rest.rstrip()
    if sentence:
        begin = len(text) - len(rest)
        sentences.append(Sentence(begin, begin + len(sentence), sentence))
    return sentences


def block_sentences(block: Block) -> list[Sentence]:
    """The sentences of a block, computed once."""
    return block.memo("sentences", lambda: split_sentences(block.text))


def match_case(template: str, replacement: str) -> str:
    """Give `replacement` the capitalisation pattern of `template`."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
