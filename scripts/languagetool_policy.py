#!/usr/bin/env python3
"""Write rules/languagetool/policy.yaml from measured precision.

    .venv/bin/python scripts/accuracy.py --sets cweb,gmeg,rust-book --json figures.json
    .venv/bin/python scripts/languagetool_policy.py figures.json [--output rules/languagetool/policy.yaml]

For each LanguageTool rule it reads LanguageTool-alone matches on the
development sets (CWEB-G dev and GMEG-wiki dev: right when they overlap an
annotator's edit) and on the rust-book (edited prose: every match counted
as a false alarm, since nearly all are), and sorts the rule into a tier by
the thresholds below. The speller is left out: its matches go through the
name, vocabulary and document-term filters, which decide far more than its
rule id could. A rule with too few matches to judge is not listed and
keeps its default weight (lint/check/languagetool/findings.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = ("cweb", "gmeg")
SPELLERS = ("MORFOLOGIK_", "HUNSPELL_")
# Rules LanguageTool generates one per entry of a word list, judged together.
FAMILIES = ("EN_COMPOUNDS_",)
# Precision thresholds of each tier, and the fewest matches that judge a rule.
DISABLED_BELOW, ERRORS_FROM, WARNINGS_FROM, HINTS_BELOW = 0.25, 0.90, 0.60, 0.50
MIN_MATCHES = {"disabled": 8, "errors": 5, "warnings": 3, "hints": 3}
ERRORS_MAX_RUST_BOOK = 2

HEADER = """\
# What Copydesk asks of LanguageTool, and how far it trusts each rule's matches
# (lint/ruleset/languagetool_policy.py). Written by scripts/languagetool_policy.py
# from `scripts/accuracy.py --json`: do not edit by hand, measure again.
#
# "dev sets": LanguageTool alone on CWEB-G dev and GMEG-wiki dev (../shared/eval),
# a match right when it overlaps an annotator's edit. "rust-book": its matches on
# ../shared/corpus/rust-book, edited prose, counted as false alarms.
#
# disabled: not requested (precision under {disabled:.0%} counting the rust-book, {md} matches or more)
# errors:   matches are errors (dev precision {errors:.0%} or more over {me}+ matches, rust-book {mr} or fewer)
# warnings: matches are warnings (precision {warnings:.0%} or more counting the rust-book, {mw}+ matches)
# hints:    matches are information (precision under {hints:.0%} counting the rust-book, {mh}+ matches)
# A rule not listed keeps its default weight: grammar a warning, style information.
# `languagetool: enable_rules: [RULE]` turns a disabled rule back on.
"""


def _policy_id(rule: str) -> str:
    """The id a rule is judged under: its own, or its family's ("EN_COMPOUNDS_*")."""
    rule = rule.removeprefix("lt.")
    family = next((prefix for prefix in FAMILIES if rule.startswith(prefix)), None)
    return family + "*" if family else rule


def measured(figures: dict) -> dict[str, tuple[int, int, int]]:
    """rule id -> (right on the dev sets, wrong on the dev sets, rust-book matches)."""
    table: dict[str, list[int]] = {}
    for name in DEV_SETS:
        for rule, counts in figures["sets"][name]["results"]["lt-alone"]["by_rule"].items():
            row = table.setdefault(_policy_id(rule), [0, 0, 0])
            row[0] += counts["right"]
            row[1] += counts["wrong"]
    for rule, count in figures["sets"]["rust-book"]["results"]["lt-alone"]["by_rule"].items():
        if rule.startswith("lt."):
            table.setdefault(_policy_id(rule), [0, 0, 0])[2] += count
    return {rule: (right, wrong, rust) for rule, (right, wrong, rust) in table.items()
            if not rule.startswith(SPELLERS)}


def tier_of(right: int, wrong: int, rust: int) -> str | None:
    dev = right + wrong
    every = dev + rust
    precision = right / dev if dev else 0.0
    with_rust = right / every if every else 0.0
    if every >= MIN_MATCHES["disabled"] and with_rust < DISABLED_BELOW:
        return "disabled"
    if dev >= MIN_MATCHES["errors"] and precision >= ERRORS_FROM and rust <= ERRORS_MAX_RUST_BOOK:
        return "errors"
    if dev >= MIN_MATCHES["warnings"] and with_rust >= WARNINGS_FROM:
        return "warnings"
    if every >= MIN_MATCHES["hints"] and with_rust < HINTS_BELOW:
        return "hints"
    return None


def policy_text(figures: dict) -> str:
    tiers: dict[str, list[str]] = {"disabled": [], "errors": [], "warnings": [], "hints": []}
    for rule, (right, wrong, rust) in sorted(measured(figures).items()):
        tier = tier_of(right, wrong, rust)
        if tier:
            reason = f"dev sets {right} right of {right + wrong}; rust-book {rust} match{'es' * (rust != 1)}"
            tiers[tier].append(f"  {rule}: \"{reason}\"")
    text = HEADER.format(disabled=DISABLED_BELOW, errors=ERRORS_FROM, warnings=WARNINGS_FROM,
                         hints=HINTS_BELOW, md=MIN_MATCHES["disabled"], me=MIN_MATCHES["errors"],
                         mr=ERRORS_MAX_RUST_BOOK, mw=MIN_MATCHES["warnings"], mh=MIN_MATCHES["hints"])
    for tier, lines in tiers.items():
        text += "".join([f"{tier}:\n", *(line + "\n" for line in lines)]) if lines else f"{tier}: {{}}\n"
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("figures", type=Path, help="the JSON of scripts/accuracy.py --json (cweb, gmeg, rust-book)")
    parser.add_argument("--output", type=Path, help="write here (default: print)")
    args = parser.parse_args(argv)
    figures = json.loads(args.figures.read_text(encoding="utf-8"))
    missing = [name for name in (*DEV_SETS, "rust-book") if name not in figures.get("sets", {})]
    if missing:
        print(f"languagetool_policy: {args.figures} has no {', '.join(missing)}: run scripts/accuracy.py "
              f"--sets cweb,gmeg,rust-book --json {args.figures}", file=sys.stderr)
        return 2
    text = policy_text(figures)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
