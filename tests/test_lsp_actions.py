"""`copydesk lsp` code actions and hover, driven over stdio by a real LSP client.

Each action's edit is applied to the text as the editor would, and the
changed text is sent back with didChange, so the test sees what a writer sees.
"""

from __future__ import annotations

import pytest
import pytest_lsp
import yaml
from conftest import run_copydesk
from lsphelp import (
    SERVER_COMMAND,
    apply_edit,
    code_actions,
    make_client,
    open_document,
    replace_text,
    run_action,
    span_of,
    start,
)
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio
TEXT = ("Accoring to the report, the flimwax plant opened in spring.\n\n"
        "Output doubled. The the line ran all year, teh staff said.\n")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client))
async def client(lsp_client: LanguageClient, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


def by_code(diagnostics, code, text=None, source=None):
    return next(d for d in diagnostics if d.code == code
                and (text is None or source[slice(*span_of(source, d.range))] == text))


async def test_applying_a_fix_produces_the_fixed_text(client: LanguageClient, tmp_path):
    path = tmp_path / "plant.md"
    diagnostics = await open_document(client, path, TEXT)
    misspelt = by_code(diagnostics, "typos.misspelling")
    actions = await code_actions(client, path.as_uri(), misspelt)
    fix = next(a for a in actions if a.title == "Replace 'Accoring' with 'According'")
    assert fix.is_preferred and fix.kind == types.CodeActionKind.QuickFix
    edit = await run_action(client, fix)
    fixed = apply_edit(TEXT, edit, path.as_uri())
    assert fixed == TEXT.replace("Accoring", "According")
    after = await replace_text(client, path.as_uri(), 2, fixed)
    assert "typos.misspelling" not in {d.code for d in after}


async def test_every_safe_fix_matches_copydesk_fix(client: LanguageClient, tmp_path):
    path = tmp_path / "plant.md"
    path.write_text(TEXT, encoding="utf-8")
    diagnostics = await open_document(client, path)
    actions = await code_actions(client, path.as_uri(), diagnostics[0])
    fix_all = next(a for a in actions if a.kind == "source.fixAll.copydesk")
    edit = await run_action(client, fix_all)
    fixed = apply_edit(TEXT, edit, path.as_uri())
    proc = run_copydesk("fix", "--no-languagetool", path)
    assert fixed != TEXT
    assert fixed == proc.stdout, proc.stderr


async def test_add_to_vocabulary_writes_copydesk_yaml(client: LanguageClient, tmp_path):
    path = tmp_path / "plant.md"
    diagnostics = await open_document(client, path, TEXT)
    unknown = by_code(diagnostics, "spelling.unknown-word", "flimwax", TEXT)
    actions = await code_actions(client, path.as_uri(), unknown)
    add = next(a for a in actions if a.title.startswith("Add 'flimwax'"))
    after = len(client.inbox.diagnostics)
    await run_action(client, add)
    config = yaml.safe_load((tmp_path / "copydesk.yaml").read_text(encoding="utf-8"))
    assert config == {"vocabulary": {"accept": ["flimwax"]}}
    again = await client.inbox.wait(path.as_uri(), 1, after)
    flagged = {TEXT[slice(*span_of(TEXT, d.range))] for d in again}
    assert "flimwax" not in flagged and "teh" in flagged


async def test_disable_for_this_line_inserts_the_directive(client: LanguageClient, tmp_path):
    path = tmp_path / "plant.md"
    diagnostics = await open_document(client, path, TEXT)
    teh = by_code(diagnostics, "spelling.unknown-word", "teh", TEXT)
    actions = await code_actions(client, path.as_uri(), teh)
    disable = next(a for a in actions if a.title == "Disable spelling.unknown-word for this line")
    edited = apply_edit(TEXT, await run_action(client, disable), path.as_uri())
    assert "<!-- copydesk-disable-next-line spelling.unknown-word -->\nOutput doubled." in edited
    after = await replace_text(client, path.as_uri(), 2, edited)
    flagged = {edited[slice(*span_of(edited, d.range))] for d in after}
    assert "teh" not in flagged and "flimwax" in flagged


async def test_disable_in_project_keeps_the_comments_of_copydesk_yaml(client: LanguageClient, tmp_path):
    config = tmp_path / "copydesk.yaml"
    config.write_text("# house style\nfail_on: warning  # CI is strict\n", encoding="utf-8")
    path = tmp_path / "plant.md"
    diagnostics = await open_document(client, path, TEXT)
    doubled = next(d for d in diagnostics if "The the" in TEXT[slice(*span_of(TEXT, d.range))])
    actions = await code_actions(client, path.as_uri(), doubled)
    disable = next(a for a in actions if a.title.endswith("in this project (copydesk.yaml)"))
    after = len(client.inbox.diagnostics)
    await run_action(client, disable)
    written = config.read_text(encoding="utf-8")
    assert written.startswith("# house style\nfail_on: warning  # CI is strict\n")
    assert yaml.safe_load(written)["disable"] == [doubled.code]
    again = await client.inbox.wait(path.as_uri(), 1, after)
    assert doubled.code not in {d.code for d in again}


async def test_hover_explains_the_finding(client: LanguageClient, tmp_path):
    path = tmp_path / "plant.md"
    diagnostics = await open_document(client, path, TEXT)
    misspelt = by_code(diagnostics, "typos.misspelling")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(line=0, character=3)))
    body = hover.contents.value
    assert misspelt.message in body
    assert "`typos.misspelling`" in body
    assert "Why it matters:" in body
    assert "Suggestion: `According` (safe fix)" in body
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(line=0, character=14)))
    assert nothing is None
