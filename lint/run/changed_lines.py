"""`--changed-lines`: only findings on lines the branch changed, as a pull
request reviewer sees them. The lines come from git's own diff hunks
(``git diff -U0`` against the merge base); a file git does not track yet
counts as changed throughout."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from lint.positions import LineIndex
from lint.run.changed import _git, merge_base, repository_top

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_NEW_FILE = re.compile(r"^\+\+\+ b/(.*)$")


def changed_line_numbers(ref: str, paths) -> dict[Path, set[int] | None]:
    """Resolved path -> the 1-based line numbers changed since the merge
    base of `ref` (None: the whole file is new)."""
    top = repository_top(paths)
    base = merge_base(ref, top)
    lines: dict[Path, set[int] | None] = {}
    current: set[int] | None = None
    output = _git(["-c", "core.quotepath=off", "diff", "-U0", "--no-color", "--no-ext-diff",
                   "--src-prefix=a/", "--dst-prefix=b/", base, "--"], top)
    for row in "\0".join(output).splitlines():
        if row.startswith("+++ "):
            name = _NEW_FILE.match(row)  # "+++ /dev/null" for a deleted file
            current = lines.setdefault((top / name.group(1)).resolve(), set()) if name else None
            continue
        hunk = _HUNK.match(row)
        if hunk and current is not None:
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            current.update(range(start, start + count))
    for untracked in _git(["ls-files", "--others", "--exclude-standard", "-z"], top):
        lines[(top / untracked).resolve()] = None
    return lines


def keep_changed_lines(results, changed: dict[Path, set[int] | None]) -> list:
    """The results with only the findings that touch a changed line."""
    kept = []
    for result in results:
        if result.document is None:
            kept.append(result)
            continue
        lines = changed.get(Path(result.path).resolve(), set())
        if lines is None:
            kept.append(result)
            continue
        index = LineIndex(result.document.text)
        findings = [f for f in result.findings
                    if any(n in lines for n in range(index.line_col(f.start)[0],
                                                     index.line_col(max(f.start, f.end - 1))[0] + 1))]
        kept.append(replace(result, findings=findings))
    return kept
