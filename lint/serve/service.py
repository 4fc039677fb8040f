"""The warm checker behind every API: one Linter, one worker, a bounded queue.

Checks run one at a time on a worker thread (the pipeline keeps caches that
are not shared between threads); the event loop only waits for them. A
request that finds the queue full is refused at once (`QueueFull`, a 503), one
that waits longer than the timeout is answered with `CheckTimeout` (a 504).
When LanguageTool fails, findings come from the built-in rules with a
warning, and the server is restarted in the background.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePath

from lint.formats import FORMATS
from lint.run.pipeline import CommandLine, FileResult, Linter, document_from_text

# Keys a request's own configuration may set: none names a file or a server.
REQUEST_CONFIG_KEYS = {"enable", "disable", "severity", "options", "vocabulary", "languagetool",
                       "builtin_rules", "overrides", "dialect"}
REQUEST_LANGUAGETOOL_KEYS = {"enabled", "language", "picky", "enable_rules", "disable_rules",
                             "enable_categories", "disable_categories"}
RESTART_PAUSE = 15.0  # seconds between two attempts to restart LanguageTool


class RequestError(ValueError):
    """Bad input from a client: answered with 400 and this one-line reason."""


class QueueFull(Exception):
    """More checks are waiting than the queue holds (a 503)."""


class CheckTimeout(Exception):
    """A check took longer than the per-request timeout (a 504)."""


@dataclass(frozen=True)
class Limits:
    """What the service accepts."""

    max_bytes: int = 1_000_000
    timeout: float = 30.0
    queue: int = 16


def format_name(value: str | None) -> str | None:
    """A request's `format` checked against the format table; None: from the path."""
    if value in (None, ""):
        return None
    text_formats = [name for name, fmt in FORMATS.items() if not fmt.reader]  # a request carries text
    if value not in text_formats:
        raise RequestError(f"unknown format {value!r}; use one of {', '.join(text_formats)}")
    return value


def safe_path(value: str | None, fmt: str | None) -> PurePath:
    """The document's name from a request: only its last part is kept, and it
    is never opened; it picks the format when `fmt` is None."""
    if value is not None and not isinstance(value, str):
        raise RequestError("path must be a string")
    name = PurePath(value.replace("\\", "/")).name if value else ""
    if not name:
        name = "draft" + FORMATS[fmt or "text"].suffixes[0]
    return PurePath(name)


def check_request_config(config) -> dict:
    """A request's `config` object, refused when it names files or servers."""
    if not isinstance(config, dict):
        raise RequestError("config must be an object with copydesk.yaml keys")
    unknown = sorted(set(config) - REQUEST_CONFIG_KEYS)
    if unknown:
        raise RequestError(f"config key {unknown[0]!r} cannot be set by a request; allowed: "
                           f"{', '.join(sorted(REQUEST_CONFIG_KEYS))}")
    lt = config.get("languagetool", {})
    if not isinstance(lt, dict):
        raise RequestError("config.languagetool must be an object")
    refused = sorted(set(lt) - REQUEST_LANGUAGETOOL_KEYS)
    if refused:
        raise RequestError(f"config.languagetool.{refused[0]} cannot be set by a request")
    return config


