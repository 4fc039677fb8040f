"""reStructuredText segmentation (docutils): kinds, what is left out, offsets."""

from __future__ import annotations

from conftest import blocks_of, source_of
from lint.segment import PLACEHOLDER


def _blocks(source: str):
    return blocks_of(source, "rst")


def test_each_construct_gets_its_kind():
    source = ("Title words\n===========\n\nA paragraph here.\n\n- first item\n- second item\n\n"
              "    quoted words\n\n+------+\n| cell |\n+------+\n\nTerm\n   Its definition.\n\n"
              ".. note:: Noted words.\n")
    assert [(b.kind, b.text) for b in _blocks(source)] == [
        ("heading", "Title words"), ("paragraph", "A paragraph here."), ("list-item", "first item"),
        ("list-item", "second item"), ("quote", "quoted words"), ("table-cell", "cell"),
        ("term", "Term"), ("paragraph", "Its definition."), ("admonition", "Noted words.")]


def test_code_comments_directives_and_front_matter_are_not_prose():
    source = ("Title\n=====\n\n:Author: hidden\n\n.. hidden comment\n\n"
              "Visible ``hidden`` and :code:`hidden` and |sub| text::\n\n    hidden literal\n\n"
              ".. code-block:: python\n\n   hidden = 1\n\n.. |sub| replace:: hidden\n\n"
              ".. toctree::\n\n   hidden\n\nSee https://hidden.example/x now.\n")
    text = "\n".join(b.text for b in _blocks(source))
    assert "hidden" not in text
    assert f"Visible {PLACEHOLDER} and {PLACEHOLDER} and {PLACEHOLDER} text:" in text
    assert f"See {PLACEHOLDER} now." in text


def test_inline_markup_and_escapes_map_back_exactly():
    source = ("Some *emphasised* and **strong\nwords** with a `link text <http://x.y>`_ and\n"
              "an escaped \\*star\\* here.\n")
    (block,) = _blocks(source)
    assert block.text == "Some emphasised and strong\nwords with a link text and\nan escaped *star* here."
    for word in ("emphasised", "strong\nwords", "link text", "here"):
        assert source_of(block, source, word) == word
    assert source_of(block, source, "*") == "\\*"
    start = block.text.index("*star*")
    assert not block.is_verbatim(start, start + 6)


def test_nested_and_indented_paragraphs_map_back():
    source = "- item\n\n  Second paragraph of the item\n  runs on.\n\n  1. nested words\n"
    blocks = _blocks(source)
    assert [b.kind for b in blocks] == ["list-item", "list-item", "list-item"]
    assert source_of(blocks[1], source, "runs on") == "runs on"
    assert source_of(blocks[2], source, "nested") == "nested"


def test_titles_map_exactly_but_offer_no_fix():
    source = "Budget talks\n============\n\nBody.\n"
    title = _blocks(source)[0]
    assert source_of(title, source, "talks") == "talks"
    start = title.text.index("talks")
    assert not title.is_verbatim(start, start + 5)  # a longer title would outgrow its underline


def test_broken_markup_still_segments():
    source = "Title\n==\n\n*unclosed emphasis and `backtick\n\n.. unknown-directive:: x\n\nLast words.\n"
    texts = [b.text for b in _blocks(source)]
    assert "Last words." in texts
