"""Hover on a finding: the message, the rule, why it matters, the suggestion."""

from __future__ import annotations

from lsprotocol import types

from lint.lsp.diagnostics import rule_link
from lint.model import Finding
from lint.report.model import why_it_matters  # the report's "why it matters", word for word


def hover_text(finding: Finding, spec, text: str) -> str:
    """Markdown for one finding."""
    parts = [f"**{_escape(finding.message)}**", ""]
    rule = f"`{finding.rule}` ({finding.severity}, {finding.category})"
    link = rule_link(finding, spec)
    parts.append(f"Rule: [{rule}]({link})" if link else f"Rule: {rule}")
    why = why_it_matters(finding, spec)
    if why:
        parts += ["", f"Why it matters: {_escape(why)}"]
    suggestion = _suggestion(finding, text)
    if suggestion:
        parts += ["", f"Suggestion: {suggestion}"]
    return "\n".join(parts)


def _suggestion(finding: Finding, text: str) -> str:
    if finding.fix is not None and len(finding.fix.edits) == 1:
        edit = finding.fix.edits[0]
        if not edit.replacement:
            return f"delete `{text[edit.start:edit.end].strip()}` ({finding.fix.applicability} fix)"
        return f"`{edit.replacement}` ({finding.fix.applicability} fix)"
    if finding.replacements:
        return ", ".join(f"`{r}`" for r in finding.replacements[:5])
    return ""


def _escape(text: str) -> str:
    return text.replace("*", "\\*").replace("_", "\\_")


def hover_for(findings: list[Finding], rule_of, text: str, range_of) -> types.Hover | None:
    """The hover for the findings under the cursor (None when there are none);
    `rule_of(id)` gives a RuleSpec, `range_of(finding)` its LSP range."""
    if not findings:
        return None
    body = "\n\n---\n\n".join(hover_text(f, rule_of(f.rule), text) for f in findings)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=body),
                       range=range_of(findings[0]))
