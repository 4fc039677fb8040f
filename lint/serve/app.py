"""The ASGI application: the routes of every API, the bearer token, and
the one-line error for each way a request can fail."""

from __future__ import annotations

import hmac
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse

from lint.check.engine import SourceUnavailable
from lint.config.yamlsource import ConfigError
from lint.serve import languagetool, native, page, typerighter
from lint.serve.inputs import TooLarge, error_response
from lint.serve.service import CheckService, CheckTimeout, QueueFull, RequestError

# Routes open without the token: the page (its script sends the token) and the health check.
OPEN_PATHS = {"/", "/healthcheck", "/favicon.ico"}
RETRY_AFTER_SECONDS = 2


class TokenGuard:
    """ASGI middleware: with a token set, every API route needs
    ``Authorization: Bearer <token>``."""

    def __init__(self, app, token: str | None):
        self.app = app
        self.expected = f"Bearer {token}".encode() if token else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or self.expected is None or scope["path"] in OPEN_PATHS:
            return await self.app(scope, receive, send)
        given = dict(scope["headers"]).get(b"authorization", b"")
        if hmac.compare_digest(given, self.expected):
            return await self.app(scope, receive, send)
        reason = "a bearer token is required (Authorization: Bearer <token>)" if not given \
            else "the bearer token is wrong"
        response = error_response(401, reason, {"WWW-Authenticate": 'Bearer realm="copydesk"'})
        await response(scope, receive, send)


def _handler(status: int, headers: dict | None = None):
    async def handle(request: Request, exc: Exception) -> JSONResponse:
        return error_response(status, str(exc), headers)
    return handle


async def _config_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(400, request.app.state.service.explain_config_error(str(exc)))


async def _source_unavailable(request: Request, exc: Exception) -> JSONResponse:
    # Only a required source (--require languagetool) gets this far.
    return error_response(503, f"LanguageTool is required (--require languagetool) but unavailable: {exc}",
                          {"Retry-After": str(RETRY_AFTER_SECONDS * 5)})


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, f"internal error: {type(exc).__name__}: {exc}")


async def _not_found(request: Request, exc: Exception) -> JSONResponse:
    return error_response(404, f"no such route: {request.method} {request.url.path}")


async def _not_allowed(request: Request, exc: Exception) -> JSONResponse:
    return error_response(405, f"{request.method} is not allowed on {request.url.path}")


def build_app(service: CheckService, token: str | None = None, warm: bool = True) -> Starlette:
    """The service's ASGI app; `warm` compiles the rules and reaches
    LanguageTool at start-up rather than on the first request."""

    @asynccontextmanager
    async def lifespan(app):
        if warm:
            await service.warm_up()
        yield
        service.close()

    app = Starlette(
        routes=[*page.ROUTES, *native.ROUTES, *languagetool.ROUTES, *typerighter.ROUTES],
        exception_handlers={
            RequestError: _handler(400), ConfigError: _config_error, TooLarge: _handler(413),
            QueueFull: _handler(503, {"Retry-After": str(RETRY_AFTER_SECONDS)}),
            CheckTimeout: _handler(504), SourceUnavailable: _source_unavailable,
            404: _not_found, 405: _not_allowed, Exception: _server_error,
        },
        lifespan=lifespan,
    )
    app.state.service = service
    app.add_middleware(TokenGuard, token=token)
    return app
