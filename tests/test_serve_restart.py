"""LanguageTool dying under `copydesk serve`: the service answers with the
built-in findings and a warning (never a 500), restarts the server, and
LanguageTool's findings come back. The service gets its own cache
directory, so its server and the kill never touch the shared one."""

from __future__ import annotations

import os
import signal
import time

import psutil
import requests

from servehelp import running_service
from test_languagetool_faults import copydesk, private_env, server_state

RESTART_SECONDS = 240


def check(url: str, number: int) -> dict:
    # A new sentence each time: the paragraph cache must not answer for LanguageTool.
    text = f"Their was an problem with report number {number}. Accoring to him, it is fine.\n"
    answer = requests.post(url + "/api/v1/check", json={"text": text}, timeout=120)
    assert answer.status_code == 200, answer.text
    return answer.json()["files"][0]


def alive(pid: int) -> bool:
    """True until the process has ended (a zombie has: the service reaps it later)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def sources(entry: dict) -> set[str]:
    return {finding["source"] for finding in entry["findings"]}


def test_a_killed_languagetool_is_restarted_and_meanwhile_builtin_findings_come_with_a_warning(tmp_path):
    env = private_env(tmp_path / "cache")
    try:
        with running_service(env=env) as url:
            assert sources(check(url, 1)) == {"builtin", "languagetool"}
            old = server_state(env)
            os.kill(old["pid"], signal.SIGKILL)
            gone_by = time.monotonic() + 30
            while time.monotonic() < gone_by and alive(old["pid"]):
                time.sleep(0.2)
            meanwhile = check(url, 2)
            assert sources(meanwhile) == {"builtin"}
            assert any("LanguageTool" in note for note in meanwhile["notes"]), meanwhile
            deadline, number = time.monotonic() + RESTART_SECONDS, 3
            while "languagetool" not in sources(entry := check(url, number)):
                assert time.monotonic() < deadline, f"LanguageTool did not come back: {entry['notes']}"
                number += 1
                time.sleep(1)
            assert entry.get("notes") is None
            assert server_state(env)["pid"] != old["pid"]
    finally:
        copydesk("server", "stop", env=env)
