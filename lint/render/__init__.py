"""Stage 5, render: thin formatters over one list of FileResults.

Each format is a module with ``render(results, options) -> str``; add one by
writing the module and listing it in ``FORMATS``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices shared by all formats."""

    color: bool = False
    show_source: bool = True
    # The lowest severity that fails the run: a level, or a function giving
    # each file's (see cli.common.fail_on_per_file). JUnit fails only those.
    fail_on: object = "error"
    # rule id -> its RuleSpec (or None), for formats that describe rules (SARIF)
    rule_spec: object = None
    # resolved path -> changed line numbers (None: all), to annotate those first (github)
    changed_lines: dict | None = None

    def fails(self, path, severity) -> bool:
        """True when a finding of this severity in this file fails the run."""
        from lint.model import Severity

        level = str(self.fail_on(path) if callable(self.fail_on) else self.fail_on)
        return level != "never" and severity >= Severity.parse(level)


# Format name -> "module" or "module:attribute" with a `render`. Imported
# when used: every `check` lists the names for --help, few need xml.etree.
FORMATS: dict[str, str] = {
    "text": "text_format",
    "json": "json_format",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "rdjson": "rdjson",
    "rdjsonl": "rdjson:LINES",
    "checkstyle": "checkstyle",
}


def formatter(format_name: str):
    """The object whose `render(results, options)` writes this format."""
    module_name, _, attribute = FORMATS[format_name].partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, attribute) if attribute else module


def render(results, format_name: str, options: RenderOptions = RenderOptions()) -> str:
    """Render results in the named format."""
    return formatter(format_name).render(results, options)
