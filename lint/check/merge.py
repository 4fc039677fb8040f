"""Join the findings of several sources (built-in rules, LanguageTool) into one list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from lint.model import Finding

MAX_REPLACEMENTS = 5


def merge_findings(groups: Iterable[list[Finding]]) -> list[Finding]:
    """Join findings from several sources (built-in rules first).

    The same span flagged in the same category by several sources
    ("worldwidely" is one spelling problem, whoever suggests which word) is
    one finding: the first source's rule, message and fix (its own evidence),
    with the replacements of all of them, the first source's first. The same span
    with the same first correction in another category is kept once too.
    """
    by_problem: dict[tuple[int, int, str], tuple[int, int]] = {}  # -> (group, index in merged)
    fixes_seen: set[tuple[int, int, tuple[str, ...]]] = set()
    merged: list[Finding] = []
    for number, group in enumerate(groups):
        for finding in group:
            problem = (finding.start, finding.end, finding.category)
            same_fix = (finding.start, finding.end, finding.replacements[:1])
            earlier = by_problem.get(problem)
            if earlier is not None and earlier[0] < number:  # one source's own findings all stay
                merged[earlier[1]] = _with_replacements_of(merged[earlier[1]], finding)
                continue
            if finding.replacements and same_fix in fixes_seen:
                continue
            by_problem.setdefault(problem, (number, len(merged)))
            fixes_seen.add(same_fix)
            merged.append(finding)
    merged.sort(key=lambda f: (f.start, f.end, f.rule))
    return merged


def _with_replacements_of(kept: Finding, other: Finding) -> Finding:
    """`kept` offering `other`'s replacements too, after its own."""
    union = list(dict.fromkeys((*kept.replacements, *other.replacements)))[:MAX_REPLACEMENTS]
    if len(union) == len(kept.replacements):
        return kept
    return replace(kept, replacements=tuple(union))
