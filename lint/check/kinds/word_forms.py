"""Other forms of a known word the speller accepts: inflections and
derivations (ENDINGS, PREFIXES), American and British spellings, and
compounds of two common words."""

from __future__ import annotations

from lint.check.kinds import lexicon

ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
            ("ing", "e"), ("ly", ""), ("ably", "able"), ("ibly", "ible"), ("ness", ""), ("iness", "y"),
            ("er", ""), ("ers", ""), ("or", ""), ("ors", ""), ("ment", ""), ("ments", ""), ("able", ""),
            ("ability", "able"), ("izable", "ize"), ("r", ""), ("ization", "ize"), ("isation", "ise"),
            ("ism", ""), ("ist", ""), ("ator", "ate"), ("ators", "ate"))
PREFIXES = ("re", "un", "de", "pre", "non", "over", "under", "sub", "super", "multi", "inter", "co",
             "mis", "anti", "auto", "micro", "meta", "semi", "hyper", "bio", "pseudo")
# American and British spellings: the packaged list has some words only one way.
_VARIANTS = (("or", "our"), ("our", "or"), ("ize", "ise"), ("ise", "ize"), ("yze", "yse"), ("yse", "yze"),
             ("er", "re"), ("re", "er"), ("ense", "ence"), ("ence", "ense"), ("og", "ogue"), ("eled", "elled"),
             ("eling", "elling"), ("eler", "eller"))
_COMPOUND_PART_MIN_COUNT = 5_000_000


def spelling_variants(lower: str) -> list[str]:
    """The word with one American/British difference swapped."""
    variants = []
    for old, new in _VARIANTS:
        start = lower.find(old)
        while start > 0:
            variants.append(lower[:start] + new + lower[start + len(old):])
            start = lower.find(old, start + 1)
    return variants


def is_compound(lower: str) -> bool:
    """Two common words written as one ("backtrace", "newtype")."""
    for cut in range(3, len(lower) - 2):
        head, tail = lower[:cut], lower[cut:]
        if lexicon.word_count(head) < _COMPOUND_PART_MIN_COUNT:
            continue
        tails = [tail] + [tail[: -len(e)] + r for e, r in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"))
                          if tail.endswith(e) and len(tail) - len(e) >= 3]
        if any(lexicon.word_count(t) >= _COMPOUND_PART_MIN_COUNT for t in tails):
            return True
    return False
