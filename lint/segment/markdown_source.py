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


# Inline HTML that holds code, not prose: `<code>x</code>` in a table cell.
CODE_TAG_RE = re.compile(r"<(code|kbd|samp|var|tt)\b[^>]*>", re.IGNORECASE)
# What ends a sentence (a closing quote or bracket may follow).
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*$")


def skip_inline_code(events, opening: str, where: dict):
    """Pass over the events up to the tag that closes `opening` (an HTML code
    tag); the byte offset where the code ends, and the End event of the
    enclosing block when that came first ((tag, range), else None)."""
    tag = opening[1:].split(">")[0].split()[0]
    closing = re.compile(rf"</{re.escape(tag)}\s*>", re.IGNORECASE)
    depth, end = 0, where["end"]
    for event, at in events:
        if event.__class__ is dict:
            ((name, value),) = event.items()
            if name == "InlineHtml" and closing.match(value):
                return at["end"], None
            if name == "Start":
                depth += 1
            elif name == "End":
                if not depth:
                    return end, (value if value.__class__ is str else next(iter(value)), at)
                depth -= 1
        end = at["end"]
    return end, None


def join_continuations(blocks: list, code_before: set[int], placeholder: str) -> list:
    """Join a paragraph that goes on with a sentence after a code block to
    the paragraph before it ("run\\n```...```\\nand then wait"): a rule then
    sees one sentence, not one that starts in lower case. `code_before`
    holds the indexes of the blocks that follow a code block."""
    from lint.model import Block, Span

    joined: list = []
    for index, block in enumerate(blocks):
        before = joined[-1] if joined else None
        if (index in code_before and before is not None and before.kind == block.kind == "paragraph"
                and block.text[:1].islower() and not _SENTENCE_END_RE.search(before.text)):
            shift = len(before.text) + 3
            spans = before.spans + tuple(Span(s.text_start + shift, s.source_start, s.length)
                                         for s in block.spans)
            joined[-1] = Block(f"{before.text} {placeholder} {block.text}", block.kind, spans)
        else:
            joined.append(block)
    return joined


def without_line_end(source: str, end: int) -> int:
    """`end` moved back before the line ending that closes source[:end], if any."""
    if source.startswith("\n", end - 1):
        end -= 1
    if source.startswith("\r", end - 1):
        end -= 1
    return end
