"""Start, find, health-check and stop the local LanguageTool server.

The server is a detached ``org.languagetool.server.HTTPServer`` on
127.0.0.1 (LanguageTool listens on localhost unless given ``--public``,
which Copydesk never passes). Its pid, port and version are kept in
``server.json`` in the cache directory, so later runs reuse it; a server
that died, or a port now held by something else, is replaced.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass

import psutil

from lint.check.engine import SourceUnavailable
from lint.check.languagetool.locations import Layout, file_lock
from lint.check.languagetool.provision import (
    OTHER_WAYS,
    check_java_version,
    find_java,
    provision,
)

SERVER_CLASS = "org.languagetool.server.HTTPServer"
HOST = "127.0.0.1"
DEFAULT_START_TIMEOUT = 120.0
BUSY_PATIENCE = 20.0  # seconds a live but silent server gets before it is replaced
# A short sentence checked once at start: LanguageTool loads its rules on the
# first check (about ten seconds), which must not count against a request timeout.
WARM_UP_TEXT = "Copydesk is warming up the the server."


@dataclass(frozen=True)
class ServerState:
    """A server Copydesk started."""

    pid: int
    port: int
    version: str

    @property
    def url(self) -> str:
        """Its base URL."""
        return f"http://{HOST}:{self.port}"


def start_timeout() -> float:
    """Seconds to wait for a new server ($COPYDESK_LANGUAGETOOL_START_TIMEOUT)."""
    value = os.environ.get("COPYDESK_LANGUAGETOOL_START_TIMEOUT")
    try:
        return float(value) if value else DEFAULT_START_TIMEOUT
    except ValueError:
        return DEFAULT_START_TIMEOUT


class ServerManager:
    """The local server for one cache directory."""

    def __init__(self, layout: Layout):
        self.layout = layout

    def read_state(self) -> ServerState | None:
        """What server.json records, if anything."""
        try:
            data = json.loads(self.layout.state.read_text())
            return ServerState(int(data["pid"]), int(data["port"]), str(data["version"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def status(self, patience: float = 0.0) -> ServerState | None:
        """The recorded server if it is ours, alive and answering.

        `patience`: seconds to keep asking a live server that does not answer,
        since a server busy with another process's long check answers late
        and must not be replaced while that check runs."""
        state = self.read_state()
        # A server of another LanguageTool version (the pom changed) is replaced.
        if not state or state.version != self.layout.version or not _is_our_server(state):
            return None
        deadline = time.monotonic() + patience
        while not _healthy(state):
            if time.monotonic() >= deadline or not _is_our_server(state):
                return None
            time.sleep(0.5)
        return state

    def ensure_running(self, stream=None) -> ServerState:
        """A healthy server: the recorded one, or a newly started one."""
        return self.start(None, stream)[0]

    def start(self, port: int | None = None, stream=None) -> tuple[ServerState, bool]:
        """The running server, or a new one (on `port` if given); (state, newly started)."""
        state = self.status()
        if state:
            return state, False
        provision(self.layout, stream)
        with file_lock(self.layout.server_lock):
            # Another process may have started it meanwhile, or it is only busy.
            state = self.status(patience=BUSY_PATIENCE)
            if state:
                return state, False
            previous = self.read_state()
            if previous:
                _say(stream, f"copydesk: the LanguageTool server recorded in {self.layout.state} "
                             f"(pid {previous.pid}, port {previous.port}) is not running; "
                             f"starting a new one")
                self._stop_locked()
            return self._start_locked(port, stream), True

    def stop(self) -> ServerState | None:
        """Stop the recorded server; return it if one was running."""
        with file_lock(self.layout.server_lock):
            return self._stop_locked()

    def _stop_locked(self) -> ServerState | None:
        state = self.read_state()
        stopped = None
        if state and _is_our_server(state):
            _terminate(state.pid)
            stopped = state
        self.layout.state.unlink(missing_ok=True)
        return stopped

    def _start_locked(self, port: int | None, stream) -> ServerState:
        java = find_java()
        check_java_version(java)
        if port is None:
            port = _free_port()
        elif not _port_free(port):
            raise SourceUnavailable(
                f"port {port} on {HOST} is already in use by another program, so LanguageTool "
                f"cannot listen there: choose another port (`copydesk server start --port N`) "
                f"or stop that program")
        command = [java, "-cp", f"{self.layout.jars}/*", SERVER_CLASS, "--port", str(port)]
        timeout = start_timeout()
        _say(stream, f"copydesk: starting LanguageTool {self.layout.version} on {HOST}:{port} "
                     f"(15 s or more)...")
        with open(self.layout.server_log, "w", encoding="utf-8") as log:
            # A new session: the server outlives this run and ignores its Ctrl-C.
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, start_new_session=True,
                                       cwd=self.layout.root)
        state = ServerState(process.pid, port, self.layout.version)
        try:
            self._wait_until_ready(process, state, timeout)
        except BaseException:
            _terminate(process.pid)
            raise
        self.layout.state.write_text(json.dumps(asdict(state)) + "\n")
        return state

    def _wait_until_ready(self, process: subprocess.Popen, state: ServerState,
                          timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = process.poll()
            if code is not None:
                raise SourceUnavailable(self._early_exit_message(code, state))
            if _healthy(state) and _warm_up(state, deadline - time.monotonic()):
                return
            time.sleep(0.2)
        raise SourceUnavailable(
            f"the LanguageTool server did not start within {timeout:g} s (log: "
            f"{self.layout.server_log}): on a slow machine allow more time with "
            f"COPYDESK_LANGUAGETOOL_START_TIMEOUT=SECONDS, or start it beforehand with "
            f"`copydesk server start`, " + OTHER_WAYS)

    def _early_exit_message(self, code: int, state: ServerState) -> str:
        lines = _tail(self.layout.server_log)
        if any("Address already in use" in line or "BindException" in line for line in lines):
            return (f"port {state.port} on {HOST} was taken by another program while LanguageTool "
                    f"started: run again to pick another port, or stop that program")
        last = next((line for line in reversed(lines) if line.strip()), "no output")
        return (f"the LanguageTool server exited while starting (exit {code}: {last[:200]}); "
                f"see {self.layout.server_log}; run `copydesk setup` to re-check the install, "
                + OTHER_WAYS)


def _is_our_server(state: ServerState) -> bool:
    """The pid is alive and is a LanguageTool server on the recorded port
    (a recycled pid belongs to some other program and must not be touched)."""
    try:
        process = psutil.Process(state.pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return False
        command = process.cmdline()
    except (psutil.Error, OSError):
        return False
    return SERVER_CLASS in command and str(state.port) in command


def _healthy(state: ServerState) -> bool:
    import requests  # here, not above: a fully cached run never needs HTTP

    try:
        response = requests.get(f"{state.url}/v2/healthcheck", timeout=3)
    except requests.RequestException:
        return False
    return response.ok


def _warm_up(state: ServerState, remaining: float) -> bool:
    import requests

    try:
        response = requests.post(f"{state.url}/v2/check", timeout=max(1.0, remaining),
                                 data={"language": "en-US", "text": WARM_UP_TEXT})
        return response.ok
    except requests.RequestException:
        return False


def _terminate(pid: int) -> None:
    try:
        process = psutil.Process(pid)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
    except psutil.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    except (psutil.Error, OSError):
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def _tail(path, count: int = 40) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()[-count:]
    except OSError:
        return []


def _say(stream, message: str) -> None:
    print(message, file=stream or sys.stderr, flush=True)
