"""The paste-in web page at ``/``: the HTML report's styles and badges with
an editor on top. Nothing loads from elsewhere: the CSS and script are inline,
pinned by hashes in the Content-Security-Policy (as in the report), and the
script may only call this service."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from lint import __version__
from lint.categories import CATEGORY_FAMILY, report_css
from lint.formats import FORMATS
from lint.report import content_security_policy


def _asset(package: str, folder: str, name: str) -> str:
    return resources.files(package).joinpath(folder, name).read_text(encoding="utf-8")


@cache
def render() -> tuple[str, str]:
    """(the page, its Content-Security-Policy)."""
    # The report's styles and its fixed category colours (lint/categories.py), then the editor's.
    css = (_asset("lint.report", "templates", "report.css") + report_css()
           + _asset("lint.serve", "assets", "page.css"))
    script = _asset("lint.serve", "assets", "page.js")
    # The page's own script calls the service, so it may connect to this origin.
    csp = content_security_policy(css, script) + "; connect-src 'self'"
    environment = Environment(
        loader=ChoiceLoader([PackageLoader("lint.serve", "assets"), PackageLoader("lint.report", "templates")]),
        autoescape=select_autoescape(default=True, default_for_string=True), undefined=StrictUndefined)
    html = environment.get_template("page.html.j2").render(
        css=Markup(css), script=Markup(script), csp=Markup(csp), version=__version__, formats=list(FORMATS),
        families=json.dumps(CATEGORY_FAMILY, sort_keys=True))
    return html, csp


async def index(request: Request) -> HTMLResponse:
    """GET /: the page."""
    html, csp = render()
    return HTMLResponse(html, headers={"Content-Security-Policy": csp, "Referrer-Policy": "no-referrer",
                                       "X-Content-Type-Options": "nosniff"})


ROUTES = [Route("/", index, methods=["GET"])]
