"""Benchmark `copydesk audit` on Dask: documents a second with 1 and 2
workers, built-in rules and with LanguageTool, and the scaling ratio.

    .venv/bin/python bench/audit.py                       # both, default sizes
    .venv/bin/python bench/audit.py --documents 4000 --lt-documents 400
    .venv/bin/python bench/audit.py --no-languagetool     # built-in rules only

Each figure is one `copydesk audit --scheduler dask-local:N` run (the code
the command runs, called in-process) on a generated archive (bench/archive.py)
without the content cache. "checking" counts from the first partition sent
to the last one back, so the cluster's and the LanguageTool servers' start
is left out (it is shown apart); the LanguageTool archive has new text in
every run, so LanguageTool's own paragraph cache cannot answer either.
docs/SCALE.md turns these figures into workers for a million articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import archive  # noqa: E402

from lint.audit.runner import AuditRun, run_audit  # noqa: E402
from lint.audit.worker import AuditOptions  # noqa: E402
from lint.run.pipeline import CommandLine  # noqa: E402


def measure(source: Path, workers: int, languagetool: bool, folder: Path, partition_size: int) -> dict:
    """One audit run; its figures."""
    results = folder / f"results-{workers}-{'lt' if languagetool else 'builtin'}-{time.time_ns()}"
    options = AuditOptions(cli=CommandLine(languagetool=None if languagetool else False),
                           results=str(results), cache_dir=None)
    run = AuditRun(source=source, scheduler=f"dask-local:{workers}", partition_size=partition_size,
                   memory_limit="2GiB", progress=False, say=lambda message: None)
    totals = run_audit(run, options)
    if totals.errors or totals.failed_partitions:
        raise SystemExit(f"bench: {totals.errors} documents failed: {totals.notes[:3]}")
    if languagetool and any("LanguageTool" in note for note in totals.notes):
        raise SystemExit(f"bench: LanguageTool did not run: {totals.notes[0]}")
    return {"workers": workers, "languagetool": languagetool, "documents": totals.documents,
            "findings": totals.findings, "checking_seconds": round(totals.checking_seconds, 2),
            "startup_seconds": round(totals.seconds - totals.checking_seconds, 2),
            "documents_per_second": round(totals.checking_rate, 1)}


def series(name: str, count: int, languagetool: bool, folder: Path, worker_counts, partition_size: int,
           repeat: int = 2):
    """The figures for one archive at each worker count, and the scaling ratio."""
    salt = str(time.time_ns()) if languagetool else ""
    records = archive.make_records(count, seed=23, salt=salt)
    source = archive.write_jsonl(records, folder / f"{name}.jsonl")
    words = sum(len(r["text"].split()) for r in records) / len(records)
    print(f"\n{name}: {count:,} documents of {words:.0f} words on average", flush=True)
    # A first short run fills the caches every run reads from disk (compiled
    # patterns, syllable counts), so the first measured run does not pay alone.
    warm = archive.write_jsonl(records[:100], folder / f"{name}-warm.jsonl")
    measure(warm, 1, False, folder, partition_size)
    figures = []
    for workers in worker_counts:
        if languagetool:  # new text again, so no run is served by the previous one's paragraphs
            records = archive.make_records(count, seed=23, salt=str(time.time_ns()))
            source = archive.write_jsonl(records, folder / f"{name}-{workers}.jsonl")
        runs = [measure(source, workers, languagetool, folder, partition_size)
                for _ in range(1 if languagetool else repeat)]
        result = max(runs, key=lambda r: r["documents_per_second"])  # the least disturbed run
        figures.append(result)
        print(f"  {workers} worker{'s' if workers > 1 else ' '}: {result['documents_per_second']:8.1f} documents/s "
              f"({result['checking_seconds']:.1f} s checking, {result['startup_seconds']:.1f} s to start)",
              flush=True)
    ratio = None
    if len(figures) >= 2 and figures[0]["documents_per_second"]:
        ratio = figures[-1]["documents_per_second"] / figures[0]["documents_per_second"]
        print(f"  scaling {figures[0]['workers']} -> {figures[-1]['workers']} workers: {ratio:.2f}x", flush=True)
    return {"name": name, "figures": figures, "scaling": round(ratio, 2) if ratio else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=6000, help="built-in rules archive size")
    parser.add_argument("--lt-documents", type=int, default=300, help="LanguageTool archive size")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=500,
                        help="documents a partition (default 500: smaller ones spend more in scheduling)")
    parser.add_argument("--repeat", type=int, default=2, help="runs a built-in figure (the best is kept)")
    parser.add_argument("--no-languagetool", dest="languagetool", action="store_false")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-audit-") as folder:
        found = [series("built-in rules", args.documents, False, Path(folder), args.workers,
                        args.partition_size, args.repeat)]
        if args.languagetool:
            found.append(series("with LanguageTool", args.lt_documents, True, Path(folder),
                                args.workers, args.partition_size))
    if args.json:
        args.json.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
