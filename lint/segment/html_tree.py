"""A light HTML tree with exact source offsets, built from `html.parser`'s
events (implied end tags for `p`, `li`, cells)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import cast

SKIPPED_BLOCK = {"head", "title", "script", "style", "template", "pre", "noscript", "xmp", "listing"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option",
} | SKIPPED_BLOCK
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen"}
# A new one of these closes an open one (HTML's implied end tags), up to the boundary.
_IMPLIED = {"li": ({"li"}, {"ul", "ol", "menu"}), "dt": ({"dt", "dd"}, {"dl"}),
            "dd": ({"dt", "dd"}, {"dl"}), "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
            "td": ({"td", "th"}, {"tr", "table"}), "th": ({"td", "th"}, {"tr", "table"}),
            "option": ({"option"}, {"select", "datalist"})}
_ATTR_RE = re.compile(r"""([^\s/>=]+)(?:\s*=\s*('[^']*'|"[^"]*"|[^\s>]*))?""")


@dataclass
class Element:
    """An element of the light tree: tag, attribute value ranges, children."""

    tag: str
    start: int = 0  # where the start tag begins
    tag_end: int = 0  # just after the start tag
    attrs: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> value source range
    children: list = field(default_factory=list)
    parent: Element | None = None
    paragraph_text: int = 0  # length of text in <p> elements below (main-content score)

    def attr(self, source: str, name: str) -> str | None:
        """The raw value of an attribute, or None."""
        where = self.attrs.get(name)
        return None if where is None else source[where[0]:where[1]]


@dataclass
class Text:
    """A run of character data: source[start:end], entities still encoded."""

    start: int
    end: int


class _TreeBuilder(HTMLParser):
    """Builds the light tree from html.parser events, with source offsets."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = Element("#root")
        self.stack = [self.root]
        self.text_start: int | None = None

    def parse_marked_section(self, i, report=1):
        """Like html.parser, but an unknown ``<![x ...>`` is a bogus comment
        (as in HTML5 and newer Pythons) instead of an AssertionError."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_comment(self.rawdata[i:])
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _flush_text(self) -> int:
        here = self._offset()
        if self.text_start is not None and here > self.text_start:
            self.stack[-1].children.append(Text(self.text_start, here))
        self.text_start = None
        return here

    def _start_text(self) -> None:
        here = self._offset()
        if self.text_start is None:
            self.text_start = here

    def handle_data(self, data: str) -> None:
        self._start_text()

    def handle_entityref(self, name: str) -> None:
        self._start_text()

    handle_charref = handle_entityref

    def handle_starttag(self, tag, attrs):
        """Open an element (closing those its start implies closed)."""
        start = self._flush_text()
        self._close_implied(tag)
        element = self._element(tag, start)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        """A self-closing tag: an element with no children."""
        self._element(tag, self._flush_text())

    def handle_endtag(self, tag):
        """Close the nearest open element of this tag; ignore stray end tags."""
        self._flush_text()
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_comment(self, data):
        """Comments are never prose (their directives are read from the raw source)."""
        self._flush_text()

    handle_decl = handle_pi = unknown_decl = handle_comment

    def close(self):
        """Finish parsing; the last text run ends at the end of the source."""
        super().close()
        if self.text_start is not None:
            self.stack[-1].children.append(Text(self.text_start, len(self.source)))
            self.text_start = None

    def _close_implied(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._close_nearest({"p"}, BLOCK_TAGS - {"p"} if tag == "p" else {"button", "td", "th", "li"})
        if tag in _IMPLIED:
            closes, boundary = _IMPLIED[tag]
            self._close_nearest(closes, boundary)

    def _close_nearest(self, closes: set[str], boundary: set[str]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[depth].tag
            if open_tag in closes:
                del self.stack[depth:]
                return
            if open_tag in boundary:
                return

    def _element(self, tag: str, start: int) -> Element:
        raw = self.get_starttag_text() or ""
        element = Element(tag, start, start + len(raw), self._attr_ranges(raw, start), parent=self.stack[-1])
        self.stack[-1].children.append(element)
        return element

    @staticmethod
    def _attr_ranges(raw: str, start: int) -> dict[str, tuple[int, int]]:
        name_end = cast("re.Match[str]", re.match(r"<[^\s/>]*", raw)).end()  # raw is a start tag: "<..."
        ranges: dict[str, tuple[int, int]] = {}
        for match in _ATTR_RE.finditer(raw, name_end):
            value = match.group(2)
            if value is None:  # a boolean attribute such as `hidden`
                ranges.setdefault(match.group(1).lower(), (start + match.end(), start + match.end()))
                continue
            value_start = start + match.start(2)
            if value[:1] in "'\"" and len(value) >= 2:
                ranges.setdefault(match.group(1).lower(), (value_start + 1, value_start + len(value) - 1))
            else:
                ranges.setdefault(match.group(1).lower(), (value_start, value_start + len(value)))
        return ranges


def parse_html(source: str) -> Element:
    """The light tree of an HTML document."""
    builder = _TreeBuilder(source)
    builder.feed(source)
    builder.close()
    return builder.root
