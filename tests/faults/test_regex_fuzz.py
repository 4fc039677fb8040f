"""Random regexes, as a careless or hostile rule author might write them:
each is refused with UnsafePattern (a file:line error once in a rule) or
matches a line of a's, a Unicode line and a final newline within a
second, finding what Python's `re` finds whenever `re` itself is quick.

COPYDESK_FUZZ_EXAMPLES sets how many (default 150; scripts/fuzz runs more)."""

from __future__ import annotations

import os
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.ruleset.regexes import UnsafePattern, compile_safe

EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "150"))
PIECES = ["a", "b", "é", "ı", r"\w", r"\b", r"\d", r"\s", ".", "|", "(", ")", "(?:", "(?=", "(?<!x)", "*", "+",
          "?", "{2}", "{1,3}", "{0,40}", "[ab]", "[^a]", "^", "$", r"\Z", "(?i)", "(?P<g>", "(?P=g)", "!"]
TEXTS = ["a" * 35 + "!", "naïve ıi café aa ab! ba", "ab\n", ""]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_random_regex_is_refused_or_bounded(pattern):
    try:
        compiled = compile_safe(pattern)
    except UnsafePattern:
        return
    for text in TEXTS:
        started = time.perf_counter()
        found = [m.span() for m in compiled.finditer(text)]
        elapsed = time.perf_counter() - started
        assert elapsed < 1.5, (pattern, text, elapsed)
        if elapsed < 0.05 and compiled.linear:  # RE2 answered: it must agree with re
            assert found == [m.span() for m in re.finditer(pattern, text)], (pattern, text)
