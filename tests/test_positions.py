"""Offsets: the fast SourceMap answers exactly as Block's own span scan, and
LineIndex gives the lines and columns a reader counts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.positions import LineIndex, SourceMap
from lint.types import Block, Span


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


@settings(max_examples=300, deadline=None)
@given(blocks(), st.data())
def test_source_map_matches_block(block, data):
    size = len(block.text)
    offset = data.draw(st.integers(0, size + 2))
    other = data.draw(st.integers(0, size + 2))
    fast = SourceMap(block)
    assert fast.to_source(offset) == block.to_source(offset)
    assert fast.to_source(offset, is_end=True) == block.to_source(offset, is_end=True)
    start, end = min(offset, other), max(offset, other)
    assert fast.is_verbatim(start, end) == block.is_verbatim(start, end)


def test_source_map_of_a_verbatim_block_is_a_shift():
    block = Block.verbatim("hello world", 40)
    fast = SourceMap(block)
    assert [fast.to_source(i) for i in (0, 6, 11)] == [40, 46, 51]
    assert fast.is_verbatim(0, 11) and not fast.is_verbatim(0, 12)


def test_line_index_counts_lines_and_columns_for_every_newline_style():
    text = "one\ntwo\r\nthree\rfour"
    index = LineIndex(text)
    assert index.line_col(text.index("two")) == (2, 1)
    assert index.line_col(text.index("hree")) == (3, 2)
    assert index.line_col(text.index("four")) == (4, 1)
    assert index.line_text(2) == "two"
