"""Checking sources beyond the built-in rules (LanguageTool).

A source has ``name``, ``required`` and ``check(document, blocks) ->
list[Finding]``; it raises ``engine.SourceUnavailable`` when it cannot run.
"""

from __future__ import annotations

import re

from lint.config.settings import Settings, rule_matches
from lint.config.yamlsource import ConfigError
from lint.ruleset.rulespec import CompileContext

LANGUAGETOOL_LANGUAGES = ("en-US", "en-GB", "en-CA", "en-AU", "en-NZ", "en-ZA")


def sources_for(settings: Settings, context: CompileContext) -> list:
    """The extra sources these settings turn on."""
    if not settings.languagetool.enabled or not _languagetool_wanted(settings):
        return []
    _check_language(settings)
    from lint.check.languagetool import (
        LanguageToolSource,  # only runs that use it pay for the import
    )

    return [LanguageToolSource(settings, context)]


def _languagetool_wanted(settings: Settings) -> bool:
    """False when --select or `disable` leaves no lt.* rule that could report."""
    def names_lt(selectors) -> bool:
        """True when some selector reaches an lt.* rule."""
        return rule_matches("lt.ANY", selectors) or any(s.startswith("lt.") for s in selectors)

    if settings.select and not names_lt(settings.select):
        return False
    if rule_matches("lt.ANY", settings.disable):
        return any(names_lt(override.enable) for override in settings.overrides)
    return True


def _check_language(settings: Settings) -> None:
    language = settings.languagetool.language
    if language in LANGUAGETOOL_LANGUAGES:
        return
    line = None
    if settings.config_path:
        text = settings.config_path.read_text(encoding="utf-8", errors="replace")
        found = re.search(r"^\s+language:", text, re.MULTILINE)
        line = text.count("\n", 0, found.start()) + 1 if found else None
    raise ConfigError(f"languagetool.language must be one of {', '.join(LANGUAGETOOL_LANGUAGES)}, "
                      f"not {language!r}", settings.config_path, line)
