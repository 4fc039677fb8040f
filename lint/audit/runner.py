"""One audit run: plan the source, skip what is done, check the rest on an
engine, record what fails, show progress.

``RESULTS/audit.json`` records the source and its plan. A run into a
folder that holds an audit already needs ``--resume``, which checks only
the partitions without a finished documents shard (and those whose
documents were lost with a worker); since every partition's shards are
written atomically by the worker that checked it, a run killed at any
moment resumes to the same results as one run straight through.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.audit import shards, sources
from lint.audit.engines import open_engine, parse_scheduler
from lint.audit.worker import AuditOptions, PartitionSummary, document_row
from lint.store.atomic import replace_file

MANIFEST = "audit.json"
MANIFEST_FORMAT = 1


class AuditError(Exception):
    """The audit cannot start; the message says why and what to do."""


@dataclass
class AuditTotals:
    """What a run did."""

    partitions: int = 0
    skipped: int = 0  # partitions already finished by an earlier run
    documents: int = 0
    findings: int = 0
    cached: int = 0
    errors: int = 0
    failed_partitions: int = 0
    seconds: float = 0.0  # the whole run, the engine's start (and its LanguageTool servers') too
    checking_seconds: float = 0.0  # from the first partition sent to the last one back
    engine: str = ""
    notes: list[str] = field(default_factory=list)
    matches: int = 0

    @property
    def rate(self) -> float:
        """Documents a second, the whole run."""
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def checking_rate(self) -> float:
        """Documents a second once the workers are up."""
        return self.documents / self.checking_seconds if self.checking_seconds else 0.0


@dataclass
class AuditRun:
    """The settings of one run besides the workers' options."""

    source: Path
    scheduler: str = "local"
    resume: bool = False
    partition_size: int = sources.DEFAULT_PARTITION_SIZE
    jobs: int | None = None
    memory_limit: str | None = None
    max_matches: int | None = None
    on_match: Callable[[Any], object] | None = None  # called with each match of a rule test, as it comes
    progress: bool | None = None  # None: a bar when stderr is a terminal
    say: Callable[[str], object] | None = None  # one-line messages (the dashboard link); default stderr


def run_audit(run: AuditRun, options: AuditOptions) -> AuditTotals:
    """Check every partition not finished yet; return the totals."""
    say = run.say or (lambda message: print(f"copydesk: {message}", file=sys.stderr))
    parse_scheduler(run.scheduler)  # a wrong value is told before anything is read
    partitions = plan_source(run, options)
    results = Path(options.results)
    todo = partitions
    totals = AuditTotals(partitions=len(partitions))
    new = options.write and check_results(results, run, partitions)
    if options.write and not new:
        done = shards.finished_partitions(results)
        todo = [p for p in partitions if p.name not in done]
        totals.skipped = len(partitions) - len(todo)
        if totals.skipped:
            say(f"{totals.skipped} of {len(partitions)} partitions already done; checking the other {len(todo)}")
    began = time.perf_counter()
    engine = open_engine(run.scheduler, options, run.jobs, run.memory_limit)
    if new:  # recorded once the engine is up: a cluster not reached leaves no audit behind
        _write_manifest(results, run, partitions, complete=False)
    totals.engine = engine.label
    if engine.dashboard:
        say(f"Dask dashboard: {engine.dashboard}")
    try:
        _drive(engine, todo, run, options, totals)
    finally:
        engine.close()
    totals.seconds = time.perf_counter() - began
    if options.write and not totals.failed_partitions and (run.max_matches is None
                                                           or totals.matches < run.max_matches):
        _write_manifest(results, run, partitions, complete=True)
    return totals


