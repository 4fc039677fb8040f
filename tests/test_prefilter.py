"""The regex speed-ups change no answer: a shipped rule's pattern, led by
its first-character lookahead, matches exactly where the plain pattern
does; its required literals occur wherever it matches; and a document
checked with the block prefilter gets the findings it gets without it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from lint.config.settings import Settings
from lint.check.engine import run_rules
from lint.check import prefilter
from lint.check.prefilter import DocumentText
from lint.ruleset.loader import build_ruleset, load_rule_specs
from lint.ruleset.regexes import DIGITS, compile_safe, fold, required_literals
from lint.model import Block

SPECS, _, _ = load_rule_specs(Settings().all_rule_dirs())
# Every regex of the shipped packs that compiles as written ({verb} ones are templates).
PATTERNS = sorted({(p, re.IGNORECASE if spec.options.get("ignorecase", True) else 0)
                   for spec in SPECS for p in spec.options.get("patterns", []) if "{" not in p})
SNIPPETS = [text for spec in SPECS for text in spec.examples.flag + spec.examples.allow]


def texts():
    """Rule examples, cut and joined with random prose, digits and symbols."""
    noise = st.text(alphabet=st.sampled_from(list("abcdeflyinternt 0123456789$%,.;:-’'\n\u00a0ſKıİ٣ςΣ")), max_size=30)
    piece = st.one_of(st.sampled_from(SNIPPETS), noise)
    return st.lists(piece, min_size=1, max_size=4).map(" ".join)


def test_the_shipped_packs_have_patterns_to_check():
    assert len(PATTERNS) > 20


@pytest.mark.parametrize("pattern,flags", PATTERNS, ids=[p[:40] for p, _ in PATTERNS])
def test_fast_pattern_matches_where_the_plain_one_does(pattern, flags):
    fast, plain = compile_safe(pattern, flags), re.compile(pattern, flags)
    literals = required_literals(fast)

    @settings(max_examples=150, deadline=None)
    @given(texts())
    def same_matches(text):
        spans = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == spans
        # Case-insensitive matches keep their literals once folded (ſ → s,
        # ı → i); only \d reaches past ASCII digits, and the prefilter knows.
        if spans and literals is not None and (text.isascii() or literals != DIGITS):
            assert any(literal in fold(text) for literal in literals)

    same_matches()


def test_required_literals_of_common_shapes():
    def needs(pattern, flags=re.IGNORECASE):
        return required_literals(re.compile(pattern, flags))

    assert needs(r"\bthe\s+(?:largest|first)\b") == {"largest", "first"}
    assert needs(r"(?<=\band )(?P<word>internet)(?=\s+is)") == {"internet"}
    assert needs(r"[ \t]{2,}") == {"  ", " \t", "\t ", "\t\t"}  # a small class multiplies
    assert needs(r"(?<=[a-z]) +(?:[,;]|\.(?!\w))") == {" ,", " ;", " ."}  # then what follows
    assert needs(r"ab{10}c") == {"abbbbbbbb"}  # eight copies, and no "c" after them
    assert needs(r"(?<!\w)(?P<word>[a-z]{2,}ly)-(?P<next>[a-z]+)") == {"ly-"}  # through a group
    assert needs(r"[a-z]{2,}") is None  # a range is too many strings
    assert needs(r"(?:\d+ million|\d+ ?%)") == DIGITS  # "%" alone is too short, a digit is not
    assert needs(r" {2,}") == {"  "}
    assert needs(r"\b\d+\s?%") == set("0123456789")
    assert needs(r"a|bc") is None  # one letter is not worth a search
    assert needs(r"(?:word)?s") is None


# Shapes the run-of-strings analysis handles: classes, repeats, what follows.
SHAPES = [r"[ \t]{2,}", r" +[,;]", r"(?P<w>[a-c]+ly)-(?P<n>[a-c]+)", r"ab{3}c", r"x +y", r"(?:[ab]c|d[ef])g", r"[ab]{3}",
          r"(?:foo|ba[rz])+!", r"q(?=[uv])[uv]w", r"(?<=[a-c]) +(?P<m>[,;]|\.(?!\w))",
          r"\b\d[\d,.]*\s?(?:%|per\s?cent)|[$]\d+ ?(?:bn|m)\b"]


@pytest.mark.parametrize("pattern", SHAPES)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("abcdefgquvwxyzorbml-$%01 ,;.!\t")), max_size=40))
def test_required_literals_occur_in_every_match(pattern, text):
    compiled = re.compile(pattern, re.IGNORECASE)
    literals = required_literals(compiled)
    assert literals is not None, pattern
    for match in compiled.finditer(text):
        assert any(literal in fold(text) for literal in literals), (match.group(), literals)


RULES = build_ruleset(Settings())


@settings(max_examples=200, deadline=None)
@given(st.lists(texts(), min_size=1, max_size=6))
def test_prefiltered_document_gets_the_same_findings(paragraphs):
    def findings(enabled: bool):
        prefilter.ENABLED = enabled
        try:
            return run_rules([Block.verbatim(text, 0, "paragraph") for text in paragraphs], RULES)
        finally:
            prefilter.ENABLED = True

    assert findings(True) == findings(False)


def test_prefilter_skips_blocks_and_keeps_findings_on_real_documents():
    """The seed article and the markup fixtures: same findings, fewer blocks read."""
    from lint.read import read_document
    from lint.segment import segment

    paths = [FIXTURES / "article.txt", *sorted((FIXTURES / "markup").glob("article.*"))]
    for path in paths:
        blocks = segment(read_document(path), Settings())
        prefilter.ENABLED = True
        fast = run_rules(blocks, RULES)
        repetition = next(c for c in RULES.checkers if type(c).__name__ == "RepetitionChecker")
        gate = repetition.gate(DocumentText(blocks))
        assert gate.candidates is not None and len(gate.candidates) < len(blocks)
        prefilter.ENABLED = False
        try:
            assert run_rules(blocks, RULES) == fast, path
        finally:
            prefilter.ENABLED = True


def test_letters_ignorecase_folds_are_found_by_the_prefilter():
    """"İnternet", "ınternet" and "ſtate" match /internet/i and /state/i;
    lower() alone would hide them from the literal search."""
    from lint.check.prefilter import DocumentText

    for pattern, text in ((r"\binternet\b", "The İnternet is here."), (r"\binternet\b", "An ınternet law."),
                          (r"\bstate\b", "The ſtate owns it."), (r"οδος", "Η ΟΔΟΣ ΕΙΝΑΙ.")):
        compiled = compile_safe(pattern, re.IGNORECASE)
        assert compiled.search(text)
        blocks = [Block.verbatim("Nothing to see.", 0), Block.verbatim(text, 20)]
        gate = DocumentText(blocks).blocks_with(required_literals(compiled))
        assert gate == {id(blocks[1])}, (pattern, text)


def test_word_groups_become_tries_only_where_that_changes_no_match():
    from lint.ruleset.regexes import word_alternations_as_tries as as_tries

    assert as_tries(r"\b(?:many|most|some)\s") == r"\b(?:(?:m(?:any|ost)|some))\s"
    assert as_tries(r"(?:lab|laboratory)s?") == r"(?:lab|laboratory)s?"  # a prefix: order matters
    assert as_tries(r"(?:Few|fewer)") == r"(?:Few|fewer)"  # a prefix, ignoring case
    assert as_tries(r"[(?:a|b)]") == r"[(?:a|b)]"  # inside a class
    assert as_tries(r"\(?:ab|cd)") == r"\(?:ab|cd)"  # an escaped bracket


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet="abcAB", min_size=1, max_size=4), min_size=2, max_size=6),
       tail=st.sampled_from(["", r"\b", r"s?", r"\s+(\w+)"]),
       text=st.text(alphabet="abcAB s", max_size=40))
def test_a_word_group_as_a_trie_matches_where_the_group_does(words, tail, text):
    from lint.ruleset.regexes import word_alternations_as_tries as as_tries

    pattern = rf"(?:{'|'.join(words)}){tail}"
    for flags in (0, re.IGNORECASE):
        plain, trie = re.compile(pattern, flags), re.compile(as_tries(pattern), flags)
        assert [(m.span(), m.groups()) for m in trie.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]
