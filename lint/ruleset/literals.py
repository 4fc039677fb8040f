"""What text every match of a pattern needs (`required_literals`), for the
block prefilter (`lint.check.prefilter`), and the case folding it compares with."""

from __future__ import annotations

from re import _constants as sre_constants  # type: ignore[attr-defined]  # deliberate: parser opcodes
from re import _parser as sre_parse  # type: ignore[attr-defined]  # deliberate: re's own parser
from typing import Protocol, cast

REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
# What compile_safe worked out of each pattern it compiled, by (pattern, flags).
KNOWN_LITERALS: dict[tuple[str, int], frozenset[str] | None] = {}

_MIN_LITERAL = 2  # a one-letter requirement rules out too little to pay for itself
def fold(text: str) -> str:
    """Lower-case text as the literal prefilter compares it, so that whatever
    a pattern matches case-insensitively still contains its literals.

    lower() alone keeps apart letters IGNORECASE joins: long s and S, dotless
    i and I, Greek final and medial sigma, old Cyrillic letter forms.
    Upper-casing first brings each to its main form; dotted capital I
    lowers to "i" plus a combining dot, which goes.
    """
    if text.isascii():
        return text.lower()
    return text.upper().lower().replace("ς", "σ").replace("i\u0307", "i")
DIGITS = frozenset("0123456789")


class CompiledPattern(Protocol):
    """A compiled regex as far as the literal analysis needs it (an
    `re.Pattern` or a `bounded.BoundedPattern`)."""

    pattern: str
    flags: int


def required_literals(pattern: CompiledPattern) -> frozenset[str] | None:
    """Lower-case strings of which at least one occurs in any text the
    pattern matches in (its lookbehinds and lookaheads included), or None
    when no such set is known.

    ``\\bthe\\s+(?:largest|first)\\b`` needs "the"; ``(?:largest|first)``
    needs "largest" or "first". A rule can skip every block whose lowered
    text holds none of them without running its regex: most rules match a
    handful of blocks in a whole book, and a regex that opens with a
    lookbehind has no literal prefix for `re` to search for.
    """
    key = (pattern.pattern, pattern.flags)
    if key not in KNOWN_LITERALS:
        KNOWN_LITERALS[key] = sequence_literals(sre_parse.parse(pattern.pattern, pattern.flags))
    return KNOWN_LITERALS[key]


def _selective(literals: frozenset[str]) -> bool:
    """Worth searching for: no one-letter string, except digits (rare in prose)."""
    return min(map(len, literals)) >= _MIN_LITERAL or literals <= DIGITS


def sequence_literals(items) -> frozenset[str] | None:
    """The most selective requirement among the items of a sequence."""
    candidates = _sequence_candidates(items)
    return _sequence_literals_of(candidates) if candidates else None


def _sequence_candidates(items) -> list[frozenset[str]]:
    """Every selective requirement of a sequence, one per item or literal run.

    A run is the set of strings the text between two unknown items must be
    one of: literals and small classes multiply it ("[ \t]{2,}" needs one
    of four two-character strings), and the characters the next item can
    start with end it (" +[,;]" needs " ," or " ;"). Groups are read as
    part of the sequence: "(?P<word>[a-z]+ly)-" needs "ly-".
    """
    candidates: list[frozenset[str]] = []
    run = _EMPTY_RUN
    for op, av in _without_groups(items):
        strings = _class_strings(op, av)
        if strings is not None:
            run = _extend(run, strings, candidates)
            continue
        repeated = _repeated_strings(op, av)
        if repeated is not None:  # "  +" needs two spaces
            strings, low = repeated
            copies = min(low, 8)
            for _ in range(copies):
                run = _extend(run, strings, candidates)
            if av[0] != av[1] or low != copies:
                # What follows comes after the last character of the repeat.
                candidates.append(run)
                run = strings
            continue
        if run is not _EMPTY_RUN and op not in _ZERO_WIDTH:
            following = _first_strings([(op, av)])
            if following is not None and len(run) * len(following) <= _RUN_LIMIT:
                candidates.append(frozenset(r + f for r in run for f in following))
        if run is not _EMPTY_RUN:
            candidates.append(run)
            run = _EMPTY_RUN
        needed = _item_literals(op, av)
        if needed is not None:
            candidates.append(needed)
    if run is not _EMPTY_RUN:
        candidates.append(run)
    return [c for c in candidates if _selective(c)]


