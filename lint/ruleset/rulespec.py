"""What a rule is once loaded from YAML, and what a rule kind reports.

A rule kind (`lint/kinds/<kind>.py`) turns `RuleSpec`s into checkers; a
checker looks at one `Block` and yields `Hit`s in block coordinates. The
engine turns hits into `Finding`s with source offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lint.config.yamlsource import ConfigError, LocatedDict
from lint.model import Applicability, Severity
from lint.ruleset.languagetool_policy import LanguageToolPolicy

# Keys every rule may carry, whatever its kind.
COMMON_KEYS = {
    "id": str, "kind": str, "severity": str, "category": str, "message": str,
    "description": str, "scope": list, "fix": str, "examples": dict, "enabled": bool,
    "link": str,
}
FIX_CHOICES = ("safe", "unsafe", "none")


@dataclass(frozen=True)
class Examples:
    """Snippets a rule must flag and must leave alone."""

    flag: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


@dataclass(eq=False)
class RuleSpec:
    """One rule as written in YAML, validated but not compiled."""

    id: str
    kind: str
    severity: Severity
    category: str
    message: str
    description: str
    scope: tuple[str, ...]
    fix: Applicability | None
    examples: Examples
    enabled: bool
    options: LocatedDict
    path: Path
    line: int
    link: str = ""

    def error(self, message: str, key: str | None = None) -> ConfigError:
        """A ConfigError pointing at this rule (or one of its option keys)."""
        line = self.options.line_of(key) if key and key in self.options else self.line
        return ConfigError(f"rule {self.id}: {message}", self.path, line)

    def applies_to(self, block_kind: str) -> bool:
        """True when the rule's scope includes this kind of block."""
        return not self.scope or block_kind in self.scope

    def format_message(self, **values) -> str:
        """Fill `{placeholders}` of the message; unknown ones stay as written."""
        return _SafeFormat(values).format(self.message)


class _SafeFormat(dict):
    def __missing__(self, key):
        return "{" + key + "}"

    def format(self, template: str) -> str:
        return template.format_map(self)


@dataclass(slots=True)
class Hit:
    """A match reported by a checker, in block-text coordinates."""

    rule: RuleSpec
    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()
    # None: take the rule's declared fix tier; a rule may downgrade per hit.
    applicability: Applicability | None = None
    # Edits in block coordinates; by default the span becomes replacements[0].
    edits: tuple[tuple[int, int, str], ...] | None = None
    no_fix: bool = False


@dataclass
class CompileContext:
    """What rules may consult while compiling: vocabulary and entity facts."""

    accept: set[str] = field(default_factory=set)
    reject: set[str] = field(default_factory=set)
    entities: list = field(default_factory=list)  # lint.facts.Entity
    extra_words: set[str] = field(default_factory=set)
    languagetool: LanguageToolPolicy = field(default_factory=LanguageToolPolicy)
    dialect: str = "en-US"  # the speller's dictionary (settings.dialect)
