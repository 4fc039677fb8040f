"""What an editor may decide about each finding, as data for the page's script.

Every choice carries its exact edits in code-point offsets of the original
text, computed here once (a deletion that empties its line takes the line,
as the fixer does), so the page and `copydesk fix --decisions` apply the
same edits and agree byte for byte. The page's script only splices them.
"""

from __future__ import annotations

import json

from lint.decisions import FORMAT_KEY, FORMAT_VERSION, text_sha256
from lint.fix import absorb_emptied_line
from lint.model import Applicability, Edit, Finding

SPELLING = "spelling"


def _edits(edits, text: str) -> list[dict]:
    widened = (absorb_emptied_line(e, text) for e in sorted(edits))
    return [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in widened]


def _options(finding: Finding, text: str) -> list[dict]:
    """The ways to accept: the rule's fix first, then each other suggestion."""
    options, seen = [], set()
    if finding.fix is not None:
        edits = _edits(finding.fix.edits, text)
        label = "".join(e["replacement"] for e in edits) if len(edits) == 1 else None
        options.append({"label": label if label is not None else "the rule's fix",
                        "applicability": str(finding.fix.applicability), "edits": edits})
        if len(finding.fix.edits) == 1:
            seen.add(finding.fix.edits[0].replacement)
    for replacement in finding.replacements[:5]:
        if replacement in seen:
            continue
        seen.add(replacement)
        options.append({"label": replacement, "applicability": str(Applicability.DISPLAY_ONLY),
                        "edits": _edits([Edit(finding.start, finding.end, replacement)], text)})
    return options


def finding_choices(view, text: str) -> dict:
    """One finding's entry in the page data (`view` is a report FindingView)."""
    finding = view.finding
    return {
        "id": view.tick_key, "key": view.key, "rule": finding.rule, "start": finding.start,
        "end": finding.end, "text": view.excerpt, "message": finding.message, "line": view.line,
        "options": _options(finding, text),
        "removal": _edits([Edit(finding.start, finding.end, "")], text)[0],
        "word": view.excerpt.strip() if finding.category == SPELLING and view.excerpt.strip() else "",
    }


def page_data(path: str, text: str, views, *, unsafe: bool) -> str:
    """The JSON the page's script reads: the original text and every finding's choices."""
    data = {FORMAT_KEY: FORMAT_VERSION, "path": path, "sha256": text_sha256(text), "text": text,
            "accept_all": "unsafe" if unsafe else "safe",
            "findings": [finding_choices(v, text) for v in views]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
