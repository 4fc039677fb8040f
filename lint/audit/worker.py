"""Check one partition in a worker process, with the one pipeline.

Each worker process builds its `Linter` once (on the first partition, or in
the Dask worker plugin's setup) and keeps it warm for every later
partition; documents go through `Linter.check`, exactly as `copydesk check`
takes them. A document's result is kept in the content cache under the hash
of its text, format and settings, so an unchanged document (a re-run, a
resumed run, the same article twice in the archive) is never checked again.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from lint.audit import shards, sources
from lint.audit.ruletest import DraftRule, match_with_context
from lint.model import Severity
from lint.positions import LineIndex
from lint.run.pipeline import CommandLine, Linter, document_from_text

MATCHES_PER_PARTITION = 100  # a rule test sends back at most this many matches a partition


@dataclass(frozen=True)
class AuditOptions:
    """What every worker needs to know; small and picklable."""

    cli: CommandLine
    results: str  # the RESULTS folder (on storage every worker reaches)
    cache_dir: str | None = None  # the content cache; None: off
    draft: DraftRule | None = None  # test only this rule file
    write: bool = True  # write the shards (a rule test without --out does not)


@dataclass
class PartitionSummary:
    """What a finished partition reports to the run."""

    partition: int
    documents: int = 0
    findings: int = 0
    cached: int = 0
    errors: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    matches: list[dict] = field(default_factory=list)


_linters: dict = {}  # per process: (cli, draft, thread) -> Linter, built once
_languagetool_url: str | None = None  # set by the worker plugin: this worker's own server


def use_worker_languagetool(url: str | None) -> None:
    """Send this process's LanguageTool checks to `url` (the worker's own server)."""
    global _languagetool_url
    _languagetool_url = url
    _linters.clear()


def linter_for(options: AuditOptions) -> Linter:
    """This process's Linter for these options, built on first use."""
    # One per thread: a Dask worker given several threads runs partitions side by side.
    key = (options.cli, options.draft, threading.get_ident())
    linter = _linters.get(key)
    if linter is None:
        cli = options.cli
        if _languagetool_url and cli.languagetool is not False and not cli.languagetool_url:
            cli = replace(cli, languagetool_url=_languagetool_url)
        if options.draft is not None:
            cli = options.draft.command_line(cli)
        linter = _linters[key] = Linter(cli)
    return linter


def check_partition(partition: sources.Partition, options: AuditOptions) -> PartitionSummary:
    """Check every document of a partition; write its shards; summarise."""
    began = time.perf_counter()
    linter = linter_for(options)
    cache = _cache(options)
    summary = PartitionSummary(partition.number)
    finding_rows: list[dict] = []
    document_rows: list[dict] = []
    for record in sources.read(partition):
        row, findings, text = _check_record(record, partition, linter, cache, summary)
        document_rows.append(row)
        if findings:
            lines = LineIndex(text)
            finding_rows.extend(finding_row(record.id, row["content_hash"], text, f, lines)
                                for f in findings)
            if options.draft is not None and len(summary.matches) < MATCHES_PER_PARTITION:
                summary.matches.extend(match_with_context(record.id, text, f)
                                       for f in findings[:MATCHES_PER_PARTITION - len(summary.matches)])
    if options.write:
        results = Path(options.results)
        shards.write_shard(shards.shard_path(results, shards.FINDINGS, partition.name),
                           finding_rows, shards.FINDINGS_SCHEMA)
        shards.write_shard(shards.shard_path(results, shards.DOCUMENTS, partition.name),
                           document_rows, shards.DOCUMENTS_SCHEMA)
    summary.documents = len(document_rows)
    summary.findings = len(finding_rows)
    summary.seconds = time.perf_counter() - began
    return summary


