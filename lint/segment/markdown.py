"""Markdown (CommonMark + GFM tables, strikethrough and alerts, YAML front
matter) with pyromark, the Python binding of Rust's pulldown-cmark.

Prose blocks come from headings, paragraphs, list items, block quotes
(`> [!NOTE]` alerts become admonitions) and table cells, with link text kept
in its sentence; image alt text becomes a block of its own. Code (fenced,
indented, inline), URLs, front matter and HTML inside quotes or lists never
reach a rule; the text of other raw HTML blocks goes through the HTML
segmenter.

pulldown-cmark reports where every event lies in the source, so text maps
back without searching. Its ranges are UTF-8 byte offsets, which
`markdown_source.code_points` turns into the code-point offsets Python strings use.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import Any

import pyromark

from lint.model import Block, Document
from lint.segment.markdown_source import (
    CODE_TAG_RE,
    code_points,
    join_continuations,
    mask_front_matter,
    skip_inline_code,
    without_line_end,
)
from lint.segment.textmap import PLACEHOLDER, BlockBuilder

_OPTIONS = (pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
            | pyromark.Options.ENABLE_GFM)  # GFM: `> [!NOTE]` alerts
_ASCII_PUNCTUATION = frozenset(string.punctuation)  # what a backslash escapes
_BR_RE = re.compile(r"<br\b", re.IGNORECASE)
# Raw HTML that is only comments (without a "--" inside), end tags, and
# start tags without a title or alt attribute (the only attributes the HTML
# segmenter reads) holds no prose, so that segmenter need not parse it.
# (All but a few of the rust-book's 900 HTML blocks: `<Listing ...>`.)
_NO_PROSE_HTML_RE = re.compile(
    r"(?:\s*(?:<!--(?!-?>)(?:(?!--)[\s\S])*-->|</[A-Za-z][^<>]*>"
    r"|<[A-Za-z][^\s/<>]*(?:\s+(?!(?i:title|alt)\b)[^\s\"'=<>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>))*\s*")


def segment_markdown(document: Document, settings=None) -> list[Block]:
    """Prose blocks of a Markdown document, mapped to exact source offsets."""
    parsed = mask_front_matter(document.text)
    events = pyromark.events_with_range(parsed, options=_OPTIONS)
    # Only now: the parser has had `parsed` as UTF-8, which CPython keeps, so encoding it again is a copy.
    walker = _Walker(document.text, settings, code_points(parsed))
    walker.walk(events)
    return join_continuations(walker.blocks, walker.code_before, PLACEHOLDER)


class _Walker:
    """Turns pulldown-cmark events into blocks.

    Verbatim text that runs on in the source, newlines included, is kept as
    one range until something else comes: URL masking sees a whole run, and
    the builder has less to do. A line break waits for the content after it:
    only then is it known whether the source between them is a bare newline
    (verbatim) or also holds container markers such as `> ` or a list
    item's indentation (decoded). Most are bare, so a run that reaches the
    newline takes it in at once, and `line_break` takes it back out when the
    content after it does not follow right away. Byte offsets become code
    points only where a position is needed, and always in document order.
    """

    def __init__(self, source: str, settings, position):
        self.source = source
        self.settings = settings
        self.position = position  # byte offset -> code-point offset
        self.events: Iterator[tuple[Any, Any]] = iter(())  # what walk() reads; start() reads on past code and raw HTML
        self.blocks: list[Block] = []
        self.containers: list[str] = []  # "quote", "admonition", "list-item"
        self.in_heading = self.in_cell = False
        self.builders: list[BlockBuilder] = []  # the block, then one per open image (its alt text)
        self.images: list[int] = []  # where each open image starts
        self.alt_blocks: list[Block] = []
        # source[run_start:run_end] is verbatim text not yet handed to the builder.
        self.run_start = self.run_end = 0
        self.break_at = -1  # the newline of a pending line break
        self.code_before: set[int] = set()  # indexes of the blocks that follow a code block

    def walk(self, events) -> None:
        """Take (event, byte range) pairs, most frequent kinds first.

        Text, two events in five, is handled here rather than in a method:
        verbatim text that follows the run right away only moves its end.
        """
        source = self.source
        position = self.position
        crlf = "\r" in source  # else every line ends with "\n" alone
        self.events = events = iter(events)
        for event, where in events:
            if event.__class__ is str:
                if event == "Rule":
                    self.end_block()
                else:  # SoftBreak, HardBreak: the newline is the range's last line ending
                    if self.break_at >= 0:
                        self.target(position(where["start"]))
                    end = position(where["end"])
                    if crlf and source.startswith("\r\n", end - 2):
                        self.break_at = end - 2
                    else:
                        self.break_at = end - 1
                        if self.run_end == end - 1:  # the run reaches the newline: take it in
                            self.run_end = end
            elif (text := event.get("Text")) is not None:
                begin = where["start"]
                start = position(begin)
                end = start + len(text)
                if (where["end"] - begin != (end - start if text.isascii() else len(text.encode()))
                        or not source.startswith(text, start)):
                    # An entity, or a character the parser replaced: one decoded piece.
                    self.decoded(text, start, position(where["end"]))
                elif start == self.run_end and self.builders:  # the run goes on (after a bare newline too)
                    self.run_end = end
                    self.break_at = -1
                else:
                    self.new_run(text, start, end)
            else:
                ((name, value),) = event.items()
                if name == "Code":
                    self.decoded(PLACEHOLDER, position(where["start"]), position(where["end"]))
                elif name == "Start":
                    self.start(value if value.__class__ is str else next(iter(value)), value, where)
                elif name == "End":
                    self.end(value if value.__class__ is str else next(iter(value)), where)
                elif name == "InlineHtml":
                    if _BR_RE.match(value):
                        self.decoded("\n", position(where["start"]), position(where["end"]))
                    elif CODE_TAG_RE.match(value):  # `<code>...</code>`: code, as in backticks
                        end, block_end = skip_inline_code(events, value, where)
                        self.decoded(PLACEHOLDER, position(where["start"]), position(end))
                        if block_end:
                            self.end(*block_end)
                    elif self.break_at >= 0:  # a tag that starts a line
                        self.target(position(where["start"]))
        self.end_block()

    def new_run(self, text: str, start: int, end: int) -> None:
        """Start a run with verbatim `text` at source[start:end]."""
        source = self.source
        if source[start - 1] == "\\" and start > self.run_end and text[:1] in _ASCII_PUNCTUATION:
            # A backslash escape: the parser left the backslash out of the range.
            self.decoded(text[0], start - 1, start + 1)
            start += 1
        if not self.builders:
            self.builders.append(BlockBuilder(self.kind()))
        if self.break_at >= 0:
            self.line_break(start)
        if start != self.run_end:
            self.flush_run()
            self.run_start = start
        self.run_end = end

    def skip_to_end(self) -> None:
        """Pass over the events up to the next End: code, raw HTML, an autolink's text."""
        for event, _ in self.events:
            if event.__class__ is dict and "End" in event:
                return

    def start(self, tag: str, value, where: dict) -> None:
        if tag == "Paragraph":  # the most frequent
            self.end_block()
        elif tag in ("Emphasis", "Strong", "Strikethrough"):
            if self.break_at >= 0:
                self.target(self.position(where["start"]))
        elif tag == "Link":
            if value["Link"]["link_type"] in ("Autolink", "Email"):
                start = self.position(where["start"])
                self.target(start).placeholder(start, self.position(where["end"]))
                self.skip_to_end()
            elif self.break_at >= 0:
                self.target(self.position(where["start"]))
        elif tag == "Image":
            # The placeholder goes in at the end of the image, after its alt text.
            start = self.position(where["start"])
            self.target(start)
            self.images.append(start)
            self.builders.append(BlockBuilder("alt-text"))
        else:
            self.end_block()
            if tag == "Heading":
                self.in_heading = True
            elif tag == "TableCell":
                self.in_cell = True
            elif tag == "Item":
                self.containers.append("list-item")
            elif tag == "BlockQuote":
                self.containers.append("admonition" if value["BlockQuote"] else "quote")
            elif tag == "CodeBlock":
                self.code_before.add(len(self.blocks))
                self.skip_to_end()
            elif tag == "HtmlBlock":
                start = self.position(where["start"])
                end = without_line_end(self.source, self.position(where["end"]))
                self.skip_to_end()
                if not self.containers and not _NO_PROSE_HTML_RE.fullmatch(self.source, start, end):
                    # Text inside raw HTML is prose; its tags and attributes are not.
                    from lint.segment.html import (
                        segment_html_fragment,  # most Markdown has no such HTML
                    )

                    self.blocks.extend(segment_html_fragment(self.source, start, end, self.settings))

    def end(self, tag: str, where: dict) -> None:
        if tag == "Paragraph":  # the most frequent
            self.end_block()
        elif tag == "Image":
            self.drop_line_break()
            self.flush_run()
            alt = self.builders.pop().build()
            if alt:
                self.alt_blocks.append(alt)
            self.builders[-1].placeholder(self.images.pop(), self.position(where["end"]))
        elif tag not in ("Emphasis", "Strong", "Strikethrough", "Link"):
            self.end_block()
            if tag in ("Item", "BlockQuote"):
                self.containers.pop()
            self.in_heading = self.in_heading and tag != "Heading"
            self.in_cell = self.in_cell and tag != "TableCell"

    def decoded(self, text: str, start: int, end: int) -> None:
        """Add `text`, which stands for source[start:end]; the run starts again after it,
        so that text right after code, say, goes on from there."""
        self.target(start).decoded(text, start, end)
        self.run_start = self.run_end = end

    def target(self, start: int) -> BlockBuilder:
        """The builder for decoded content at `start`, with all before it handed over."""
        if not self.builders:
            self.builders.append(BlockBuilder(self.kind()))
        if self.break_at >= 0:
            self.line_break(start)
        self.flush_run()
        return self.builders[-1]

    def line_break(self, start: int) -> None:
        """Add the pending line break, now that the content after it starts at `start`."""
        newline = self.drop_line_break()  # the run may have taken the newline in: decide again
        between = self.source[newline:start]
        # Indentation after a bare newline is content, but not within a list item.
        if between == "\n" or (between[:1] == "\n" and not between[1:].strip(" \t")
                               and "list-item" not in self.containers):
            if newline != self.run_end:
                self.flush_run()
                self.run_start = newline
            self.run_end = newline + 1
        else:
            self.flush_run()
            self.builders[-1].decoded("\n", newline, start)
            self.run_start = self.run_end = start

    def drop_line_break(self) -> int:
        """Forget the pending line break, and its newline if the run took it in
        (a run ends past a pending newline only then); where the newline is
        (-1 without a pending break)."""
        newline, self.break_at = self.break_at, -1
        if newline >= 0 and self.run_end == newline + 1:
            self.run_end = newline
        return newline

    def flush_run(self) -> None:
        start, end = self.run_start, self.run_end
        if end > start:
            self.builders[-1].prose(self.source[start:end], start)
            self.run_start = end

    def kind(self) -> str:
        if self.in_heading:
            return "heading"
        if self.in_cell:
            return "table-cell"
        return self.containers[-1] if self.containers else "paragraph"

    def end_block(self) -> None:
        """Finish the block being built, then the alt texts of its images."""
        if not self.builders:
            return
        if self.break_at >= 0:
            self.drop_line_break()
        self.flush_run()
        block = self.builders[0].build()
        if block:
            self.blocks.append(block)
        if self.alt_blocks:
            self.blocks.extend(self.alt_blocks)
            self.alt_blocks = []
        self.builders, self.images = [], []

