#!/usr/bin/env python3
"""Measure accuracy on public development sets and published prose.

    .venv/bin/python scripts/accuracy.py [--sets cweb,jfleg,gmeg,misspellings,rust-book]
        [--limit N] [--no-languagetool] [--by-rule] [--json out.json]
        [--eval-dir ../shared/eval] [--corpus ../shared/corpus/rust-book]

Three columns per set: the built-in rules alone; Copydesk's full pipeline
with LanguageTool, exactly as `copydesk check` runs it (one `Linter`, the
default settings); and LanguageTool alone: the same server asked through
language-tool-python with Copydesk's language and picky settings and nothing
filtered (each match's severity comes from LanguageTool's own issue type).

How it scores (docs/ACCURACY.md says why):

- Every sentence is its own plain-text document, and goes to LanguageTool
  alone, so nothing one sentence says (a name learnt by the speller, a
  sentence start LanguageTool saw before, a quote it pairs) changes
  another's findings; `--jobs` sentences are checked at once by forked
  workers. Answers are kept in Copydesk's paragraph cache, so a second run
  sends nothing.
- A finding counts when its severity is warning or error and it is not a
  claim, fact or readability note (those do not say the text is wrong).
- Edits are character spans of the raw source, found by aligning its words
  and punctuation to each correction (difflib); a changed space between two
  unchanged tokens is an edit too. An insertion is the gap between its two
  neighbours and counts as hit by a finding that touches it.
- Precision: a finding is right when it overlaps an edit of any annotator or
  reference. Recall: per sentence, the reference that leaves fewest of its
  edits unfound (then the one with most found), as the M2 scorer picks the
  best annotator; the union of all references' edits is in --json.
- JFLEG and GMEG are tokenized; source and references are detokenized by the
  same rules first, so spaces before punctuation are not counted as errors.
- Misspellings: 1,000 `wrong->right` pairs (one correction) from codespell's
  dictionary, both plain lower-case words, the wrong one a non-word and the
  right one a word to a dictionary (pyenchant en_US, else symspellpy's
  frequency list), drawn with a fixed seed; each is checked in
  "We saw the {wrong} yesterday." Right in top 3: the right word among the
  first three suggestions of the findings on the word.
- Rust-book: every Markdown file; findings of every severity per 10,000
  words of prose, counted as scripts/precision.py counts them.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import difflib
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from precision import prose_words  # noqa: E402  (the one word count for per-10,000 figures)

from lint.categories import family_of  # noqa: E402
from lint.check.engine import SourceUnavailable  # noqa: E402
from lint.model import Severity  # noqa: E402
from lint.read import read_document  # noqa: E402
from lint.run.pipeline import CommandLine, Linter, document_from_text  # noqa: E402
from lint.segment import segment  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "rust-book"
SETS = ("cweb", "jfleg", "gmeg", "misspellings", "rust-book")
BUILTIN, PIPELINE, ALONE = "builtin", "with-lt", "lt-alone"
MODES = (BUILTIN, PIPELINE, ALONE)
HEADINGS = {BUILTIN: "built-in", PIPELINE: "built-in + LT", ALONE: "LT alone"}
SEED = 17
MISSPELLINGS = 1000
MISSPELLING_SENTENCE = "We saw the {} yesterday."
BY_RULE_ROWS = 40  # rules printed per --by-rule table (--json has them all)
CHUNK = 50  # sentences a worker checks at a time
JOBS = 4  # sentences sent to LanguageTool at once (its server answers requests in parallel)
NOT_ERRORS = {"verify", "readability"}  # families whose findings do not say the text is wrong
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_PLAIN_WORD = re.compile(r"[a-z]+")


@dataclasses.dataclass(frozen=True)
class Flag:
    """A finding or a LanguageTool match, in offsets of its sentence."""

    rule: str
    severity: Severity
    category: str
    start: int
    end: int
    replacements: tuple[str, ...] = ()

    @property
    def scored(self) -> bool:
        """True when it says the text is wrong (warning or error, not a claim or readability note)."""
        return self.severity >= Severity.WARNING and family_of(self.category).name not in NOT_ERRORS


@dataclasses.dataclass(frozen=True)
class Edit:
    """A span of the source a correction changed (`insert`: the gap where text was added)."""

    start: int
    end: int
    insert: bool = False

    def hit_by(self, flag: Flag) -> bool:
        """True when the flag overlaps this edit (touching it, for an insertion)."""
        if self.insert or flag.start == flag.end:
            return flag.start <= self.end and flag.end >= self.start
        return flag.start < self.end and flag.end > self.start


# ---------------------------------------------------------------- edits and scores

def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def edits_between(source: str, target: str) -> list[Edit]:
    """The spans of `source` that `target` changes, by aligning their tokens."""
    a, b = _tokens(source), _tokens(target)
    matcher = difflib.SequenceMatcher(None, [t[0] for t in a], [t[0] for t in b], autojunk=False)
    edits = []
    for op, i1, i2, j1, _ in matcher.get_opcodes():
        if op == "equal":
            for k in range(1, i2 - i1):  # a space added or removed between unchanged tokens
                i, j = i1 + k, j1 + k
                if (a[i][1] == a[i - 1][2]) != (b[j][1] == b[j - 1][2]):
                    edits.append(Edit(a[i - 1][2], a[i][1], insert=True))
        elif op == "insert":
            left = a[i1 - 1][2] if i1 > 0 else 0
            right = a[i1][1] if i1 < len(a) else len(source)
            edits.append(Edit(left, right, insert=True))
        else:
            edits.append(Edit(a[i1][1], a[i2 - 1][2]))
    return edits


def detokenize(text: str) -> str:
    """Undo Penn-style tokenization (JFLEG, GMEG) well enough for a linter to read it."""
    out: list[str] = []
    quote_open = False
    glue_next = False
    for token in re.sub(r"(\w) ' s\b", r"\1 's", text.strip()).split():
        glue = glue_next
        glue_next = False
        if token == '"':
            if quote_open:
                glue = True
            else:
                glue_next = True
            quote_open = not quote_open
        elif token in {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "n't"} or (
                token.startswith("'") and token.lower() in {"'s", "'re", "'ve", "'ll", "'d", "'m", "'"}):
            glue = True
        elif token in {"(", "[", "{", "$"}:
            glue_next = True
        if glue and out:
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


@dataclasses.dataclass
class Tally:
    """Detection counts over a set: findings right or wrong, edits found."""

    right: int = 0
    wrong: int = 0
    found: int = 0  # edits of the best reference that some finding overlaps
    gold: int = 0  # edits of the best reference
    found_union: int = 0
    gold_union: int = 0
    by_rule: dict = dataclasses.field(default_factory=lambda: collections.defaultdict(lambda: [0, 0]))

    def add(self, flags: list[Flag], references: list[list[Edit]]) -> None:
        """Score one sentence's scored flags against every reference's edits."""
        union = sorted({e for edits in references for e in edits}, key=lambda e: (e.start, e.end))
        for flag in flags:
            right = any(e.hit_by(flag) for e in union)
            self.right += right
            self.wrong += not right
            self.by_rule[flag.rule][0 if right else 1] += 1
        best = None
        for edits in references:
            found = sum(any(e.hit_by(f) for f in flags) for e in edits)
            key = (found - len(edits), found)
            if best is None or key > best[0]:
                best = (key, found, len(edits))
        if best is not None:
            self.found += best[1]
            self.gold += best[2]
        self.found_union += sum(any(e.hit_by(f) for f in flags) for e in union)
        self.gold_union += len(union)

    def figures(self) -> dict:
        """Precision, recall and F0.5 (as fractions), and the counts behind them."""
        precision = self.right / max(1, self.right + self.wrong)
        recall = self.found / max(1, self.gold)
        recall_union = self.found_union / max(1, self.gold_union)
        return {"precision": precision, "recall": recall, "f0.5": f_half(precision, recall),
                "recall_union": recall_union, "f0.5_union": f_half(precision, recall_union),
                "findings": self.right + self.wrong, "right": self.right, "wrong": self.wrong,
                "edits_found": self.found, "edits": self.gold,
                "by_rule": {rule: {"right": r, "wrong": w} for rule, (r, w) in sorted(self.by_rule.items())}}


def f_half(precision: float, recall: float) -> float:
    """F0.5: precision weighs twice as much as recall."""
    if precision + recall == 0:
        return 0.0
    return 1.25 * precision * recall / (0.25 * precision + recall)


# ---------------------------------------------------------------- the sets

@dataclasses.dataclass
class EvalSet:
    """Sentences, and for each the corrections of every annotator or reference."""

    name: str
    title: str
    sentences: list[str]
    references: list[list[str]]  # per sentence, one corrected text per reference


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def load_cweb(folder: Path) -> EvalSet:
    """CWEB-G dev: raw web sentences and two annotators' corrections."""
    source = _lines(folder / "CWEB-G.dev.source")
    annotations = [_lines(folder / f"CWEB-G.dev.ann{n}") for n in (1, 2)]
    return EvalSet("cweb", "CWEB-G dev", [s.strip() for s in source],
                   [[a[i].strip() for a in annotations] for i in range(len(source))])


