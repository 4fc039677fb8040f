"""pattern: a regex and the text that should replace each match (mechanics).

For mistakes a regex can describe exactly, such as a double space, a space
before a comma or a hyphen after an -ly adverb. ``replace`` is a template
(``\\g<word>`` refers to a named group); a match whose group ``word`` is in
``except`` is left alone::

    - id: ly-hyphen
      kind: pattern
      severity: error
      message: "No hyphen after an -ly adverb: '{replacement}'"
      fix: safe
      patterns: ['\\b(?P<word>[a-z]+ly)-(?=[a-z])']
      replace: '\\g<word> '
      except: [early, only, family]     # -ly words that are not adverbs

The finding covers the match; ``{text}`` is the match and
``{replacement}`` the corrected text in the message.
"""

from __future__ import annotations

import re

from lint.check.kinds.existence import compile_rule_regex
from lint.check.kinds.perrule import BlockRule, PerRuleChecker
from lint.check.prefilter import union_literals
from lint.ruleset.bounded import BoundedPattern
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"patterns": list, "replace": str, "except": list, "ignorecase": bool}
REQUIRED = ("patterns", "replace")


class PatternRule(BlockRule):
    """One rule's regexes and replacement template."""

    def __init__(self, rule: RuleSpec):
        self.rule = rule
        flags = re.IGNORECASE if rule.options.get("ignorecase", False) else 0
        self.patterns = [compile_rule_regex(rule, p, "patterns", flags) for p in rule.options["patterns"]]
        self.template = rule.options["replace"]
        self.exceptions = {w.lower() for w in rule.options.get("except", [])}
        self.literals = union_literals(self.patterns)
        for source, pattern in zip(rule.options["patterns"], self.patterns, strict=True):
            try:
                _check_template(pattern, self.template)
            except re.error as exc:
                raise rule.error(f"'replace' does not fit pattern {source!r}: {exc}", "replace") from None

    def hits(self, block):
        """Hits for every match not excepted."""
        text = block.text
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                if "word" in pattern.groupindex and (match.group("word") or "").lower() in self.exceptions:
                    continue
                start, end = match.span()
                if not block.is_verbatim(start, end):
                    continue
                replacement = match.expand(self.template)
                message = self.rule.format_message(text=match.group(), replacement=replacement)
                yield Hit(self.rule, start, end, message, (replacement,))


def _check_template(pattern: BoundedPattern, template: str) -> None:
    """Raise re.error when the template names a group the pattern lacks."""
    for name in re.findall(r"\\g<(\w+)>", template):
        if not name.isdigit() and name not in pattern.groupindex:
            raise re.error(f"unknown group name {name!r}")
        if name.isdigit() and int(name) > pattern.groups:
            raise re.error(f"invalid group reference {name}")
    for number in re.findall(r"\\(\d+)", template):
        if int(number) > pattern.groups:
            raise re.error(f"invalid group reference {number}")


def build(rules, context):
    """One checker for every pattern rule."""
    return [PerRuleChecker(rules, PatternRule)]
