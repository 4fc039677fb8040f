"""Stage 4, filter: inline suppressions and per-glob overrides."""

from __future__ import annotations

from lint.config.settings import Settings, rule_matches, severity_for
from lint.filter.suppress import find_regions, is_suppressed
from lint.model import Document, Finding


def filter_findings(findings: list[Finding], document: Document, settings: Settings) -> list[Finding]:
    """Drop suppressed or overridden-off findings; apply severity overrides."""
    regions = find_regions(document.text, plain=document.format in ("text", "rst"))
    overrides = settings.overrides_for(document.path)
    kept = []
    for finding in findings:
        if not rule_active(finding.rule, settings, overrides):
            continue
        if regions and is_suppressed(finding.rule, finding.start, regions):
            continue
        severity = severity_for(finding.rule, settings.severity, finding.severity)
        for override in overrides:
            severity = severity_for(finding.rule, override.severity, severity)
        kept.append(finding if severity == finding.severity else finding.with_severity(severity))
    return kept


def rule_active(rule_id: str, settings: Settings, overrides) -> bool:
    """Whether a rule's findings count for a file, after its overrides."""
    active = not rule_matches(rule_id, settings.disable)
    if settings.select and not rule_matches(rule_id, settings.select):
        return False
    for override in overrides:
        if rule_matches(rule_id, override.enable):
            active = True
        if rule_matches(rule_id, override.disable):
            active = False
    return active


def override_enables(settings: Settings) -> tuple[str, ...]:
    """Rules some override turns on, so they must be compiled for every file."""
    return tuple(sel for o in settings.overrides for sel in o.enable)