def load_tokenized(name: str, title: str, folder: Path, source: str, refs: str) -> EvalSet:
    """JFLEG or GMEG: tokenized source and four references, detokenized alike."""
    sentences = [detokenize(s) for s in _lines(folder / source)]
    references = [[detokenize(s) for s in _lines(folder / refs.format(n))] for n in range(4)]
    return EvalSet(name, title, sentences, [[r[i] for r in references] for i in range(len(sentences))])


def load_set(name: str, eval_dir: Path) -> EvalSet:
    """One of the three correction sets."""
    if name == "cweb":
        return load_cweb(eval_dir / "cweb-g-dev")
    if name == "jfleg":
        return load_tokenized("jfleg", "JFLEG dev", eval_dir / "jfleg-dev", "dev.src", "dev.ref{}")
    return load_tokenized("gmeg", "GMEG-wiki dev", eval_dir / "gmeg-wiki-dev", "source", "ref{}")


def word_checker() -> tuple[object, str]:
    """A function telling words from non-words, and what it is."""
    try:
        import enchant

        dictionary = enchant.Dict("en_US")
        return dictionary.check, f"pyenchant en_US ({dictionary.provider.name})"
    except Exception:  # not installed, or no en_US dictionary: the fallback says so
        from importlib.resources import files

        known = set()
        with (files("symspellpy") / "frequency_dictionary_en_82_765.txt").open(encoding="utf-8") as handle:
            for line in handle:
                known.add(line.split(" ", 1)[0])
        return known.__contains__, "symspellpy's frequency list (pyenchant en_US is not importable)"


