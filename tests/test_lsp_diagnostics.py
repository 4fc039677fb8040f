"""`copydesk lsp` diagnostics, driven over stdio by a real LSP client."""

from __future__ import annotations

import json
import shutil

import pytest
import pytest_lsp
from conftest import FIXTURES, run_copydesk
from lsphelp import SERVER_COMMAND, edit_range, make_client, open_document, span_of, start
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client))
async def client(lsp_client: LanguageClient, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client))
async def fresh(lsp_client: LanguageClient):
    yield  # not initialized: the test chooses the client's capabilities
    await lsp_client.shutdown_session()


def cli_findings(path):
    """What `copydesk check --format json` reports for the same file."""
    proc = run_copydesk("check", "--no-languagetool", "--format", "json", path)
    return json.loads(proc.stdout)["files"][0]["findings"]


async def test_seed_article_diagnostics_match_the_command_line(client: LanguageClient, tmp_path):
    article = tmp_path / "article.txt"
    shutil.copy(FIXTURES / "article.txt", article)
    text = article.read_text(encoding="utf-8")
    diagnostics = await open_document(client, article)
    expected = sorted((f["rule"], f["start"], f["end"], f["message"]) for f in cli_findings(article))
    got = sorted((d.code, *span_of(text, d.range), d.message) for d in diagnostics)
    assert len(expected) > 10
    assert got == expected
    misspelt = next(d for d in diagnostics if d.code == "typos.misspelling")
    assert text[slice(*span_of(text, misspelt.range))] == "Accoring"
    assert misspelt.severity == types.DiagnosticSeverity.Error
    assert misspelt.source == "copydesk"


async def test_columns_are_utf16_on_a_line_with_emoji(client: LanguageClient, tmp_path):
    path = tmp_path / "emoji.md"
    text = "# Launch\n\nThe 🎉🎉 party was great. Accoring to the host, it ran late.\n"
    diagnostics = await open_document(client, path, text)
    misspelt = next(d for d in diagnostics if d.code == "typos.misspelling")
    code_point_column = text.split("\n")[2].index("Accoring")
    # Each emoji is two UTF-16 code units: the column is two more per emoji.
    assert misspelt.range.start == types.Position(line=2, character=code_point_column + 2)
    assert misspelt.range.end.character == code_point_column + 2 + len("Accoring")
    assert text[slice(*span_of(text, misspelt.range))] == "Accoring"


PARAGRAPHS = [
    "Accoring to the first report, the plant opened in spring.",
    "The second paragraph has a recieve of its own in the middle.",
    "The third paragraph says the the output doubled over the year.",
]


async def test_editing_one_paragraph_changes_only_its_diagnostics(client: LanguageClient, tmp_path):
    path = tmp_path / "three.md"
    uri = path.as_uri()
    text = "\n\n".join(PARAGRAPHS) + "\n"
    before = await open_document(client, path, text)
    second_line = 2
    assert {d.range.start.line for d in before} >= {0, second_line, 4}
    edited = text.replace("a recieve of its own", "an eror of its own")
    column = PARAGRAPHS[1].index("a recieve")
    typed = types.Range(start=types.Position(line=second_line, character=column),
                        end=types.Position(line=second_line, character=column + len("a recieve")))
    after = await edit_range(client, uri, 2, typed, "an eror")

    def outside(diagnostics):
        return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.character,
                       d.message) for d in diagnostics if d.range.start.line != second_line)

    assert outside(after) == outside(before)
    inside_before = [text[slice(*span_of(text, d.range))] for d in before if d.range.start.line == second_line]
    inside_after = [edited[slice(*span_of(edited, d.range))] for d in after if d.range.start.line == second_line]
    assert "recieve" in inside_before and "recieve" not in inside_after
    assert "eror" in inside_after


@pytest.mark.parametrize("encoding", [types.PositionEncodingKind.Utf32, types.PositionEncodingKind.Utf8])
async def test_the_encoding_the_client_asks_for(fresh: LanguageClient, tmp_path, encoding):
    result = await start(fresh, tmp_path, encodings=[encoding])
    assert result.capabilities.position_encoding == encoding
    text = "The 🎉 party: Accoring to plan.\n"
    diagnostics = await open_document(fresh, tmp_path / "note.txt", text)
    misspelt = next(d for d in diagnostics if d.code == "typos.misspelling")
    before = text[:text.index("Accoring")]
    units = len(before) if encoding == types.PositionEncodingKind.Utf32 else len(before.encode("utf-8"))
    assert misspelt.range.start.character == units
    assert misspelt.range.end.character == units + len("Accoring")
