"""Build prose blocks piece by piece while keeping the map to the source.

Markup segmenters (Markdown, HTML) strip tags and decode entities; what
reaches a rule is the prose, and every piece of it remembers where it came
from. Verbatim pieces become `Span`s, so a fix may edit them. A decoded
piece (an entity, an escape, collapsed whitespace, a placeholder for code)
is bracketed by two zero-length spans, so a finding that starts or ends at
it maps to the whole source construct, and no fix can cross it.
"""

from __future__ import annotations

import html
import re
from functools import partial

from lint.model import Block, Span

# Stands in for inline code, images and URLs so the sentence around them
# stays a sentence; it is not a letter, a digit or punctuation, so no rule
# matches it as a word. (U+FFFC OBJECT REPLACEMENT CHARACTER.)
PLACEHOLDER = "\ufffc"

# Bare URLs and e-mail addresses in prose: never checked.
URL_RE = re.compile(
    r"(?:\b(?:https?|ftp|file)://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    re.IGNORECASE)
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_SPACE_RUN_RE = re.compile(r"\s+")
_HAS_LETTER_RE = re.compile(r"[^\W\d_]")
# Span((text_start, source_start, length)) without the Python-level __new__ a
# NamedTuple has: the builder makes one or two per piece of text.
_span = partial(tuple.__new__, Span)


class BlockBuilder:
    """Accumulates the text of one block and its spans back to the source."""

    def __init__(self, kind: str):
        self.kind = kind
        self._parts: list[str] = []
        self._spans: list[Span] = []
        self._length = 0
        # Where in the source the last span ends, if it is verbatim and
        # nothing came after it (so verbatim text from there extends it); else -1.
        self._extends_at = -1

    def __len__(self) -> int:
        return self._length

    def verbatim(self, text: str, source_start: int) -> None:
        """Append text that is exactly source[source_start:source_start+len(text)]."""
        if not text:
            return
        length = len(text)
        if source_start == self._extends_at:
            text_start, span_source, span_length = self._spans[-1]
            self._spans[-1] = _span((text_start, span_source, span_length + length))
        else:
            self._spans.append(_span((self._length, source_start, length)))
        self._parts.append(text)
        self._length += length
        self._extends_at = source_start + length

    def decoded(self, text: str, source_start: int, source_end: int) -> None:
        """Append text that stands for source[source_start:source_end] but differs from it."""
        if not text:
            return
        start = self._length
        self._length = end = start + len(text)
        self._parts.append(text)
        self._spans += _span((start, source_start, 0)), _span((end, source_end, 0))
        self._extends_at = -1

    def placeholder(self, source_start: int, source_end: int) -> None:
        """Append the neutral stand-in for code, an image or a URL."""
        self.decoded(PLACEHOLDER, source_start, source_end)

    def prose(self, text: str, source_start: int, *, collapse_space: bool = False,
              entities: bool = False) -> None:
        """Append verbatim prose, masking URLs (and, on request, decoding
        entities and collapsing whitespace runs as a browser shows them)."""
        if ("://" not in text and "@" not in text
                and ("w." not in text and "W." not in text or "www." not in text.lower())):
            # The common case, without the costly regex (and, for plain prose, the detours);
            # no "w." or "W." is no "www." in any case, without lowering the text.
            if collapse_space or entities:
                self._plain(text, source_start, collapse_space, entities)
            else:
                self.verbatim(text, source_start)
            return
        position = 0
        for url in URL_RE.finditer(text):
            self._plain(text[position:url.start()], source_start + position, collapse_space, entities)
            self.placeholder(source_start + url.start(), source_start + url.end())
            position = url.end()
        self._plain(text[position:], source_start + position, collapse_space, entities)

    def _plain(self, text: str, source_start: int, collapse_space: bool, entities: bool) -> None:
        if not entities or "&" not in text:
            self._spaced(text, source_start, collapse_space)
            return
        position = 0
        for match in ENTITY_RE.finditer(text):
            value = html.unescape(match.group())
            if value == match.group():
                continue
            self._spaced(text[position:match.start()], source_start + position, collapse_space)
            self.decoded(value, source_start + match.start(), source_start + match.end())
            position = match.end()
        self._spaced(text[position:], source_start + position, collapse_space)

    def _spaced(self, text: str, source_start: int, collapse_space: bool) -> None:
        if not collapse_space:
            self.verbatim(text, source_start)
            return
        position = 0
        if self._parts and self._parts[-1][-1:].isspace():
            # A browser shows one space where runs meet across inline tags.
            position = len(text) - len(text.lstrip())
        for run in _SPACE_RUN_RE.finditer(text, position):
            if run.group() == " ":
                continue
            self.verbatim(text[position:run.start()], source_start + position)
            self.decoded(" ", source_start + run.start(), source_start + run.end())
            position = run.end()
        self.verbatim(text[position:], source_start + position)

    def build(self) -> Block | None:
        """The finished block, trimmed of outer whitespace; None when it has no words."""
        text = "".join(self._parts)
        begin = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if end <= begin or not _HAS_LETTER_RE.search(text):
            return None
        if begin == 0 and end == len(text):  # nothing to trim: the spans stand as they are
            return Block(text, self.kind, tuple(self._spans))
        spans = []
        for span in self._spans:
            lo, hi = max(span.text_start, begin), min(span.text_start + span.length, end)
            if span.length == 0:
                if begin <= span.text_start <= end:
                    spans.append(Span(span.text_start - begin, span.source_start, 0))
            elif lo < hi:
                spans.append(Span(lo - begin, span.source_start + lo - span.text_start, hi - lo))
        return Block(text[begin:end], self.kind, tuple(spans))


def align(text: str, source: str, lo: int, hi: int) -> list[tuple[int, int, int]] | None:
    """Match `text` to source[lo:hi] as a subsequence, left to right.

    Returns runs (text_offset, source_offset, length) of matching characters,
    or None when some character of `text` is not found. Used where a parser
    dropped characters (a backslash before an escaped pipe) so that a plain
    search fails.
    """
    runs: list[tuple[int, int, int]] = []
    position = lo
    for index, char in enumerate(text):
        found = source.find(char, position, hi)
        if found < 0:
            return None
        if runs and runs[-1][0] + runs[-1][2] == index and runs[-1][1] + runs[-1][2] == found:
            first, where, length = runs[-1]
            runs[-1] = (first, where, length + 1)
        else:
            runs.append((index, found, 1))
        position = found + 1
    return runs