def _without_groups(items):
    """The items of a sequence with every group's items in its place."""
    for op, av in items:
        if op == sre_constants.SUBPATTERN:
            yield from _without_groups(av[-1])
        else:
            yield op, av


_EMPTY_RUN = frozenset([""])
_RUN_LIMIT = 64  # strings a run may hold; a longer product starts a new run
_CLASS_STRINGS = 8  # a class of more characters than this rules out too little
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def _extend(run: frozenset[str], strings: frozenset[str], candidates: list) -> frozenset[str]:
    """The run followed by one of `strings`; when that is too many
    strings, the run so far becomes a candidate and `strings` starts anew."""
    if len(run) * len(strings) > _RUN_LIMIT:
        candidates.append(run)
        return strings
    return frozenset(r + s for r in run for s in strings)


def _class_strings(op, av) -> frozenset[str] | None:
    """A literal character, or a class of a few listed characters, as the
    folded strings it matches; None for anything else."""
    if op == sre_constants.LITERAL:
        return frozenset([fold(chr(av))])
    if op == sre_constants.IN and len(av) <= _CLASS_STRINGS and all(
            item_op == sre_constants.LITERAL for item_op, _ in av):
        return frozenset(fold(chr(value)) for _, value in av)
    return None


def _repeated_strings(op, av) -> tuple[frozenset[str], int] | None:
    """(strings, least count) for a repeat of one literal or small class
    at least once; None for anything else."""
    if op not in REPEATS or op is None:
        return None
    low, _high, body = av
    if low < 1 or len(body) != 1:
        return None
    strings = _class_strings(*body[0])
    return None if strings is None else (strings, low)


def _first_strings(items) -> frozenset[str] | None:
    """The folded characters any match of `items` starts with, when few and
    known (zero-width items are skipped; they consume nothing)."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        strings = _class_strings(op, av)
        if strings is not None:
            return strings
        if op == sre_constants.SUBPATTERN:
            return _first_strings(av[-1])
        repeated = _repeated_strings(op, av)
        if repeated is not None:
            return repeated[0]
        if op in REPEATS and op is not None and av[0] >= 1:
            return _first_strings(av[2])
        if op == sre_constants.BRANCH:
            firsts = [_first_strings(branch) for branch in av[1]]
            if any(first is None for first in firsts):
                return None
            union = frozenset[str]().union(*cast("list[frozenset[str]]", firsts))
            return union if len(union) <= _CLASS_STRINGS else None
        return None
    return None  # can match the empty string


def _item_literals(op, av) -> frozenset[str] | None:
    """What one parsed item needs, or None when it needs nothing known."""
    if op == sre_constants.SUBPATTERN:
        return sequence_literals(av[-1])
    if op == sre_constants.ASSERT:  # a lookaround's text is in the block too
        return sequence_literals(av[1])
    if op in REPEATS and op is not None:
        low, _high, body = av
        return sequence_literals(body) if low >= 1 else None
    if op == sre_constants.IN and av == [(sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT)]:
        return DIGITS  # \d: exact in ASCII text (DocumentText knows)
    if op == sre_constants.BRANCH:
        return _branch_literals([_sequence_candidates(branch) for branch in av[1]])
    return None


def _branch_literals(branches: list[list[frozenset[str]]]) -> frozenset[str] | None:
    """What one of several alternatives needs: the union of each one's best
    requirement. When that union holds a one-letter string (the figures
    rule: "million" or a digit, else "%" or a digit), a digit, if every
    alternative needs one."""
    if not all(branches):
        return None
    union = frozenset().union(*(_sequence_literals_of(candidates) for candidates in branches))
    if not _selective(union) and all(DIGITS in candidates for candidates in branches):
        return DIGITS
    return union


def _sequence_literals_of(candidates: list[frozenset[str]]) -> frozenset[str]:
    # Longest shortest-string first; fewer alternatives break a tie.
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))
