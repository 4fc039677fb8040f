"""Property tests: random Markdown and HTML built from prose and code pieces.

Whatever the mix, no finding starts inside code, a URL or a tag, every
offset is in range, and a misspelling planted in prose is found at its
exact source characters.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config.settings import HtmlSettings, Settings
from lint.check.engine import check_document
from lint.ruleset.loader import build_ruleset
from lint.segment import segment
from lint.model import Document

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

# An inline piece is a template: "{word}" is a prose word (maybe the planted
# misspelling); text between ⟦ and ⟧ is markup or code that must never be flagged.
MD_PIECES = {
    "code": "⟦`accoring path way`⟧", "emphasis": "*{word}*", "strong": "**{word}**",
    "link": '[{word}⟦](https://example.com/accoring "accoring")⟧',
    "image": "⟦![a picture](images/accoring.png)⟧", "autolink": "⟦<https://example.com/accoring>⟧",
    "tag": '⟦<span title="accoring">⟧{word}⟦</span>⟧', "url": "⟦https://example.org/accoring/path_way⟧",
    "entity": "&amp;", "escape": "\\*",
}
MD_INLINE = st.sampled_from(["word", "word", "word", *MD_PIECES])


def _inline(doc: Doc, pieces: dict[str, str], kinds: list[str], words: list[str]) -> None:
    """Append inline pieces of these kinds, separated by spaces."""
    for index, kind in enumerate(kinds):
        doc.add(" ")
        template = pieces.get(kind, "{word}")
        for part in re.split(r"(⟦[^⟧]*⟧|\{word\})", template):
            if part == "{word}":
                doc.word(words[index % len(words)])
            elif part.startswith("⟦"):
                doc.add(part[1:-1], protected=True)
            elif part:
                doc.add(part)


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
        _inline(doc, MD_PIECES, inline, words)
        doc.add("\n\n")
        doc.add(f"    {PLANTED} = 'path way'", protected=True)
        return
    if kind == "table":
        doc.add("| Then")
        _inline(doc, MD_PIECES, inline, words)
        doc.add(" | Also |\n| --- | --- |\n| Then")
        _inline(doc, MD_PIECES, inline[::-1], words)
        doc.add(" | end |")
        return
    prefix = {"paragraph": "", "heading": "## ", "list": "- ", "quote": "> "}[kind]
    doc.add(prefix + "Then")
    _inline(doc, MD_PIECES, inline[:3], words)
    if kind != "heading" and len(inline) > 3:
        doc.add("\n" + {"paragraph": "", "list": "  ", "quote": "> "}[kind] + "Then")
        _inline(doc, MD_PIECES, inline[3:], words)


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

HTML_PIECES = {
    "code": "⟦<code>accoring path way</code>⟧", "kbd": "⟦<kbd>accoring</kbd>⟧",
    "emphasis": "⟦<em>⟧{word}⟦</em>⟧",
    "link": '⟦<a href="https://example.com/accoring" title="accoring">⟧{word}⟦</a>⟧',
    "comment": "⟦<!-- accoring -->⟧", "image": '⟦<img src="accoring.png" alt="accoring">⟧',
    "entity": "&ldquo;", "break": "⟦<br>⟧", "url": "⟦https://example.org/accoring⟧",
}
HTML_INLINE = st.sampled_from(["word", "word", "word", *HTML_PIECES])


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
    _inline(doc, HTML_PIECES, inline, words)
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

RST_PIECES = {
    "literal": "⟦``accoring path way``⟧", "role": "⟦:code:`accoring`⟧", "emphasis": "*{word}*",
    "strong": "**{word}**", "link": "`{word}⟦ <https://example.com/accoring>`_⟧",
    "url": "⟦https://example.org/accoring/path_way⟧", "escape": "\\*",
}
RST_INLINE = st.sampled_from(["word", "word", "word", *RST_PIECES])


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
        _inline(doc, RST_PIECES, inline[:3], words)
        doc.add("\n" + "=" * (doc.length - start))  # one adornment: every title a sibling section
    else:
        prefix = {"paragraph": "", "list": "- ", "quote": "    ", "literal": ""}[kind]
        doc.add(prefix + "Then")
        _inline(doc, RST_PIECES, inline, words)
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
