"""How long `copydesk lsp` takes from a `didChange` of one paragraph to its
`publishDiagnostics`, in a document of about 5,000 words.

The server runs as an editor runs it (`python -m lint lsp`, over stdio); a
pygls client sends incremental edits of one paragraph, each adding a word
never sent before (so LanguageTool's paragraph cache cannot answer for the
edited paragraph, while every other paragraph is a cache hit), and times
each round trip. Built-in rules only, then with LanguageTool (the server
`copydesk server start` manages; started if needed).

    .venv/bin/python bench/lsp_latency.py [--words 5000] [--edits 30] [--no-languagetool]

Targets: median <= 100 ms built-in, <= 500 ms with LanguageTool.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import corpora
from lsprotocol import types
from pygls.lsp.client import LanguageClient

TARGETS_MS = {"built-in rules": 100, "with LanguageTool": 500}


def document_of(words: int) -> str:
    """Rust-book paragraphs (prose only: no code, tables or headings) up to about `words` words."""
    paragraphs: list[str] = []
    count = 0
    for path in corpora.rust_book_files():
        prose = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
        for paragraph in prose.split("\n\n"):
            paragraph = paragraph.strip()
            if not paragraph or paragraph.startswith(("#", "<", "|", "[", ">")):
                continue
            paragraphs.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                return "\n\n".join(paragraphs) + "\n"
    return "\n\n".join(paragraphs) + "\n"


class Timer:
    """Collects publishDiagnostics and times the ones awaited."""

    def __init__(self, client: LanguageClient):
        self.waiting: dict[tuple[str, int], asyncio.Future] = {}

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams):
            future = self.waiting.pop((params.uri, params.version), None)
            if future is not None and not future.done():
                future.set_result((time.perf_counter(), len(params.diagnostics)))

        @client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams):
            print(f"  server says: {params.message}", file=sys.stderr)

    def expect(self, uri: str, version: int) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.waiting[(uri, version)] = future
        return future


async def measure(languagetool: bool, text: str, edits: int, folder: Path) -> list[float]:
    """Milliseconds from each didChange to its diagnostics."""
    client = LanguageClient("copydesk-bench", "1")
    timer = Timer(client)
    await client.start_io(sys.executable, "-m", "lint", "lsp")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(),
        initialization_options={"languagetool": languagetool}))
    client.initialized(types.InitializedParams())
    uri = (folder / "long.md").as_uri()
    opened = timer.expect(uri, 1)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=text)))
    await asyncio.wait_for(opened, 600)
    lines = text.split("\n")
    middle = len(lines) // 2
    while not lines[middle].strip():
        middle += 1
    times = []
    stamp = time.time_ns()
    for version in range(2, edits + 2):
        # One word, unique to this run and edit, appended to the middle paragraph.
        new_line = f"{lines[middle]} Markword{stamp % 100000}x{version}."
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=middle, character=0),
                              end=types.Position(line=middle, character=len(lines[middle].encode("utf-16-le")) // 2)),
            text=new_line)
        lines[middle] = new_line
        done = timer.expect(uri, version)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[change]))
        arrived, _ = await asyncio.wait_for(done, 120)
        times.append((arrived - sent) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def report(label: str, times: list[float]) -> str:
    if "--verbose" in sys.argv:
        print("  " + " ".join(f"{t:.0f}" for t in times))
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    median = statistics.median(ordered)
    verdict = "meets" if median <= TARGETS_MS[label] else "MISSES"
    return (f"{label:<18} median {median:7.1f} ms   p90 {p90:7.1f} ms   max {ordered[-1]:7.1f} ms   "
            f"({len(times)} edits; {verdict} the {TARGETS_MS[label]} ms target)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--no-languagetool", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print every edit's time")
    args = parser.parse_args()
    text = document_of(args.words)
    print(f"document: {len(text.split()):,} words, {text.count(chr(10)):,} lines; "
          f"each edit appends a new word to one paragraph")
    runs = [("built-in rules", False)] + ([] if args.no_languagetool else [("with LanguageTool", True)])
    with tempfile.TemporaryDirectory(prefix="copydesk-lsp-bench-") as folder:
        for label, languagetool in runs:
            times = asyncio.run(measure(languagetool, text, args.edits, Path(folder)))
            print(report(label, times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
