"""LanguageTool going wrong: each fault ends the run with the built-in
findings and a note naming the problem, or exit 2 under --require.

Every test here uses its own cache directory (the jars are linked from the
shared one `./scripts/bootstrap` provisioned), so its server, ports and
kills never touch the shared server other tests use.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import pytest

from conftest import ROOT
from lint.check.languagetool.locations import layout_for

SHARED = layout_for()
ARTICLE_ERRORS = "Their was an problem with the the report.\n"


def copydesk(*args, env: dict, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `python -m lint ARGS` with this environment."""
    return subprocess.run([sys.executable, "-m", "lint", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def report(*args, env: dict) -> tuple[dict, subprocess.CompletedProcess]:
    """`copydesk check --format json --no-cache ARGS`, parsed."""
    proc = copydesk("check", "--format", "json", "--no-cache", *args, env=env)
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout), proc


def private_env(root: Path, with_jars: bool = True) -> dict:
    """An environment whose LanguageTool cache directory is `root/languagetool`."""
    cache = root / "languagetool"
    cache.mkdir(parents=True, exist_ok=True)
    if with_jars:
        assert SHARED.jars_stamp.exists(), "run ./scripts/bootstrap first: LanguageTool is not provisioned"
        link = cache / SHARED.jars.name
        if not link.exists():
            link.symlink_to(SHARED.jars)
    return {**os.environ, "COPYDESK_CACHE_DIR": str(root)}


def server_state(env: dict) -> dict | None:
    """The private server's server.json, if any."""
    path = Path(env["COPYDESK_CACHE_DIR"]) / "languagetool" / "server.json"
    return json.loads(path.read_text()) if path.exists() else None


def checks_logged(env: dict) -> list[int]:
    """The text size of every check the private server has done (from its log)."""
    log = Path(env["COPYDESK_CACHE_DIR"]) / "languagetool" / "server.log"
    return [int(n) for n in re.findall(r"Check done: (\d+) chars", log.read_text())]


def sources(data: dict) -> set[str]:
    """The `source` of every finding in a report."""
    return {f["source"] for entry in data["files"] for f in entry["findings"]}


def assert_reported(data: dict, proc, *phrases: str) -> None:
    """Built-in findings survive and the note names the problem."""
    assert proc.returncode in (0, 1), proc.stderr
    assert sources(data) == {"builtin"}
    notes = " ".join(n for entry in data["files"] for n in entry.get("notes", []))
    assert "built-in rules only" in notes
    for phrase in phrases:
        assert phrase in notes, notes


def assert_required_fails(*args, env: dict, phrases: tuple[str, ...]) -> None:
    """Under --require: exit 2 and one line naming the problem, no traceback."""
    proc = copydesk("check", "--no-cache", "--require", "languagetool", *args, env=env)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("copydesk: error:")]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


