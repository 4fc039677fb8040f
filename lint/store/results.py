"""On-disk cache of check results, so an unchanged file is not checked twice.

Where: ``.copydesk-cache/`` in the current directory (the project root when
run from CI or pre-commit), like ``.ruff_cache``; ``--cache-dir`` or
``COPYDESK_CACHE_DIR`` put it elsewhere, ``--no-cache`` turns it off. The
folder carries its own ``.gitignore`` and ``CACHEDIR.TAG``.

Key: the file's path, format and decoded text; the merged settings; the
content of every file in the rule directories in force; the Copydesk version
and the content of its own modules (so a code change never serves stale
findings). Entries are JSON, never pickle: a cache folder can come from an
untrusted checkout. Results that carry a note (a source such as LanguageTool
was unavailable) are not stored, so the next run tries that source again.
Entries unused for MAX_AGE_DAYS are swept away, so a cache kept between CI
runs does not grow without end.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from functools import lru_cache
from pathlib import Path

from lint import __version__
from lint.model import Applicability, Document, Edit, Finding, Fix, Severity
from lint.store.atomic import write_quietly

CACHE_FORMAT = 1
DEFAULT_DIR = ".copydesk-cache"
MAX_AGE_DAYS = 30  # entries unused this long are deleted (at most one sweep a day)
ENV_VAR = "COPYDESK_CACHE_DIR"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by Copydesk.\n"


def default_directory() -> Path:
    """``$COPYDESK_CACHE_DIR``, else ``.copydesk-cache`` in the current directory."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the Copydesk version and every module's source."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()


def rules_fingerprint(directories) -> str:
    """A hash of every file (packs, facts, vocabulary) under the rule directories."""
    digest = hashlib.sha256()
    for directory in directories:
        directory = Path(directory)
        digest.update(str(directory).encode())
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def finding_to_record(finding: Finding) -> dict:
    """A finding as plain JSON data, everything kept."""
    fix = None
    if finding.fix is not None:
        fix = [str(finding.fix.applicability), [[e.start, e.end, e.replacement] for e in finding.fix.edits]]
    return {"rule": finding.rule, "severity": str(finding.severity), "category": finding.category,
            "message": finding.message, "start": finding.start, "end": finding.end,
            "replacements": list(finding.replacements), "fix": fix, "source": finding.source}


def finding_from_record(record: dict) -> Finding:
    """The inverse of `finding_to_record`."""
    fix = None
    if record["fix"] is not None:
        applicability, edits = record["fix"]
        fix = Fix(tuple(Edit(*e) for e in edits), Applicability.parse(applicability))
    return Finding(record["rule"], Severity.parse(record["severity"]), record["category"],
                   record["message"], record["start"], record["end"],
                   tuple(record["replacements"]), fix, record["source"])


class ResultCache:
    """Check results stored one JSON file per entry under a directory."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.root = self.directory / f"v{CACHE_FORMAT}"
        self._setup_keys: dict[str, str] = {}
        self.writable = True

    def setup_key(self, settings) -> str:
        """The part of the key shared by every file checked with these settings."""
        text = repr(settings)
        if text not in self._setup_keys:
            from lint.check.dictionary import stamp  # the speller's word lists (an upgrade changes findings)

            basis = "\0".join((code_fingerprint(), text, rules_fingerprint(settings.all_rule_dirs()),
                               stamp(getattr(settings, "dialect", "en-US"))))
            self._setup_keys[text] = hashlib.sha256(basis.encode()).hexdigest()
        return self._setup_keys[text]

    def key(self, document: Document, settings) -> str:
        """The cache key of one document checked with these settings."""
        digest = hashlib.sha256(self.setup_key(settings).encode())
        digest.update(f"\0{Path(document.path).resolve()}\0{document.format}\0".encode())
        digest.update(document.text.encode("utf-8", "surrogatepass"))
        kinds = getattr(document, "paragraph_kinds", ())  # a Word document's styles decide its block kinds
        if kinds:
            digest.update("\0".join(kinds).encode())
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def load(self, key: str) -> tuple[list[Finding], dict] | None:
        """The findings and metrics stored under `key`, or None."""
        entry = self._entry(key)
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            found = [finding_from_record(r) for r in data["findings"]], data.get("metrics", {})
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a missing or damaged entry is a miss, never an error
        try:
            os.utime(entry)  # mark it used, so the sweep keeps it
        except OSError:
            pass
        return found

    def store(self, key: str, result) -> None:
        """Keep a result; silently gives up when the folder is not writable."""
        if not self.writable or result.error or result.notes:
            return
        data = {"findings": [finding_to_record(f) for f in result.findings], "metrics": result.metrics}
        try:
            self._prepare()
        except OSError:
            self.writable = False
            return
        # Written then renamed, so a reader never sees half an entry.
        if not write_quietly(self._entry(key), json.dumps(data, ensure_ascii=False).encode("utf-8")):
            self.writable = False

    def _prepare(self) -> None:
        if self.root.is_dir():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        (self.directory / ".gitignore").write_text("# Made by Copydesk.\n*\n", encoding="utf-8")
        (self.directory / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")

    def sweep(self, now: float | None = None) -> int:
        """Delete entries unused for MAX_AGE_DAYS; runs at most once a day. Returns
        how many were deleted."""
        now = time.time() if now is None else now
        marker = self.root / "last-sweep"
        try:
            if now - marker.stat().st_mtime < 86400:
                return 0
        except OSError:
            pass  # never swept (or no cache yet)
        if not self.writable or not self.root.is_dir():
            return 0
        removed = 0
        try:
            marker.touch()
            for entry in self.root.glob("*/*.json"):
                if now - entry.stat().st_mtime > MAX_AGE_DAYS * 86400:
                    entry.unlink()
                    removed += 1
        except OSError:
            pass  # another run swept at the same time, or the folder is read-only
        return removed

