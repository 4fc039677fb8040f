"""Configuration: find, load, validate and merge `copydesk.yaml`.

Precedence (one merge function, `resolve_settings`): built-in defaults →
the project file found upward from the checked file (or `--config FILE`) →
command-line flags.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from lint.config import globs, rule_ids
from lint.config.yamlsource import ConfigError, LocatedDict, check_keys, load_yaml
from lint.model import Severity
from lint.notices import notice

CONFIG_NAMES = ("copydesk.yaml", ".copydesk.yaml")
# The shipped rules: `rules/` beside the package in a source checkout (and an
# editable install); copied to `lint/_rules` inside a built wheel (see setup.py).
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
_SOURCE_RULES_DIR = _PACKAGE_DIR.parent / "rules"
_WHEEL_RULES_DIR = _PACKAGE_DIR / "_rules"
PACKAGE_RULES_DIR = _WHEEL_RULES_DIR if _WHEEL_RULES_DIR.is_dir() else _SOURCE_RULES_DIR
DEFAULT_EXCLUDES = (".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__",
                    ".tox", ".mypy_cache", ".pytest_cache")

_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "rules_dirs": list, "builtin_rules": bool, "enable": list, "disable": list,
    "severity": dict, "options": dict, "vocabulary": dict, "exclude": list,
    "overrides": list, "languagetool": dict, "fail_on": str, "html": dict,
    "max_file_mb": (int, float), "dialect": str,
}
_OVERRIDE_KEYS = {"files": list, "enable": list, "disable": list, "severity": dict}
_VOCAB_KEYS = {"accept": list, "reject": list}
_LT_KEYS: dict[str, type | tuple[type, ...]] = {
    "enabled": bool, "url": str, "language": str, "picky": bool, "timeout": (int, float),
    "enable_rules": list, "disable_rules": list, "enable_categories": list,
    "disable_categories": list, "cache_dir": str,
}
_HTML_KEYS = {"check_alt": bool, "check_title": bool, "chrome": str}
FAIL_ON_CHOICES = ("error", "warning", "info", "never")
DIALECTS = ("en-US", "en-GB", "en-CA", "en-AU")  # the speller's (lint.check.dictionary)


@dataclass(frozen=True)
class Override:
    """Settings that apply only to files matching some globs."""

    files: tuple[str, ...]
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()


@dataclass(frozen=True)
class LanguageToolSettings:
    """How (and whether) to use LanguageTool."""

    enabled: bool = True
    url: str | None = None
    language: str = "en-US"
    picky: bool = False
    timeout: float = 30.0
    enable_rules: tuple[str, ...] = ()
    disable_rules: tuple[str, ...] = ()
    enable_categories: tuple[str, ...] = ()
    disable_categories: tuple[str, ...] = ()
    cache_dir: str | None = None
    required: bool = False


@dataclass(frozen=True)
class HtmlSettings:
    """What to check in HTML input."""

    check_alt: bool = True
    check_title: bool = False
    chrome: str = "skip"  # "skip" page chrome, or check it as "debris"


@dataclass(frozen=True)
class Settings:
    """Everything that decides what is checked and how; immutable."""

    config_path: Path | None = None
    rules_dirs: tuple[Path, ...] = ()
    builtin_rules: bool = True
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    options: dict = field(default_factory=dict)
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    languagetool: LanguageToolSettings = LanguageToolSettings()
    html: HtmlSettings = HtmlSettings()
    fail_on: str = "error"
    max_file_mb: float = 20
    dialect: str = "en-US"  # the speller's dictionary; LanguageTool's language unless that is set
    # Where each rule id was named, checked once the rules are loaded
    # (rule_ids.check_rule_refs); not part of what decides the findings.
    rule_refs: tuple[rule_ids.RuleRef, ...] = field(default=(), compare=False, repr=False)

    @property
    def base_dir(self) -> Path:
        """Directory that relative globs in the config are resolved against."""
        return self.config_path.parent if self.config_path else Path.cwd()

    def all_rule_dirs(self) -> tuple[Path, ...]:
        """The shipped rules (unless turned off) then the user's directories."""
        shipped = (PACKAGE_RULES_DIR,) if self.builtin_rules else ()
        return shipped + self.rules_dirs

    def is_excluded(self, path: Path) -> bool:
        """True when `path` matches a default or configured exclude pattern."""
        parts = set(path.parts)
        if parts & set(DEFAULT_EXCLUDES):
            return True
        rel = _relative(path, self.base_dir)
        return globs.matches(rel, self.exclude, path.is_dir)

    def overrides_for(self, path: Path) -> list[Override]:
        """The per-glob overrides that apply to `path`, in file order."""
        rel = _relative(path, self.base_dir)
        return [o for o in self.overrides if globs.matches(rel, o.files)]


