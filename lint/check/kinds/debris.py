"""debris: text that is not part of the article, left by scraping or encoding.

Each rule detects one thing, named by ``detect``:

- ``lines``: a line (or whole block) that is only a navigation or login
  prompt from ``lines:`` ("Hot search keywords", "Please sign in first"),
  whatever its case, punctuation and spacing, also wrapped over up to three
  lines ("Hot  search\nkeywords", "please sign in first!"), or fully
  matches one of ``line_patterns:``;
- ``foreign-script``: characters of another script (``scripts:``, default
  Han, Hiragana, Katakana and Hangul) glued to English prose ("competitiveness.副本");
  a run set off by spaces, quotes or brackets ("Beijing (北京)") is a quotation
  and is left alone;
- ``mojibake``: UTF-8 read as Windows-1252 ("â€™"); the fix restores the
  character when the bytes decode;
- ``duplicates``: a paragraph of at least ``min_words`` words that repeats an
  earlier one, or a line repeated inside a block.

The fix removes the debris (with its line break when it is a line of a
block)::

    - id: scraped-navigation
      kind: debris
      detect: lines
      severity: error
      message: "'{text}' is page navigation, not article text: remove it"
      fix: safe
      lines: [Hot search keywords, Please sign in first]
"""

from __future__ import annotations

import re

from lint.check.kinds.existence import compile_rule_regex, removal_edit
from lint.check.kinds.perrule import BlockRule, PerRuleChecker
from lint.check.prefilter import union_literals
from lint.ruleset.regexes import fold
from lint.ruleset.rulespec import Hit, RuleSpec

OPTIONS = {"detect": str, "lines": list, "line_patterns": list, "scripts": list, "min_words": int}
REQUIRED = ("detect",)
DETECTORS = ("lines", "foreign-script", "mojibake", "duplicates")

_LINE_RE = re.compile(r"[^\n]+\n?")
_PUNCTUATION_RUN = re.compile(r"[^\w\s]+")
_SCRIPT_RANGES = {
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60",
    "hiragana": "\u3040-\u309f",
    "katakana": "\u30a0-\u30ff",
    "hangul": "\uac00-\ud7af\u1100-\u11ff",
    "cyrillic": "\u0400-\u04ff",
    "arabic": "\u0600-\u06ff",
    "hebrew": "\u0590-\u05ff",
    "thai": "\u0e00-\u0e7f",
    "devanagari": "\u0900-\u097f",
}
_DEFAULT_SCRIPTS = ("han", "hiragana", "katakana", "hangul")
_SCRIPT_LABELS = {"han": "Chinese", "hiragana": "Japanese", "katakana": "Japanese", "hangul": "Korean"}
# UTF-8 lead bytes seen through Windows-1252, then one to three continuation bytes.
_MOJIBAKE = re.compile("[ÂÃÅâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}|ï»¿|\ufffd")
_QUOTE_OPEN = "\"“‘'(（[「『《"


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _key(line: str) -> str:
    """A line as a prompt is compared: lower case, its punctuation and the
    spaces and line breaks around it taken as one space ("Please sign in
    first!", "Sign in/Register", "Hot  search\nkeywords")."""
    return " ".join(_PUNCTUATION_RUN.sub(" ", line.lower()).split())


def _ends(text: str) -> tuple[str, str]:
    """The first and last three words of `_normal(text)`, found without
    splitting the whole text."""
    return " ".join(text.split(None, 3)[:3]).lower(), " ".join(text.rsplit(None, 3)[-3:]).lower()


