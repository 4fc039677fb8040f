"""Readability counts, made fast without changing a figure: sentences split
as the straightforward splitter splits them, words and syllables counted
token by token as `words` and textstat count them in the whole text, and a
document's summary as the sums of its blocks."""

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.check import metrics
from lint.check import text as text_module
from lint.model import Block, Span

# Tokens (words, abbreviations, initials, numbers, long words, letters in
# other scripts) each followed by sentence-end punctuation or none, then by
# white space of every kind the splitters see (no-break space, line
# separator, an ASCII separator) or none.
TOKEN = st.sampled_from([
    "word", "Rust’s", "e.g", "Dr", "J", "a", "I", "x" * 45, "etc", "U.S", "1.31", "well-known", "(see",
    "“quoted", "don't", "snake_case", "__init__", "²", "İx", "ΑΣ", "café", "—", "-", "", "Sept", "approx",
    "`code`", "*stress*", "[link]", "{x}", "'", "‘single’", "(ΑΣ)", "x-", "'x-'",
])
END = st.sampled_from(["", "", ".", "!", "?", "...", ".”", "!)", "?]", ".'", ",", ":", "”"])
SPACE = st.sampled_from([" ", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\x1c", ""])
PROSE = st.lists(st.tuples(TOKEN, END, SPACE).map("".join), max_size=25).map("".join)


def reference_split(text):
    """The splitter before it was made fast: a regex for sentence ends, the
    whole sentence so far searched for the word before a full stop, then
    each chunk stripped."""
    sentences, start = [], 0

    def append(begin, end):
        chunk = text[begin:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            sentences.append((begin + lead, begin + lead + len(chunk.strip()), chunk.strip()))

    def is_abbreviation(end):
        before = text[start:end].split()
        last = before[-1].lower().rstrip(".") if before else ""
        return last in text_module._ABBREVIATIONS or (len(last) == 1 and last.isalpha())

    for match in re.finditer(r"[.!?]+[\"”’')\]]*(?=\s+|$)", text):
        if text[match.start()] == "." and is_abbreviation(match.start()):
            continue
        append(start, match.end())
        start = match.end()
    append(start, len(text))
    return sentences


@settings(max_examples=500, deadline=None)
@given(PROSE)
def test_sentences_are_split_as_the_straightforward_splitter_splits_them(text):
    sentences = text_module.split_sentences(text)
    assert [(s.start, s.end, s.text) for s in sentences] == reference_split(text)
    assert all(text[s.start:s.end] == s.text for s in sentences)


@settings(max_examples=500, deadline=None)
@given(PROSE)
def test_tokens_give_the_words_and_syllables_of_the_whole_text(text):
    import textstat

    assert metrics.TOKENS.counts(text) == (len(text_module.words(text)), textstat.syllable_count(text))
    assert metrics.syllable_count(text) == textstat.syllable_count(text)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_a_block_is_measured_as_its_sentences_are(text):
    import textstat

    block = Block(text, "paragraph", (Span(0, 0, len(text)),))
    sentences = text_module.split_sentences(text)
    lengths = [(s.start, s.end, len(text_module.words(s.text))) for s in sentences]
    assert metrics.sentence_lengths(block) == lengths
    words = sum(n for _, _, n in lengths)
    expected = (words, max(1, len(sentences)), textstat.syllable_count(text)) if words else (0, 0, 0)
    assert metrics.block_counts(block) == expected
    assert metrics.longest_sentence(block) == max((n for _, _, n in lengths), default=0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(PROSE, st.sampled_from(["paragraph", "heading", "list-item", "alt-text"])),
                max_size=6))
def test_document_figures_are_the_sums_of_its_prose_blocks(parts):
    """The summary of a document: its prose blocks' counts added up, scored
    with textstat's formulas; headings and alt text left out."""
    import textstat

    blocks = [Block(text, kind, (Span(0, 0, len(text)),)) for text, kind in parts]
    prose = [b.text for b in blocks if b.kind in metrics.PROSE_KINDS]
    figures = metrics.document_metrics(blocks)
    worded = [text for text in prose if text_module.words(text)]
    if not worded:
        assert figures == {}
        return
    words = sum(len(text_module.words(text)) for text in worded)
    sentences = sum(max(1, len(text_module.split_sentences(text))) for text in worded)
    per_sentence = words / sentences
    per_word = sum(textstat.syllable_count(text) for text in worded) / words
    assert figures == {
        "words": words,
        "sentences": sentences,
        "words_per_sentence": round(per_sentence, 1),
        "flesch_reading_ease": round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
        "flesch_kincaid_grade": round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
        "longest_sentence_words": max(len(text_module.words(s.text))
                                      for text in prose for s in text_module.split_sentences(text)),
    }


def test_readability_rules_report_only_past_their_thresholds():
    from lint.check.kinds.readability import ReadabilityRule
    from lint.run.pipeline import Linter

    _, ruleset, _ = Linter().setup_for(Path(__file__))
    rules = {c.measure: c for checker in ruleset.checkers for c in getattr(checker, "compiled", [])
             if isinstance(c, ReadabilityRule)}
    long_sentence = rules["sentence"]
    words = long_sentence.max_words + 3
    text = "Short one. " + " ".join(["word"] * words) + ". Fine."
    block = Block(text, "paragraph", (Span(0, 0, len(text)),))
    (hit,) = long_sentence.hits(block)
    assert text[hit.start:hit.end] == " ".join(["word"] * words) + "."
    assert str(words) in hit.message
    assert not long_sentence.hits(Block(text, "heading", (Span(0, 0, len(text)),)))
    short = Block("Short one. Fine.", "paragraph", (Span(0, 0, 16),))
    assert not any(rule.hits(short) for rule in rules.values())
