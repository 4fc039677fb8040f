"""Talk to a LanguageTool server through language-tool-python.

Every failure (no connection, a timeout, an error status, a malformed
answer) becomes one `SourceUnavailable` whose message names the server and
the remedy; nothing from the HTTP stack leaks out as a traceback.

The checks go through the library's public client, `LanguageTool(language,
remote_server=url).check(text)`, with its public rule and category
settings. Two things it does not let a caller set, and a pre-publish check
needs: the request timeout (the class attribute `_TIMEOUT`, fixed at 300 s)
and the retry (`_query_server` tries every failed request twice). A hung
server would stall a run ten minutes; so `_OneTry` below sets those two,
and nothing else of the library's internals is touched. The managed server
itself is started by Copydesk (`server.py`), not by the library, because
the library downloads LanguageTool from its own mirror, while Copydesk's
jars come from Maven Central, pinned by `pom.xml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.check.engine import SourceUnavailable
from lint.config.settings import LanguageToolSettings


@dataclass(frozen=True)
class RawMatch:
    """One LanguageTool match in code-point offsets of the checked text."""

    offset: int
    length: int
    rule: str
    message: str
    replacements: tuple[str, ...]
    category: str
    issue_type: str
    type_name: str

    def to_json(self) -> list:
        """A compact form for the result cache."""
        return [self.offset, self.length, self.rule, self.message, list(self.replacements),
                self.category, self.issue_type, self.type_name]

    @classmethod
    def from_json(cls, item: list) -> RawMatch:
        """Inverse of `to_json`."""
        offset, length, rule, message, replacements, category, issue_type, type_name = item
        return cls(offset, length, rule, message, tuple(replacements), category, issue_type,
                   type_name)


def base_url(url: str) -> str:
    """The server root, whether the user wrote it with /v2 or not."""
    url = url.strip().rstrip("/")
    if not re.match(r"^https?://", url):
        url = "http://" + url
    return re.sub(r"/v2$", "", url)


class LanguageToolClient:
    """Checks text on one server with the configured language, level and rules."""

    def __init__(self, url: str, settings: LanguageToolSettings, remedy: str):
        self.url = base_url(url)
        self.settings = settings
        # What to tell the user when this server fails (differs for a managed server).
        self.remedy = remedy
        self._tool = None

    def version(self) -> str:
        """The server's LanguageTool version (one request with no text)."""
        data = self._post_json({"language": self.settings.language, "text": ""})
        try:
            return str(data["software"]["version"])
        except (KeyError, TypeError):
            raise self._malformed(str(data)) from None

    def check(self, text: str) -> list[RawMatch]:
        """LanguageTool's matches for `text`."""
        tool = self._connect()
        try:
            matches = tool.check(text)
        except Exception as exc:  # the library raises bare errors for bad answers
            raise self._failure(exc) from None
        try:
            return [_raw_match(match, text) for match in matches]
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise self._malformed(repr(exc)) from None

    def _connect(self):
        if self._tool is None:
            # Imported here: a run without LanguageTool should not pay for it.
            from language_tool_python import LanguageTool

            class _OneTry(LanguageTool):
                """language-tool-python retries a failed request once, which doubles
                the wait on a timeout; one try, with our timeout, is enough."""

                def _query_server(self, url, params=None, num_tries=2, method="get"):
                    return super()._query_server(url, params, num_tries=1, method=method)

            _OneTry._TIMEOUT = self.settings.timeout
            try:
                tool = _OneTry(self.settings.language, remote_server=self.url + "/")
            except Exception as exc:
                raise self._failure(exc) from None
            tool.picky = self.settings.picky
            tool.enabled_rules = set(self.settings.enable_rules)
            tool.disabled_rules = set(self.settings.disable_rules)
            tool.enabled_categories = set(self.settings.enable_categories)
            tool.disabled_categories = set(self.settings.disable_categories)
            self._tool = tool
        return self._tool

    def _post_json(self, data: dict):
        import requests  # imported late, like language-tool-python: cached runs need neither

        try:
            response = requests.post(f"{self.url}/v2/check", data=data,
                                     timeout=self.settings.timeout)
        except requests.RequestException as exc:
            raise self._failure(exc) from None
        if not response.ok:
            raise self._failure(RuntimeError(f"HTTP {response.status_code}: {response.text}"))
        try:
            return response.json()
        except ValueError:
            raise self._malformed(response.text) from None

    def _failure(self, exc: BaseException) -> SourceUnavailable:
        import requests

        chain = list(_chain(exc))
        where = f"LanguageTool at {self.url}"
        if any(isinstance(e, requests.Timeout) for e in chain):
            return SourceUnavailable(
                f"{where} did not answer within {self.settings.timeout:g} s: allow more time "
                f"with languagetool.timeout in copydesk.yaml, or {self.remedy}")
        refused = next((e for e in chain if isinstance(e, requests.ConnectionError)), None)
        if refused is not None:
            return SourceUnavailable(f"could not connect to {where} ({_reason(refused)}): "
                                     f"{self.remedy}")
        if isinstance(exc, ValueError) and "language" in str(exc).lower():
            return SourceUnavailable(f"{where} does not support language "
                                     f"{self.settings.language!r}: set languagetool.language "
                                     f"to one it supports, such as en-US or en-GB")
        text = str(exc)
        if text.lstrip().startswith(("<", "{")) or not text.strip():
            return self._malformed(text)
        return SourceUnavailable(f"{where} refused the request ({_short(text)}): {self.remedy}")

    def _malformed(self, body: str) -> SourceUnavailable:
        return SourceUnavailable(
            f"LanguageTool at {self.url} sent a malformed response ({_short(body) or 'empty'}): "
            f"check that the URL is a LanguageTool server (its /v2/check answers JSON), "
            f"or {self.remedy}")


def _raw_match(match, text: str) -> RawMatch:
    """Convert a library Match; its offset is already in code points, its
    length is still in UTF-16 units (LanguageTool is Java)."""
    offset = int(match.offset)
    length = _code_points(text, offset, int(match.error_length))
    kind = getattr(match, "type", None) or {}
    return RawMatch(offset, length, str(match.rule_id), str(match.message),
                    tuple(str(r) for r in match.replacements), str(match.category),
                    str(match.rule_issue_type or ""), str(kind.get("typeName", "")))


def _code_points(text: str, start: int, utf16_units: int) -> int:
    """How many code points from `start` make `utf16_units` UTF-16 units."""
    count = units = 0
    while units < utf16_units and start + count < len(text):
        units += 2 if ord(text[start + count]) > 0xFFFF else 1
        count += 1
    return count


def _chain(exc: BaseException | None):
    """An exception and the ones it was raised from."""
    while exc is not None:
        yield exc
        exc = exc.__cause__ or exc.__context__


def _reason(exc: BaseException) -> str:
    """The innermost cause in plain words ("Connection refused")."""
    innermost = list(_chain(exc))[-1]
    text = getattr(innermost, "strerror", None) or str(innermost)
    return _short(re.sub(r"^\[Errno -?\d+\]\s*", "", text)) or type(innermost).__name__


def _short(value) -> str:
    text = " ".join(str(value).split())
    return text[:120] + ("..." if len(text) > 120 else "")
