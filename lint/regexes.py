r"""Compiling regexes from rule files safely.

Python's `re` has no time limit, so a pattern that backtracks
catastrophically (``(a+)+$``) could hang a run on one unlucky sentence.
Such patterns are rejected when the rule is loaded: an unbounded repeat
inside another unbounded repeat, or an unbounded repeat over alternatives
that match the same text, is refused with the rule's file:line. Bounding
the outer repeat (``(?:\s+\w+){0,10}``) is always accepted.
"""

from __future__ import annotations

import re

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
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error as exc:
        raise UnsafePattern(f"bad regex {pattern!r}: {exc}") from None
    problem = _find_nested_repeat(parsed, inside_unbounded=False)
    if problem:
        raise UnsafePattern(f"regex {pattern!r} may backtrack catastrophically ({problem}); "
                            "bound the outer repeat, e.g. {0,10} instead of * or +")
    return re.compile(pattern, flags)


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
