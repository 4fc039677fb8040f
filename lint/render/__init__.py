"""Stage 5, render: thin formatters over one list of FileResults.

Each format is a module with ``render(results, options) -> str``; add one by
writing the module and listing it in ``FORMATS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from . import checkstyle, github, gitlab, json_format, junit, rdjson, sarif, text_format


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices shared by all formats."""

    color: bool = False
    show_source: bool = True


FORMATS: dict[str, ModuleType] = {
    "text": text_format,
    "json": json_format,
    "sarif": sarif,
    "junit": junit,
    "github": github,
    "gitlab": gitlab,
    "rdjson": rdjson,
    "rdjsonl": rdjson.LINES,
    "checkstyle": checkstyle,
}


def render(results, format_name: str, options: RenderOptions = RenderOptions()) -> str:
    """Render results in the named format."""
    return FORMATS[format_name].render(results, options)
