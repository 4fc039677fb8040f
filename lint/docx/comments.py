"""Word comments for the findings no fix resolved, anchored on their text."""

from __future__ import annotations

import bisect
from typing import Any

from docx.text.run import Run

from lint.docx.layout import Unit
from lint.docx.tracked import AUTHOR
from lint.docx.xml import qn

INITIALS = "CD"


def _kept(unit: Unit) -> bool:
    """A run that no revision deletes."""
    return unit.kind == "run" and unit.element.getparent().tag != qn("del")


def add_comments(document, units: list[Unit], anchors) -> int:
    """Add one comment per (start, end, text) anchor (original-text offsets)
    on the runs it covers, or the run before it when it covers none (text a
    fix deleted); return how many found no run in the main document (a
    finding in a footnote)."""
    root = document.element
    runs = [u for u in units if _kept(u) and u.paragraph.getroottree().getroot() is root]
    starts = [u.start for u in runs]
    missed = 0
    for start, end, text in anchors:
        end = max(end, start + 1)
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        covered = []
        for unit in runs[first:]:
            if unit.start >= end:
                break
            if unit.end > start:
                covered.append(unit)
        if not covered and first < len(runs) and runs[first].end <= start:
            covered = [runs[first]]
        if not covered:
            missed += 1
            continue
        no_parent: Any = None  # as before: these runs are made without a parent
        document.add_comment([Run(covered[0].element, no_parent), Run(covered[-1].element, no_parent)],
                             text=text, author=AUTHOR, initials=INITIALS)
    return missed
