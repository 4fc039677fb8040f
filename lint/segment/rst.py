"""reStructuredText through docutils, mapped back to exact source offsets.

docutils gives each paragraph and title its first line and its raw source
(indentation stripped) and each inline element its raw markup, so the prose
is found again line by line (see `lines.ContentLocator`). Literal blocks,
inline literals, comments, directives docutils does not know, field lists
of the document info and substitution definitions never reach a rule.
"""

from __future__ import annotations

import io
from functools import lru_cache

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from lint.model import Block, Document, Span
from lint.segment.lines import ContentLocator, LineTable
from lint.segment.plain import segment_text
from lint.segment.textmap import BlockBuilder

# Docutils must never read other files or emit raw output while we lint.
_DOCUTILS_SETTINGS = {
    "report_level": 5, "halt_level": 5,
    "file_insertion_enabled": False, "raw_enabled": False, "input_encoding": "unicode",
    "syntax_highlight": "none", "character_level_inline_markup": False,
}
_PROSE_NODES = (nodes.paragraph, nodes.title, nodes.term, nodes.caption, nodes.rubric, nodes.line,
                nodes.attribution)
_SKIPPED_NODES = (nodes.literal_block, nodes.doctest_block, nodes.comment, nodes.raw, nodes.docinfo,
                  nodes.substitution_definition, nodes.system_message, nodes.math_block, nodes.target,
                  nodes.option_list, nodes.field_name)
_CODE_INLINES = (nodes.literal, nodes.math, nodes.problematic, nodes.substitution_reference,
                 nodes.footnote_reference, nodes.citation_reference)
_CONTAINER_KINDS = ((nodes.entry, "table-cell"), (nodes.list_item, "list-item"),
                    (nodes.block_quote, "quote"), (nodes.Admonition, "admonition"))
_NODE_KINDS = ((nodes.title, "heading"), (nodes.term, "term"), (nodes.caption, "caption"),
               (nodes.rubric, "heading"), (nodes.attribution, "quote"))


def segment_rst(document: Document, settings=None) -> list[Block]:
    """Prose blocks of a reStructuredText document, mapped to exact source offsets."""
    try:
        tree = parse_rst(document.text)
    except Exception:  # docutils gives up on some broken input: check it as plain text
        return segment_text(document, settings)
    source = document.text
    lines = LineTable(source)
    blocks = []
    front_matter = _bibliographic_fields(tree)
    for node in tree.findall(lambda n: isinstance(n, _PROSE_NODES)):
        if _skipped(node) or not node.rawsource or _inside(node, front_matter):
            continue
        locator = _locate(source, lines, node)
        if locator is None:
            continue
        builder = BlockBuilder(_kind_of(node))
        _walk(node, node.rawsource, 0, locator, builder)
        block = builder.build()
        if block and isinstance(node, nodes.title):
            block = _char_by_char(block)
        if block:
            blocks.append(block)
    return blocks


def _char_by_char(block: Block) -> Block:
    """The same block with one span per character: offsets stay exact but no
    edit longer than a character is verbatim, so no fix is offered. A fix
    that lengthened a title would leave its underline short, which breaks
    the section structure."""
    spans = tuple(Span(span.text_start + i, span.source_start + i, 1 if span.length else 0)
                  for span in block.spans for i in range(max(span.length, 1)))
    return Block(block.text, block.kind, spans)


def parse_rst(text: str) -> nodes.document:
    """The doctree as parsed, before transforms rewrite it (substitutions,
    footnote numbers), so every inline node still matches its raw source."""
    document = new_document("<copydesk>", _docutils_settings())
    _parser().parse(text, document)
    return document


@lru_cache(maxsize=1)
def _parser() -> Parser:
    return Parser()


def _docutils_settings():
    settings = get_default_settings(Parser)
    for key, value in _DOCUTILS_SETTINGS.items():
        setattr(settings, key, value)
    settings.warning_stream = io.StringIO()
    return settings