def _check_record(record: sources.Record, partition, linter: Linter, cache, summary):
    """(document row, findings, text) for one record; errors become the row's error."""
    from lint.read import InputError, read_document

    row = document_row(record, partition.number)
    if record.error:
        return _failed(row, record.error, "input", summary), [], ""
    if record.file is not None:
        try:
            document = read_document(record.file, linter.settings_for(record.file).max_file_mb)
        except InputError as exc:
            return _failed(row, f"{record.id}: {exc}", "input", summary), [], ""
    else:
        assert record.text is not None  # a record with neither error nor file has its text
        document = document_from_text(record.text, virtual_path(partition, record.id), record.format)
    digest = content_hash(document.text, document.format)
    row.update(content_hash=digest, chars=len(document.text), format=document.format)
    key = cache_key(cache, linter, document, digest) if cache is not None else None
    stored = cache.load(key) if key else None
    if stored is not None:
        findings, row["cached"] = stored[0], True
        summary.cached += 1
    else:
        try:
            result = linter.check(document, metrics=False)
        except Exception as exc:  # one bad document must not lose the partition
            return _failed(row, f"{record.id}: internal error: {type(exc).__name__}: {exc}",
                           "check", summary), [], ""
        findings = result.findings
        if result.notes:
            row.update(error="; ".join(result.notes), error_kind="note")
            summary.notes.extend(n for n in result.notes if n not in summary.notes)
        elif key:
            cache.store(key, result)
    for finding in findings:
        counter = {Severity.ERROR: "errors", Severity.WARNING: "warnings"}.get(finding.severity, "infos")
        row[counter] += 1
    row["findings"] = len(findings)
    return row, findings, document.text


def _failed(row: dict, message: str, kind: str, summary: PartitionSummary) -> dict:
    summary.errors += 1
    row.update(error=message, error_kind=kind)
    return row


def document_row(record: sources.Record, partition: int) -> dict:
    """A documents-table row before checking."""
    return {"doc_id": record.id, "partition": partition, "content_hash": None,
            "format": record.format, "url": record.url, "published": record.published,
            "chars": 0, "findings": 0, "errors": 0, "warnings": 0, "infos": 0,
            "cached": False, "error": None, "error_kind": None}


def finding_row(doc_id: str, digest: str, text: str, finding, lines: LineIndex) -> dict:
    """A findings-table row."""
    line, column = lines.line_col(finding.start)
    return {"doc_id": doc_id, "content_hash": digest, "rule": finding.rule,
            "severity": str(finding.severity), "category": finding.category,
            "source": finding.source, "start": finding.start, "end": finding.end,
            "line": line, "column": column, "text": text[finding.start:finding.end],
            "message": finding.message,
            "replacement": finding.replacements[0] if finding.replacements else None,
            "replacements": list(finding.replacements)}


def virtual_path(partition: sources.Partition, doc_id: str) -> Path:
    """Where a record's document is taken to live: beside its source file, so
    the configuration found from there (and its per-file overrides) applies."""
    parts = [p for p in PurePosixPath(doc_id).parts if p not in ("/", "..", ".")]
    return Path(partition.path).parent.joinpath(*parts) if parts else Path(partition.path).parent


def content_hash(text: str, fmt: str) -> str:
    """The hash of what a document says and how it is marked up."""
    digest = hashlib.sha256(fmt.encode() + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def cache_key(cache, linter: Linter, document, digest: str) -> str:
    """The content cache key: the document's hash under the settings (and
    code and rules) that check it, wherever in the archive it is."""
    settings = linter.settings_for(document.path)
    # The port of a worker's own LanguageTool server changes every run.
    settings = replace(settings, languagetool=replace(settings.languagetool, url=None))
    overrides = repr(settings.overrides_for(document.path)) if settings.overrides else ""
    basis = "\0".join((cache.setup_key(settings), overrides, digest))
    return hashlib.sha256(basis.encode()).hexdigest()


_caches: dict = {}


def _cache(options: AuditOptions):
    if options.cache_dir is None or options.draft is not None:
        return None
    if options.cache_dir not in _caches:
        from lint.store.results import ResultCache

        _caches[options.cache_dir] = ResultCache(Path(options.cache_dir))
    return _caches[options.cache_dir]
