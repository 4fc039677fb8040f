"""A checker that runs one compiled object per rule.

Kinds whose rules each carry their own regexes or thresholds (agreement,
claims, pattern, readability, debris, confusion) compile every rule into an
object with ``hits(block)`` (and, if it needs the whole document first,
``begin_document(blocks)``); this checker runs them in order.
"""

from __future__ import annotations

from collections.abc import Callable

from ..rulespec import RuleSpec


class PerRuleChecker:
    """Runs each rule's compiled object over a block.

    With ``one_hit_per_span``, a hit inside a span an earlier rule already
    reported is dropped, so the more certain rule (listed first) speaks alone.
    """

    def __init__(self, rules: list[RuleSpec], compile_rule: Callable, one_hit_per_span: bool = False):
        self.rules = tuple(rules)
        self.compiled = [compile_rule(rule) for rule in rules]
        self.one_hit_per_span = one_hit_per_span

    def begin_document(self, blocks) -> None:
        """Let rules that judge the whole document see it first."""
        for compiled in self.compiled:
            begin = getattr(compiled, "begin_document", None)
            if begin is not None:
                begin(blocks)

    def check(self, block):
        """Yield the hits of every rule, in rule order."""
        taken: list[tuple[int, int]] = []
        for compiled in self.compiled:
            for hit in compiled.hits(block):
                if self.one_hit_per_span:
                    if any(s <= hit.start and hit.end <= e for s, e in taken):
                        continue
                    taken.append((hit.start, hit.end))
                yield hit
