"""The text of a Word document, and where each character of it lives.

Every paragraph (body, table cells, text boxes, then footnotes) is one line
of the text, so a finding's line is its paragraph number. Each line is made
of units in document order: a run's visible characters (`w:t`, tabs, breaks),
an opaque stand-in (one U+FFFC) for what is not prose (fields, code-styled
runs, footnote marks), and the paragraph mark ("\\n") that ends the line.
Deleted text (`w:del`) is left out and inserted text (`w:ins`) kept, so an
existing revision reads as accepted; comments are not text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from docx.oxml.parser import parse_xml
from lxml import etree

from lint.docx.xml import MC, W, qn, style_of

OPAQUE = "\ufffc"  # the segmenter's placeholder: not a word, no rule matches it
LINE_BREAK = "\u2028"  # a soft break (w:br) inside a paragraph
_CONTAINERS = {qn("hyperlink"), qn("ins"), qn("smartTag"), qn("customXml"), qn("moveTo"), qn("sdt"),
               qn("sdtContent"), qn("dir"), qn("bdo")}
_SKIPPED = {qn("del"), qn("moveFrom"), qn("pPr"), qn("commentRangeStart"), qn("commentRangeEnd"),
            qn("bookmarkStart"), qn("bookmarkEnd"), qn("proofErr"), qn("permStart"), qn("permEnd"),
            qn("sdtPr"), qn("sdtEndPr")}
_RUN_TEXT = {qn("t"): None, qn("tab"): "\t", qn("br"): LINE_BREAK, qn("cr"): LINE_BREAK,
             qn("noBreakHyphen"): "\u2011"}
_RUN_OPAQUE = {qn("instrText"), qn("footnoteReference"), qn("endnoteReference"), qn("sym"),
               qn("object"), qn("fldChar")}
MONOSPACED = {"courier", "courier new", "consolas", "menlo", "monaco", "liberation mono",
              "dejavu sans mono", "lucida console", "source code pro", "noto mono"}
# LibreOffice gives text files the "Preformatted Text" style: that is prose, not code.
_CODE_STYLE_WORDS = ("code", "verbatim", "source text", "sourcetext", "macro")


@dataclass
class Unit:
    """Characters [start, end) of the text and the XML they come from."""

    start: int
    end: int
    kind: str  # "run" (editable prose), "opaque" (never edited) or "mark" (paragraph end)
    element: etree._Element  # the w:r, the first opaque w:r or w:fldSimple, or the w:p of a mark
    paragraph: etree._Element
    deletable: bool = True  # for a mark: may the paragraphs be joined
    last: etree._Element | None = None  # the last element of a stretch of opaque runs


@dataclass
class Layout:
    """The text of the document and its units, in text order."""

    text: str
    units: list[Unit]
    kinds: list[str]  # one per paragraph: heading, list-item, table-cell, code, ... or "" (undecided)
    parts: list = field(default_factory=list)  # (part, root) of parts other than the main one


def layout_of(document) -> Layout:
    """Read the paragraphs of a python-docx Document into a Layout."""
    names = {s.style_id: s.name for s in document.styles}
    paragraphs = [(p, document.element.body) for p in _paragraphs(document.element.body)]
    parts = []
    for part in document.part.package.iter_parts():
        if str(part.partname) in ("/word/footnotes.xml", "/word/endnotes.xml"):
            root = parse_xml(part.blob)
            parts.append((part, root))
            for note in root:
                if note.get(qn("type")) in (None, "normal"):
                    paragraphs.extend((p, note) for p in _paragraphs(note))
    builder = _Builder(names)
    for i, (paragraph, _) in enumerate(paragraphs):
        builder.paragraph(paragraph)
        if i + 1 < len(paragraphs):
            joinable = paragraph.getnext() is paragraphs[i + 1][0]
            builder.mark(paragraph, joinable)
    return Layout("".join(builder.pieces), builder.units, builder.kinds, parts)


def _paragraphs(root) -> list:
    """The w:p elements under root in document order, without VML fallbacks' copies."""
    return [p for p in root.iter(qn("p")) if not any(a.tag == f"{{{MC}}}Fallback" for a in p.iterancestors())]


class _Builder:
    def __init__(self, style_names: dict[str, str]):
        self.names = style_names
        self.pieces: list[str] = []
        self.units: list[Unit] = []
        self.kinds: list[str] = []
        self.length = 0
        self.in_field = 0
        self.opaque: Unit | None = None  # the opaque unit being extended

    def add(self, text: str, kind: str, element, paragraph) -> None:
        if kind == "opaque":
            if self.opaque is not None and self.opaque.paragraph is paragraph:
                self.opaque.last = element  # consecutive non-prose is one stand-in
                return
            text = OPAQUE
        self.pieces.append(text)
        unit = Unit(self.length, self.length + len(text), kind, element, paragraph, last=element)
        self.units.append(unit)
        self.opaque = unit if kind == "opaque" else None
        self.length += len(text)

    def mark(self, paragraph, joinable: bool) -> None:
        self.add("\n", "mark", paragraph, paragraph)
        self.units[-1].deletable = joinable

    def paragraph(self, paragraph) -> None:
        kind = self.kind_of(paragraph)
        self.kinds.append(kind)
        self.in_field = 0
        self.opaque = None
        self.content(paragraph, paragraph, code=kind == "code")

    def kind_of(self, paragraph) -> str:
        name = self.names.get(style_of(paragraph, "pStyle") or "", "").lower()
        if any(word in name for word in _CODE_STYLE_WORDS):
            return "code"
        if any(a.tag == qn("tc") for a in paragraph.iterancestors()):
            return "table-cell"
        if name.startswith("heading") or name in ("title", "subtitle"):
            return "heading"
        if name.startswith("list") or paragraph.find(f"{qn('pPr')}/{qn('numPr')}") is not None:
            return "list-item"
        return ""

    def content(self, parent, paragraph, code: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == qn("r"):
                self.run(child, paragraph, code)
            elif tag == qn("fldSimple"):
                self.add(OPAQUE, "opaque", child, paragraph)
            elif tag in _CONTAINERS:
                self.content(child, paragraph, code)
            # anything else (deleted text, bookmarks, comment ranges) is not text

    def run(self, run, paragraph, code: bool) -> None:
        if code or self.in_field or _is_code_run(run):
            self._field_state(run)
            self.add(OPAQUE, "opaque", run, paragraph)
            return
        text: list[str] = []
        for child in run:
            if child.tag == qn("fldChar"):
                self._field_state(run)
                break
            if child.tag in _RUN_TEXT:
                text.append((child.text or "") if child.tag == qn("t") else cast(str, _RUN_TEXT[child.tag]))
            elif child.tag in _RUN_OPAQUE:
                break
        else:
            if text:
                self.add("".join(text), "run", run, paragraph)
            return
        self.add(OPAQUE, "opaque", run, paragraph)  # a run holding a field or a note mark

    def _field_state(self, run) -> None:
        for char in run.iter(qn("fldChar")):
            kind = char.get(qn("fldCharType"))
            self.in_field += 1 if kind == "begin" else -1 if kind == "end" else 0
        self.in_field = max(self.in_field, 0)


def _is_code_run(run) -> bool:
    style = (style_of(run, "rStyle") or "").lower()
    if any(word in style for word in _CODE_STYLE_WORDS):
        return True
    fonts = run.find(f"{qn('rPr')}/{qn('rFonts')}")
    return fonts is not None and (fonts.get(qn("ascii")) or "").lower() in MONOSPACED


__all__ = ["LINE_BREAK", "OPAQUE", "W", "Layout", "Unit", "layout_of"]
