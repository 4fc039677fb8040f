"""YAML loading that remembers where each value came from.

Every error about a configuration or rule file must name `file:line`, so
mappings and lists are loaded as `LocatedDict` / `LocatedList`, which carry
the line of each key and item.

Parsing the shipped packs (and importing yaml) is a good part of a short
run's start-up, so what a file parsed to is kept in the user's cache
directory (`datacache.cache_directory()`, under ``yaml/``), one JSON entry
per file path holding a hash of the file's text and of this module: an
unchanged file is read back in well under a millisecond, a changed one is
parsed again. Only files that parse are stored; errors are always found
afresh. JSON, not pickle or marshal, because a cache folder may be shared.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from lint.config.yaml_limits import check_expansion


class ConfigError(Exception):
    """A problem in a configuration or rule file, located at file:line."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.plain_message = message
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(where + message)


class LocatedDict(dict):
    """A dict that knows the file, its own line and the line of each key."""

    path: Path | None = None
    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """The 1-based line of `key`, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)

    def error(self, message: str, key: str | None = None) -> ConfigError:
        """A ConfigError pointing at this mapping (or one of its keys)."""
        return ConfigError(message, self.path, self.line_of(key) if key else self.line)


class LocatedList(list):
    """A list that knows the file and the line of each item."""

    path: Path | None = None
    line: int = 0
    item_lines: list

    def error(self, message: str, index: int | None = None) -> ConfigError:
        """A ConfigError pointing at this list (or one of its items)."""
        line = self.item_lines[index] if index is not None else self.line
        return ConfigError(message, self.path, line)


class _Locating:
    """Loader methods that build Located containers and reject duplicate keys
    (mixed into a yaml loader class by `_loader_class`)."""

    source_path: Path | None = None

    def construct_mapping(self, node, deep=False):  # noqa: D401 - yaml API
        result = LocatedDict()
        result.path = self.source_path
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise ConfigError("a mapping key must be a plain value, not a list or mapping",
                                  self.source_path, key_node.start_mark.line + 1)
            if key in result.key_lines:
                raise ConfigError(f"duplicate key {key!r}", self.source_path, key_node.start_mark.line + 1)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node, deep=False):  # noqa: D401 - yaml API
        result = LocatedList(self.construct_object(child, deep=True) for child in node.value)
        result.path = self.source_path
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


@cache
def _loader_class(fast: bool) -> type:
    """A SafeLoader that builds Located containers and rejects duplicate keys.

    With `fast`, it parses with libyaml (yaml.CSafeLoader, about ten times
    faster on the shipped packs; its marks carry the same lines). Built on
    first use, so that importing this module does not import yaml.
    """
    import yaml

    base: Any = yaml.CSafeLoader if fast else yaml.SafeLoader  # Any: mypy takes no base chosen at run time

    class LocatingLoader(_Locating, base):
        pass

    # YAML 1.1 reads yes/no/on/off as booleans, which turns word lists such as
    # `allow: [no, yes]` into [False, True]. Like YAML 1.2, only true/false are
    # booleans here.
    LocatingLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    LocatingLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                   LocatingLoader.construct_mapping)
    LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
                                   LocatingLoader.construct_sequence)
    return LocatingLoader


MAX_YAML_BYTES = 8 << 20  # a configuration or rule file larger than this is a mistake


def load_yaml(path: Path) -> Any:
    """Parse a YAML file (or read what it parsed to from the cache); syntax
    errors become ConfigError with file:line."""
    try:
        if path.stat().st_size > MAX_YAML_BYTES:
            raise ConfigError(f"file is over {MAX_YAML_BYTES >> 20} MB; split it", path, 1)
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not valid UTF-8 ({exc.reason})", path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path) from None
    entry, digest = _cache_entry(path), _text_digest(text)
    if entry is not None:
        try:
            stored = json.loads(entry.read_bytes())
            if stored["digest"] == digest:
                return _decode(stored["data"], path)
        except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
            pass  # no entry, another version of the file, or a damaged entry: parse
    data = load_yaml_text(text, path)
    if entry is not None:
        _store(entry, digest, data)
    return data


def load_yaml_text(text: str, path: Path) -> Any:
    """Parse YAML text that came from `path`."""
    import yaml

    if yaml.__with_libyaml__:
        try:
            return _parse(text, path, fast=True)
        except yaml.YAMLError:
            pass  # reported by the pure-Python parser below, in its own (tested) words
    try:
        return _parse(text, path, fast=False)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(f"YAML syntax error: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"YAML error: {exc}", path) from None


def _parse(text: str, path: Path, fast: bool) -> Any:
    loader = _loader_class(fast)(text)
    loader.source_path = path
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_expansion(node, path)
        return loader.construct_document(node)
    finally:
        loader.dispose()


@cache
def _code_digest() -> str:
    """What the parse depends on besides the text: this module and PyYAML's location."""
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    yaml_file = Path(spec.origin) if spec and spec.origin else None
    yaml_stamp = f"{yaml_file}:{yaml_file.stat().st_mtime_ns}" if yaml_file else ""
    return hashlib.sha256(Path(__file__).read_bytes() + yaml_stamp.encode()).hexdigest()


