"""The registry of rule kinds: one module per kind.

A kind module defines:

- ``OPTIONS``: its own YAML keys and their types (``{"swap": dict}``);
- ``REQUIRED``: which of those keys must be present;
- ``build(rules, context) -> list[Checker]``: compile every rule of the kind
  once (regexes built here, word lists merged into one pass where it can);
  raise ``rule.error(...)`` on a bad rule.

A checker follows `lint.check.checker.Checker`: ``rules`` (the RuleSpecs it
serves) and ``check_document(document) -> Iterable[(block, Hit)]``. Most
kinds subclass `BlockChecker` (a ``gate`` and ``check_block``) or compile
each rule into a `perrule.BlockRule`. Adding a kind is one module plus one
line in ``KINDS``; the engine never changes.
"""

from __future__ import annotations

from types import ModuleType

from lint.check.kinds import (
    agreement,
    articles,
    claims,
    confusion,
    debris,
    existence,
    facts,
    pattern,
    readability,
    repetition,
    spelling,
    substitution,
)

KINDS: dict[str, ModuleType] = {
    "agreement": agreement,
    "articles": articles,
    "claims": claims,
    "confusion": confusion,
    "debris": debris,
    "existence": existence,
    "facts": facts,
    "pattern": pattern,
    "readability": readability,
    "repetition": repetition,
    "spelling": spelling,
    "substitution": substitution,
}


def kind_module(name: str) -> ModuleType | None:
    """The module implementing kind `name`, or None."""
    return KINDS.get(name)
