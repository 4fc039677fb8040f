"""One-line notices on stderr for things the user should know but that do
not stop the run (a symlink skipped, a rule path outside the project)."""

from __future__ import annotations

import sys

_seen: set[str] = set()


def notice(message: str) -> None:
    """Print `copydesk: note: message` on stderr, once per distinct message."""
    if message in _seen:
        return
    _seen.add(message)
    print(f"copydesk: note: {message}", file=sys.stderr)
