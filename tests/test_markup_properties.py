"""Property tests: random Markdown and HTML built from prose and code pieces.

Whatever the mix, no finding starts inside code, a URL or a tag, every
offset is in range, and a misspelling planted in prose is found at its
exact source characters.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import HtmlSettings, Settings
from lint.engine import check_document
from lint.loader import build_ruleset
from lint.segment import segment
from lint.types import Document

RULESET = build_ruleset(Settings())
PLANTED = "accoring"  # typos.misspelling flags it wherever it is prose
PROSE_WORDS = ["the", "minister", "said", "budget", "Tuesday", "café", "naïve", "it's", "well-known",
               PLANTED]


class Doc:
    """Source text assembled piece by piece, remembering what each piece is."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.protected: list[tuple[int, int]] = []
        self.planted: list[int] = []

    def add(self, text: str, protected: bool = False) -> None:
        """Append a piece; protected pieces must never be flagged."""
        if protected:
            self.protected.append((self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)

    def word(self, word: str) -> None:
        """Append a prose word, noting where a planted misspelling sits."""
        if word == PLANTED:
            self.planted.append(self.length)
        self.add(word)

    def wrapped(self, opening: str, word: str, closing: str, protected: bool = False) -> None:
        """Append a prose word between two pieces of markup."""
        self.add(opening, protected)
        self.word(word)
        self.add(closing, protected)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _findings(doc: Doc, fmt: str, config: Settings):
    document = Document(Path("generated"), doc.text, fmt)
    findings, _ = check_document(document, segment(document, config), RULESET)
    return findings


def _check(doc: Doc, fmt: str, config: Settings = Settings()) -> None:
    source = doc.text
    findings = _findings(doc, fmt, config)
    for finding in findings:
        assert 0 <= finding.start <= finding.end <= len(source), finding
        for start, end in doc.protected:
            assert not start <= finding.start < end, (
                f"{finding.rule} at {finding.start} ({source[finding.start:finding.end]!r}) "
                f"inside {source[start:end]!r}\n---\n{source}")
    flagged = {f.start for f in findings if f.rule == "typos.misspelling"}
    for offset in doc.planted:
        assert offset in flagged, f"planted word at {offset} not flagged\n---\n{source}"
    for finding in findings:
        if finding.fix:
            for edit in finding.fix.edits:
                assert not set(source[edit.start:edit.end]) & set("<>`[]()\\&*")


# ---- Markdown -------------------------------------------------------------

MD_INLINE = st.sampled_from(["word", "word", "word", "code", "emphasis", "strong", "link", "image",
                             "autolink", "tag", "url", "entity", "escape"])


def _md_inline(doc: Doc, kinds: list[str], words: list[str]) -> None:
    for index, kind in enumerate(kinds):
        doc.add(" ")
        word = words[index % len(words)]
        if kind == "word":
            doc.word(word)
        elif kind == "code":
            doc.add(f"`{PLANTED} path way`", protected=True)
        elif kind in ("emphasis", "strong"):
            mark = "*" if kind == "emphasis" else "**"
            doc.wrapped(mark, word, mark)
        elif kind == "link":
            doc.add("[")
            doc.word(word)
            doc.add(f"](https://example.com/{PLANTED} \"{PLANTED}\")", protected=True)
        elif kind == "image":
            doc.add("![a picture](images/" + PLANTED + ".png)", protected=True)
        elif kind == "autolink":
            doc.add(f"<https://example.com/{PLANTED}>", protected=True)
        elif kind == "tag":
            doc.wrapped(f'<span title="{PLANTED}">', word, "</span>", protected=True)
        elif kind == "url":
            doc.add(f"https://example.org/{PLANTED}/path_way", protected=True)
        elif kind == "entity":
            doc.add("&amp;")
        else:
            doc.add("\\*")


MD_BLOCK = st.tuples(
    st.sampled_from(["paragraph", "heading", "list", "quote", "fence", "indented", "table"]),
    st.lists(MD_INLINE, min_size=1, max_size=6),
    st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=4),
)


def _md_block(doc: Doc, kind: str, inline: list[str], words: list[str]) -> None:
    if kind == "fence":
        doc.add(f"```text\n{PLANTED} path way\n<p>{PLANTED}</p>\n```", protected=True)
        return
    if kind == "indented":
        doc.add("Then")
        _md_inline(doc, inline, words)
        doc.add("\n\n")
        doc.add(f"    {PLANTED} = 'path way'", protected=True)
        return
    if kind == "table":
        doc.add("| Then")
        _md_inline(doc, inline, words)
        doc.add(" | Also |\n| --- | --- |\n| Then")
        _md_inline(doc, inline[::-1], words)
        doc.add(" | end |")
        return
    prefix = {"paragraph": "", "heading": "## ", "list": "- ", "quote": "> "}[kind]
    doc.add(prefix + "Then")
    _md_inline(doc, inline[:3], words)
    if kind != "heading" and len(inline) > 3:
        doc.add("\n" + {"paragraph": "", "list": "  ", "quote": "> "}[kind] + "Then")
        _md_inline(doc, inline[3:], words)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter=st.booleans(), blocks=st.lists(MD_BLOCK, min_size=1, max_size=6))
def test_markdown_findings_stay_out_of_code_urls_and_tags(front_matter, blocks):
    doc = Doc()
    if front_matter:
        doc.add(f"---\ntitle: {PLANTED} path way\n---\n\n", protected=True)
    for kind, inline, words in blocks:
        _md_block(doc, kind, inline, words)
        doc.add("\n\n")
    _check(doc, "markdown")


