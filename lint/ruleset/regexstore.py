"""Compiled regexes kept between runs.

`re.compile` parses a pattern and generates its matcher code in Python
(`re._parser`, `re._compiler`); only the last step, `_sre.compile`, is C.
The shipped rules have about a hundred patterns, and compiling them took
0.06 s of every run, more than checking a short article. This store keeps,
for each (pattern, flags), the code `re` generated and hands it straight to
`_sre.compile`, exactly as `re._compiler.compile` does; the result is the
same Pattern (`==` compares the code). It also keeps what `lint.regexes`
works out about a rule pattern (is it safe, its fast form, its literals),
so a warm run parses nothing.

The table lives in the user's cache directory (see `lint.datacache`), in a
file named after the Python build and the analysing code: another Python,
or a change to `lint/regexes.py`, starts a new table. Anything unexpected
(a damaged file, another Python's internals) means compiling as usual.
"""

from __future__ import annotations

import re
import sys

from lint.store.datacache import package_stamp, read_table, table_path, write_table

try:
    import _sre
    from re import _compiler as _sre_compile
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python without these internals
    _sre = None


class PatternStore:
    """Compiled code and analyses of patterns, loaded once, saved when grown."""

    def __init__(self):
        self._table: dict | None = None
        self._grown = False
        self._used: set = set()  # the keys this process asked for

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        """re.compile(pattern, flags), from the stored code when there is some."""
        flags = int(flags)
        table = self._load()
        self._used.add(("code", pattern, flags))
        entry = table.get(("code", pattern, flags))
        if entry is not None:
            try:
                return _sre.compile(pattern, *entry)
            except Exception:  # noqa: BLE001 - a stale or damaged entry: compile afresh
                pass
        compiled, entry = _compile_with_code(pattern, flags)
        if entry is not None:
            table[("code", pattern, flags)] = entry
            self._grown = True
        return compiled

    def analysis(self, pattern: str, flags: int):
        """What was stored by `remember` for this pattern, or None."""
        self._used.add(("analysis", pattern, int(flags)))
        return self._load().get(("analysis", pattern, int(flags)))

    def remember(self, pattern: str, flags: int, analysis) -> None:
        """Store a marshallable analysis of a pattern."""
        self._load()[("analysis", pattern, int(flags))] = analysis
        self._grown = True

    def save(self) -> None:
        """Write the table if this run added to it (atomic; a failure only
        means compiling again next time)."""
        if not self._grown:
            return
        if len(self._table) > MAX_ENTRIES:
            # Rules edited many times leave old patterns behind: keep this run's.
            self._table = {key: value for key, value in self._table.items() if key in self._used}
        if write_table(_table_path(), self._table):
            self._grown = False

    def _load(self) -> dict:
        if self._table is None:
            self._table = (read_table(_table_path()) if _sre is not None else None) or {}
        return self._table


def _table_path():
    stamp = " ".join([sys.version, str(getattr(_sre, "MAGIC", "")), package_stamp("lint", "regexes.py")])
    return table_path("regexes", stamp)


def _compile_with_code(pattern: str, flags: int):
    """(compiled pattern, storable code) the way re._compiler.compile makes
    them; (re.compile's pattern, None) when the internals are not as expected."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
        code = [int(op) for op in _sre_compile._code(parsed, flags)]
        group_index = dict(parsed.state.groupdict)
        index_group = [None] * parsed.state.groups
        for name, index in group_index.items():
            index_group[index] = name
        entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, group_index,
                 tuple(index_group))
        return _sre.compile(pattern, *entry), entry
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals differ on this Python
        return re.compile(pattern, flags), None


MAX_ENTRIES = 4000  # about 3 MB of table; the shipped rules need about 250
STORE = PatternStore()
