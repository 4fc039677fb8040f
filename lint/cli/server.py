"""`copydesk server start|stop|status`: the local LanguageTool server."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.check.languagetool.server import ServerState
    from lint.config.settings import Settings

from lint.cli.common import sentence

HELP = "start, stop or show the local LanguageTool server Copydesk manages"


def add_config_option(parser) -> None:
    """--config FILE (the cache directory may be set there)."""
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="configuration file (default: the nearest copydesk.yaml)")


def settings_from(args) -> Settings:
    """The settings that decide the cache directory."""
    from lint.config.settings import find_config
    from lint.run.pipeline import CommandLine, resolve_settings

    config = args.config or find_config(Path.cwd())
    return resolve_settings(config, CommandLine(config=config))


def add_parser(subparsers) -> None:
    """Register the command and its three actions."""
    parser = subparsers.add_parser("server", help=HELP, description=sentence(HELP))
    actions = parser.add_subparsers(title="actions", metavar="ACTION", dest="action",
                                    required=True)
    start = actions.add_parser("start", help="start the server (fetching LanguageTool if needed)")
    start.add_argument("--port", type=int, metavar="N",
                       help="listen on this port of 127.0.0.1 (default: a free one)")
    actions.add_parser("stop", help="stop the server")
    actions.add_parser("status", help="say whether the server runs, where, and its cache "
                                      "directory; exit 0 when running, 1 when not")
    for action in actions.choices.values():
        add_config_option(action)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Carry out the action; 2 with a one-line reason on failure."""
    from lint.check.engine import SourceUnavailable
    from lint.check.languagetool.locations import layout_for
    from lint.check.languagetool.server import ServerManager

    layout = layout_for(settings_from(args)).ensure()
    manager = ServerManager(layout)
    state: ServerState | None
    try:
        if args.action == "start":
            state, started = manager.start(args.port)
            verb = "started" if started else "already running"
            print(f"LanguageTool {state.version} server {verb} at {state.url} (pid {state.pid})")
        elif args.action == "stop":
            stopped = manager.stop()
            print(f"stopped the LanguageTool server (pid {stopped.pid})" if stopped
                  else "no LanguageTool server was running")
        else:
            state = manager.status()
            if state is None:
                print(f"not running (cache directory {layout.root})")
                return 1
            print(f"running: LanguageTool {state.version} at {state.url} (pid {state.pid}); "
                  f"cache directory {layout.root}; log {layout.server_log}")
    except SourceUnavailable as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return 2
    return 0
