"""Check many files fast: cached results first, the rest across processes.

The parent reads every file (cheap) and looks it up in the cache; only the
misses are checked, by ``jobs`` worker processes of a
`ProcessPoolExecutor`. On Linux the workers are forked and reuse the
parent's compiled rules (only sources such as LanguageTool, which hold
connections, are made anew); spawned ones (elsewhere) build their own
Linter. Results come back in the order the files were listed.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from lint.config.yamlsource import ConfigError
from lint.notices import notice
from lint.read import InputError, read_document
from lint.run.pipeline import CommandLine, FileResult, Linter
from lint.run.progress import PROGRESS_DELAY, Progress  # noqa: F401 - PROGRESS_DELAY re-exported

if TYPE_CHECKING:
    from lint.model import Document
    from lint.store.results import ResultCache

# Forked workers inherit the compiled rules; macOS forks unsafely once system frameworks load.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def check_document(linter: Linter, document) -> FileResult:
    """Check one read document; a crash in a rule becomes that file's error."""
    from lint.check.engine import (
        SourceUnavailable,  # loaded with the rules; a cached run needs neither
    )

    try:
        result = linter.lint_document(document, *linter.setup_for(document.path))
    except (ConfigError, SourceUnavailable, KeyboardInterrupt):
        raise
    except Exception as exc:  # one bad file must not lose every other file's results
        return FileResult(document.path, error=f"internal error: {type(exc).__name__}: {exc}", fatal=True)
    if result.document is not None:
        result.document.blocks = []  # not needed downstream; costly to send between processes
    return result


_worker_linter: Linter | None = None


_parent_linter: Linter | None = None  # seen by forked workers, which reuse its compiled rules


def _start_worker(cli: CommandLine) -> None:
    global _worker_linter
    # What the worker inherited (compiled rules, word tables) lives as long
    # as it does: its collections need not walk it, nor touch its pages.
    gc.freeze()
    if _parent_linter is not None and _parent_linter.cli == cli:
        _worker_linter = _parent_linter.fork_copy()  # forked: rules already compiled
    else:
        _worker_linter = Linter(cli)  # spawned: build everything here


def _check_in_worker(document) -> FileResult:
    assert _worker_linter is not None  # _start_worker, the pool's initializer, set it
    return check_document(_worker_linter, document)


def _read(path: Path, max_mb: float) -> FileResult:
    try:
        return FileResult(path, read_document(path, max_mb))
    except InputError as exc:
        return FileResult(path, error=str(exc), fatal=exc.fatal)


def check_files(linter: Linter, files: list[Path], jobs: int | None = None,
                cache: ResultCache | None = None, progress: bool | None = None) -> list[FileResult]:
    """Check `files` with the cache and `jobs` processes; results in file order."""
    bar = Progress(len(files), progress)  # the whole run: reading, rules, checking
    try:
        return _check_files(linter, files, jobs, cache, bar)
    finally:
        bar.close()


def _check_files(linter: Linter, files: list[Path], jobs: int | None, cache: ResultCache | None,
                 bar: Progress) -> list[FileResult]:
    results = [_read(path, linter.settings_for(path).max_file_mb) for path in files]
    todo: list[tuple[int, str | None]] = []
    for i, result in enumerate(results):
        if result.document is None:
            bar.advance()
            continue
        key = None
        if cache is not None:
            key = cache.key(result.document, linter.settings_for(result.path))
            hit = cache.load(key)
            if hit is not None:
                result.findings, result.metrics = hit
                bar.advance()
                continue
        todo.append((i, key))
    if not todo:
        return results
    # Compile rules (and start sources) in the parent first: configuration
    # errors surface once, cleanly, and a shared LanguageTool server is up
    # before the workers ask for it.
    bar.stage("loading rules")
    for i, _ in todo:
        linter.setup_for(results[i].path)
    bar.stage("checking")
    jobs = min(jobs or default_jobs(), len(todo))
    # Longest first: the workers end together instead of one finishing a
    # long chapter alone (results go back to file order through `todo`).
    todo.sort(key=lambda item: -len(cast("Document", results[item[0]].document).text))  # None were left out
    documents = [results[i].document for i, _ in todo]
    for position, checked in _run(linter, documents, jobs):
        i, key = todo[position]
        results[i] = checked
        if cache is not None and key is not None:
            cache.store(key, checked)
        bar.advance()
    if cache is not None:
        cache.sweep()
    return results


def _run(linter: Linter, documents: list, jobs: int):
    """(position in `documents`, result) for every document, in the order
    they are done: by `jobs` worker processes, and in this one for any a
    worker could not finish."""
    done: set[int] = set()
    if jobs > 1:
        global _parent_linter
        from lint.check import engine  # noqa: F401 - loaded before the workers fork, so they share it
        from lint.segment import load_segmenters

        load_segmenters(document.format for document in documents)
        _parent_linter = linter
        try:
            for position, result in _in_workers(linter, documents, jobs):
                done.add(position)
                yield position, result
        except OSError as exc:  # no processes to be had (a sandbox, a full process table)
            notice(f"--jobs {jobs}: cannot start worker processes ({exc}); checking in one process")
        else:
            if len(done) < len(documents):
                notice("a worker process died; checking the remaining files in one process")
    for position, document in enumerate(documents):
        if position not in done:
            yield position, check_document(linter, document)


def _in_workers(linter: Linter, documents: list, jobs: int):
    """(position, result) pairs from a pool of `jobs` worker processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(START_METHOD)
    # One document at a time, so the short ones at the end fill the gaps.
    chunk = 1 if len(documents) < 2000 else 8
    try:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                                   initargs=(linter.cli,))
    except NotImplementedError as exc:  # no working semaphores (some sandboxes)
        raise OSError(str(exc)) from exc
    try:
        with pool:
            yield from enumerate(pool.map(_check_in_worker, documents, chunksize=chunk))
    except BrokenProcessPool:
        return  # the caller checks what is left
