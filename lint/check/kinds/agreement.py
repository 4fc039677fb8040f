"""agreement: a subject and a verb that disagree in number, without a parser.

Each rule gives regexes with a group ``verb`` (written ``{verb}`` in the
pattern, expanded to the keys of ``verbs``) and usually a group ``subject``;
the verb is replaced by its counterpart from ``verbs``. A group ``drop`` is
deleted by the fix (the stray comma in "Sinochem Group, have")::

    - id: plural-subject-singular-verb
      kind: agreement
      severity: error
      message: "'{subject}' is plural: use '{replacement}'"
      fix: unsafe
      plural_subject: true          # the subject must be a dictionary plural
      verbs: {is: are, has: have}
      patterns: ['\\b(?:many|several|certain)\\s+(?P<subject>\\w+s)\\s+{verb}\\b']

A match is skipped when the word before it is "and", "or" or a
preposition: "CETC and Sinochem Group, have" and "shares owned by Sinochem
Group, have" are plural subjects.

``singular_subject: true`` asks the opposite of ``plural_subject``: the
subject is a dictionary word that is not a plural ("The list of items are").
A group ``plural`` in a pattern must be a dictionary plural. The replaced
word need not be a verb: with ``verbs: {this: these}`` the determiner is
swapped ("this features"). ``corpus_ratio: N`` speaks only when the corrected
word pair (the replacement beside the subject, in the text's order) is at
least N times as frequent in the corpus as the pair written, or the pair
written is not in it: "these features" against "this features", while
"this means" (a verb) is common.
"""

from __future__ import annotations

import re

from lint.check.kinds import lexicon
from lint.check.kinds.existence import compile_rule_regex
from lint.check.kinds.perrule import BlockRule, PerRuleChecker
from lint.check.prefilter import union_literals
from lint.check.text import match_case
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"patterns": list, "verbs": dict, "plural_subject": bool, "ignorecase": bool,
           "except": list, "singular_subject": bool, "corpus_ratio": (int, float)}
REQUIRED = ("patterns", "verbs")

_WORD_BEFORE = re.compile(r"([\w&]+)\W*$")
# After these the match is an object or part of a larger subject ("Using too
# many trait bounds has", "the lifetime of all string literals is").
_NOT_A_SUBJECT_START = {"and", "or", "nor", "&", "by", "of", "from", "with", "for", "to", "at",
                        "in", "on", "about", "between", "among", "than", "like", "too", "so", "how",
                        "as", "that", "whether", "what", "if", "into", "onto", "under", "over",
                        "behind", "beyond", "beneath", "below", "above", "inside", "outside",
                        "within", "around", "across", "along", "near", "through", "throughout",
                        "during", "after", "before", "amid", "amongst", "beside", "besides",
                        "toward", "towards", "upon", "via", "without", "against"}
# Words ending in -s that are singular or uncountable.
_SINGULAR_ENDINGS = ("ss", "us", "is", "ics", "ous", "'s", "’s")


