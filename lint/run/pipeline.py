"""The whole pipeline for a set of paths: read → segment → check → filter.

Rendering and fixing consume the `FileResult`s this yields.

The stages (rules, segmenters, Markdown and reST parsers) are imported when
a file is first checked, not with this module: a run whose every file comes
from the result cache never loads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import rule_ids
from lint.config.settings import Settings, find_config, load_config
from lint.model import Document, Finding
from lint.read import InputError, detect_format, detect_newline, iter_files, read_document

if TYPE_CHECKING:
    from lint.ruleset.loader import Ruleset


@dataclass
class FileResult:
    """What checking one file produced: findings, or the reason it was skipped."""

    path: Path
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    fatal: bool = False  # the error makes the run exit 2
    notes: list[str] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CommandLine:
    """Settings given on the command line; they win over the config file."""

    config: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules_dirs: tuple[Path, ...] = ()
    languagetool: bool | None = None
    languagetool_url: str | None = None
    require_languagetool: bool = False
    fail_on: str | None = None


def resolve_settings(config_path: Path | None, cli: CommandLine) -> Settings:
    """Defaults → config file → command line, merged in one place."""
    settings = load_config(config_path) if config_path else Settings()
    lt = settings.languagetool
    if cli.languagetool is not None:
        lt = replace(lt, enabled=cli.languagetool)
    if cli.languagetool_url:
        lt = replace(lt, url=cli.languagetool_url, enabled=True)
    if cli.require_languagetool:
        lt = replace(lt, required=True, enabled=True)
    return replace(
        settings,
        select=cli.select or settings.select,
        disable=settings.disable + cli.ignore,
        rules_dirs=settings.rules_dirs + tuple(p.resolve() for p in cli.rules_dirs),
        languagetool=lt,
        fail_on=cli.fail_on or settings.fail_on,
        rule_refs=settings.rule_refs + rule_ids.from_flag("--select", cli.select)
        + rule_ids.from_flag("--ignore", cli.ignore),
    )


_UNSEEN = object()  # a folder whose config was not looked up yet (None: it has none)


class Linter:
    """Checks files, loading each configuration and ruleset once."""

    def __init__(self, cli: CommandLine = CommandLine(), use_sources: bool = True):
        self.cli = cli
        self.use_sources = use_sources
        self._by_config: dict = {}
        self._settings: dict = {}
        # folder -> the resolved path of its config (None without one), so
        # that a file's settings cost one dict lookup after its folder's first.
        self._config_keys: dict = {}

    def settings_for(self, path: Path) -> Settings:
        """The merged settings for a file's config, without compiling any rules."""
        return self._settings[self._config_key(path)]

    def _config_key(self, path: Path):
        # Looked up once per folder: a docs tree has many files per folder.
        folder = path if path.is_dir() else path.parent
        key = self._config_keys.get(folder, _UNSEEN)
        if key is _UNSEEN:
            config_path = self.cli.config or find_config(folder)
            key = config_path.resolve() if config_path else None
            if key not in self._settings:
                self._settings[key] = resolve_settings(config_path, self.cli)
            self._config_keys[folder] = key
        return key

    def setup_for(self, path: Path) -> tuple[Settings, Ruleset, list]:
        """Settings, compiled rules and extra sources for a file's config."""
        key = self._config_key(path)
        if key not in self._by_config:
            from lint.check import sources
            from lint.ruleset.loader import build_ruleset

            settings = self._settings[key]
            ruleset = build_ruleset(settings)
            extra = sources.sources_for(settings, ruleset.context) if self.use_sources else []
            self._by_config[key] = (settings, ruleset, extra)
        return self._by_config[key]

    def fork_copy(self) -> Linter:
        """A Linter for a forked worker: the compiled rules are shared, the
        sources (which may hold connections and threads) are made anew."""
        copy = Linter(self.cli, self.use_sources)
        copy._settings, copy._config_keys = self._settings, self._config_keys
        copy._by_config = dict(self._by_config)
        copy.renew_sources()
        return copy

    def rule_spec(self, rule_id: str):
        """The RuleSpec of a rule in any configuration this Linter has used
        (its packs are read when a run served from the cache never did)."""
        for _, ruleset, _ in self._by_config.values():
            spec = ruleset.rule(rule_id)
            if spec is not None:
                return spec
        from lint.ruleset.loader import load_rule_specs

        for settings in self._settings.values():
            spec = next((s for s in load_rule_specs(settings.all_rule_dirs())[0] if s.id == rule_id), None)
            if spec is not None:
                return spec
        return None

    def renew_sources(self) -> None:
        """Make the extra sources anew (a long-running service calls this
        once a LanguageTool server that had failed is back)."""
        from lint.check import sources

        for key, (settings, ruleset, _) in list(self._by_config.items()):
            extra = sources.sources_for(settings, ruleset.context) if self.use_sources else []
            self._by_config[key] = (settings, ruleset, extra)

    def files(self, paths, skipped=None) -> Iterator[Path]:
        """The files named or found under the directories named (walked
        files without a reader are counted in `skipped`, when given)."""
        for path in paths:
            settings = self.settings_for(Path(path))
            yield from iter_files([path], settings.is_excluded, skipped)

    def lint_file(self, path: Path) -> FileResult:
        """Run the whole pipeline on one file."""
        settings, ruleset, extra = self.setup_for(path)
        try:
            document = read_document(path, settings.max_file_mb)
        except InputError as exc:
            return FileResult(path, error=str(exc), fatal=exc.fatal)
        return self.lint_document(document, settings, ruleset, extra)

    def lint_document(self, document: Document, settings: Settings, ruleset: Ruleset,
                      extra: list, *, metrics: bool = True) -> FileResult:
        """Segment, check and filter a document that is already read.

        The one path every caller takes: files, the fixer's re-checks, the
        service, the language server and archive audits.
        """
        from lint.check import metrics as readability
        from lint.check.engine import check_document
        from lint.filter import filter_findings
        from lint.ruleset.bounded import take_switched_off
        from lint.segment import segment

        blocks = segment(document, settings)
        findings, notes = check_document(document, blocks, ruleset, extra)
        notes = notes + take_switched_off()  # rules whose regex ran past its time budget
        findings = filter_findings(findings, document, settings)
        figures = {}
        if metrics:
            figures = readability.document_metrics(blocks)
            readability.SYLLABLES.save()
        return FileResult(document.path, document, findings, notes=notes, metrics=figures)

    def check(self, document: Document, *, metrics: bool = True) -> FileResult:
        """Check a document (read from disk or built from text) with the
        settings of the configuration that governs its path."""
        settings, ruleset, extra = self.setup_for(document.path)
        return self.lint_document(document, settings, ruleset, extra, metrics=metrics)

    def check_text(self, text: str, path: Path | str = "untitled.txt",
                   format: str | None = None) -> FileResult:
        """Check text that is not (or not yet) a file: a CMS draft, an
        editor buffer. `path` picks the configuration and, unless `format`
        is given, the format from its suffix; nothing is read or written."""
        return self.check(document_from_text(text, path, format))

    def lint_paths(self, paths) -> Iterator[FileResult]:
        """Check every file under `paths`, in order."""
        for path in self.files(paths):
            yield self.lint_file(path)


def document_from_text(text: str, path: Path | str = "untitled.txt", format: str | None = None) -> Document:
    """A Document for text held in memory; `path` need not exist."""
    path = Path(path)
    return Document(path=path, text=text, format=format or detect_format(path),
                    newline=detect_newline(text))
