"""Names from the facts base written correctly: Typerighter shows them as
`markAsCorrect` matches, so an editor sees that "Sinochem" was recognised,
not overlooked."""

from __future__ import annotations

import re
from functools import lru_cache

from lint.model import Finding, Severity

RULE = "facts.known-entity"


@lru_cache(maxsize=8)
def _pattern(names: tuple[str, ...]) -> re.Pattern | None:
    """One alternation of every name, longest first, on word boundaries."""
    if not names:
        return None
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def known_entities(text: str, entities, findings: list[Finding]) -> list[Finding]:
    """A finding for each correctly written entity name that no finding is about."""
    by_name = {name: entity for entity in entities for name in entity.names}
    pattern = _pattern(tuple(by_name))
    if pattern is None:
        return []
    found = []
    for hit in pattern.finditer(text):
        start, end = hit.span()
        if any(_concerns(f, start, end) for f in findings):
            continue
        entity = by_name[hit.group()]
        found.append(Finding(RULE, Severity.INFO, "facts",
                             f"'{hit.group()}' is written correctly: {entity.name} is {entity.is_}",
                             start, end))
    return found


def _concerns(finding: Finding, start: int, end: int) -> bool:
    """True when the finding is about the name: a facts finding on it, or one
    that cuts into it (a paragraph-wide readability finding that merely holds
    it is not)."""
    if finding.start >= end or finding.end <= start:
        return False
    holds = finding.start <= start and finding.end >= end
    return finding.category == "facts" or not holds