class AgreementRule(BlockRule):
    """One agreement rule: its patterns and verb table."""

    def __init__(self, rule: RuleSpec):
        self.rule = rule
        verbs = rule.options["verbs"]
        if not verbs or not all(isinstance(k, str) and isinstance(v, str) for k, v in verbs.items()):
            raise rule.error("'verbs' must map each wrong verb to its right form", "verbs")
        self.verbs = {k.lower(): v.lower() for k, v in verbs.items()}  # match_case gives the case
        self.exceptions = {w.lower() for w in rule.options.get("except", [])}
        verb_group = "(?P<verb>" + "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)) + ")"
        flags = re.IGNORECASE if rule.options.get("ignorecase", True) else 0
        self.patterns = []
        for raw in rule.options["patterns"]:
            if not isinstance(raw, str) or "{verb}" not in raw:
                raise rule.error(f"pattern {raw!r} must contain {{verb}} where the verb goes", "patterns")
            self.patterns.append(compile_rule_regex(rule, raw.replace("{verb}", verb_group), "patterns", flags))
        self.literals = union_literals(self.patterns)

    def hits(self, block):
        """Hits for every disagreeing subject and verb."""
        text, seen = block.text, set()
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                hit = self._hit(block, match)
                if hit and hit.edits not in seen:  # two patterns, one slip: one finding
                    seen.add(hit.edits)
                    yield hit

    def _hit(self, block, match: re.Match) -> Hit | None:
        text = block.text
        subject = match.group("subject") if "subject" in match.re.groupindex else ""
        before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        # (A determiner swapped before its noun, "this features", has no subject to protect.)
        determiner = bool(subject) and match.start("verb") < match.start("subject")
        if before and not determiner and (before.group(1).lower() in _NOT_A_SUBJECT_START
                                          or before.group(1).endswith("ing")):
            return None  # "Managing these indices is": the gerund is the subject
        if subject and subject.lower() in self.exceptions:
            return None
        if self.rule.options.get("plural_subject") and not is_plural_noun(subject):
            return None
        if self.rule.options.get("singular_subject") and not _is_singular_word(subject):
            return None
        if "plural" in match.re.groupindex and not is_plural_noun(match.group("plural")):
            return None
        verb = match.group("verb")
        if "corpus_ratio" in self.rule.options and not self._corpus_prefers(match, subject):
            return None
        replacement = match_case(verb, self.verbs[verb.lower()])
        # The finding covers the subject's head word through the verb: "Group, have".
        start, end = match.start(), match.end()
        if subject:
            start = match.start("subject") + len(subject) - len(subject.split()[-1])
            # A word swapped before its noun ("this features"): the span covers both.
            start, end = min(start, match.start("verb")), max(end, match.end("subject"))
        edits = [(match.start("verb"), match.end("verb"), replacement)]
        if "drop" in match.re.groupindex and match.group("drop") is not None:
            edits.insert(0, (match.start("drop"), match.end("drop"), ""))
        if not all(block.is_verbatim(s, e) for s, e, _ in edits):
            return None
        message = self.rule.format_message(text=text[start:end], subject=subject, verb=verb,
                                           replacement=replacement)
        span_text = text[start:end]
        fixed = span_text
        for s, e, r in sorted(edits, reverse=True):
            fixed = fixed[:s - start] + r + fixed[e - start:]
        return Hit(self.rule, start, end, message, (fixed,), edits=tuple(edits))


    def _corpus_prefers(self, match: re.Match, subject: str) -> bool:
        """True when the corpus has the corrected pair far more often than the written one."""
        verb, head = match.group("verb").lower(), subject.lower().split()[-1]
        right = self.verbs[verb]
        pairs = lexicon.bigram_counts(frozenset(w for pair in self.verbs.items() for w in pair))
        if match.start("verb") < match.start("subject"):
            written, corrected = f"{verb} {head}", f"{right} {head}"
        else:
            written, corrected = f"{head} {verb}", f"{head} {right}"
        # A pair the corpus lacks is rarer than its cut-off: then any evidence will do.
        seen = pairs.get(written, 0)
        return not seen or pairs.get(corrected, 0) >= self.rule.options["corpus_ratio"] * seen


def _is_singular_word(word: str) -> bool:
    """True for a dictionary word that is not a plural (nor ends like one)."""
    lower = word.lower()
    return bool(lexicon.word_count(lower)) and not lower.endswith("s")


def is_plural_noun(word: str) -> bool:
    """True for a regular English plural whose singular is a dictionary word."""
    lower = word.lower()
    if len(lower) < 4 or not lower.endswith("s") or lower.endswith(_SINGULAR_ENDINGS):
        return False
    if not lexicon.word_count(lower):
        return False
    candidates = [lower[:-1]]
    if lower.endswith("ies"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    return any(lexicon.word_count(c) for c in candidates)


def build(rules, context):
    """One checker for every agreement rule."""
    return [PerRuleChecker(rules, AgreementRule)]