def load_misspellings(count: int = MISSPELLINGS) -> tuple[list[tuple[str, str]], str]:
    """`count` single-correction misspellings from codespell's dictionary, and how chosen."""
    try:
        import codespell_lib
    except ImportError:
        raise SystemExit("error: codespell is not installed (pip install -e '.[test]')") from None
    dictionary = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    is_word, checker = word_checker()
    pairs = []
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        right = right.strip()
        if "," in right or not (_PLAIN_WORD.fullmatch(wrong) and _PLAIN_WORD.fullmatch(right)):
            continue
        if wrong != right and not is_word(wrong) and is_word(right):
            pairs.append((wrong, right))
    pairs = sorted(set(pairs))
    # The whole draw is made before it is cut, so --limit N takes its first N.
    chosen = random.Random(SEED).sample(pairs, min(MISSPELLINGS, len(pairs)))[:count]
    version = getattr(codespell_lib, "__version__", "?")
    how = (f"codespell {version} dictionary: {len(pairs)} single-correction pairs whose wrong word "
           f"is a non-word and right word a word to {checker}; {len(chosen)} drawn with seed {SEED}")
    return chosen, how


# ---------------------------------------------------------------- checking

class Checker:
    """Flags for sentences and files in one of the three modes."""

    def __init__(self, mode: str, eval_dir: Path, languagetool_url: str | None, jobs: int = 1):
        self.mode = mode
        self.jobs = jobs
        if mode == BUILTIN:
            cli = CommandLine(languagetool=False)
        else:
            cli = CommandLine(languagetool=True, languagetool_url=languagetool_url,
                              require_languagetool=True)
        self.linter = Linter(cli)
        self.path = eval_dir / "sentence.txt"  # a plain-text document; no config lies above it
        self.settings, ruleset, extra = self.linter.setup_for(self.path)
        self.raw = RawLanguageTool(self.settings, ruleset.context) if mode == ALONE else None

    def sentences(self, texts: list[str], progress) -> list[list[Flag]]:
        """The flags of each sentence, each checked as its own document (and,
        with LanguageTool, sent alone: one request a sentence, `jobs` at once)."""
        if self.mode == BUILTIN or self.jobs <= 1 or len(texts) <= CHUNK:
            out = []
            for start in range(0, len(texts), CHUNK):
                out.extend(self.check_texts(texts[start:start + CHUNK]))
                progress(min(len(texts), start + CHUNK), len(texts))
            return out
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _parent
        _parent = self  # forked workers start from this checker's compiled rules
        chunks = [texts[start:start + CHUNK] for start in range(0, len(texts), CHUNK)]
        out, done = [], 0
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=context) as pool:
            for flags in pool.map(_check_in_worker, chunks):
                out.extend(flags)
                done += len(flags)
                progress(done, len(texts))
        return out

    def fork_copy(self) -> Checker:
        """A checker for a forked worker: the compiled rules are shared, the
        LanguageTool sources and cache connections are made anew."""
        copy = object.__new__(Checker)
        copy.mode, copy.jobs, copy.path, copy.settings = self.mode, 1, self.path, self.settings
        copy.linter = self.linter.fork_copy()
        _, ruleset, _ = copy.linter.setup_for(copy.path)
        copy.raw = RawLanguageTool(self.settings, ruleset.context) if self.raw is not None else None
        return copy

    def check_texts(self, texts: list[str]) -> list[list[Flag]]:
        """Flags for each text, checked one by one in this process."""
        if self.raw is not None:
            return [self.raw.flags([text])[0] for text in texts]
        return [[_flag(f) for f in self.linter.check(document_from_text(text, self.path), metrics=False).findings]
                for text in texts]

    def file(self, path: Path) -> tuple[list[Flag], int]:
        """The flags of one Markdown file and its words of prose."""
        settings, ruleset, extra = self.linter.setup_for(path)
        document = read_document(path, settings.max_file_mb)
        blocks = segment(document, settings)
        if self.raw is not None:
            flags = [f for block_flags in self.raw.flags([b.text for b in blocks]) for f in block_flags]
        else:
            result = self.linter.lint_document(document, settings, ruleset, extra, metrics=False)
            flags = [_flag(f) for f in result.findings]
        return flags, prose_words(blocks)


