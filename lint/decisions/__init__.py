"""An editor's decisions on a report's findings, and the edition they make.

The report page records, per finding, *accept* (with the exact edits, in
code-point offsets of the original text), *dismiss* (with an optional
reason) or nothing, plus words to add to the vocabulary, and exports them as
a small JSON file (format below). `copydesk fix FILE --decisions FILE.json`
applies exactly the accepted edits with `apply_decisions`; the page applies
the same edits the same way, so both give the same edition byte for byte.

    {"copydesk_decisions": 1, "path": "article.txt", "sha256": "<of the text>",
     "decisions": [{"id": "rule@12-20", "rule": "...", "start": 12, "end": 20,
                    "text": "Accoring", "action": "accept", "applicability": "safe",
                    "message": "...", "edits": [{"start": 12, "end": 20,
                                                 "replacement": "According"}]},
                   {"id": "...", "action": "dismiss", "reason": "a name"}],
     "vocabulary": ["Liehong"]}
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from lint.config.yamlsource import ConfigError
from lint.model import Applicability, Edit

FORMAT_KEY = "copydesk_decisions"
FORMAT_VERSION = 1
ACTIONS = ("accept", "dismiss")


class DecisionError(ConfigError):
    """A decisions file that cannot be applied, named with file (and line)."""


@dataclass(frozen=True)
class Accepted:
    """One accepted finding: its edits in the original text."""

    id: str
    rule: str
    start: int
    end: int
    message: str
    applicability: Applicability
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Dismissed:
    """One dismissed finding and the editor's reason."""

    id: str
    rule: str
    start: int
    end: int
    reason: str


@dataclass
class Decisions:
    """What an editor decided about one document."""

    path: str
    sha256: str
    accepted: list[Accepted] = field(default_factory=list)
    dismissed: list[Dismissed] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)


def text_sha256(text: str) -> str:
    """The hash that ties decisions to one version of a document's text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def load_decisions(path: Path) -> Decisions:
    """Read and validate a decisions file; raises DecisionError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DecisionError(f"cannot read the decisions file: {exc.strerror or exc}", path) from None
    except json.JSONDecodeError as exc:
        raise DecisionError(f"not JSON: {exc.msg}", path, exc.lineno) from None
    except UnicodeDecodeError:
        raise DecisionError("not UTF-8 text", path) from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) != FORMAT_VERSION:
        raise DecisionError(f"not a Copydesk decisions file (needs \"{FORMAT_KEY}\": {FORMAT_VERSION};"
                            " export one from the report's Decisions panel)", path)
    decisions = Decisions(str(data.get("path", "")), _string(data, "sha256", path))
    items = data.get("decisions", [])
    if not isinstance(items, list):
        raise DecisionError("\"decisions\" must be a list", path)
    for number, item in enumerate(items, 1):
        _add(decisions, item, path, number)
    words = data.get("vocabulary", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DecisionError("\"vocabulary\" must be a list of words", path)
    decisions.vocabulary = [w.strip() for w in words]
    return decisions


def _string(data: dict, key: str, path: Path, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise DecisionError(f"{where}\"{key}\" must be a string", path)
    return value


def _offset(data: dict, key: str, path: Path, where: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DecisionError(f"{where}\"{key}\" must be a whole number >= 0", path)
    return value


def _add(decisions: Decisions, item, path: Path, number: int) -> None:
    where = f"decision {number}: "
    if not isinstance(item, dict):
        raise DecisionError(f"{where}must be an object", path)
    action = item.get("action")
    if action not in ACTIONS:
        raise DecisionError(f"{where}\"action\" must be one of {', '.join(ACTIONS)}", path)
    ident, rule = _string(item, "id", path, where), str(item.get("rule", ""))
    start, end = _offset(item, "start", path, where), _offset(item, "end", path, where)
    if action == "dismiss":
        decisions.dismissed.append(Dismissed(ident, rule, start, end, str(item.get("reason", ""))))
        return
    edits = item.get("edits")
    if not isinstance(edits, list) or not edits or not all(isinstance(e, dict) for e in edits):
        raise DecisionError(f"{where}an accepted finding needs \"edits\"", path)
    parsed = tuple(Edit(_offset(e, "start", path, where), _offset(e, "end", path, where),
                        _string(e, "replacement", path, where)) for e in edits)
    try:
        applicability = Applicability.parse(str(item.get("applicability", "display-only")))
    except KeyError:
        raise DecisionError(f"{where}unknown \"applicability\"", path) from None
    decisions.accepted.append(Accepted(ident, rule, start, end, str(item.get("message", "")),
                                       applicability, parsed))


def check_against(decisions: Decisions, text: str, source: Path) -> None:
    """Refuse decisions made on another version of the text, or edits that overlap."""
    if decisions.sha256 != text_sha256(text):
        raise DecisionError(f"the decisions were made on another version of {decisions.path or 'the file'}"
                            f" than {source} holds now: make them again on a fresh report", source)
    edits = sorted((e, a.id) for a in decisions.accepted for e in a.edits)
    previous = None
    for edit, ident in edits:
        if edit.end > len(text) or edit.start > edit.end:
            raise DecisionError(f"{ident}: an edit lies outside the text", source)
        if previous and (edit.start < previous[0].end or edit.start == edit.end == previous[0].start
                         == previous[0].end):
            raise DecisionError(f"{ident} and {previous[1]} change the same text: keep one", source)
        previous = (edit, ident)


def apply_decisions(text: str, decisions: Decisions) -> str:
    """The edition: the original text with every accepted edit, nothing else."""
    return splice(text, [e for a in decisions.accepted for e in a.edits])


def splice(text: str, edits) -> str:
    """The text with non-overlapping edits made (in any order given)."""
    pieces, cursor = [], 0
    for edit in sorted(edits):
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)
