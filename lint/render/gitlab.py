"""GitLab Code Quality report (a CodeClimate-style JSON array).

Fingerprints are Copydesk's baseline fingerprints (rule, text, context), so
GitLab's merge-request widget sees an unchanged finding as the same issue
even after lines move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from lint.render.located import located_findings, problems

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
_PROBLEM_SEVERITY = {"error": "critical", "warning": "minor", "note": "info"}


def build(results) -> list[dict]:
    """The Code Quality issues as a list of dicts."""
    issues = []
    seen: Counter = Counter()
    for result in results:
        for problem in problems(result):
            issues.append({
                "type": "issue", "check_name": "copydesk.input", "description": problem.message,
                "categories": ["Bug Risk"], "severity": _PROBLEM_SEVERITY[problem.level],
                "fingerprint": _unique(f"input\0{problem.path}\0{problem.message}", seen),
                "location": {"path": problem.path, "lines": {"begin": 1}}})
        for item in located_findings(result):
            data = item.data
            issues.append({
                "type": "issue", "check_name": data["rule"], "description": data["message"],
                "categories": ["Style"], "severity": _SEVERITY[data["severity"]],
                "fingerprint": _unique(f"{item.path}\0{item.fingerprint}", seen),
                "location": {"path": item.path,
                             "lines": {"begin": data["line"], "end": data["end_line"]}}})
    return issues


def _unique(basis: str, seen: Counter) -> str:
    # The same finding twice in a file needs two fingerprints; GitLab requires them unique.
    seen[basis] += 1
    return hashlib.md5(f"{basis}\0{seen[basis]}".encode()).hexdigest()


def render(results, options) -> str:
    """The Code Quality JSON array."""
    return json.dumps(build(results), ensure_ascii=False, indent=2) + "\n"