_parent: Checker | None = None  # the checker forked workers copy
_worker: Checker | None = None


def _check_in_worker(texts: list[str]) -> list[list[Flag]]:
    global _worker
    if _worker is None:
        assert _parent is not None
        _worker = _parent.fork_copy()
    return _worker.check_texts(texts)


def _flag(finding) -> Flag:
    return Flag(finding.rule, finding.severity, finding.category, finding.start, finding.end,
                tuple(finding.replacements))


class RawLanguageTool:
    """LanguageTool's own matches, unfiltered, with the language and picky
    setting Copydesk uses. Requests and caching are the LanguageTool source's
    (its `_fetch` asks the server, through language-tool-python; its paragraph
    cache keeps the answers, under the same key as the pipeline's when the
    settings are the same), so nothing here talks HTTP itself and a warm run
    sends nothing."""

    def __init__(self, settings, context):
        from lint.check.languagetool import LanguageToolSource
        from lint.config.settings import LanguageToolSettings

        lt = settings.languagetool
        plain = LanguageToolSettings(url=lt.url, language=lt.language, picky=lt.picky,
                                     timeout=lt.timeout, cache_dir=lt.cache_dir, required=True)
        self.source = LanguageToolSource(dataclasses.replace(settings, languagetool=plain), context)
        # The source adds the rules Copydesk's policy leaves out (when it has a
        # policy); LanguageTool alone is asked with none left out.
        self.source.settings = plain

    def flags(self, texts: list[str]) -> list[list[Flag]]:
        """Each text's matches as flags (severity and category as Copydesk would label them)."""
        from lint.check.languagetool.cache import paragraph_key, settings_fingerprint
        from lint.check.languagetool.findings import category_of

        source = self.source
        fingerprint = settings_fingerprint(source._server_version(), source.settings)
        keys = [paragraph_key(fingerprint, text) for text in texts]
        results = source.cache.get_many(keys)
        missing = {key: text for key, text in zip(keys, texts, strict=True)
                   if key not in results and re.search(r"[^\W\d_]", text)}
        if missing:
            fresh = source._fetch(missing)
            source.cache.put_many(fresh)
            results.update(fresh)
        return [[Flag(f"lt.{m.rule}", own_severity(m), category_of(m), m.offset, m.offset + m.length,
                      tuple(m.replacements)) for m in results.get(key, [])] for key in keys]


