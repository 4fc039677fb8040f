"""confusion: a real word used in place of another ("boot the development").

Two forms. A *context* rule names the wrong word, its replacement and the
contexts that make the slip certain, as regexes whose group ``word`` is the
span to replace::

    - id: boot-boost
      kind: confusion
      severity: error
      message: "'{text}' should be '{replacement}': {reason}"
      fix: unsafe
      replacement: boost
      reason: you boost growth; you boot a computer
      patterns: ['\\b(?P<word>boot)\\s+(?:the\\s+)?(?:development|growth)\\s+of\\b']

A *statistical* rule lists sets of easily confused words; each occurrence
is compared with its alternatives using word-pair frequencies from the
data shipped in the ``symspellpy`` package (see ``lexicon``). It flags a word
only when neither of the pairs it forms with its neighbours is in the
corpus, a pair of an alternative is, and the alternative is at least
``min_ratio`` times likelier::

    - id: likely-confusion
      kind: confusion
      severity: warning
      message: "'{text}' is unusual between '{left}' and '{right}'; did you mean '{replacement}'?"
      fix: unsafe
      sets: [[buy, by], [loose, lose]]
"""

from __future__ import annotations

import re

from lint.check.kinds import lexicon
from lint.check.kinds.existence import compile_rule_regex
from lint.check.kinds.perrule import BlockRule, PerRuleChecker
from lint.check.kinds.wordlist import trie_pattern
from lint.check.prefilter import union_literals
from lint.check.text import match_case
from lint.ruleset.regexes import compile_safe
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"patterns": list, "replacement": str, "reason": str, "sets": list,
           "min_ratio": (int, float)}
REQUIRED = ()

# Pairs absent from the corpus list are not impossible, just rarer than its
# cut-off (6.4 million); count them at a floor below it.
_ABSENT_FLOOR = 1_000_000
_DEFAULT_MIN_RATIO = 50
_LEFT_WORD = re.compile(r"([A-Za-z]+) $")


class ContextRule(BlockRule):
    """A wrong word and the regexes that show it is wrong."""

    def __init__(self, rule: RuleSpec):
        self.rule = rule
        if "replacement" not in rule.options:
            raise rule.error("a context rule needs 'replacement'")
        self.replacement = rule.options["replacement"]
        self.patterns = [compile_rule_regex(rule, p, "patterns", re.IGNORECASE)
                         for p in rule.options["patterns"]]
        for source, pattern in zip(rule.options["patterns"], self.patterns, strict=True):
            if "word" not in pattern.groupindex:
                raise rule.error(f"pattern {source!r} needs a group named 'word' (?P<word>...)",
                                 "patterns")
        # Most blocks do not contain the wrong word at all (see prefilter).
        self.literals = union_literals(self.patterns)

    def hits(self, block):
        """Hits for every context match in the block."""
        text = block.text
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                start, end = match.span("word")
                if not block.is_verbatim(start, end):
                    continue
                word = text[start:end]
                replacement = match_case(word, self.replacement)
                if "'" in replacement and "’" in text and "'" not in text:
                    replacement = replacement.replace("'", "’")  # the text's apostrophes: "it’s"
                message = self.rule.format_message(text=word, replacement=replacement,
                                                   reason=self.rule.options.get("reason", ""))
                yield Hit(self.rule, start, end, message, (replacement,))


class StatisticalRule(BlockRule):
    """Confusion sets checked against corpus word-pair frequencies."""

    def __init__(self, rule: RuleSpec):
        self.rule = rule
        self.min_ratio = rule.options.get("min_ratio", _DEFAULT_MIN_RATIO)
        self.alternatives: dict[str, list[str]] = {}
        for group in rule.options["sets"]:
            if not isinstance(group, list) or len(group) < 2 or not all(
                    isinstance(w, str) and w.isalpha() for w in group):
                raise rule.error("each entry of 'sets' must be a list of two or more single words", "sets")
            for word in group:
                others = [w.lower() for w in group if w.lower() != word.lower()]
                self.alternatives.setdefault(word.lower(), []).extend(others)
        # The word, and the word after it (a word with none is never flagged).
        # A trie, not a flat alternation: "to" and "by" start a match at
        # most places in a text, and a trie tries one branch there, not 24.
        body = trie_pattern(self.alternatives)
        self.regex = compile_safe(rf"\b(?:{body})\b(?= (?P<right>[A-Za-z]+))", re.IGNORECASE)
        self.words = frozenset(self.alternatives)
        self.literals = union_literals([self.regex])

    def hits(self, block):
        """Hits for words whose neighbours clearly prefer an alternative."""
        text = block.text
        pairs = lexicon.bigram_counts(self.words)
        for match in self.regex.finditer(text):
            word = match.group()
            if word != word.lower():
                continue  # capitalised: a name, a title or a sentence start
            # Most words are followed by a common partner: decided before looking left.
            if pairs.get(f"{word} {match.group('right').lower()}"):
                continue
            left = _LEFT_WORD.search(text, max(0, match.start() - 40), match.start())
            if not left or not block.is_verbatim(left.start(), match.end("right")):
                continue
            if _after_short_subject(text, left.start()):
                continue  # "Customers buy using cards": a subject, then the verb
            before, after = left.group(1).lower(), match.group("right").lower()
            best = self._better_alternative(word, before, after)
            if best:
                replacement = match_case(word, best)
                message = self.rule.format_message(text=word, replacement=replacement,
                                                   left=left.group(1), right=match.group("right"))
                yield Hit(self.rule, match.start(), match.end(), message, (replacement,))

    def _better_alternative(self, word: str, before: str, after: str) -> str | None:
        pairs = lexicon.bigram_counts(self.words)
        if pairs.get(f"{before} {word}") or pairs.get(f"{word} {after}"):
            return None  # the text's own pairs are common English
        own = _likelihood(pairs, before, word, after)
        for other in self.alternatives[word]:
            if pairs.get(f"{before} {other}") or pairs.get(f"{other} {after}"):
                if _likelihood(pairs, before, other, after) >= self.min_ratio * own:
                    return other
        return None


_CLAUSE_START = re.compile(
    r"(?:^|[.;:!?,()]|\b(?:and|but|or|that|which|who|where|when|if|because|while)\b)[^.;:!?,()]*$",
    re.IGNORECASE)


def _after_short_subject(text: str, left_start: int) -> bool:
    """True when at most three words open the clause before the word: likely
    its subject, so the word is likely its verb ("Many customers buy using cards")."""
    clause = _CLAUSE_START.search(text, max(0, left_start - 200), left_start)
    return clause is not None and len(text[clause.start():left_start].split()) <= 3


def _likelihood(pairs: dict, before: str, word: str, after: str) -> float:
    """P(word | before) * P(after | word), up to a factor shared by the set."""
    count = lexicon.word_count(word) or _ABSENT_FLOOR
    left = pairs.get(f"{before} {word}") or _ABSENT_FLOOR
    right = pairs.get(f"{word} {after}") or _ABSENT_FLOOR
    return left * right / count


def _compile(rule: RuleSpec):
    has_sets, has_patterns = "sets" in rule.options, "patterns" in rule.options
    if has_sets == has_patterns:
        raise rule.error("give either 'patterns' (with 'replacement') or 'sets'")
    return StatisticalRule(rule) if has_sets else ContextRule(rule)


def build(rules, context):
    """One checker for every confusion rule: context rules first, then the
    statistics, which stay silent where a context rule spoke."""
    ordered = sorted(rules, key=lambda r: "sets" in r.options)
    return [PerRuleChecker(ordered, _compile, one_hit_per_span=True)]
