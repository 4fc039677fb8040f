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
    """The engine's rule loop (`lint.check.engine.run_rules`), with each rule
    of a per-rule checker, and each other checker, charged its own time."""
    from lint.check.engine import hit_to_finding
    from lint.check.kinds.perrule import PerRuleChecker
    from lint.check.prefilter import DocumentText

    document = DocumentText(blocks)
    pairs = []
    for checker in ruleset.checkers:
        if isinstance(checker, PerRuleChecker):
            pairs += _per_rule_timed(clock, checker, document)
            continue
        name = f"rules: {type(checker).__module__.rsplit('.', 1)[-1]}.{type(checker).__name__}"
        pairs += clock.time(name, lambda: list(checker.check_document(document)))
    return [clock.time("engine: hit_to_finding", hit_to_finding, hit, block)
            for block, hit in pairs if hit.rule.applies_to(block.kind)]


def _per_rule_timed(clock: Clock, checker, document) -> list:
    """A per-rule checker's (block, hit) pairs, rule by rule over the blocks
    its gates select, as `PerRuleChecker.check_document` goes (its
    one-hit-per-span filter is left out)."""
    pairs = []
    for rule, part in zip(checker.rules, checker.compiled):
        name = f"rule {rule.id} ({rule.kind})"
        gate = clock.time("prefilter (per-rule checkers)", checker._gate, document, rule, part)
        chosen = [b for b in gate.select(document.blocks) if not rule.scope or b.kind in rule.scope]
        pairs += clock.time(name, lambda: list(part.hits_in(document, chosen)))
    return pairs


def main(argv=None) -> int:
    """Time each stage of checking a corpus and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=["rust-book", "article"])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--twice", action="store_true", help="time a second pass (lazy loads done)")
    args = parser.parse_args(argv)
    clock = Clock()
    start = time.process_time()
    from lint.check import metrics
    from lint.check.engine import merge_findings
    from lint.filter import filter_findings
    from lint.run.pipeline import FileResult, Linter
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
