"""Code-like tokens that prose rules must leave alone, whichever source
flags them: file names (`main.rs`, `Cargo.toml`), paths, addresses,
identifiers (`main_loop`), words touching inline code, and listing numbers
("Listing 10-9", where the hyphen is not a range)."""

from __future__ import annotations

import re

# A token touching one of these is part of a path, address, identifier or
# markup (U+FFFC stands where inline code was taken out of the block).
NEIGHBOURS = frozenset("/\\@_.#:=<>{}[]|~`$%^&*+\ufffc")
_JOINED = re.compile(r"[^\W_][./\\_@#:=][^\W_]")  # "main.rs", "a/b", "snake_case", "user@host"
_LABELLED_NUMBER = re.compile(r"\b(?:Listing|Figure|Fig\.|Table|Chapter|Section|Example|Step|Appendix)\s+$")
_MARKUP = frozenset("<>`\ufffc")
_NUMBER_PAIR = re.compile(r"\d+(?:[-–.]\d+)+")


def touches_code(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is joined to a path, address, identifier or
    inline code around it. A full stop counts only before a letter or digit
    ("example.com"), never at the end of a sentence; a colon after never does."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    next_after = text[end + 1] if end + 1 < len(text) else " "
    if before in NEIGHBOURS:
        return True
    return after in NEIGHBOURS and (after != "." or next_after.isalnum()) and after != ":"


def is_code_like(text: str, start: int, end: int) -> bool:
    """True when the span is, or is part of, a code-like token or a listing
    number. A span with a space in it is prose and is judged by its edges."""
    if touches_code(text, start, end):
        return True
    span = text[start:end]
    if _MARKUP.intersection(span):
        return True  # "ctrl</kbd>-<kbd>C": the span reaches into markup or inline code
    if not any(c.isspace() for c in span) and _JOINED.search(span):
        return True
    return bool(_NUMBER_PAIR.fullmatch(span.strip())) and bool(_LABELLED_NUMBER.search(text[:start]))
