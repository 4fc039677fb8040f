"""A rule regex that cannot stall a run: RE2 where it can, else a time budget.

`BoundedPattern` offers what checkers use of `re.Pattern` (`search`,
`match`, `fullmatch`, `finditer` with pos/endpos, `pattern`, `flags`,
`groupindex`, `groups`). A pattern RE2 can spell with the same meaning
(`lint.ruleset.re2_syntax`) is matched by RE2, in time linear in the
text. Any other (word boundaries, lookaround, backreferences) is matched
by the `regex` module with at most `BUDGET` seconds a call; a pattern that
runs past it is switched off, with the rest of its rule, for the run, and
one note (in the result of the document where it happened, see
`take_switched_off`) names the rule's file:line.
"""

from __future__ import annotations

import re
import sys

import re2
import regex

from lint.ruleset.re2_syntax import Re2Form

_NON_ASCII_WORD = re.compile(r"(?![\x00-\x7f])\w")
# Seconds one call may take on one block: a base, plus a microsecond a
# character so that a long block does not starve a sound pattern (shipped
# rules run at 10-100 ns a character). `regex` notices the budget late,
# after about three times it.
BUDGET = 0.1
BUDGET_PER_CHARACTER = 1e-6
_OFF: set[str] = set()  # origins (rule file:line) switched off for this run
_NEWLY_OFF: list[str] = []  # their notes, until the pipeline takes them
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.max_mem = 32 << 20  # room for large word lists; a pattern past it is refused
_RE2_OPTIONS.log_errors = False  # the refusal is reported once, at the rule's file:line


class TooLarge(ValueError):
    """RE2 could not build the pattern within its memory limit."""


def _budget(text: str) -> float:
    return BUDGET + BUDGET_PER_CHARACTER * len(text)


def take_switched_off() -> list[str]:
    """The notes for rules switched off since the last call (the pipeline
    adds them to the result of the document where it happened)."""
    notes = list(_NEWLY_OFF)
    del _NEWLY_OFF[:len(notes)]
    return notes


def switched_off(origin: str) -> bool:
    """Whether the rule at `origin` ran past the budget earlier in this run."""
    return origin in _OFF


class BoundedPattern:
    """One compiled rule regex; see the module docstring."""

    __slots__ = ("_python", "_re2", "_fallback", "_screen", "_end_sensitive", "_ascii_words", "_nullable", "origin",
                 "written")

    def __init__(self, python: re.Pattern, form: Re2Form | None, relaxed: Re2Form | None, origin: str,
                 written: str | None = None):
        self._python = python
        self.origin = origin
        self.written = written or python.pattern  # as the rule file has it
        self._end_sensitive = bool(form and form.end_sensitive)
        self._ascii_words = bool(form and form.ascii_words)
        self._re2 = None
        self._fallback = None
        if form is not None:
            try:
                self._re2 = re2.compile(form.source, _RE2_OPTIONS)
            except re2.error as exc:
                why = exc.args[0].decode(errors="replace") if exc.args and isinstance(exc.args[0], bytes) else exc
                raise TooLarge(f"regex {python.pattern!r} is too large to match in linear time ({why})") from None
        self._screen = None
        # A pattern that can match empty text is iterated by `regex`: after an
        # empty match `re` retries at the same place, the RE2 wrapper moves on.
        self._nullable = relaxed is None or re2.compile(relaxed.source, _RE2_OPTIONS).fullmatch("") is not None
        if self._re2 is None or self._end_sensitive or self._ascii_words or self._nullable:
            self._fallback = regex.compile(python.pattern, python.flags | regex.VERSION0)
            # RE2 first rules out, in linear time, the blocks where even the
            # pattern without its lookaround finds nothing: most of them.
            try:
                self._screen = relaxed and re2.compile(relaxed.source, _RE2_OPTIONS)
            except re2.error:
                pass

    pattern = property(lambda self: self._python.pattern)
    flags = property(lambda self: self._python.flags)
    groupindex = property(lambda self: self._python.groupindex)
    groups = property(lambda self: self._python.groups)
    linear = property(lambda self: self._re2 is not None, doc="Whether RE2 matches it (linear time).")

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._call("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._call("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._call("fullmatch", text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        if self.origin in _OFF:
            return
        engine = self._engine(text, endpos)
        if engine is self._re2 and self._nullable:
            engine = self._fallback
        if engine is self._re2:
            assert engine is not None
            last = None
            for found in engine.finditer(_re2_text(text, endpos), pos):
                if found.span() != last:  # the wrapper yields an empty match at the end twice
                    last = found.span()
                    yield _Re2Match(found, self, text)
            return
        if self._screen and self._screen.search(_re2_text(text, endpos), pos) is None:
            return
        try:
            yield from engine.finditer(self._for_fallback(text), pos, endpos, timeout=_budget(text))
        except TimeoutError:
            self._switch_off(text)

    def _call(self, method: str, text: str, pos: int, endpos: int):
        if self.origin in _OFF:
            return None
        engine = self._engine(text, endpos)
        if engine is self._re2:
            found = getattr(engine, method)(_re2_text(text, endpos), pos)
            return None if found is None else _Re2Match(found, self, text)
        if self._screen and getattr(self._screen, method)(_re2_text(text, endpos), pos) is None:
            return None
        try:
            return getattr(engine, method)(self._for_fallback(text), pos, endpos, timeout=_budget(text))
        except TimeoutError:
            self._switch_off(text)
            return None

    def _engine(self, text: str, endpos: int):
        """RE2, unless the pattern's ``$`` would meet a final newline or its
        ``\b`` a letter outside ASCII."""
        if self._re2 is None:
            return self._fallback
        if self._end_sensitive and text.endswith("\n", 0, endpos):
            return self._fallback
        if self._ascii_words and not text.isascii() and _NON_ASCII_WORD.search(text, 0, endpos):
            return self._fallback
        return self._re2

    def _for_fallback(self, text: str) -> str:
        """The text as `regex` must see it to match as `re` does: under
        IGNORECASE, `re` matches i with dotless ı and `regex` does not, so ı
        is read as i (one character for one: every offset stays)."""
        if self._python.flags & re.IGNORECASE and "ı" in text and "ı" not in self.pattern:
            return text.replace("ı", "i")
        return text

    def _switch_off(self, text: str) -> None:
        if self.origin not in _OFF:
            _OFF.add(self.origin)
            _NEWLY_OFF.append(f"{self.origin}: regex {self.written!r} ran past its time budget on one block; "
                              "its rule is off for this run (simplify the pattern or drop lookaround)")

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r}, {'re2' if self.linear else 'regex'})"


