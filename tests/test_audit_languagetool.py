"""Each Dask worker of an audit runs a LanguageTool server of its own,
started when the worker joins and stopped when it leaves, and the findings
(LanguageTool's among them) are those of `copydesk check`."""

from __future__ import annotations

import json
import time

import psutil
import pytest
from audithelp import audit_findings, check_findings, make_archive, start_audit

pytest.importorskip("distributed")


def test_each_worker_checks_with_its_own_languagetool_server(tmp_path):
    from lint.check.languagetool.locations import layout_for
    from lint.check.languagetool.provision import find_java

    try:
        find_java()
    except Exception as exc:
        pytest.skip(f"no Java for LanguageTool: {exc}")
    # New text in every run, so the paragraph cache cannot answer for the servers.
    made = make_archive(tmp_path / "archive", 40, seed=11, salt=f"{time.time_ns()}")
    workers = layout_for().root / "workers"
    before = set(workers.glob("*.json")) if workers.is_dir() else set()
    run = start_audit(made["jsonl"], "--out", tmp_path / "r", "--scheduler", "dask-local:2",
                      "--memory-limit", "1.5GiB", "--no-cache", "--partition-size", "10", cwd=tmp_path)
    servers = {}
    while run.poll() is None:
        for state in set(workers.glob("*.json")) - before if workers.is_dir() else ():
            try:
                servers[state.name] = json.loads(state.read_text())["pid"]
            except (OSError, ValueError):
                pass
        time.sleep(0.2)
    _, err = run.communicate()
    assert run.returncode == 0, err
    assert len(servers) == 2, servers  # one a worker
    assert len(set(servers.values())) == 2
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
                   for pid in servers.values()), "a worker's server outlived the run"

    found = audit_findings(tmp_path / "r")
    assert any(key[1].startswith("lt.") for key in found)
    assert found == check_findings(made["files"], "--require", "languagetool")
