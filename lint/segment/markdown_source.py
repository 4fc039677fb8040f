"""Preparing a Markdown source for pyromark: front matter masked, and its
UTF-8 byte offsets turned into the code-point offsets Python strings use."""

from __future__ import annotations

import re

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")
# bytes.translate table: 1 for a byte of a non-ASCII character, 0 for ASCII.
_NON_ASCII_MARKS = bytes(byte >= 0x80 for byte in range(256))


def mask_front_matter(source: str) -> str:
    """The source with its YAML front matter blanked out (spaces, line breaks kept).

    pulldown-cmark's own metadata option also takes a `---` block in the
    middle of a document, where it is a thematic break and a setext heading,
    so the front matter is found here: a first line of three or more dashes,
    up to a line of at least as many dashes (indented by less than four) or
    of `...`; without a closing line there is no front matter. Blanking keeps
    every offset, and blank lines are no Markdown.
    """
    opening = re.match(r"-{3,}", source)
    if not opening:
        return source
    lines = _LINE_RE.finditer(source)
    next(lines)
    for line in lines:
        text = line.group().rstrip("\r\n")
        if not line.group():
            return source  # unclosed
        stripped = text.lstrip(" \t")
        dashes = len(stripped) - len(stripped.lstrip("-"))
        indent = len(text[:len(text) - len(stripped)].expandtabs(4))
        if ((text.startswith("...") and not text[3:].strip(" "))
                or (dashes >= opening.end() and indent < 4 and not stripped[dashes:].strip(" "))):
            end = line.start() + len(text)
            return re.sub(r"[^\r\n]", " ", source[:end]) + source[end:]
    return source


def code_points(text: str):
    """A function from UTF-8 byte offsets into `text` to code-point offsets.

    Between two non-ASCII characters a byte offset is the code point plus a
    fixed shift, so most calls cost one comparison; the shift is found again
    (decoding only the bytes since the last offset) when an offset passes a
    non-ASCII character. The walker asks in document order, so that is
    linear time in all; an earlier offset is decoded from the start.
    """
    data = text.encode()
    # 1 for each byte of a non-ASCII character, so that find(1) finds the next one.
    non_ascii = b"" if text.isascii() else data.translate(_NON_ASCII_MARKS)
    low = high = shift = 0  # offsets in [low, high] are ASCII-only apart: code point = offset - shift

    def position(offset: int) -> int:
        nonlocal low, high, shift
        if low <= offset <= high:
            return offset - shift
        if offset < low:
            point = len(data[:offset].decode())
        else:
            point = low - shift + len(data[low:offset].decode())
        next_non_ascii = non_ascii.find(1, offset)
        low, shift = offset, offset - point
        high = next_non_ascii if next_non_ascii >= 0 else len(data)
        return point

    return position
