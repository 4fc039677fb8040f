"""Inline suppressions, applied in the filter stage.

In any format::

    <!-- copydesk-disable RULE [RULE...] -->   … <!-- copydesk-enable RULE -->
    <!-- copydesk-disable-next-line RULE -->

In plain text and reStructuredText the same directive may stand alone on a
line, optionally after ``#``, ``//`` or ``..`` (a reST comment)::

    # copydesk-disable-next-line spelling
    .. copydesk-disable-next-line spelling

RULE is a rule id or a pack prefix (``debris``, ``lt``); no RULE means all
rules. Several rules are separated by spaces or commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.config.settings import rule_matches

_DIRECTIVE = r"copydesk-(disable-next-line|disable|enable)\b([^\r\n]*?)"
COMMENT_DIRECTIVE_RE = re.compile(r"<!--\s*" + _DIRECTIVE + r"\s*-->")
PLAIN_DIRECTIVE_RE = re.compile(r"[^\S\r\n]*(?:#|//|\.\.)?[^\S\r\n]*" + _DIRECTIVE + r"[^\S\r\n]*")


@dataclass(frozen=True)
class Region:
    """Rules switched off between two source offsets."""

    start: int
    end: int
    rules: tuple[str, ...]  # empty: every rule


def _rules(text: str) -> tuple[str, ...]:
    return tuple(r for r in re.split(r"[\s,]+", text.strip()) if r)


def find_regions(text: str, plain: bool) -> list[Region]:
    """Every suppressed region that the directives in `text` declare."""
    directives = [(m.start(), m.end(), m.group(1), _rules(m.group(2)))
                  for m in COMMENT_DIRECTIVE_RE.finditer(text)]
    if plain:
        for line in re.finditer(r"^[^\r\n]*", text, re.MULTILINE):
            m = PLAIN_DIRECTIVE_RE.fullmatch(line.group())
            if m and "<!--" not in line.group():
                directives.append((line.start(), line.end(), m.group(1), _rules(m.group(2))))
    directives.sort()
    regions: list[Region] = []
    open_disables: list[tuple[int, tuple[str, ...]]] = []
    for start, end, action, rules in directives:
        if action == "disable-next-line":
            next_line = _next_line_span(text, end)
            if next_line:
                regions.append(Region(next_line[0], next_line[1], rules))
        elif action == "disable":
            open_disables.append((end, rules))
        else:
            still_open = []
            for opened_at, opened_rules in open_disables:
                if not rules or opened_rules == rules or set(rules) & set(opened_rules):
                    regions.append(Region(opened_at, start, opened_rules))
                else:
                    still_open.append((opened_at, opened_rules))
            open_disables = still_open
    regions.extend(Region(opened_at, len(text), rules) for opened_at, rules in open_disables)
    return regions


def _next_line_span(text: str, offset: int) -> tuple[int, int] | None:
    newline = text.find("\n", offset)
    if newline < 0:
        return None
    for line in re.finditer(r"[^\r\n]*", text[newline + 1:]):
        if line.group().strip():
            return newline + 1 + line.start(), newline + 1 + line.end()
    return None


def is_suppressed(rule_id: str, offset: int, regions: list[Region]) -> bool:
    """True when a region covers `offset` and names this rule (or all)."""
    return any(r.start <= offset < r.end and (not r.rules or rule_matches(rule_id, r.rules))
               for r in regions)
