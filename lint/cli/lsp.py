"""`copydesk lsp`: the language server, for findings while writing in an editor."""

from __future__ import annotations

import sys

HELP = "run the Copydesk language server (LSP) over stdio, or TCP with --tcp PORT"
DESCRIPTION = """\
Run a Language Server Protocol server: diagnostics for Markdown, plain text,
HTML and reST as you type, code actions (apply a fix, every safe fix, add a
word to the vocabulary, disable a rule) and hover. Settings come from the
nearest copydesk.yaml, as for `copydesk check`; editors can pass
initializationOptions {"languagetool": true|false|"URL", "min_severity":
"info"|"warning"|"error"}. See docs/EDITORS.md for VS Code, Neovim, Helix and Zed.
"""


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("lsp", help=HELP, description=DESCRIPTION)
    parser.add_argument("--stdio", action="store_true",
                        help="talk over standard input and output (the default)")
    parser.add_argument("--tcp", type=int, metavar="PORT",
                        help="listen on this port of --host instead of using stdio")
    parser.add_argument("--host", default="127.0.0.1", help="address for --tcp (default 127.0.0.1)")
    parser.set_defaults(func=run)


def run(args) -> int:
    """Serve until the client says exit."""
    import logging

    from lint.lsp.server import build_server

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="copydesk lsp: %(levelname)s %(name)s: %(message)s")
    server = build_server()
    if args.tcp is not None:
        server.start_tcp(args.host, args.tcp)
        return 0
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol stream
    server.start_io(sys.stdin.buffer, protocol_out)
    return 0