# LanguageTool alone is labelled by LanguageTool's own issue types, fixed here:
# Copydesk's LanguageTool policy decides the severity of Copydesk's findings,
# and must not decide which of LanguageTool's own matches are counted.
_LT_ERROR_TYPES = {"grammar", "misspelling", "duplication"}
_LT_INFO_TYPES = {"style", "register", "locale-violation"}


def own_severity(match) -> Severity:
    """A LanguageTool match's severity from its issue type: an unknown word is a
    warning, grammar, misspellings and doubled words errors, style information."""
    from lint.check.languagetool.findings import is_spelling

    style = match.issue_type in _LT_INFO_TYPES or match.category in ("STYLE", "PLAIN_ENGLISH")
    error = match.issue_type in _LT_ERROR_TYPES and not is_spelling(match)
    return Severity.ERROR if error else Severity.INFO if style and not is_spelling(match) else Severity.WARNING


# ---------------------------------------------------------------- measuring

def measure_corrections(checker: Checker, data: EvalSet, limit: int | None, progress) -> dict:
    """Detection precision, recall and F0.5 on one correction set."""
    sentences = data.sentences[:limit]
    references = data.references[:limit]
    flags = checker.sentences(sentences, progress)
    tally = Tally()
    for sentence, refs, sentence_flags in zip(sentences, references, flags, strict=True):
        tally.add([f for f in sentence_flags if f.scored], [edits_between(sentence, r) for r in refs])
    figures = tally.figures()
    figures["sentences"] = len(sentences)
    figures["sentences_with_edits"] = sum(any(r != s for r in refs)
                                          for s, refs in zip(sentences, references, strict=True))
    return figures


def measure_misspellings(checker: Checker, pairs: list[tuple[str, str]], progress) -> dict:
    """How many misspellings are flagged, and how often the right word is in the top 3."""
    texts = [MISSPELLING_SENTENCE.format(wrong) for wrong, _ in pairs]
    flags = checker.sentences(texts, progress)
    start = MISSPELLING_SENTENCE.index("{}")
    detected = top3 = 0
    missed, wrong_first = [], []
    for (wrong, right), sentence_flags in zip(pairs, flags, strict=True):
        end = start + len(wrong)
        on_word = [f for f in sentence_flags if f.scored and f.start < end and f.end > start]
        suggestions = list(dict.fromkeys(r.casefold() for f in on_word for r in f.replacements))
        detected += bool(on_word)
        top3 += right in suggestions[:3]
        if not on_word:
            missed.append(wrong)
        elif right not in suggestions[:3]:
            wrong_first.append(f"{wrong}->{right} (got {', '.join(suggestions[:3]) or 'none'})")
    total = max(1, len(pairs))
    return {"items": len(pairs), "detected": detected / total, "top3": top3 / total,
            "missed_sample": missed[:15], "not_in_top3_sample": wrong_first[:15]}


def _dialects() -> dict | None:
    """The US/UK false flags of the built-in speller (scripts/misspellings.py), if it can run."""
    try:
        from misspellings import dialect_figures  # scripts/ is this script's own folder

        figures = dialect_figures()
    except Exception as exc:  # no dictionary for a dialect, no codespell: said, and the rest goes on
        print(f"accuracy: US/UK pairs not measured: {exc}", file=sys.stderr)
        return None
    return {"pairs": len(figures["pairs"]), "us_flagged": figures["us_flagged"], "uk_flagged": figures["uk_flagged"]}


def measure_corpus(checker: Checker, corpus: Path, limit: int | None, progress) -> dict:
    """Findings per 10,000 words of prose by severity, and by rule."""
    paths = sorted(corpus.rglob("*.md"))[:limit]
    total_words = 0
    by_severity: collections.Counter = collections.Counter()
    by_rule: collections.Counter = collections.Counter()
    severity_of_rule: dict[str, str] = {}
    for index, path in enumerate(paths, 1):
        flags, count = checker.file(path)
        total_words += count
        for flag in flags:
            by_severity[str(flag.severity)] += 1
            by_rule[flag.rule] += 1
            severity_of_rule.setdefault(flag.rule, str(flag.severity))
        if index % 20 == 0 or index == len(paths):
            progress(index, len(paths))
    per = 10000 / max(1, total_words)
    return {"files": len(paths), "words": total_words,
            "per_10k": {s: by_severity[s] * per for s in ("error", "warning", "info")},
            "counts": {s: by_severity[s] for s in ("error", "warning", "info")},
            "by_rule": dict(by_rule.most_common()), "severity_of_rule": severity_of_rule}


