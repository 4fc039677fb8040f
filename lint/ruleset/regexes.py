r"""Compiling regexes from rule files safely.

Python's `re` has no time limit, so a pattern that backtracks
catastrophically (``(a+)+$``) could hang a run on one unlucky sentence.
Such patterns are rejected when the rule is loaded: an unbounded repeat
inside another unbounded repeat, or an unbounded repeat over alternatives
that match the same text, is refused with the rule's file:line. Bounding
the outer repeat (``(?:\s+\w+){0,10}``) is always accepted.

Patterns are also made quicker without changing a match: a lookahead for
the characters a match can start with, groups of plain words as tries; and
`required_literals` says what text every match needs, for the prefilter
(`lint.check.prefilter`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

try:  # Python 3.11+: the parser moved under re
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants  # type: ignore
    import sre_parse  # type: ignore

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
_UNBOUNDED = sre_constants.MAXREPEAT


class UnsafePattern(ValueError):
    """A regex that could take exponential time."""


def compile_safe(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile `pattern`, rejecting syntax errors and catastrophic backtracking."""
    problem, fast, literals = _analyse(pattern, int(flags))
    if problem:
        raise UnsafePattern(problem)
    compiled = re.compile(fast, flags)
    _LITERALS[(compiled.pattern, compiled.flags)] = literals
    return compiled


