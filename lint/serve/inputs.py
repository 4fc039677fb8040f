"""Reading a request: its body within the size limit, JSON, form or query
parameters, and the one-line errors every API answers bad input with."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse

from lint.serve.service import RequestError


class TooLarge(Exception):
    """The body is over the service's maximum text size (a 413)."""


def error_response(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    """Every error the service gives: its status and a one-line reason."""
    return JSONResponse({"error": message.splitlines()[0] if message else "error", "status": status},
                        status_code=status, headers=headers)


async def read_body(request: Request) -> bytes:
    """The request body, refused (413) once it passes the size limit."""
    limit = request.app.state.service.limits.max_bytes
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise TooLarge(_too_large(int(declared), limit))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit + 64 * 1024:  # room for the JSON or form around the text
            raise TooLarge(_too_large(len(body), limit))
    return bytes(body)


def _too_large(size: int, limit: int) -> str:
    return f"the request has {size:,} bytes, more than this service accepts ({limit:,}; --max-bytes)"


def check_text_size(text: str, limit: int) -> None:
    """413 for a text over the limit (counted in UTF-8 bytes)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise TooLarge(f"the text has {size:,} bytes, more than this service accepts "
                       f"({limit:,}; --max-bytes)")


async def json_object(request: Request) -> dict:
    """The body as a JSON object, or a RequestError saying why not."""
    body = await read_body(request)
    if not body.strip():
        raise RequestError("the request has no body; send a JSON object")
    try:
        value = json.loads(body)
    except UnicodeDecodeError:
        raise RequestError("the body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise RequestError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(value, dict):
        raise RequestError("the body must be a JSON object")
    return value


async def parameters(request: Request) -> dict[str, str]:
    """Query parameters, then form fields of a POST (they win), as LanguageTool reads them."""
    values = dict(request.query_params)
    if request.method == "POST":
        body = await read_body(request)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            raise RequestError("send form fields (application/x-www-form-urlencoded), not JSON")
        try:
            fields = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            raise RequestError("the form is not UTF-8") from None
        values.update(fields)
    return values


def string_field(data: dict, name: str, required: bool = False) -> str | None:
    """A string member of a JSON object."""
    value = data.get(name)
    if value is None:
        if required:
            raise RequestError(f"{name!r} is missing")
        return None
    if not isinstance(value, str):
        raise RequestError(f"{name!r} must be a string")
    return value
