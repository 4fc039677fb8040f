"""`copydesk audit` on a real Dask LocalCluster of 2 worker processes, on a
generated archive of 2,000 documents: the findings are those of `copydesk
check`, a worker killed mid-run loses no document, and a killed run resumed
ends with the results of one run straight through."""

from __future__ import annotations

import os
import re
import signal

import pytest
from audithelp import (
    audit_documents,
    audit_findings,
    check_findings,
    make_archive,
    start_audit,
    wait_for_shards,
)
from conftest import run_copydesk

distributed = pytest.importorskip("distributed")

DOCUMENTS = 2000


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The archive in three shapes, and what `copydesk check` finds in it."""
    made = make_archive(tmp_path_factory.mktemp("archive"), DOCUMENTS)
    made["expected"] = check_findings(made["files"], "--no-languagetool")
    assert len(made["expected"]) > DOCUMENTS  # the archive has plenty to find
    return made


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 single-threaded worker processes and a client of it."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  memory_limit="1.5GiB", dashboard_address=":0") as local:
        with distributed.Client(local) as client:
            yield local, client


def scheduler_of(cluster) -> str:
    return cluster[0].scheduler_address.replace("tcp://", "dask://")


@pytest.mark.parametrize("shape", ["jsonl", "parquet"])
def test_findings_on_the_cluster_equal_those_of_check(archive, cluster, tmp_path, shape):
    results = tmp_path / "results"
    proc = run_copydesk("audit", archive[shape], "--out", results, "--scheduler", scheduler_of(cluster),
                        "--no-languagetool", "--no-cache", cwd=archive["files"].parent)
    assert proc.returncode == 0, proc.stderr
    assert "2 Dask workers" in proc.stderr and f"audited {DOCUMENTS:,} documents" in proc.stderr
    assert audit_findings(results) == archive["expected"]
    documents = audit_documents(results)
    assert [d["doc_id"] for d in documents] == sorted(r["id"] for r in archive["records"])
    assert not any(d["error"] for d in documents)
    by_id = {r["id"]: r for r in archive["records"]}
    assert all(d["published"] == by_id[d["doc_id"]]["published"] for d in documents)
    assert sum(d["findings"] for d in documents) == len(archive["expected"])


def test_a_worker_killed_mid_run_loses_no_document(archive, cluster, tmp_path):
    local, client = cluster
    results = tmp_path / "results"
    run = start_audit(archive["jsonl"], "--out", results, "--scheduler", scheduler_of(cluster),
                      "--no-languagetool", "--no-cache", "--partition-size", "25", cwd=tmp_path)
    done = wait_for_shards(results, 10, run)
    assert done < DOCUMENTS // 25, "the run ended before a worker could be killed"
    victim = next(iter(client.run(os.getpid).values()))
    os.kill(victim, signal.SIGKILL)  # the nanny starts a new worker; its partition goes elsewhere
    _, err = run.communicate(timeout=600)
    assert run.returncode == 0, err
    assert audit_findings(results) == archive["expected"]
    documents = audit_documents(results)
    assert len(documents) == DOCUMENTS and not any(d["error"] for d in documents)
    client.wait_for_workers(2, timeout=120)


def test_a_killed_run_resumes_to_the_results_of_one_run(archive, cluster, tmp_path):
    straight, resumed = tmp_path / "straight", tmp_path / "resumed"
    common = ("--scheduler", scheduler_of(cluster), "--no-languagetool", "--partition-size", "25")
    cache = ("--cache-dir", tmp_path / "cache")
    proc = run_copydesk("audit", archive["parquet"], "--out", straight, *common, "--no-cache",
                        cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr

    run = start_audit(archive["parquet"], "--out", resumed, *common, *cache, cwd=tmp_path)
    done = wait_for_shards(resumed, 8, run)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert done < DOCUMENTS // 25, "the run ended before it could be killed"

    again = run_copydesk("audit", archive["parquet"], "--out", resumed, *common, cwd=tmp_path)
    assert again.returncode == 2 and "--resume" in again.stderr  # an audit is there already

    proc = run_copydesk("audit", archive["parquet"], "--out", resumed, *common, *cache, "--resume",
                        cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    skipped = re.search(r"(\d+) of 80 partitions already done", proc.stderr)
    assert skipped and int(skipped.group(1)) >= 8, proc.stderr
    checked = int(re.search(r"audited ([\d,]+) documents", proc.stderr).group(1).replace(",", ""))
    assert checked == DOCUMENTS - 25 * int(skipped.group(1))  # only the partitions not finished
    assert audit_findings(resumed) == audit_findings(straight) == archive["expected"]
    unchanging = ("doc_id", "content_hash", "findings", "errors", "warnings", "infos", "error")
    assert ([{k: d[k] for k in unchanging} for d in audit_documents(resumed)]
            == [{k: d[k] for k in unchanging} for d in audit_documents(straight)])


def test_a_partition_whose_worker_fails_for_good_is_recorded_and_resumed(archive, tmp_path):
    """With no retries allowed, a killed worker's partitions fail: their
    documents become error rows, the audit goes on, and --resume checks them."""
    import dask

    results = tmp_path / "results"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      memory_limit="1.5GiB", dashboard_address=":0") as local:
            with distributed.Client(local) as client:
                scheduler = local.scheduler_address.replace("tcp://", "dask://")
                run = start_audit(archive["jsonl"], "--out", results, "--scheduler", scheduler,
                                  "--no-languagetool", "--no-cache", "--partition-size", "25", cwd=tmp_path)
                wait_for_shards(results, 4, run)
                busy = {w: tasks for w, tasks in client.processing().items() if tasks}
                assert busy, "no partition was running"
                pids = client.run(os.getpid)
                os.kill(pids[next(iter(busy))], signal.SIGKILL)
                _, err = run.communicate(timeout=600)
                assert run.returncode == 0, err
                assert "not checked" in err
                lost = [d for d in audit_documents(results) if d["error_kind"] == "worker"]
                assert lost and all("KilledWorker" in d["error"] for d in lost)
                assert len(audit_documents(results)) == DOCUMENTS  # every document has its row

                client.wait_for_workers(2, timeout=120)
                proc = run_copydesk("audit", archive["jsonl"], "--out", results, "--scheduler", scheduler,
                                    "--no-languagetool", "--no-cache", "--partition-size", "25", "--resume",
                                    cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"checking the other {len({d['partition'] for d in lost})}" in proc.stderr
    documents = audit_documents(results)
    assert len(documents) == DOCUMENTS and not any(d["error"] for d in documents)
    assert audit_findings(results) == archive["expected"]
