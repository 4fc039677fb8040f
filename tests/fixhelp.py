"""Shared by the fix tests: a small rule pack with safe, unsafe, chained and
overlapping fixes, and a real Linter-backed fixer over it."""

from __future__ import annotations

from pathlib import Path

from lint.fix import FixResult, Relinter, fix_document
from lint.run.pipeline import CommandLine, Linter
from lint.read import detect_format
from lint.model import Document

PACK = """\
pack: t
rules:
  - id: teh
    kind: substitution
    severity: error
    category: spelling
    message: "'{text}': use '{replacement}'"
    fix: safe
    swap: {teh: the}
    examples: {flag: ["teh cat"], pass: ["the cat"]}
  - id: doubled
    kind: substitution
    severity: warning
    category: grammar
    message: "'{text}': use '{replacement}'"
    fix: safe
    swap: {"the the": "the"}
    examples: {flag: ["the the cat"], pass: ["the cat"]}
  - id: boot
    kind: substitution
    severity: error
    category: confusion
    message: "'{text}': use '{replacement}'"
    fix: unsafe
    swap: {"boot the development": "boost the development"}
    examples: {flag: ["boot the development"], pass: ["boost the development"]}
  - id: way-for
    kind: substitution
    severity: info
    category: style
    message: "'{text}': use '{replacement}'"
    fix: safe
    swap: {"way for": "route for"}
    examples: {flag: ["way for"], pass: ["route for"]}
  - id: nav
    kind: substitution
    severity: warning
    category: debris
    message: "'{text}' is page debris"
    fix: safe
    swap: {"sign in now": ""}
    examples: {flag: ["Sign in now"], pass: ["Sign in to read"]}
  - id: hedge
    kind: substitution
    severity: warning
    category: style
    message: "'{text}' is vague"
    fix: none
    swap: {"very unique": "unique"}
    examples: {flag: ["very unique"], pass: ["unique"]}
"""

CYCLE = """\
pack: cycle
rules:
  - id: swap
    kind: substitution
    severity: error
    category: style
    message: "'{text}': use '{replacement}'"
    fix: safe
    swap: {alpha: beta, beta: alpha}
    examples: {flag: ["alpha"], pass: ["gamma"]}
"""


def write_pack(directory: Path, text: str = PACK) -> Path:
    """A rules directory holding one pack; returns the directory."""
    (directory / "rules").mkdir(parents=True, exist_ok=True)
    (directory / "rules" / "pack.yaml").write_text(text, encoding="utf-8")
    return directory


def fixer(rules_dir: Path, pack: str | tuple[str, ...] = "t"):
    """fix(text, **options) -> FixResult, with the real pipeline restricted to some packs."""
    select = (pack,) if isinstance(pack, str) else tuple(pack)
    linter = Linter(CommandLine(select=select, rules_dirs=(rules_dir,), languagetool=False))

    def fix(text: str, name: str = "doc.txt", **options) -> FixResult:
        path = rules_dir / name
        document = Document(path=path, text=text, format=detect_format(path))
        return fix_document(document, Relinter(linter, path), **options)

    return fix
