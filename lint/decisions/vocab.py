"""Add words to the vocabulary of `copydesk.yaml`, keeping the file's comments
and layout (ruamel.yaml round trip), written atomically."""

from __future__ import annotations

import io
from pathlib import Path

from lint.config.yamlsource import ConfigError
from lint.store.atomic import write_atomic


def add_words(config: Path, words: list[str]) -> list[str]:
    """Add `words` to vocabulary.accept in `config` (created if missing); return the new ones."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML()  # round trip: comments, order and quoting survive
    yaml.preserve_quotes = True
    try:
        data = yaml.load(config.read_text(encoding="utf-8")) if config.exists() else None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"cannot read YAML: {getattr(exc, 'problem', exc)}", config,
                          mark.line + 1 if mark else None) from None
    if data is None:
        data = yaml.load("{}")
    if not hasattr(data, "setdefault"):
        raise ConfigError("a configuration file must be a mapping of keys", config, 1)
    vocabulary = data.setdefault("vocabulary", yaml.load("{}"))
    if vocabulary is None:
        vocabulary = data["vocabulary"] = yaml.load("{}")
    accept = vocabulary.setdefault("accept", [])
    if accept is None:
        accept = vocabulary["accept"] = []
    if not isinstance(accept, list):
        raise ConfigError("vocabulary.accept must be a list", config)
    known = {str(w).casefold() for w in accept}
    added = []
    for word in words:
        if word.casefold() not in known:
            accept.append(word)
            known.add(word.casefold())
            added.append(word)
    if added:
        out = io.StringIO()
        yaml.dump(data, out)
        config.touch(exist_ok=True)  # a new file: the atomic writer replaces an existing one
        write_atomic(config, out.getvalue().encode("utf-8"))
    return added
