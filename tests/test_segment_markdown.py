"""Markdown segmentation: block kinds, what is left out, and exact offsets."""

from __future__ import annotations

from conftest import blocks_of, source_of
from lint.segment import PLACEHOLDER


def _blocks(source: str):
    return blocks_of(source, "markdown")



def test_each_construct_gets_its_kind():
    source = ("# Title words\n\nA paragraph here.\n\n- first item\n- second item\n\n"
              "> quoted words\n\n| Head | Other |\n| --- | --- |\n| cell one | cell two |\n\n"
              "![alt words](pic.png)\n")
    kinds = [(b.kind, b.text) for b in _blocks(source)]
    assert kinds == [("heading", "Title words"), ("paragraph", "A paragraph here."),
                     ("list-item", "first item"), ("list-item", "second item"),
                     ("quote", "quoted words"), ("table-cell", "Head"), ("table-cell", "Other"),
                     ("table-cell", "cell one"), ("table-cell", "cell two"),
                     ("alt-text", "alt words")]


def test_code_front_matter_comments_and_tags_are_not_prose():
    source = ("---\ntitle: secret\n---\n\nVisible `hidden` text.\n\n```\nhidden\n```\n\n"
              "    hidden indented\n\n<!-- hidden -->\n<div class=\"hidden\">Raw HTML words</div>\n\n"
              "See <https://hidden.example> and https://hidden.example/x now.\n")
    text = "\n".join(b.text for b in _blocks(source))
    assert "hidden" not in text and "secret" not in text
    assert f"Visible {PLACEHOLDER} text." in text
    assert f"See {PLACEHOLDER} and {PLACEHOLDER} now." in text
    assert "Raw HTML words" in text  # text inside raw HTML is prose, its tags are not


def test_inline_markup_is_stripped_but_offsets_stay_exact():
    source = "Some **bold _nested_ words** and [link text](http://x.y \"title\") end.\n"
    (block,) = _blocks(source)
    assert block.text == "Some bold nested words and link text end."
    for word in ("bold", "nested", "words", "link text", "end"):
        assert source_of(block, source, word) == word


def test_entities_and_escapes_map_to_the_whole_construct_and_block_fixes():
    source = "Fish &amp; chips \\* and path&nbsp;way.\n"
    (block,) = _blocks(source)
    assert block.text == "Fish & chips * and path\xa0way."
    assert source_of(block, source, "&") == "&amp;"
    assert source_of(block, source, "*") == "\\*"
    at = block.text.index("path")
    assert source_of(block, source, "path\xa0way") == "path&nbsp;way"
    assert not block.is_verbatim(at, at + len("path\xa0way"))
    assert block.is_verbatim(at, at + len("path"))


def test_quotes_lists_and_crlf_lines_map_back():
    source = "> first line\r\n> second words\r\n\r\n- item one\r\n  continued here\r\n"
    quote, item = _blocks(source)
    assert (quote.kind, quote.text) == ("quote", "first line\nsecond words")
    assert (item.kind, item.text) == ("list-item", "item one\ncontinued here")
    assert source_of(quote, source, "second words") == "second words"
    assert source_of(item, source, "continued") == "continued"


def test_escaped_pipe_in_a_table_cell_maps_around_the_backslash():
    source = "| a | b |\n| - | - |\n| x \\| y misspelt | z |\n"
    cells = [b for b in _blocks(source) if b.kind == "table-cell"]
    assert cells[2].text == "x | y misspelt"
    assert source_of(cells[2], source, "misspelt") == "misspelt"


def test_alt_text_offsets_point_into_the_brackets():
    source = "Intro ![the *alt* words](a.png) outro.\n"
    paragraph, alt = _blocks(source)
    assert paragraph.text == f"Intro {PLACEHOLDER} outro."
    assert alt.kind == "alt-text" and alt.text == "the alt words"
    assert source_of(alt, source, "words") == "words"
    assert source.index("words") == alt.to_source(alt.text.index("words"))


def test_github_alert_marker_is_not_prose_and_the_alert_is_an_admonition():
    source = "> [!NOTE]\n> Useful words.\n>\n> More words.\n\n> A plain quote.\n"
    assert [(b.kind, b.text) for b in _blocks(source)] == [
        ("admonition", "Useful words."), ("admonition", "More words."), ("quote", "A plain quote.")]