# ---------------------------------------------------------------- printing

def _row(label: str, results: dict, value) -> str:
    cells = []
    for mode in MODES:
        figures = results.get(mode)
        cells.append(f"{value(figures):>15}" if figures is not None else f"{'-':>15}")
    return f"  {label:<26}" + "".join(cells)


def _pct(key):
    return lambda f: f"{100 * f[key]:.1f}"


def print_table(report: dict, by_rule: bool, out=sys.stdout) -> None:
    """The figures, one block per set, three columns."""
    header = f"  {'':<26}" + "".join(f"{HEADINGS[m]:>15}" for m in MODES)
    print(f"settings: LanguageTool language {report['settings']['language']}, "
          f"picky {report['settings']['picky']}; scored findings: {report['settings']['scored']}", file=out)
    for name, block in report["sets"].items():
        results = block["results"]
        print(f"\n{block['title']}  ({block['about']})", file=out)
        print(header, file=out)
        if name in ("cweb", "jfleg", "gmeg"):
            print(_row("precision %", results, _pct("precision")), file=out)
            print(_row("recall % (best reference)", results, _pct("recall")), file=out)
            print(_row("F0.5", results, _pct("f0.5")), file=out)
            print(_row("findings (right/wrong)", results, lambda f: f"{f['right']}/{f['wrong']}"), file=out)
        elif name == "misspellings":
            print(_row("detected %", results, _pct("detected")), file=out)
            print(_row("right in top 3 %", results, _pct("top3")), file=out)
            dialects = block.get("dialects")
            if dialects:
                print(f"  US/UK pairs, built-in ({dialects['pairs']}, scripts/misspellings.py): "
                      f"{len(dialects['us_flagged'])} US forms flagged under en-US, "
                      f"{len(dialects['uk_flagged'])} UK forms under en-GB", file=out)
        else:
            for severity in ("error", "warning", "info"):
                print(_row(f"{severity} per 10,000 words", results,
                           lambda f, s=severity: f"{f['per_10k'][s]:.2f}"), file=out)
            for mode in MODES:
                if mode in results:
                    top = list(results[mode]["by_rule"].items())[:8]
                    print(f"  top rules, {HEADINGS[mode]}: " + (", ".join(f"{r} {c}" for r, c in top) or "none"),
                          file=out)
    if by_rule:
        print_by_rule(report, out)


def print_by_rule(report: dict, out) -> None:
    """Right and wrong findings per rule on CWEB; counts per rule on the rust-book."""
    cweb = report["sets"].get("cweb", {}).get("results", {})
    for mode in (PIPELINE, ALONE):
        if mode not in cweb:
            continue
        rows = sorted(cweb[mode]["by_rule"].items(), key=lambda kv: (-kv[1]["wrong"], -kv[1]["right"], kv[0]))
        print(f"\nby rule, CWEB-G dev, {HEADINGS[mode]} (right / wrong / precision %), most wrong first:", file=out)
        for rule, c in rows[:BY_RULE_ROWS]:
            total = c["right"] + c["wrong"]
            print(f"  {rule:<45}{c['right']:>6}{c['wrong']:>7}{100 * c['right'] / total:>8.0f}", file=out)
        if len(rows) > BY_RULE_ROWS:
            print(f"  ({len(rows) - BY_RULE_ROWS} more rules in --json)", file=out)
    book = report["sets"].get("rust-book", {}).get("results", {})
    for mode in (PIPELINE, ALONE):
        if mode not in book:
            continue
        per = 10000 / max(1, book[mode]["words"])
        print(f"\nby rule, rust-book, {HEADINGS[mode]} (severity, findings, per 10,000 words; edited "
              f"prose: nearly all are false alarms):", file=out)
        rows = list(book[mode]["by_rule"].items())
        for rule, count in rows[:BY_RULE_ROWS]:
            severity = book[mode]["severity_of_rule"][rule]
            print(f"  {rule:<45}{severity:>8}{count:>6}{count * per:>9.2f}", file=out)
        if len(rows) > BY_RULE_ROWS:
            print(f"  ({len(rows) - BY_RULE_ROWS} more rules in --json)", file=out)


