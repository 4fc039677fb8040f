"""Stage 2, segment: turn a document into prose blocks mapped to the source.

One segmenter per input format, registered in ``SEGMENTERS`` as the module
and function that implement it. A segmenter takes the document (and the
settings, for format options) and returns ``Block``s whose spans point back
at source offsets. Each is imported when its format is first met: docutils
costs 40 ms that a Markdown run never needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from lint.config.settings import Settings
from lint.model import Block, Document
from lint.segment.textmap import PLACEHOLDER  # noqa: F401 - part of this package's interface

SEGMENTERS = {
    "text": ("plain", "segment_text"),
    "markdown": ("markdown", "segment_markdown"),
    "html": ("html", "segment_html"),
    "rst": ("rst", "segment_rst"),
}


def segmenter_for(format_name: str) -> Callable[[Document, Settings], list[Block]]:
    """The segmenter of a format (plain text for an unknown one)."""
    module, function = SEGMENTERS.get(format_name, SEGMENTERS["text"])
    return getattr(import_module(f"{__name__}.{module}"), function)


def load_segmenters(format_names: Iterable[str]) -> None:
    """Import the segmenters of these formats now (before worker processes fork)."""
    for format_name in set(format_names):
        segmenter_for(format_name)


def segment(document: Document, settings: Settings | None = None) -> list[Block]:
    """The prose blocks of a document, in source order."""
    blocks = segmenter_for(document.format)(document, settings or Settings())
    document.blocks = blocks
    return blocks
