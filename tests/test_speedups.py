"""Offsets and output, made fast without changing an answer: SourceMap as
Block's own span scan, LineIndex as a reader counts lines, and the JSON
report byte for byte as the json module writes it."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.model import SourceMap
from lint.positions import LineIndex
from lint.model import Block, Span


@st.composite
def blocks(draw):
    """Blocks whose spans are in text order without overlap, with gaps
    (decoded entities, soft breaks) and empty spans between them."""
    spans, text_at, source_at = [], 0, 0
    for _ in range(draw(st.integers(0, 8))):
        text_at += draw(st.integers(0, 3))
        source_at += draw(st.integers(0, 5))
        length = draw(st.integers(0, 6))
        spans.append(Span(text_at, source_at, length))
        text_at += length
        source_at += length
    text_at += draw(st.integers(0, 3))
    return Block("x" * text_at, "paragraph", tuple(spans))


def naive_to_source(spans, offset, is_end=False):
    """The definition the fast map must agree with: scan every span."""
    if not spans:
        return 0
    for span in spans:
        if span.text_start <= offset <= span.text_start + span.length:
            if is_end or offset < span.text_start + span.length:
                return span.source_start + offset - span.text_start
    before = [s for s in spans if s.text_start + s.length <= offset]
    if is_end and before:
        return before[-1].source_start + before[-1].length
    after = [s for s in spans if s.text_start >= offset]
    if after:
        return after[0].source_start
    return spans[-1].source_start + spans[-1].length


def naive_is_verbatim(spans, start, end):
    return any(s.text_start <= start and end <= s.text_start + s.length for s in spans)


@settings(max_examples=300, deadline=None)
@given(blocks(), st.data())
def test_source_map_matches_block(block, data):
    size = len(block.text)
    offset = data.draw(st.integers(0, size + 2))
    other = data.draw(st.integers(0, size + 2))
    fast = block.source_map()
    assert fast.to_source(offset) == naive_to_source(block.spans, offset)
    assert fast.to_source(offset, is_end=True) == naive_to_source(block.spans, offset, is_end=True)
    start, end = min(offset, other), max(offset, other)
    assert fast.is_verbatim(start, end) == naive_is_verbatim(block.spans, start, end)
    assert block.is_verbatim(start, end) == fast.is_verbatim(start, end)


def test_source_map_of_a_verbatim_block_is_a_shift():
    block = Block.verbatim("hello world", 40)
    fast = SourceMap(block.spans)
    assert [fast.to_source(i) for i in (0, 6, 11)] == [40, 46, 51]
    assert fast.is_verbatim(0, 11) and not fast.is_verbatim(0, 12)


def test_line_index_counts_lines_and_columns_for_every_newline_style():
    text = "one\ntwo\r\nthree\rfour"
    index = LineIndex(text)
    assert index.line_col(text.index("two")) == (2, 1)
    assert index.line_col(text.index("hree")) == (3, 2)
    assert index.line_col(text.index("four")) == (4, 1)
    assert index.line_text(2) == "two"


def test_json_names_severity_and_fix_tier_apart():
    # Severity.WARNING and Applicability.SAFE are both 2: each keeps its own name.
    from pathlib import Path

    from lint.run.pipeline import FileResult
    from lint.render.json_format import render
    from lint.model import Applicability, Document, Edit, Finding, Fix, Severity

    text = "Teh end."
    fix = Fix((Edit(0, 3, "The"),), Applicability.SAFE)
    finding = Finding("typos.misspelling", Severity.WARNING, "typos", "misspelled", 0, 3, ("The",), fix)
    result = FileResult(Path("a.txt"), Document(Path("a.txt"), text, "text"), [finding])
    entry = json.loads(render([result], None))["files"][0]["findings"][0]
    assert (entry["severity"], entry["fix"]["applicability"]) == ("warning", "safe")
    assert (entry["line"], entry["column"], entry["text"]) == (1, 1, "Teh")


WORDS = st.text(alphabet=st.sampled_from(list("abcdefghilmnorstuyéœ'’-.,;“” \n")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(WORDS)
def test_syllable_count_is_textstats(text):
    import textstat

    from lint.check.metrics import syllable_count

    assert syllable_count(text) == textstat.syllable_count(text)


def test_syllable_table_is_kept_between_runs(tmp_path, monkeypatch):
    import subprocess
    import sys

    from lint.check.metrics import SyllableTable

    import textstat

    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    expected = textstat.syllable_count("readability")
    table = SyllableTable()
    assert table.count("readability") == expected
    table.save()
    saved = list((tmp_path / "syllables").iterdir())
    assert len(saved) == 1 and f"readability {expected}" in saved[0].read_text()
    assert SyllableTable().count("readability") == expected
    # A second check of the same article needs no textstat (0.4 s a process).
    script = ("import sys; from lint.cli import main; "
              "main(['check', 'fixtures/article.txt', '--no-languagetool', '--no-cache', '-f', 'json']); "
              "print('textstat' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           cwd=Path(__file__).parent.parent) for _ in range(2)]
    assert [run.stdout.strip().splitlines()[-1] for run in runs] == ["True", "False"], runs[1].stderr


def test_syllable_tables_of_versions_gone_a_month_are_removed(tmp_path, monkeypatch):
    import os
    import time

    from lint.check.metrics import SyllableTable

    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "syllables"
    folder.mkdir()
    old, recent = folder / "syllables-0000000000000000.txt", folder / "syllables-1111111111111111.txt"
    for path in (old, recent):
        path.write_text("reading 2\n", encoding="utf-8")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    table = SyllableTable()
    table.count("unprecedentedly")
    table.save()
    assert not old.exists() and recent.exists()  # another installation may still use the recent one
    assert any("unprecedentedly" in path.read_text() for path in folder.iterdir())


def test_cached_table_is_built_once_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    from lint.store.datacache import cached_table

    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"word": 3}

    assert cached_table("demo", "v1", build) == {"word": 3}
    assert cached_table("demo", "v1", build) == {"word": 3}
    assert len(builds) == 1
    (stored,) = (tmp_path / "tables").iterdir()
    stored.write_bytes(b"\x00garbage")
    assert cached_table("demo", "v1", build) == {"word": 3}
    assert cached_table("demo", "v2", build) == {"word": 3}  # new inputs: built anew
    assert len(builds) == 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab’'-.!?\"” \n\t1")), max_size=80))
def test_block_word_count_is_the_sum_of_its_sentences(text):
    from lint.check import metrics
    from lint.check.text import block_sentences, word_count

    block = Block(text, "paragraph", (Span(0, 0, len(text)),))
    words, sentences, _ = metrics.block_counts(block)
    assert words == word_count(text)
    assert sentences == (max(1, len(block_sentences(block))) if words else 0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé1_’'- .\n-ß")), max_size=60))
def test_speller_finds_the_same_distinct_words_run_by_run(text):
    from lint.check.kinds.spelling import _TOKEN, _distinct_tokens

    assert _distinct_tokens([text]) == set(_TOKEN.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_word_patterns_find_what_the_unicode_ones_do(text):
    import re

    from lint.check import prefilter
    from lint.check.text import ASCII_WORD_RE, WORD_RE

    assert ASCII_WORD_RE.findall(text) == WORD_RE.findall(text)
    lowered = text.lower()
    assert prefilter._ASCII_LETTER_RUN.findall(lowered) == re.findall(r"[^\W\d_]+", lowered)
    assert prefilter._LETTER_RUN.pattern == r"[^\W\d_]+"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["e.g.", "Dr.", "J.", "x" * 45 + ".", "a", "b", ".", " ", "!", "?", "\n",
                                 "”", ")", "Etc.", "word"]), max_size=30).map("".join))
def test_sentence_split_looks_only_at_the_word_before_a_full_stop(text):
    """Abbreviations are judged on the last 40 characters only; the answer is
    what splitting the whole sentence so far gives."""
    from lint.check import text as text_module

    def whole_prefix(text_, start, end):
        before = text_[start:end].split()
        last = before[-1].lower().rstrip(".") if before else ""
        return last in text_module._ABBREVIATIONS or (len(last) == 1 and last.isalpha())

    fast = [(s.start, s.end) for s in text_module.split_sentences(text)]
    original = text_module._is_abbreviation
    text_module._is_abbreviation = whole_prefix
    try:
        slow = [(s.start, s.end) for s in text_module.split_sentences(text)]
    finally:
        text_module._is_abbreviation = original
    assert fast == slow


def _learn_and_save(words, barrier):
    from lint.check.metrics import SyllableTable

    table = SyllableTable()
    for word in words:
        table.count(word)
    barrier.wait(30)  # all four append at the same moment
    table.save()


def test_syllable_table_appends_from_parallel_workers_never_tear(tmp_path, monkeypatch):
    """Four processes append 30 KB batches at once; every line read back is
    whole and gives textstat's count."""
    import multiprocessing

    import textstat

    from lint.check.metrics import SyllableTable

    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    batches = [[f"{stem}{n}x" for n in range(2500)] for stem in ("alpha", "bedo", "cata", "dimo")]
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(batches))
    workers = [context.Process(target=_learn_and_save, args=(batch, barrier)) for batch in batches]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    known = SyllableTable().known()
    assert len(known) == 10_000
    for word in batches[0][::97] + batches[3][::89]:
        assert known[word] == textstat.syllable_count(word)
    (table,) = (tmp_path / "syllables").iterdir()
    assert all(len(line.split(" ")) == 2 for line in table.read_text().splitlines())


def test_an_inverted_range_is_not_verbatim_and_does_not_crash():
    """Block and its map once answered an inverted range differently (one crashed)."""
    block = Block.verbatim("hello world", 40)
    assert block.is_verbatim(5, 3) is False
    assert block.source_map().is_verbatim(5, 3) is False
