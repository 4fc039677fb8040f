"""Checking sources beyond the built-in rules (LanguageTool).

A source has ``name``, ``required`` and ``check(document, blocks) ->
list[Finding]``; it raises ``engine.SourceUnavailable`` when it cannot run.
"""

from __future__ import annotations

from .config import Settings
from .rulespec import CompileContext


def sources_for(settings: Settings, context: CompileContext) -> list:
    """The extra sources these settings turn on."""
    return []
