"""existence: flag words, phrases or patterns that should not appear.

    - id: jargon
      kind: existence
      severity: info
      message: "'{text}' is jargon; say what you mean"
      tokens: [synergy, leverage]       # whole words, any case
      patterns: ['\\bwin-win\\b']       # regexes, checked as written

Nothing is replaced; with ``fix: safe`` and ``remove: true`` the match is
deleted (with one neighbouring space).
"""

from __future__ import annotations

from lint.check.kinds.wordlist import PhraseMatcher
from lint.check.prefilter import OPEN, DocumentText, Gate
from lint.ruleset.bounded import BoundedPattern
from lint.ruleset.regexes import UnsafePattern, compile_safe, required_literals
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"tokens": list, "patterns": list, "remove": bool}
REQUIRED = ()


def compile_patterns(rule: RuleSpec, key: str = "patterns", flags: int = 0) -> list[BoundedPattern]:
    """Compile a rule's regex list, naming file:line on a bad pattern."""
    compiled = []
    for pattern in rule.options.get(key, []):
        if not isinstance(pattern, str):
            raise rule.error(f"every entry of {key!r} must be a string", key)
        compiled.append(compile_rule_regex(rule, pattern, key, flags))
    return compiled


def compile_rule_regex(rule: RuleSpec, pattern: str, key: str, flags: int = 0) -> BoundedPattern:
    """Compile one regex of a rule, refusing bad or catastrophic patterns at file:line."""
    try:
        return compile_safe(pattern, flags, origin=f"{rule.path}:{rule.line} (rule {rule.id})")
    except UnsafePattern as exc:
        raise rule.error(str(exc), key) from None


def removal_edit(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Delete [start, end) and one adjacent space so no double space is left."""
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > 0 and text[start - 1] == " ":
        start -= 1
    return (start, end, "")


class ExistenceChecker:
    """Token lists of all rules in one regex; patterns per rule."""

    def __init__(self, rules: list[RuleSpec]):
        self.rules = tuple(rules)
        for rule in rules:
            if not all(isinstance(token, str) for token in rule.options.get("tokens", [])):
                raise rule.error("every entry of 'tokens' must be a string", "tokens")
        self._matcher = PhraseMatcher((t, r) for r in rules for t in r.options.get("tokens", []))
        self._patterns = [(r, p) for r in rules for p in compile_patterns(r)]
        self._literals = [required_literals(p) for _, p in self._patterns]
        for rule in rules:
            if not rule.options.get("tokens") and not rule.options.get("patterns"):
                raise rule.error("give 'tokens' or 'patterns'")

    def check_document(self, document: DocumentText):
        """(block, hit) for every token or pattern match, reading for each
        only the blocks where a token or the pattern's literal text is."""
        token_gate = self._matcher.gate(document)
        pattern_gates = [OPEN if literals is None else Gate(document.blocks_with(literals))
                         for literals in self._literals]
        for block in document.blocks:
            text = block.text
            if token_gate.allows(block):
                for match, rules in self._matcher.finditer(text):
                    for rule in rules:
                        yield block, self._hit(rule, text, match.start(), match.end())
            for (rule, pattern), gate in zip(self._patterns, pattern_gates, strict=True):
                if not gate.allows(block):
                    continue
                for match in pattern.finditer(text):
                    if match.end() > match.start():
                        yield block, self._hit(rule, text, match.start(), match.end())

    @staticmethod
    def _hit(rule: RuleSpec, text: str, start: int, end: int) -> Hit:
        matched = text[start:end]
        if rule.options.get("remove"):
            return Hit(rule, start, end, rule.format_message(text=matched), ("",),
                       edits=(removal_edit(text, start, end),))
        return Hit(rule, start, end, rule.format_message(text=matched), no_fix=True)


def build(rules, context):
    """One checker for every existence rule."""
    return [ExistenceChecker(rules)]
