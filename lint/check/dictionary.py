"""The English dictionary every speller consults: Hunspell's word lists for
one dialect (Debian's ``hunspell-en-us``, ``-en-gb``, ``-en-ca``,
``-en-au``, built from SCOWL), read through Enchant (``pyenchant``).

Hunspell knows inflections and derived forms from its affix rules, so no
morphology is written here. The reusable API, for the built-in speller and
for other sources (LanguageTool's speller matches are dropped on words this
accepts)::

    is_known(word, dialect="en-US", accepted=frozenset()) -> bool
    suggestions(word, dialect="en-US", limit=3) -> tuple[str, ...]
    unavailable(dialect="en-US") -> str | None   # the notice, when it cannot be used
    project_words(context, rules=()) -> frozenset[str]   # `accepted` for a ruleset's context

`is_known` and `suggestions` raise `DictionaryUnavailable` (its message names
the missing package and the remedy) when Enchant or the dialect's
dictionary is not installed; a speller then stops with one notice, never
passing every word in silence.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Collection
from pathlib import Path

DIALECTS = ("en-US", "en-GB", "en-CA", "en-AU")
DEFAULT_DIALECT = "en-US"
HUNSPELL_DIR = Path("/usr/share/hunspell")
_LOCK = threading.Lock()  # one Hunspell handle a dialect, asked from any thread (service, language server)
# Endings any known word may carry ("else's", "Copydesk's", "users'").
_SUFFIXES = ("'s", "s'", "n't", "'re", "'ve", "'ll", "'d", "'m")


class DictionaryUnavailable(Exception):
    """Enchant or the dialect's dictionary is missing; the message says what
    to install."""


def package_for(dialect: str) -> str:
    """The Debian package with the dialect's Hunspell dictionary ("hunspell-en-us")."""
    return "hunspell-" + dialect.lower()


def remedy(dialect: str) -> str:
    """How to install what the dialect's dictionary needs."""
    return (f"sudo apt-get install {package_for(dialect)} libenchant-2-2 "
            "(or run scripts/install-dictionaries)")


def _tag(dialect: str) -> str:
    return dialect.replace("-", "_")


@functools.cache
def _dictionary(dialect: str):
    """The Enchant dictionary for a dialect (Hunspell preferred), loaded once a process."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {', '.join(DIALECTS)}, not {dialect!r}")
    try:
        import enchant
    except Exception as exc:  # pyenchant absent, or no loadable libenchant (ImportError, OSError)
        raise DictionaryUnavailable(
            f"the Enchant library is missing ({exc}); install it: {remedy(dialect)}") from None
    broker = enchant.Broker()
    broker.set_ordering(_tag(dialect), "hunspell,nuspell,aspell,myspell")
    if not broker.dict_exists(_tag(dialect)):
        raise DictionaryUnavailable(
            f"no {dialect} dictionary (Debian package {package_for(dialect)}); install it: {remedy(dialect)}")
    return broker.request_dict(_tag(dialect))


def unavailable(dialect: str = DEFAULT_DIALECT) -> str | None:
    """None when the dialect's dictionary can be used, else why not and the remedy."""
    try:
        _dictionary(dialect)
    except DictionaryUnavailable as exc:
        return str(exc)
    return None


def stamp(dialect: str) -> str:
    """Names the dialect's dictionary files by size and time (an upgrade changes it)."""
    parts = [dialect]
    for suffix in (".dic", ".aff"):
        path = HUNSPELL_DIR / (_tag(dialect) + suffix)
        try:
            info = path.stat()
            parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    return " ".join(parts)


def in_dictionary(word: str, dialect: str = DEFAULT_DIALECT) -> bool:
    """True when the dialect's Hunspell dictionary accepts the word as written
    (case as Hunspell rules it: "Statement" and "STATEMENT" pass, "london" does not)."""
    if not word:
        return False
    found = _dictionary(dialect)
    with _LOCK:
        return found.check(word.replace("’", "'"))


def hunspell_suggestions(word: str, dialect: str = DEFAULT_DIALECT) -> list[str]:
    """Hunspell's own suggestions for a word, in its order (splits included)."""
    found = _dictionary(dialect)
    with _LOCK:
        return found.suggest(word)


def is_known(word: str, dialect: str = DEFAULT_DIALECT, accepted: Collection[str] = frozenset()) -> bool:
    """True when `word` is in the dialect's dictionary or in `accepted`.

    `accepted` holds the project's words (accept vocabulary, entity names,
    rule accept lists); a word matches it as written or in lower case. A
    possessive or contraction ending on a known word is known too
    ("else's", "Copydesk's", "users'"): Hunspell allows it on some words only.
    """
    word = word.replace("’", "'")
    if _known_as_is(word, dialect, accepted):
        return True
    lower = word.lower()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + ("s" if suffix == "s'" else "")
            return _known_as_is(stem, dialect, accepted)
    return False


def _known_as_is(word: str, dialect: str, accepted: Collection[str]) -> bool:
    if accepted and (word in accepted or word.lower() in accepted):
        return True
    return in_dictionary(word, dialect)


def project_words(context, rules=()) -> frozenset[str]:
    """The words a project accepts, in lower case, for `is_known`: its
    accept vocabulary (`context.accept`, `context.extra_words`), every word of
    every entity name in the facts base, and the `accept` lists of `rules`.
    `context` is a ruleset's `CompileContext` (its `dialect` is the dialect)."""
    words = set(context.accept) | set(context.extra_words)
    for rule in rules:
        words |= {w for w in rule.options.get("accept", []) if isinstance(w, str)}
    for entity in context.entities:
        for name in entity.names:
            words |= set(re.findall(r"[^\W\d_]+", name))
    return frozenset(w.lower() for w in words)


def suggestions(word: str, dialect: str = DEFAULT_DIALECT, limit: int = 3) -> tuple[str, ...]:
    """The likeliest corrections of `word`, best first (see `lint.check.suggestions`)."""
    from lint.check.suggestions import ranked

    return ranked(word, dialect, limit)
