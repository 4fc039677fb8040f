"""What Copydesk asks of LanguageTool and how much it trusts each answer
(``languagetool/policy.yaml`` in a rule directory).

LanguageTool runs hundreds of rules; on published prose and web text some
of them are mostly wrong. Each rule the policy turns off, and each rule it
trusts with the error severity, carries the measurement that put it there
(``scripts/accuracy.py --by-rule``)::

    disabled:
      COMMA_COMPOUND_SENTENCE: "CWEB-G dev: 1 right of 75; rust-book: 33 false"
    errors:
      EN_A_VS_AN: "CWEB-G + GMEG dev: 17 right of 17"
    warnings:
      UPPERCASE_SENTENCE_START: "CWEB-G + GMEG dev: 40 right of 53"

A disabled rule is not requested from the server; `languagetool:
enable_rules:` in the configuration turns it back on. Matches of a rule under
``errors:`` are errors, under ``warnings:`` warnings, and the speller's are
warnings; any other rule's matches are information (hints): that LanguageTool
ships a rule is not evidence that it is right on this kind of text. The
configuration's ``severity:`` (``lt.RULE: warning``) overrides all of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.config.yamlsource import ConfigError, LocatedDict, check_keys, load_yaml

POLICY_FOLDER = "languagetool"
_RULE_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")


@dataclass
class LanguageToolPolicy:
    """LanguageTool rule ids left off, and those trusted with errors, each with its reason."""

    off: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    def tiers(self) -> tuple[dict[str, str], ...]:
        return self.off, self.errors, self.warnings

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
        raise ConfigError("a LanguageTool policy must be a mapping with 'disabled:', 'errors:' or 'warnings:'", path, 1)
    keys = ("disabled", "errors", "warnings")
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
