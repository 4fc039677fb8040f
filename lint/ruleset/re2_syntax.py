r"""A Python regex written in RE2's syntax with the same meaning, when one exists.

RE2 (`google-re2`) matches in time linear in the text, whatever the
pattern. Its syntax is close to Python's but some meanings differ: ``\w``,
``\d`` and ``\s`` are ASCII-only in RE2 and Unicode in Python, and ``$``
in Python also matches before a final newline. So the pattern is written
out again from the parse `re` itself makes, item by item, in terms whose
meaning is the same in both (``\p{Nd}`` for ``\d``, the exact white-space
class for ``\s``). Word boundaries are RE2's ``\b``, which is Python's on
text with no letter or digit outside ASCII (the matcher checks the text).
What RE2 cannot say — lookaround, backreferences, conditionals, atomic
groups and possessive repeats — makes `to_re2` answer None, and the
pattern is matched by the `regex` module under a time budget instead
(`lint.ruleset.bounded`).
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]  # deliberate: the parser's opcodes

# Python's \s on str: every character for which str.isspace() holds.
_SPACE = r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
# Python's \w on str: str.isalnum() or "_" (letters and numbers of every script).
_WORD = r"\p{L}\p{N}_"
_UNICODE_CLASSES = {  # category: (inside a class, standalone)
    c.CATEGORY_DIGIT: (r"\p{Nd}", r"\p{Nd}"),
    c.CATEGORY_NOT_DIGIT: (None, r"\P{Nd}"),
    c.CATEGORY_SPACE: (_SPACE, f"[{_SPACE}]"),
    c.CATEGORY_NOT_SPACE: (None, f"[^{_SPACE}]"),
    c.CATEGORY_WORD: (_WORD, f"[{_WORD}]"),
    c.CATEGORY_NOT_WORD: (None, f"[^{_WORD}]"),
}
_ASCII_CLASSES = {
    c.CATEGORY_DIGIT: ("0-9", "[0-9]"),
    c.CATEGORY_NOT_DIGIT: (None, "[^0-9]"),
    c.CATEGORY_SPACE: (r"\t-\r ", r"[\t-\r ]"),
    c.CATEGORY_NOT_SPACE: (None, r"[^\t-\r ]"),
    c.CATEGORY_WORD: ("0-9A-Za-z_", "[0-9A-Za-z_]"),
    c.CATEGORY_NOT_WORD: (None, "[^0-9A-Za-z_]"),
}


_BOUNDARIES = {c.AT_BOUNDARY: r"\b", c.AT_NON_BOUNDARY: r"\B"}


class _Unsupported(Exception):
    """The item has no RE2 spelling with the same meaning."""


class Re2Form:
    """The RE2 spelling of a pattern, whether its meaning needs the text not
    to end in a newline (Python's ``$`` also matches before one), and
    whether it needs the text to have no word character outside ASCII
    (RE2's ``\b`` knows only ASCII letters; on such text it is Python's)."""

    def __init__(self, source: str, end_sensitive: bool, ascii_words: bool):
        self.source = source
        self.end_sensitive = end_sensitive
        self.ascii_words = ascii_words


def to_re2(parsed, flags: int, relaxed: bool = False) -> Re2Form | None:
    """The RE2 form of a parsed pattern (`re._parser.parse`), or None.

    `relaxed` drops what RE2 cannot say but only narrows a match
    (lookaround, word boundaries; atomic groups and possessive repeats
    become plain ones): the form then matches wherever the pattern does,
    and more, so where it finds nothing the pattern finds nothing."""
    writer = _Writer(parsed.state.groupdict, relaxed)
    try:
        body = writer.sequence(parsed, flags | parsed.state.flags)
    except _Unsupported:
        return None
    prefix = "(?i)" if (flags | parsed.state.flags) & re.IGNORECASE else ""
    return Re2Form(prefix + body, writer.end_sensitive, writer.ascii_words)


class _Writer:
    def __init__(self, groupdict: dict[str, int], relaxed: bool = False):
        self.names = {number: name for name, number in groupdict.items()}
        self.relaxed = relaxed
        self.end_sensitive = False
        self.ascii_words = False

    def sequence(self, items, flags: int) -> str:
        return "".join(self.item(op, av, flags) for op, av in items)

    def item(self, op, av, flags: int) -> str:
        if op == c.LITERAL:
            variants = _case_variants(av, flags)
            return f"[{variants}]" if len(variants) > len(_char(av)) else variants
        if op == c.NOT_LITERAL:
            return f"[^{_case_variants(av, flags)}]"
        if op == c.ANY:
            return r"(?s:.)" if flags & re.DOTALL else r"[^\n]"
        if op == c.IN:
            return _class(av, flags)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            return self.repeat(op, av, flags)
        if op == c.SUBPATTERN:
            return self.group(av, flags)
        if op == c.BRANCH:
            return "(?:" + "|".join(self.sequence(b, flags) for b in av[1]) + ")"
        if op == c.AT:
            return self.position(av, flags)
        if self.relaxed:
            return self.relaxed_item(op, av, flags)
        raise _Unsupported(op)

    def relaxed_item(self, op, av, flags: int) -> str:
        if op in (c.ASSERT, c.ASSERT_NOT):
            return ""
        if op == c.ATOMIC_GROUP:
            return f"(?:{self.sequence(av, flags)})"
        if op == c.POSSESSIVE_REPEAT:
            return self.repeat(c.MAX_REPEAT, av, flags)
        if op == c.GROUPREF_EXISTS:
            no = self.sequence(av[2], flags) if av[2] is not None else ""
            return f"(?:{self.sequence(av[1], flags)}|{no})"
        raise _Unsupported(op)  # a backreference: no superset is simple

    def repeat(self, op, av, flags: int) -> str:
        low, high, body = av
        if high == c.MAXREPEAT:
            count = {0: "*", 1: "+"}.get(low, f"{{{low},}}")
        elif low == high:
            count = f"{{{low}}}"
        elif (low, high) == (0, 1):
            count = "?"
        else:
            count = f"{{{low},{high}}}"
        lazy = "?" if op == c.MIN_REPEAT else ""
        return f"(?:{self.sequence(body, flags)}){count}{lazy}"

    def group(self, av, flags: int) -> str:
        number, add, remove, body = av
        inner_flags = (flags | add) & ~remove
        inner = self.sequence(body, inner_flags)
        case = ""
        if (add | remove) & re.IGNORECASE:
            case = "(?i)" if inner_flags & re.IGNORECASE else "(?-i)"
            inner = f"(?:{case}{inner})"
        if number is None:
            return f"(?:{inner})"
        name = self.names.get(number)
        return f"(?P<{name}>{inner})" if name else f"({inner})"

    def position(self, where, flags: int) -> str:
        if where == c.AT_BEGINNING_STRING:
            return r"\A"
        if where == c.AT_END_STRING:
            return r"\z"
        if where == c.AT_BEGINNING:
            return "(?m:^)" if flags & re.MULTILINE else r"\A"
        if where == c.AT_END:
            if flags & re.MULTILINE:
                return "(?m:$)"
            self.end_sensitive = True
            return "" if self.relaxed else r"\z"
        if where in _BOUNDARIES:
            if self.relaxed:
                return ""
            self.ascii_words = True
            return _BOUNDARIES[where]
        raise _Unsupported(where)


def _char(code: int) -> str:
    return f"\\x{{{code:x}}}"


# Under IGNORECASE, Python's `re` also pairs i and I with dotless ı and
# dotted İ; RE2's case folding does not (the only such difference).
_TURKISH_I = "iIıİ"


def _case_variants(code: int, flags: int) -> str:
    """Class items for the characters Python's `re` matches with this one."""
    char = chr(code)
    if not flags & re.IGNORECASE or char not in _TURKISH_I:
        return _char(code)
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return "".join(_char(ord(t)) for t in _TURKISH_I if pattern.fullmatch(t))


def _class(items, flags: int) -> str:
    classes = _ASCII_CLASSES if flags & re.ASCII else _UNICODE_CLASSES
    if len(items) == 1 and items[0][0] == c.CATEGORY:
        return classes[items[0][1]][1]
    negate = bool(items) and items[0][0] == c.NEGATE
    parts = []
    for op, av in items[1:] if negate else items:
        if op == c.LITERAL:
            parts.append(_case_variants(av, flags))
        elif op == c.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
            if flags & re.IGNORECASE and any(av[0] <= ord(t) <= av[1] for t in "iI"):
                parts.append(_case_variants(ord("i"), flags))
        elif op == c.CATEGORY and classes.get(av, (None,))[0]:
            parts.append(str(classes[av][0]))
        else:  # a negated category inside a class, or anything unknown
            raise _Unsupported(op)
    return ("[^" if negate else "[") + "".join(parts) + "]"
