"""What the LanguageTool and Typerighter APIs say about a finding beyond
its span: rule id, category, issue type, rule description and context."""

from __future__ import annotations

import re

from lint.model import Finding, Severity

LT_PREFIX = "lt."
# Copydesk categories as LanguageTool category ids (LanguageTool's own where one fits).
_CATEGORY_IDS = {"spelling": "TYPOS", "capitalization": "CASING", "usage": "CONFUSED_WORDS"}
# LanguageTool issue types (the localization-quality types it uses).
_ISSUE_TYPES = {
    "spelling": "misspelling", "grammar": "grammar", "confusion": "grammar", "usage": "grammar",
    "punctuation": "typographical", "typography": "typographical", "mechanics": "typographical",
    "style": "style", "readability": "style", "claims": "style", "locale": "locale-violation",
    "facts": "inconsistency", "debris": "uncategorized",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n\s*\n")
CONTEXT_CHARS = 40


def rule_id(finding: Finding) -> str:
    """LanguageTool's own id for its matches, Copydesk's for the built-in rules."""
    return finding.rule[len(LT_PREFIX):] if finding.rule.startswith(LT_PREFIX) else finding.rule


def category_id(category: str) -> str:
    """A Copydesk category as an upper-case category id (TYPOS for spelling)."""
    return _CATEGORY_IDS.get(category, category.upper().replace("-", "_"))


def category_name(category: str) -> str:
    """The category's human name."""
    return category.replace("-", " ").replace("_", " ").capitalize()


def issue_type(finding: Finding) -> str:
    """LanguageTool's issue type for the finding's category."""
    return _ISSUE_TYPES.get(finding.category, "uncategorized")


def type_name(finding: Finding) -> str:
    """LanguageTool's match type: UnknownWord, Hint or Other."""
    if finding.category == "spelling":
        return "UnknownWord"
    return "Hint" if finding.severity == Severity.INFO else "Other"


def short_message(finding: Finding) -> str:
    """A few words for a tooltip title."""
    return category_name(finding.category)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or the run of text between blank lines) around [start, end)."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(text, max(0, start - 2000), start):
        begin = boundary.end()
    found = _SENTENCE_END.search(text, end)
    return begin, max(found.start() if found else len(text), end)


def context(text: str, start: int, end: int) -> tuple[str, int, int, int]:
    """(context text, its start in `text`, match offset in it, match length): up to
    CONTEXT_CHARS characters either side, within the line."""
    left = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    line_end = text.find("\n", end)
    right = min(len(text) if line_end < 0 else line_end, end + CONTEXT_CHARS)
    right = max(right, end)
    return text[left:right], left, start - left, end - start
