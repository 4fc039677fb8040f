"""The LanguageTool-compatible API: ``/v2/check``, ``/v2/languages``, ``/v2/info``.

A LanguageTool client pointed at Copydesk gets every finding of the one
pipeline (the built-in rules and LanguageTool's own) in LanguageTool's
response shape, with offsets and lengths in UTF-16 code units as
LanguageTool counts them.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from lint import __version__
from lint.check.sources import LANGUAGETOOL_LANGUAGES
from lint.model import Finding
from lint.serve import describe
from lint.serve.inputs import check_text_size, parameters
from lint.serve.offsets import Utf16Index
from lint.serve.service import RequestError

LANGUAGE_NAMES = {"en-US": "English (US)", "en-GB": "English (GB)", "en-CA": "English (Canadian)",
                  "en-AU": "English (Australian)", "en-NZ": "English (New Zealand)",
                  "en-ZA": "English (South African)"}
SOFTWARE = {"name": "Copydesk", "version": __version__, "buildDate": None, "apiVersion": 1,
            "premium": False, "premiumHint": "", "status": ""}


def language_of(value: str | None) -> str:
    """The English variant a request names ('auto' and 'en' are US English)."""
    if not value:
        raise RequestError("Missing 'language' parameter; use 'auto' or one of "
                           + ", ".join(LANGUAGETOOL_LANGUAGES))
    if value in ("auto", "en"):
        return "en-US"
    for code in LANGUAGETOOL_LANGUAGES:
        if value.lower() == code.lower():
            return code
    raise RequestError(f"language {value!r} is not supported: Copydesk checks English "
                       f"({', '.join(LANGUAGETOOL_LANGUAGES)}, or 'auto')")


def text_of(values: dict[str, str]) -> str:
    """The text to check: `text`, or `data` (LanguageTool's annotated text,
    whose markup is blanked with spaces so that offsets stay those of `data`)."""
    if "text" in values:
        return values["text"]
    if "data" not in values:
        raise RequestError("Missing 'text' or 'data' parameter")
    try:
        data = json.loads(values["data"])
    except json.JSONDecodeError as exc:
        raise RequestError(f"'data' is not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise RequestError("'data' must be a JSON object with 'text' or 'annotation'")
    if isinstance(data.get("text"), str):
        return data["text"]
    parts = data.get("annotation")
    if not isinstance(parts, list):
        raise RequestError("'data' must have 'text' or an 'annotation' list")
    pieces = []
    for part in parts:
        if isinstance(part, dict) and isinstance(part.get("text"), str):
            pieces.append(part["text"])
        elif isinstance(part, dict) and isinstance(part.get("markup"), str):
            blank = "\n" if "\n" in str(part.get("interpretAs", "")) else " "
            pieces.append(blank * len(part["markup"]))
        else:
            raise RequestError("each annotation needs a 'text' or a 'markup' string")
    return "".join(pieces)


def _listed(values: dict[str, str], name: str) -> set[str]:
    return {item.strip() for item in values.get(name, "").split(",") if item.strip()}


class Selection:
    """enabledRules, disabledRules, enabledCategories, disabledCategories, enabledOnly."""

    def __init__(self, values: dict[str, str]):
        self.enabled_rules = _listed(values, "enabledRules")
        self.disabled_rules = _listed(values, "disabledRules")
        self.enabled_categories = {c.upper() for c in _listed(values, "enabledCategories")}
        self.disabled_categories = {c.upper() for c in _listed(values, "disabledCategories")}
        self.only = values.get("enabledOnly", "false").lower() == "true"
        if self.only and not (self.enabled_rules or self.enabled_categories):
            raise RequestError("enabledOnly=true needs enabledRules or enabledCategories")

    def keeps(self, finding: Finding) -> bool:
        """True when the finding's rule and category are wanted."""
        ids = {finding.rule, describe.rule_id(finding)}
        categories = {describe.category_id(finding.category), finding.category.upper()}
        if ids & self.disabled_rules or categories & self.disabled_categories:
            return False
        if self.only:
            return bool(ids & self.enabled_rules or categories & self.enabled_categories)
        return True

    def config(self, language: str, picky: bool) -> dict | None:
        """The request configuration LanguageTool itself needs (its own rules turned on)."""
        lt: dict = {}
        if language != "en-US":
            lt["language"] = language
        if picky:
            lt["picky"] = True
        extra = sorted(r[len(describe.LT_PREFIX):] if r.startswith(describe.LT_PREFIX) else r
                       for r in self.enabled_rules if "." not in r or r.startswith(describe.LT_PREFIX))
        if extra:
            lt["enable_rules"] = extra
        return {"languagetool": lt} if lt else None


def match_of(finding: Finding, text: str, index: Utf16Index, descriptions: dict[str, str]) -> dict:
    """One finding as a LanguageTool match."""
    offset, length = index.span(finding.start, finding.end)
    shown, shown_start, at, size = describe.context(text, finding.start, finding.end)
    context_index = Utf16Index(shown)
    first, last = describe.sentence_bounds(text, finding.start, finding.end)
    category = describe.category_id(finding.category)
    return {
        "message": finding.message, "shortMessage": describe.short_message(finding),
        "replacements": [{"value": value} for value in finding.replacements],
        "offset": offset, "length": length,
        "context": {"text": shown, "offset": context_index.to_utf16(at),
                    "length": context_index.span(at, at + size)[1]},
        "sentence": text[first:last],
        "type": {"typeName": describe.type_name(finding)},
        "rule": {"id": describe.rule_id(finding),
                 "description": descriptions.get(finding.rule, finding.message),
                 "issueType": describe.issue_type(finding),
                 "category": {"id": category, "name": describe.category_name(finding.category)},
                 "sourceFile": finding.source},
        "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
    }


async def check(request: Request) -> JSONResponse:
    """GET or POST /v2/check, as LanguageTool answers it."""
    service = request.app.state.service
    values = await parameters(request)
    language = language_of(values.get("language"))
    text = text_of(values)
    check_text_size(text, service.limits.max_bytes)
    selection = Selection(values)
    picky = values.get("level", "default").lower() == "picky"
    result, descriptions = await service.run(
        service.check_described, text, PurePath("draft.txt"), "text",
        selection.config(language, picky))
    index = Utf16Index(text)
    matches = [match_of(f, text, index, descriptions) for f in result.findings if selection.keeps(f)]
    name = LANGUAGE_NAMES[language]
    body = {
        "software": SOFTWARE,
        "warnings": {"incompleteResults": bool(result.notes), "notes": list(result.notes)},
        "language": {"name": name, "code": language,
                     "detectedLanguage": {"name": name, "code": language, "confidence": 1.0,
                                          "source": "copydesk"}},
        "matches": matches,
    }
    return JSONResponse(body)


async def languages(request: Request) -> JSONResponse:
    """GET /v2/languages: the English variants Copydesk checks."""
    return JSONResponse([{"name": LANGUAGE_NAMES[code], "code": "en", "longCode": code}
                         for code in LANGUAGETOOL_LANGUAGES])


async def info(request: Request) -> JSONResponse:
    """GET /v2/info: what this server is."""
    return JSONResponse({"software": SOFTWARE})


ROUTES = [
    Route("/v2/check", check, methods=["GET", "POST"]),
    Route("/v2/languages", languages, methods=["GET"]),
    Route("/v2/info", info, methods=["GET"]),
]
