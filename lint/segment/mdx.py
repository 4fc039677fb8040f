"""MDX: Markdown with JSX. Its ESM lines (`import` / `export` blocks) and
JSX expressions (`{...}`, inline or spanning lines) are blanked out —
spaces, line breaks kept, so every offset still points at the source — and
the rest is segmented as Markdown. JSX elements are raw HTML to the
Markdown parser: their tags never reach a rule, the text between them does.
Code (fenced blocks, inline spans) is left for the Markdown segmenter to skip.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lint.model import Block, Document
from lint.segment.markdown import segment_markdown

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ESM = re.compile(r"^(?:import|export)\b")


def mask_mdx(source: str) -> str:
    """The source with ESM blocks and JSX expressions blanked out."""
    out = list(source)
    lines = source.splitlines(keepends=True)
    offset, fence, in_esm, state = 0, None, False, (0, -1)
    for line in lines:
        start = offset
        offset += len(line)
        if fence is not None:
            if line.lstrip(" ").startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening and state[0] == 0:
            fence = opening.group(1)
            continue
        if in_esm or (state[0] == 0 and _ESM.match(line)):
            in_esm = bool(line.strip())  # an ESM block ends at a blank line
            _blank(out, start, offset)
            continue
        state = _mask_expressions(source, out, start, offset, state)
    return "".join(out)


def _mask_expressions(source: str, out: list, start: int, end: int, state: tuple) -> tuple:
    """Blank `{...}` on one line, skipping inline code. `state` is (depth,
    offset of the outer `{`), carried from line to line.

    An attribute's expression (`note={...}`) becomes a quoted blank
    (`note="   "`), the same length, so the tag still parses as HTML."""
    depth, opened = state
    code = False
    for position in range(start, end):
        char = source[position]
        if char == "`" and depth == 0:
            code = not code
        elif not code and char == "{":
            depth += 1
            opened = position if depth == 1 else opened
        if depth and char not in "\r\n":
            out[position] = " "
        if not code and char == "}" and depth:
            depth -= 1
            if depth == 0 and opened > 0 and source[opened - 1] == "=":
                out[opened] = out[position] = '"'
    return depth, opened


def _blank(out: list, start: int, end: int) -> None:
    for position in range(start, end):
        if out[position] not in "\r\n":
            out[position] = " "


def segment_mdx(document: Document, settings=None) -> list[Block]:
    """Prose blocks of an MDX document, at their source offsets."""
    return segment_markdown(replace(document, text=mask_mdx(document.text)), settings)
