"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns are counted in Unicode code points (`columnKind`), as everywhere in
Copydesk. Skipped files and failed sources become tool execution
notifications, so they show in the log and not only on stderr.
"""

from __future__ import annotations

import json

from lint import __version__
from lint.render.located import Problem, located_findings, problems
from lint.render.sarif_meta import Locator, UniqueFingerprints, rule_descriptor

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _region(data: dict) -> dict:
    return {"startLine": data["line"], "startColumn": data["column"],
            "endLine": data["end_line"], "endColumn": data["end_column"]}


def _fixes(item, locator) -> list[dict]:
    fix = item.data["fix"]
    if not fix:
        return []
    replacements = []
    for edit in fix["edits"]:
        (line, column), (end_line, end_column) = item.position(edit["start"]), item.position(edit["end"])
        replacements.append({"deletedRegion": {"startLine": line, "startColumn": column,
                                               "endLine": end_line, "endColumn": end_column},
                             "insertedContent": {"text": edit["replacement"]}})
    return [{"description": {"text": f"{fix['applicability']} fix for {item.finding.rule}"},
             "artifactChanges": [{"artifactLocation": locator.location(item.path),
                                  "replacements": replacements}]}]


def _notification(problem: Problem, locator) -> dict:
    return {"level": _LEVELS.get(problem.level, problem.level),
            "message": {"text": f"{problem.path}: {problem.message}"},
            "descriptor": {"id": "copydesk.skipped" if problem.message.startswith("skipped")
                           else "copydesk.source"},
            "locations": [{"physicalLocation": {"artifactLocation": locator.location(problem.path)}}]}


def build(results, rule_spec=None) -> dict:
    """The SARIF log as a dict; `rule_spec(id)` gives a rule's RuleSpec, for its help."""
    locator, fingerprints = Locator(), UniqueFingerprints()
    rules: dict[str, int] = {}
    rule_entries: list[dict] = []
    sarif_results: list[dict] = []
    notifications: list[dict] = []
    for result in results:
        notifications.extend(_notification(p, locator) for p in problems(result))
        for item in located_findings(result):
            finding = item.finding
            if finding.rule not in rules:
                rules[finding.rule] = len(rule_entries)
                rule_entries.append({
                    **rule_descriptor(finding, rule_spec(finding.rule) if rule_spec else None),
                    "defaultConfiguration": {"level": _LEVELS[str(finding.severity)]},
                    "properties": {"category": finding.category, "source": finding.source}})
            entry = {
                "ruleId": finding.rule, "ruleIndex": rules[finding.rule],
                "level": _LEVELS[str(finding.severity)],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": locator.location(item.path),
                    "region": {**_region(item.data), "snippet": {"text": item.data["text"]}}}}],
                "partialFingerprints": {"copydeskFingerprint/v2": fingerprints(item.path, item.fingerprint)},
            }
            fixes = _fixes(item, locator)
            if fixes:
                entry["fixes"] = fixes
            sarif_results.append(entry)
    run = {
        "tool": {"driver": {"name": "Copydesk", "version": __version__,
                            "semanticVersion": __version__, "rules": rule_entries}},
        "originalUriBaseIds": locator.base_ids(),
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not any(r.fatal for r in results),
                         "toolExecutionNotifications": notifications}],
        "results": sarif_results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results, options) -> str:
    """The SARIF log, pretty-printed."""
    return json.dumps(build(results, options.rule_spec), ensure_ascii=False, indent=2) + "\n"
