r"""Compiling regexes from rule files safely (the one entry point, `compile_safe`).

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
from re import _constants as sre_constants  # type: ignore[attr-defined]  # deliberate: parser opcodes
from re import _parser as sre_parse  # type: ignore[attr-defined]  # deliberate: re's own parser

from lint.ruleset.bounded import BoundedPattern, TooLarge
from lint.ruleset.literals import (
    DIGITS,
    KNOWN_LITERALS,
    REPEATS,
    fold,
    required_literals,
    sequence_literals,
)
from lint.ruleset.re2_syntax import to_re2
from lint.ruleset.regex_speed import (
    trie_pattern,
    with_first_character_test,
    word_alternations_as_tries,
)

_UNBOUNDED = sre_constants.MAXREPEAT


class UnsafePattern(ValueError):
    """A regex that could take exponential time."""


def compile_safe(pattern: str, flags: int = 0, origin: str | None = None) -> BoundedPattern:
    """Compile `pattern` for matching in bounded time (`lint.ruleset.bounded`),
    rejecting syntax errors and, early, catastrophic backtracking. `origin`
    (a rule's file:line) is what a notice names if the pattern is switched off."""
    problem, fast, literals, re2_form = _analyse(pattern, int(flags))
    if problem:
        raise UnsafePattern(problem)
    compiled = re.compile(fast, flags)
    KNOWN_LITERALS[(compiled.pattern, compiled.flags)] = literals
    try:
        form, relaxed = re2_form
        return BoundedPattern(compiled, form, relaxed, origin=origin or f"built-in regex {pattern[:60]!r}",
                              written=pattern)
    except TooLarge as exc:
        raise UnsafePattern(str(exc)) from None


@functools.lru_cache(maxsize=1024)
def _analyse(pattern: str, flags: int):
    """(why the pattern is refused or None, the pattern to compile, its
    literals, its RE2 form or None)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, OverflowError, RecursionError) as exc:
        return f"bad regex {pattern!r}: {exc}", pattern, None, None
    problem = _find_nested_repeat(parsed, inside_unbounded=False)
    if problem:
        return (f"regex {pattern!r} may backtrack catastrophically ({problem}); "
                "bound the outer repeat, e.g. {0,10} instead of * or +"), pattern, None, None
    fast = with_first_character_test(word_alternations_as_tries(pattern), parsed)
    return None, fast, sequence_literals(parsed), (to_re2(parsed, flags), to_re2(parsed, flags, relaxed=True))




def _find_nested_repeat(parsed, inside_unbounded: bool) -> str | None:
    for op, av in parsed:
        if op in REPEATS:
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
        elif op in _GROUP_LIKE:  # (?>...) and (?(1)yes|no)
            bodies = [av] if op == sre_constants.ATOMIC_GROUP else [b for b in av[1:] if b is not None]
            for body in bodies:
                found = _find_nested_repeat(body, inside_unbounded)
                if found:
                    return found
    return None


_GROUP_LIKE = (sre_constants.ATOMIC_GROUP, sre_constants.GROUPREF_EXISTS)


def _has_overlapping_branches(body) -> bool:
    """(a|a)* or (\\w|\\d)*: alternatives under one repeat that share text."""
    for op, av in body:
        if op == sre_constants.SUBPATTERN:
            return _has_overlapping_branches(av[-1])
        if op == sre_constants.BRANCH:
            texts = [str(b) for b in av[1]]
            return len(texts) != len(set(texts))
    return False


__all__ = ["DIGITS", "UnsafePattern", "compile_safe", "fold", "required_literals", "trie_pattern"]
