"""`copydesk audit`: check a whole archive (folder, JSON Lines, Parquet) into
Parquet results, on local processes or a Dask cluster; or test a draft rule
file against it."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from lint.cli.common import add_rule_options, command_line_from, warn
from lint.cli.run_options import at_least

HELP = "check a whole archive into Parquet results, on local processes or a Dask cluster"
EPILOG = """\
examples:
  copydesk audit archive.jsonl --out results/                     this machine's processes
  copydesk audit archive.jsonl --out results/ --resume            continue a killed run
  copydesk audit archive/ --out results/ --scheduler dask-local:4 a LocalCluster for the run
  copydesk audit s3-mirror.parquet --out /shared/results --scheduler dask://10.0.0.5:8786
  copydesk audit archive.jsonl --rule draft.yaml --max-matches 50 what a draft rule would flag
"""


def add_parser(subparsers) -> None:
    """Register the command."""
    parser = subparsers.add_parser("audit", help=HELP, description=HELP.capitalize() + ".",
                                   epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, metavar="SOURCE",
                        help="a folder of documents, a JSON Lines file ({id, text, format?, url?, "
                             "published?} a line) or a Parquet file or folder with those columns")
    parser.add_argument("--out", type=Path, metavar="RESULTS",
                        help="the results folder: findings/ and documents/ Parquet shards")
    parser.add_argument("--scheduler", default="local", metavar="ENGINE",
                        help="local (default: this machine's processes), dask-local:N (a LocalCluster "
                             "of N workers for the run) or dask://HOST:PORT (an existing cluster)")
    parser.add_argument("--resume", action="store_true",
                        help="continue the audit in RESULTS, checking only unfinished partitions")
    parser.add_argument("--rule", type=Path, metavar="FILE.yaml",
                        help="run only the rules of this pack file and print their matches as they come")
    parser.add_argument("--max-matches", type=at_least(1), metavar="N",
                        help="with --rule: stop after N matches")
    parser.add_argument("--partition-size", type=at_least(1), default=200, metavar="N",
                        help="documents a partition (default: 200)")
    parser.add_argument("--jobs", "-j", type=at_least(1), metavar="N",
                        help="with --scheduler local: N processes (default: the CPU count)")
    parser.add_argument("--memory-limit", metavar="SIZE",
                        help="with dask-local:N: memory a worker may use, such as 2GiB "
                             "(default: a share of the machine's)")
    parser.add_argument("--no-cache", dest="cache", action="store_false",
                        help="check every document even when its content was checked before")
    parser.add_argument("--cache-dir", type=Path, metavar="DIR",
                        help="the content cache (default: $COPYDESK_CACHE_DIR or .copydesk-cache)")
    parser.add_argument("--no-progress", dest="progress", action="store_false", default=None,
                        help="no progress bar (it shows only on a terminal anyway)")
    add_rule_options(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    """Run the audit; print its totals (and a rule test's matches)."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        warn(f"audit needs the audit extra ({exc.name} is missing): pip install 'copydesk[audit]'")
        return 2
    from lint.audit.engines import SchedulerError
    from lint.audit.ruletest import DraftRule, format_match
    from lint.audit.runner import AuditError, AuditRun, run_audit
    from lint.audit.worker import AuditOptions
    from lint.store.results import default_directory

    if args.out is None and args.rule is None:
        warn("audit: --out RESULTS is required (except with --rule)")
        return 2
    if args.max_matches is not None and args.rule is None:
        warn("audit: --max-matches goes with --rule")
        return 2
    cli = command_line_from(args)
    # Workers run elsewhere (and in other folders): every path they see is absolute.
    cli = replace(cli, config=cli.config.resolve() if cli.config else None,
                  rules_dirs=tuple(p.resolve() for p in cli.rules_dirs))
    draft = DraftRule.from_file(args.rule) if args.rule else None
    cache_dir = (args.cache_dir or default_directory()).resolve() if args.cache else None
    options = AuditOptions(cli=cli, results=str(args.out.resolve()) if args.out else "",
                           cache_dir=str(cache_dir) if cache_dir else None,
                           draft=draft, write=args.out is not None)

    def print_match(match: dict) -> None:
        print(format_match(match), flush=True)

    audit = AuditRun(source=args.source, scheduler=args.scheduler, resume=args.resume,
                     partition_size=args.partition_size, jobs=args.jobs, memory_limit=args.memory_limit,
                     max_matches=args.max_matches, on_match=print_match, progress=args.progress)
    try:
        totals = run_audit(audit, options)
    except (AuditError, SchedulerError) as exc:
        warn(f"audit: {exc}")
        return 2
    for note in totals.notes[:5]:
        warn(note)
    print(summary_line(totals, args.out, draft), file=sys.stderr)
    return 0


def summary_line(totals, out: Path | None, draft) -> str:
    """The run in one line."""
    parts = [f"copydesk: audited {totals.documents:,} documents in {totals.seconds:.1f} s "
             f"({totals.rate:,.0f}/s) on {totals.engine}: {totals.findings:,} findings"]
    if draft is not None:
        parts.append(f"{totals.matches:,} matches of {', '.join(draft.rule_ids)} shown")
    if totals.cached:
        parts.append(f"{totals.cached:,} unchanged documents from the cache")
    if totals.errors:
        parts.append(f"{totals.errors:,} documents not checked (see the error column)")
    if out is not None:
        parts.append(f"results in {out}")
    return "; ".join(parts)
