"""What the CI formats share: each finding with its line/column data and
fingerprint, and each file-level problem (a skipped file, a source note)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from lint.filter.baseline import fingerprint
from lint.model import Finding
from lint.positions import LineIndex
from lint.render.json_format import finding_to_dict


@dataclass(frozen=True)
class Located:
    """A finding plus its JSON-contract fields and its line-shift-proof fingerprint."""

    path: str
    finding: Finding
    data: dict
    fingerprint: str
    index: LineIndex  # the file's line index, for positions of fix edits

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, code-point column) of a source offset in this file."""
        return self.index.line_col(offset)


@dataclass(frozen=True)
class Problem:
    """A file-level message: the file was skipped, or a checking source failed."""

    path: str
    level: str  # "error" (the run exits 2), "warning" or "note"
    message: str


def located_findings(result) -> list[Located]:
    """The findings of one file, with positions and fingerprints."""
    if result.document is None:
        return []
    text = result.document.text
    index = LineIndex(text)
    return [Located(str(result.path), f, finding_to_dict(f, text, index), fingerprint(f, text), index)
            for f in result.findings]


def problems(result) -> list[Problem]:
    """Why a file was skipped, and notes about sources that could not run."""
    out = []
    if result.error:
        level = "error" if result.fatal else "warning"
        out.append(Problem(str(result.path), level, f"skipped: {result.error}"))
    out.extend(Problem(str(result.path), "note", note) for note in result.notes)
    return out


def path_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (as CI tools expect)."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix)
    return quote(posix)


def byte_column(line_text: str, column: int) -> int:
    """A 1-based code-point column converted to a 1-based UTF-8 byte column."""
    return len(line_text[:column - 1].encode("utf-8")) + 1


# Characters XML 1.0 forbids even when escaped; a stray one would make the report unparsable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with XML-forbidden characters replaced by U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)