def rule_matches(rule_id: str, selectors) -> bool:
    """True when a selector names this rule or a pack prefix of it."""
    for selector in selectors:
        if selector in ("ALL", "all") or rule_id == selector or rule_id.startswith(selector + "."):
            return True
    return False


def severity_for(rule_id: str, table, default: Severity) -> Severity:
    """The most specific severity override for a rule, if any."""
    best, best_len = default, -1
    for selector, severity in table:
        if rule_matches(rule_id, [selector]) and len(selector) > best_len:
            best, best_len = severity, len(selector)
    return best


def _relative(path: Path, base: Path) -> str:
    try:
        return _resolved(path).relative_to(_resolved(base)).as_posix()
    except ValueError:
        return path.as_posix()


@functools.lru_cache(maxsize=4096)
def _resolved(path: Path) -> Path:
    """path.resolve(), asked once per path: a run asks for each file's
    overrides and exclusion, and for the config folder each time."""
    return path.resolve()


def find_config(start: Path) -> Path | None:
    """The nearest copydesk.yaml / .copydesk.yaml at or above `start`."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def load_config(path: Path) -> Settings:
    """Read and validate one configuration file."""
    data = load_yaml(path)
    if data is None:
        return Settings(config_path=path)
    if not isinstance(data, LocatedDict):
        raise ConfigError("a configuration file must be a mapping of keys", path, 1)
    check_keys(data, _TOP_KEYS, what="configuration")
    base = path.parent
    settings = Settings(config_path=path)
    values: dict = {}
    refs: list = []
    if "rules_dirs" in data:
        values["rules_dirs"] = tuple(_rule_dir(base, d, data["rules_dirs"], i)
                                     for i, d in enumerate(_strings(data["rules_dirs"])))
    for key in ("builtin_rules",):
        if key in data:
            values[key] = data[key]
    for key in ("enable", "disable", "exclude"):
        if key in data:
            values[key] = tuple(_strings(data[key]))
            if key != "exclude":
                refs.extend(rule_ids.from_list(key, data[key]))
    if "severity" in data:
        values["severity"] = _severity_table(data["severity"])
        refs.extend(rule_ids.from_mapping("severity", data["severity"]))
    if "options" in data:
        for rule_id, opts in data["options"].items():
            if not isinstance(opts, dict):
                raise data["options"].error(f"options for {rule_id!r} must be a mapping", rule_id)
        values["options"] = dict(data["options"])
        refs.extend(rule_ids.from_mapping("options", data["options"], one_rule=True))
    if "vocabulary" in data:
        vocab = data["vocabulary"]
        check_keys(vocab, _VOCAB_KEYS, what="vocabulary")
        values["accept"] = tuple(_strings(vocab.get("accept", [])))
        values["reject"] = tuple(_strings(vocab.get("reject", [])))
    if "overrides" in data:
        values["overrides"] = tuple(_override(item) for item in data["overrides"])
        for item in data["overrides"]:
            refs.extend(rule_ids.from_list("overrides: enable", item.get("enable", [])))
            refs.extend(rule_ids.from_list("overrides: disable", item.get("disable", [])))
            refs.extend(rule_ids.from_mapping("overrides: severity", item.get("severity", {})))
    if "languagetool" in data:
        lt = data["languagetool"]
        check_keys(lt, _LT_KEYS, what="languagetool settings")
        lt_values: dict[str, Any] = {k: (tuple(_strings(v)) if isinstance(v, list) else v) for k, v in lt.items()}
        if "timeout" in lt_values:
            lt_values["timeout"] = float(lt_values["timeout"])
        values["languagetool"] = replace(settings.languagetool, **lt_values)
    values.update(_dialect(data, values.get("languagetool", settings.languagetool)))
    if "html" in data:
        html = data["html"]
        check_keys(html, _HTML_KEYS, what="html settings")
        if html.get("chrome", "skip") not in ("skip", "debris"):
            raise html.error("'chrome' must be 'skip' or 'debris'", "chrome")
        values["html"] = HtmlSettings(**html)
    if "max_file_mb" in data:
        if data["max_file_mb"] <= 0:
            raise data.error("'max_file_mb' must be a positive number", "max_file_mb")
        values["max_file_mb"] = data["max_file_mb"]
    if "fail_on" in data:
        if data["fail_on"] not in FAIL_ON_CHOICES:
            raise data.error(f"'fail_on' must be one of {', '.join(FAIL_ON_CHOICES)}", "fail_on")
        values["fail_on"] = data["fail_on"]
    return replace(settings, **values, rule_refs=tuple(refs))


def _dialect(data: LocatedDict, lt: LanguageToolSettings) -> dict:
    """`dialect` and LanguageTool's language, each the other's default: a
    file that names only `languagetool.language` (as `copydesk init` wrote
    before `dialect` existed) gets that dialect's dictionary too."""
    lt_named = isinstance(data.get("languagetool"), dict) and "language" in data["languagetool"]
    if "dialect" not in data:
        return {"dialect": lt.language} if lt_named and lt.language in DIALECTS else {}
    dialect = data["dialect"]
    if dialect not in DIALECTS:
        raise data.error(f"'dialect' must be one of {', '.join(DIALECTS)}, not {dialect!r}", "dialect")
    return {"dialect": dialect} if lt_named else {"dialect": dialect, "languagetool": replace(lt, language=dialect)}


