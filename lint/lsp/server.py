"""The language server: LSP messages wired to the session, actions and hover."""

from __future__ import annotations

import logging
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.config.yamlsource import ConfigError
from lint.fix import Relinter, fix_document
from lint.lsp import actions, config_edit
from lint.lsp.checker import ServerOptions
from lint.lsp.diagnostics import findings_at
from lint.lsp.hover import hover_for
from lint.lsp.positions import encoding_name
from lint.lsp.session import Session
from lint.run.pipeline import document_from_text
from lint.store.atomic import WriteRefused

log = logging.getLogger(__name__)
WATCHED = ("**/copydesk.yaml", "**/.copydesk.yaml", "**/*.yaml", "**/*.yml", "**/vocabulary/*.txt")


class CopydeskServer(LanguageServer):
    """pygls server with the Copydesk session attached."""

    def __init__(self):
        super().__init__("copydesk", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.session = Session(self)


def build_server() -> CopydeskServer:
    """A server with every feature registered."""
    server = CopydeskServer()
    session = server.session

    @server.feature(types.INITIALIZE)
    def initialize(ls: CopydeskServer, params: types.InitializeParams):
        raw = params.initialization_options or {}
        try:
            options = ServerOptions.parse(raw)
        except ValueError as exc:
            options = ServerOptions()
            ls.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"Copydesk: {exc}; using the defaults"))
        paths = [to_fs_path(f.uri) for f in params.workspace_folders or [] if f.uri.startswith("file:")]
        if not paths and params.root_uri and params.root_uri.startswith("file:"):
            paths = [to_fs_path(params.root_uri)]
        roots = [Path(path) for path in paths if path is not None]
        debounce = raw.get("debounce_ms", 0) if isinstance(raw, dict) else 0
        session.start(options, encoding_name(ls.workspace.position_encoding), roots,
                      float(debounce) / 1000 if isinstance(debounce, (int, float)) else 0.0)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: CopydeskServer, params):
        watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watch and watch.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                    types.Registration(id="copydesk-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                       register_options=options)]))
            except Exception as exc:  # the editor declined: changes are still seen at the next check
                log.info("file watching not registered: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls, params: types.DidOpenTextDocumentParams):
        session.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls, params: types.DidChangeTextDocumentParams):
        session.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    async def did_save(ls, params: types.DidSaveTextDocumentParams):
        published = session.published.get(params.text_document.uri)
        if published is not None and published.checked.notes:
            await session.reload()  # LanguageTool was unavailable: try it again
        else:
            session.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls, params: types.DidCloseTextDocumentParams):
        session.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_files_changed(ls, params: types.DidChangeWatchedFilesParams):
        await session.reload()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls, params: types.HoverParams):
        published = session.current(params.text_document.uri)
        if published is None:
            return None
        offset = published.positions.offset(params.position)
        found = findings_at(published.checked.findings, offset, offset)
        return hover_for(found, published.specs.get, published.checked.text,
                         lambda f: published.positions.range(f.start, f.end))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]))
    def code_action(ls, params: types.CodeActionParams):
        published = session.current(params.text_document.uri)
        if published is None:
            return []
        positions = published.positions
        start, end = positions.offset(params.range.start), positions.offset(params.range.end)
        found = findings_at(published.checked.findings, start, end)
        listed = actions.actions_for(published.checked, found,
                                     lambda f: published.diagnostics[tuple(actions.finding_key(f))])
        only = params.context.only
        if only:
            listed = [a for a in listed if any(a.kind == k or (a.kind or "").startswith(f"{k}.") for k in only)]
        return listed

    async def apply(uri: str, edits, label: str) -> bool:
        published = session.current(uri)
        if published is None or not edits:
            return False
        edit = actions.document_edit(published.checked, edits, session.encoding)
        result = await ls_apply(edit, label)
        return bool(result and result.applied)

    async def ls_apply(edit: types.WorkspaceEdit, label: str):
        return await server.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label=label))

    def named_finding(uri: str, key):
        published = session.current(uri)
        if published is None:
            server.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning, message="Copydesk: the document changed; try again"))
            return None, None
        return published, actions.find(published.checked, key)

    @server.command(actions.APPLY_FIX)
    async def apply_fix(ls, uri, key):
        published, finding = named_finding(uri, key)
        if finding is None or finding.fix is None:
            return False
        return await apply(uri, actions.fix_edits(finding), f"Copydesk: fix {finding.rule}")

    @server.command(actions.FIX_ALL)
    async def fix_all(ls, uri):
        published = session.current(uri)
        if published is None:
            return False
        checked = published.checked

        def fixed_text() -> str:
            document = document_from_text(checked.text, checked.path, checked.format)
            linter = session.checker.linter
            return fix_document(document, Relinter(linter, checked.path)).fixed

        fixed = await session.run(fixed_text)
        return await apply(uri, actions.whole_text_edit(checked.text, fixed), "Copydesk: every safe fix")

    @server.command(actions.DISABLE_LINE)
    async def disable_line(ls, uri, key):
        published, finding = named_finding(uri, key)
        if finding is None:
            return False
        fmt = published.checked.format or document_from_text("", published.checked.path).format
        return await apply(uri, actions.disable_line_edit(published.checked, finding, fmt),
                           f"Copydesk: disable {finding.rule} for this line")

    async def write_config(uri: str, change, value: str) -> bool:
        published = session.current(uri) or session.published.get(uri)
        if published is None:
            return False
        config = config_edit.config_for_edit(published.checked.path, session.roots)
        try:
            changed = await session.run(change, config, value)
        except (ConfigError, WriteRefused, OSError) as exc:
            server.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"Copydesk: {exc}"))
            return False
        await session.reload()
        return changed

    @server.command(actions.ADD_WORD)
    async def add_word(ls, uri, word):
        return await write_config(uri, config_edit.accept_word, word)

    @server.command(actions.DISABLE_PROJECT)
    async def disable_rule(ls, uri, rule):
        return await write_config(uri, config_edit.disable_rule, rule)

    return server
