"""Rule kinds end to end: fixes that remove debris, document-level checks,
thresholds from the configuration, vocabularies and rule errors at file:line."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT, check_json, run_copydesk


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rules(report):
    return [(f["rule"], f["text"]) for f in report["files"][0]["findings"]]


def test_fix_removes_a_login_prompt_line_with_its_line_break(tmp_path):
    doc = _write(tmp_path, "story.txt", "The market grew.\nPlease sign in first\nPrices rose.\n")
    proc = run_copydesk("fix", str(doc), "--no-languagetool")
    assert proc.stdout == "The market grew.\nPrices rose.\n", proc.stderr


def test_fix_repairs_mojibake_and_removes_stray_cjk(tmp_path):
    doc = _write(tmp_path, "story.txt", "Itâ€™s the companyâ€™s plan to grow.副本\n")
    proc = run_copydesk("fix", str(doc), "--no-languagetool")
    assert proc.stdout == "It’s the company’s plan to grow.\n", proc.stderr


def test_a_repeated_paragraph_is_flagged_once(tmp_path):
    paragraph = "The lab will store and track information on power consumption for every user."
    doc = _write(tmp_path, "story.txt", f"{paragraph}\n\nSomething else happened.\n\n{paragraph}\n")
    report, _ = check_json(str(doc), "--no-languagetool")
    duplicates = [f for f in report["files"][0]["findings"] if f["rule"] == "debris.duplicated-text"]
    assert len(duplicates) == 1 and duplicates[0]["line"] == 5


def test_a_heading_is_not_a_repeat_of_the_paragraph_after_it(tmp_path):
    """Only what comes after the first paragraph repeats it: a heading that
    happens to have the same words, placed before it, is not debris."""
    words = "The lab will store and track information on power consumption"
    doc = _write(tmp_path, "story.md", f"# {words}\n\n{words}\n\nMore.\n\n## {words}\n")
    report, _ = check_json(str(doc), "--no-languagetool")
    lines = [f["line"] for f in report["files"][0]["findings"] if f["rule"] == "debris.duplicated-text"]
    assert lines == [7]


def test_readability_threshold_comes_from_the_configuration(tmp_path):
    sentence = "The committee decided after a long debate to postpone the vote until the spring session.\n"
    doc = _write(tmp_path, "story.txt", sentence)
    report, _ = check_json(str(doc), "--no-languagetool")
    assert not [r for r, _ in _rules(report) if r == "readability.long-sentence"]
    _write(tmp_path, "copydesk.yaml", "options:\n  readability.long-sentence: {max_words: 10}\n")
    report, _ = check_json(str(doc), "--no-languagetool")
    long = [f for f in report["files"][0]["findings"] if f["rule"] == "readability.long-sentence"]
    assert len(long) == 1 and "15 words (limit 10)" in long[0]["message"]
    metrics = report["files"][0]["readability"]
    assert metrics["words"] == 15 and "flesch_reading_ease" in metrics


def test_confusion_statistics_speak_only_when_the_context_is_clear(tmp_path):
    doc = _write(tmp_path, "story.txt", "You can buy the book online.\n\n"
                                        "He urged them to boost strategic emerging industries buy using policy guidance.\n")
    report, _ = check_json(str(doc), "--no-languagetool")
    confusions = [f for f in report["files"][0]["findings"] if f["rule"].startswith("confusion.")]
    assert [(f["text"], f["line"], f["replacements"]) for f in confusions] == [("buy", 3, ["by"])]


def test_accept_vocabulary_silences_the_speller(tmp_path):
    doc = _write(tmp_path, "story.txt", "The flurbogram arrived late.\n")
    report, _ = check_json(str(doc), "--no-languagetool")
    assert ("spelling.unknown-word", "flurbogram") in _rules(report)
    _write(tmp_path, "copydesk.yaml", "vocabulary:\n  accept: [flurbogram]\n")
    report, _ = check_json(str(doc), "--no-languagetool")
    assert not [r for r, _ in _rules(report) if r.startswith("spelling.")]


def test_names_are_learnt_from_the_document(tmp_path):
    doc = _write(tmp_path, "story.txt", "Officials met Xiaoqing Dairong in Quanzhou.\n\n"
                                        "Dairong said the plan works. Xiaoqing agreed.\n\n"
                                        "Wrongg words are still caught.\n")
    report, _ = check_json(str(doc), "--no-languagetool")
    spelled = [t for r, t in _rules(report) if r.startswith("spelling.")]
    assert spelled == ["Wrongg"]


def test_a_context_rule_without_a_word_group_is_an_error_at_file_and_line(tmp_path):
    _write(tmp_path, "house/extra.yaml", textwrap.dedent("""\
        pack: house
        rules:
          - id: bad
            kind: confusion
            message: "x"
            replacement: y
            patterns: ['\\bfoo\\b']
            examples: {flag: [foo], pass: [bar]}
        """))
    doc = _write(tmp_path, "story.txt", "Text.\n")
    proc = run_copydesk("check", str(doc), "--rules-dir", str(tmp_path / "house"), "--no-languagetool")
    assert proc.returncode == 2
    assert "extra.yaml:7:" in proc.stderr and "word" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unknown_option_for_a_rule_is_an_error_at_file_and_line(tmp_path):
    _write(tmp_path, "copydesk.yaml", "options:\n  readability.long-sentence: {max_wordz: 10}\n")
    doc = _write(tmp_path, "story.txt", "Text.\n")
    proc = run_copydesk("check", str(doc), "--no-languagetool")
    assert proc.returncode == 2
    assert "copydesk.yaml:2:" in proc.stderr and "max_wordz" in proc.stderr


def test_frequency_data_is_loaded_only_when_a_rule_needs_it():
    """The bigram table is read on the first confusable word, and once."""
    script = textwrap.dedent("""\
        from lint.config.settings import Settings
        from lint.check.engine import run_rules
        from lint.check.kinds import lexicon
        from lint.ruleset.loader import build_ruleset
        from lint.model import Block
        ruleset = build_ruleset(Settings())
        run_rules([Block.verbatim("Hello world.", 0, "paragraph")], ruleset)
        print(lexicon.bigram_counts.cache_info().currsize)
        for text in ("Boost industries buy using guidance.", "Go there by using a map."):
            run_rules([Block.verbatim(text, 0, "paragraph")], ruleset)
        print(lexicon.bigram_counts.cache_info().currsize)
        """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.stdout.split() == ["0", "1"], proc.stderr


def test_fix_removes_a_login_prompt_whatever_its_case_spacing_and_line_breaks(tmp_path):
    doc = _write(tmp_path, "story.txt",
                 "The market grew.\nHot  search\nkeywords\nPrices rose.\n\nplease SIGN in first!\n\n"
                 "Readers should sign in first.\n")
    proc = run_copydesk("fix", str(doc), "--no-languagetool")
    assert proc.stdout == "The market grew.\nPrices rose.\n\nReaders should sign in first.\n", proc.stderr


def test_grammar_without_languagetool_catches_the_common_slips(tmp_path):
    doc = _write(tmp_path, "story.md", textwrap.dedent("""\
        # Operators Expands Into Asia

        Its a good idea, and the dog wagged it's own tail. We went too the shop.
        The price was to high. Most of this products come from abroad.
        The list of items are long. There is many ways to boot domestic investment.
        """))
    report, _ = check_json(str(doc), "--no-languagetool")
    assert sorted(_rules(report)) == [
        ("confusion.boot-boost", "boot"), ("confusion.it-s-its", "it's"), ("confusion.its-it-s", "Its"),
        ("confusion.to-too", "to"), ("confusion.too-to", "too"),
        ("grammar.determiner-plural-noun", "this products"),
        ("grammar.headline-plural-singular-verb", "Operators Expands"),
        ("grammar.singular-subject-of-plural", "list of items are"),
        ("grammar.there-is-plural", "is many")]
    proc = run_copydesk("fix", str(doc), "--no-languagetool", "--unsafe-fixes")
    assert proc.stdout == textwrap.dedent("""\
        # Operators Expand Into Asia

        It's a good idea, and the dog wagged its own tail. We went to the shop.
        The price was too high. Most of these products come from abroad.
        The list of items is long. There are many ways to boost domestic investment.
        """), proc.stderr


def test_correct_grammar_is_left_alone(tmp_path):
    doc = _write(tmp_path, "story.md", textwrap.dedent("""\
        # Siemens Eyes Asia

        The company changed its name; it's a good idea. This means the list of items is long.
        One of the reasons is cost, and the majority of voters are undecided. This requires care.
        Behind the row of houses are fields. There is news, and it is too big to fit.
        """))
    report, _ = check_json(str(doc), "--no-languagetool")
    assert not [r for r in _rules(report) if r[0].startswith(("grammar.", "confusion."))]


def test_a_fix_that_writes_an_apostrophe_uses_the_texts_own(tmp_path):
    doc = _write(tmp_path, "story.txt", "Its a good idea, and the firm’s staff agree.\n")
    proc = run_copydesk("fix", str(doc), "--no-languagetool", "--unsafe-fixes")
    assert proc.stdout == "It’s a good idea, and the firm’s staff agree.\n", proc.stderr