def _rule_dir(base: Path, value: str, items, index: int) -> Path:
    try:
        path = (base / value).resolve()
    except (RuntimeError, OSError) as exc:  # a symlink loop (RuntimeError before Python 3.13)
        raise items.error(f"rule directory {value!r} cannot be resolved: {exc}", index) from None
    if not path.is_dir():
        raise items.error(f"rule directory {value!r} does not exist (resolved to {path})", index)
    if path != base.resolve() and base.resolve() not in path.parents:
        notice(f"{items.path}:{items.item_lines[index]}: rule directory {value!r} is outside "
               f"the configuration's folder; using {path}")
    return path


def _strings(items) -> list[str]:
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise items.error(f"expected a string, got {type(item).__name__}", index)
    return list(items)


def _severity_table(mapping) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(mapping, dict):
        raise ConfigError("'severity' must be a mapping of rule to level")
    table = []
    for rule_id, level in mapping.items():
        try:
            table.append((rule_id, Severity.parse(str(level))))
        except KeyError:
            message = f"severity for {rule_id!r} must be error, warning or info, not {level!r}"
            raise cast(LocatedDict, mapping).error(message, rule_id) from None
    return tuple(table)


def _override(item) -> Override:
    check_keys(item, _OVERRIDE_KEYS, required=("files",), what="override")
    return Override(
        files=tuple(_strings(item["files"])),
        enable=tuple(_strings(item.get("enable", []))),
        disable=tuple(_strings(item.get("disable", []))),
        severity=_severity_table(item.get("severity", {})),
    )
