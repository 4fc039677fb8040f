"""Join the findings of several sources (built-in rules, LanguageTool) into one list."""

from __future__ import annotations

from collections.abc import Iterable

from lint.model import Finding


def merge_findings(groups: Iterable[list[Finding]]) -> list[Finding]:
    """Join findings from several sources (built-in rules first).

    The same span with the same correction is kept once, and so is the same
    span flagged in the same category by a later source ("worldwidely" is one
    spelling problem, whoever suggests which word): the first source wins.
    """
    seen: set = set()
    merged = []
    for number, group in enumerate(groups):
        for finding in group:
            same_fix = (finding.start, finding.end, finding.replacements[:1])
            same_problem = (finding.start, finding.end, finding.category)
            if (finding.replacements and same_fix in seen) or (number and same_problem in seen):
                continue
            seen.update((same_fix, same_problem))
            merged.append(finding)
    merged.sort(key=lambda f: (f.start, f.end, f.rule))
    return merged
