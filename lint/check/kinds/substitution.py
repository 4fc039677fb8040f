"""substitution: a word or phrase and its preferred form.

    - id: misspellings
      kind: substitution
      severity: error
      message: "'{text}' is misspelled: use '{replacement}'"
      fix: safe
      swap:
        accoring: according
        path way: pathway
        alot: [a lot, allot]      # several choices: shown, never applied safely

Matching is whole-word and case-insensitive (unless ``ignorecase: false``);
the replacement takes the case of the matched text. A fix is safe only when
the rule says so and there is a single replacement.
"""

from __future__ import annotations

from lint.check.checker import BlockChecker
from lint.check.kinds.wordlist import PhraseMatcher
from lint.check.text import match_case
from lint.model import Applicability
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"swap": dict, "ignorecase": bool}
REQUIRED = ("swap",)


class SubstitutionChecker(BlockChecker):
    """All substitution rules, matched with one combined regex."""

    def __init__(self, rules: list[RuleSpec]):
        self.rules = tuple(rules)
        entries = []
        for rule in rules:
            swap = rule.options["swap"]
            if not swap:
                raise rule.error("'swap' is empty", "swap")
            for phrase, replacement in swap.items():
                choices = [replacement] if isinstance(replacement, str) else replacement
                if not isinstance(phrase, str) or not isinstance(choices, list) or not all(
                        isinstance(c, str) for c in choices):
                    raise rule.error(f"swap entry {phrase!r} must map a phrase to a string or list of strings",
                                     "swap")
                entries.append((phrase, (rule, tuple(choices))))
        self._matcher = PhraseMatcher(entries)

    def gate(self, document):
        """The blocks where a listed phrase may be."""
        return self._matcher.gate(document)

    def check_block(self, block):
        """Yield a hit for every listed phrase in the block."""
        for match, payloads in self._matcher.finditer(block.text):
            text = match.group()
            for rule, choices in payloads:
                if not rule.options.get("ignorecase", True) and text not in rule.options["swap"]:
                    continue
                replacements = tuple(match_case(text, c) for c in choices)
                applicability = None if len(replacements) == 1 else Applicability.DISPLAY_ONLY
                yield Hit(rule, match.start(), match.end(),
                          rule.format_message(text=text, replacement=" or ".join(replacements)),
                          replacements, applicability)


def build(rules, context):
    """One checker for every substitution rule."""
    return [SubstitutionChecker(rules)]
