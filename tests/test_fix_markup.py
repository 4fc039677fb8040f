"""Fixes in Markdown and HTML change prose only: code, tags, URLs, comments
and the document's structure come out as they went in."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from fixhelp import fixer, write_pack

# Words the rules fix (alone or in a chain), and neutral ones.
WORDS = ["teh", "the", "the the", "Accoring", "worldwidely", "path way", "boot the development", "cat",
         "way for", "é", "👍"]
PHRASE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
WORD = st.sampled_from(["teh", "accoring", "worldwidely", "pathway"])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def fix(tmp_path_factory):
    return fixer(write_pack(tmp_path_factory.mktemp("rules")), pack=("t", "typos"))


MARKDOWN_BLOCKS = [
    "{p}", "# {p}", "{p} `{w}` {p}", "[{p}](http://{w}.example/{w}) {p}", "<http://{w}.example/{w}>",
    "```\n{p}\n```", "    {p} {w}", "<!-- {p} -->", "- {p}\n- {p}", "> {p}", "*{p}* and **{p}**",
    "<div>{p} <code>{w}</code></div>", "| {p} | {w} |\n|---|---|\n| {p} | `{w}` |",
]
HTML_BLOCKS = [
    "<p>{p}</p>", "<h1>{p}</h1>", "<p>{p} <code>{w}</code> {p}</p>", '<p><a href="http://{w}.example/">{p}</a></p>',
    "<pre>{p}</pre>", '<script>var x = "{w} {p}";</script>', "<style>/* {w} */</style>", "<!-- {p} -->",
    '<p><img alt="{p}" src="{w}.png"> {p} &amp; {p}</p>', "<ul><li>{p}</li><li><kbd>{w}</kbd></li></ul>",
]


@st.composite
def documents(draw, templates, joiner):
    """A document of randomly chosen blocks filled with fixable prose."""
    blocks = []
    for template in draw(st.lists(st.sampled_from(templates), min_size=1, max_size=8)):
        blocks.append(template.replace("{p}", "\0p").replace("{w}", "\0w"))
        while "\0" in blocks[-1]:
            kind = blocks[-1][blocks[-1].index("\0") + 1]
            blocks[-1] = blocks[-1].replace("\0" + kind, draw(PHRASE if kind == "p" else WORD), 1)
    return joiner.join(blocks) + "\n"


class _HtmlEvents(HTMLParser):
    """Tags, attributes (but prose attributes), comments, and text inside code-like elements."""

    VERBATIM = {"code", "pre", "script", "style", "kbd", "textarea"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events, self.open = [], []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
        self.events.append(("start", tag, tuple((k, None if k in ("alt", "title") else v) for k, v in attrs)))

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]
        self.events.append(("end", tag))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_data(self, data):
        if self.VERBATIM & set(self.open):
            self.events.append(("verbatim", data))


def html_structure(text: str) -> list:
    """What a fix must not change in HTML."""
    parser = _HtmlEvents()
    parser.feed(text)
    parser.close()
    return parser.events


MARKDOWN = MarkdownIt("commonmark").enable("table")
VERBATIM_TOKENS = {"code_inline", "fence", "code_block"}


def markdown_structure(text: str) -> list:
    """What a fix must not change in Markdown: every token but the prose in text tokens."""
    out = []

    def walk(tokens):
        for t in tokens:
            if t.type in ("html_block", "html_inline"):
                content = html_structure(t.content)
            else:
                content = t.content if t.type in VERBATIM_TOKENS else None
            out.append((t.type, t.tag, t.nesting, tuple(sorted((t.attrs or {}).items())), t.markup, t.info,
                        content))
            walk(t.children or [])

    walk(MARKDOWN.parse(text))
    return out


FORMATS = {
    "doc.md": (documents(MARKDOWN_BLOCKS, "\n\n"), markdown_structure),
    "doc.html": (documents(HTML_BLOCKS, "\n").map(lambda body: f"<html><body>\n{body}</body></html>\n"),
                 html_structure),
}


@pytest.mark.parametrize("name", FORMATS)
@SETTINGS
@given(data=st.data())
def test_structure_survives_fixing(fix, name, data):
    strategy, structure = FORMATS[name]
    text = data.draw(strategy)
    result = fix(text, name=name, unsafe=True)
    assert structure(result.fixed) == structure(text)
    assert fix(result.fixed, name=name, unsafe=True).fixed == result.fixed


def test_markdown_prose_is_fixed_and_code_links_and_comments_are_not(fix):
    text = ("# Teh title\n\nAccoring to `teh code`, [teh link](http://teh.example/accoring) and "
            "<http://accoring.example>.\n\n```\naccoring teh\n```\n\n<!-- accoring -->\n\n> Accoring to *teh* quote.\n")
    assert fix(text, name="doc.md").fixed == (
        "# The title\n\nAccording to `teh code`, [the link](http://teh.example/accoring) and "
        "<http://accoring.example>.\n\n```\naccoring teh\n```\n\n<!-- accoring -->\n\n> According to *the* quote.\n")


def test_html_prose_is_fixed_and_code_attributes_and_scripts_are_not(fix):
    text = ('<html><body><p>Accoring to <code>teh</code>, <a href="/accoring">teh link</a>.</p>\n'
            '<pre>accoring</pre><script>var teh = 1;</script><!-- accoring --></body></html>\n')
    assert fix(text, name="doc.html").fixed == (
        '<html><body><p>According to <code>teh</code>, <a href="/accoring">the link</a>.</p>\n'
        '<pre>accoring</pre><script>var teh = 1;</script><!-- accoring --></body></html>\n')
