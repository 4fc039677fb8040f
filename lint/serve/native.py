"""The native API: ``/api/v1/check``, ``/api/v1/fix``, ``/api/v1/rules``.

``check`` answers with exactly the ``version: 1`` JSON of ``copydesk check
--format json``; ``fix`` with the corrected edition and the change log of
``copydesk fix --log``.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from lint.serve.inputs import check_text_size, json_object, string_field
from lint.serve.service import RequestError, check_request_config, format_name, safe_path


async def _document_request(request: Request):
    """(service, text, path, format, config) from a check or fix body."""
    service = request.app.state.service
    data = await json_object(request)
    text = string_field(data, "text", required=True)
    assert text is not None  # required=True raises instead
    check_text_size(text, service.limits.max_bytes)
    fmt = format_name(string_field(data, "format"))
    path = safe_path(string_field(data, "path"), fmt)
    config = data.get("config")
    config = check_request_config(config) if config is not None else None
    return service, data, text, path, fmt, config


async def check(request: Request) -> JSONResponse:
    """POST /api/v1/check {"text", "format"?, "path"?, "config"?}."""
    from lint.render.json_format import results_to_dict

    service, _, text, path, fmt, config = await _document_request(request)
    result = await service.run(service.check_text, text, path, fmt, config)
    return JSONResponse(results_to_dict([result]))


async def fix(request: Request) -> JSONResponse:
    """POST /api/v1/fix {"text", "format"?, "path"?, "config"?, "unsafe"?}."""
    from lint.cli.fix_run import LOG_VERSION, log_entry

    service, data, text, path, fmt, config = await _document_request(request)
    unsafe = data.get("unsafe", False)
    if not isinstance(unsafe, bool):
        raise RequestError("'unsafe' must be true or false")
    result = await service.run(service.fix_text, text, path, fmt, config, unsafe)
    return JSONResponse({"version": LOG_VERSION, "path": str(path), "fixed": result.fixed,
                         "changed": result.fixed != result.original,
                         "log": log_entry(str(path), result)})


async def rules(request: Request) -> JSONResponse:
    """GET /api/v1/rules: the rules in force, as `copydesk rules` lists them."""
    service = request.app.state.service
    found = await service.run(service.rules)
    return JSONResponse({"version": 1, "rules": [
        {"id": rule.id, "kind": rule.kind, "severity": str(rule.severity), "category": rule.category,
         "fix": str(rule.fix) if rule.fix else None, "description": rule.description,
         "link": rule.link or None}
        for rule in sorted(found, key=lambda r: r.id)]})


ROUTES = [
    Route("/api/v1/check", check, methods=["POST"]),
    Route("/api/v1/fix", fix, methods=["POST"]),
    Route("/api/v1/rules", rules, methods=["GET"]),
]
