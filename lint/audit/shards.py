"""The results of an audit: two Parquet tables, one shard per partition.

``RESULTS/findings/part-NNNNNN.parquet``: one row per finding (document id,
rule, severity, category, span, line and column, the flagged text, message,
replacements). ``RESULTS/documents/part-NNNNNN.parquet``: one row per
document (its content hash, counts by severity, whether the result came from
the content cache, and an error when it could not be checked).

Each shard is written to a temporary file in the same folder, fsynced and
renamed into place, so a reader (or a resumed run) sees a whole shard or
none. The documents shard is written last: its presence marks the partition
done.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lint.store.atomic import replace_file

FINDINGS = "findings"
DOCUMENTS = "documents"
# error_kind of a document whose partition was lost with its worker: a
# resumed run checks that partition again.
WORKER_FAILED = "worker"

FINDINGS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("content_hash", pa.string()), ("rule", pa.string()),
    ("severity", pa.string()), ("category", pa.string()), ("source", pa.string()),
    ("start", pa.int64()), ("end", pa.int64()), ("line", pa.int32()), ("column", pa.int32()),
    ("text", pa.string()), ("message", pa.string()), ("replacement", pa.string()),
    ("replacements", pa.list_(pa.string())),
])

DOCUMENTS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("partition", pa.int32()), ("content_hash", pa.string()),
    ("format", pa.string()), ("url", pa.string()), ("published", pa.string()),
    ("chars", pa.int64()), ("findings", pa.int32()), ("errors", pa.int32()),
    ("warnings", pa.int32()), ("infos", pa.int32()), ("cached", pa.bool_()),
    ("error", pa.string()), ("error_kind", pa.string()),
])


def shard_path(results: Path, table: str, partition_name: str) -> Path:
    """Where one partition's shard of one table lives."""
    return results / table / f"{partition_name}.parquet"


def write_shard(path: Path, rows: list[dict], schema: pa.Schema) -> None:
    """Write rows as a Parquet file, atomically (temporary file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = pa.BufferOutputStream()  # a shard is one partition's rows: small
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), buffer, compression="zstd")
    replace_file(path, buffer.getvalue().to_pybytes(), durable=True)


def finished_partitions(results: Path) -> set[str]:
    """Names of the partitions whose documents shard is written and holds no
    document lost with a worker."""
    done: set[str] = set()
    folder = results / DOCUMENTS
    if not folder.is_dir():
        return done
    for path in folder.glob("part-*.parquet"):
        try:
            kinds = pq.read_table(path, columns=["error_kind"]).column("error_kind").to_pylist()
        except (OSError, pa.ArrowException):
            continue  # damaged: checked again
        if WORKER_FAILED not in kinds:
            done.add(path.stem)
    return done


def read_table(results: Path, table: str, columns=None) -> pa.Table:
    """Every shard of one table, as one Arrow table (empty when there is none)."""
    schema = FINDINGS_SCHEMA if table == FINDINGS else DOCUMENTS_SCHEMA
    paths = sorted((results / table).glob("part-*.parquet"))
    if not paths:
        return schema.empty_table() if columns is None else schema.empty_table().select(columns)
    return pa.concat_tables(pq.read_table(p, columns=columns, schema=schema) for p in paths)