def test_line_breaks_and_wide_characters_map_back_exactly():
    # Wide characters shift byte offsets away from code points; bare newlines
    # stay in one verbatim run, while a newline with a marker or an
    # indentation after it is decoded, so no fix can reach the marker.
    source = ("Caf\u00e9 \u201cquoted\u201d words\nnext \U0001F600 line `code` tail\n[link\n](u) end\n\n"
              "> quote \u2014 one\n> quote two\n\n- item \u00e9\n  more words\n\nlast line\r\nafter CRLF\r\n")
    paragraph, quote, item, crlf = _blocks(source)
    assert paragraph.text == f"Caf\u00e9 \u201cquoted\u201d words\nnext \U0001F600 line {PLACEHOLDER} tail\nlink\n end"
    for word in ("quoted", "next", "line", "tail", "link", "end"):
        assert source_of(paragraph, source, word) == word
    start = paragraph.text.index("words")
    assert paragraph.is_verbatim(start, paragraph.text.index(PLACEHOLDER))  # across a bare newline
    assert quote.text == "quote \u2014 one\nquote two"
    assert source_of(quote, source, "two") == "two"
    assert not quote.is_verbatim(quote.text.index("one"), quote.text.index("two"))  # "> " is not prose
    assert item.text == "item \u00e9\nmore words"
    assert source_of(item, source, "more") == "more"
    assert not item.is_verbatim(item.text.index("\u00e9"), item.text.index("more"))  # list indentation
    assert crlf.text == "last line\nafter CRLF"
    assert source_of(crlf, source, "after") == "after"


def _tags():
    from hypothesis import strategies as st

    name = st.sampled_from(["Listing", "div", "img", "a", "span", "p"])
    attribute = st.tuples(st.sampled_from(["number", "file-name", "class", "title", "ALT", "alt", "href", "x"]),
                          st.sampled_from(["", '="1-2"', "='a > b'", "=main.rs", '="Some prose here"']))
    tag = st.one_of(
        st.builds(lambda n, attrs, close: f"<{n}{''.join(' ' + a + v for a, v in attrs)}{close}>",
                  name, st.lists(attribute, max_size=3), st.sampled_from(["", " /", "/"])),
        name.map(lambda n: f"</{n}>"),
        st.just("<!-- a comment -->"),
        st.sampled_from(["prose", "&amp;", " ", "\n"]))
    return st.lists(tag, min_size=1, max_size=5).map("".join)


def test_raw_html_skipped_as_no_prose_really_has_none():
    """The Markdown segmenter hands raw HTML to the HTML segmenter unless it
    is only tags and comments that segmenter would find no prose in."""
    from hypothesis import given, settings

    from lint.segment.html import segment_html_fragment
    from lint.segment.markdown import _NO_PROSE_HTML_RE

    @settings(max_examples=400, deadline=None)
    @given(_tags())
    def skipped_only_without_prose(html):
        if _NO_PROSE_HTML_RE.fullmatch(html):
            assert segment_html_fragment(html, 0, len(html)) == []

    skipped_only_without_prose()
    assert _NO_PROSE_HTML_RE.fullmatch('<Listing number="1-2" file-name="src/main.rs">\n')
    assert not _NO_PROSE_HTML_RE.fullmatch('<img src="a.png" alt="A diagram">')
    assert not _NO_PROSE_HTML_RE.fullmatch('<span title="A tooltip">')


def test_html_code_in_a_table_cell_is_code_not_prose():
    source = ("| Option | Meaning |\n| --- | --- |\n"
              "| <code>teh_opt</code> | Set <CODE class=\"x\">recieve_buf</code> size |\n\n"
              "Use <code>*frob*</code> here.\n")
    texts = [b.text for b in _blocks(source)]
    # (a cell of code alone has no prose: no block)
    assert texts == ["Option", "Meaning", f"Set {PLACEHOLDER} size", f"Use {PLACEHOLDER} here."]


def test_an_unclosed_html_code_tag_ends_with_its_cell():
    source = "| A | B |\n| --- | --- |\n| Run <code>teh | next cell |\n"
    assert [b.text for b in _blocks(source)][2:] == [f"Run {PLACEHOLDER}", "next cell"]


def test_a_sentence_that_goes_on_after_a_code_block_is_one_block():
    source = ("To build the project, run\n\n```sh\ncargo build\n```\n\nand then wait for it.\n\n"
              "It ends here:\n\n```\nx\n```\n\nThe next paragraph.\n\nA full stop.\n\n```\ny\n```\n\n"
              "lower case after a full stop stays apart.\n")
    blocks = _blocks(source)
    assert [b.text for b in blocks] == [
        f"To build the project, run {PLACEHOLDER} and then wait for it.", "It ends here:",
        "The next paragraph.", "A full stop.", "lower case after a full stop stays apart."]
    assert source_of(blocks[0], source, "wait") == "wait"
