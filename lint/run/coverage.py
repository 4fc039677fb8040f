"""What a run did not check, and why: nothing checked must never look like success.

Walking a folder takes only the suffixes in `lint.formats`; every other file
is counted here by suffix. Document formats Copydesk cannot read yet are
always reported; other files (images, code) only when nothing at all was
checked, to explain the empty run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lint.formats import FORMATS_BY_SUFFIX

# Document formats people point Copydesk at that have no reader (yet): a
# suffix that gains one in lint/formats.py drops out of this table by itself.
UNREAD_DOCUMENT_FORMATS = {suffix: name for suffix, name in {
    ".adoc": "AsciiDoc", ".asciidoc": "AsciiDoc", ".tex": "LaTeX", ".docx": "Word",
    ".odt": "OpenDocument", ".rtf": "RTF", ".org": "Org", ".pdf": "PDF", ".textile": "Textile",
}.items() if suffix not in FORMATS_BY_SUFFIX}


@dataclass
class Skipped:
    """Files met while walking that were not checked, counted by suffix."""

    by_suffix: Counter = field(default_factory=Counter)

    def add(self, path: Path) -> None:
        """Count one file that has no reader."""
        self.by_suffix[path.suffix.lower() or "(no suffix)"] += 1

    def lines(self, nothing_checked: bool) -> list[str]:
        """One line per reason, for stderr."""
        out = []
        for suffix, count in sorted(self.by_suffix.items()):
            name = UNREAD_DOCUMENT_FORMATS.get(suffix)
            if name:
                out.append(f"skipped {count} {suffix} file{'s' if count != 1 else ''}: "
                           f"{name} is not a supported input format")
        others = sum(n for s, n in self.by_suffix.items() if s not in UNREAD_DOCUMENT_FORMATS)
        if nothing_checked and others:
            kinds = ", ".join(sorted(s for s in self.by_suffix if s not in UNREAD_DOCUMENT_FORMATS))
            out.append(f"skipped {others} other file{'s' if others != 1 else ''} ({kinds}): "
                       "not a supported input format")
        return out


def unread_reason(path: Path, error: str) -> str:
    """The reason a named file was skipped, naming the format when it is a known one."""
    name = UNREAD_DOCUMENT_FORMATS.get(path.suffix.lower())
    return f"{name} files ({path.suffix}) are not supported yet" if name else error


def nothing_checked_message(paths, results) -> str | None:
    """The error for a run that checked no file at all, or None."""
    if any(result.document is not None for result in results):
        return None
    names = " ".join(str(p) for p in paths)
    if not results:
        return (f"no file to check under {names} (supported: .txt .md .mdx .html .rst); "
                "pass --allow-empty if that is expected")
    return f"no file could be checked ({len(results)} skipped); pass --allow-empty if that is expected"
