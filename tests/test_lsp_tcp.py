"""`copydesk lsp --tcp PORT`: the same server over a real socket."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys

import pytest
from conftest import ROOT
from lsphelp import make_client, span_of, start
from lsprotocol import types

pytestmark = pytest.mark.asyncio


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def connect(port: int, attempts: int = 300):
    client = make_client()
    for _ in range(attempts):
        try:
            await client.start_tcp("127.0.0.1", port)
            return client
        except OSError:
            await asyncio.sleep(0.1)  # the server is still starting
    raise AssertionError(f"nothing listens on port {port}")


async def test_diagnostics_over_tcp(tmp_path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "lint", "lsp", "--tcp", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        client = await connect(port)
        await start(client, tmp_path)
        path = tmp_path / "note.txt"
        text = "The plant reopened. Accoring to the report, output doubled.\n"
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=path.as_uri(), language_id="plaintext", version=1, text=text)))
        diagnostics = await client.inbox.wait(path.as_uri(), 1)
        flagged = [text[slice(*span_of(text, d.range))] for d in diagnostics]
        assert "Accoring" in flagged
        await client.shutdown_session()
    finally:
        server.terminate()
        server.wait(timeout=30)
