"""Bounds on what a YAML file may expand to, checked before it is built.

Aliases let a short file describe an enormous document (nine levels of
nine aliases is 387 million values: the "billion laughs"). The composed
node graph shares each aliased node, so its expanded size is counted
without expanding it, and a file past `MAX_NODES` is refused with the
line of the first value it repeats.
"""

from __future__ import annotations

from pathlib import Path

MAX_NODES = 200_000  # values a configuration or rule file may expand to (shipped packs: a few thousand)


def check_expansion(root, path: Path) -> None:
    """Raise ConfigError when the document under `root` expands past MAX_NODES
    values or refers to itself."""
    from lint.config.yamlsource import ConfigError

    sizes: dict[int, int] = {}
    seen_twice: list = []
    stack = [(root, False)]
    in_progress: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        children = _children(node)
        if children_done:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > MAX_NODES:
                line = (seen_twice[0] if seen_twice else root).start_mark.line + 1
                raise ConfigError(f"aliases expand this file past {MAX_NODES:,} values; "
                                  "write the values out or use fewer aliases", path, line)
            continue
        if key in sizes:
            seen_twice.append(node)
            continue
        if key in in_progress:
            raise ConfigError("an alias refers to the value that contains it", path, node.start_mark.line + 1)
        in_progress.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)


def _children(node) -> list:
    value = node.value
    if not isinstance(value, list):
        return []  # a scalar
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [part for pair in value for part in pair]
    return value
