"""articles: "a" before a vowel sound and "an" before a consonant sound.

The sound, not the letter, decides: "a university", "a one-time", "an hour",
"an MBA". Words are judged by their spelling with the usual exceptions;
acronyms by the name of their first letter, and only when that letter is
unambiguous (an acronym read as a word, "a NATO summit", keeps its article)::

    - id: a-an
      kind: articles
      severity: error
      message: "Use '{replacement}' before '{word}'"
      fix: safe
      consonant_sound: [one, once, eulogy]   # extra words that take "a"
      vowel_sound: [heir, herb]              # extra words that take "an"

Function words after the article ("a and b", "option a or b") are not
nouns, so a lone letter used as a name is left alone.
"""

from __future__ import annotations

import re

from lint.check.checker import BlockChecker
from lint.check.indefinite import sound_is_vowel
from lint.check.text import match_case
from lint.ruleset.regexes import compile_safe
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"consonant_sound": list, "vowel_sound": list}
REQUIRED = ()

# (compile_safe leads it with a test for "a": 40% quicker over a book)
# Not the end of a word after an apostrophe: "Xi'an", "Xi’an" (an opening quote is fine).
_ARTICLE_THEN_WORD = compile_safe(r"(?<!\w['’])\b(?P<article>an?)\s+(?P<word>[A-Za-z][\w’'-]*)",
                                  re.IGNORECASE)
# Letters both ways: "an SQL" (ess) or "a SQL" (sequel), "an FAQ" or "a FAQ".
_FUNCTION_WORDS = {
    "and", "or", "nor", "but", "if", "is", "are", "was", "as", "at", "in", "into", "of", "on",
    "onto", "it", "its", "it’s", "it's", "our", "out", "over", "up", "upon", "an", "a", "either",
    "each", "even", "ever", "every", "i", "e", "o", "u", "x", "y", "unless", "until", "also", "etc",
    "ie", "eg", "i.e", "e.g", "other", "another", "all", "any",
}


def _starts_sentence(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" \t\n\"“‘'(*_")
    return not before or before[-1] in ".!?:;"


class ArticleChecker(BlockChecker):
    """One pass over "a"/"an" followed by a word."""

    def __init__(self, rules: list[RuleSpec]):
        self.rules = tuple(rules)
        self.rule = rules[0]
        self.consonant_words = {w.lower() for r in rules for w in r.options.get("consonant_sound", [])}
        self.vowel_words = {w.lower() for r in rules for w in r.options.get("vowel_sound", [])}

    def _wants_an(self, word: str) -> bool | None:
        lower = word.lower()
        if lower in self.consonant_words:
            return False
        if lower in self.vowel_words:
            return True
        return sound_is_vowel(word)

    def check_block(self, block):
        """Yield a hit for every article that does not fit the next sound."""
        text = block.text
        for match in _ARTICLE_THEN_WORD.finditer(text):
            article, word = match.group("article"), match.group("word")
            if word.lower() in _FUNCTION_WORDS or len(word) == 1 or article not in ("a", "A", "an", "An"):
                continue
            # Most articles fit their word: that is settled before the costlier tests.
            wants_an = self._wants_an(word)
            if wants_an is None or wants_an == (len(article) == 2):
                continue
            if article == "A" and not _starts_sentence(text, match.start()):
                continue  # "table A again": a label, not the article
            if not block.is_verbatim(match.start(), match.end()):
                continue
            replacement = match_case(article, "an" if wants_an else "a")
            for rule in self.rules:
                message = rule.format_message(text=article, word=word, replacement=replacement)
                yield Hit(rule, match.start("article"), match.end("article"), message, (replacement,))


def build(rules, context):
    """One checker for every articles rule."""
    return [ArticleChecker(rules)]
