"""A checker that runs one compiled object per rule.

Kinds whose rules each carry their own regexes or thresholds (agreement,
claims, pattern, readability, debris, confusion) compile every rule into an
object with ``hits(block)`` (and, if it needs the whole document first,
``begin_document(blocks)``); this checker runs them in order.

A compiled rule may also have ``literals``: strings of which its every
match needs one (see `prefilter`). The rule then runs only on the blocks
that contain one. Or it may have a ``gate_pattern``, a regex that matches
the text of every block it can hit (and no line break): one search of the
whole document then finds those blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from lint.check.kinds.prefilter import OPEN, Gate, document_text
from lint.ruleset.rulespec import RuleSpec


class PerRuleChecker:
    """Runs each rule's compiled object over a block.

    With ``one_hit_per_span``, a hit inside a span an earlier rule already
    reported is dropped, so the more certain rule (listed first) speaks alone.
    """

    def __init__(self, rules: list[RuleSpec], compile_rule: Callable, one_hit_per_span: bool = False):
        self.rules = tuple(rules)
        self.compiled = [compile_rule(rule) for rule in rules]
        self.one_hit_per_span = one_hit_per_span
        self.literals = [getattr(compiled, "literals", None) for compiled in self.compiled]
        self.gate_patterns = [getattr(compiled, "gate_pattern", None) for compiled in self.compiled]
        # For the current document: per rule, the blocks it may match.
        self._gates: list[Gate] = [OPEN] * len(self.compiled)

    def begin_document(self, blocks) -> None:
        """Let rules that judge the whole document see it first, and find
        the blocks each prefiltered rule needs to look at."""
        for compiled in self.compiled:
            begin = getattr(compiled, "begin_document", None)
            if begin is not None:
                begin(blocks)
        self.prefilter(blocks)

    def prefilter(self, blocks) -> None:
        """Find, for each rule with literals or a gate pattern, the blocks it
        may hit. A scoped rule (headlines) reads only its few blocks: no gate."""
        if not any(self.literals) and not any(self.gate_patterns):
            return
        document = document_text(blocks)
        self._gates = [self._gate(document, *parts)
                       for parts in zip(self.rules, self.literals, self.gate_patterns)]

    @staticmethod
    def _gate(document, rule: RuleSpec, literals, pattern) -> Gate:
        if rule.scope:
            return OPEN
        if pattern is not None:
            return Gate(document, document.blocks_matching(pattern, original=True))
        if literals:
            return Gate(document, document.blocks_with(literals))
        return OPEN

    def check_blocks(self, blocks):
        """(block, hit) for every hit in the document, rule by rule, each
        rule over only the blocks its gate lets through (the engine's fast
        path; the same hits as `check` block by block)."""
        taken: dict[int, list[tuple[int, int]]] = {}
        for rule, compiled, gate in zip(self.rules, self.compiled, self._gates):
            for block in gate.select(blocks):
                if rule.scope and block.kind not in rule.scope:
                    continue  # the engine would drop its hits (a headline rule in a paragraph)
                for hit in compiled.hits(block):
                    if self.one_hit_per_span:
                        spans = taken.setdefault(id(block), [])
                        if any(s <= hit.start and hit.end <= e for s, e in spans):
                            continue
                        spans.append((hit.start, hit.end))
                    yield block, hit

    def check(self, block):
        """Yield the hits of every rule in one block, in rule order (a
        block on its own is outside any document's gates: every rule reads it)."""
        for _, hit in self.check_blocks([block]):
            yield hit