@pytest.fixture
def article(tmp_path) -> Path:
    """A document with errors both the built-in rules and LanguageTool see."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE_ERRORS)
    return path


# --- a private real server, shared by the next three tests ------------------

@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """An environment with its own cache directory; its server is stopped at the end."""
    env = private_env(tmp_path_factory.mktemp("lt-own"))
    yield env
    copydesk("server", "stop", env=env)


def test_unchanged_paragraphs_are_never_sent_again(own_server, tmp_path):
    env = own_server
    doc = tmp_path / "story.txt"
    first, second = "Their was an problem in the harbour.", "The crew go home at noon."
    doc.write_text(f"{first}\n\n{second}\n")
    data, proc = report(doc, "--require", "languagetool", env=env)
    assert "languagetool" in sources(data), proc.stderr
    sent = checks_logged(env)

    data, _ = report(doc, "--require", "languagetool", env=env)
    assert "languagetool" in sources(data)
    assert checks_logged(env) == sent, "an unchanged document was sent again"

    edited = "The crews go home at noon and sleeps."
    doc.write_text(f"{first}\n\n{edited}\n")
    report(doc, "--require", "languagetool", env=env)
    assert checks_logged(env) == sent + [len(edited)], "more than the edited paragraph was sent"

    # With the server stopped, the cached document still gets its findings
    # and no server is started for it.
    assert copydesk("server", "stop", env=env).returncode == 0
    data, proc = report(doc, "--require", "languagetool", env=env)
    assert "languagetool" in sources(data), proc.stderr
    assert copydesk("server", "status", env=env).returncode == 1


def test_killed_server_is_restarted_even_when_its_port_is_taken(own_server, article):
    env = own_server
    assert copydesk("server", "start", env=env).returncode == 0
    old = server_state(env)
    os.kill(old["pid"], signal.SIGKILL)
    try:
        psutil.Process(old["pid"]).wait(timeout=30)
    except psutil.NoSuchProcess:
        pass
    with socket.socket() as squatter:  # another program now holds the old port
        squatter.bind(("127.0.0.1", old["port"]))
        squatter.listen()
        data, proc = report(article, "--require", "languagetool", env=env)
    assert "languagetool" in sources(data), proc.stderr
    assert "is not running; starting a new one" in proc.stderr
    new = server_state(env)
    assert new["pid"] != old["pid"] and new["port"] != old["port"]


def test_server_killed_mid_run_leaves_built_in_findings_and_a_note(own_server, tmp_path):
    env = own_server
    assert copydesk("server", "start", env=env).returncode == 0
    pid = server_state(env)["pid"]
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(150):  # distinct text, so nothing is cached
        (folder / f"doc{number:03}.txt").write_text(
            f"Report {number}: their was an problem with the the boat number {number}.\n\n"
            f"The crew of ship {number} go home after {number} days at sea.\n")
    results = Path(env["COPYDESK_CACHE_DIR"]) / "languagetool" / "results.sqlite3"
    rows_before = _rows(results)
    run = subprocess.Popen([sys.executable, "-m", "lint", "check", folder, "--format", "json",
                            "--no-cache", "--jobs", "1"], cwd=ROOT, env=env, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while _rows(results) <= rows_before and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)  # mid-run: some files are checked, most are not
    out, err = run.communicate(timeout=600)
    assert run.returncode in (0, 1), err
    files = json.loads(out)["files"]
    with_lt = [f for f in files if any(x["source"] == "languagetool" for x in f["findings"])]
    noted = [f for f in files if f.get("notes")]
    assert with_lt and noted, err
    assert all(any(x["source"] == "builtin" for x in f["findings"]) for f in noted)
    assert "could not connect to LanguageTool" in noted[-1]["notes"][0]
    assert "next run starts a new one" in noted[-1]["notes"][0]


def _rows(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        return 0


# --- start-up faults ----------------------------------------------------------

def test_server_that_does_not_start_in_time_is_reported_and_killed(tmp_path, article):
    env = {**private_env(tmp_path / "cache"), "COPYDESK_LANGUAGETOOL_START_TIMEOUT": "2"}
    data, proc = report(article, env=env)
    assert_reported(data, proc, "did not start within 2 s", "COPYDESK_LANGUAGETOOL_START_TIMEOUT")
    jars = str(tmp_path / "cache")
    assert not [p for p in psutil.process_iter(["cmdline"]) if jars in " ".join(p.info["cmdline"] or [])]
    assert_required_fails(article, env=env, phrases=("did not start within 2 s",))


def test_explicit_port_already_taken_is_refused(tmp_path):
    env = private_env(tmp_path / "cache")
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        proc = copydesk("server", "start", "--port", port, env=env)
    assert proc.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in proc.stderr
    assert "--port" in proc.stderr and server_state(env) is None


def test_missing_java_names_the_remedy(tmp_path, article):
    env = {**private_env(tmp_path / "cache"), "PATH": str(tmp_path / "empty-bin")}
    env.pop("JAVA_HOME", None)
    data, proc = report(article, env=env)
    assert_reported(data, proc, "Java was not found", "--languagetool URL")
    assert_required_fails(article, env=env, phrases=("Java was not found",))


def test_missing_maven_names_the_remedy(tmp_path, article):
    env = {**private_env(tmp_path / "cache", with_jars=False), "PATH": str(tmp_path / "empty-bin")}
    data, proc = report(article, env=env)
    assert_reported(data, proc, "Maven (mvn) was not found", "copydesk setup")


def test_unreachable_maven_central_names_the_remedy(tmp_path):
    home = tmp_path / "home"
    (home / ".m2").mkdir(parents=True)
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    (home / ".m2" / "settings.xml").write_text(
        f"<settings><mirrors><mirror><id>offline</id><mirrorOf>*</mirrorOf>"
        f"<url>http://127.0.0.1:{port}/maven2</url></mirror></mirrors></settings>")
    env = {**private_env(tmp_path / "cache", with_jars=False),
           "MAVEN_OPTS": f"-Duser.home={home}"}
    proc = copydesk("setup", env=env)
    assert proc.returncode == 2
    assert "could not download LanguageTool" in proc.stderr
    assert "connection refused" in proc.stderr and "copydesk setup" in proc.stderr
    assert "fetching LanguageTool" in proc.stderr  # progress was shown first


# --- a server at --languagetool URL that misbehaves ----------------------------

class _Silent:
    """Accepts connections and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.held: list = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.held.append(self.sock.accept()[0])
            except OSError:
                return

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


class _JunkHandler(BaseHTTPRequestHandler):
    def _junk(self):
        body = b"<html><body>Welcome to nginx!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _junk

    def log_message(self, *args):
        pass


@pytest.fixture
def junk_server():
    """An HTTP server that answers everything with an HTML page."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _JunkHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_slow_server_past_the_timeout(tmp_path, article):
    env = private_env(tmp_path / "cache", with_jars=False)
    config = tmp_path / "copydesk.yaml"
    config.write_text("languagetool:\n  timeout: 1\n")
    silent = _Silent()
    try:
        started = time.monotonic()
        data, proc = report(article, "--config", config, "--languagetool", silent.url, env=env)
        assert time.monotonic() - started < 60
        assert_reported(data, proc, "did not answer within 1 s", "languagetool.timeout")
        assert_required_fails(article, "--config", config, "--languagetool", silent.url,
                              env=env, phrases=("did not answer within 1 s",))
    finally:
        silent.close()


def test_malformed_response(tmp_path, article, junk_server):
    env = private_env(tmp_path / "cache", with_jars=False)
    data, proc = report(article, "--languagetool", junk_server, env=env)
    assert_reported(data, proc, "malformed response", "Welcome to nginx")
    assert_required_fails(article, "--languagetool", junk_server, env=env,
                          phrases=("malformed response",))


@pytest.mark.parametrize("how", ["select", "disable"])
def test_languagetool_is_not_attempted_when_no_lt_rule_can_report(tmp_path, article, how):
    # No jars and no Java or Maven: any attempt would leave a note.
    env = {**private_env(tmp_path / "cache", with_jars=False), "PATH": str(tmp_path / "empty-bin")}
    config = tmp_path / "copydesk.yaml"
    config.write_text("disable: [lt]\n" if how == "disable" else "")
    args = ("--select", "typos") if how == "select" else ()
    data, proc = report(article, "--config", config, *args, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert not data["files"][0].get("notes"), data["files"][0]