def _text_digest(text: str) -> str:
    return hashlib.sha256(_code_digest().encode() + text.encode("utf-8", "surrogatepass")).hexdigest()


def _cache_entry(path: Path) -> Path | None:
    """Where what `path` parsed to is kept (one entry per path, so editing a file
    replaces its entry); None when there is no home directory to keep it in."""
    from lint.store.datacache import cache_directory

    try:
        directory = cache_directory()
    except RuntimeError:  # Path.home() with no HOME and no passwd entry
        return None
    name = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return directory / "yaml" / f"{name}.json"


def _store(entry: Path, digest: str, data: Any) -> None:
    """Keep what a file parsed to; silently skipped when the cache folder is not
    writable or the data holds values JSON cannot carry back (dates, sets)."""
    from lint.store.atomic import write_quietly

    try:
        encoded = json.dumps({"digest": digest, "data": _encode(data)}, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return
    write_quietly(entry, encoded.encode("utf-8"))  # readers see the old entry or the whole new one


_SCALARS = (str, int, float, bool, type(None))


def _encode(value: Any) -> Any:
    """Plain JSON data for a parsed value; TypeError for what JSON cannot carry back."""
    if type(value) is LocatedDict:
        return {"m": [[_encode(k), _encode(v), value.key_lines[k]] for k, v in value.items()],
                "l": value.line}
    if type(value) is LocatedList:
        return {"s": [_encode(item) for item in value], "l": value.line, "i": value.item_lines}
    if type(value) in _SCALARS:
        return value
    raise TypeError(f"not cached: {type(value).__name__}")


def _decode(value: Any, path: Path) -> Any:
    """The inverse of `_encode`, every container pointing at `path`."""
    if type(value) is not dict:
        return value
    result: LocatedDict | LocatedList
    if "m" in value:
        result = LocatedDict()
        result.key_lines = {}
        for key, item, line in value["m"]:
            key = _decode(key, path)
            result[key] = _decode(item, path)
            result.key_lines[key] = line
    else:
        result = LocatedList(_decode(item, path) for item in value["s"])
        result.item_lines = value["i"]
    result.path, result.line = path, value["l"]
    return result


def check_keys(mapping: LocatedDict, allowed: Mapping[str, type | tuple], required: tuple[str, ...] = (),
               what: str = "mapping") -> None:
    """Reject unknown keys, missing keys and wrong types, naming file:line."""
    if not isinstance(mapping, dict):
        raise ConfigError(f"{what} must be a mapping", getattr(mapping, "path", None),
                          getattr(mapping, "line", None))
    for key in mapping:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise mapping.error(f"unknown key {key!r} in {what} (known keys: {known})", key)
    for key in required:
        if key not in mapping:
            raise mapping.error(f"{what} is missing required key {key!r}")
    for key, value in mapping.items():
        expected = allowed[key]
        if not isinstance(value, expected) or (isinstance(value, bool) and bool not in _as_tuple(expected)):
            raise mapping.error(f"{key!r} must be {_type_name(expected)}, not {type(value).__name__}", key)


def _as_tuple(expected) -> tuple:
    return expected if isinstance(expected, tuple) else (expected,)


def _type_name(expected) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "a mapping", type(None): "null"}
    return " or ".join(names.get(t, t.__name__) for t in _as_tuple(expected))
