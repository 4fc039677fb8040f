"""Shared by the service tests: `copydesk serve` started for real on a free
loopback port, in its own process, and stopped afterwards."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import requests

from conftest import ROOT

START_SECONDS = 180  # rules compiled and LanguageTool reached before the port opens


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_service(*args: str, env: dict | None = None):
    """The URL of a service started with these `copydesk serve` arguments."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--port", str(port), *args],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                raise AssertionError(f"copydesk serve exited {process.returncode}: {process.stderr.read()}")
            try:
                if requests.get(url + "/healthcheck", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("copydesk serve did not start in time")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def utf16(text: str, offset: int) -> int:
    """The UTF-16 offset of code point `offset` (how LanguageTool and JavaScript count)."""
    return len(text[:offset].encode("utf-16-le")) // 2
