#!/usr/bin/env python3
"""Measure the built-in speller on public word lists (no LanguageTool).

    .venv/bin/python scripts/misspellings.py [--count 1000] [--seed 17]

Prints, for the shipped rules alone:

* misspellings: `count` single-correction entries of codespell's dictionary
  (``codespell_lib/data/dictionary.txt`` in its wheel, lines ``wrong->right``)
  drawn with a fixed seed from those whose wrong word the en-US dictionary
  rejects and whose correction it accepts: the share detected, and the share
  with the right correction among the first three suggestions;
* dialects: 200 US/UK pairs, the nine American words issue 17 named
  (jewelry/jewellery, mom/mum ...) and the rest drawn with the same seed from
  codespell's British-to-American list (``dictionary_en-GB_to_en-US.txt``),
  of US forms in the frequency list:
  how many US forms are flagged under en-US, and how many UK forms under en-GB.

`scripts/accuracy.py` imports `misspelling_figures` and `dialect_figures`.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.check import dictionary  # noqa: E402
from lint.check.engine import check_document  # noqa: E402
from lint.check.kinds import lexicon  # noqa: E402
from lint.config.settings import Settings  # noqa: E402
from lint.model import Document  # noqa: E402
from lint.ruleset.loader import build_ruleset  # noqa: E402
from lint.segment import segment  # noqa: E402

# The American spellings issue 17 found flagged (with their British forms); always among the pairs.
ISSUE_PAIRS = (("jewelry", "jewellery"), ("mom", "mum"), ("specialty", "speciality"), ("aluminum", "aluminium"),
               ("cozy", "cosy"), ("pajamas", "pyjamas"), ("pediatric", "paediatric"), ("skeptical", "sceptical"),
               ("marvelous", "marvellous"))
_FRAME = "We saw the {} there."


def codespell_pairs(name: str = "dictionary.txt") -> list[tuple[str, str]]:
    """(wrong, right) for each single-correction line of a codespell dictionary."""
    from importlib.resources import files

    text = files("codespell_lib").joinpath("data", name).read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        right = right.strip()
        if right and "," not in right and wrong.isalpha() and wrong.islower() and right.isalpha():
            pairs.append((wrong, right))
    return pairs


def misspelling_sample(count: int = 1000, seed: int = 17) -> list[tuple[str, str]]:
    """`count` codespell pairs, drawn with `seed`, that en-US tells apart."""
    usable = [(w, r) for w, r in codespell_pairs()
              if not dictionary.in_dictionary(w, "en-US") and dictionary.in_dictionary(r, "en-US")]
    return random.Random(seed).sample(sorted(usable), count)


def check_words(words: list[str], dialect: str) -> list[list]:
    """The built-in spelling findings on each word, each in a sentence and a
    document of its own (so no word is another's neighbour, nor, used with
    its other forms, a term of the document)."""
    settings = Settings(dialect=dialect)
    ruleset = build_ruleset(settings)
    at = _FRAME.index("{}")
    found: list[list] = []
    for word in words:
        document = Document(Path("words.md"), _FRAME.format(word) + "\n", "markdown")
        findings, _ = check_document(document, segment(document, settings), ruleset)
        found.append([f for f in findings if f.category == "spelling" and f.start == at])
    return found


def misspelling_figures(count: int = 1000, seed: int = 17) -> dict:
    """Detected and right-in-top-3 shares (percent) on the codespell sample."""
    sample = misspelling_sample(count, seed)
    found = check_words([w for w, _ in sample], "en-US")
    detected = sum(1 for f in found if f)
    top3 = sum(1 for (_, right), f in zip(sample, found, strict=True)
               if any(right in finding.replacements[:3] for finding in f))
    missed = [w for (w, _), f in zip(sample, found, strict=True) if not f]
    wrong = [(w, r, f[0].replacements[:3]) for (w, r), f in zip(sample, found, strict=True)
             if f and not any(r in finding.replacements[:3] for finding in f)]
    return {"count": len(sample), "detected": 100 * detected / len(sample), "top3": 100 * top3 / len(sample),
            "missed": missed, "wrong": wrong}


def dialect_pairs(count: int = 200, seed: int = 17) -> list[tuple[str, str]]:
    """(US, UK) pairs: the issue's words, then pairs drawn with `seed` from
    codespell's British-to-American list (single-correction lines) whose US
    form is a standard word: one of the frequency list's (published books;
    the list also holds "deserialized", "vectorize", code words a general
    dictionary need not know)."""
    pairs = list(ISSUE_PAIRS)
    common = lexicon.word_counts()
    drawn = [(us, uk) for uk, us in codespell_pairs("dictionary_en-GB_to_en-US.txt")
             if us in common and us not in dict(pairs)]
    return pairs + random.Random(seed).sample(sorted(drawn), count - len(pairs))


def dialect_figures(count: int = 200, seed: int = 17) -> dict:
    """US forms flagged under en-US and UK forms flagged under en-GB."""
    pairs = dialect_pairs(count, seed)
    us_found = check_words([us for us, _ in pairs], "en-US")
    uk_found = check_words([uk for _, uk in pairs], "en-GB")
    return {"pairs": pairs,
            "us_flagged": [us for (us, _), f in zip(pairs, us_found, strict=True) if f],
            "uk_flagged": [uk for (_, uk), f in zip(pairs, uk_found, strict=True) if f]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--show", type=int, default=20, help="misses and wrong suggestions to list")
    args = parser.parse_args()
    figures = misspelling_figures(args.count, args.seed)
    print(f"misspellings (codespell, {figures['count']} single-correction, seed {args.seed}, built-in only): "
          f"{figures['detected']:.1f}% detected, right correction in top 3 for {figures['top3']:.1f}%")
    print(f"  missed ({len(figures['missed'])}):", " ".join(figures["missed"][:args.show]))
    for wrong, right, shown in figures["wrong"][:args.show]:
        print(f"  {wrong} -> {right}: suggested {', '.join(shown) or 'nothing'}")
    dialects = dialect_figures(seed=args.seed)
    print(f"dialects ({len(dialects['pairs'])} US/UK pairs): {len(dialects['us_flagged'])} US forms flagged "
          f"under en-US, {len(dialects['uk_flagged'])} UK forms flagged under en-GB")
    for label in ("us_flagged", "uk_flagged"):
        if dialects[label]:
            print(f"  {label}:", " ".join(dialects[label]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
