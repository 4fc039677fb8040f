"""Stage 2, segment: turn a document into prose blocks mapped to the source.

One segmenter per input format, registered in ``SEGMENTERS``. A segmenter
takes the document (and the settings, for format options) and returns
``Block``s whose spans point back at source offsets.
"""

from __future__ import annotations

from ..config import Settings
from ..types import Block, Document
from .html import segment_html
from .markdown import segment_markdown
from .plain import segment_text
from .rst import segment_rst
from .textmap import PLACEHOLDER

SEGMENTERS = {
    "text": segment_text,
    "markdown": segment_markdown,
    "html": segment_html,
    "rst": segment_rst,
}


def segment(document: Document, settings: Settings | None = None) -> list[Block]:
    """The prose blocks of a document, in source order."""
    segmenter = SEGMENTERS.get(document.format, segment_text)
    blocks = segmenter(document, settings or Settings())
    document.blocks = blocks
    return blocks
