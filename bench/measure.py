"""Time whole commands: wall clock, CPU and peak memory of a child process."""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

GNU_TIME = Path("/usr/bin/time")
TREE_SAMPLE_S = 0.05  # how often the memory of a command's whole process tree is read


class BenchError(Exception):
    """A timed command failed; the message says which and why."""


@dataclass
class Sample:
    """One run of one command."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_mb: float  # largest resident set of the process (or a waited-for child)
    tree_mb: float = float("nan")  # largest sum of resident sets of the process and its children


@dataclass
class Row:
    """Several runs of one command on one corpus, summarised."""

    name: str
    corpus: str
    words: int
    samples: list[Sample] = field(default_factory=list)
    note: str = ""
    skipped: bool = False

    @property
    def wall(self) -> float:
        """Median wall-clock seconds."""
        return statistics.median(s.wall for s in self.samples) if self.samples else float("nan")

    @property
    def cpu(self) -> float:
        """Median CPU seconds."""
        return statistics.median(s.cpu for s in self.samples) if self.samples else float("nan")

    @property
    def peak_mb(self) -> float:
        """Highest peak memory over the runs, in MB."""
        return max((s.peak_mb for s in self.samples), default=float("nan"))

    @property
    def tree_mb(self) -> float:
        """Highest memory of the whole process tree (workers included), in MB."""
        return max((s.tree_mb for s in self.samples), default=float("nan"))

    @property
    def words_per_second(self) -> float:
        """Corpus words over median wall time."""
        return self.words / self.wall if self.samples and self.wall > 0 else float("nan")

    def as_dict(self) -> dict:
        """The row for results.json."""
        return {
            "name": self.name, "corpus": self.corpus, "words": self.words,
            "runs": len(self.samples), "skipped": self.skipped, "note": self.note,
            "wall_s": _round(self.wall), "cpu_s": _round(self.cpu),
            "peak_mb": _round(self.peak_mb, 1), "tree_peak_mb": _round(self.tree_mb, 1),
            "words_per_s": _round(self.words_per_second, 0),
            "samples": [{"wall_s": _round(s.wall), "cpu_s": _round(s.cpu), "peak_mb": _round(s.peak_mb, 1),
                         "tree_peak_mb": _round(s.tree_mb, 1)} for s in self.samples],
        }


def _round(value: float, digits: int = 3):
    return None if value != value else round(value, digits)  # NaN -> null in JSON


def run_once(cmd: list[str], *, cwd=None, env=None, ok_codes=(0, 1)) -> Sample:
    """Run a command to completion with output discarded; measure it.

    ``os.wait4`` gives the child's CPU time (including the children it
    reaped, so a tool that forks workers is charged for them). Its
    ``ru_maxrss`` is not used: a child counts the benchmark's own memory from
    before its exec. GNU time, a small process, reports the command's peak.
    """
    with tempfile.TemporaryFile() as err, open(os.devnull, "wb") as null, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if GNU_TIME.exists():
            cmd = [str(GNU_TIME), "-f", "%M", "-o", rss.name, *cmd]
        start = time.perf_counter()
        # A session of its own, so an interrupted benchmark can end the
        # command together with any workers it started.
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=null, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        watcher = TreeMemory(proc.pid)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            _end_group(proc)
            raise
        finally:
            tree_mb = watcher.stop()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok_codes:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            raise BenchError(f"{' '.join(cmd[:3])} ... exited {proc.returncode}: {' | '.join(tail)}")
        lines = rss.read().split()
    peak_mb = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else usage.ru_maxrss / 1024
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_mb=peak_mb,
                  tree_mb=max(tree_mb, peak_mb))


def _end_group(proc: subprocess.Popen) -> None:
    """Stop a command we started, and its workers (its process group)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


class TreeMemory:
    """Samples the summed resident memory of a process and its descendants
    (parallel workers), which ``ru_maxrss`` does not add up."""

    def __init__(self, pid: int):
        self.peak = 0
        self._done = threading.Event()
        try:
            self._root = psutil.Process(pid)
        except psutil.Error:
            self._root = None
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while self._root is not None and not self._done.is_set():
            try:
                procs = [self._root] + self._root.children(recursive=True)
                self.peak = max(self.peak, sum(_rss(p) for p in procs))
            except psutil.Error:
                break
            self._done.wait(TREE_SAMPLE_S)

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self._done.set()
        self._thread.join()
        return self.peak / 2**20


def _rss(process) -> int:
    try:
        return process.memory_info().rss
    except psutil.Error:
        return 0


def measure(row: Row, cmd: list[str], *, runs: int, budget: float, warmup: bool = True, **kwargs) -> Row:
    """Run `cmd` up to `runs` times (after one untimed warm-up), stopping early
    once `budget` seconds are spent and at least one run is done."""
    if warmup:
        run_once(cmd, **kwargs)
    spent = 0.0
    for _ in range(runs):
        sample = run_once(cmd, **kwargs)
        row.samples.append(sample)
        spent += sample.wall
        if spent > budget:
            break
    return row


def timed_call(fn, *, runs: int, budget: float) -> list[float]:
    """Wall-clock seconds of calling `fn()` (in this process) several times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if sum(times) > budget:
            break
    return times


def format_table(rows: list[Row]) -> str:
    """A fixed-width table: one line per row, skipped rows with their note."""
    header = (f"{'command':<44} {'corpus':<14} {'wall s':>8} {'cpu s':>8} {'words/s':>10} "
              f"{'peak MB':>8} {'tree MB':>8} {'runs':>4}")
    lines = [header, "-" * len(header)]
    for row in rows:
        if row.skipped or not row.samples:
            lines.append(f"{row.name:<44} {row.corpus:<14} {'skipped: ' + row.note}")
            continue
        lines.append(f"{row.name:<44} {row.corpus:<14} {row.wall:>8.2f} {row.cpu:>8.2f} "
                     f"{row.words_per_second:>10,.0f} {row.peak_mb:>8.0f} {row.tree_mb:>8.0f} {len(row.samples):>4}"
                     + (f"  ({row.note})" if row.note else ""))
    return "\n".join(lines)