class Detector(BlockRule):
    """One debris rule."""

    def __init__(self, rule: RuleSpec):
        self.rule = rule
        self.detect = rule.options["detect"]
        if self.detect not in DETECTORS:
            raise rule.error(f"detect must be one of {', '.join(DETECTORS)}", "detect")
        self.lines = {_key(line) for line in rule.options.get("lines", [])}
        self.line_patterns = [compile_rule_regex(rule, p, "line_patterns", re.IGNORECASE)
                              for p in rule.options.get("line_patterns", [])]
        if self.detect == "lines" and not (self.lines or self.line_patterns):
            raise rule.error("detect: lines needs 'lines' or 'line_patterns'")
        scripts = [s.lower() for s in rule.options.get("scripts", _DEFAULT_SCRIPTS)]
        unknown = [s for s in scripts if s not in _SCRIPT_RANGES]
        if unknown:
            raise rule.error(f"unknown script {unknown[0]!r} (known: {', '.join(_SCRIPT_RANGES)})", "scripts")
        self.script_run = re.compile("[" + "".join(_SCRIPT_RANGES[s] for s in scripts) + "]+")
        self.min_words = rule.options.get("min_words", 8)
        self.repeats: set[int] = set()  # ids of the blocks that repeat an earlier paragraph
        self._detect = getattr(self, "_" + self.detect.replace("-", "_"))
        if self.detect == "lines":
            # A listed line shows its first word; a pattern, its literal text.
            firsts = {fold(line.split()[0]) if line else "" for line in self.lines}
            patterns = union_literals(self.line_patterns)
            self.literals = None if "" in firsts or patterns is None else frozenset(firsts | patterns)
        elif self.detect == "foreign-script":
            self.gate_pattern = self.script_run
        elif self.detect == "mojibake":
            self.gate_pattern = _MOJIBAKE

    def hits_in(self, document, blocks):
        """(block, hit) in `blocks`; repeated paragraphs are found in the whole document."""
        if self.detect != "duplicates":
            yield from super().hits_in(document, blocks)
            return
        repeats = self._repeats(document.blocks)
        for block in blocks:
            for hit in self._duplicates(block, repeats):
                yield block, hit

    def _repeats(self, blocks) -> set[int]:
        """ids of the paragraphs that repeat an earlier one."""
        repeats: set[int] = set()
        # Equal paragraphs share their first and last words: only blocks
        # that do are normalised and compared (on a book, a few dozen).
        alike: dict[tuple, list] = {}
        for block in blocks:
            alike.setdefault(_ends(block.text), []).append(block)
        for group in alike.values():
            if len(group) < 2:
                continue
            first_with: dict[str, int] = {}
            for block in group:
                key = _normal(block.text)
                first = first_with.get(key)
                if first is None:
                    # Only a long enough paragraph (not a heading) is one to repeat.
                    if block.kind != "heading" and key and key.count(" ") + 1 >= self.min_words:
                        first_with[key] = id(block)
                elif first != id(block):
                    repeats.add(id(block))
        return repeats

    def hits(self, block):
        """Hits for this rule's kind of debris (the detector's method, bound
        in __init__)."""
        return self._detect(block)

    def _hit(self, start: int, end: int, edit: tuple[int, int, str], **values) -> Hit:
        text = self.rule.format_message(**values)
        return Hit(self.rule, start, end, text, (edit[2],), edits=(edit,))

    def _lines(self, block):
        text = block.text
        lines = list(_LINE_RE.finditer(text))
        index = 0
        while index < len(lines):
            match = lines[index]
            line = match.group().rstrip("\n")
            # A prompt may be wrapped over two or three lines ("Hot search\nkeywords").
            taken = next((n for n in range(1, min(3, len(lines) - index) + 1)
                          if _key(text[match.start():lines[index + n - 1].end()]) in self.lines), 0)
            if not taken and any(p.fullmatch(line.strip()) for p in self.line_patterns):
                taken = 1
            if not taken:
                index += 1
                continue
            last = lines[index + taken - 1]
            piece = text[match.start():last.end()].rstrip("\n")
            start = match.start() + len(piece) - len(piece.lstrip())
            end = match.start() + len(piece.rstrip())
            # Remove the whole lines with their break; a lone line is the whole block.
            edit = (match.start(), last.end(), "")
            if last.end() == len(text) and match.start() > 0 and text[match.start() - 1] == "\n":
                edit = (match.start() - 1, last.end(), "")
            yield self._hit(start, end, edit, text=" ".join(text[start:end].split()))
            index += taken

    def _foreign_script(self, block):
        text = block.text
        for match in self.script_run.finditer(text):
            start, end = match.span()
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            quoted = before in _QUOTE_OPEN or (before.isspace() and (not after or after.isspace()))
            if quoted or not _mostly_latin(text):
                continue
            yield self._hit(start, end, removal_edit(text, start, end), text=match.group(),
                            script=_script_label(match.group()[0]))

    def _mojibake(self, block):
        text = block.text
        for match in _MOJIBAKE.finditer(text):
            garbled = match.group()
            repaired = _repair(garbled)
            if repaired is None:
                continue
            yield self._hit(match.start(), match.end(), (match.start(), match.end(), repaired),
                            text=garbled, replacement=repaired or "nothing")

    def _duplicates(self, block, repeats: set[int] | frozenset[int] = frozenset()):
        text = block.text
        if id(block) in repeats:
            yield self._hit(0, len(text), (0, len(text), ""), text=_shorten(text))
            return
        if "\n" not in text:
            return  # one line: no line can repeat the one before
        previous = None
        for match in _LINE_RE.finditer(text):
            line_key = _normal(match.group())
            if previous is not None and line_key == previous and len(line_key.split()) >= 4:
                end = match.start() + len(match.group().rstrip("\n"))
                yield self._hit(match.start(), end, (match.start() - 1, end, ""),
                                text=_shorten(match.group().strip()))
            previous = line_key


def _script_label(char: str) -> str:
    """A reader's name for the script of `char` ("Chinese", "Cyrillic")."""
    for name, ranges in _SCRIPT_RANGES.items():
        if re.match(f"[{ranges}]", char):
            return _SCRIPT_LABELS.get(name, name.title())
    return "foreign"


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250")
    return bool(letters) and latin / len(letters) >= 0.8


def _repair(garbled: str) -> str | None:
    """The text that was meant, or None when the bytes do not decode."""
    if garbled in ("\ufffd", "ï»¿"):
        return ""
    try:
        return garbled.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _shorten(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def build(rules, context):
    """One checker for every debris rule; a span already flagged is not flagged again."""
    return [PerRuleChecker(rules, Detector, one_hit_per_span=True)]