_last_encoded: tuple = (None, None)  # the last text given to RE2, and what RE2 was given (one tuple: thread-safe)


def _re2_text(text: str, endpos: int):
    """What RE2 searches for `text` cut at `endpos`: ASCII text as bytes,
    whose offsets are the characters' (the wrapper converts every offset
    of a str, a third of the matching time); other text as it is."""
    if endpos < len(text):
        text = text[:endpos]
    global _last_encoded
    last, encoded = _last_encoded
    if last is not text:
        encoded = text.encode("ascii") if text.isascii() else text
        _last_encoded = (text, encoded)
    return encoded


_TEMPLATE_REFERENCE = re.compile(r"\\g<(\w+)>|\\(\d{1,2})|\\(.)", re.DOTALL)
_TEMPLATE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "a": "\a", "f": "\f", "v": "\v", "b": "\b"}


class _Re2Match:
    """An RE2 match read as `re` reads one: groups by number or name, their
    text taken from the original str (RE2 may have matched its bytes)."""

    __slots__ = ("_match", "re", "string")

    def __init__(self, found, pattern: BoundedPattern, text: str):
        self._match = found
        self.re = pattern
        self.string = text

    def _number(self, group):
        return self.re.groupindex[group] if isinstance(group, str) else group

    def start(self, group=0):
        return self._match.start(self._number(group))

    def end(self, group=0):
        return self._match.end(self._number(group))

    def span(self, group=0):
        return self._match.span(self._number(group))

    def _text(self, group, default=None):
        start, end = self._match.span(self._number(group))
        return default if start < 0 else self.string[start:end]

    def group(self, *groups):
        if len(groups) <= 1:
            return self._text(groups[0] if groups else 0)
        return tuple(self._text(group) for group in groups)

    def __getitem__(self, group):
        return self._text(group)

    def expand(self, template: str) -> str:
        """`template` with its group references filled in, as `re.Match.expand`."""
        def one(reference: re.Match) -> str:
            name = reference.group(1) or reference.group(2)
            if name is not None:
                return self._text(int(name) if name.isdigit() else name, "") or ""
            escaped = reference.group(3)
            return _TEMPLATE_ESCAPES.get(escaped, "\\" + escaped)
        return _TEMPLATE_REFERENCE.sub(one, template)

    def groups(self, default=None):
        return tuple(self._text(number, default) for number in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._text(number, default) for name, number in self.re.groupindex.items()}

    pos = property(lambda self: self._match.pos)
    endpos = property(lambda self: self._match.endpos)
    lastindex = property(lambda self: self._match.lastindex)
    lastgroup = property(lambda self: self._match.lastgroup)
