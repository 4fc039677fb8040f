"""Core value types shared by every stage of the pipeline.

All offsets are 0-based code-point offsets into the *source* text of a
document (its decoded text), end exclusive. Lines and columns are derived
only when rendering (see `lint.positions`).
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that `ERROR > WARNING > INFO`."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        """Turn 'error' / 'warning' / 'info' into a Severity."""
        return cls[name.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(enum.IntEnum):
    """How safe a fix is to apply without an editor; ordered as in ruff."""

    DISPLAY_ONLY = 0
    UNSAFE = 1
    SAFE = 2

    @classmethod
    def parse(cls, name: str) -> Applicability:
        """Turn 'safe' / 'unsafe' / 'display-only' into an Applicability."""
        return cls[name.strip().upper().replace("-", "_")]

    def __str__(self) -> str:
        return self.name.lower().replace("_", "-")


@dataclass(frozen=True, order=True, slots=True)
class Edit:
    """Replace source[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of non-overlapping edits applied together, with a safety tier."""

    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one document."""

    rule: str
    severity: Severity
    category: str
    message: str
    start: int
    end: int
    replacements: tuple[str, ...] = ()
    fix: Fix | None = None
    source: str = "builtin"

    def with_severity(self, severity: Severity) -> Finding:
        """Return a copy with another severity (config overrides)."""
        return Finding(self.rule, severity, self.category, self.message, self.start,
                       self.end, self.replacements, self.fix, self.source)


class Span(NamedTuple):
    """A run of block text copied verbatim from the source.

    Block text [text_start, text_start + length) equals
    source [source_start, source_start + length). A named tuple, not a
    dataclass: a book has tens of thousands, and a tuple is made at C speed.
    """

    text_start: int
    source_start: int
    length: int


class SourceMap:
    """Block-text offsets to source offsets, in O(log spans): the one map
    every stage uses (through ``Block.source_map``).

    Text inside a span maps exactly. An offset in text that is not verbatim
    (a decoded entity, a soft break) snaps to the end of the span before it
    (for an end offset) or the start of the span after it.
    """

    __slots__ = ("ends", "spans", "starts")

    def __init__(self, spans: tuple[Span, ...]):
        ordered = sorted(spans)  # segmenters emit spans in text order; cheap when they do
        self.spans = ordered
        self.starts = [s.text_start for s in ordered]
        self.ends = [s.text_start + s.length for s in ordered]

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        """Map a block-text offset to a source offset."""
        spans = self.spans
        if not spans:
            return 0
        # The first span that holds the offset (an end may touch the span's end).
        i = (bisect.bisect_left if is_end else bisect.bisect_right)(self.ends, offset)
        if i < len(spans) and self.starts[i] <= offset:
            return spans[i].source_start + offset - self.starts[i]
        if is_end:
            before = bisect.bisect_right(self.ends, offset) - 1
            if before >= 0:
                return spans[before].source_start + spans[before].length
        after = bisect.bisect_left(self.starts, offset)
        if after < len(spans):
            return spans[after].source_start
        return spans[-1].source_start + spans[-1].length

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when text [start, end) lies inside one span; False for an
        inverted range (start > end), which is no slice at all."""
        if start > end:
            return False
        i = bisect.bisect_left(self.ends, end)
        return i < len(self.spans) and self.starts[i] <= start


_MISSING = object()  # a memo not computed yet (None is a value)

# Every kind of block a segmenter makes; a rule's `scope` names some of them.
BLOCK_KINDS = frozenset({
    "paragraph", "heading", "list-item", "quote", "table-cell", "caption", "term",
    "admonition", "alt-text", "title", "chrome", "text",
})
# The kinds whose text is running prose (readability is measured on these).
PROSE_KINDS = frozenset({"paragraph", "list-item", "quote", "text", "table-cell"})


@dataclass
class Block:
    """A piece of prose to check, with a map back to source offsets.

    `kind` is the scope (paragraph, heading, list-item, quote, table-cell,
    alt-text, text ...). `spans` cover the verbatim parts of `text`; text
    outside every span (a decoded entity, a soft break) maps to the nearest
    source position and can't be edited safely.
    """

    text: str
    kind: str
    spans: tuple[Span, ...]
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r} (known: {', '.join(sorted(BLOCK_KINDS))})")

    @classmethod
    def verbatim(cls, text: str, source_start: int, kind: str = "text") -> Block:
        """A block whose text is a plain slice of the source."""
        return cls(text, kind, (Span(0, source_start, len(text)),))

    def source_map(self) -> SourceMap:
        """The block's map from text offsets to source offsets, built once."""
        return self.memo("source_map", lambda: SourceMap(self.spans))

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        """Map a block-text offset to a source offset (see ``SourceMap``)."""
        return self.source_map().to_source(offset, is_end=is_end)

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when block text [start, end) is one unbroken source slice."""
        return self.source_map().is_verbatim(start, end)

    def memo(self, key: str, compute):
        """Compute a derived value (sentences, words) once per block."""
        value = self._cache.get(key, _MISSING)
        if value is _MISSING:
            value = self._cache[key] = compute()
        return value

    def forget(self, key: str) -> None:
        """Drop a derived value no later stage needs (it holds memory)."""
        self._cache.pop(key, None)


@dataclass
class Document:
    """A decoded file ready for segmentation."""

    path: Path
    text: str
    format: str  # "text", "markdown", "html", "rst"
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    blocks: list[Block] = field(default_factory=list)

    @property
    def display_path(self) -> str:
        """The path as the user typed it."""
        return str(self.path)
