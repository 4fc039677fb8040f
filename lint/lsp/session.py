"""Checking open documents in the background and publishing their diagnostics.

Checks run on one worker thread, so the server keeps answering hovers and
code actions meanwhile; the `Linter` is used by that thread only. Changes
are debounced by coalescing: a change that arrives while its document is
being checked waits, and all such changes are checked once, together, when
the check ends (a result for text that changed meanwhile is not published).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from lint.config.yamlsource import ConfigError
from lint.lsp.checker import Checked, Checker, ServerOptions
from lint.lsp.diagnostics import to_diagnostic
from lint.lsp.positions import PositionMap

FORMATS_BY_LANGUAGE = {"markdown": "markdown", "plaintext": "text", "html": "html",
                       "restructuredtext": "rst", "rst": "rst", "text": "text"}


@dataclass
class Published:
    """A check of one version of a document, with what was sent for it."""

    checked: Checked
    positions: PositionMap
    diagnostics: dict = field(default_factory=dict)  # (rule, start, end) -> Diagnostic
    specs: dict = field(default_factory=dict)  # rule id -> RuleSpec or None


def document_path(uri: str, language_id: str | None) -> Path:
    """The file a document is (or would be) saved as; an untitled buffer is
    taken as a file of its language in the working folder."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path:
        return Path(path)
    suffix = {"markdown": ".md", "html": ".html", "restructuredtext": ".rst"}.get(language_id or "", ".txt")
    return Path.cwd() / f"untitled{suffix}"


class Session:
    """The server's state: the warm checker and the last check of each document."""

    def __init__(self, server):
        self.server = server
        self.checker: Checker | None = None
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-check")
        self.published: dict[str, Published] = {}
        self.encoding = "utf-16"
        self.roots: list[Path] = []
        self.debounce = 0.0
        self._dirty: set[str] = set()
        self._running: dict[str, asyncio.Task] = {}
        self._told: set[str] = set()  # messages shown once
        self._config_error: str | None = None  # shown until the file is fixed

    def start(self, options: ServerOptions, encoding: str, roots: list[Path], debounce: float) -> None:
        """Settings from `initialize`."""
        self.checker = Checker(options)
        self.encoding, self.roots, self.debounce = encoding, roots, debounce
        # On the checking thread, before any document: checks queue behind it.
        self.executor.submit(self.checker.warm_up, roots[0] if roots else Path.cwd())

    async def run(self, function, *args):
        """Run `function(*args)` on the checking thread (where the Linter lives)."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)

    def schedule(self, uri: str) -> None:
        """Check a document soon (after the check under way, if any)."""
        self._dirty.add(uri)
        if uri not in self._running:
            self._running[uri] = asyncio.ensure_future(self._check_until_clean(uri))

    def schedule_all(self) -> None:
        """Check every open document again (after a configuration change)."""
        for uri in list(self.server.workspace.text_documents):
            self.schedule(uri)

    def forget(self, uri: str) -> None:
        """A closed document: clear its diagnostics."""
        self.published.pop(uri, None)
        self._dirty.discard(uri)
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def _check_until_clean(self, uri: str) -> None:
        try:
            if self.debounce:
                await asyncio.sleep(self.debounce)
            while uri in self._dirty:
                self._dirty.discard(uri)
                document = self.server.workspace.text_documents.get(uri)
                if document is None:
                    return
                text, version = document.source, document.version
                try:
                    published = await self.run(self._check, uri, text, version, document.language_id)
                except ConfigError as exc:
                    if str(exc) != self._config_error:
                        self._config_error = str(exc)
                        self._show(str(exc), types.MessageType.Error)
                    continue
                self._config_error = None
                if uri in self._dirty or uri not in self.server.workspace.text_documents:
                    continue  # the text changed meanwhile: check the new text instead
                self._publish(published)
        finally:
            self._running.pop(uri, None)

    def _check(self, uri: str, text: str, version, language_id) -> Published:
        """On the checking thread: run the pipeline and build the diagnostics."""
        assert self.checker is not None  # start() made it, at initialize
        path = document_path(uri, language_id)
        checked = self.checker.check(uri, path, text, version, FORMATS_BY_LANGUAGE.get(language_id or ""))
        positions = PositionMap(text, self.encoding)
        published = Published(checked, positions)
        for finding in checked.findings:
            if finding.rule not in published.specs:
                published.specs[finding.rule] = self.checker.rule(path, finding.rule)
            published.diagnostics[(finding.rule, finding.start, finding.end)] = to_diagnostic(
                finding, positions, published.specs[finding.rule])
        return published

    def _publish(self, published: Published) -> None:
        checked = published.checked
        self.published[checked.uri] = published
        for note in checked.notes:
            self.tell(note, types.MessageType.Warning)
        ordered = sorted(published.diagnostics.items(), key=lambda item: (item[0][1], item[0][2], item[0][0]))
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=checked.uri, version=checked.version, diagnostics=[d for _, d in ordered]))

    def tell(self, message: str, kind: types.MessageType) -> None:
        """Show a message in the editor, once per distinct message."""
        if message in self._told:
            return
        self._told.add(message)
        self._show(message, kind)

    def _show(self, message: str, kind: types.MessageType) -> None:
        self.server.window_show_message(types.ShowMessageParams(type=kind, message=f"Copydesk: {message}"))

    def current(self, uri: str) -> Published | None:
        """The last check of a document, if it is of the text the editor has now."""
        published = self.published.get(uri)
        document = self.server.workspace.text_documents.get(uri)
        if published is None or document is None or published.checked.text != document.source:
            return None
        return published

    async def reload(self) -> None:
        """Read every configuration and rule file again, then re-check."""
        assert self.checker is not None  # start() made it, at initialize
        await self.run(self.checker.reload)
        self._told.clear()
        self.schedule_all()
