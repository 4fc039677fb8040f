"""Findings as LSP diagnostics: range in the client's encoding, severity,
the rule id as `code` and, where the rule has one, a `codeDescription` link."""

from __future__ import annotations

from lsprotocol import types

from lint.lsp.positions import PositionMap
from lint.model import Finding, Severity

SOURCE = "copydesk"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
LANGUAGETOOL_RULE_PAGE = "https://community.languagetool.org/rule/show/{rule}?lang={language}"


def rule_link(finding: Finding, spec, language: str = "en") -> str | None:
    """The page that explains a finding's rule: its own `link:`, or
    LanguageTool's rule page for a LanguageTool finding."""
    if spec is not None and spec.link.startswith("https://"):
        return spec.link
    if finding.source == "languagetool" and finding.rule.startswith("lt."):
        rule = finding.rule[3:].split("[")[0]
        return LANGUAGETOOL_RULE_PAGE.format(rule=rule, language=language)
    return None


def to_diagnostic(finding: Finding, positions: PositionMap, spec=None) -> types.Diagnostic:
    """One finding as a diagnostic."""
    link = rule_link(finding, spec)
    return types.Diagnostic(
        range=positions.range(finding.start, finding.end),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        data={"rule": finding.rule, "start": finding.start, "end": finding.end},
    )


def to_diagnostics(findings: list[Finding], positions: PositionMap, rule_of) -> list[types.Diagnostic]:
    """Diagnostics in source order; `rule_of(rule_id)` gives a RuleSpec or None."""
    ordered = sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    return [to_diagnostic(f, positions, rule_of(f.rule)) for f in ordered]


def findings_at(findings: list[Finding], start: int, end: int) -> list[Finding]:
    """The findings whose span touches [start, end] (a cursor when start == end)."""
    if start == end:
        return [f for f in findings if f.start <= start <= f.end]
    return [f for f in findings if f.start < end and start < max(f.end, f.start + 1)]
