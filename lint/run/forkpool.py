"""Run a function over a list in forked worker processes (Linux).

`concurrent.futures.ProcessPoolExecutor` costs 30-50 ms before its first
worker starts (importing multiprocessing, logging and sockets, starting its
threads, pickling every input), about a tenth of checking a few files. Here
the workers are forked with the inputs already in memory: each takes the
next index from one shared pipe (4 bytes; whichever worker is free reads
it) and sends each result back, pickled, on a pipe of its own.

A worker that dies takes its current item with it: the caller gets every
result that arrived and sees which are missing. An exception raised by the
function (a configuration error, an interrupted run) ends the worker and is
raised again in the parent.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
from collections.abc import Callable, Iterator, Sequence

AVAILABLE = sys.platform == "linux"  # macOS forks unsafely once system frameworks load
_INDEX = 4  # bytes per index on the task pipe; writes of up to PIPE_BUF bytes are atomic
_BATCH = 1024  # indices written ahead: 4 KB, within PIPE_BUF, so one write never blocks
_LENGTH = 8  # bytes of the length before each pickled result


def imap_unordered(function: Callable, items: Sequence, jobs: int,
                   initializer: Callable[[], None] | None = None) -> Iterator[tuple[int, object]]:
    """Yield (index, function(items[index])) as the workers finish them.

    `initializer` runs once in each worker before its first item. Raises
    OSError when no worker could be started.
    """
    tasks = _Tasks(len(items))
    workers: dict[int, int] = {}  # result pipe -> pid
    try:
        sys.stdout.flush()
        sys.stderr.flush()  # or the workers inherit, and later print, what is buffered
        for _ in range(jobs):
            results_read, results_write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns into the caller's code
                code = 1
                try:
                    os.close(tasks.write_end)
                    for descriptor in (results_read, *workers):
                        os.close(descriptor)
                    if initializer is not None:
                        initializer()
                    code = _serve(function, items, tasks.read_end, results_write)
                finally:
                    os._exit(code)
            os.close(results_write)
            workers[results_read] = pid
        tasks.close_read_end()
        yield from _collect(workers, tasks)
    finally:
        tasks.close()
        _stop(workers)


class _Tasks:
    """The pipe of indices: written ahead by at most _BATCH, then one more
    for each result, and closed once the last is written (the workers then
    read to its end and stop)."""

    def __init__(self, total: int):
        self.read_end, self.write_end = os.pipe()
        self.total, self.sent = total, 0

    def hand_out(self, count: int) -> None:
        count = min(count, self.total - self.sent)
        if count > 0:
            first = self.sent
            try:
                os.write(self.write_end, b"".join(i.to_bytes(_INDEX, "little") for i in range(first, first + count)))
            except BrokenPipeError:  # every worker is gone: the caller sees what is missing
                self.close()
                return
            self.sent += count
        if self.sent == self.total:
            self.close()

    def close_read_end(self) -> None:
        if self.read_end >= 0:
            os.close(self.read_end)
            self.read_end = -1

    def close(self) -> None:
        """Close both ends (each once: a number closed twice may be another file's by then)."""
        self.close_read_end()
        if self.write_end >= 0:
            os.close(self.write_end)
            self.write_end = -1


def _serve(function: Callable, items: Sequence, tasks: int, results: int) -> int:
    """A worker's loop: the next index, its result, until the pipe is empty."""
    while True:
        index = os.read(tasks, _INDEX)
        if not index:
            return 0
        index = int.from_bytes(index, "little")
        try:
            message = (index, True, function(items[index]))
        except BaseException as exc:  # noqa: BLE001 - the parent raises it again
            _send(results, (index, False, _picklable(exc)))
            return 1
        _send(results, message)


def _send(descriptor: int, message) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(_LENGTH, "little") + data)
    while view:
        view = view[os.write(descriptor, view):]


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - whatever fails to pickle, its message still tells
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _collect(workers: dict[int, int], tasks: _Tasks) -> Iterator[tuple[int, object]]:
    """Hand out indices and yield results until every worker's pipe is closed."""
    tasks.hand_out(_BATCH)
    buffers = {descriptor: bytearray() for descriptor in workers}
    while buffers:
        ready, _, _ = select.select(list(buffers), [], [])
        for descriptor in ready:
            chunk = os.read(descriptor, 1 << 16)
            if not chunk:
                del buffers[descriptor]  # that worker is done (or dead)
                continue
            buffer = buffers[descriptor]
            buffer += chunk
            while len(buffer) >= _LENGTH:
                size = int.from_bytes(buffer[:_LENGTH], "little")
                if len(buffer) < _LENGTH + size:
                    break
                index, ok, value = pickle.loads(buffer[_LENGTH:_LENGTH + size])
                del buffer[:_LENGTH + size]
                if not ok:
                    raise value
                tasks.hand_out(1)
                yield index, value


def _stop(workers: dict[int, int]) -> None:
    """Close the result pipes and reap every worker (ended ones at once;
    any still running, after a failure in the parent, are stopped first)."""
    for descriptor, pid in workers.items():
        os.close(descriptor)
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if not done:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        except ChildProcessError:
            pass  # reaped already
