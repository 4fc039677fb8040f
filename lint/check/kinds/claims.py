"""claims: statements a fact-checker must verify (superlatives, firsts,
exact figures, attributions). Findings feed the claims checklist.

Patterns are matched one sentence at a time, so "the first ... worldwide"
never reaches across a full stop, and each rule reports a sentence once::

    - id: superlative
      kind: claims
      severity: info
      category: claims
      message: "Verify the superlative claim: '{text}'"
      claim: superlative                  # a label for the checklist
      patterns: ['\\bthe\\s+(?:largest|biggest|first)\\b']

``{sentence}`` in the message is the whole sentence.
"""

from __future__ import annotations

import re

from lint.check.kinds.existence import compile_rule_regex
from lint.check.kinds.perrule import BlockRule, PerRuleChecker
from lint.check.prefilter import union_literals
from lint.check.text import block_sentences
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"patterns": list, "claim": str, "ignorecase": bool}
REQUIRED = ("patterns",)


class ClaimRule(BlockRule):
    """One kind of claim and its patterns."""

    def __init__(self, rule: RuleSpec):
        self.rule = rule
        flags = re.IGNORECASE if rule.options.get("ignorecase", True) else 0
        body = "|".join(f"(?:{p})" for p in rule.options["patterns"])
        for pattern in rule.options["patterns"]:
            compile_rule_regex(rule, pattern, "patterns", flags)  # names the bad one
        self.regex = compile_rule_regex(rule, body, "patterns", flags)
        self.literals = union_literals([self.regex])
        # The same test sentence by sentence: one quick scan for the literal
        # text before the full pattern (a digit, for exact figures). ASCII
        # only: a folded literal ("ss" for "ß") is not what IGNORECASE finds.
        ascii_only = self.literals is not None and all(literal.isascii() for literal in self.literals)
        self._needs = None if not ascii_only or self.literals is None else re.compile(
            "|".join(re.escape(literal) for literal in sorted(self.literals)), re.IGNORECASE)
        self.claim = rule.options.get("claim", rule.id.rsplit(".", 1)[-1])

    def hits(self, block):
        """At most one hit per sentence: its first (longest) match."""
        text = block.text
        if self._needs is not None and not self._needs.search(text):
            return  # no sentence of the block holds the literal text
        for sentence in block_sentences(block):
            if self._needs is not None and not self._needs.search(text, sentence.start, sentence.end):
                continue
            match = self.regex.search(sentence.text)
            if not match or match.end() == match.start():
                continue
            start, end = sentence.start + match.start(), sentence.start + match.end()
            message = self.rule.format_message(text=match.group(), sentence=sentence.text, claim=self.claim)
            yield Hit(self.rule, start, end, message, no_fix=True)


def build(rules, context):
    """One checker for every claims rule."""
    return [PerRuleChecker(rules, ClaimRule)]
