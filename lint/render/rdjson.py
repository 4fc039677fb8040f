"""reviewdog Diagnostic Format: ``rdjson`` (one DiagnosticResult) and
``rdjsonl`` (one Diagnostic a line). Columns are UTF-8 byte counts, as the
format requires; suggestions carry safe and unsafe fixes."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from lint.render.located import Located, byte_column, located_findings, problems

SOURCE = {"name": "copydesk"}
_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO", "note": "INFO"}


def _position(item: Located, offset: int) -> dict:
    line, column = item.position(offset)
    return {"line": line, "column": byte_column(item.index.line_text(line), column)}


def diagnostics(results) -> list[dict]:
    """Every finding and skipped file as an rdf Diagnostic."""
    out = []
    for result in results:
        for problem in problems(result):
            out.append({"message": problem.message, "location": {"path": problem.path},
                        "severity": _SEVERITY[problem.level], "source": SOURCE,
                        "code": {"value": "copydesk.input"}})
        for item in located_findings(result):
            finding = item.finding
            diagnostic: dict[str, Any] = {
                "message": finding.message,
                "location": {"path": item.path,
                             "range": {"start": _position(item, finding.start),
                                       "end": _position(item, finding.end)}},
                "severity": _SEVERITY[str(finding.severity)], "source": SOURCE,
                "code": {"value": finding.rule},
            }
            if finding.fix is not None:
                diagnostic["suggestions"] = [
                    {"range": {"start": _position(item, e.start), "end": _position(item, e.end)},
                     "text": e.replacement} for e in finding.fix.edits]
            out.append(diagnostic)
    return out


def render(results, options) -> str:
    """One DiagnosticResult document (``-f rdjson``)."""
    return json.dumps({"source": SOURCE, "diagnostics": diagnostics(results)},
                      ensure_ascii=False, indent=2) + "\n"


def render_lines(results, options) -> str:
    """One Diagnostic per line (``-f rdjsonl``)."""
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in diagnostics(results))


# The rdjsonl format: the same diagnostics, one JSON object a line.
LINES = SimpleNamespace(render=render_lines, __doc__="reviewdog rdjsonl: one Diagnostic a line.")