def _bibliographic_fields(tree: nodes.document):
    """The field list before the body (:Author:, :Date: ...): front matter, not prose."""
    for child in tree.children:
        if isinstance(child, (nodes.title, nodes.subtitle, nodes.comment, nodes.section)):
            if isinstance(child, nodes.section):
                return _bibliographic_fields(child) if child is tree.children[0] else None
            continue
        return child if isinstance(child, nodes.field_list) else None
    return None


def _inside(node, ancestor) -> bool:
    while ancestor is not None and node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _skipped(node) -> bool:
    parent = node
    while parent is not None:
        if isinstance(parent, _SKIPPED_NODES):
            return True
        parent = parent.parent
    return False


def _kind_of(node) -> str:
    for node_type, kind in _NODE_KINDS:
        if isinstance(node, node_type):
            return kind
    parent = node.parent
    while parent is not None:
        for node_type, kind in _CONTAINER_KINDS:
            if isinstance(parent, node_type):
                return kind
        parent = parent.parent
    return "paragraph"


def _locate(source: str, lines: LineTable, node) -> ContentLocator | None:
    """Find the node's raw source near the line docutils reports.

    docutils numbers a title by its underline and a paragraph by its first
    line, so a few lines either side are tried, nearest first."""
    line = (node.line or _line_of_parent(node) or 1) - 1
    first = node.rawsource.split("\n", 1)[0]
    for candidate in (line, line - 1, line - 2, line + 1):
        if 0 <= candidate < len(lines.starts) and \
                source.find(first, lines.start(candidate), lines.end(candidate)) >= 0:
            return ContentLocator(source, lines, node.rawsource, candidate, None)
    return None


def _line_of_parent(node) -> int | None:
    parent = node.parent
    while parent is not None:
        if parent.line:
            return parent.line
        parent = parent.parent
    return None


def _walk(node, raw: str, cursor: int, locator: ContentLocator, builder: BlockBuilder) -> int:
    """Append the prose of `node`'s children; `raw` is the node's raw content,
    in which the children appear in order from `cursor`. Returns the new cursor."""
    for child in node.children:
        if isinstance(child, nodes.Text):
            cursor = _add_text(str(child), raw, cursor, locator, builder)
            continue
        if isinstance(child, nodes.target) and not child.children:
            continue  # the URI embedded in the reference just walked: already passed
        child_raw = child.rawsource
        at = raw.find(child_raw, cursor) if child_raw else -1
        if isinstance(child, _SKIPPED_NODES) and not isinstance(child, nodes.target):
            cursor = at + len(child_raw) if at >= 0 else cursor
        elif at < 0:
            continue  # markup docutils rewrote: leave it out rather than guess
        elif isinstance(child, _CODE_INLINES) or isinstance(child, nodes.image):
            start = locator.to_source(at)
            builder.placeholder(start, start + len(child_raw.split("\n", 1)[0]))
            cursor = at + len(child_raw)
        else:  # emphasis, strong, references, roles: their text lies inside their markup
            _walk(child, raw, at, locator, builder)
            cursor = at + len(child_raw)
    return cursor


def _add_text(text: str, raw: str, cursor: int, locator: ContentLocator, builder: BlockBuilder) -> int:
    """Append a Text node; docutils marks a backslash escape as NUL + character."""
    for index, piece in enumerate(text.split("\x00")):
        if index:
            escaped, piece = piece[:1], piece[1:]
            at = raw.find("\\" + escaped, cursor)
            if at >= 0:
                start = locator.to_source(at)
                if escaped.strip():
                    builder.decoded(escaped, start, start + 2)
                cursor = at + 2
        if not piece:
            continue
        at = raw.find(piece, cursor)
        if at < 0:
            continue
        locator.add_lines(builder, piece, at)
        cursor = at + len(piece)
    return cursor
