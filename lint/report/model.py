"""The report model: everything a report page shows, computed before templating.

Templates only loop and print; ordering, numbering, sentences and the
corrected edition are decided here, deterministically (no clocks, ids from
reading order), so the same input always renders the same bytes.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from lint.check.text import block_sentences
from lint.fix import FixResult, Relinter, fix_document, redline
from lint.model import Block, Finding, Severity
from lint.positions import LineIndex
from lint.report import readability
from lint.report.layout import Chunk, lay_out

CLAIM_CATEGORIES = ("claims", "facts")
CATEGORY_COLOURS = 10  # number of category background classes in report.css
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}


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
    colour: int
    sentence: tuple[str, str, str] | None = None  # before, the finding, after

    start = property(lambda self: self.finding.start)
    end = property(lambda self: self.finding.end)
    rule = property(lambda self: self.finding.rule)
    message = property(lambda self: self.finding.message)
    category = property(lambda self: self.finding.category)
    severity = property(lambda self: str(self.finding.severity))
    severity_label = property(lambda self: SEVERITY_LABELS[str(self.finding.severity)])

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
class Edition:
    """The corrected edition and its redline, from the fixer."""

    fixed: str
    redline: list[tuple[str, str]]
    result: FixResult
    unsafe: bool


@dataclass
class DocumentReport:
    """One document's report."""

    key: str
    path: str
    findings: list[FindingView] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    edition: Edition | None = None
    scores: list = field(default_factory=list)
    hardest: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    text_hash: str = ""
    page: str = ""  # file name of its own page, in directory mode
    colours: dict = field(default_factory=dict)  # category -> colour class, see assign_colours

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
    def category_counts(self) -> list[tuple[str, int, int]]:
        """(category, colour, count) for each category present, by name."""
        counts = Counter(f.category for f in self.findings)
        return [(c, self.colours.get(c, 0), n) for c, n in sorted(counts.items())]

    def count(self, severity: str) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def badness(self) -> tuple:
        """Sort key for the index: worst documents first."""
        return (self.error is None, -self.count("error"), -self.count("warning"),
                -self.count("info"), self.path)


def assign_colours(docs: list[DocumentReport]) -> None:
    """Give each category of the run its own colour class, the same on every page."""
    categories = sorted({f.category for doc in docs for f in doc.findings})
    colours = {c: i % CATEGORY_COLOURS for i, c in enumerate(categories)}
    for doc in docs:
        doc.colours = colours
        for finding in doc.findings:
            finding.colour = colours[finding.category]


def build_document(result, linter, key: str, *, unsafe_fixes: bool = False) -> DocumentReport:
    """The report of one FileResult; `linter` supplies rules and the fixer's re-check."""
    report = DocumentReport(key, str(result.path), notes=list(result.notes), error=result.error)
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
            excerpt=text[finding.start:finding.end], why=_why(finding, spec),
            link=spec.link if spec and spec.link.startswith("https://") else "",
            colour=0,
            sentence=_sentence(text, document.blocks, finding)
            if finding.category in CLAIM_CATEGORIES else None))
    report.chunks = lay_out(text, document.blocks, report.findings)
    report.scores = readability.scores(result.metrics)
    report.hardest = readability.hardest_sentences(text, document.blocks)
    report.edition = _edition(document, linter, result.path, unsafe_fixes)
    return report


def _why(finding: Finding, spec) -> str:
    """Why the finding matters: the rule's description, or LanguageTool's category."""
    if spec is not None and spec.description:
        return " ".join(spec.description.split())
    if finding.source == "languagetool":
        return f"LanguageTool reports this under its {finding.category} category."
    return ""


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


def _edition(document, linter, path, unsafe: bool) -> Edition:
    """Run the fixer (the same one `copydesk fix` uses) for the corrected edition."""
    result = fix_document(document, Relinter(linter, path), unsafe=unsafe)
    return Edition(result.fixed, line_then_word_redline(result.original, result.fixed), result, unsafe)


def line_then_word_redline(original: str, fixed: str) -> list[tuple[str, str]]:
    """The fixer's word-level redline, run only on the lines that changed.

    A word diff of a whole chapter is quadratic (half a minute for a long
    one); matching lines first leaves it a few short paragraphs to compare.
    """
    before, after = original.splitlines(keepends=True), fixed.splitlines(keepends=True)
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pieces = ([("equal", "".join(before[i1:i2]))] if tag == "equal"
                  else redline("".join(before[i1:i2]), "".join(after[j1:j2])))
        for op, text in pieces:
            if segments and segments[-1][0] == op:
                segments[-1] = (op, segments[-1][1] + text)
            elif text:
                segments.append((op, text))
    return segments
