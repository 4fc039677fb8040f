"""Skip the blocks a rule cannot match, found with one search per document.

A rule whose regexes all need some literal text (see
``lint.regexes.required_literals``) can only match in blocks whose lowered
text holds one of those strings. Searching the whole document's lowered
text once with ``str.find`` is far cheaper than running the rule's regex
over every block: on the rust-book most rules match in a handful of its
4,183 blocks, and a regex opening with a lookbehind gets no help from
`re`'s own literal-prefix search.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import compress
from operator import eq

from lint.ruleset.regexes import DIGITS, fold, required_literals, trie_pattern


class DocumentText:
    """A document's blocks as every checker sees them: the blocks, and their
    lowered text joined (with block starts) for the searches that find which
    blocks a rule must read, and the document's whole text (code and markup
    too) where the engine has it. The engine builds one per document."""

    def __init__(self, blocks: list, source: str | None = None):
        self.blocks = blocks  # kept so ids stay unique while this is in use
        self.source = source
        lowered = [fold(block.text) for block in blocks]
        self.ascii = all(text.isascii() for text in lowered)
        self.starts = _starts(lowered)
        self.text = "\n".join(lowered)
        self._original: str | None = None  # the blocks' own text, joined alike
        self._original_starts: list[int] = []
        self._words: set[str] | None = None
        self._doubled: set[str] = set()
        self._word_list: str | None = None  # the distinct letter runs, a line each
        self._characters: frozenset[str] = frozenset()  # every character of the text

    @property
    def words(self) -> set[str]:
        """The distinct runs of letters of the lowered text ("don't" is two)."""
        if self._words is None:
            self._scan_letter_runs()
        assert self._words is not None  # _scan_letter_runs sets it
        return self._words

    @property
    def doubled(self) -> set[str]:
        """The letter runs that some block has twice in a row."""
        if self._words is None:
            self._scan_letter_runs()
        return self._doubled

    def _scan_letter_runs(self) -> None:
        # A piece of about _SCAN_PIECE characters at a time, cut at block
        # starts: a 10 MB document never holds all its runs at once. Runs
        # next to each other across a cut are not compared, and two
        # neighbouring blocks' last and first runs are: a few more doubled
        # runs than there are, never fewer, which a gate may have.
        pattern = _ASCII_LETTER_RUN if self.ascii else _LETTER_RUN
        words: set[str] = set()
        doubled: set[str] = set()
        text, starts = self.text, self.starts
        begin = 0
        while begin < len(text):
            end = bisect_right(starts, begin + _SCAN_PIECE)
            end = len(text) if end >= len(starts) else max(starts[end], begin + 1)
            runs = pattern.findall(text, begin, end)
            words.update(runs)
            doubled.update(compress(runs, map(eq, runs, runs[1:])))
            begin = end
        self._words, self._doubled = words, doubled

    def blocks_with(self, literals: Iterable[str]) -> set[int] | None:
        """ids of the blocks whose lowered text contains any of `literals`;
        None when that is likely most blocks (every block must be read)."""
        text, starts, blocks = self.text, self.starts, self.blocks
        if literals == DIGITS and not self.ascii:
            return None  # \d also matches other scripts' digits
        # Shortest first: "is" or "to" is in nearly every block, and one
        # count (at C speed) says so before any search block by block.
        literals = sorted((literal for literal in literals if self._may_hold(literal)), key=len)
        if len(literals) > 1 and len(literals[-1]) <= 2:
            return self.blocks_matching(_alternation(frozenset(literals)))
        if any(len(literal) <= _COMMON_LENGTH and text.count(literal, 0, _SAMPLE) * len(text)
               > len(starts) * min(len(text), _SAMPLE) for literal in literals):
            return None
        found: set[int] = set()
        for literal in literals:
            at = text.find(literal)
            while at != -1:
                index = bisect_right(starts, at) - 1
                found.add(id(blocks[index]))
                # One occurrence is enough: go on from the next block.
                if index + 1 == len(starts):
                    break
                at = text.find(literal, starts[index + 1])
        return found

    def _may_hold(self, literal: str) -> bool:
        """False when a character of `literal` is nowhere in the text, or a
        run of its letters is part of no run of letters of the text. The
        distinct runs, one per line, are a few times shorter than the text:
        most literals of most rules are in no document, and are ruled out
        without reading the text."""
        if self._word_list is None:
            self._word_list = "\n".join(self.words)
            self._characters = frozenset(self.text)
        if not self._characters.issuperset(literal):
            return False
        runs = _RUNS.get(literal)
        if runs is None:
            runs = _RUNS[literal] = tuple(_LETTER_RUN.findall(literal))
        word_list = self._word_list
        return all(run in word_list for run in runs)

    def blocks_matching(self, pattern: re.Pattern, *, original: bool = False) -> set[int]:
        """ids of the blocks whose lowered text (or `original` text) `pattern`
        matches in: one search per block that has a match, plus one that
        finds none. The pattern must match no line break (blocks are joined
        with one)."""
        if original:
            if self._original is None:
                self._original = "\n".join(block.text for block in self.blocks)
                self._original_starts = _starts(block.text for block in self.blocks)
            text, starts = self._original, self._original_starts
        else:
            text, starts = self.text, self.starts
        blocks = self.blocks
        found: set[int] = set()
        match = pattern.search(text)
        while match:
            index = bisect_right(starts, match.start()) - 1
            found.add(id(blocks[index]))
            if index + 1 == len(starts):
                break
            match = pattern.search(text, starts[index + 1])
        return found


def _starts(texts) -> list[int]:
    """Where each text starts once they are joined with one character between."""
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    return starts


@functools.lru_cache(maxsize=256)
def _alternation(literals: frozenset[str]) -> re.Pattern:
    """One regex for many short strings ("  ", " \t", ...): a search for
    each would read the whole text again, and text is full of spaces. A
    trie: at each space it tries one branch, not every string."""
    return re.compile(trie_pattern(literals, space=" "))


class Gate:
    """Which blocks of a document a matcher needs to look at: the ids of
    `candidates`, or every block when that is None."""

    def __init__(self, candidates: set[int] | None = None):
        self.candidates = candidates

    def select(self, blocks: list) -> list:
        """The blocks of `blocks` that may hold a match, in order."""
        if self.candidates is None or not ENABLED:
            return blocks
        candidates = self.candidates
        return [block for block in blocks if id(block) in candidates]

    def allows(self, block) -> bool:
        """Whether the block may hold a match."""
        return self.candidates is None or not ENABLED or id(block) in self.candidates


OPEN = Gate()  # looks at every block
# Off, every gate opens: the tests compare findings both ways.
ENABLED = True

_RUNS: dict[str, tuple[str, ...]] = {}  # a literal's runs of letters, found once
_SCAN_PIECE = 1 << 16  # characters of text scanned for letter runs at a time
_SAMPLE = 20_000  # characters counted to judge how common a literal is
_COMMON_LENGTH = 3  # literals this short may be in most blocks
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ASCII_LETTER_RUN = re.compile(r"[a-z]+")  # the same runs in lowered ASCII text, twice as fast


def union_literals(patterns) -> frozenset[str] | None:
    """What any of `patterns` needs: None when one of them needs nothing known."""
    union: set[str] = set()
    for pattern in patterns:
        needed = required_literals(pattern)
        if needed is None:
            return None
        union |= needed
    return frozenset(union)
