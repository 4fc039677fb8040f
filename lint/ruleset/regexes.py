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

from lint.ruleset.literals import (
    DIGITS,
    KNOWN_LITERALS,
    REPEATS,
    fold,
    required_literals,
    sequence_literals,
)
from lint.ruleset.regex_speed import (
    trie_pattern,
    with_first_character_test,
    word_alternations_as_tries,
)

_UNBOUNDED = sre_constants.MAXREPEAT


class UnsafePattern(ValueError):
    """A regex that could take exponential time."""


def compile_safe(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile `pattern`, rejecting syntax errors and catastrophic backtracking."""
    problem, fast, literals = _analyse(pattern, int(flags))
    if problem:
        raise UnsafePattern(problem)
    compiled = re.compile(fast, flags)
    KNOWN_LITERALS[(compiled.pattern, compiled.flags)] = literals
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
    fast = with_first_character_test(word_alternations_as_tries(pattern), parsed)
    return None, fast, sequence_literals(parsed)




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


__all__ = ["DIGITS", "UnsafePattern", "compile_safe", "fold", "required_literals", "trie_pattern"]