def _drive(engine, todo, run: AuditRun, options: AuditOptions, totals: AuditTotals) -> None:
    from tqdm import tqdm

    began = time.perf_counter()
    pending = {engine.submit(p): p for p in todo}
    bar = tqdm(total=sum(p.count for p in todo), unit="doc", disable=_no_bar(run.progress),
               file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    try:
        for future in engine.as_completed(list(pending)):
            partition = pending.pop(future)
            try:
                summary = future.result()
            except Exception as exc:  # the worker died for good, or the partition would not read
                summary = record_failed_partition(partition, options, exc)
                totals.failed_partitions += 1
            _add(totals, summary)
            bar.update(summary.documents)
            for match in summary.matches:
                if run.max_matches is not None and totals.matches >= run.max_matches:
                    break
                totals.matches += 1
                if run.on_match:
                    run.on_match(match)
            if run.max_matches is not None and totals.matches >= run.max_matches:
                engine.cancel(pending)
                break
    except BaseException:
        engine.cancel(pending)
        raise
    finally:
        bar.close()
        totals.checking_seconds = time.perf_counter() - began


def _add(totals: AuditTotals, summary: PartitionSummary) -> None:
    totals.documents += summary.documents
    totals.findings += summary.findings
    totals.cached += summary.cached
    totals.errors += summary.errors
    totals.notes.extend(n for n in summary.notes if n not in totals.notes)


def _no_bar(wanted: bool | None) -> bool | None:
    return None if wanted is None else not wanted  # tqdm: None disables off a terminal


def plan_source(run: AuditRun, options: AuditOptions) -> list[sources.Partition]:
    """The source's partitions; a folder is walked as `copydesk check` walks it."""
    source = run.source.resolve()
    files = None
    try:
        if source.is_dir() and sources.source_kind(source) == "files":
            from lint.run.pipeline import Linter

            files = list(Linter(options.cli).files([source]))
        return sources.plan(source, run.partition_size, files)
    except sources.SourceError as exc:
        raise AuditError(str(exc)) from None


def record_failed_partition(partition, options: AuditOptions, exc: BaseException) -> PartitionSummary:
    """Error rows for every document of a partition that no worker finished;
    a resumed run checks it again."""
    reason = f"worker failed: {type(exc).__name__}: {exc}"
    rows = []
    try:
        for record in sources.read(partition):
            rows.append(document_row(record, partition.number))
    except Exception:
        rows = [document_row(sources.Record(id=partition.name), partition.number)]
    for row in rows:
        row.update(error=reason, error_kind=shards.WORKER_FAILED)
    if options.write:
        path = shards.shard_path(Path(options.results), shards.DOCUMENTS, partition.name)
        shards.write_shard(path, rows, shards.DOCUMENTS_SCHEMA)
    return PartitionSummary(partition.number, documents=len(rows), errors=len(rows), notes=[reason])


def check_results(results: Path, run: AuditRun, partitions) -> bool:
    """Check the results folder against the run; True when the audit is new."""
    manifest = results / MANIFEST
    if manifest.exists():
        try:
            earlier = json.loads(manifest.read_text(encoding="utf-8"))
        except ValueError:
            raise AuditError(f"{manifest}: damaged; remove the folder to start again") from None
        if not run.resume:
            raise AuditError(f"{results} holds an audit already ({earlier.get('source')}): "
                             f"add --resume to continue it, or choose another --out")
        if earlier.get("plan") != plan_digest(partitions) or earlier.get("source") != str(run.source.resolve()):
            raise AuditError(f"{results} holds an audit of another source or partitioning "
                             f"({earlier.get('source')}); --resume continues only the same audit")
        return False
    if results.exists() and any(results.iterdir()):
        raise AuditError(f"{results} is not empty and holds no audit; choose an empty or new --out folder")
    return True


def plan_digest(partitions) -> str:
    """A hash of the partitioning, so --resume cannot mix two plans."""
    return hashlib.sha256(repr([(p.kind, p.path, p.start, p.stop, p.row_group, p.files)
                                for p in partitions]).encode()).hexdigest()


def _write_manifest(results: Path, run: AuditRun, partitions, complete: bool) -> None:
    results.mkdir(parents=True, exist_ok=True)
    data = {"format": MANIFEST_FORMAT, "source": str(run.source.resolve()),
            "partitions": len(partitions), "documents": sum(p.count for p in partitions),
            "partition_size": run.partition_size, "plan": plan_digest(partitions),
            "complete": complete}
    replace_file(results / MANIFEST, (json.dumps(data, indent=2) + "\n").encode(), durable=True)
