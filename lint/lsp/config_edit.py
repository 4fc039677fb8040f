"""Edits to `copydesk.yaml` asked for from the editor: accept a word (through
`lint.decisions.vocab`, as `copydesk vocab add`), disable a rule.

The file is edited round-trip (ruamel.yaml), so its comments, key order and
layout survive, and written atomically. It is validated as the CLI reads it
before and after the edit: a malformed file is reported with `file:line` and
left as it was.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from lint.config.settings import CONFIG_NAMES, find_config, load_config
from lint.config.yamlsource import ConfigError
from lint.decisions.vocab import add_words
from lint.store.atomic import write_atomic


def config_for_edit(document: Path, roots: list[Path]) -> Path:
    """The nearest `copydesk.yaml` above the document; without one, where a
    new one goes: the workspace folder that holds the document, else its folder."""
    found = find_config(document.parent)
    if found is not None:
        return found
    folder = document.parent.resolve()
    holders = [r.resolve() for r in roots if r.resolve() == folder or r.resolve() in folder.parents]
    base = max(holders, key=lambda r: len(r.parts)) if holders else folder
    return base / CONFIG_NAMES[0]


def accept_word(config: Path, word: str) -> bool:
    """Add `word` to `vocabulary.accept` (as `copydesk vocab add` does); False
    when it was already there."""
    if config.exists():
        load_config(config)  # the CLI's own validation: errors name file:line
    return bool(add_words(config, [word]))


def disable_rule(config: Path, rule: str) -> bool:
    """Add `rule` to the top-level `disable` list; False when it was already there."""
    return _edit(config, lambda data: _append(data, "disable", rule, config))


def _edit(config: Path, change) -> bool:
    if config.exists():
        load_config(config)  # the CLI's own validation: errors name file:line
        text = config.read_text(encoding="utf-8")
    else:
        text = ""
    yaml = YAML()  # round-trip: comments and order are kept
    yaml.indent(mapping=2, sequence=4, offset=2)
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"cannot parse YAML: {exc}", config, mark.line + 1 if mark else None) from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ConfigError("a configuration file must be a mapping of keys", config, 1)
    if not change(data):
        return False
    out = io.StringIO()
    yaml.dump(data, out)
    if not config.exists():
        config.touch()
    write_atomic(config, out.getvalue().encode("utf-8"))
    load_config(config)
    return True


def _append(data: CommentedMap, key: str, value: str, config: Path) -> bool:
    if data.get(key) is None:
        data[key] = CommentedSeq()
    items = data[key]
    if not isinstance(items, CommentedSeq):
        raise ConfigError(f"'{key}' must be a list", config, data.lc.key(key)[0] + 1)
    if value in items:
        return False
    items.append(value)
    return True
