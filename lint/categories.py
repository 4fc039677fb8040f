"""The one table of category colours, shared by the HTML report and the terminal.

Categories are grouped into eight families, one per colour of the Okabe–Ito
palette (distinguishable with every common colour-vision deficiency). A
family's colour is fixed, so "spelling" is the same sky blue in every report
and run. The report uses a light tint as the highlight background (dark ink
on it stays above 4.5:1) and the full colour for the swatch; the terminal
uses the nearest 256-colour code. docs/CATEGORIES.md documents the table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """A group of categories that share a colour and a reason to care."""

    name: str
    colour: str  # Okabe–Ito colour name
    swatch: str  # the full colour
    tint: str  # the highlight background
    ansi: int  # 256-colour terminal code
    why: str


FAMILIES = (
    Family("verify", "yellow", "#F0E442", "#f8f0a0", 178,
           "A claim or fact the desk must check before publication; a wrong one costs a correction."),
    Family("spelling", "sky blue", "#56B4E9", "#cfe8f8", 74,
           "A misspelt word costs the reader's trust. Names the dictionary lacks are flagged too: "
           "add them to the vocabulary."),
    Family("grammar", "vermillion", "#D55E00", "#f8d2bc", 166,
           "A grammar or usage slip makes the reader stop and reread the sentence."),
    Family("mechanics", "bluish green", "#009E73", "#c2ebdc", 36,
           "Punctuation, spacing and capitals that break the house style or the reading rhythm."),
    Family("style", "reddish purple", "#CC79A7", "#f2d7e7", 175,
           "Wording that is correct but weaker, wordier or less plain than it could be."),
    Family("readability", "orange", "#E69F00", "#fbe2b0", 214,
           "Long or dense passages tire readers; consider splitting or plainer words."),
    Family("debris", "black", "#000000", "#e2e2e2", 245,
           "Leftovers of the web page or the editing process (menus, sign-in prompts, markup) "
           "that no reader should see."),
    Family("other", "blue", "#0072B2", "#cfdff0", 25,
           "A problem a reader may notice."),
)
_BY_NAME = {f.name: f for f in FAMILIES}
CATEGORY_FAMILY = {
    "claims": "verify", "facts": "verify",
    "spelling": "spelling",
    "grammar": "grammar", "usage": "grammar", "confusion": "grammar", "semantics": "grammar",
    "mechanics": "mechanics", "punctuation": "mechanics", "typography": "mechanics",
    "capitalization": "mechanics",
    "style": "style", "locale": "style",
    "readability": "readability",
    "debris": "debris",
}


def family_of(category: str) -> Family:
    """The colour family of a category; unknown categories share the 'other' blue."""
    return _BY_NAME[CATEGORY_FAMILY.get(category, "other")]


def report_css() -> str:
    """The stylesheet lines giving each family its highlight and swatch colour."""
    return "\n".join(f".cat-{f.name} {{ background: {f.tint}; }} "
                     f".swatch.cat-{f.name} {{ box-shadow: inset 0 0 0 .25em {f.swatch}; }}" for f in FAMILIES) + "\n"


def ansi(category: str) -> str:
    """The terminal escape that paints text in the category's colour."""
    return f"\033[38;5;{family_of(category).ansi}m"