# ---- HTML -----------------------------------------------------------------

HTML_INLINE = st.sampled_from(["word", "word", "word", "code", "emphasis", "link", "kbd", "comment",
                               "image", "entity", "break", "url"])


def _html_inline(doc: Doc, kinds: list[str], words: list[str]) -> None:
    for index, kind in enumerate(kinds):
        doc.add(" ")
        word = words[index % len(words)]
        if kind == "word":
            doc.word(word)
        elif kind in ("code", "kbd"):
            doc.add(f"<{kind}>{PLANTED} path way</{kind}>", protected=True)
        elif kind == "emphasis":
            doc.wrapped("<em>", word, "</em>", protected=True)
        elif kind == "link":
            doc.wrapped(f'<a href="https://example.com/{PLANTED}" title="{PLANTED}">', word, "</a>",
                        protected=True)
        elif kind == "comment":
            doc.add(f"<!-- {PLANTED} -->", protected=True)
        elif kind == "image":
            doc.add(f'<img src="{PLANTED}.png" alt="{PLANTED}">', protected=True)
        elif kind == "entity":
            doc.add("&ldquo;")
        elif kind == "break":
            doc.add("<br>", protected=True)
        else:
            doc.add(f"https://example.org/{PLANTED}", protected=True)


HTML_BLOCK = st.tuples(
    st.sampled_from(["p", "h2", "li", "blockquote", "td", "open-p", "pre", "script", "style"]),
    st.lists(HTML_INLINE, min_size=1, max_size=6),
    st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=4),
)


def _html_block(doc: Doc, kind: str, inline: list[str], words: list[str]) -> None:
    if kind in ("pre", "script", "style"):
        body = {"pre": f"{PLANTED} path way", "script": f'var {PLANTED} = "<p>{PLANTED}</p>";',
                "style": f".{PLANTED}::after {{ content: '{PLANTED}'; }}"}[kind]
        doc.add(f"<{kind}>{body}</{kind}>", protected=True)
        return
    opening, closing = {
        "p": ("<p>", "</p>"), "h2": ("<h2>", "</h2>"), "li": ("<ul><li>", "</li></ul>"),
        "blockquote": ("<blockquote><p>", "</p></blockquote>"),
        "td": ("<table><tr><td>", "</td></tr></table>"), "open-p": ("<p>", ""),
    }[kind]
    doc.add(opening, protected=True)
    doc.add("Then")
    _html_inline(doc, inline, words)
    doc.add(closing, protected=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(HTML_BLOCK, min_size=1, max_size=6), wrapped=st.booleans())
def test_html_findings_stay_out_of_code_and_tags(blocks, wrapped):
    doc = Doc()
    if wrapped:
        doc.add(f"<!DOCTYPE html>\n<html><head><title>{PLANTED}</title></head><body>\n", protected=True)
    for kind, inline, words in blocks:
        _html_block(doc, kind, inline, words)
        doc.add("\n")
    if wrapped:
        doc.add("</body></html>\n", protected=True)
    _check(doc, "html", Settings(html=HtmlSettings(check_alt=False)))


# ---- reStructuredText -----------------------------------------------------

RST_INLINE = st.sampled_from(["word", "word", "word", "literal", "role", "emphasis", "strong", "link",
                              "url", "escape"])


def _rst_inline(doc: Doc, kinds: list[str], words: list[str]) -> None:
    for index, kind in enumerate(kinds):
        doc.add(" ")
        word = words[index % len(words)]
        if kind == "word":
            doc.word(word)
        elif kind == "literal":
            doc.add(f"``{PLANTED} path way``", protected=True)
        elif kind == "role":
            doc.add(f":code:`{PLANTED}`", protected=True)
        elif kind in ("emphasis", "strong"):
            mark = "*" if kind == "emphasis" else "**"
            doc.wrapped(mark, word, mark)
        elif kind == "link":
            doc.add("`")
            doc.word(word)
            doc.add(f" <https://example.com/{PLANTED}>`_", protected=True)
        elif kind == "url":
            doc.add(f"https://example.org/{PLANTED}/path_way", protected=True)
        else:
            doc.add("\\*")


RST_BLOCK = st.tuples(
    st.sampled_from(["paragraph", "title", "list", "quote", "literal", "code", "comment"]),
    st.lists(RST_INLINE, min_size=1, max_size=6),
    st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=4),
)


def _rst_block(doc: Doc, kind: str, inline: list[str], words: list[str]) -> None:
    if kind in ("code", "comment"):
        directive = "code-block:: python\n\n   " if kind == "code" else ""
        doc.add(f".. {directive}{PLANTED} = 'path way'", protected=True)
        doc.add("\n\nEnd of the example.")  # an indented block next would join it
    elif kind == "title":
        start = doc.length
        doc.add("Then")
        _rst_inline(doc, inline[:3], words)
        doc.add("\n" + "=" * (doc.length - start))  # one adornment: every title a sibling section
    else:
        prefix = {"paragraph": "", "list": "- ", "quote": "    ", "literal": ""}[kind]
        doc.add(prefix + "Then")
        _rst_inline(doc, inline, words)
        if kind == "literal":
            doc.add(" follows::\n\n")
            doc.add(f"    {PLANTED} = 'path way'", protected=True)
            doc.add("\n\nEnd of the example.")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(RST_BLOCK, min_size=1, max_size=6))
def test_rst_findings_stay_out_of_literals_directives_and_urls(blocks):
    doc = Doc()
    for kind, inline, words in blocks:
        _rst_block(doc, kind, inline, words)
        doc.add("\n\n")
    _check(doc, "rst")