class CheckService:
    """Checks text with a warm Linter for the service's whole life."""

    def __init__(self, cli: CommandLine, limits: Limits = Limits()):
        self.cli = cli
        self.limits = limits
        self.linter = Linter(cli)
        self._request_linters: OrderedDict[str, Linter] = OrderedDict()
        self._config_dir = tempfile.TemporaryDirectory(prefix="copydesk-serve-")
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-check")
        self._waiting = 0
        self._count_lock = threading.Lock()
        self._descriptions: dict[int, dict[str, str]] = {}
        self._restarting = threading.Lock()
        self._last_restart = 0.0

    # -- running checks -------------------------------------------------
    async def run(self, job, *args):
        """Run `job(*args)` on the worker, within the queue and the timeout."""
        with self._count_lock:
            if self._waiting >= self.limits.queue:
                raise QueueFull(f"{self._waiting} checks are running or waiting, the most this "
                                f"service queues ({self.limits.queue}); retry shortly")
            self._waiting += 1
        future = self._worker.submit(job, *args)
        future.add_done_callback(lambda _: self._release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.limits.timeout)
        except TimeoutError:
            raise CheckTimeout(f"the check took longer than {self.limits.timeout:g} s "
                               "(the service's --timeout); send a shorter text or raise it") from None

    def _release(self) -> None:  # called on the worker thread
        with self._count_lock:
            self._waiting -= 1

    def check_text(self, text: str, path: PurePath, fmt: str | None,
                   config: dict | None = None, metrics: bool = True) -> FileResult:
        """The pipeline's result for a text (on the worker thread)."""
        linter = self.linter_for(config)
        result = linter.check(document_from_text(text, Path(path), fmt), metrics=metrics)
        if result.notes and self._uses_languagetool(linter):
            self._restart_languagetool_later(linter)
        return result

    def check_described(self, text: str, path: PurePath, fmt: str | None,
                        config: dict | None = None) -> tuple[FileResult, dict[str, str]]:
        """The result, and each rule's description (rule id -> text)."""
        result = self.check_text(text, path, fmt, config, metrics=False)
        _, ruleset, _ = self.linter_for(config).setup_for(Path(path))
        descriptions = self._descriptions.get(id(ruleset))
        if descriptions is None:
            descriptions = {rule.id: rule.description or rule.message for rule in ruleset.rules}
            self._descriptions[id(ruleset)] = descriptions
        return result, descriptions

    def entities(self, config: dict | None = None) -> list:
        """The facts base's entities (for Typerighter's markAsCorrect)."""
        _, ruleset, _ = self.linter_for(config).setup_for(Path("draft.txt"))
        return ruleset.context.entities

    def fix_text(self, text: str, path: PurePath, fmt: str | None, config: dict | None,
                 unsafe: bool):
        """The corrected edition of a text and the result of checking it."""
        from lint.fix import Relinter, fix_document

        linter = self.linter_for(config)
        document = document_from_text(text, Path(path), fmt)
        return fix_document(document, Relinter(linter, document.path), unsafe=unsafe)

    def rules(self) -> list:
        """The compiled rules in force (the server's configuration)."""
        _, ruleset, _ = self.linter.setup_for(Path("draft.txt"))
        return ruleset.rules

    async def warm_up(self) -> None:
        """Compile the rules and reach LanguageTool before the first request
        (however long that takes: it is not a request)."""
        from lint.check.engine import SourceUnavailable

        try:
            await asyncio.wrap_future(self._worker.submit(
                self.check_text, "Copydesk is starting.", PurePath("warmup.txt"), None, None, False))
        except SourceUnavailable as exc:  # required and down: each request will say so (503)
            print(f"copydesk serve: {exc}", file=sys.stderr, flush=True)

    # -- per-request configurations -------------------------------------
    def linter_for(self, config: dict | None) -> Linter:
        """The server's Linter, or one for a request's own configuration
        (kept warm for the last few configurations seen)."""
        if not config:
            return self.linter
        key = hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:16]
        linter = self._request_linters.get(key)
        if linter is None:
            path = Path(self._config_dir.name) / f"{key}.yaml"
            # JSON is YAML: the file is read by the same loader as copydesk.yaml.
            path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
            cli = CommandLine(config=path, languagetool=self.cli.languagetool,
                              languagetool_url=self.cli.languagetool_url)
            linter = Linter(cli)
            self._request_linters[key] = linter
            while len(self._request_linters) > 8:
                self._request_linters.popitem(last=False)
        self._request_linters.move_to_end(key)
        return linter

    # -- LanguageTool restarts ------------------------------------------
    def _uses_languagetool(self, linter: Linter) -> bool:
        settings = linter.settings_for(Path("draft.txt"))
        return settings.languagetool.enabled and not settings.languagetool.url

    def _restart_languagetool_later(self, linter: Linter) -> None:
        if time.time() - self._last_restart < RESTART_PAUSE or not self._restarting.acquire(False):
            return
        self._last_restart = time.time()
        threading.Thread(target=self._restart, args=(linter,), daemon=True,
                         name="copydesk-lt-restart").start()

    def _restart(self, linter: Linter) -> None:
        from lint.check.engine import SourceUnavailable
        from lint.check.languagetool.locations import layout_for
        from lint.check.languagetool.server import ServerManager

        try:
            ServerManager(layout_for(linter.settings_for(Path("draft.txt")))).ensure_running()
            # The sources are renewed on the worker, between two checks.
            self._worker.submit(self._renew_all)
        except SourceUnavailable:
            pass  # the next failing check tries again after RESTART_PAUSE
        finally:
            self._restarting.release()

    def _renew_all(self) -> None:
        for linter in (self.linter, *self._request_linters.values()):
            linter.renew_sources()

    def explain_config_error(self, message: str) -> str:
        """A configuration error's message, naming a request's config as such
        rather than by the temporary file it was written to."""
        return re.sub(re.escape(self._config_dir.name) + r"/\w+\.yaml(:\d+)?", "request config", message)

    def close(self) -> None:
        """Stop the worker and remove the request configurations."""
        self._worker.shutdown(wait=False, cancel_futures=True)
        self._config_dir.cleanup()
