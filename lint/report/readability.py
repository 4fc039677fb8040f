"""The readability panel: the document's scores and its hardest sentences."""

from __future__ import annotations

from dataclasses import dataclass

from lint.check.metrics import sentence_grades
from lint.model import Block
from lint.positions import LineIndex
from lint.report.inline_code import readable

HARDEST_SHOWN = 5
_MIN_WORDS = 6  # a grade for a three-word sentence means nothing


@dataclass(frozen=True)
class Score:
    """One figure of the panel, with what it means for an editor."""

    label: str
    value: object
    meaning: str


@dataclass(frozen=True)
class HardSentence:
    """A sentence with its grade level and where it is."""

    text: str
    grade: float
    words: int
    line: int


def scores(metrics: dict) -> list[Score]:
    """The document-level figures from FileResult.metrics, explained."""
    if not metrics:
        return []
    ease = metrics.get("flesch_reading_ease")
    return [
        Score("Flesch reading ease", ease, _ease_meaning(ease)),
        Score("Flesch–Kincaid grade", metrics.get("flesch_kincaid_grade"),
              "US school grade needed to follow the text; news copy aims for 8–10."),
        Score("Words", metrics.get("words"), ""),
        Score("Sentences", metrics.get("sentences"), ""),
        Score("Words per sentence", metrics.get("words_per_sentence"),
              "Averages above 20 tire readers."),
    ]


def _ease_meaning(ease) -> str:
    if ease is None:
        return ""
    bands = [(90, "very easy"), (70, "easy"), (60, "plain English"), (50, "fairly difficult"),
             (30, "difficult"), (float("-inf"), "very difficult: graduate-level reading")]
    band = next(name for floor, name in bands if ease >= floor)
    return f"0–100, higher is easier: {band}."


def hardest_sentences(text: str, blocks: list[Block], limit: int = HARDEST_SHOWN) -> list[HardSentence]:
    """The prose sentences with the highest grade level, hardest first."""
    index = LineIndex(text)
    graded = []
    for block in blocks:
        if block.kind == "heading":
            continue
        for sentence, count, grade in sentence_grades(block):
            if count < _MIN_WORDS:
                continue
            line, _ = index.line_col(block.to_source(sentence.start))
            shown = readable(block, text, sentence.start, sentence.end)
            graded.append(HardSentence(" ".join(shown.split()), grade, count, line))
    graded.sort(key=lambda s: (-s.grade, s.line))
    return graded[:limit]
