"""Where a built-in check spends its CPU time, stage by stage and rule kind
by rule kind, measured in this process without a profiler's overhead.

    .venv/bin/python bench/stages.py rust-book
    .venv/bin/python bench/stages.py article --size 1000000

Lazy one-time loads (word lists, frequency tables) show up in the first
checker that needs them; run with --twice to see the steady state.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from profile_check import targets  # noqa: E402


class Clock:
    """Adds up CPU time per named stage (CPU, not wall: the machine may be shared)."""

    def __init__(self):
        self.totals: dict[str, float] = defaultdict(float)

    def time(self, name: str, fn, *args):
        """Call fn(*args), charging its time to `name`."""
        start = time.process_time()
        try:
            return fn(*args)
        finally:
            self.totals[name] += time.process_time() - start


def run_rules_timed(clock: Clock, blocks, ruleset) -> list:
    """The engine's rule loop, with each checker's time charged to its kind."""
    from lint.engine import hit_to_finding

    findings = []
    for checker in ruleset.checkers:
        prefilter = getattr(checker, "prefilter", None)
        for number, (name, begin, check) in enumerate(_timed_parts(checker)):
            if begin is not None:
                clock.time(name, begin, blocks)
            if prefilter is not None and number == 0:
                clock.time("prefilter (per-rule checkers)", prefilter, blocks)
            runs_on = getattr(checker, "runs_on", lambda _index, _block: True)
            for block in blocks:
                if not runs_on(number, block):
                    continue
                hits = clock.time(name, lambda: list(check(block)))
                for hit in hits:
                    if hit.rule.applies_to(block.kind):
                        findings.append(clock.time("engine: hit_to_finding", hit_to_finding, hit, block))
    return findings


def _timed_parts(checker):
    """(name, begin_document, check) to time: each rule of a per-rule checker
    on its own (its one-hit-per-span filter is left out), else the checker."""
    compiled = getattr(checker, "compiled", None)
    if compiled is not None and len(compiled) == len(checker.rules):
        return [(f"rule {rule.id} ({rule.kind})", getattr(part, "begin_document", None), part.hits)
                for rule, part in zip(checker.rules, compiled)]
    name = f"rules: {type(checker).__module__.rsplit('.', 1)[-1]}.{type(checker).__name__}"
    return [(name, getattr(checker, "begin_document", None), checker.check)]


def main(argv=None) -> int:
    """Time each stage of checking a corpus and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=["rust-book", "article"])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--twice", action="store_true", help="time a second pass (lazy loads done)")
    args = parser.parse_args(argv)
    clock = Clock()
    start = time.process_time()
    from lint import metrics
    from lint.engine import merge_findings
    from lint.filter import filter_findings
    from lint.pipeline import FileResult, Linter
    from lint.read import read_document
    from lint.render import RenderOptions, render
    from lint.segment import segment
    imported = time.process_time() - start
    with tempfile.TemporaryDirectory() as work:
        paths = [Path(p) for p in targets(args.corpus, args.size, Path(work))]
        linter = Linter()
        settings, ruleset, _ = clock.time("load + compile rules", linter.setup_for, paths[0])
        for round_ in range(2 if args.twice else 1):
            if round_:
                clock = Clock()
            results = []
            for path in paths:
                document = clock.time("read", read_document, path)
                blocks = clock.time("segment", segment, document, settings)
                found = run_rules_timed(clock, blocks, ruleset)
                found = clock.time("engine: merge", merge_findings, [found])
                found = clock.time("filter", filter_findings, found, document, settings)
                figures = clock.time("metrics (readability summary)", metrics.document_metrics, blocks)
                results.append(FileResult(path, document, found, metrics=figures))
            for fmt in ("text", "json"):
                clock.time(f"render: {fmt}", render, results, fmt, RenderOptions(color=False))
    total = sum(clock.totals.values())
    print(f"imports: {imported:.2f} s (not in the table)")
    print(f"{'stage':<52} {'cpu s':>8} {'share':>6}")
    for name, seconds in sorted(clock.totals.items(), key=lambda kv: -kv[1]):
        print(f"{name:<52} {seconds:>8.3f} {seconds / total:>6.1%}")
    print(f"{'total':<52} {total:>8.3f}   ({sum(len(r.findings) for r in results)} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
