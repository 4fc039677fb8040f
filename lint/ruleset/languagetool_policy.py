"""What Copydesk asks of LanguageTool and how much it trusts each answer
(``languagetool/policy.yaml`` in a rule directory).

LanguageTool runs hundreds of rules; on published prose and web text some
of them are mostly wrong. The policy sorts the rules it has measured into
tiers, each entry with the measurement that put it there. It is written by
``scripts/languagetool_policy.py`` from ``scripts/accuracy.py --json``::

    disabled:   # not requested from the server
      COMMA_COMPOUND_SENTENCE: "dev sets 17 right of 91; rust-book 26 matches"
    errors:     # matches are errors
      EN_A_VS_AN: "dev sets 17 right of 17; rust-book 0 matches"
    warnings:   # matches are warnings
      UPPERCASE_SENTENCE_START: "dev sets 43 right of 52; rust-book 2 matches"
    hints:      # matches are information
      MONTH_OF_XXXX: "dev sets 4 right of 12; rust-book 1 match"

An id ending in ``*`` stands for a family LanguageTool generates (one
``EN_COMPOUNDS_...`` rule per compound); a disabled family is dropped from the
answers rather than left out of the request. `languagetool: enable_rules:` in
the configuration turns a disabled rule back on, and its ``severity:`` (``lt.RULE: warning``) overrides a tier. A
rule the policy does not list keeps LanguageTool's own weight, one step
down: grammar and unknown words are warnings, style is information.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.config.yamlsource import ConfigError, LocatedDict, check_keys, load_yaml

POLICY_FOLDER = "languagetool"
TIERS = ("disabled", "errors", "warnings", "hints")
_RULE_ID = re.compile(r"^[A-Z][A-Z0-9_]*\*?$")  # EN_A_VS_AN, or a family: EN_COMPOUNDS_*


@dataclass
class LanguageToolPolicy:
    """LanguageTool rule ids left off, and those trusted with errors, each with its reason."""

    off: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)

    def tiers(self) -> tuple[dict[str, str], ...]:
        return self.off, self.errors, self.warnings, self.hints

    def severity_tier(self, rule: str) -> str | None:
        """"errors", "warnings", "hints", "disabled" or None for a rule id,
        by its own entry or its family's ("EN_COMPOUNDS_*")."""
        names = ("disabled", "errors", "warnings", "hints")
        for name, tier in zip(names, self.tiers(), strict=True):
            if rule in tier:
                return name
        for name, tier in zip(names, self.tiers(), strict=True):
            if any(key.endswith("*") and rule.startswith(key[:-1]) for key in tier):
                return name
        return None

    def update(self, other: LanguageToolPolicy) -> None:
        """Add another directory's policy (a later directory wins a rule)."""
        for mine, theirs in zip(self.tiers(), other.tiers(), strict=True):
            for rule in theirs:
                for tier in self.tiers():
                    tier.pop(rule, None)
            mine.update(theirs)


def load_policy(path: Path) -> LanguageToolPolicy:
    """Parse one policy file; a bad one is a ConfigError naming file:line."""
    data = load_yaml(path)
    if data is None:
        return LanguageToolPolicy()
    if not isinstance(data, LocatedDict):
        raise ConfigError(f"a LanguageTool policy must be a mapping with {', '.join(TIERS)}", path, 1)
    keys = TIERS
    check_keys(data, dict.fromkeys(keys, dict), what="LanguageTool policy")
    seen: dict[str, str] = {}
    for key in keys:
        for rule in data.get(key) or {}:
            if rule in seen:
                raise data[key].error(f"{rule} is under both {seen[rule]}: and {key}:", rule)
            seen[rule] = key
    return LanguageToolPolicy(*(_reasons(data, key) for key in keys))


def _reasons(data: LocatedDict, key: str) -> dict[str, str]:
    table = data.get(key)
    if not table:
        return {}
    assert isinstance(table, LocatedDict)  # check_keys made it a mapping
    for rule, reason in table.items():
        if not isinstance(rule, str) or not _RULE_ID.match(rule):
            raise table.error(f"{rule!r} is not a LanguageTool rule id (like EN_A_VS_AN)", rule)
        if not isinstance(reason, str) or not reason.strip():
            raise table.error(f"{rule}: give the measurement that puts it here, as a string", rule)
    return dict(table)
