"""The indefinite article a word takes: "a" before a consonant sound, "an"
before a vowel sound. The sound, not the letter, decides: "a university",
"a one-time", "an hour", "an MBA", "a European".

The one place this is known: the articles rule kind checks it and every
message or fix that writes "a"/"an" before a word (facts) asks it.
"""

from __future__ import annotations

import re

# Vowel letters that sound like a consonant: you-, yur-, wun-, yoo-.
_CONSONANT_SOUND_START = re.compile(
    r"^(?:uni(?!n|mp|mm|ll|nt|dent|ndex|nhab|ron|ma)|unan|unary|use|usa|usu|usur|uten|uti[lt]|ura|ure|uri|uro|ubiq"
    r"|uku|ufo|ukrain|ugand|url|uint|eu|ewe|one(?!r|ro|s\b)|once|ouija|u-)", re.IGNORECASE)
# Consonant letters that are silent: an hour, an honest man, an heir.
_SILENT_H_START = re.compile(r"^(?:hour|honest|honou?r|heir|herb(?!al|ert))", re.IGNORECASE)
# Letters whose spoken name starts with a vowel sound (ay, ee, eye, oh; ef, aitch...).
_VOWEL_NAME_LETTERS = set("AEIO")
_CONSONANT_NAME_LETTERS = set("BCDGJKPQTUVWYZ")


# Read letter by letter: an acronym leading a compound ("UTF8-encoded",
# "UTF16-LE"), or a word in lower case that opens with no English syllable
# ("npm", "lcov", "mkdir", "rcParams"): no vowel in its first two letters
# and no onset such as "bl", "str" or "th".
_SPELLED_PREFIX = re.compile(r"[A-Z]{2,}(?:[\d-]|$)")
_NO_SYLLABLE_START = re.compile(
    r"(?!(?:bl|br|ch|cl|cr|dr|dw|fl|fr|gl|gn|gr|kl|kn|kr|ph|pl|pn|pr|ps|rh|sc|sh|sk|sl|sm|sn|sp|sq|st"
    r"|sv|sw|th|tr|ts|tw|vl|wh|wr|zh)|[a-z]?[aeiouy])[a-z]{2}")


def sound_is_vowel(word: str) -> bool | None:
    """True/False for the opening sound of `word`; None when it is unclear."""
    letters = word.replace("’", "'")
    spelled_letter = len(letters) > 1 and letters[1] == "-"  # an x-axis, an f-string, a U-turn
    spelled = (_SPELLED_PREFIX.match(letters) is not None
               or (letters[:1].islower() and _NO_SYLLABLE_START.match(letters) is not None))
    if spelled_letter or spelled or (len(letters) > 1 and (letters.isupper() or re.fullmatch(r"[A-Z]{2,}s?", letters))):
        first = letters[0].upper()
        if first in _VOWEL_NAME_LETTERS:
            return True
        if first in _CONSONANT_NAME_LETTERS:
            return False
        return None
    first = letters[0].lower()
    if first in "aeiou":
        return not _CONSONANT_SOUND_START.match(letters)
    if first == "h":
        return True if _SILENT_H_START.match(letters) else False
    return False



# Letters whose names are said with a vowel sound first (ef, aitch, el, em,
# en, ar, ess, ex), though some words read them otherwise ("a SQL" as sequel).
_EITHER_NAME_LETTERS = set("FHLMNRSX")


def indefinite_article(word: str) -> str:
    """ "a" or "an" for the word that follows (by its first letter when the
    sound is unclear)."""
    vowel = sound_is_vowel(word) if word else None
    if vowel is None:  # a letter read either way ("an SQL", "a SQL"): its usual name decides
        vowel = word[:1].lower() in "aeiou" or (word[:1] in _EITHER_NAME_LETTERS and word.isupper())
    return "an" if vowel else "a"


def with_article(phrase: str) -> str:
    """The phrase led by the right indefinite article, unless it has one."""
    if re.match(r"(?:a|an|the)\s", phrase, re.IGNORECASE):
        return phrase
    return f"{indefinite_article(phrase.split()[0] if phrase.split() else phrase)} {phrase}"
