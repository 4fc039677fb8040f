"""No user pattern can stall a run: each shape that once ran for a minute
on a line of a's is now refused at load with file:line, or checked at once
(RE2 matches in linear time; anything else runs under a time budget and,
past it, its rule is switched off with a notice naming file:line)."""

from __future__ import annotations

import re
import time

import pytest

from conftest import run_copydesk
from lint.config.yamlsource import ConfigError
from lint.run.pipeline import CommandLine, Linter

ALTERNATION = "(?:" + "|".join("a" * n for n in range(1, 30)) + ")+$"
SHAPES = {  # name: (pattern, the line it is checked on)
    "star-run": ("a*a*a*a*a*b", "a" * 40),
    "word-run": (r"\w+\w+\w+\w+!", "a" * 40),
    "optional-branches": ("(?:a|a?b?)+$", "a" * 35 + "!"),
    "bounded-of-unbounded": ("(?:a+){1,50}$", "a" * 35 + "!"),
    "bounded-cube": ("(?:(?:a{0,40}){0,40}){0,40}$", "a" * 35 + "!"),
    "long-alternation": (ALTERNATION, "a" * 35 + "!"),
    "conditional": ("(x)?(?(1)(?:a+)+$|(?:a+)+$)", "a" * 35 + "!"),
    "atomic": ("(?>(?:a+)+$)", "a" * 35 + "!"),
    "prefix-overlap": ("(a|a?)+$", "a" * 35 + "!"),
    # on ASCII text RE2 runs \b; next to a letter outside ASCII the regex
    # module does, and its time budget stops it
    "word-boundary-overlap": (r"\b(?:a|aa)+!", "naïve " + "a" * 35 + "?"),
    # RE2 screens out a line where even (?:a|aa)+! finds nothing; here it
    # finds the last "a!", and the regex module's budget stops the rest
    "lookahead-overlap": (r"(?=a)(?:a|aa)+!", "a" * 35 + "? a!"),
}


def _project(tmp_path, pattern: str):
    rules = tmp_path / "rules"
    rules.mkdir()
    quoted = pattern.replace("'", "''")
    (rules / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: hostile\n    kind: existence\n    message: m\n"
        f"    patterns: ['{quoted}']\n", encoding="utf-8")
    config = tmp_path / "copydesk.yaml"
    config.write_text("rules_dirs: [rules]\n", encoding="utf-8")
    return config, rules / "house.yaml"


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_hostile_pattern_is_refused_or_checked_within_a_second(tmp_path, name):
    pattern, line = SHAPES[name]
    config, rule_file = _project(tmp_path, pattern)
    linter = Linter(CommandLine(config=config, languagetool=False))
    started = time.perf_counter()
    try:  # rules are compiled on first use
        result = linter.check_text(f"{line}\n\nSome words.\n", path="draft.txt")
    except ConfigError as refused:
        assert f"{rule_file}:6:" in str(refused)
        return
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"{pattern!r} took {elapsed:.2f} s"
    expected = re.search(pattern, line) is not None if name in {"star-run", "word-run"} else None
    hostile = [f for f in result.findings if f.rule == "hostile"]
    if expected is not None:  # what `re` finds (quickly here), RE2 finds too
        assert bool(hostile) == expected


def test_pattern_past_the_budget_switches_its_rule_off_with_one_notice(tmp_path):
    pattern, line = SHAPES["lookahead-overlap"]
    config, rule_file = _project(tmp_path, pattern)
    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(4):
        (docs / f"doc{number}.txt").write_text("\n\n".join([line] * 3) + "\n", encoding="utf-8")
    started = time.perf_counter()
    proc = run_copydesk("check", docs, "--config", config, "--no-languagetool", "--no-cache", "--jobs", "2",
                        timeout=60)
    assert time.perf_counter() - started < 20
    assert "Traceback" not in proc.stderr
    notices = [n for n in (proc.stdout + proc.stderr).splitlines() if "is off for this run" in n]
    assert len(notices) == 1, proc.stdout + proc.stderr
    assert f"{rule_file}:3" in notices[0]


def test_repeat_count_too_large_is_a_file_line_error(tmp_path):
    config, rule_file = _project(tmp_path, "a{1,4294967296}")
    with pytest.raises(ConfigError) as refused:
        Linter(CommandLine(config=config, languagetool=False)).check_text("a\n", path="draft.txt")
    assert f"{rule_file}:6:" in str(refused.value)
    assert "bad regex" in str(refused.value)


SAME_AS_RE = [  # (pattern, flags, text): RE2 or the fallback must find what `re` finds
    (r"\bcafe\b", 0, "a cafe, a caféx, cafe."),
    (r"\bnaïve\b", re.IGNORECASE, "NAÏVE and naïveté"),
    (r"\binternet\b", re.IGNORECASE, "The İnternet, an ınternet, INTERNET."),
    (r"\w+", 0, "Straße 42 ١٢ x_y"),
    (r"\d+", 0, "12 ١٢ ²"),
    (r"a\sb", 0, "a\u00a0b a\u2009b a\u200bb"),
    (r"end$", 0, "the end\n"),
    (r"end$", 0, "the end"),
    (r"^x|y$", re.MULTILINE, "x1\nay\nx"),
    (r"(?P<w>[A-Z][a-z]+)\s+(?P=w)", 0, "Hello Hello world"),
    (r"[^\W\d_]+", 0, "abc123def_ég"),
    (r"colou?r(?=s)", re.IGNORECASE, "Colors and COLOURS"),
]


@pytest.mark.parametrize("pattern, flags, text", SAME_AS_RE)
def test_bounded_matching_finds_what_re_finds(pattern, flags, text):
    from lint.ruleset.regexes import compile_safe

    bounded = compile_safe(pattern, flags)
    expected = [(m.span(), m.groupdict()) for m in re.finditer(pattern, text, flags)]
    assert [(m.span(), m.groupdict()) for m in bounded.finditer(text)] == expected
    for pos, endpos in ((1, len(text) - 1), (3, len(text))):
        python = re.compile(pattern, flags).search(text, pos, endpos)
        found = bounded.search(text, pos, endpos)
        assert (found and found.span()) == (python and python.span())


def test_a_replacement_template_expands_on_re2_as_on_re():
    """A pattern rule's `replace:` template (\\g<name>, \\1, escapes) fills in the
    same text whichever engine found the match."""
    import re

    from lint.ruleset.regexes import compile_safe

    pattern = r"\b(?P<stem>compil)(e)rs?\b"
    text = "A C compiler and two compilers."
    template = r"[\g<stem>\2 \1\t\g<2>]"
    bounded = [m.expand(template) for m in compile_safe(pattern).finditer(text)]
    assert bounded == [m.expand(template) for m in re.finditer(pattern, text)]
    assert len(bounded) == 2
