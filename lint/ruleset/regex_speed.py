"""Regexes made quicker without changing a match: a lookahead for the
characters a match can start with, and groups of plain words as tries."""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre_constants  # type: ignore[attr-defined]  # deliberate: parser opcodes

from lint.ruleset.literals import REPEATS


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


def word_alternations_as_tries(pattern: str) -> str:
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


def with_first_character_test(pattern: str, parsed) -> str:
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
    if op in REPEATS and op is not None:
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
