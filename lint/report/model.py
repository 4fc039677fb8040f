"""The report model: everything a report page shows, computed before templating.

Templates only loop and print; ordering, numbering, sentences and the
corrected edition are decided here, deterministically (no clocks, ids from
reading order), so the same input always renders the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from lint.categories import family_of
from lint.check.text import block_sentences
from lint.model import Block, Finding, Severity
from lint.positions import LineIndex
from lint.report import readability
from lint.report.choices import page_data
from lint.report.layout import Chunk, lay_out

CLAIM_CATEGORIES = ("claims", "facts")
CALM_CATEGORIES = ("readability",)  # shown as margin marks, like infos, unless asked
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}
_QUOTES = (("'", "'"), ("‘", "’"), ('"', '"'), ("“", "”"))
EXCERPT_SHOWN = 40  # characters of the flagged text quoted in the findings list


@dataclass
class FindingView:
    """One finding as the report shows it."""

    key: str  # element id suffix, stable: reading order
    order: int
    finding: Finding
    line: int
    column: int
    excerpt: str
    why: str
    link: str
    sentence: tuple[str, str, str] | None = None  # before, the finding, after

    start = property(lambda self: self.finding.start)
    end = property(lambda self: self.finding.end)
    rule = property(lambda self: self.finding.rule)
    message = property(lambda self: self.finding.message)
    category = property(lambda self: self.finding.category)
    severity = property(lambda self: str(self.finding.severity))
    severity_label = property(lambda self: SEVERITY_LABELS[str(self.finding.severity)])
    colour = property(lambda self: family_of(self.finding.category).name)

    @property
    def calm(self) -> bool:
        """Shown as a margin mark, not an underline, by default: infos and readability."""
        return self.finding.severity == Severity.INFO or self.category in CALM_CATEGORIES

    @property
    def quote(self) -> str:
        """The flagged text as the findings list quotes it, shortened; none when the message quotes it."""
        text = " ".join(self.excerpt.split())
        if not text and self.excerpt:
            return "␣" * min(len(self.excerpt), 5)  # spacing: show where it is
        if text and any(f"{a}{text}{b}" in self.message for a, b in _QUOTES):
            return ""  # the message quotes it already
        return text if len(text) <= EXCERPT_SHOWN else text[:EXCERPT_SHOWN - 1].rstrip() + "…"

    @property
    def fix_label(self) -> str:
        """How the suggested replacement may be applied."""
        if self.finding.fix is None:
            return "needs an editor" if self.finding.replacements else ""
        return f"{self.finding.fix.applicability} fix"

    @property
    def tick_key(self) -> str:
        """Key of this finding's checklist tick, stable while the text is unchanged."""
        return f"{self.rule}@{self.start}-{self.end}"


@dataclass
class DocumentReport:
    """One document's report."""

    key: str
    path: str
    findings: list[FindingView] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    data: str = ""  # the page script's JSON: original text and each finding's choices
    format: str = "text"
    unsafe: bool = False
    scores: list = field(default_factory=list)
    hardest: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    text_hash: str = ""
    page: str = ""  # file name of its own page, in directory mode

    @property
    def claims(self) -> list[FindingView]:
        """Findings a fact-checker must verify."""
        return [f for f in self.findings if f.category in CLAIM_CATEGORIES]

    @property
    def severity_counts(self) -> list[tuple[str, str, int]]:
        """(severity, label, count) for every severity, most serious first."""
        counts = Counter(f.severity for f in self.findings)
        return [(str(s), SEVERITY_LABELS[str(s)], counts[str(s)]) for s in sorted(Severity, reverse=True)]

    @property
    def category_counts(self) -> list[tuple[str, str, int]]:
        """(category, colour family, count) for each category present, by name."""
        counts = Counter(f.category for f in self.findings)
        return [(c, family_of(c).name, n) for c, n in sorted(counts.items())]

    @property
    def calm_count(self) -> int:
        """How many findings are margin marks by default."""
        return sum(1 for f in self.findings if f.calm)

    def count(self, severity: str) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def badness(self) -> tuple:
        """Sort key for the index: worst documents first."""
        return (self.error is None, -self.count("error"), -self.count("warning"),
                -self.count("info"), self.path)


def build_document(result, linter, key: str, *, unsafe_fixes: bool = False) -> DocumentReport:
    """The report of one FileResult; `linter` supplies the rules; `unsafe_fixes` lets
    the page's "accept suggested fixes" take unsafe fixes too."""
    report = DocumentReport(key, str(result.path), notes=list(result.notes), error=result.error,
                            unsafe=unsafe_fixes)
    document = result.document
    if document is None:
        return report
    text = document.text
    report.text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    _, ruleset, _ = linter.setup_for(result.path)
    index = LineIndex(text)
    ordered = sorted(result.findings, key=lambda f: (f.start, f.end, f.rule, f.message))
    for number, finding in enumerate(ordered, 1):
        line, column = index.line_col(finding.start)
        spec = ruleset.rule(finding.rule)
        report.findings.append(FindingView(
            key=f"{key}-f{number}", order=number, finding=finding, line=line, column=column,
            excerpt=text[finding.start:finding.end], why=why_it_matters(finding, spec),
            link=spec.link if spec and spec.link.startswith("https://") else "",
            sentence=_sentence(text, document.blocks, finding)
            if finding.category in CLAIM_CATEGORIES else None))
    report.chunks = lay_out(text, document.blocks, report.findings)
    report.scores = readability.scores(result.metrics)
    report.hardest = readability.hardest_sentences(text, document.blocks)
    report.format = document.format
    report.data = page_data(report.path, text, report.findings, unsafe=unsafe_fixes)
    return report


def why_it_matters(finding: Finding, spec) -> str:
    """Why the finding matters: the rule's description, or what its category costs a reader."""
    if spec is not None and spec.description:
        return " ".join(spec.description.split())
    return family_of(finding.category).why


def _sentence(text: str, blocks: list[Block], finding: Finding) -> tuple[str, str, str] | None:
    """The sentence around a finding, split into before / finding / after."""
    for block in blocks:
        if not block.spans:
            continue
        first = block.spans[0].source_start
        last = max(s.source_start + s.length for s in block.spans)
        if not first <= finding.start < max(last, first + 1):
            continue
        for sentence in block_sentences(block):
            start = block.to_source(sentence.start)
            end = block.to_source(sentence.end, is_end=True)
            if start <= finding.start < end or (finding.start == end == last):
                end = max(end, min(finding.end, last))
                return (_squash(text[start:finding.start]), _squash(text[finding.start:finding.end]),
                        _squash(text[finding.end:end]))
    return None


def _squash(piece: str) -> str:
    # Keep the word gaps at the edges so "before finding after" reads right.
    inner = " ".join(piece.split())
    if not inner:
        return " " if piece else ""
    return (" " if piece[:1].isspace() else "") + inner + (" " if piece[-1:].isspace() else "")
