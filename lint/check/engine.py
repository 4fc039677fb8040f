"""Stage 3, check: run the compiled rules (and other sources) over blocks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lint.check.merge import merge_findings
from lint.check.prefilter import DocumentText
from lint.model import Applicability, Block, Document, Edit, Finding, Fix
from lint.ruleset.rulespec import Hit

if TYPE_CHECKING:  # the engine runs rules; loading them is the loader's business
    from lint.ruleset.loader import Ruleset


def hit_to_finding(hit: Hit, block: Block) -> Finding:
    """Turn a block-relative hit into a source-relative finding."""
    rule = hit.rule
    mapping = block.source_map()
    start = mapping.to_source(hit.start)
    end = max(start, mapping.to_source(hit.end, is_end=True))
    return Finding(
        rule=rule.id, severity=rule.severity, category=rule.category, message=hit.message,
        start=start, end=end, replacements=hit.replacements, fix=_fix_for(hit, mapping),
        source="builtin",
    )


def _fix_for(hit: Hit, mapping) -> Fix | None:
    """The hit's fix in source offsets (`mapping` is the block's SourceMap)."""
    rule = hit.rule
    if hit.no_fix or rule.fix is None:
        return None
    applicability = rule.fix if hit.applicability is None else min(rule.fix, hit.applicability)
    if applicability <= Applicability.DISPLAY_ONLY:
        return None
    edits = hit.edits
    if edits is None:
        if not hit.replacements:
            return None
        edits = ((hit.start, hit.end, hit.replacements[0]),)
    source_edits = []
    for start, end, replacement in edits:
        # Never edit across markup: the edited text must be one verbatim run.
        if not mapping.is_verbatim(start, end):
            return None
        source_start = mapping.to_source(start)
        source_edits.append(Edit(source_start, source_start + (end - start), replacement))
    return Fix(tuple(sorted(source_edits)), applicability)


def run_rules(blocks: list[Block], ruleset: Ruleset, source: str | None = None) -> list[Finding]:
    """Every built-in finding for these blocks, in source order.

    Each checker sees the whole document once (see `lint.check.checker`);
    the engine alone drops the hits of scoped rules outside their block kinds.
    """
    document = DocumentText(blocks, source)
    findings = []
    for checker in ruleset.checkers:
        scoped = any(rule.scope for rule in checker.rules)
        for block, hit in checker.check_document(document):
            if not scoped or hit.rule.applies_to(block.kind):
                findings.append(hit_to_finding(hit, block))
    return findings


def check_document(document: Document, blocks: list[Block], ruleset: Ruleset,
                   sources: Iterable = ()) -> tuple[list[Finding], list[str]]:
    """All findings for a document, plus notes from sources that failed.

    A source is anything with ``check(document, blocks) -> list[Finding]``
    (LanguageTool is one); a failing source raises ``SourceUnavailable`` and
    the run goes on with the others.
    """
    groups = [run_rules(blocks, ruleset, document.text)]
    # A checker that could not run (the speller without its dictionary) says why.
    notes = [note for checker in ruleset.checkers if (note := getattr(checker, "note", None))]
    for source in sources:
        try:
            groups.append(source.check(document, blocks))
        except SourceUnavailable as exc:
            notes.append(str(exc))
            if getattr(source, "required", False):
                raise
    return merge_findings(groups), notes


class SourceUnavailable(Exception):
    """A checking source (such as LanguageTool) could not be used; the
    message names the problem and the remedy."""
