"""`copydesk rules`: list the rules in force and where each comes from."""

from __future__ import annotations

from pathlib import Path

from lint.cli.common import add_rule_options, command_line_from, sentence, warn

HELP = "list the rules in force, with the file each comes from"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("rules", help=HELP, description=sentence(HELP))
    parser.add_argument("path", nargs="?", type=Path, default=Path("."),
                        help="a file or directory whose configuration to use (default: .)")
    parser.add_argument("--verbose", "-v", action="store_true", help="also print each rule's description")
    add_rule_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Print one line per rule: id, kind, severity, fix tier, file:line."""
    from lint.run.pipeline import Linter

    if not args.path.exists():
        hint = f"; to explain one rule: copydesk rule {args.path}" if "." in str(args.path) else ""
        warn(f"error: {args.path}: no such file or directory{hint}")
        return 2
    _, ruleset, _ = Linter(command_line_from(args), use_sources=False).setup_for(args.path)
    cwd = Path.cwd()
    width = max((len(r.id) for r in ruleset.rules), default=10)
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        try:
            where = rule.path.relative_to(cwd)
        except ValueError:
            where = rule.path
        fix = str(rule.fix) if rule.fix else "-"
        print(f"{rule.id:<{width}}  {rule.kind:<12} {str(rule.severity):<7} fix:{fix:<7} {where}:{rule.line}")
        if args.verbose and rule.description:
            print(f"{'':<{width}}  {rule.description}")
    print(f"{len(ruleset.rules)} rules from {len(ruleset.files)} files")
    return 0
