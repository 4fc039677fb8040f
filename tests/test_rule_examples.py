"""Every example of every shipped rule runs here (proselint's table of
should-flag / should-pass examples), and a rule without examples fails."""

from __future__ import annotations

import pytest

from lint.check.checker import check_blocks
from lint.config.settings import Settings
from lint.ruleset.loader import compile_rules, load_rule_specs
from lint.model import Block

SPECS, CONTEXT, _ = load_rule_specs(Settings().all_rule_dirs())


def _hits(spec, text: str):
    checkers = compile_rules([spec], CONTEXT)
    block = Block.verbatim(text, 0, kind=spec.scope[0] if spec.scope else "paragraph")
    return [hit for _, hit in check_blocks(checkers, [block]) if hit.rule is spec]


FLAG_CASES = [(spec, text) for spec in SPECS for text in spec.examples.flag]
PASS_CASES = [(spec, text) for spec in SPECS for text in spec.examples.allow]


@pytest.mark.parametrize("spec,text", FLAG_CASES, ids=[f"{s.id}:{t[:30]}" for s, t in FLAG_CASES])
def test_rule_flags_its_example(spec, text):
    assert _hits(spec, text), f"{spec.id} ({spec.path}:{spec.line}) did not flag: {text!r}"


@pytest.mark.parametrize("spec,text", PASS_CASES, ids=[f"{s.id}:{t[:30]}" for s, t in PASS_CASES])
def test_rule_passes_its_example(spec, text):
    hits = _hits(spec, text)
    assert not hits, f"{spec.id} ({spec.path}:{spec.line}) flagged {text[hits[0].start:hits[0].end]!r} in {text!r}"


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_every_rule_has_examples_both_ways(spec):
    assert spec.examples.flag, f"{spec.id} ({spec.path}:{spec.line}) has no 'flag' examples"
    assert spec.examples.allow, f"{spec.id} ({spec.path}:{spec.line}) has no 'pass' examples"


def test_shipped_rules_are_many_and_unique():
    ids = [s.id for s in SPECS]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 3