# ---------------------------------------------------------------- main

def _progress(label: str, verbose: bool):
    def report(done: int, total: int, what: str = "checking") -> None:
        if verbose:
            print(f"  {label}: {what} {done}/{total}", file=sys.stderr, flush=True)
    return report


def main(argv=None) -> int:
    """Measure the chosen sets in the chosen modes; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {','.join(SETS)}")
    parser.add_argument("--limit", type=int, help="sentences per set (misspellings: pairs; rust-book: files)")
    parser.add_argument("--no-languagetool", action="store_true", help="the built-in column only")
    parser.add_argument("--languagetool-url", help="a running LanguageTool server instead of Copydesk's own")
    parser.add_argument("--by-rule", action="store_true", help="right/wrong findings per rule (CWEB, rust-book)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=JOBS,
                        help=f"sentences sent to LanguageTool at once (default {JOBS})")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SETS]
    if unknown:
        parser.error(f"unknown set {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if any(s in ("cweb", "jfleg", "gmeg") for s in chosen) and not args.eval_dir.is_dir():
        print(f"error: no evaluation sets at {args.eval_dir} (the development sets live in "
              f"../shared/eval beside the project; pass --eval-dir)", file=sys.stderr)
        return 2
    if "rust-book" in chosen and not args.corpus.is_dir():
        print(f"error: no corpus at {args.corpus} (pass --corpus)", file=sys.stderr)
        return 2
    modes = (BUILTIN,) if args.no_languagetool else MODES
    began = time.monotonic()
    eval_dir = args.eval_dir.resolve() if args.eval_dir.is_dir() else ROOT
    checkers = {mode: Checker(mode, eval_dir, args.languagetool_url, args.jobs) for mode in modes}
    lt = checkers[BUILTIN].settings.languagetool
    report: dict = {"settings": {"language": lt.language, "picky": lt.picky,
                                 "scored": "warning and error, not claims, facts or readability"},
                    "sets": {}, "seconds": {}}
    try:
        for name in chosen:
            if name in ("cweb", "jfleg", "gmeg"):
                data = load_set(name, args.eval_dir)
                shown = len(data.sentences[:args.limit])
                block = {"title": data.title, "about": f"{shown} sentences", "results": {}}
                run = lambda checker, label, d=data: measure_corrections(checker, d, args.limit, label)  # noqa: E731
            elif name == "misspellings":
                pairs, how = load_misspellings(args.limit or MISSPELLINGS)
                block = {"title": "Misspellings", "about": how + "; sentence: "
                         + MISSPELLING_SENTENCE.format("{wrong}"), "results": {}}
                run = lambda checker, label, p=pairs: measure_misspellings(checker, p, label)  # noqa: E731
                block["dialects"] = _dialects()
            else:
                block = {"title": "Rust-book", "about": str(args.corpus), "results": {}}
                run = lambda checker, label: measure_corpus(checker, args.corpus, args.limit, label)  # noqa: E731
            for mode in (PIPELINE, ALONE, BUILTIN):  # with LanguageTool first: it fills the cache
                if mode not in checkers:
                    continue
                started = time.monotonic()
                block["results"][mode] = run(checkers[mode], _progress(f"{name}, {HEADINGS[mode]}", not args.quiet))
                report["seconds"][f"{name}/{mode}"] = round(time.monotonic() - started, 1)
            if name == "rust-book" and block["results"]:
                words = next(iter(block["results"].values()))["words"]
                block["about"] += f", {words} words of prose"
            block["results"] = {m: block["results"][m] for m in MODES if m in block["results"]}
            report["sets"][name] = block
    except SourceUnavailable as exc:
        print(f"error: {exc}\n(run ./scripts/bootstrap, or measure the built-in rules alone with "
              f"--no-languagetool)", file=sys.stderr)
        return 2
    report["seconds"]["total"] = round(time.monotonic() - began, 1)
    print_table(report, args.by_rule)
    print(f"\ntime: {report['seconds']['total']:.0f} s", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
