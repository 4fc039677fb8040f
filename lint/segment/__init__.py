"""Stage 2, segment: turn a document into prose blocks mapped to the source.

One segmenter per input format, registered in ``lint.formats.FORMATS`` with the
module and function that implement it. A segmenter takes the document (and the
settings, for format options) and returns ``Block``s whose spans point back
at source offsets. Each is imported when its format is first met: docutils
costs 40 ms that a Markdown run never needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from lint.config.settings import Settings
from lint.formats import DEFAULT_FORMAT, FORMATS
from lint.model import Block, Document
from lint.segment.textmap import PLACEHOLDER  # noqa: F401 - part of this package's interface


def segmenter_for(format_name: str) -> Callable[[Document, Settings], list[Block]]:
    """The segmenter of a format (plain text for an unknown one)."""
    fmt = FORMATS.get(format_name, FORMATS[DEFAULT_FORMAT])
    return getattr(import_module(f"{__name__}.{fmt.segmenter_module}"), fmt.segmenter_function)


def load_segmenters(format_names: Iterable[str]) -> None:
    """Import the segmenters of these formats now (before worker processes fork)."""
    for format_name in set(format_names):
        segmenter_for(format_name)


def segment(document: Document, settings: Settings | None = None) -> list[Block]:
    """The prose blocks of a document, in source order."""
    blocks = segmenter_for(document.format)(document, settings or Settings())
    document.blocks = blocks
    return blocks
