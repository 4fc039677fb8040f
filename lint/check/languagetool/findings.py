"""Turn LanguageTool matches into Copydesk findings.

Severity follows LanguageTool's issue type: grammar and confusions are
errors; an unknown word is a warning, because in news copy it is as often a
name as a typo; style is information. A fix is safe only for whitespace and
repeated-word rules with a single replacement, where the change cannot
alter meaning; every other suggestion is unsafe.
"""

from __future__ import annotations

import re

from lint.check.languagetool.client import RawMatch
from lint.model import Applicability, Block, Edit, Finding, Fix, Severity
from lint.ruleset.rulespec import CompileContext

SOURCE = "languagetool"
MAX_REPLACEMENTS = 5

_ERROR_TYPES = {"grammar", "misspelling", "duplication"}
_INFO_TYPES = {"style", "register", "locale-violation"}
_SAFE_TYPES = {"whitespace", "duplication"}
_CATEGORIES = {
    "TYPOS": "spelling", "COMPOUNDING": "spelling", "GRAMMAR": "grammar", "MISC": "grammar",
    "PUNCTUATION": "punctuation", "TYPOGRAPHY": "typography", "CASING": "capitalization",
    "STYLE": "style", "REDUNDANCY": "style", "PLAIN_ENGLISH": "style",
    "REPETITIONS_STYLE": "style", "REPETITIONS": "style", "CONFUSED_WORDS": "usage",
    "COLLOCATIONS": "usage", "NONSTANDARD_PHRASES": "usage", "SEMANTICS": "semantics",
    "AMERICAN_ENGLISH_STYLE": "locale", "BRITISH_ENGLISH": "locale",
}
_WORD = re.compile(r"\w[\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def is_spelling(match: RawMatch) -> bool:
    """True for an unknown-word match (the kind a name sets off)."""
    return match.issue_type == "misspelling" and (
        match.type_name == "UnknownWord" or match.category == "TYPOS"
        or match.rule.startswith(("MORFOLOGIK_", "HUNSPELL_")))


def severity_of(match: RawMatch) -> Severity:
    """How serious this match is."""
    if is_spelling(match):
        return Severity.WARNING
    if match.issue_type in _ERROR_TYPES:
        return Severity.ERROR
    if match.issue_type in _INFO_TYPES or match.category in ("STYLE", "PLAIN_ENGLISH"):
        return Severity.INFO
    return Severity.WARNING


def category_of(match: RawMatch) -> str:
    """Copydesk's category name for LanguageTool's category id."""
    return _CATEGORIES.get(match.category, match.category.lower().replace("_", "-") or "grammar")


def applicability_of(match: RawMatch) -> Applicability:
    """Safe only where the rule type and a single replacement make it certain."""
    if len(match.replacements) == 1 and match.issue_type in _SAFE_TYPES:
        return Applicability.SAFE
    return Applicability.UNSAFE


class KnownWords:
    """Accepted vocabulary and entity names, which LanguageTool must not flag."""

    def __init__(self, context: CompileContext):
        words: set[str] = set()
        for phrase in (*context.accept, *context.extra_words,
                       *(name for entity in context.entities for name in entity.names)):
            words.add(phrase.casefold())
            words.update(word.casefold() for word in _WORD.findall(phrase))
        self.words = words

    def covers(self, text: str) -> bool:
        """True when `text` is a known word, a known name, or one's possessive."""
        text = text.strip().casefold()
        if not text:
            return False
        if text in self.words or _POSSESSIVE.sub("", text) in self.words:
            return True
        parts = _WORD.findall(text)
        return bool(parts) and all(_POSSESSIVE.sub("", p) in self.words for p in parts)

    def excuses(self, match: RawMatch, text: str) -> bool:
        """True when the match only objects to a known word."""
        return (is_spelling(match) or match.category == "CASING") and self.covers(text)


def to_finding(match: RawMatch, block: Block) -> Finding:
    """A source-relative finding for a match in block coordinates."""
    start = block.to_source(match.offset)
    end = max(start, block.to_source(match.offset + match.length, is_end=True))
    replacements = match.replacements[:MAX_REPLACEMENTS]
    fix = None
    if replacements and block.is_verbatim(match.offset, match.offset + match.length):
        fix = Fix((Edit(start, start + match.length, replacements[0]),), applicability_of(match))
    return Finding(rule=f"lt.{match.rule}", severity=severity_of(match),
                   category=category_of(match), message=match.message, start=start, end=end,
                   replacements=replacements, fix=fix, source=SOURCE)
