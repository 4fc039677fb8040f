"""Code actions for findings, and the workspace edits their commands make.

Every action is a command the server carries out, so the text edits reach
the editor through `workspace/applyEdit` (and its undo) and the file writes
(`copydesk.yaml`) happen in one place.
"""

from __future__ import annotations

import re
from typing import cast

from lsprotocol import types

from lint.lsp.checker import Checked
from lint.lsp.positions import PositionMap
from lint.model import Applicability, Finding

APPLY_FIX = "copydesk.applyFix"
FIX_ALL = "copydesk.fixAll"
ADD_WORD = "copydesk.addWord"
DISABLE_LINE = "copydesk.disableRuleForLine"
DISABLE_PROJECT = "copydesk.disableRule"
COMMANDS = (APPLY_FIX, FIX_ALL, ADD_WORD, DISABLE_LINE, DISABLE_PROJECT)
FIX_ALL_KIND = "source.fixAll.copydesk"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def finding_key(finding: Finding) -> list:
    """What a command argument names a finding by."""
    return [finding.rule, finding.start, finding.end]


def find(checked: Checked, key) -> Finding | None:
    """The finding a command names, in the last check of the document."""
    rule, start, end = key
    return next((f for f in checked.findings
                 if f.rule == rule and f.start == start and f.end == end), None)


def describe_fix(finding: Finding, text: str) -> str:
    """'Replace 'teh' with 'the'' or 'Delete 'foo'' for a one-edit fix."""
    assert finding.fix is not None  # asked only for a finding with a fix
    edits = finding.fix.edits
    if len(edits) != 1:
        return f"Fix: {finding.message}"
    edit = edits[0]
    before = text[edit.start:edit.end]
    if not edit.replacement:
        return f"Delete '{_short(before)}'"
    if not before:
        return f"Insert '{_short(edit.replacement)}'"
    return f"Replace '{_short(before)}' with '{_short(edit.replacement)}'"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def actions_for(checked: Checked, findings: list[Finding], diagnostics_of) -> list[types.CodeAction]:
    """The quick fixes and rule switches for the findings under the cursor;
    `diagnostics_of(finding)` gives the diagnostic each one answers."""
    uri, actions = checked.uri, []
    for finding in findings:
        diagnostics = [diagnostics_of(finding)]
        if finding.fix is not None:
            actions.append(_action(describe_fix(finding, checked.text), types.CodeActionKind.QuickFix,
                                   APPLY_FIX, [uri, finding_key(finding)], diagnostics,
                                   preferred=finding.fix.applicability >= Applicability.SAFE))
        word = checked.text[finding.start:finding.end]
        if finding.category == "spelling" and _WORD.fullmatch(word):
            actions.append(_action(f"Add '{word}' to the vocabulary (copydesk.yaml)",
                                   types.CodeActionKind.QuickFix, ADD_WORD, [uri, word], diagnostics))
        actions.append(_action(f"Disable {finding.rule} for this line", types.CodeActionKind.QuickFix,
                               DISABLE_LINE, [uri, finding_key(finding)], diagnostics))
        actions.append(_action(f"Disable {finding.rule} in this project (copydesk.yaml)",
                               types.CodeActionKind.QuickFix, DISABLE_PROJECT, [uri, finding.rule],
                               diagnostics))
    if any(_is_safe(f) for f in checked.findings):
        actions.append(_action("Apply every safe Copydesk fix in this file", FIX_ALL_KIND,
                               FIX_ALL, [uri], []))
    return actions


def _is_safe(finding: Finding) -> bool:
    return finding.fix is not None and finding.fix.applicability >= Applicability.SAFE


def _action(title, kind, command, arguments, diagnostics, preferred=False) -> types.CodeAction:
    return types.CodeAction(title=title, kind=kind, diagnostics=diagnostics or None,
                            is_preferred=preferred or None,
                            command=types.Command(title=title, command=command, arguments=arguments))


def document_edit(checked: Checked, edits: list[tuple[int, int, str]],
                  encoding: str) -> types.WorkspaceEdit:
    """A WorkspaceEdit of (start, end, replacement) code-point edits to the
    version of the document that was checked (the editor refuses it if the
    text changed since)."""
    positions = PositionMap(checked.text, encoding)
    text_edits = [types.TextEdit(range=positions.range(start, end), new_text=replacement)
                  for start, end, replacement in sorted(edits)]
    identifier = types.OptionalVersionedTextDocumentIdentifier(uri=checked.uri, version=checked.version)
    return types.WorkspaceEdit(document_changes=[
        types.TextDocumentEdit(text_document=identifier, edits=text_edits)])


def fix_edits(finding: Finding) -> list[tuple[int, int, str]]:
    """The finding's fix as code-point edits."""
    assert finding.fix is not None  # asked only for a finding with a fix
    return [(e.start, e.end, e.replacement) for e in finding.fix.edits]


def whole_text_edit(before: str, after: str) -> list[tuple[int, int, str]]:
    """The one edit that turns `before` into `after`, trimmed to what changed."""
    if before == after:
        return []
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < limit - prefix and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]):
        suffix += 1
    return [(prefix, len(before) - suffix, after[prefix:len(after) - suffix])]


DIRECTIVES = {
    "markdown": "<!-- copydesk-disable-next-line {rule} -->\n",
    "html": "<!-- copydesk-disable-next-line {rule} -->\n",
    "rst": ".. copydesk-disable-next-line {rule}\n\n",  # a reST comment, ended by a blank line
    "text": "# copydesk-disable-next-line {rule}\n",
}


def disable_line_edit(checked: Checked, finding: Finding, format: str) -> list[tuple[int, int, str]]:
    """Insert the inline directive that switches the rule off for the finding's line."""
    line_start = checked.text.rfind("\n", 0, finding.start) + 1
    indent = cast("re.Match[str]", re.match(r"[ \t]*", checked.text[line_start:])).group()  # always matches
    directive = DIRECTIVES.get(format, DIRECTIVES["text"]).format(rule=finding.rule)
    if "\r\n" in checked.text:
        directive = directive.replace("\n", "\r\n")
    return [(line_start, line_start, indent + directive)]
