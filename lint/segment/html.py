"""HTML: the prose of the body, entities decoded, offsets kept exact.

The standard library's `html.parser` reports where every tag and text run
starts, which is what exact offsets need (lxml and selectolax give lines at
best). A light tree is built from its events (implied end tags for `p`,
`li`, cells), then walked: code, scripts, styles and templates are never
prose; `nav`, `aside`, page `header`/`footer` and everything outside the main
content (`<main>`, `<article>` or else the container with the most paragraph
text) is page chrome, skipped or checked as kind "chrome" when
`html.chrome: debris`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lint.config.settings import HtmlSettings, Settings
from lint.model import Block, Document, Span
from lint.segment.textmap import BlockBuilder

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen"}
# Never prose. Inline ones leave a placeholder in the sentence; the others end the block.
SKIPPED_INLINE = {"code", "kbd", "samp", "var", "tt", "svg", "math", "img", "input", "button",
                  "select", "textarea", "object", "iframe", "embed", "video", "audio", "canvas"}
SKIPPED_BLOCK = {"head", "title", "script", "style", "template", "pre", "noscript", "xmp", "listing"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "option",
} | SKIPPED_BLOCK
KIND_OF = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
           "h6": "heading", "li": "list-item", "blockquote": "quote", "td": "table-cell",
           "th": "table-cell", "figcaption": "caption", "caption": "caption", "dt": "term"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
# A new one of these closes an open one (HTML's implied end tags), up to the boundary.
_IMPLIED = {"li": ({"li"}, {"ul", "ol", "menu"}), "dt": ({"dt", "dd"}, {"dl"}),
            "dd": ({"dt", "dd"}, {"dl"}), "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
            "td": ({"td", "th"}, {"tr", "table"}), "th": ({"td", "th"}, {"tr", "table"}),
            "option": ({"option"}, {"select", "datalist"})}
# A generic container is the main content when it holds this share of the
# paragraph text (and the page has at least this much).
MAIN_SHARE = 0.7
MAIN_MIN_PARAGRAPH_TEXT = 200
_BACKTICK_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_ATTR_RE = re.compile(r"""([^\s/>=]+)(?:\s*=\s*('[^']*'|"[^"]*"|[^\s>]*))?""")


@dataclass
class Element:
    """An element of the light tree: tag, attribute value ranges, children."""

    tag: str
    start: int = 0  # where the start tag begins
    tag_end: int = 0  # just after the start tag
    attrs: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> value source range
    children: list = field(default_factory=list)
    parent: "Element | None" = None
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

    handle_data = handle_entityref = handle_charref = lambda self, *_: self._start_text()

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
        name_end = re.match(r"<[^\s/>]*", raw).end()
        ranges = {}
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


def segment_html(document: Document, settings: Settings | None = None) -> list[Block]:
    """Prose blocks of an HTML document, entities decoded, offsets exact."""
    html_settings = settings.html if settings else HtmlSettings()
    root = parse_html(document.text)
    walker = _Walker(document.text, html_settings, find_main_content(root, document.text))
    walker.walk(root, chrome=False, kind="paragraph")
    walker.flush()
    return walker.blocks


def segment_html_fragment(source: str, start: int, end: int, settings: Settings | None = None) -> list[Block]:
    """Prose blocks of the HTML in source[start:end] (raw HTML inside Markdown)."""
    fragment = source[start:end]
    walker = _Walker(fragment, settings.html if settings else HtmlSettings(), None, markdown_code=True)
    walker.walk(parse_html(fragment), chrome=False, kind="paragraph")
    walker.flush()
    return [Block(b.text, b.kind, tuple(Span(s.text_start, s.source_start + start, s.length) for s in b.spans))
            for b in walker.blocks]


def find_main_content(root: Element, source: str) -> Element | None:
    """`<main>` (or role=main), else the longest `<article>`, else the smallest
    generic container (div, section) holding most of the paragraph text of a
    page; None when there is no such thing and the whole body is content."""
    elements = list(_elements(root))
    for element in elements:
        if element.tag == "main" or element.attr(source, "role") == "main":
            return element
    articles = [e for e in elements if e.tag == "article"]
    if articles:
        return max(articles, key=_text_length)
    for element in elements:
        if element.tag == "p":
            length = _text_length(element)
            ancestor = element.parent
            while ancestor is not None:
                ancestor.paragraph_text += length
                ancestor = ancestor.parent
    total = root.paragraph_text
    if total < MAIN_MIN_PARAGRAPH_TEXT:
        return None
    # Walk down while one child still holds most of the paragraph text.
    node, best = root, None
    while True:
        heavy = [c for c in node.children if isinstance(c, Element)
                 and c.paragraph_text >= MAIN_SHARE * total]
        if not heavy:
            return best
        node = heavy[0]
        if node.tag in ("div", "section"):
            best = node


def _elements(element: Element):
    for child in element.children:
        if isinstance(child, Element):
            yield child
            yield from _elements(child)


def _text_length(element: Element) -> int:
    total = 0
    for child in element.children:
        if isinstance(child, Text):
            total += child.end - child.start
        elif child.tag not in SKIPPED_BLOCK:
            total += _text_length(child)
    return total


class _Walker:
    """Walks the tree, cutting blocks at block-level elements."""

    def __init__(self, source: str, settings: HtmlSettings, main: Element | None,
                 markdown_code: bool = False):
        self.markdown_code = markdown_code
        self.source = source
        self.settings = settings
        self.main = main
        self.blocks: list[Block] = []
        self.builder: BlockBuilder | None = None

    def _text(self, start: int, end: int) -> None:
        position = start
        if self.markdown_code:
            # In raw HTML inside Markdown, `backticks` still mean code to many readers.
            for code in _BACKTICK_CODE_RE.finditer(self.source, start, end):
                self.builder.prose(self.source[position:code.start()], position,
                                   collapse_space=True, entities=True)
                self.builder.placeholder(code.start(), code.end())
                position = code.end()
        self.builder.prose(self.source[position:end], position, collapse_space=True, entities=True)

    def flush(self) -> None:
        """End the current block."""
        if self.builder is not None:
            block = self.builder.build()
            if block:
                self.blocks.append(block)
        self.builder = None

    def _emit_attribute(self, element: Element, name: str, kind: str) -> None:
        where = element.attrs.get(name)
        if where is None:
            return
        builder = BlockBuilder(kind)
        builder.prose(self.source[where[0]:where[1]], where[0], collapse_space=True, entities=True)
        block = builder.build()
        if block:
            self.blocks.append(block)

    def walk(self, element: Element, chrome: bool, kind: str) -> None:
        """Emit the prose under `element`."""
        for child in element.children:
            if isinstance(child, Text):
                # Loose text beside the main content is chrome too.
                text_chrome = chrome or (self.main is not None and not _inside_element(element, self.main))
                if text_chrome and self.settings.chrome != "debris":
                    continue
                if self.builder is None:
                    self.builder = BlockBuilder("chrome" if text_chrome else kind)
                self._text(child.start, child.end)
                continue
            tag = child.tag
            if _hidden(child, self.source):
                continue
            child_chrome = chrome or self._is_chrome(child)
            checked = not child_chrome or self.settings.chrome == "debris"
            if checked and self.settings.check_title:
                self._emit_attribute(child, "title", "chrome" if child_chrome else "title")
            if tag == "img" and checked and self.settings.check_alt:
                self._emit_attribute(child, "alt", "chrome" if child_chrome else "alt-text")
            if tag == "br":
                if self.builder is not None:
                    self.builder.decoded("\n", *self._tag_range(child))
                continue
            if tag in SKIPPED_BLOCK:
                self.flush()
                continue
            if tag in SKIPPED_INLINE:
                if self.builder is not None:
                    self.builder.placeholder(*self._tag_range(child))
                continue
            if tag in BLOCK_TAGS:
                self.flush()
                self.walk(child, child_chrome, KIND_OF.get(tag, "paragraph" if tag == "p" else kind))
                self.flush()
            else:
                self.walk(child, child_chrome, kind)

    @staticmethod
    def _tag_range(element: Element) -> tuple[int, int]:
        return element.start, element.tag_end

    def _is_chrome(self, element: Element) -> bool:
        tag = element.tag
        if tag in ("nav", "aside") or element.attr(self.source, "role") in CHROME_ROLES:
            return True
        if tag in ("header", "footer"):
            return tag == "footer" or not _inside(element, {"article", "main"})
        if self.main is not None and tag in ("body", "html"):
            return False
        if self.main is not None and not _contains(element, self.main) and not _inside_element(element, self.main):
            return True
        return False


def _hidden(element: Element, source: str) -> bool:
    return "hidden" in element.attrs or element.attr(source, "aria-hidden") == "true"


def _inside(element: Element, tags: set[str]) -> bool:
    parent = element.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _inside_element(element: Element, ancestor: Element) -> bool:
    node = element
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _contains(element: Element, descendant: Element) -> bool:
    return _inside_element(descendant, element)
