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

from lint.config.settings import HtmlSettings, Settings
from lint.model import Block, Document, Span
from lint.segment.html_tree import BLOCK_TAGS, SKIPPED_BLOCK, Element, Text, parse_html
from lint.segment.textmap import BlockBuilder

# Never prose. Inline ones leave a placeholder in the sentence; the others end the block.
SKIPPED_INLINE = {"code", "kbd", "samp", "var", "tt", "svg", "math", "img", "input", "button",
                  "select", "textarea", "object", "iframe", "embed", "video", "audio", "canvas"}
KIND_OF = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
           "h6": "heading", "li": "list-item", "blockquote": "quote", "td": "table-cell",
           "th": "table-cell", "figcaption": "caption", "caption": "caption", "dt": "term"}
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
# A generic container is the main content when it holds this share of the
# paragraph text (and the page has at least this much).
MAIN_SHARE = 0.7
MAIN_MIN_PARAGRAPH_TEXT = 200
_BACKTICK_CODE_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


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
        assert self.builder is not None  # the one caller makes one first
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
    node: Element | None = element
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _contains(element: Element, descendant: Element) -> bool:
    return _inside_element(descendant, element)
