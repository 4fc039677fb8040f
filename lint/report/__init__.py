"""The annotated HTML report: one self-contained page per document, and an index.

Pages are rendered from Jinja2 templates with autoescaping, so document text
can never become markup. CSS and JS are inlined and pinned by sha256 hashes
in a Content-Security-Policy meta tag; nothing else may load or run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from lint import __version__
from lint.categories import report_css
from lint.report.model import DocumentReport, build_document
from lint.report.visible import visible

__all__ = ["DocumentReport", "build_document", "render_page", "page_name"]


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("lint.report", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, trim_blocks=False, keep_trailing_newline=True,
                       finalize=visible)


@cache
def _asset(name: str) -> str:
    text = resources.files("lint.report").joinpath("templates", name).read_text(encoding="utf-8")
    # An asset closing its own element would end it early and break the hash.
    assert "</" + name.split(".")[-1] not in text.lower(), name
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(css: str, script: str) -> str:
    """Allow exactly the inline style and script of the page; nothing loads."""
    return (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def render_page(title: str, docs: list[DocumentReport], index: list[DocumentReport] | None = None,
                up: str = "") -> str:
    """One HTML page: the documents given, preceded by an index when given;
    `up` links back to the index page of a directory report."""
    css, script = _asset("report.css") + report_css(), _asset("report.js") + _asset("decisions.js")
    return _environment().get_template("page.html.j2").render(
        title=title, docs=docs, index=index, up=up, css=Markup(css), script=Markup(script),
        csp=Markup(content_security_policy(css, script)), version=__version__)


def page_name(path: str, taken: set[str]) -> str:
    """A file name for a document's page, readable, unique among `taken`."""
    stem = re.sub(r"[^\w.-]+", "-", path.strip("./\\")).strip("-.") or "document"
    name, number = f"{stem}.html", 2
    while name.lower() in taken or name.lower() == "index.html":
        name, number = f"{stem}-{number}.html", number + 1
    taken.add(name.lower())
    return name
