"""GitHub's limits on annotations, and the step summary that shows the rest.

GitHub shows at most 10 annotations of each type (error, warning, notice)
per step, so the annotations are ordered — findings on lines the pull
request changed first, then by severity — and cut as GitHub would, with one
notice saying how many were left out. When `$GITHUB_STEP_SUMMARY` is set, a
Markdown table of every finding per rule is appended to it.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

PER_TYPE = 10  # GitHub: "up to 10 annotations of each type per step"
_RANK = {"error": 0, "warning": 1, "info": 2}


def ordered(items, changed) -> list:
    """(path, item) pairs by priority: changed lines first, then errors before warnings before infos."""
    def key(pair):
        path, item = pair
        lines = changed.get(Path(path).resolve(), set()) if changed is not None else set()
        on_changed = lines is None or item.data["line"] in lines
        return (not on_changed, _RANK[item.data["severity"]])
    return sorted(items, key=key)


def capped(items, changed, per_type: int = PER_TYPE) -> tuple[list, int]:
    """The pairs GitHub will show (chosen by priority, kept in file order),
    and how many were left out."""
    chosen: set = set()
    per_level: Counter = Counter()
    dropped = 0
    for pair in ordered(items, changed):
        level = pair[1].data["severity"]
        if per_level[level] >= per_type:
            dropped += 1
            continue
        per_level[level] += 1
        chosen.add(id(pair))
    return [pair for pair in items if id(pair) in chosen], dropped


def summary_markdown(results) -> str:
    """The step summary: totals and one row per rule with its first place."""
    from lint.render.located import located_findings

    rows: dict[str, list] = {}
    for result in results:
        for item in located_findings(result):
            rows.setdefault(item.finding.rule, []).append((item.path, item.data))
    total = sum(len(v) for v in rows.values())
    files = sum(1 for r in results if r.document is not None)
    lines = ["## Copydesk", "", f"{total} finding{'s' if total != 1 else ''} in {files} "
             f"file{'s' if files != 1 else ''}.", ""]
    if rows:
        lines += ["| Rule | Severity | Count | First at |", "| --- | --- | ---: | --- |"]
        for rule, found in sorted(rows.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            path, data = found[0]
            lines.append(f"| `{rule}` | {data['severity']} | {len(found)} | `{path}:{data['line']}` |")
    return "\n".join(lines) + "\n"


def write_step_summary(results) -> bool:
    """Append the summary to $GITHUB_STEP_SUMMARY when it is set; True if written."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as stream:
        stream.write(summary_markdown(results))
    return True


def pull_request_changes(changed_since: str | None, paths):
    """Changed lines of the pull request, when known (--changed-since, or
    $GITHUB_BASE_REF on a pull_request event); None otherwise."""
    ref = changed_since or (f"origin/{os.environ['GITHUB_BASE_REF']}" if os.environ.get("GITHUB_BASE_REF") else None)
    if not ref:
        return None
    from lint.run.changed import ChangedFilesError
    from lint.run.changed_lines import changed_line_numbers

    try:
        return changed_line_numbers(ref, paths)
    except ChangedFilesError:
        return None
