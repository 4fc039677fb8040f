"""Shared by the language-server tests: a real LSP client (pytest-lsp, on
pygls) that starts `python -m lint lsp` as a subprocess and talks to it over
stdio pipes, and the editor's side of the bargain: keeping each document's
text, applying the WorkspaceEdits the server asks for, and UTF-16 positions
computed here independently of the server's code."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Union

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER_COMMAND = [sys.executable, "-m", "lint", "lsp"]
LANGUAGES = {".md": "markdown", ".txt": "plaintext", ".html": "html", ".rst": "restructuredtext"}


class Inbox:
    """Every diagnostics notification and message the server sent, in order."""

    def __init__(self):
        self.diagnostics: list[types.PublishDiagnosticsParams] = []
        self.edits: list[types.ApplyWorkspaceEditParams] = []
        self.registrations: list[types.Registration] = []
        self._arrived = asyncio.Event()

    def add(self, params) -> None:
        self.diagnostics.append(params)
        self._arrived.set()

    async def wait(self, uri: str, version: int, after: int = 0, timeout: float = 120):
        """The first diagnostics for this version of the document that came
        after the first `after` notifications."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for params in self.diagnostics[after:]:
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            self._arrived.clear()
            await asyncio.wait_for(self._arrived.wait(), max(0.01, deadline - loop.time()))


def client_converter():
    """pygls's converter, except that a code action carrying a command object
    is read as a CodeAction (lsprotocol 2025.0.0 reads any object with a
    `command` key as a bare Command, losing its kind and isPreferred)."""
    converter = default_converter()

    def command_or_action(value, _):
        if isinstance(value.get("command"), str):
            return converter.structure(value, types.Command)
        return converter.structure(value, types.CodeAction)

    # typing.Union, as lsprotocol registers it (an X | Y union is another key)
    converter.register_structure_hook(Union[types.Command, types.CodeAction], command_or_action)  # noqa: UP007
    return converter


def make_client() -> LanguageClient:
    """pytest-lsp's client, keeping every publishDiagnostics and answering
    workspace/applyEdit as an editor does (the edits are kept for the test)."""
    client = LanguageClient(converter_factory=client_converter)
    client.inbox = Inbox()
    features = {m: f for m, f in DEFAULT_CLIENT_FEATURES.items()
                if m != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}
    register_lsp_features(client, features)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.inbox.add(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        client.inbox.registrations.extend(params.registrations)

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams):
        client.inbox.edits.append(params)
        return types.ApplyWorkspaceEditResult(applied=True)

    return client


async def start(client: LanguageClient, root: Path, options: dict | None = None,
                encodings: list[str] | None = None) -> types.InitializeResult:
    """initialize + initialized, as VS Code would send them."""
    capabilities = client_capabilities("visual-studio-code")
    if encodings is not None:
        capabilities.general.position_encodings = encodings
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options={"languagetool": False, **(options or {})}))


async def open_document(client: LanguageClient, path: Path, text: str | None = None):
    """didOpen (version 1) and the diagnostics the server publishes for it."""
    text = path.read_text(encoding="utf-8") if text is None else text
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id=LANGUAGES.get(path.suffix, "plaintext"), version=1, text=text)))
    return await client.inbox.wait(uri, 1)


async def replace_text(client: LanguageClient, uri: str, version: int, text: str):
    """A whole-document didChange and its diagnostics."""
    after = len(client.inbox.diagnostics)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await client.inbox.wait(uri, version, after)


async def edit_range(client: LanguageClient, uri: str, version: int, range_: types.Range, text: str):
    """An incremental didChange (one range replaced, as editors send while
    typing) and its diagnostics."""
    after = len(client.inbox.diagnostics)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(range=range_, text=text)]))
    return await client.inbox.wait(uri, version, after)


def utf16_offset(text: str, position: types.Position) -> int:
    """The code-point offset of a UTF-16 position (the editor's arithmetic)."""
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[:position.line])
    units = lines[position.line].encode("utf-16-le")[:2 * position.character]
    return before + len(units.decode("utf-16-le"))


def span_of(text: str, diagnostic_range: types.Range) -> tuple[int, int]:
    """Code-point [start, end) of an LSP range in UTF-16 units."""
    return utf16_offset(text, diagnostic_range.start), utf16_offset(text, diagnostic_range.end)


def apply_edit(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    """The text after a WorkspaceEdit's edits to one document (applied last to first)."""
    edits = [e for change in edit.document_changes or [] if change.text_document.uri == uri
             for e in change.edits]
    edits += list((edit.changes or {}).get(uri, []))
    spans = sorted(((*span_of(text, e.range), e.new_text) for e in edits), reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


async def code_actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic):
    """The code actions offered at a diagnostic."""
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))


async def run_action(client: LanguageClient, action: types.CodeAction):
    """Execute an action's command; returns the WorkspaceEdit the server applied, if any."""
    before = len(client.inbox.edits)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=action.command.command, arguments=action.command.arguments))
    sent = client.inbox.edits[before:]
    return sent[-1].edit if sent else None
