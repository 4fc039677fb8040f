"""The speller's short cuts change no finding: chunks and words judged once
per process, chunks known clean dropped by one set difference, and only the
sentences that hold a flaggable word read word by word. Its findings are
compared with a plain reading that judges every word of every sentence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from lint.config.settings import Settings
from lint.check import prefilter
from lint.check.terms import DocumentTerms
from lint.check.prefilter import DocumentText
from lint.check.kinds import lexicon, spelling
from lint.ruleset.loader import build_ruleset
from lint.check.text import split_sentences
from lint.model import Block

SPELLER = next(c for c in build_ruleset(Settings()).checkers if isinstance(c, spelling.SpellingChecker))

# Known and unknown words, names, contractions, compounds, identifiers, other
# scripts and the punctuation around them.
WORDS = ["the", "The", "function", "returns", "teh", "Teh", "recieve", "Zorblat", "zorblat", "Zorblat’s",
         "Bo", "Manhui", "Sinochem", "Liehong", "TravelSky", "o’clock", "rock'n'roll", "don't", "can’t",
         "well-knwn", "non-Rustic", "re-entrant", "utf-8", "src/main.rs", "main_loop", "user@host",
         "example.com", "Straße", "naïve", "Ærø", "ſtate", "İstanbul", "Δοκιμή", "macOS", "HTTP", "ok",
         "xq", "Deutsch", "backtrace", "colour", "unwrap", "2nd", "-flag", "'quoted'", "“Smart”"]
PUNCTUATION = [" ", " ", " ", ", ", ". ", "? ", "! ", " (", ") ", ": ", "\n", " — ", "’ ", "…"]


def paragraphs():
    piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION))
    return st.lists(piece, min_size=1, max_size=14).map("".join)


def documents():
    block = st.tuples(paragraphs(), st.sampled_from(["paragraph", "heading", "list-item"]))
    return st.lists(st.lists(block, min_size=1, max_size=5), min_size=1, max_size=3)


def read_word_by_word(blocks: list[Block]) -> list[tuple]:
    """The findings of a document as the speller defines them, without its
    short cuts: every word judged on its own, names learnt from every sentence."""
    def could_flag(word: str) -> bool:
        return bool(spelling._LATIN_WORD.fullmatch(word)) and any(SPELLER._unknown_parts(word))

    sentences = [[list(spelling._TOKEN.finditer(block.text, s.start, s.end)) for s in split_sentences(block.text)]
                 for block in blocks]
    names = {
        match.group() for block_sentences in sentences for tokens in block_sentences
        for index, match in enumerate(tokens) if match.group()[0].isupper()
        and (index > 0 or tokens[index + 1:index + 2] and tokens[index + 1].group()[:1].isupper())}
    terms = DocumentTerms("\n".join(block.text for block in blocks), [block.text for block in blocks])
    found = []
    for number, (block, block_sentences) in enumerate(zip(blocks, sentences)):
        for tokens in block_sentences:
            words = [match.group() for match in tokens]
            for index, match in enumerate(tokens):
                word = match.group()
                if not could_flag(word) or SPELLER._is_name(word, index, words, block.kind, names) \
                        or SPELLER._is_technical(block.text, match):
                    continue
                for start, end in SPELLER._unknown_parts(word):
                    start, end = match.start() + start, match.start() + end
                    if terms.is_term(block.text[start:end]):
                        continue  # the document's own term ("colour colour colour")
                    found += [(number, hit.start, hit.end, hit.message, hit.replacements)
                              for hit in SPELLER._hits(block.text[start:end], start, end)]
    return found


def engine_findings(blocks: list[Block]) -> list[tuple]:
    """The findings as the engine gets them (one check_document call)."""
    number = {id(block): n for n, block in enumerate(blocks)}
    return [(number[id(block)], hit.start, hit.end, hit.message, hit.replacements)
            for block, hit in SPELLER.check_document(DocumentText(blocks))]


def engine_flagged(text: str) -> list[str]:
    """The words the speller flags in a one-paragraph document."""
    blocks = [Block.verbatim(text, 0, "paragraph")]
    return [text[start:end] for _, start, end, _, _ in engine_findings(blocks)]


@settings(max_examples=300, deadline=None)
@given(documents())
def test_speller_finds_what_a_word_by_word_reading_finds(documents):
    """Several documents in turn through one speller, so each meets the
    chunks and words the earlier ones left judged."""
    for texts in documents:
        blocks = [Block.verbatim(text, 0, kind) for text, kind in texts]
        fast = engine_findings(blocks)
        prefilter.ENABLED = False
        try:
            one_by_one = engine_findings(blocks)  # every block read, none skipped by the gate
        finally:
            prefilter.ENABLED = True
        assert one_by_one == fast
        assert read_word_by_word(blocks) == fast


def test_the_frequency_list_does_not_decide_spelling():
    """The frequency list holds misspellings ("useable", "imbedded" are among
    its words); the Hunspell dictionary decides, and the accept vocabulary
    adds "backtrace"."""
    counts = lexicon.word_counts()
    assert "useable" in counts and "imbedded" in counts
    assert engine_flagged("a useable list holds teh words, backtrace and imbedded ones.") == [
        "useable", "teh", "imbedded"]


def test_forgetting_the_chunks_keeps_the_findings(monkeypatch):
    """The chunks known to hold no flaggable word are forgotten past a
    limit (a long run over many books); nothing found changes."""
    from lint.read import read_document
    from lint.segment import segment

    paths = [FIXTURES / "article.txt", *sorted((FIXTURES / "markup").glob("article.*"))]
    documents = [segment(read_document(path), Settings()) for path in paths]
    remembering = [engine_findings(blocks) for blocks in documents]
    assert any(remembering)
    monkeypatch.setattr(spelling, "_MAX_CLEAN_CHUNKS", 0)
    assert [engine_findings(blocks) for blocks in documents] == remembering
    assert len(SPELLER._clean_chunks) < 5_000  # cleared before each document's chunks are added


def test_gate_reads_only_the_blocks_with_an_unknown_word():
    """"dyn" is in "dynamic": the search of the lowered text finds that block
    too, and its words clear it; the speller reads only the block with "dyn"."""
    blocks = [Block.verbatim(text, 0, "paragraph") for text in
              ("Dynamic dispatch is dynamic.", "Write dyn here.", "Nothing unknown.")]
    document = DocumentText(blocks)
    assert prefilter.ENABLED
    gate, _ = SPELLER.survey(document)
    assert [block.text for block in gate.select(blocks)] == ["Write dyn here."]
    assert [block.text[hit.start:hit.end] for block, hit in SPELLER.check_document(document)] == ["dyn"]
