"""The fixer as a library: tiers, passes, overlaps, offsets, decisions, redline."""

from __future__ import annotations

import pytest

from fixhelp import CYCLE, fixer, write_pack
from lint.fix import Decision, redline
from lint.model import Applicability


@pytest.fixture
def fix(tmp_path):
    return fixer(write_pack(tmp_path))


def test_only_safe_fixes_by_default(fix):
    result = fix("We boot the development of teh plan.")
    assert result.fixed == "We boot the development of the plan."
    assert [c.rule for c in result.applied] == ["t.teh"]
    assert [f.rule for f in result.remaining] == ["t.boot"]
    assert result.needs_editor == 1
    assert result.summary == "1 fixed, 1 remaining (1 needs an editor)"


def test_unsafe_fixes_on_request(fix):
    result = fix("We boot the development of teh plan.", unsafe=True)
    assert result.fixed == "We boost the development of the plan."
    assert {c.rule: c.applicability for c in result.applied} == {
        "t.teh": Applicability.SAFE, "t.boot": Applicability.UNSAFE}
    assert result.remaining == []


def test_findings_without_a_fix_need_an_editor(fix):
    result = fix("A very unique teh idea.", unsafe=True)
    assert result.fixed == "A very unique the idea."
    assert [f.rule for f in result.remaining] == ["t.hedge"]
    assert result.needs_editor == 1


def test_select_and_ignore_choose_the_fixes(fix):
    text = "We boot the development of teh plan."
    assert fix(text, unsafe=True, select=("t.boot",)).fixed == "We boost the development of teh plan."
    assert fix(text, unsafe=True, ignore=("t.boot",)).fixed == "We boot the development of the plan."
    # An ignored fix still shows as remaining, but a tool could fix it: no editor needed.
    result = fix(text, ignore=("t.teh",))
    assert len(result.remaining) == 2 and result.needs_editor == 1


def test_a_fix_that_makes_a_new_finding_is_fixed_in_the_next_pass(fix):
    original = "First line.\nSay teh the word.\n"
    result = fix(original)
    assert result.fixed == "First line.\nSay the word.\n"
    assert result.passes == 2 and result.converged
    first, second = result.applied
    assert (first.rule, first.before, first.after, first.pass_number) == ("t.teh", "teh", "the", 1)
    assert (second.rule, second.before, second.after, second.pass_number) == ("t.doubled", "the the", "the", 2)
    # The second change was found in the text of pass 2, but is reported on the original.
    assert original[second.start:second.end] == "teh the"
    assert second.line == 2


def test_later_passes_map_offsets_past_earlier_changes(fix):
    original = "teh cat\nand teh the dog\n"
    result = fix(original)
    assert result.fixed == "the cat\nand the dog\n"
    last = result.applied[-1]
    assert last.rule == "t.doubled" and original[last.start:last.end] == "teh the" and last.line == 2


def test_overlap_between_two_rules_keeps_one_and_lists_the_other(tmp_path):
    # Two kinds (two checkers) flag overlapping words: "way" and "way for".
    pack = write_pack(tmp_path).joinpath("rules", "pack.yaml")
    pack.write_text(pack.read_text() + """\
  - id: transfer-way
    kind: confusion
    severity: info
    category: style
    message: "'{text}': use '{replacement}'"
    fix: safe
    replacement: path
    patterns: ['transfer (?P<word>way)']
    examples: {flag: ["transfer way"], pass: ["transfer path"]}
""")
    result = fixer(tmp_path)("a transfer way for staff")
    assert [c.rule for c in result.applied] == ["t.transfer-way"]
    assert result.fixed == "a transfer path for staff"
    assert [(f.rule, f.start, f.end) for f in result.skipped] == [("t.way-for", 11, 18)]


def test_fixes_that_undo_each_other_stop_at_the_bound(tmp_path):
    fix = fixer(write_pack(tmp_path, CYCLE), pack="cycle")
    result = fix("alpha", max_passes=4)
    assert result.passes == 4 and not result.converged
    assert result.fixed == "alpha"


def test_fixing_a_fixed_text_changes_nothing(fix):
    once = fix("teh teh the boot the development, a way for", unsafe=True)
    twice = fix(once.fixed, unsafe=True)
    assert twice.applied == [] and twice.fixed == once.fixed and twice.passes == 0


def test_a_rejected_deletion_is_not_asked_again(fix):
    asked = []

    def decide(proposal):
        asked.append(proposal.before)
        return Decision("reject" if proposal.finding.rule == "t.nav" else "accept")

    result = fix("Sign in now\n\nteh the end.\n", decide=decide)
    assert result.fixed == "Sign in now\n\nthe end.\n"
    assert asked == ["Sign in now\n\n", "teh", "the the"]


def test_removed_debris_takes_its_line_and_leaves_no_gap(fix):
    text = "Sign in now\n\nSign in now\n\nStory.\n\nIntro.\nSign in now\n\nEnd.\n\n\nSign in now"
    result = fix(text)
    assert result.fixed == "Story.\n\nIntro.\n\nEnd."  # no final newline before: none after
    assert [c.before for c in result.applied] == ["Sign in now\n\n", "Sign in now\n\n", "Sign in now\n",
                                                  "\n\n\nSign in now"]
    assert fix("Story.\nSign in now\n").fixed == "Story.\n"  # and one that was there stays
    assert fix("Say sign in now, then read.\n").fixed == "Say , then read.\n"  # text shares the line


def test_decisions_reject_edit_and_quit(fix):
    text = "teh one, teh two, teh three, teh four"
    answers = iter([Decision("reject"), Decision("edit", "THE"), Decision("accept"), Decision("quit")])
    asked = []

    def decide(proposal):
        asked.append(proposal.before)
        return next(answers)

    result = fix(text, decide=decide)
    assert result.fixed == "teh one, THE two, the three, teh four"
    assert asked == ["teh"] * 4  # a rejected change is not asked again in the next pass
    assert [c.after for c in result.applied] == ["THE", "the"]


def test_the_fixers_redline_marks_exactly_what_changed(fix):
    result = fix("First teh line.\nSay teh the word.\nteh end\n")
    # "teh the" became "the" over two passes: one region, diffed word by word.
    assert result.offsets.changed_regions() == [(6, 9, 6, 9), (20, 27, 20, 23), (34, 37, 30, 33)]
    assert result.redline() == [
        ("equal", "First "), ("delete", "teh"), ("insert", "the"), ("equal", " line.\nSay "),
        ("delete", "teh the"), ("insert", "the"), ("equal", " word.\n"), ("delete", "teh"),
        ("insert", "the"), ("equal", " end\n")]


def test_redline_rebuilds_both_texts():
    original, fixed = "Accoring to teh CEO, sales rose.", "According to the CEO, sales rose sharply."
    segments = redline(original, fixed)
    assert "".join(t for op, t in segments if op != "insert") == original
    assert "".join(t for op, t in segments if op != "delete") == fixed
    assert ("delete", "Accoring") in segments and ("insert", "According") in segments
