"""The globs of `exclude` and `overrides: files`, matched as in .gitignore
(by pathspec, so the rules are git's, not an approximation): `*` stays
within one folder, `**` crosses folders, a leading `/` anchors at the
configuration's folder, a trailing `/` names a folder (and all under it),
and a pattern without a slash matches a name at any depth."""

from __future__ import annotations

import functools

import pathspec


@functools.lru_cache(maxsize=256)
def compiled(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """The patterns compiled once per distinct tuple."""
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def matches(rel_path: str, patterns: tuple[str, ...], is_dir=None) -> bool:
    """True when the POSIX path, relative to the config's folder, matches.

    `is_dir()` is asked only when the plain path does not match, so that
    folder-only patterns (``drafts/``) prune the folder itself."""
    if not patterns:
        return False
    spec = compiled(patterns)
    if spec.match_file(rel_path):
        return True
    return bool(is_dir is not None and is_dir() and spec.match_file(rel_path + "/"))
