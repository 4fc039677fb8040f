"""A checker that runs one compiled object per rule.

Kinds whose rules each carry their own regexes or thresholds (agreement,
claims, pattern, readability, debris, confusion) compile every rule into a
`BlockRule`; `PerRuleChecker` runs them in order.

A compiled rule may have ``literals``: strings of which its every match
needs one (see `lint.check.prefilter`). The rule then runs only on the
blocks that contain one. Or it may have a ``gate_pattern``, a regex that
matches the text of every block it can hit (and no line break): one search
of the whole document then finds those blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from lint.check.prefilter import OPEN, DocumentText, Gate
from lint.model import Block
from lint.ruleset.rulespec import Hit, RuleSpec


class BlockRule:
    """One compiled rule: ``hits(block)``, or ``hits_in`` when it must judge
    the whole document (a document's readability, repeated paragraphs)."""

    literals: frozenset[str] | None = None
    gate_pattern: re.Pattern | None = None

    def hits(self, block: Block) -> Iterable[Hit]:
        """The rule's hits in one block."""
        raise NotImplementedError

    def hits_in(self, document: DocumentText, blocks: list[Block]) -> Iterator[tuple[Block, Hit]]:
        """(block, hit) for the hits in `blocks`, the blocks of `document`
        this rule may hit."""
        for block in blocks:
            for hit in self.hits(block):
                yield block, hit


class PerRuleChecker:
    """Runs each rule's compiled object over the blocks its gate lets through.

    With ``one_hit_per_span``, a hit inside a span an earlier rule already
    reported is dropped, so the more certain rule (listed first) speaks alone.
    """

    def __init__(self, rules: list[RuleSpec], compile_rule: Callable[[RuleSpec], BlockRule],
                 one_hit_per_span: bool = False):
        self.rules = tuple(rules)
        self.compiled = [compile_rule(rule) for rule in rules]
        self.one_hit_per_span = one_hit_per_span

    def check_document(self, document: DocumentText) -> Iterator[tuple[Block, Hit]]:
        """(block, hit) for every hit in the document, rule by rule."""
        taken: dict[int, list[tuple[int, int]]] = {}
        for rule, compiled in zip(self.rules, self.compiled, strict=True):
            blocks = self._gate(document, rule, compiled).select(document.blocks)
            if rule.scope:  # the engine would drop its hits (a headline rule in a paragraph)
                blocks = [block for block in blocks if block.kind in rule.scope]
            for block, hit in compiled.hits_in(document, blocks):
                if self.one_hit_per_span:
                    spans = taken.setdefault(id(block), [])
                    if any(s <= hit.start and hit.end <= e for s, e in spans):
                        continue
                    spans.append((hit.start, hit.end))
                yield block, hit

    @staticmethod
    def _gate(document: DocumentText, rule: RuleSpec, compiled: BlockRule) -> Gate:
        """The blocks the rule may hit. A scoped rule (headlines) reads only
        its few blocks: no gate."""
        if rule.scope:
            return OPEN
        if compiled.gate_pattern is not None:
            return Gate(document.blocks_matching(compiled.gate_pattern, original=True))
        if compiled.literals:
            return Gate(document.blocks_with(compiled.literals))
        return OPEN
