"""The Typerighter-compatible API: ``/check``, ``/checkStream``,
``/categories``, ``/healthcheck`` (what prosemirror-typerighter calls).

Each block is checked as a document of its own; positions are absolute
(the block's ``from`` plus UTF-16 offsets in its text, as JavaScript
counts), and ``skipRanges`` are cut out before checking and put back after.
``/checkStream`` sends one JSON record per finished block, each followed by
the 0x1F record separator the Typerighter client splits on.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

from lint.model import Finding
from lint.serve import describe
from lint.serve.entities import known_entities
from lint.serve.inputs import check_text_size, json_object
from lint.serve.offsets import Utf16Index
from lint.serve.service import RequestError

RECORD_SEPARATOR = "\x1f"
CATEGORIES = ("spelling", "grammar", "confusion", "usage", "punctuation", "typography", "mechanics",
              "capitalization", "style", "readability", "claims", "facts", "debris", "locale")


class Block:
    """One block of a request, with its skipped ranges cut out."""

    def __init__(self, data):
        if not isinstance(data, dict):
            raise RequestError("each block must be an object with id, text, from and to")
        self.id, self.text = data.get("id"), data.get("text")
        self.start, self.end = data.get("from"), data.get("to")
        if not isinstance(self.id, str) or not isinstance(self.text, str):
            raise RequestError("each block needs a string 'id' and 'text'")
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise RequestError(f"block {self.id!r} needs integer 'from' and 'to'")
        index = Utf16Index(self.text)
        # Skipped ranges in absolute positions -> kept code-point pieces of the text.
        cuts = []
        for skip in data.get("skipRanges") or []:
            if not isinstance(skip, dict) or not all(isinstance(skip.get(k), int) for k in ("from", "to")):
                raise RequestError(f"block {self.id!r}: each skipRange needs integer 'from' and 'to'")
            cuts.append((index.from_utf16(max(0, skip["from"] - self.start)),
                         index.from_utf16(max(0, skip["to"] - self.start))))
        self.kept: list[tuple[int, int]] = []  # (offset in checked text, offset in block text)
        pieces, position, checked = [], 0, 0
        for cut_start, cut_end in sorted(cuts):
            if cut_start > position:
                self.kept.append((checked, position))
                pieces.append(self.text[position:cut_start])
                checked += cut_start - position
            position = max(position, cut_end)
        self.kept.append((checked, position))
        pieces.append(self.text[position:])
        self.checked = "".join(pieces)
        self.index = index

    def to_block(self, offset: int) -> int:
        """A code-point offset in the checked text as one in the block's text."""
        base_checked, base_block = 0, 0
        for checked, block in self.kept:
            if checked > offset:
                break
            base_checked, base_block = checked, block
        return base_block + offset - base_checked

    def summary(self) -> dict:
        return {"id": self.id, "text": self.text, "from": self.start, "to": self.end}


def match_of(finding: Finding, block: Block, descriptions: dict[str, str]) -> dict:
    """One finding as a Typerighter match, in absolute positions."""
    start, end = block.to_block(finding.start), block.to_block(finding.end)
    text = block.text
    suggestions = [{"type": "TEXT_SUGGESTION", "text": value} for value in finding.replacements]
    category = describe.category_id(finding.category)
    match = {
        "rule": {"id": describe.rule_id(finding),
                 "category": {"id": category, "name": describe.category_name(finding.category)},
                 "description": descriptions.get(finding.rule, finding.message)},
        "fromPos": block.start + block.index.to_utf16(start),
        "toPos": block.start + block.index.to_utf16(end),
        "matchedText": text[start:end], "message": finding.message,
        "shortMessage": describe.short_message(finding), "suggestions": suggestions,
        "markAsCorrect": False,
        "matchContext": _context(text, start, end),
        "precedingText": text[max(0, start - describe.CONTEXT_CHARS):start],
        "subsequentText": text[end:end + describe.CONTEXT_CHARS],
        "priority": int(finding.severity),
    }
    if finding.fix is not None and finding.replacements:
        match["replacement"] = suggestions[0]
    return match


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - describe.CONTEXT_CHARS):start]
    right = text[end:end + describe.CONTEXT_CHARS]
    return f"{left}[{text[start:end]}]{right}"


