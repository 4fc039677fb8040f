"""Turn LanguageTool matches into Copydesk findings.

Severity follows the policy (`lint.ruleset.languagetool_policy`): errors
from the rules it measured nearly always right, warnings from those right
more often than not, information from those mostly wrong. A rule it has no
measure of gives warnings for grammar, confusions and unknown words (in news
copy an unknown word is as often a name as a typo), information for style:
no LanguageTool match is an error without evidence. A fix is safe only for whitespace and
repeated-word rules with a single replacement, where the change cannot
alter meaning; unsafe for a single replacement from a reliable rule; every
other suggestion is shown, never applied (see `applicability_of`).
"""

from __future__ import annotations

import re

from lint.check.languagetool.client import RawMatch
from lint.model import Applicability, Block, Edit, Finding, Fix, Severity
from lint.ruleset.languagetool_policy import LanguageToolPolicy
from lint.ruleset.rulespec import CompileContext

SOURCE = "languagetool"
MAX_REPLACEMENTS = 5

_WARNING_TYPES = {"grammar", "misspelling", "duplication"}
_INFO_TYPES = {"style", "register", "locale-violation"}
_TIER_SEVERITY = {"errors": Severity.ERROR, "warnings": Severity.WARNING, "hints": Severity.INFO}
_SAFE_TYPES = {"whitespace", "duplication"}
_CATEGORIES = {
    "TYPOS": "spelling", "COMPOUNDING": "spelling", "GRAMMAR": "grammar", "MISC": "grammar",
    "PUNCTUATION": "punctuation", "TYPOGRAPHY": "typography", "CASING": "capitalization",
    "STYLE": "style", "REDUNDANCY": "style", "PLAIN_ENGLISH": "style",
    "REPETITIONS_STYLE": "style", "REPETITIONS": "style", "CONFUSED_WORDS": "usage",
    "COLLOCATIONS": "usage", "NONSTANDARD_PHRASES": "usage", "SEMANTICS": "semantics",
    "AMERICAN_ENGLISH_STYLE": "locale", "BRITISH_ENGLISH": "locale",
}
# LanguageTool rules whose single suggestion may be applied with
# --unsafe-fixes: articles, a pronoun's verb, a doubled word or article,
# spacing around punctuation, compounds. Chosen by reading their output on
# the seed article and the rust-book; a rule not listed is only shown.
RELIABLE_RULES = frozenset({
    "EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE", "WHITESPACE_RULE", "COMMA_PARENTHESIS_WHITESPACE",
    "DOUBLE_PUNCTUATION", "HE_VERB_AGR", "NON3PRS_VERB", "DT_DT", "EN_COMPOUNDS", "MUCH_COUNTABLE",
    "THE_SUPERLATIVE", "IT_VBZ",
})
_QUOTE_MARKS = frozenset("'\"‘’“”«»")
_WORD = re.compile(r"\w[\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def is_spelling(match: RawMatch) -> bool:
    """True for a match of LanguageTool's speller: an unknown word, the kind
    a name sets off. Other rules of the TYPOS category ("Its OK", "All
    though", "May be") are about real words, and names never excuse them."""
    return match.issue_type == "misspelling" and (
        match.type_name == "UnknownWord" or match.rule.startswith(("MORFOLOGIK_", "HUNSPELL_")))


def severity_of(match: RawMatch, policy: LanguageToolPolicy | None = None) -> Severity:
    """How serious this match is. The policy's tiers come first (measured
    precision); then the speller's matches, and grammar, confusions and
    doubled words, are warnings; style is information."""
    tier = policy.severity_tier(match.rule) if policy is not None else None
    if tier in _TIER_SEVERITY:
        return _TIER_SEVERITY[tier]
    if is_spelling(match) or match.issue_type in _WARNING_TYPES:
        return Severity.WARNING
    if match.issue_type in _INFO_TYPES or match.category in ("STYLE", "PLAIN_ENGLISH"):
        return Severity.INFO
    return Severity.WARNING


def category_of(match: RawMatch) -> str:
    """Copydesk's category name for LanguageTool's category id."""
    return _CATEGORIES.get(match.category, match.category.lower().replace("_", "-") or "grammar")


def applicability_of(match: RawMatch, flagged: str) -> Applicability:
    """How far LanguageTool's suggestion may be applied without a person.

    Safe only where the rule type and a single replacement make it certain
    (white space, a word repeated in the same case: not "AND and", nor the
    name "Baden Baden"). Unsafe (applied with --unsafe-fixes) only
    for a single replacement from a rule on RELIABLE_RULES that keeps the
    text's quote marks. Everything else, the speller's guesses included
    ("deallocating" -> "reallocating"), is shown and never applied.
    """
    if len(match.replacements) != 1:
        return Applicability.DISPLAY_ONLY
    if match.issue_type == "duplication" and not _one_word_twice(flagged):
        return Applicability.DISPLAY_ONLY  # "Bitwise AND and assignment": two words, not one repeated
    if match.issue_type in _SAFE_TYPES:
        return Applicability.SAFE
    replacement = match.replacements[0]
    if match.rule not in RELIABLE_RULES or _quotes(replacement) - _quotes(flagged):
        return Applicability.DISPLAY_ONLY
    return Applicability.UNSAFE


def _one_word_twice(flagged: str) -> bool:
    """True when `flagged` is one word written twice, but for a capital
    starting the first ("The the"), as a repeated-word fix assumes. Twice
    capitalised it is a name ("Baden Baden", "Kappa Kappa Gamma")."""
    words = flagged.split()
    if len(words) != 2:
        return True  # not a pair of words (a doubled comma, say): nothing to tell apart
    first, second = words
    return first[1:] == second[1:] and first[:1].lower() == second[:1] and second[:1].islower()


def _quotes(text: str) -> set[str]:
    return {c for c in text if c in _QUOTE_MARKS}


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


def to_finding(match: RawMatch, block: Block, policy: LanguageToolPolicy | None = None) -> Finding:
    """A source-relative finding for a match in block coordinates."""
    start = block.to_source(match.offset)
    end = max(start, block.to_source(match.offset + match.length, is_end=True))
    replacements = match.replacements[:MAX_REPLACEMENTS]
    fix = None
    flagged = block.text[match.offset:match.offset + match.length]
    applicability = applicability_of(match, flagged)
    if (replacements and applicability > Applicability.DISPLAY_ONLY
            and block.is_verbatim(match.offset, match.offset + match.length)):
        fix = Fix((Edit(start, start + match.length, replacements[0]),), applicability)
    return Finding(rule=f"lt.{match.rule}", severity=severity_of(match, policy),
                   category=category_of(match), message=match.message, start=start, end=end,
                   replacements=replacements, fix=fix, source=SOURCE)
