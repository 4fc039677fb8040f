"""The versioned JSON contract (version 1). Other formats build on it.

Fields may be added within a version; none is removed or renamed.
"""

from __future__ import annotations

import json
from collections import Counter
from json.encoder import encode_basestring

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


def file_to_dict(result, encode_finding=None) -> dict:
    """One file's entry: its path, findings (each passed through
    `encode_finding` when given), and any error or notes."""
    entry: dict = {"path": str(result.path), "findings": []}
    if result.document is not None:
        text = result.document.text
        index = LineIndex(text)
        findings = (finding_to_dict(f, text, index) for f in result.findings)
        entry["findings"] = [encode_finding(f) for f in findings] if encode_finding else list(findings)
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


def results_to_dict(results, encode_finding=None) -> dict:
    """The whole JSON document for a run."""
    files = [file_to_dict(r, encode_finding) for r in results]
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
    """Pretty-printed JSON, stable key order.

    Each finding is encoded as soon as its dict is made, so a run with a
    hundred thousand findings holds their text, not their dicts as well.
    """
    try:
        out: list[str] = []
        _write(results_to_dict(results, _encode_finding), 0, out)
        out.append("\n")
        return "".join(out)
    except (TypeError, ValueError, IndexError, RecursionError):  # unusual input: the json module decides
        return json.dumps(results_to_dict(results), ensure_ascii=False, indent=2) + "\n"


class _Encoded(str):
    """JSON text already encoded, for the depth it is placed at."""


_FINDING_DEPTH = 4  # {"files": [{"findings": [ <finding> ]}]}


def _encode_finding(finding: dict) -> _Encoded:
    return _Encoded(_pretty(finding, _FINDING_DEPTH))


def dumps_pretty(value) -> str:
    """Exactly ``json.dumps(value, ensure_ascii=False, indent=2)``, about twice
    as fast: with an indent, the standard library drops its C encoder for a
    generator per nesting level, which dominates a report of many findings."""
    try:
        return _pretty(value, 0)
    except (TypeError, ValueError, IndexError, RecursionError):  # unusual input: the json module decides
        return json.dumps(value, ensure_ascii=False, indent=2)


_PADS = ["\n" + "  " * depth for depth in range(64)]
_KEYS: dict[str, str] = {}


def _pretty(value, depth: int) -> str:
    out: list[str] = []
    _write(value, depth, out)
    return "".join(out)


def _write(value, depth: int, out: list[str]) -> None:
    """Append the JSON text of `value` to `out` in pieces, joined once at the
    end: a report of 100 MB is never copied level by level."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is _Encoded:
        out.append(value)
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = depth + 1
        separator = "{" + _PADS[inner]
        for key, item in value.items():
            encoded = _KEYS.get(key) if type(key) is str else None
            if encoded is None:
                if type(key) is not str:
                    raise TypeError("non-string key")
                encoded = encode_basestring(key) + ": "
                if len(_KEYS) < 1024:  # field names repeat; data keys must not grow it forever
                    _KEYS[key] = encoded
            out.append(separator)
            separator = "," + _PADS[inner]
            item_kind = type(item)
            if item_kind is str:
                out.append(encoded + encode_basestring(item))
            elif item_kind is int:
                out.append(encoded + int.__repr__(item))
            else:
                out.append(encoded)
                _write(item, inner, out)
        out.append(_PADS[depth] + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = depth + 1
        separator = "[" + _PADS[inner]
        for item in value:
            out.append(separator)
            separator = "," + _PADS[inner]
            _write(item, inner, out)
        out.append(_PADS[depth] + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float and value == value and value not in (float("inf"), float("-inf")):
        out.append(float.__repr__(value))
    else:
        raise TypeError(f"left to the json module: {kind.__name__}")
