"""Corrections for a word the dictionary does not know, best first.

Candidates: Hunspell's own suggestions, and the words of the frequency list
(`lexicon`) within Damerau-Levenshtein distance 2 that the dialect's
dictionary accepts (Hunspell misses "wass" -> "was"). Ranked by edit
distance, then by how common the word is, then by Hunspell's order.
Hunspell's splits ("consist ant" for "consistant") are kept only when no
one-word candidate exists.

Hunspell takes 10-40 ms to suggest, and the distance-2 search of the
frequency list about 90 ms (it runs only when fewer than three words lie one
edit away; past 28 such searches a process builds a SymSpell index), so the answers are kept between runs: one
"word<TAB>dialect<TAB>suggestions" line each, appended to a file in the user's
cache named after the dictionary files, the frequency list and this module.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from lint.check import dictionary
from lint.check.kinds import lexicon
from lint.store.datacache import AppendOnlyTable


def ranked(word: str, dialect: str, limit: int = 3) -> tuple[str, ...]:
    """Up to `limit` corrections of `word` in the dialect, in its case."""
    key = f"{word}\t{dialect}"
    found = TABLE.known().get(key)
    if found is None:
        found = TABLE.learn(key, _compute(word, dialect))
    return found[:limit]


_KEPT = 5  # corrections kept per word (the table serves limits up to this)
_ENOUGH = 3  # words one edit away that make the distance-2 search pointless for the first three


def _compute(word: str, dialect: str) -> tuple[str, ...]:
    lower = word.lower()
    check = functools.partial(dictionary.in_dictionary, dialect=dialect)
    order: dict[str, int] = {}  # candidate (lower case) -> Hunspell's rank (99 for the frequency list's)
    splits = []
    for rank, candidate in enumerate(dictionary.hunspell_suggestions(word, dialect)):
        folded = candidate.lower()
        if folded == lower:
            continue
        if any(c in candidate for c in " -") and not any(c in word for c in " -"):
            splits.append(candidate)
            continue
        order.setdefault(candidate if candidate != folded and not check(folded) else folded, rank)
    counts = lexicon.word_counts()
    near = {w for w in lexicon.edits1(lower) if w in counts and len(w) > 1 and check(w)}
    if len(near | {c.lower() for c in order if distance(lower, c.lower()) <= 1}) < _ENOUGH:
        near |= {w for w in _two_edits_away(lower) if check(w)}  # ranked after every word one edit away
    for candidate in near:
        order.setdefault(candidate, 99)
    best = sorted(order, key=lambda c: (distance(lower, c.lower()), -lexicon.word_count(c.lower()), order[c]))
    if not best:
        best = splits
    return tuple(_same_case(word, c) for c in best[:_KEPT])


_INDEX_AFTER = 28  # distance-2 searches (90 ms each) that cost what building the index (2.5 s) does
_searches = [0]


def _two_edits_away(lower: str) -> set[str]:
    """The frequency list's words within distance 2: Norvig's edits of edits
    (90 ms) for the first few words of a process, then a SymSpell index over
    the list (2.5 s to build, then 0.2 ms a word) when many are asked."""
    _searches[0] += 1
    if _searches[0] <= _INDEX_AFTER:
        counts = lexicon.word_counts()
        found = {w for e in lexicon.edits1(lower) for w in lexicon.edits1(e) if w in counts and len(w) > 1}
    else:
        from symspellpy import Verbosity

        found = {s.term for s in _index().lookup(lower, Verbosity.ALL, 2) if len(s.term) > 1}
    # Both ways give the same words, the word's first search or its hundredth:
    # two edits of edits can reach a word three apart by the distance that ranks
    # them ("endnotes" -> "denotes"), which the index never returns.
    return {w for w in found if distance(lower, w) <= 2}


@functools.cache
def _index():
    from symspellpy import SymSpell

    index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for word, count in lexicon.word_counts().items():
        index.create_dictionary_entry(word, count)
    return index


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment)."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _same_case(template: str, word: str) -> str:
    if template[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def _table_stamp() -> str:
    """What the corrections depend on: the dictionaries, the frequency list and this module."""
    from lint.store.datacache import package_stamp

    parts = [dictionary.stamp(d) for d in dictionary.DIALECTS]
    parts.append(package_stamp("symspellpy", "frequency_dictionary_en_82_765.txt"))
    parts.append(hashlib.sha256(Path(__file__).read_bytes()).hexdigest())
    return " ".join(parts)


def _table_line(key: str, found: tuple[str, ...]) -> str:
    return f"{key}\t{'|'.join(found)}\t\n"  # the closing tab marks a whole line


def _table_entry(line: str) -> tuple[str, tuple[str, ...]] | None:
    fields = line.split("\t")
    if len(fields) != 4:  # a line cut short by a crash is skipped
        return None
    return f"{fields[0]}\t{fields[1]}", tuple(s for s in fields[2].split("|") if s)


TABLE = AppendOnlyTable[tuple[str, ...]]("suggestions", _table_stamp, _table_line, _table_entry)
