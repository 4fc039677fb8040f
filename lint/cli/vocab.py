"""`copydesk vocab add`: accept words (names, terms) in copydesk.yaml."""

from __future__ import annotations

import sys
from pathlib import Path

HELP = "add words to the vocabulary in copydesk.yaml (from the command line or a report's decisions)"


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("vocab", help=HELP, description=HELP.capitalize() + ".")
    actions = parser.add_subparsers(dest="vocab_action", required=True)
    add = actions.add_parser("add", help="accept words so they are never flagged as misspellings")
    add.add_argument("words", nargs="*", metavar="WORD", help="a word or name to accept")
    add.add_argument("--decisions", type=Path, metavar="JSON",
                     help="also the words marked 'add to vocabulary' in a report's decisions file")
    add.add_argument("--config", type=Path, metavar="FILE",
                     help="the configuration to change (default: the nearest copydesk.yaml, "
                          "else ./copydesk.yaml)")
    parser.set_defaults(func=run)


def run(args) -> int:
    """Add the words; print what changed."""
    from lint.config.settings import find_config
    from lint.decisions import load_decisions
    from lint.decisions.vocab import add_words

    words = [w.strip() for w in args.words if w.strip()]
    if args.decisions:
        words += load_decisions(args.decisions).vocabulary
    if not words:
        print("copydesk: error: no words to add (give WORDs or --decisions)", file=sys.stderr)
        return 2
    config = args.config or find_config(Path.cwd()) or Path("copydesk.yaml")
    from lint.store.atomic import WriteRefused

    try:
        added = add_words(config, words)
    except (WriteRefused, OSError) as exc:
        print(f"copydesk: error: {exc if isinstance(exc, WriteRefused) else f'{config}: {exc.strerror or exc}'}",
              file=sys.stderr)
        return 2
    kept = len(words) - len(added)
    print(f"{config}: added {len(added)} word{'' if len(added) == 1 else 's'}"
          + (f" ({', '.join(added)})" if added else "")
          + (f"; {kept} already accepted" if kept else ""), file=sys.stderr)
    return 0
