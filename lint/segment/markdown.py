"""Markdown (CommonMark + GFM tables + YAML front matter) with markdown-it-py.

Prose blocks come from headings, paragraphs, list items, block quotes and
table cells, with link text kept in its sentence; image alt text becomes a
block of its own. Code (fenced, indented, inline), URLs, raw HTML and front
matter never reach a rule. markdown-it does not record where inline tokens
start, so a small subclass of its inline state notes the position of every
token as it is pushed; the line map of the block then takes that position
back to the source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..types import Block, Document
from .html import segment_html_fragment
from .lines import ContentLocator, LineTable
from .textmap import BlockBuilder

_CONTAINER_KINDS = {"blockquote_open": "quote", "list_item_open": "list-item"}
_CELL_OPEN = {"th_open", "td_open"}
# GitHub alerts: a quote that opens with `[!NOTE]` on a line of its own.
_ALERT_RE = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)", re.IGNORECASE)


class _PositionedState(StateInline):
    """Inline state that records where in `src` each token begins."""

    def pushPending(self) -> Token:
        token = super().pushPending()
        # Pending text is a verbatim run of src ending at (or just before) pos.
        token.meta["end"] = self.src.rfind(token.content, 0, self.pos) + len(token.content)
        return token

    def push(self, ttype: str, tag: str, nesting) -> Token:
        token = super().push(ttype, tag, nesting)
        token.meta["start"] = self.pos
        if ttype == "text":
            token.meta["end"] = self.pos + len(token.content)
        return token


class _PositionedInlineParser(ParserInline):
    """markdown-it's inline parser, run on a `_PositionedState`."""

    def parse(self, src, md, env, tokens):
        """Tokenize like ParserInline.parse, recording token positions."""
        state = _PositionedState(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough, front matter, positions."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    # Keep escapes and entities as separate tokens: they are not verbatim.
    md.disable("text_join")
    md.inline.__class__ = _PositionedInlineParser
    return md


def segment_markdown(document: Document, settings=None) -> list[Block]:
    """Prose blocks of a Markdown document, mapped to exact source offsets."""
    # markdown-it turns NUL into U+FFFD; searching a copy that does the same
    # keeps every offset (the replacement has the same length).
    source = document.text.replace("\0", "\ufffd")
    lines = LineTable(source)
    blocks: list[Block] = []
    containers: list[str] = []
    in_heading = in_cell = quote_opened = False
    row_cursor = 0
    for token in markdown_parser().parse(source):
        kind = token.type
        if kind in _CONTAINER_KINDS:
            containers.append(_CONTAINER_KINDS[kind])
            quote_opened = kind == "blockquote_open"
        elif kind in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "tr_open":
            row_cursor = lines.start(token.map[0]) if token.map else row_cursor
        elif kind in _CELL_OPEN:
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "html_block" and token.map and not containers:
            # Text inside raw HTML is prose; its tags and attributes are not.
            blocks.extend(segment_html_fragment(source, lines.start(token.map[0]),
                                                lines.end(token.map[1] - 1), settings))
        elif kind == "inline" and token.map:
            if in_heading:
                block_kind = "heading"
            elif in_cell:
                block_kind = "table-cell"
            else:
                block_kind = containers[-1] if containers else "paragraph"
            alert = _ALERT_RE.match(token.content) if quote_opened else None
            quote_opened = False
            if alert:
                block_kind = containers[-1] = "admonition"  # the whole quote is the alert
            locator = ContentLocator(source, lines, token.content, token.map[0],
                                     row_cursor if in_cell else None)
            if in_cell:
                row_cursor = locator.end
            blocks.extend(_inline_blocks(token.children or [], locator, block_kind,
                                         skip_before=alert.end() if alert else 0))
    return blocks


def _inline_blocks(children: list[Token], locator: ContentLocator, kind: str,
                   skip_before: int = 0) -> list[Block]:
    """The block for one inline token, plus one alt-text block per image;
    content before `skip_before` (an alert marker) is not prose."""
    builder = BlockBuilder(kind)
    extra: list[Block] = []
    _walk(children, locator, builder, extra, base=0, skip_before=skip_before)
    block = builder.build()
    return ([block] if block else []) + extra


def _walk(children: list[Token], locator: ContentLocator, builder: BlockBuilder, extra: list[Block],
          base: int, skip_before: int = 0) -> None:
    """Append the prose of inline tokens; `base` is where their src starts in the content."""
    skip_until_close = False
    for token in children:
        kind = token.type
        start = base + token.meta.get("start", 0)
        if kind == "text":
            start = base + token.meta.get("end", 0) - len(token.content)
        if start < skip_before:
            continue
        if skip_until_close:
            skip_until_close = kind != "link_close"
            continue
        if kind == "text":
            locator.add_text(builder, token.content, start)
        elif kind == "text_special":
            source_start = locator.to_source(start)
            raw = token.markup or token.content
            if token.content == raw:
                locator.add_text(builder, raw, start)
            else:
                builder.decoded(token.content, source_start, source_start + len(raw))
        elif kind in ("softbreak", "hardbreak"):
            locator.add_newline(builder, start)
        elif kind == "code_inline":
            source_start = locator.to_source(start)
            builder.placeholder(source_start, source_start + len(token.markup or "`"))
        elif kind == "link_open" and token.markup in ("autolink", "linkify"):
            source_start = locator.to_source(start)
            builder.placeholder(source_start, source_start + 1)
            skip_until_close = True
        elif kind == "image":
            source_start = locator.to_source(start)
            builder.placeholder(source_start, source_start + 2)
            alt = BlockBuilder("alt-text")
            # The alt text was parsed on its own from the label after "![".
            _walk(token.children or [], locator, alt, extra, base=start + 2)
            block = alt.build()
            if block:
                extra.append(block)
        elif kind == "html_inline" and re.match(r"<br\b", token.content, re.IGNORECASE):
            source_start = locator.to_source(start)
            builder.decoded("\n", source_start, source_start + len(token.content))
        # Emphasis, strikethrough and link markers, and other raw HTML, add no text.
