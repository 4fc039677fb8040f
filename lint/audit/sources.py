"""An archive to audit, cut into partitions that workers read themselves.

Three kinds of source:

- a folder: every file `copydesk check` would take from it, a few hundred
  files a partition;
- a JSON Lines file, one ``{"id", "text", "format"?, "url"?, "published"?}``
  object a line: a partition is a byte range of whole lines;
- a Parquet file or a folder of them with those columns: a partition is a
  slice of one row group.

A `Partition` is small (paths and offsets, never text), so planning a
million documents sends nothing big to the cluster; the worker reads its
own slice. A line that is not JSON, a record without text, or bytes that
are not UTF-8 become a `Record` with an ``error``, so the audit goes on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lint.formats import FORMATS
from lint.read import detect_format

DEFAULT_PARTITION_SIZE = 200  # documents a partition
# A record carries text: formats read from bytes (Word) cannot be given so.
TEXT_FORMATS = tuple(name for name, fmt in FORMATS.items() if not fmt.reader)


class SourceError(Exception):
    """The source cannot be audited at all (missing, of an unknown kind)."""


@dataclass(frozen=True)
class Partition:
    """One slice of the source, read by the worker that checks it."""

    number: int
    kind: str  # "files", "jsonl" or "parquet"
    path: str  # the JSON Lines or Parquet file; the folder for "files"
    start: int = 0  # jsonl: first byte; parquet: first row in the row group
    stop: int = 0  # jsonl: byte after the last line; parquet: row after the last
    first_line: int = 1  # jsonl: the line number at `start`
    row_group: int = 0  # parquet
    files: tuple[str, ...] = ()  # "files": the files, relative to `path`
    count: int = 0  # documents (lines, rows or files) in the partition

    @property
    def name(self) -> str:
        """The shard name of this partition's results."""
        return f"part-{self.number:06d}"


@dataclass
class Record:
    """One document of the archive as read, or why it could not be."""

    id: str
    text: str | None = None
    format: str = "text"
    url: str | None = None
    published: str | None = None
    file: Path | None = None  # a document of a folder, read by the pipeline's reader
    error: str | None = None


def plan(source: Path, size: int = DEFAULT_PARTITION_SIZE, files=None) -> list[Partition]:
    """The partitions of a source. `files`, for a folder, are the files to
    take (the pipeline's walk, which honours the configuration's excludes)."""
    if not source.exists():
        raise SourceError(f"{source}: no such file or directory")
    kind = source_kind(source)
    if kind == "files":
        names = sorted(Path(f).relative_to(source).as_posix() for f in files)
        return [Partition(n, "files", str(source), files=tuple(names[i:i + size]),
                          count=len(names[i:i + size]))
                for n, i in enumerate(range(0, len(names), size))]
    if kind == "jsonl":
        return _plan_jsonl(source, size)
    return _plan_parquet(source, size)


def source_kind(source: Path) -> str:
    """"files", "jsonl" or "parquet", from what the path is."""
    if source.is_dir():
        return "parquet" if _parquet_files(source) else "files"
    if source.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if source.suffix.lower() in (".parquet", ".pq"):
        return "parquet"
    raise SourceError(f"{source}: not a folder, a JSON Lines file (.jsonl) or a Parquet file (.parquet)")


def _plan_jsonl(source: Path, size: int) -> list[Partition]:
    partitions, start, line, count, offset = list[Partition](), 0, 1, 0, 0
    first_line = 1
    with open(source, "rb") as handle:
        for raw in handle:
            offset += len(raw)
            count += 1
            line += 1
            if count == size:
                partitions.append(Partition(len(partitions), "jsonl", str(source), start, offset,
                                            first_line, count=count))
                start, first_line, count = offset, line, 0
    if count:
        partitions.append(Partition(len(partitions), "jsonl", str(source), start, offset,
                                    first_line, count=count))
    return partitions


def _parquet_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith((".", "_")))


def _plan_parquet(source: Path, size: int) -> list[Partition]:
    import pyarrow.parquet as pq

    partitions: list[Partition] = []
    for path in _parquet_files(source) if source.is_dir() else [source]:
        metadata = pq.ParquetFile(path).metadata
        for group in range(metadata.num_row_groups):
            rows = metadata.row_group(group).num_rows
            for first in range(0, rows, size):
                stop = min(first + size, rows)
                partitions.append(Partition(len(partitions), "parquet", str(path), first, stop,
                                            row_group=group, count=stop - first))
    return partitions


def read(partition: Partition) -> Iterator[Record]:
    """The records of one partition, in source order."""
    if partition.kind == "files":
        root = Path(partition.path)
        for name in partition.files:
            yield Record(id=name, format=detect_format(root / name), file=root / name)
    elif partition.kind == "jsonl":
        yield from _read_jsonl(partition)
    else:
        yield from _read_parquet(partition)


def _read_jsonl(partition: Partition) -> Iterator[Record]:
    name = Path(partition.path).name
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        data = handle.read(partition.stop - partition.start)
    for number, raw in enumerate(data.splitlines(), partition.first_line):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Record(id=where, error=f"{where}: not UTF-8 ({exc.reason} at byte {exc.start})")
            continue
        except ValueError as exc:
            yield Record(id=where, error=f"{where}: not a JSON object: {exc}")
            continue
        if not isinstance(item, dict):
            yield Record(id=where, error=f"{where}: not a JSON object")
            continue
        yield to_record(item, where)


def _read_parquet(partition: Partition) -> Iterator[Record]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(partition.path).read_row_group(partition.row_group)
    table = table.slice(partition.start, partition.stop - partition.start)
    name = Path(partition.path).name
    for offset, item in enumerate(table.to_pylist()):
        yield to_record(item, f"{name}:row {partition.start + offset + 1} of group {partition.row_group}")


def to_record(item: dict, where: str) -> Record:
    """A record from one JSON object or Parquet row; `where` names it when it has no id."""
    raw_id = item.get("id")
    doc_id = where if raw_id is None or raw_id == "" else str(raw_id)
    url, published = _text_or_none(item.get("url")), _date_text(item.get("published"))
    text, fmt = item.get("text"), item.get("format")
    record = Record(id=doc_id, url=url, published=published)
    if not isinstance(text, str):
        record.error = f"{where}: 'text' is {'missing' if text is None else 'not a string'}"
    elif fmt is not None and fmt not in TEXT_FORMATS:
        record.error = f"{where}: format {fmt!r} is not a text format (one of {', '.join(TEXT_FORMATS)})"
    else:
        detected = detect_format(PurePosixPath(doc_id))
        record.text = text
        record.format = fmt or (detected if detected in TEXT_FORMATS else "text")
    return record


def _text_or_none(value) -> str | None:
    return None if value is None else str(value)


def _date_text(value) -> str | None:
    """A publication date as ISO text, whether it came as text or as a date."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return _text_or_none(value)
