"""The `copydesk` command line: one module per subcommand.

Each command module has ``add_parser(subparsers)`` (which sets
``func=run``) and ``run(args) -> int``. Add a command by writing the module
and listing it in ``COMMANDS``.

Every command module is imported on each start, to build the parsers, so its
top level imports only what the parser needs; the pipeline, the HTML report,
LanguageTool and the rest are imported inside ``run``. `copydesk --help` then
costs a few hundredths of a second, and each command loads only what it uses.
"""

from __future__ import annotations

import argparse
import gc
import sys

from lint import __version__
from lint.cli import (
    audit,
    audit_report,
    baseline,
    check,
    fix,
    init,
    lsp,
    report,
    rule,
    rules,
    serve,
    server,
    setup,
    vocab,
)

COMMANDS = [check, fix, rules, rule, report, serve, lsp, setup, server, baseline, vocab, audit, audit_report, init]

DESCRIPTION = """\
Copydesk checks editorial copy and documentation: spelling and grammar
(with LanguageTool), scraped-page debris, wrong facts about organisations,
claims to verify, readability and house style. It reports in the terminal,
as JSON, HTML and CI formats, and writes corrected editions.
"""

EPILOG = """\
examples:
  copydesk check article.txt                 findings, exit 1 on errors
  copydesk check docs/ --format json         machine-readable
  copydesk check docs/ --format sarif        for CI (also junit, github, gitlab, ...)
  copydesk fix article.txt --diff            what the safe fixes would change
  copydesk report article.txt -o report.html the annotated report for editors
  copydesk rules                             the rules in force
  copydesk rule typos.misspelling            what one rule checks, with examples
  copydesk init                              a commented copydesk.yaml for this project
  copydesk serve --port 8765                 the HTTP service for a CMS (see docs/SERVICE.md)
  copydesk audit archive.jsonl --out results/ a whole archive, locally or on Dask (see docs/SCALE.md)
  copydesk lsp                               the language server for editors

exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input error
"""


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="copydesk", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # A check makes many small objects that live until the end (blocks,
    # spans, findings) and hardly any reference cycles: collecting the young
    # generation every 700 allocations, the default, costs 5-8% of a run.
    gc.set_threshold(20_000, 50, 50)
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # told with the command's own usage, not the top-level one
        command = _subcommand_parser(parser, getattr(args, "command", None)) or parser
        command.error(f"unrecognized arguments: {' '.join(extra)}")
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        message = usage_error(exc)
        if message is None:
            raise
        print(f"copydesk: error: {message}", file=sys.stderr)
        return 2


def _subcommand_parser(parser: argparse.ArgumentParser, name: str | None):
    """The parser of the subcommand `name`, if there is one."""
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        choices = getattr(action, "choices", None) or {}
        if name in choices:
            return choices[name]
    return None


def usage_error(exc: Exception) -> str | None:
    """The one-line message for an error the user can fix, None for a crash.

    The exception classes are imported here, not at start: their modules pull
    in the rules engine, which `--help` and `server status` never need.
    """
    from lint.check.engine import SourceUnavailable
    from lint.config.yamlsource import ConfigError

    if isinstance(exc, ConfigError):
        return str(exc)
    if isinstance(exc, SourceUnavailable):  # only a required source (--require) gets this far
        return f"LanguageTool is required (--require languagetool) but unavailable: {exc}"
    return None


def run() -> None:
    """The `copydesk` command (and `python -m lint`): `main`, then exit with its code."""
    code = main()
    # What is still alive stays so until the process ends: frozen, it is
    # not walked by the collections Python makes on the way out (20-50 ms
    # of every run). Not in `main`, which tests call again and again.
    gc.freeze()
    sys.exit(code)

