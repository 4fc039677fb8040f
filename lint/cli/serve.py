"""`copydesk serve`: the HTTP service a CMS calls before publishing."""

from __future__ import annotations

import os
import sys

from lint.cli.common import add_rule_options, command_line_from

HELP = "run the HTTP service: Copydesk's, LanguageTool's and Typerighter's APIs and a paste-in page"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("serve", help=HELP,
                                   description="Run the HTTP service a CMS calls before publishing: "
                                               "Copydesk's, LanguageTool's and Typerighter's APIs "
                                               "and a paste-in page (see docs/SERVICE.md).")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on (default: 8765)")
    parser.add_argument("--token", default=None, metavar="TOKEN",
                        help="require `Authorization: Bearer TOKEN` on every API route "
                             "(default: $COPYDESK_TOKEN; none when unset)")
    parser.add_argument("--max-bytes", type=int, default=1_000_000, metavar="N",
                        help="largest text accepted, in bytes (default: 1000000); larger gets 413")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="longest a check may take (default: 30); longer gets 504")
    parser.add_argument("--queue", type=int, default=16, metavar="N",
                        help="checks running or waiting at once (default: 16); more get 503 with Retry-After")
    add_rule_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Start the service and serve until interrupted."""
    import uvicorn

    from lint.serve.app import build_app
    from lint.serve.service import CheckService, Limits

    for name in ("max_bytes", "timeout", "queue"):
        if getattr(args, name) <= 0:
            print(f"copydesk: error: --{name.replace('_', '-')} must be positive", file=sys.stderr)
            return 2
    token = args.token or os.environ.get("COPYDESK_TOKEN") or None
    service = CheckService(command_line_from(args),
                           Limits(max_bytes=args.max_bytes, timeout=args.timeout, queue=args.queue))
    print(f"copydesk serve: http://{args.host}:{args.port}/ (APIs: /api/v1, /v2, /check; "
          f"token {'required' if token else 'not required'})", file=sys.stderr, flush=True)
    uvicorn.run(build_app(service, token), host=args.host, port=args.port, log_level="warning",
                access_log=False, timeout_graceful_shutdown=5)
    return 0
