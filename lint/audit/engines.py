"""Where an audit's partitions run: `--scheduler`.

- ``local`` (the default): this machine's processes, no cluster needed
  (`concurrent.futures`, one process a CPU or ``--jobs N``);
- ``dask-local:N``: a Dask `LocalCluster` of N single-threaded worker
  processes, started for the run and closed after it;
- ``dask://HOST:PORT``: an existing Dask cluster's scheduler.

On Dask, each worker starts a LanguageTool server of its own (the
`workerserver` plugin) unless LanguageTool is off. A worker that dies takes
its partition with it; Dask gives the partition to another worker (up to
its ``allowed-failures``), and one that fails for good comes back as an
exception, which the run records as error rows.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from lint.audit.worker import AuditOptions, check_partition


class SchedulerError(Exception):
    """A --scheduler value that names no engine, or a cluster that cannot be reached."""


@dataclass(frozen=True)
class EngineChoice:
    """A parsed --scheduler value."""

    kind: str  # "local", "dask-local" or "dask"
    workers: int | None = None
    address: str | None = None


def parse_scheduler(value: str) -> EngineChoice:
    """``local``, ``dask-local:N`` or ``dask://HOST:PORT``."""
    if value == "local":
        return EngineChoice("local")
    found = re.fullmatch(r"dask-local(?::(\d+))?", value)
    if found:
        workers = int(found.group(1) or 2)
        if workers < 1:
            raise SchedulerError("dask-local:N needs N of 1 or more")
        return EngineChoice("dask-local", workers=workers)
    found = re.fullmatch(r"dask://([^/:]+):(\d+)/?", value)
    if found:
        return EngineChoice("dask", address=f"tcp://{found.group(1)}:{found.group(2)}")
    raise SchedulerError(f"--scheduler {value!r}: expected local, dask-local:N or dask://HOST:PORT")


class LocalEngine:
    """Partitions in this machine's worker processes."""

    dashboard = None

    def __init__(self, options: AuditOptions, jobs: int | None = None):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.options = options
        self.workers = jobs or len(os.sched_getaffinity(0))
        # Spawned, not forked: the parent runs a progress thread.
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        self.label = f"{self.workers} local process{'es' if self.workers != 1 else ''}"

    def submit(self, partition):
        """Start checking a partition; returns a future."""
        return self.pool.submit(check_partition, partition, self.options)

    def as_completed(self, futures):
        """The futures as they finish."""
        from concurrent.futures import as_completed

        return as_completed(futures)

    def cancel(self, futures) -> None:
        """Drop the partitions not started yet."""
        for future in futures:
            future.cancel()

    def close(self) -> None:
        """Stop the processes."""
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Partitions on a Dask cluster: an existing one, or a LocalCluster of the run's own."""

    def __init__(self, options: AuditOptions, choice: EngineChoice, memory_limit: str | None = None):
        from distributed import Client, LocalCluster

        self.options = options
        self.cluster = None
        try:
            if choice.kind == "dask-local":
                self.cluster = LocalCluster(n_workers=choice.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=":0",
                                            memory_limit=memory_limit or "auto")
                self.client = Client(self.cluster)
            else:
                self.client = Client(choice.address, timeout="10s")
        except OSError as exc:
            raise SchedulerError(f"cannot reach the Dask scheduler at {choice.address}: {exc}; "
                                 f"check that `dask scheduler` runs there and the port is open") from None
        self.workers = len(self.client.scheduler_info(n_workers=-1)["workers"])
        self.label = f"{self.workers} Dask worker{'s' if self.workers != 1 else ''} ({self.client.scheduler.address})"
        self.dashboard = self.client.dashboard_link
        if options.draft is None and options.cli.languagetool is not False and not options.cli.languagetool_url:
            from lint.audit.workerserver import LanguageToolPerWorker

            self.client.register_plugin(LanguageToolPerWorker())

    def submit(self, partition):
        """Start checking a partition; returns a Dask future."""
        return self.client.submit(check_partition, partition, self.options,
                                  key=f"copydesk-audit-{partition.name}-{os.getpid()}", pure=False)

    def as_completed(self, futures):
        """The futures as they finish."""
        from distributed import as_completed

        return as_completed(futures)

    def cancel(self, futures) -> None:
        """Drop the partitions not finished."""
        self.client.cancel(list(futures))

    def close(self) -> None:
        """Unregister from the cluster; stop the LocalCluster if it is the run's own."""
        if self.options.draft is None and self.options.cli.languagetool is not False and self.cluster is None:
            try:  # an existing cluster's workers keep running: stop their servers now
                self.client.unregister_worker_plugin("copydesk-languagetool")
            except Exception:
                pass
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def open_engine(value: str, options: AuditOptions, jobs: int | None = None,
                memory_limit: str | None = None):
    """The engine a --scheduler value names, started."""
    choice = parse_scheduler(value)
    if choice.kind == "local":
        return LocalEngine(options, jobs)
    return DaskEngine(options, choice, memory_limit)
