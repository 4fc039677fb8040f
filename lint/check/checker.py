"""The one contract between the engine and the rule kinds.

A kind's ``build(rules, context)`` returns checkers. The engine calls each
checker's ``check_document`` once per document and does the rest itself:
dropping hits of scoped rules outside their block kinds, and turning
block-relative hits into findings. A checker keeps no state between
documents other than caches of what depends on words alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from lint.check.prefilter import OPEN, DocumentText, Gate
from lint.model import Block
from lint.ruleset.rulespec import Hit, RuleSpec


class Checker(Protocol):
    """One kind's compiled rules."""

    rules: tuple[RuleSpec, ...]  # the rules whose hits it yields

    def check_document(self, document: DocumentText) -> Iterable[tuple[Block, Hit]]:
        """(block, hit) for every hit in the document's blocks."""
        ...


class BlockChecker:
    """A checker that judges each block on its own, reading only the blocks
    its `gate` (one look at the whole document) lets through."""

    rules: tuple[RuleSpec, ...] = ()

    def gate(self, document: DocumentText) -> Gate:
        """The blocks that may hold a hit (all of them unless overridden)."""
        return OPEN

    def check_block(self, block: Block) -> Iterable[Hit]:
        """The hits in one block."""
        raise NotImplementedError

    def check_document(self, document: DocumentText) -> Iterator[tuple[Block, Hit]]:
        for block in self.gate(document).select(document.blocks):
            for hit in self.check_block(block):
                yield block, hit


def check_blocks(checkers: Iterable[Checker], blocks: list[Block]) -> list[tuple[Block, Hit]]:
    """Every (block, hit) of some checkers over blocks taken as one document."""
    document = DocumentText(blocks)
    return [pair for checker in checkers for pair in checker.check_document(document)]
