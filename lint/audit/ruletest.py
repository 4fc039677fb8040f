"""Test a draft rule file against the archive before publishing it.

`copydesk audit SOURCE --rule draft.yaml` runs only the rules of that one
pack file (with the shipped vocabulary and facts, so it sees what the
published rule would), and prints each match with the words around it as
partitions finish, so the rule owner sees its false alarms early.

The file's text travels to the workers inside the options (a cluster's
workers need not see the driver's disk); each worker process writes it into
a private rule folder once.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from lint.positions import LineIndex

CONTEXT_CHARS = 40
_folders: dict = {}  # per process: (name, text) -> the rule folder made for it


@dataclass(frozen=True)
class DraftRule:
    """A rule pack file to test: its name, text and the ids of its rules."""

    name: str
    text: str
    rule_ids: tuple[str, ...]

    @classmethod
    def from_file(cls, path: Path) -> DraftRule:
        """Read and validate a pack file; a bad file raises ConfigError with file:line."""
        from lint.ruleset.loader import load_pack

        specs = load_pack(path)
        if not specs:
            from lint.config.yamlsource import ConfigError

            raise ConfigError("the rule file defines no rules", path, 1)
        return cls(path.name, path.read_text(encoding="utf-8"), tuple(s.id for s in specs))

    def folder(self) -> Path:
        """A rule folder holding only this file, made once per process."""
        key = (self.name, self.text)
        if key not in _folders:
            folder = Path(tempfile.mkdtemp(prefix="copydesk-draft-rule-"))
            (folder / self.name).write_text(self.text, encoding="utf-8")
            _folders[key] = folder
        return _folders[key]

    def command_line(self, cli):
        """The command line that runs only this file's rules (built-in ones only:
        LanguageTool's findings are not the draft's)."""
        return replace(cli, rules_dirs=cli.rules_dirs + (self.folder(),), select=self.rule_ids,
                       languagetool=False, languagetool_url=None, require_languagetool=False)


def match_with_context(doc_id: str, text: str, finding, width: int = CONTEXT_CHARS) -> dict:
    """One match and the text around it, on one line."""
    line, column = LineIndex(text).line_col(finding.start)
    before = text[max(0, finding.start - width):finding.start]
    after = text[finding.end:finding.end + width]
    return {"doc_id": doc_id, "rule": finding.rule, "line": line, "column": column,
            "before": _one_line(before), "match": _one_line(text[finding.start:finding.end]),
            "after": _one_line(after), "message": finding.message}


def format_match(match: dict) -> str:
    """``id:line:col  rule  …before[match]after…  message``."""
    return (f"{match['doc_id']}:{match['line']}:{match['column']}  {match['rule']}  "
            f"…{match['before']}[{match['match']}]{match['after']}…  {match['message']}")


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
