"""The one table of input formats: each format's file suffixes and the
segmenter (module in `lint.segment`, function) that turns it into blocks.

Reading a named file, walking a folder, `--changed-since` and segmenting
all derive from this table, so a format added here is handled everywhere.
"""

from __future__ import annotations

from typing import NamedTuple


class InputFormat(NamedTuple):
    """One input format: its name, suffixes and segmenter; a binary format
    names its reader ("module:function", taking the path and the bytes) and
    what a line of its text is (a Word document's lines are paragraphs)."""

    name: str
    suffixes: tuple[str, ...]
    segmenter_module: str
    segmenter_function: str
    reader: str = ""
    line_unit: str = "line"


FORMATS: dict[str, InputFormat] = {f.name: f for f in (
    InputFormat("text", (".txt", ".text"), "plain", "segment_text"),
    InputFormat("markdown", (".md", ".markdown"), "markdown", "segment_markdown"),
    InputFormat("mdx", (".mdx",), "mdx", "segment_mdx"),  # Markdown with JSX and ESM lines skipped
    InputFormat("html", (".html", ".htm", ".xhtml"), "html", "segment_html"),
    InputFormat("rst", (".rst",), "rst", "segment_rst"),
    # .docm and .doc are recognised only to be refused with a clear reason.
    InputFormat("docx", (".docx", ".docm", ".doc"), "docx", "segment_docx",
                reader="lint.docx:read_docx", line_unit="paragraph"),
)}
DEFAULT_FORMAT = "text"  # a named file with another suffix (or none) is read as plain text

FORMATS_BY_SUFFIX: dict[str, str] = {
    suffix: fmt.name for fmt in FORMATS.values() for suffix in fmt.suffixes}
# Files taken when walking a directory; files named explicitly are always read.
WALKED_SUFFIXES = frozenset(FORMATS_BY_SUFFIX)


def format_for_suffix(suffix: str) -> str:
    """The format of a file with this suffix (plain text when unknown)."""
    return FORMATS_BY_SUFFIX.get(suffix.lower(), DEFAULT_FORMAT)
