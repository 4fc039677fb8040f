"""Fuzzing the segmenters and the rule engine with hypothesis.

A fixed budget (COPYDESK_FUZZ_EXAMPLES, default 400 per format) keeps CI to
a few minutes. Whatever the input, nothing may crash, every finding must lie
inside the document and slice its own text, and every fix must stay in range.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lint.run.pipeline import CommandLine, Linter
from lint.model import Document

EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "400"))
LINTER = Linter(CommandLine(languagetool=False), use_sources=False)
SETTINGS, RULESET, _ = LINTER.setup_for(Path("fuzz.txt"))

# Pieces that exercise markup, entities, scripts, newlines and known errors.
PIECES = st.sampled_from([
    "Accoring to", " path way ", "a innovation", "enterprises is", "副本", "â€™", "  ", "\r\n", "\n\n",
    "# ", "* ", "> ", "`code`", "```\nx\n```\n", "<b>", "</b>", "<script>x</script>", "&amp;", "&#x27;",
    "[link](http://x.y)", "![alt](i.png)", "| a | b |\n|---|---|\n", "---\ntitle: x\n---\n", "<!-- c -->",
    "\\*", "_", "**", "\u200f", "e\u0301", "\U0001F600", "Hot search keywords", "the first", "worldwide.",
    "<p>", "</p>", "<nav>", "</nav>", "<pre>", "</pre>", "<", ">", "&", "\t", "Sinochem", "boot the",
])
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def _lint(text: str, fmt: str):
    document = Document(path=Path(f"fuzz.{fmt}"), text=text, format=fmt)
    return LINTER.lint_document(document, SETTINGS, RULESET, [])


def _check_invariants(text: str, fmt: str) -> None:
    result = _lint(text, fmt)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text), finding
        if finding.fix:
            for edit in finding.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text), finding
    # Verbatim spans must copy the source exactly (markdown-it reads NUL as
    # U+FFFD, the one substitution of the same length that is allowed).
    source = text.replace("\0", "\ufffd")
    for block in result.document.blocks:
        for span in block.spans:
            assert source[span.source_start:span.source_start + span.length] == \
                block.text[span.text_start:span.text_start + span.length].replace("\0", "\ufffd")


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(DOCUMENTS)
def test_fuzz_plain_text(text):
    _check_invariants(text, "text")


@FUZZ
@given(DOCUMENTS)
def test_fuzz_markdown(text):
    _check_invariants(text, "markdown")


@FUZZ
@given(DOCUMENTS)
@example("<p>hi <![alt](i.png) there</p>")  # once an AssertionError inside html.parser
def test_fuzz_html(text):
    _check_invariants(text, "html")
