"""scripts/accuracy.py: its scoring, and a short run on the development sets.

The run reads ../shared/eval (never copied into the project; a changed slice
of it is written to a temporary folder) and is skipped without it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "accuracy.py"
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = ROOT.parent / "shared" / "corpus" / "rust-book"
needs_eval = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is absent")


def _module():
    spec = importlib.util.spec_from_file_location("accuracy_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


accuracy = _module()


def _spans(source, target):
    return [(source[e.start:e.end], e.insert) for e in accuracy.edits_between(source, target)]


def test_edits_are_spans_of_the_raw_source():
    assert _spans("He go to school .", "He goes to school .") == [("go", False)]
    assert _spans("near the top of the New York Times", "near the top of The New York Times") == [("the", False)]
    # an insertion is the gap between its neighbours; a space change is an edit too
    assert _spans("I have car.", "I have a car.") == [(" ", True)]
    assert _spans("U.S citizens", "U.S. citizens") == [(" ", True)]
    assert _spans("a list ,of words", "a list, of words") == [(" ", True), ("", True)]
    assert _spans("Same text.", "Same text.") == []


def test_a_finding_is_right_when_it_overlaps_an_edit_and_recall_takes_the_best_reference():
    flag = accuracy.Flag
    source = "I have car and a dog."
    references = [accuracy.edits_between(source, "I have a car and a dog."),
                  accuracy.edits_between(source, "I have a car and one dog.")]
    tally = accuracy.Tally()
    # "car" touches the insertion before it; "dog" overlaps nothing
    tally.add([flag("a", accuracy.Severity.ERROR, "grammar", 7, 10),
               flag("b", accuracy.Severity.ERROR, "grammar", 17, 20)], references)
    figures = tally.figures()
    assert (figures["right"], figures["wrong"]) == (1, 1)
    assert (figures["edits_found"], figures["edits"]) == (1, 1)  # the first reference: nothing missed
    assert figures["recall_union"] == pytest.approx(0.5)
    assert figures["f0.5"] == pytest.approx(1.25 * 0.5 * 1 / (0.25 * 0.5 + 1))


def test_detokenized_text_reads_as_prose():
    assert accuracy.detokenize('He said " it is n\'t mine , Melville \' s " ( really ) .') == \
        'He said "it isn\'t mine, Melville\'s" (really).'


def _run(*args):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--no-languagetool", "--quiet", *args],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _slice(folder: Path, limit: int, typo: bool) -> Path:
    """The first CWEB sentences; with `typo`, "the" misspelt in each source
    sentence (the annotations keep it right, so each typo is a gold edit)."""
    cweb = folder / "cweb-g-dev"
    cweb.mkdir(parents=True)
    for suffix in ("source", "ann1", "ann2"):
        lines = (EVAL / "cweb-g-dev" / f"CWEB-G.dev.{suffix}").read_text(encoding="utf-8").splitlines()[:limit]
        if typo and suffix == "source":
            lines = [line.replace(" the ", " teh ", 1) for line in lines]
        (cweb / f"CWEB-G.dev.{suffix}").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@needs_eval
def test_a_short_run_prints_every_set_with_scores_in_range(tmp_path):
    sets = "cweb,jfleg,gmeg,misspellings" + (",rust-book" if CORPUS.is_dir() else "")
    out = _run("--sets", sets, "--limit", "25", "--json", str(tmp_path / "out.json"), "--by-rule")
    for title in ("CWEB-G dev", "JFLEG dev", "GMEG-wiki dev", "Misspellings", "precision %", "F0.5",
                  "detected %", "right in top 3 %", "built-in + LT", "LT alone"):
        assert title in out
    report = json.loads((tmp_path / "out.json").read_text())
    for name in ("cweb", "jfleg", "gmeg"):
        figures = report["sets"][name]["results"]["builtin"]
        assert set(report["sets"][name]["results"]) == {"builtin"}  # --no-languagetool: one column
        assert figures["sentences"] == 25
        for key in ("precision", "recall", "f0.5", "recall_union"):
            assert 0.0 <= figures[key] <= 1.0
        assert figures["edits"] > 0 and figures["findings"] == figures["right"] + figures["wrong"]
    spelled = report["sets"]["misspellings"]["results"]["builtin"]
    assert spelled["items"] == 25 and 0.0 <= spelled["top3"] <= spelled["detected"] <= 1.0
    assert "pyenchant" in report["sets"]["misspellings"]["about"] or "symspellpy" in \
        report["sets"]["misspellings"]["about"]
    if CORPUS.is_dir():
        book = report["sets"]["rust-book"]["results"]["builtin"]
        assert book["files"] == 25 and book["words"] > 1000
        assert book["per_10k"]["error"] >= 0 and "by rule, rust-book" not in out  # by-rule needs LT


@needs_eval
def test_scores_follow_the_input(tmp_path):
    def cweb(typo: bool) -> dict:
        folder = _slice(tmp_path / ("typo" if typo else "plain"), 60, typo)
        _run("--sets", "cweb", "--eval-dir", str(folder), "--json", str(folder / "out.json"))
        return json.loads((folder / "out.json").read_text())["sets"]["cweb"]["results"]["builtin"]

    plain, typo = cweb(False), cweb(True)
    assert typo["edits"] > plain["edits"]
    assert typo["right"] > plain["right"]  # the speller finds "teh", and it is a gold edit
    assert typo["recall"] > plain["recall"] and typo["f0.5"] > plain["f0.5"]


def test_missing_sets_are_a_clear_error(tmp_path):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--no-languagetool", "--sets", "cweb",
                           "--eval-dir", str(tmp_path / "absent")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "no evaluation sets at" in proc.stderr and "--eval-dir" in proc.stderr


def test_languagetool_alone_is_labelled_by_its_own_issue_types():
    from lint.check.languagetool.client import RawMatch

    def match(rule, category, issue_type, type_name=""):
        return RawMatch(0, 3, rule, "", (), category, issue_type, type_name)

    severity = accuracy.Severity
    assert accuracy.own_severity(match("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "UnknownWord")) \
        == severity.WARNING
    assert accuracy.own_severity(match("HE_VERB_AGR", "GRAMMAR", "grammar")) == severity.ERROR
    assert accuracy.own_severity(match("PASSIVE_VOICE", "STYLE", "style")) == severity.INFO
    assert accuracy.own_severity(match("COMMA_COMPOUND_SENTENCE", "PUNCTUATION", "typographical")) \
        == severity.WARNING
