"""The one pipeline, kept warm for the editor, reloaded when its files change.

A `Linter` compiles each configuration's rules once; the server keeps one
and checks every buffer with it (`Linter.check`). Before each check the
files that decide the result are looked at (the nearest `copydesk.yaml`,
every rule file and rule folder, the vocabulary lists): when one changed
since the last check, a new `Linter` is made, so an edited `copydesk.yaml`
or rule file is picked up without a restart. LanguageTool's paragraph cache
lives on disk, so the new `Linter` still sends only changed paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lint.config.settings import find_config
from lint.config.yamlsource import ConfigError
from lint.model import Finding, Severity
from lint.run.pipeline import CommandLine, FileResult, Linter, document_from_text

WARM_UP_TEXT = "# Warm-up\n\nThe plant in Qingdao reopened in spring, its managers said, after a quiet zyxquor.\n"


@dataclass(frozen=True)
class ServerOptions:
    """`initializationOptions` the server understands.

    languagetool: true / false, or the URL of a LanguageTool server;
    min_severity: the least severe finding shown ("info", "warning", "error");
    config: a configuration file to use for every document.
    """

    languagetool: bool | str | None = None
    min_severity: Severity = Severity.INFO
    config: Path | None = None

    @classmethod
    def parse(cls, options) -> ServerOptions:
        """Options from the client's JSON object; raises ValueError on a bad value."""
        options = options if isinstance(options, dict) else {}
        languagetool = options.get("languagetool")
        if languagetool is not None and not isinstance(languagetool, (bool, str)):
            raise ValueError("initializationOptions.languagetool must be true, false or a URL")
        level = options.get("min_severity", options.get("fail_on", "info"))
        try:
            min_severity = Severity.parse(str(level))
        except KeyError:
            raise ValueError("initializationOptions.min_severity must be info, warning or "
                             f"error, not {level!r}") from None
        config = options.get("config")
        return cls(languagetool, min_severity, Path(config) if config else None)

    def command_line(self) -> CommandLine:
        """The same settings as `copydesk check` flags would give."""
        if isinstance(self.languagetool, str):
            return CommandLine(config=self.config, languagetool_url=self.languagetool)
        return CommandLine(config=self.config, languagetool=self.languagetool)


@dataclass
class Checked:
    """The last check of one open document."""

    uri: str
    path: Path
    text: str
    version: int | None
    format: str | None
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Checker:
    """Checks editor buffers with a warm `Linter`; not thread-safe (the server
    runs it on one worker thread)."""

    def __init__(self, options: ServerOptions = ServerOptions()):
        self.options = options
        self.linter = Linter(options.command_line())
        self._stamps: dict[Path, tuple] = {}  # document folder -> what decided its settings
        self.reloads = 0

    def check(self, uri: str, path: Path, text: str, version: int | None,
              format: str | None) -> Checked:
        """Check a buffer; raises ConfigError for a bad configuration or rule file."""
        folder = path.parent
        stamp = self._stamp(path)
        if folder in self._stamps and self._stamps[folder] != stamp:
            self.reload()
            stamp = self._stamp(path)
        # Readability figures are for reports; diagnostics come from the rules alone.
        result: FileResult = self.linter.check(document_from_text(text, path, format), metrics=False)
        self._stamps[folder] = stamp  # taken before the check: a file changed during it is seen next time
        shown = [f for f in result.findings if f.severity >= self.options.min_severity]
        return Checked(uri, path, text, version, format, shown, list(result.notes))

    def warm_up(self, folder: Path) -> None:
        """Compile the rules of a folder's configuration and load what the
        first check would load (textstat, the spelling data), so that the
        writer's first keystroke does not pay for it."""
        path = folder / "copydesk-warm-up.md"
        try:
            stamp = self._stamp(path)
            self.linter.check(document_from_text(WARM_UP_TEXT, path), metrics=False)
        except ConfigError:
            return  # reported when a document of that folder is checked
        self._stamps[folder] = stamp

    def reload(self) -> None:
        """Forget every compiled configuration: the next check reads them again."""
        self.linter = Linter(self.options.command_line())
        self._stamps.clear()
        self.reloads += 1

    def rule(self, path: Path, rule_id: str):
        """The RuleSpec of a rule in force for this document, or None."""
        try:
            return self.linter.setup_for(path)[1].rule(rule_id)
        except ConfigError:
            return None

    def config_path(self, path: Path) -> Path | None:
        """The configuration file that governs this document, if any."""
        return self.options.config or find_config(path.parent)

    def _stamp(self, path: Path) -> tuple:
        """What decides this document's settings and rules, with modification times."""
        config = self.config_path(path)
        times = [_mtime(config)] if config else []  # before the file is read, never after
        watched: list[Path] = []
        try:
            settings, ruleset, _ = self.linter.setup_for(path)  # compiled once, then a lookup
        except ConfigError:
            settings = None
        if settings is not None:
            watched += ruleset.files
            for directory in settings.all_rule_dirs():
                watched += [directory, directory / "vocabulary" / "accept.txt",
                            directory / "vocabulary" / "reject.txt"]
        return (config, tuple(times + [_mtime(p) for p in watched]))


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None
