"""Load rule packs and the facts knowledge base from rule directories.

A rule directory holds pack files (``*.yaml``, each ``pack:`` + ``rules:``),
an optional ``facts/`` folder of entity files, an optional
``vocabulary/`` folder with ``accept.txt`` / ``reject.txt`` (one word a line),
and an optional ``languagetool/`` folder with the policy for LanguageTool's
rules (`lint.ruleset.languagetool_policy`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lint.check.kinds import KINDS
from lint.config.rule_ids import check_rule_refs, nearest
from lint.config.settings import Settings, rule_matches, severity_for
from lint.config.yamlsource import ConfigError, LocatedDict, check_keys, load_yaml
from lint.filter import override_enables
from lint.model import BLOCK_KINDS, Applicability, Severity
from lint.ruleset import facts
from lint.ruleset.languagetool_policy import POLICY_FOLDER, load_policy
from lint.ruleset.rulespec import (
    COMMON_KEYS,
    FIX_CHOICES,
    CompileContext,
    Examples,
    RuleSpec,
)

_PACK_KEYS = {"pack": str, "description": str, "rules": list}
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_PACK_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$")


@dataclass
class Ruleset:
    """Every rule in force, compiled into checkers, plus the vocabulary."""

    rules: list[RuleSpec]
    checkers: list
    context: CompileContext
    files: list[Path] = field(default_factory=list)

    def rule(self, rule_id: str) -> RuleSpec | None:
        """Look a rule up by id."""
        return next((r for r in self.rules if r.id == rule_id), None)


def load_rule_specs(directories) -> tuple[list[RuleSpec], CompileContext, list[Path]]:
    """Read every pack, entity and vocabulary file under the directories."""
    specs: list[RuleSpec] = []
    context = CompileContext()
    files: list[Path] = []
    seen: dict[str, RuleSpec] = {}
    for directory in directories:
        directory = Path(directory)
        for path in sorted(directory.rglob("*.yaml")) + sorted(directory.rglob("*.yml")):
            if _is_hidden(path, directory):
                continue
            files.append(path)
            folders = path.relative_to(directory).parts[:-1]
            if "facts" in folders:
                context.entities.extend(facts.load_entities(path))
                continue
            if POLICY_FOLDER in folders:
                context.languagetool.update(load_policy(path))
                continue
            for spec in load_pack(path):
                if spec.id in seen:
                    other = seen[spec.id]
                    raise spec.error(f"duplicate rule id (first defined at {other.path}:{other.line})")
                seen[spec.id] = spec
                specs.append(spec)
        vocab = directory / "vocabulary"
        context.accept |= _read_words(vocab / "accept.txt")
        context.reject |= _read_words(vocab / "reject.txt")
    facts.check_unique_names(context.entities)
    return specs, context, files


def load_pack(path: Path) -> list[RuleSpec]:
    """Parse one pack file into validated RuleSpecs."""
    data = load_yaml(path)
    if not isinstance(data, LocatedDict):
        raise ConfigError("a rule pack must be a mapping with 'rules:'", path, 1)
    check_keys(data, _PACK_KEYS, required=("rules",), what="rule pack")
    pack = data.get("pack", path.stem)
    if not _PACK_PATTERN.match(pack):
        raise data.error(f"pack name {pack!r} must be lower-case words joined by '-' or '.'", "pack")
    rules = data["rules"]
    return [_parse_rule(item, pack, rules, i) for i, item in enumerate(rules)]


def _parse_rule(item, pack: str, rules, index: int) -> RuleSpec:
    if not isinstance(item, LocatedDict):
        raise rules.error("each rule must be a mapping", index)
    kind_name = item.get("kind")
    if not isinstance(kind_name, str):
        raise item.error("rule is missing 'kind' (one of: " + ", ".join(sorted(KINDS)) + ")")
    kind = KINDS.get(kind_name)
    if kind is None:
        raise item.error(f"unknown rule kind {kind_name!r} (known: {', '.join(sorted(KINDS))})", "kind")
    allowed = {**COMMON_KEYS, **kind.OPTIONS}
    check_keys(item, allowed, required=("id", "kind", "message") + tuple(kind.REQUIRED), what="rule")
    if not _ID_PATTERN.match(item["id"]):
        raise item.error(f"rule id {item['id']!r} must be lower-case letters, digits, '-' or '_'", "id")
    try:
        severity = Severity.parse(item.get("severity", "warning"))
    except KeyError:
        raise item.error("severity must be error, warning or info", "severity") from None
    scope = item.get("scope", [])
    unknown = [kind for kind in scope if kind not in BLOCK_KINDS] if isinstance(scope, list) else []
    if unknown:
        raise item.error(f"unknown block kind {unknown[0]!r} in scope{nearest(unknown[0], BLOCK_KINDS)} "
                         f"(known: {', '.join(sorted(BLOCK_KINDS))})", "scope")
    fix_name = item.get("fix", "none")
    if fix_name not in FIX_CHOICES:
        raise item.error(f"fix must be one of {', '.join(FIX_CHOICES)}", "fix")
    assert item.path is not None  # load_yaml sets every container's path
    options = LocatedDict({k: v for k, v in item.items() if k in kind.OPTIONS})
    options.path, options.line = item.path, item.line
    options.key_lines = {k: item.line_of(k) for k in options}
    return RuleSpec(
        id=f"{pack}.{item['id']}",
        kind=kind_name,
        severity=severity,
        category=item.get("category", pack.split(".")[0]),
        message=item["message"],
        description=item.get("description", ""),
        scope=tuple(scope),
        fix=None if fix_name == "none" else Applicability.parse(fix_name),
        examples=_examples(item),
        enabled=item.get("enabled", True),
        options=options,
        path=item.path,
        line=item.line,
        link=item.get("link", ""),
    )


def _examples(item: LocatedDict) -> Examples:
    raw = item.get("examples")
    if raw is None:
        return Examples()
    check_keys(raw, {"flag": list, "pass": list}, what="examples")
    for key in ("flag", "pass"):
        for i, value in enumerate(raw.get(key, [])):
            if not isinstance(value, str):
                raise raw[key].error("each example must be a string", i)
    return Examples(flag=tuple(raw.get("flag", [])), allow=tuple(raw.get("pass", [])))


def select_rules(specs: list[RuleSpec], settings: Settings) -> list[RuleSpec]:
    """Apply enable/disable/select and severity overrides from the settings."""
    chosen = []
    # Rules that a per-glob override turns on must be compiled for every file;
    # the filter stage then drops their findings where they are off.
    per_glob = override_enables(settings)
    for spec in specs:
        on = spec.enabled or rule_matches(spec.id, settings.enable + per_glob)
        if rule_matches(spec.id, settings.disable) and not rule_matches(spec.id, per_glob):
            on = False
        if settings.select and not rule_matches(spec.id, settings.select):
            on = False
        if not on:
            continue
        spec = _with_config_options(spec, settings.options.get(spec.id))
        chosen.append(replace(spec, severity=severity_for(spec.id, settings.severity, spec.severity)))
    return chosen


def _with_config_options(spec: RuleSpec, overrides) -> RuleSpec:
    if not overrides:
        return spec
    kind = KINDS[spec.kind]
    for key in overrides:
        if key not in kind.OPTIONS:
            raise overrides.error(f"rule {spec.id} ({spec.kind}) has no option {key!r}", key)
    merged = LocatedDict({**spec.options, **overrides})
    merged.path, merged.line = spec.path, spec.line
    merged.key_lines = {**spec.options.key_lines}
    check_keys(merged, kind.OPTIONS, what=f"options of {spec.id}")
    return replace(spec, options=merged)


def build_ruleset(settings: Settings) -> Ruleset:
    """Load, select and compile the rules in force for these settings."""
    specs, context, files = load_rule_specs(settings.all_rule_dirs())
    check_rule_refs(settings.rule_refs, (spec.id for spec in specs))
    context.accept |= set(settings.accept)
    context.reject |= set(settings.reject)
    context.dialect = settings.dialect
    chosen = select_rules(specs, settings)
    checkers = compile_rules(chosen, context)
    return Ruleset(rules=chosen, checkers=checkers, context=context, files=files)


def compile_rules(specs: list[RuleSpec], context: CompileContext) -> list:
    """Build the checkers, one `build` call per kind."""
    by_kind: dict[str, list[RuleSpec]] = {}
    for spec in specs:
        by_kind.setdefault(spec.kind, []).append(spec)
    checkers = []
    for kind_name, kind_specs in by_kind.items():
        checkers.extend(KINDS[kind_name].build(kind_specs, context))
    return checkers


def _read_words(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    data = path.read_bytes()
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid UTF-8 ({exc.reason}); a word list is plain text, one word a line",
                          path, data[:exc.start].count(b"\n") + 1) from None
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")}


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
