"""The versioned JSON contract (version 1). Other formats build on it.

Fields may be added within a version; none is removed or renamed.
"""

from __future__ import annotations

import json
from collections import Counter

from lint.formats import FORMATS
from lint.model import Applicability, Finding, Severity
from lint.positions import LineIndex

JSON_VERSION = 1
# str() of an IntEnum goes through enum's slow descriptors; findings are many.
# One table per enum: IntEnum members equal their numbers, so they would collide.
_SEVERITY_NAMES = {member: str(member) for member in Severity}
_APPLICABILITY_NAMES = {member: str(member) for member in Applicability}


def finding_to_dict(finding: Finding, text: str, index: LineIndex) -> dict:
    """One finding as the JSON contract describes it."""
    line, column = index.line_col(finding.start)
    end_line, end_column = index.line_col(finding.end)
    fix = None
    if finding.fix is not None:
        fix = {"applicability": _APPLICABILITY_NAMES[finding.fix.applicability],
               "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement}
                         for e in finding.fix.edits]}
    return {
        "rule": finding.rule, "severity": _SEVERITY_NAMES[finding.severity], "category": finding.category,
        "message": finding.message, "start": finding.start, "end": finding.end,
        "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "text": text[finding.start:finding.end], "replacements": list(finding.replacements),
        "fix": fix, "source": finding.source,
    }


def file_to_dict(result) -> dict:
    """One file's entry: its path, findings, and any error or notes."""
    entry: dict = {"path": str(result.path), "findings": []}
    if result.document is not None:
        text = result.document.text
        index = LineIndex(text)
        entry["findings"] = [finding_to_dict(f, text, index) for f in result.findings]
        line_unit = FORMATS[result.document.format].line_unit if result.document.format in FORMATS else "line"
        if line_unit != "line":  # a Word document: "line" is the paragraph number, "column" the character in it
            entry["line_unit"] = line_unit
    if result.error:
        entry["error"] = result.error
    if result.notes:
        entry["notes"] = list(result.notes)
    if result.metrics:
        entry["readability"] = result.metrics
    return entry


def results_to_dict(results) -> dict:
    """The whole JSON document for a run."""
    files = [file_to_dict(r) for r in results]
    severities = Counter(_SEVERITY_NAMES[f.severity] for r in results if r.document is not None
                         for f in r.findings)
    return {
        "version": JSON_VERSION,
        "files": files,
        "summary": {
            "files": len(files),
            "findings": sum(severities.values()),
            "by_severity": {k: severities[k] for k in ("error", "warning", "info") if severities[k]},
            "skipped": sum(1 for r in results if r.error),
        },
    }


def render(results, options) -> str:
    """Pretty-printed JSON, stable key order."""
    return json.dumps(results_to_dict(results), ensure_ascii=False, indent=2) + "\n"
