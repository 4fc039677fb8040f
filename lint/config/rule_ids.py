"""Every rule id the user types is checked against the rules that exist.

A mistyped id in `--select`, `--ignore`, or `enable`, `disable`,
`severity`, `options` and `overrides` in copydesk.yaml would otherwise
match nothing and change nothing, silently. Each place an id is named is
kept as a `RuleRef` (the flag, or file and line) and checked once the rule
packs are loaded; the error suggests the nearest real id.

An id names one rule (``typos.misspelling``), a pack or prefix of one
(``typos``), ``ALL``, or a LanguageTool rule (``lt.ANY_ID``): LanguageTool's
ids are not known before its server answers, so any ``lt.`` id is taken.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from lint.config.yamlsource import ConfigError

ANY = ("ALL", "all")
LANGUAGETOOL_PREFIX = "lt"


@dataclass(frozen=True)
class RuleRef:
    """One rule id as the user wrote it, and where."""

    selector: str
    what: str  # "enable", "severity", "options" ... or a flag such as "--select"
    path: Path | None = None
    line: int | None = None
    one_rule: bool = False  # options apply to one rule, never to a pack

    def error(self, message: str) -> ConfigError:
        """A ConfigError at the file:line, or naming the flag."""
        if self.path is None:
            return ConfigError(f"{self.what}: {message}")
        return ConfigError(f"{self.what}: {message}", self.path, self.line)


def from_flag(flag: str, selectors) -> tuple[RuleRef, ...]:
    """The refs of a command-line flag's ids."""
    return tuple(RuleRef(s, flag) for s in selectors)


def from_list(what: str, items) -> tuple[RuleRef, ...]:
    """The refs of a LocatedList of ids (enable, disable)."""
    lines = getattr(items, "item_lines", [None] * len(items))
    return tuple(RuleRef(s, what, getattr(items, "path", None), line) for s, line in zip(items, lines, strict=True))


def from_mapping(what: str, mapping, one_rule: bool = False) -> tuple[RuleRef, ...]:
    """The refs of a LocatedDict keyed by id (severity, options)."""
    return tuple(RuleRef(key, what, getattr(mapping, "path", None), mapping.line_of(key), one_rule)
                 for key in mapping)


def prefixes(rule_ids) -> set[str]:
    """Every dotted prefix of every id: the packs a selector may name."""
    out: set[str] = set()
    for rule_id in rule_ids:
        parts = rule_id.split(".")
        out.update(".".join(parts[:n]) for n in range(1, len(parts)))
    return out


def check_rule_refs(refs, rule_ids) -> None:
    """Raise ConfigError for the first ref that names no rule."""
    ids = set(rule_ids)
    packs = prefixes(ids)
    for ref in refs:
        selector = ref.selector
        if selector == LANGUAGETOOL_PREFIX or selector.startswith(LANGUAGETOOL_PREFIX + "."):
            continue
        if selector in ids or (not ref.one_rule and (selector in packs or selector in ANY)):
            continue
        pool = sorted(ids) if ref.one_rule else sorted(ids | packs)
        raise ref.error(f"unknown rule {selector!r}{_suggestion(selector, pool)}"
                        + (" (options name one rule, not a pack)" if ref.one_rule and selector in packs else ""))


def _suggestion(selector: str, pool) -> str:
    near = difflib.get_close_matches(selector, pool, n=1, cutoff=0.6)
    if not near:  # a wrong pack with a right rule name: "typo.misspelling"
        tail = selector.rsplit(".", 1)[-1]
        near = [rule_id for rule_id in pool if rule_id.rsplit(".", 1)[-1] == tail][:1]
    return f"; did you mean {near[0]!r}?" if near else " (see `copydesk rules`)"


def nearest(word: str, choices) -> str:
    """'; did you mean X?' for the closest of `choices`, or ''."""
    near = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""
