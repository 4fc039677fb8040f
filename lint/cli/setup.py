"""`copydesk setup`: fetch LanguageTool and start its server, showing progress."""

from __future__ import annotations

import sys

from lint.cli.common import sentence
from lint.cli.server import add_config_option, settings_from

HELP = "fetch LanguageTool (Java jars from Maven Central) and start its local server"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("setup", help=HELP, description=sentence(HELP) + " "
                                   "Idempotent: a second run only checks that all is in place.")
    parser.add_argument("--no-start", dest="start", action="store_false",
                        help="only fetch the jars; start the server on the first check")
    add_config_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Provision (and start) LanguageTool; 0 when ready, 2 with the reason when not."""
    from lint.check.engine import SourceUnavailable
    from lint.check.languagetool.locations import layout_for
    from lint.check.languagetool.provision import jars_ready, provision
    from lint.check.languagetool.server import ServerManager

    layout = layout_for(settings_from(args)).ensure()
    try:
        already = jars_ready(layout)
        provision(layout)
        if already:
            print(f"copydesk: LanguageTool {layout.version} is installed in {layout.jars}",
                  file=sys.stderr)
        if args.start:
            state, started = ServerManager(layout).start()
            verb = "started" if started else "already running"
            print(f"copydesk: LanguageTool {state.version} server {verb} at {state.url} "
                  f"(pid {state.pid})", file=sys.stderr)
    except SourceUnavailable as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return 2
    return 0