class CheckRequest:
    """A /check or /checkStream body."""

    def __init__(self, data: dict, max_bytes: int):
        self.request_id = data.get("requestId")
        if not isinstance(self.request_id, str):
            raise RequestError("'requestId' must be a string")
        self.document_id = data.get("documentId")
        blocks = data.get("blocks")
        if not isinstance(blocks, list):
            raise RequestError("'blocks' must be a list of {id, text, from, to}")
        self.blocks = [Block(item) for item in blocks]
        check_text_size("".join(block.text for block in self.blocks), max_bytes)
        self.include = self._categories(data, "categoryIds")
        self.exclude = self._categories(data, "excludeCategoryIds")

    @staticmethod
    def _categories(data: dict, name: str) -> set[str]:
        value = data.get(name) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise RequestError(f"{name!r} must be a list of category ids")
        return {item.upper() for item in value}

    def keeps(self, finding: Finding) -> bool:
        category = {describe.category_id(finding.category), finding.category.upper()}
        if category & self.exclude:
            return False
        return not self.include or bool(category & self.include)

    def category_ids(self) -> list[str]:
        return sorted(self.include) or [describe.category_id(c) for c in CATEGORIES]


def _block_matches(service, request: CheckRequest, block: Block) -> list[dict]:
    """The matches for one block (run on the worker)."""
    result, descriptions = service.check_described(block.checked, PurePath("draft.txt"), "text")
    matches = [match_of(f, block, descriptions) for f in result.findings if request.keeps(f)]
    for known in known_entities(block.checked, service.entities(), result.findings):
        if request.keeps(known):
            match = match_of(known, block, descriptions)
            match["markAsCorrect"] = True
            matches.append(match)
    return matches


async def check(request: Request) -> JSONResponse:
    """POST /check: every block's matches at once."""
    service = request.app.state.service
    body = CheckRequest(await json_object(request), service.limits.max_bytes)
    matches: list[dict] = []
    for block in body.blocks:
        matches += await service.run(_block_matches, service, body, block)
    return JSONResponse({"requestId": body.request_id, "documentId": body.document_id,
                         "blocks": [b.summary() for b in body.blocks],
                         "categoryIds": body.category_ids(), "matches": matches})


async def check_stream(request: Request) -> StreamingResponse:
    """POST /checkStream: one record per block as each is finished."""
    service = request.app.state.service
    body = CheckRequest(await json_object(request), service.limits.max_bytes)

    async def records():
        total = max(1, len(body.blocks))
        for number, block in enumerate(body.blocks, 1):
            record = {"requestId": body.request_id, "documentId": body.document_id,
                      "blocks": [block.summary()], "categoryIds": body.category_ids(),
                      "percentageRequestComplete": round(100 * number / total, 2)}
            try:
                record["matches"] = await service.run(_block_matches, service, body, block)
            except Exception as exc:  # the stream has begun: the error goes in the record
                record["matches"], record["error"] = [], str(exc).splitlines()[0] if str(exc) else "error"
            yield json.dumps(record, ensure_ascii=False) + RECORD_SEPARATOR
    return StreamingResponse(records(), media_type="application/json-seq")


async def categories(request: Request) -> JSONResponse:
    """GET /categories: the categories findings come in."""
    return JSONResponse([{"id": describe.category_id(c), "name": describe.category_name(c)}
                         for c in CATEGORIES])


async def healthcheck(request: Request) -> JSONResponse:
    """GET /healthcheck."""
    return JSONResponse({"healthy": True})


ROUTES = [
    Route("/check", check, methods=["POST"]),
    Route("/checkStream", check_stream, methods=["POST"]),
    Route("/categories", categories, methods=["GET"]),
    Route("/healthcheck", healthcheck, methods=["GET"]),
]
