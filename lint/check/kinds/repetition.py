"""repetition: the same word twice in a row ("the the").

    - id: doubled-word
      kind: repetition
      severity: error
      message: "'{word}' is repeated"
      fix: safe
      allow: [had, that]        # "had had" and "that that" can be right

The fix deletes the second word and the space before it. Words in a name
written in capitals ("Walla Walla") are left alone, as are repeats split
by markup or code.
"""

from __future__ import annotations

import functools
import re

from lint.check.checker import BlockChecker
from lint.check.prefilter import Gate
from lint.ruleset.regexes import trie_pattern
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"allow": list}
REQUIRED = ()

_DOUBLED = re.compile(
    r"(?<![\w’'-])(?P<first>[^\W\d_]+)(?P<gap>[ \t]*\n[ \t]*|[ \t]+)(?P<second>(?P=first))(?![\w’'-])",
    re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _doubled(words: frozenset[str]) -> re.Pattern:
    """Any of `words` twice, as _DOUBLED sees them, in lowered text (letters
    around, not the rest of _DOUBLED's word characters: a few more blocks)."""
    # Led by a test of the words' first letters: the lookbehind alone would
    # be tried at every character of the text. (Not through the pattern
    # store: every document has its own words.)
    firsts = "".join(sorted({re.escape(word[0]) for word in words}))
    return re.compile(rf"(?=[{firsts}])(?<![^\W\d_])(?P<word>{trie_pattern(words)})"
                      rf"(?:[ \t]*\n[ \t]*|[ \t]+)(?P=word)(?![^\W\d_])")


class RepetitionChecker(BlockChecker):
    """One regex finds every doubled word."""

    def __init__(self, rules: list[RuleSpec]):
        self.rules = tuple(rules)
        self.allowed = {r.id: {w.lower() for w in r.options.get("allow", [])} for r in rules}

    def gate(self, document):
        """Find the blocks that may hold a doubled word.

        A doubled word is two equal runs of letters with only space between,
        so it is two equal neighbours in a block's list of letter runs: one
        pass over those lists finds the few words to look for ("and" when
        code between two "and"s was taken out), and one search for just
        those words, doubled, finds the blocks.
        """
        doubled = document.doubled
        return Gate(document.blocks_matching(_doubled(frozenset(doubled))) if doubled else set())

    def check_block(self, block):
        """Yield a hit for each word written twice in a row."""
        text = block.text
        for match in _DOUBLED.finditer(text):
            first, second = match.group("first"), match.group("second")
            # Same word in different case is usually a name or a term ("Bitwise AND
            # and"), except a capitalised sentence start ("The the").
            if first != second and not (first[:1].isupper() and first[1:] == second[1:] and second.islower()):
                continue
            if first[0].isupper() and second[0].isupper() and first != "The":
                continue
            if not block.is_verbatim(match.start(), match.end()):
                continue
            for rule in self.rules:
                if first.lower() in self.allowed[rule.id]:
                    continue
                edit = (match.start("gap"), match.end("second"), "")
                yield Hit(rule, match.start(), match.end(), rule.format_message(word=first, text=match.group()),
                          (first,), edits=(edit,))


def build(rules, context):
    """One checker for every repetition rule."""
    return [RepetitionChecker(rules)]
