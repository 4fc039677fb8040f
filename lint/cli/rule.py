"""`copydesk rule ID`: explain one rule — what it says, why, examples both
ways, and where it is defined. LanguageTool rules (``lt.ID``) are described
by LanguageTool's own rule page, with whether the configuration turns them off."""

from __future__ import annotations

from pathlib import Path

from lint.cli.common import add_rule_options, command_line_from, sentence, warn

HELP = "explain one rule: its message, why, examples both ways and where it is defined"
LANGUAGETOOL_RULE_PAGE = "https://community.languagetool.org/rule/show/{id}?lang={language}"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("rule", help=HELP, description=sentence(HELP))
    parser.add_argument("rule_id", metavar="ID", help="a rule id, as `copydesk rules` lists them "
                                                      "(or lt.ID for a LanguageTool rule)")
    parser.add_argument("--path", type=Path, default=Path("."),
                        help="a file or directory whose configuration to use (default: .)")
    add_rule_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Print the explanation; exit 2 for an id that names no rule."""
    from lint.run.pipeline import Linter

    linter = Linter(command_line_from(args), use_sources=False)
    settings = linter.settings_for(args.path)
    if args.rule_id.startswith("lt."):
        print(explain_languagetool(args.rule_id[3:], settings))
        return 0
    from lint.config.rule_ids import nearest
    from lint.ruleset.loader import load_rule_specs

    specs, _, _ = load_rule_specs(settings.all_rule_dirs())
    spec = next((s for s in specs if s.id == args.rule_id), None)
    if spec is None:
        warn(f"error: no rule {args.rule_id!r}{nearest(args.rule_id, [s.id for s in specs])}")
        return 2
    _, ruleset, _ = linter.setup_for(args.path)
    print(explain(spec, ruleset.rule(spec.id)))
    return 0


def explain(spec, in_force) -> str:
    """The explanation of a rule from its spec (and its settings in force, if on)."""
    where = _shown(spec.path)
    rule = in_force or spec
    lines = [f"{spec.id}  ({spec.kind}, {rule.severity}, fix: {spec.fix or 'none'})",
             f"  {'on' if in_force else 'off'} for this configuration; defined at {where}:{spec.line}",
             "", f"message: {spec.message}"]
    if spec.description:
        lines += ["", "why: " + " ".join(spec.description.split())]
    if spec.scope:
        lines += ["", "only in: " + ", ".join(spec.scope)]
    if spec.examples.flag:
        lines += ["", "flagged:"] + [f"  - {text}" for text in spec.examples.flag]
    if spec.examples.allow:
        lines += ["", "not flagged:"] + [f"  - {text}" for text in spec.examples.allow]
    if spec.link:
        lines += ["", f"more: {spec.link}"]
    return "\n".join(lines)


def explain_languagetool(rule_id: str, settings) -> str:
    """What Copydesk knows of a LanguageTool rule before asking the server."""
    from lint.config.settings import rule_matches

    lt = settings.languagetool
    off = rule_id in lt.disable_rules or rule_matches(f"lt.{rule_id}", settings.disable)
    state = "off (disabled in the configuration)" if off else ("on" if lt.enabled else "off (LanguageTool is off)")
    page = LANGUAGETOOL_RULE_PAGE.format(id=rule_id, language=lt.language)
    return (f"lt.{rule_id}  (LanguageTool rule, {lt.language})\n  {state}\n\n"
            f"LanguageTool's description and examples: {page}\n"
            f"turn it off with `disable: [lt.{rule_id}]` in copydesk.yaml or `--ignore lt.{rule_id}`")


def _shown(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
