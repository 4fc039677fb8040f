"""readability: sentences too long, paragraphs or documents too hard to read.

Scores come from textstat (Flesch reading ease, Flesch-Kincaid grade), the
same figures as the JSON summary (`lint.metrics`). A rule measures one of
``sentence``, ``paragraph`` or ``document`` and reports only past its
thresholds, which a project can change in its configuration::

    - id: long-sentence
      kind: readability
      measure: sentence
      severity: warning
      message: "This sentence has {words} words (limit {max_words}): split it"
      max_words: 40

    # copydesk.yaml
    options:
      readability.long-sentence: {max_words: 30}

Paragraph and document rules take ``min_flesch`` (lower is harder),
``max_grade`` and ``min_words`` (texts shorter than this are not scored:
the formulas are noise on a few words).
"""

from __future__ import annotations

from lint.check.kinds.perrule import BlockRule, PerRuleChecker
from lint.check.metrics import (
    block_counts,
    document_metrics,
    flesch_scores,
    longest_sentence,
    sentence_lengths,
)
from lint.check.text import block_sentences
from lint.model import PROSE_KINDS
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"measure": str, "max_words": int, "min_flesch": (int, float), "max_grade": (int, float),
           "min_words": int}
REQUIRED = ("measure",)
MEASURES = ("sentence", "paragraph", "document")


class ReadabilityRule(BlockRule):
    """One threshold rule."""

    def __init__(self, rule: RuleSpec):
        self.rule = rule
        options = rule.options
        self.measure = options["measure"]
        if self.measure not in MEASURES:
            raise rule.error(f"measure must be one of {', '.join(MEASURES)}", "measure")
        if self.measure == "sentence" and "max_words" not in options:
            raise rule.error("measure: sentence needs 'max_words'")
        if self.measure != "sentence" and "min_flesch" not in options and "max_grade" not in options:
            raise rule.error(f"measure: {self.measure} needs 'min_flesch' or 'max_grade'")
        self.max_words = options.get("max_words")
        self.min_flesch = options.get("min_flesch")
        self.max_grade = options.get("max_grade")
        self.min_words = options.get("min_words", 40 if self.measure == "paragraph" else 150)

    def hits_in(self, document, blocks):
        """(block, hit) in `blocks`; a document rule scores the whole document
        and reports on its first prose block."""
        if self.measure != "document":
            yield from super().hits_in(document, blocks)
            return
        first = next((b for b in document.blocks if b.kind in PROSE_KINDS), None)
        if first is not None and any(block is first for block in blocks):
            for hit in self._scored(first, document_metrics(document.blocks)):
                yield first, hit

    def hits(self, block):
        """Hits past the rule's thresholds for this block.

        Most blocks are within every threshold: those return an empty tuple
        after one look at the block's memoised counts, before any scoring.
        """
        if block.kind not in PROSE_KINDS:
            return ()
        if self.measure == "sentence":
            if longest_sentence(block) <= self.max_words:
                return ()
            return [self._hit(start, end, words=count)
                    for start, end, count in sentence_lengths(block) if count > self.max_words]
        if self.measure == "paragraph":
            words, sentences, syllables = block_counts(block)
            if not words or words < self.min_words:
                return ()
            return self._judged(block, words, *flesch_scores(words, sentences, syllables))
        return ()  # a document rule judges the document (see hits_in)

    def _scored(self, block, metrics: dict) -> list[Hit]:
        if not metrics:
            return []
        return self._judged(block, metrics["words"], metrics["flesch_reading_ease"],
                            metrics["flesch_kincaid_grade"])

    def _judged(self, block, words: int, flesch: float, grade: float) -> list[Hit]:
        too_hard = (self.min_flesch is not None and flesch < self.min_flesch) or (
            self.max_grade is not None and grade > self.max_grade)
        if words < self.min_words or not too_hard:
            return []
        sentences = block_sentences(block)
        end = sentences[0].end if self.measure == "document" and sentences else len(block.text)
        return [self._hit(0, end, flesch=flesch, grade=grade, words=words)]

    def _hit(self, start: int, end: int, **values) -> Hit:
        values.update(max_words=self.max_words, min_flesch=self.min_flesch, max_grade=self.max_grade)
        return Hit(self.rule, start, end, self.rule.format_message(**values), no_fix=True)


def build(rules, context):
    """One checker for every readability rule."""
    return [PerRuleChecker(rules, ReadabilityRule)]
