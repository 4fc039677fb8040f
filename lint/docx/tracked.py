"""Write a redline into a Word document as tracked changes (`w:del`, `w:ins`).

The redline's segments ('equal' | 'delete' | 'insert', text) walk the
document's text (`lint.docx.layout`) from the start: runs are first split
where a segment begins or ends, so each deletion wraps whole runs in a
`w:del` (their `w:t` become `w:delText`) and each insertion is a new run,
formatted as the run before it, in a `w:ins`. A deleted paragraph mark is a
`w:del` in the paragraph's run properties: accepting it joins the paragraph
to the next. Accepting every revision gives the fixed text; rejecting every
revision gives the original back.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from docx.oxml.parser import OxmlElement

from lint.docx.layout import LINE_BREAK, Layout, Unit
from lint.docx.xml import XML_SPACE, qn

AUTHOR = "Copydesk"
_TEXT_CHILD = {qn("tab"): 1, qn("br"): 1, qn("cr"): 1, qn("noBreakHyphen"): 1}
_TRAILING_PPR = (qn("sectPr"), qn("pPrChange"))


class Revisions:
    """Numbered, dated revision marks for one document."""

    def __init__(self, root, author: str = AUTHOR, when: datetime | None = None):
        ids = [int(v) for e in root.iter() for k, v in e.attrib.items() if k == qn("id") and v.isdigit()]
        self.next_id = max(ids, default=0) + 1
        self.author = author
        self.date = (when or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str):
        """A new w:ins or w:del element with its id, author and date."""
        element = OxmlElement(f"w:{tag}")
        element.set(qn("id"), str(self.next_id))
        element.set(qn("author"), self.author)
        element.set(qn("date"), self.date)
        self.next_id += 1
        return element


def _length(child) -> int:
    if child.tag == qn("t"):
        return len(child.text or "")
    return _TEXT_CHILD.get(child.tag, 0)


def split_run(run, at: int):
    """Split a w:r after `at` characters of its text; return the second part (placed after it)."""
    second = copy.deepcopy(run)
    consumed = 0
    for first_child, second_child in zip(list(run), list(second), strict=True):
        if first_child.tag == qn("rPr"):
            continue
        length = _length(first_child)
        if consumed + length <= at and not (length == 0 and consumed == at):
            second.remove(second_child)
        elif consumed >= at:
            run.remove(first_child)
        else:  # a w:t across the cut
            text = first_child.text or ""
            first_child.text, second_child.text = text[:at - consumed], text[at - consumed:]
            first_child.set(XML_SPACE, "preserve")
            second_child.set(XML_SPACE, "preserve")
        consumed += length
    run.addnext(second)
    return second


def cut_units(layout: Layout, cuts: set[int]) -> list[Unit]:
    """The layout's units with every run split at the cut offsets inside it."""
    units: list[Unit] = []
    for unit in layout.units:
        inside = sorted(c for c in cuts if unit.start < c < unit.end) if unit.kind == "run" else []
        if not inside:
            units.append(unit)
            continue
        run, start = unit.element, unit.start
        for cut in inside:
            second = split_run(run, cut - start)
            units.append(Unit(start, cut, "run", run, unit.paragraph, last=run))
            run, start = second, cut
        units.append(Unit(start, unit.end, "run", run, unit.paragraph, last=run))
    return units


def segment_cuts(segments) -> set[int]:
    """Offsets in the original text where a redline segment starts or ends."""
    cuts, position = set(), 0
    for op, text in segments:
        if op != "insert":
            cuts.add(position)
            position += len(text)
            cuts.add(position)
        else:
            cuts.add(position)
    return cuts


def _delete_run(run, revisions: Revisions):
    wrapper = revisions.mark("del")
    run.addprevious(wrapper)
    wrapper.append(run)
    for child in run:
        if child.tag == qn("t"):
            child.tag = qn("delText")
        elif child.tag == qn("instrText"):
            child.tag = qn("delInstrText")
    return wrapper


