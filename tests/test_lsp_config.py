"""`copydesk lsp` configuration: copydesk.yaml errors and reloads, rule links,
initializationOptions, and LanguageTool (real server, and an outage)."""

from __future__ import annotations

import asyncio
import socket

import pytest
import pytest_lsp
from lsphelp import SERVER_COMMAND, make_client, open_document, replace_text, span_of, start
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio
TEXT = "Accoring to the report, the flimwax plant opened in spring.\n"
CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client)


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):
    yield  # each test initializes with its own options
    await lsp_client.shutdown_session()


def messages(client: LanguageClient, kind: types.MessageType) -> list[str]:
    return [m.message for m in client.messages if m.type == kind]


async def wait_for_message(client: LanguageClient, count: int = 1, timeout: float = 60):
    while len(client.messages) < count:
        await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), timeout)


async def test_malformed_config_names_file_and_line_and_the_server_stays_up(client, tmp_path):
    await start(client, tmp_path)
    config = tmp_path / "copydesk.yaml"
    config.write_text("disable:\n  - readability\nvocabulary: [oops\n", encoding="utf-8")
    path = tmp_path / "plant.md"
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=path.as_uri(), language_id="markdown", version=1, text=TEXT)))
    await wait_for_message(client)
    error = messages(client, types.MessageType.Error)[0]
    assert f"{config}:3:" in error or f"{config}:4:" in error, error
    # Still up: fixing the file brings the diagnostics, with no restart.
    config.write_text("disable:\n  - readability\nvocabulary:\n  accept: [flimwax]\n", encoding="utf-8")
    diagnostics = await replace_text(client, path.as_uri(), 2, TEXT)
    flagged = {TEXT[slice(*span_of(TEXT, d.range))] for d in diagnostics}
    assert flagged == {"Accoring"}


async def test_changed_rule_file_is_picked_up_without_restart(client, tmp_path):
    await start(client, tmp_path)
    rules = tmp_path / "house"
    rules.mkdir()
    pack = rules / "house.yaml"
    rule = ("pack: house\nrules:\n  - id: spring\n    kind: substitution\n    severity: {severity}\n"
            "    category: style\n    message: \"'{{text}}': say '{{replacement}}'\"\n"
            "    link: https://example.org/house/spring\n    swap: {{spring: springtime}}\n")
    pack.write_text(rule.format(severity="warning"), encoding="utf-8")
    (tmp_path / "copydesk.yaml").write_text("rules_dirs: [house]\n", encoding="utf-8")
    path = tmp_path / "plant.md"
    diagnostics = await open_document(client, path, TEXT)
    house = next(d for d in diagnostics if d.code == "house.spring")
    assert house.severity == types.DiagnosticSeverity.Warning
    assert house.code_description.href == "https://example.org/house/spring"
    pack.write_text(rule.format(severity="error"), encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=pack.as_uri(), type=types.FileChangeType.Changed)]))
    again = await client.inbox.wait(path.as_uri(), 1, after=len(client.inbox.diagnostics))
    assert next(d for d in again if d.code == "house.spring").severity == types.DiagnosticSeverity.Error


async def test_min_severity_option_filters_diagnostics(client, tmp_path):
    await start(client, tmp_path, {"min_severity": "error"})
    diagnostics = await open_document(client, tmp_path / "plant.md", TEXT)
    assert {d.code for d in diagnostics} == {"typos.misspelling"}


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_languagetool_outage_is_one_warning_and_builtin_diagnostics_keep_coming(client, tmp_path):
    await start(client, tmp_path, {"languagetool": f"http://127.0.0.1:{closed_port()}"})
    path = tmp_path / "plant.md"
    diagnostics = await open_document(client, path, TEXT)
    assert "typos.misspelling" in {d.code for d in diagnostics}
    for version in (2, 3):
        text = TEXT + "\nThe the end.\n" * (version - 1)
        later = await replace_text(client, path.as_uri(), version, text)
        assert "mechanics.doubled-word" in {d.code for d in later}
    warnings = messages(client, types.MessageType.Warning)
    assert len(warnings) == 1 and "LanguageTool" in warnings[0], client.messages


async def test_languagetool_findings_from_the_real_server(client, tmp_path):
    await start(client, tmp_path, {"languagetool": True})
    text = "Their is a problem with the the plan, and he go to work yesterday.\n"
    diagnostics = await open_document(client, tmp_path / "plan.txt", text)
    lt = [d for d in diagnostics if str(d.code).startswith("lt.")]
    assert lt, [(d.code, d.message) for d in diagnostics]
    assert all(d.code_description and "languagetool.org" in d.code_description.href for d in lt)
    assert not messages(client, types.MessageType.Warning)
