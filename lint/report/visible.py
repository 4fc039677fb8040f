"""Characters of document text that must not reach the report as they are.

Control characters (other than tab and newlines) are not allowed in HTML
text and can hide or rewrite what a terminal shows; bidi embedding and
override characters reorder the text around them, so that what a reader
sees is not what is there ("Trojan Source"). Each is shown as a visible
mark naming its code point instead, as a code review tool does.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(value):
    """`value` with hidden or reordering characters as ⟨U+XXXX⟩ (Markup is left alone)."""
    if isinstance(value, str) and not isinstance(value, Markup) and _HIDDEN.search(value):
        return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", value)
    return value
