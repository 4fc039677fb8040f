"""A LanguageTool server of each Dask worker's own, as a worker plugin.

Every worker starts one server when it joins (or takes over the one a
killed predecessor of the same name left running), sends its checks there,
and stops it when it leaves. The servers are the managed kind that `copydesk
server` runs, with the same jars; only their state file (pid, port) is the
worker's own, ``<cache>/languagetool/workers/<host>-<worker>.json``.
"""

from __future__ import annotations

import asyncio
import re
import socket

from distributed.diagnostics.plugin import WorkerPlugin

from lint.audit.worker import use_worker_languagetool


def worker_layout(worker_name: str):
    """The LanguageTool layout of one worker: shared jars, its own state and log."""
    from lint.check.languagetool.locations import layout_for

    layout = layout_for().ensure()
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{socket.gethostname()}-{worker_name}")
    folder = layout.root / "workers"
    folder.mkdir(exist_ok=True)
    layout.state = folder / f"{name}.json"
    layout.server_log = folder / f"{name}.log"
    layout.server_lock = folder / f"{name}.lock"
    return layout


class LanguageToolPerWorker(WorkerPlugin):
    """Starts the worker's LanguageTool server on setup, stops it on teardown."""

    name = "copydesk-languagetool"

    def __init__(self):
        self.manager = None

    async def setup(self, worker):
        """Start (or find) this worker's server; off the event loop, it takes seconds."""
        from lint.check.languagetool.server import ServerManager

        self.manager = ServerManager(worker_layout(str(worker.name)))
        state = await asyncio.to_thread(self.manager.ensure_running)
        use_worker_languagetool(state.url)

    async def teardown(self, worker):
        """Stop the server when the worker closes."""
        use_worker_languagetool(None)
        if self.manager is not None:
            await asyncio.to_thread(self.manager.stop)
