"""Baselines: accept today's findings so CI fails on new ones only.

A finding is fingerprinted by its rule, its text and the words around it on
its line (whitespace collapsed, case kept), never by its line number, so a
baseline survives edits elsewhere in the file. The file is JSON; paths are
stored relative to the baseline file, so it works from any checkout.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from lint import __version__
from lint.model import Finding

BASELINE_VERSION = 1
CONTEXT_CHARS = 40  # on each side of the finding, within its line
_SPACE = re.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message is one line."""


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def context_of(finding: Finding, text: str) -> str:
    """The words around a finding on its own line(s), normalised."""
    line_start = max(text.rfind("\n", 0, finding.start), text.rfind("\r", 0, finding.start)) + 1
    line_end = len(text)
    for newline in ("\n", "\r"):
        found = text.find(newline, finding.end)
        if found != -1:
            line_end = min(line_end, found)
    before = text[max(line_start, finding.start - CONTEXT_CHARS):finding.start]
    after = text[finding.end:min(line_end, finding.end + CONTEXT_CHARS)]
    return _normalise(before) + "\u2026" + _normalise(after)


def fingerprint(finding: Finding, text: str) -> str:
    """A stable id for a finding: rule + text + surrounding context (no line numbers)."""
    parts = (finding.rule, _normalise(text[finding.start:finding.end]), context_of(finding, text))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def _key_path(path: Path, base: Path) -> str:
    """A file's path relative to the baseline's folder, in POSIX form."""
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def create(results, baseline_path: Path) -> dict:
    """The baseline document for these results."""
    base = baseline_path.parent
    entries = []
    for result in results:
        if result.document is None:
            continue
        text = result.document.text
        for finding in result.findings:
            entries.append({"path": _key_path(result.path, base), "rule": finding.rule,
                            "text": text[finding.start:finding.end],
                            "fingerprint": fingerprint(finding, text)})
    return {"version": BASELINE_VERSION, "copydesk": __version__, "findings": entries}


def write(results, baseline_path: Path) -> int:
    """Write the baseline file; return how many findings it accepts."""
    data = create(results, baseline_path)
    baseline_path.parent.mkdir(parents=True, exist_ok=True)
    baseline_path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(data["findings"])


@dataclass
class Baseline:
    """Accepted findings, counted per (path, fingerprint, rule, text)."""

    base: Path
    accepted: Counter

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file, or raise BaselineError naming the problem."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: no such baseline file; create one with "
                                f"`copydesk baseline create -o {path}`") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: not a readable baseline file ({exc})") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
            raise BaselineError(f"{path}: not a version-{BASELINE_VERSION} Copydesk baseline")
        try:
            accepted = Counter((e["path"], e["fingerprint"], e["rule"], _normalise(e["text"]))
                               for e in data["findings"])
        except (KeyError, TypeError, AttributeError):
            raise BaselineError(f"{path}: malformed baseline entry") from None
        return cls(path.parent, accepted)

    def apply(self, results) -> tuple[list, int, int]:
        """Drop accepted findings; return (results, findings matched, entries now
        unused in the files checked, which are findings fixed since)."""
        by_path: dict[str, Counter] = {}
        for (path, *entry), count in self.accepted.items():
            by_path.setdefault(path, Counter())[tuple(entry)] += count
        matched = 0
        filtered = []
        for result in results:
            remaining = by_path.setdefault(_key_path(result.path, self.base), Counter())
            if result.document is None or not result.findings:
                filtered.append(result)
                continue
            kept = _unmatched(result.findings, result.document.text, remaining)
            matched += len(result.findings) - len(kept)
            filtered.append(replace(result, findings=kept))
        checked = {_key_path(r.path, self.base) for r in results}
        unused = sum(sum(by_path[p].values()) for p in checked)
        return filtered, matched, unused


def _unmatched(findings: list[Finding], text: str, remaining: Counter) -> list[Finding]:
    """The findings no baseline entry accounts for; matched entries are used up.

    Exact fingerprints match first. A finding whose context changed (say a
    neighbouring typo on its line was fixed) then matches a leftover entry
    with the same rule and text, so the count of known findings never grows.
    """
    keys = [(fingerprint(f, text), f.rule, _normalise(text[f.start:f.end])) for f in findings]
    known = [False] * len(findings)
    for i, key in enumerate(keys):
        if remaining[key] > 0:
            remaining[key] -= 1
            known[i] = True
    for i, (_, rule, snippet) in enumerate(keys):
        if known[i]:
            continue
        loose = next((k for k, n in remaining.items() if n > 0 and k[1:] == (rule, snippet)), None)
        if loose is not None:
            remaining[loose] -= 1
            known[i] = True
    return [f for f, was_known in zip(findings, known, strict=True) if not was_known]