def _delete_mark(paragraph, revisions: Revisions) -> None:
    properties = paragraph.find(qn("pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph.insert(0, properties)
    run_properties = properties.find(qn("rPr"))
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        trailing = [c for c in properties if c.tag in _TRAILING_PPR]
        if trailing:
            trailing[0].addprevious(run_properties)
        else:
            properties.append(run_properties)
    run_properties.insert(0, revisions.mark("del"))


def _new_run(text: str, like):
    """A run of `text` formatted like the run `like` (None: unformatted)."""
    run = OxmlElement("w:r")
    properties = like.find(qn("rPr")) if like is not None else None
    if properties is not None:
        run.append(copy.deepcopy(properties))
    piece: list[str] = []
    for char in text + "\0":
        if char in "\t" + LINE_BREAK + "\0":
            if piece:
                t = OxmlElement("w:t")
                t.text = "".join(piece).replace("\n", " ")
                t.set(XML_SPACE, "preserve")
                run.append(t)
                piece = []
            if char != "\0":
                run.append(OxmlElement("w:tab" if char == "\t" else "w:br"))
        else:
            piece.append(char)
    return run


def _run_inside(element):
    """The w:r an element is or wraps (a w:del around a run), or None."""
    if element is None:
        return None
    return element if element.tag == qn("r") else element.find(qn("r"))


class _Walk:
    """The state of writing segments: the position, and where the next insertion goes."""

    def __init__(self, units: list[Unit], revisions: Revisions):
        self.units = units
        self.revisions = revisions
        self.index = 0
        self.position = 0  # in the original text
        self.cursor = None  # the element an insertion goes after (None: the paragraph's start)
        self.unjoined = 0  # paragraph marks a deletion could not remove (cell or part ends)

    def over(self, length: int, delete: bool) -> None:
        self.position += length
        while self.index < len(self.units) and self.units[self.index].start < self.position:
            unit = self.units[self.index]
            self.index += 1
            if unit.kind == "mark":
                if delete and unit.deletable:
                    _delete_mark(unit.paragraph, self.revisions)
                elif delete:
                    self.unjoined += 1
                self.cursor = None
                continue
            element = unit.last if unit.kind == "opaque" else unit.element
            if delete and unit.kind == "run":
                element = _delete_run(unit.element, self.revisions)
            self.cursor = element

    def insert(self, text: str) -> None:
        following = self.units[self.index] if self.index < len(self.units) else None
        like = _run_inside(self.cursor)
        if like is None and following is not None and following.kind == "run":
            like = following.element
        wrapper = self.revisions.mark("ins")
        wrapper.append(_new_run(text, like))
        if self.cursor is not None:
            self._outside_insertion().addnext(wrapper)
        else:
            paragraph = following.paragraph if following is not None else self.units[-1].paragraph
            properties = paragraph.find(qn("pPr"))
            paragraph.insert(0 if properties is None else paragraph.index(properties) + 1, wrapper)
        self.cursor = wrapper

    def _outside_insertion(self):
        """The element to insert after: the cursor, or, when the cursor lies in
        someone's insertion, that insertion cut in two there (no w:ins in a w:ins)."""
        parent = self.cursor.getparent()
        if parent is None or parent.tag != qn("ins"):
            return self.cursor
        rest = list(self.cursor.itersiblings())
        if rest:
            tail = copy.copy(parent)  # attributes and all children; keep only those after the cursor
            for child in list(tail):
                tail.remove(child)
            tail.set(qn("id"), str(self.revisions.next_id))
            self.revisions.next_id += 1
            for child in rest:
                tail.append(child)
            parent.addnext(tail)
        return parent


def write_revisions(layout: Layout, segments, revisions: Revisions, extra_cuts=()) -> tuple[list[Unit], int]:
    """Apply the redline to the layout's XML; return the cut units (for anchoring
    comments) and how many paragraph joins had to be left out."""
    units = cut_units(layout, segment_cuts(segments) | set(extra_cuts))
    walk = _Walk(units, revisions)
    for op, text in segments:
        if op == "insert":
            walk.insert(text)
        else:
            walk.over(len(text), delete=op == "delete")
    return units, walk.unjoined