@functools.lru_cache(maxsize=1024)
def _analyse(pattern: str, flags: int) -> tuple[str | None, str, frozenset[str] | None]:
    """(why the pattern is refused or None, the pattern to compile, its literals)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error as exc:
        return f"bad regex {pattern!r}: {exc}", pattern, None
    problem = _find_nested_repeat(parsed, inside_unbounded=False)
    if problem:
        return (f"regex {pattern!r} may backtrack catastrophically ({problem}); "
                "bound the outer repeat, e.g. {0,10} instead of * or +"), pattern, None
    fast = _with_first_character_test(_word_alternations_as_tries(pattern), parsed)
    return None, fast, _sequence_literals(parsed)


_LITERALS: dict[tuple[str, int], frozenset[str] | None] = {}


def trie_pattern(phrases: Iterable[str], space: str = r"\s+") -> str:
    """One regex for many normalised phrases, shared prefixes factored out;
    a space in a phrase matches `space` (any run of white space, unless
    told otherwise).

    A flat alternation tries every phrase at every position; the trie tries
    one branch per character, so its cost stops growing with the list. Each
    optional tail is greedy, so the longest phrase that fits still wins.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(space if char == " " else re.escape(char), {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [token + _trie_regex(child) for token, child in node.items() if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase may end here: the rest is optional (greedy)
        return f"(?:{body})?"
    return body


_WORD_ALTERNATION = re.compile(r"\(\?:([A-Za-z]+(?:\|[A-Za-z]+)+)\)")


def _word_alternations_as_tries(pattern: str) -> str:
    """The pattern with each group of plain words, ``(?:many|most|multiple)``,
    written as a trie, ``(?:m(?:any|ost|ultiple))``.

    `re` tries every word of a group in turn at each place, and under
    IGNORECASE cannot rule a word out by its first letter; the trie tries
    one branch. When no word is a prefix of another (checked ignoring case;
    otherwise the group is left alone), at most one word fits at a place,
    so the trie matches exactly where the group does.
    """
    pieces, done = [], 0
    for match in _WORD_ALTERNATION.finditer(pattern):
        words = [word.lower() for word in match.group(1).split("|")]
        if not _is_structural(pattern, match.start()) or any(
                a != b and b.startswith(a) for a in words for b in words) or len(set(words)) < len(words):
            continue
        pieces += [pattern[done:match.start()], "(?:", trie_pattern(match.group(1).split("|")), ")"]
        done = match.end()
    return "".join(pieces) + pattern[done:] if pieces else pattern


def _is_structural(pattern: str, position: int) -> bool:
    """Whether pattern[position] is outside character classes and not escaped."""
    in_class = escaped = False
    class_start = -1
    for index, char in enumerate(pattern[:position]):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            # "]" right after "[" or "[^" is a member, not the end.
            if char == "]" and index > class_start + 1 and pattern[class_start + 1:index] != "^":
                in_class = False
        elif char == "[":
            in_class, class_start = True, index
    return not in_class and not escaped


def _with_first_character_test(pattern: str, parsed) -> str:
    r"""The pattern led by a lookahead for the characters a match can start
    with, when they are few.

    `re` tries the whole pattern at every position of the text; a pattern
    opening with ``\b`` or a group of alternatives gets no help from its
    literal-prefix search. ``(?=[$\d])`` first rejects most positions at
    the cost of one class test (claims.exact-figure: 3x faster). The
    lookahead matches nothing and captures nothing, so matches and groups
    are the same.
    """
    first = _first_characters(list(parsed))
    if first is None or first[1] or pattern.startswith("(?") and pattern[2:3].isalpha():
        return pattern  # unknown, can match empty, or leads with global flags
    return f"(?=[{''.join(sorted(first[0]))}])(?:{pattern})"


_CLASS_LIMIT = 40  # a longer class rejects too little to pay for itself


def _first_characters(items) -> tuple[set[str], bool] | None:
    """(class items a match of `items` can start with, whether it can be
    empty), or None when not known or too many."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # zero width: the next item starts the match
        item = _item_first_characters(op, av)
        if item is None:
            return None
        found |= item[0]
        if len(found) > _CLASS_LIMIT:
            return None
        if not item[1]:
            return found, False
    return found, True


def _item_first_characters(op, av) -> tuple[set[str], bool] | None:
    if op == sre_constants.LITERAL:
        return {re.escape(chr(av))}, False
    if op == sre_constants.IN:
        return _class_items(av)
    if op == sre_constants.SUBPATTERN:
        return _first_characters(av[-1])
    if op in _REPEATS and op is not None:
        inner = _first_characters(av[2])
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    if op == sre_constants.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in av[1]:
            inner = _first_characters(branch)
            if inner is None:
                return None
            found |= inner[0]
            empty = empty or inner[1]
        return found, empty
    return None


def _class_items(av) -> tuple[set[str], bool] | None:
    """A character class as lookahead class items ({'a-c', '\\d', '$'})."""
    items: set[str] = set()
    for op, value in av:
        if op == sre_constants.LITERAL:
            items.add(re.escape(chr(value)))
        elif op == sre_constants.RANGE:
            items.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op == sre_constants.CATEGORY and value == sre_constants.CATEGORY_DIGIT:
            items.add(r"\d")
        else:  # negated classes, \w, \s: too broad to help
            return None
    return items, False


def _find_nested_repeat(parsed, inside_unbounded: bool) -> str | None:
    for op, av in parsed:
        if op in _REPEATS:
            low, high, body = av
            unbounded = high == _UNBOUNDED or high > 50
            if unbounded and inside_unbounded:
                return "nested quantifier"
            if unbounded and _has_overlapping_branches(body):
                return "repeated alternatives that overlap"
            found = _find_nested_repeat(body, inside_unbounded or unbounded)
            if found:
                return found
        elif op == sre_constants.SUBPATTERN:
            found = _find_nested_repeat(av[-1], inside_unbounded)
            if found:
                return found
        elif op == sre_constants.BRANCH:
            for branch in av[1]:
                found = _find_nested_repeat(branch, inside_unbounded)
                if found:
                    return found
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found = _find_nested_repeat(av[1], inside_unbounded)
            if found:
                return found
    return None


def _has_overlapping_branches(body) -> bool:
    """(a|a)* or (\\w|\\d)*: alternatives under one repeat that share text."""
    for op, av in body:
        if op == sre_constants.SUBPATTERN:
            return _has_overlapping_branches(av[-1])
        if op == sre_constants.BRANCH:
            texts = [str(b) for b in av[1]]
            return len(texts) != len(set(texts))
    return False


# Literal prefilters -------------------------------------------------------

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


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
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
    if key not in _LITERALS:
        _LITERALS[key] = _sequence_literals(sre_parse.parse(pattern.pattern, pattern.flags))
    return _LITERALS[key]


def _selective(literals: frozenset[str]) -> bool:
    """Worth searching for: no one-letter string, except digits (rare in prose)."""
    return min(map(len, literals)) >= _MIN_LITERAL or literals <= DIGITS


def _sequence_literals(items) -> frozenset[str] | None:
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
    candidates = []
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
    if op not in _REPEATS or op is None:
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
        if op in _REPEATS and op is not None and av[0] >= 1:
            return _first_strings(av[2])
        if op == sre_constants.BRANCH:
            firsts = [_first_strings(branch) for branch in av[1]]
            if any(first is None for first in firsts):
                return None
            union = frozenset().union(*firsts)
            return union if len(union) <= _CLASS_STRINGS else None
        return None
    return None  # can match the empty string


def _item_literals(op, av) -> frozenset[str] | None:
    """What one parsed item needs, or None when it needs nothing known."""
    if op == sre_constants.SUBPATTERN:
        return _sequence_literals(av[-1])
    if op == sre_constants.ASSERT:  # a lookaround's text is in the block too
        return _sequence_literals(av[1])
    if op in _REPEATS and op is not None:
        low, _high, body = av
        return _sequence_literals(body) if low >= 1 else None
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
