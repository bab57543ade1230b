"""Character classes every language shares, for regular expressions
(Python's re has no Unicode properties): built once from the Unicode data.

>>> import re
>>> [bool(re.match(UPPER, w)) for w in ("Österreich", "État", "Ωmega", "euro", "3M")]
[True, True, True, False, False]
"""
from __future__ import annotations

import re

# The Basic Multilingual Plane holds every script news is written in; the rest would cost 0.25 s at start-up.
_LAST = 0xFFFF


def _ranges(test) -> str:
    """The inside of a regex character class: the characters up to _LAST for which `test` holds."""
    spans, start, previous = [], None, None
    for code in range(_LAST + 1):
        if test(chr(code)):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            spans.append((start, previous))
            start = None
    if start is not None:
        spans.append((start, previous))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)


# An uppercase or titlecase letter: the start of a name or a sentence, in any script
# (UPPER_CHARS to put beside other characters in a class of one's own).
UPPER_CHARS = _ranges(lambda c: c.isupper() or c.istitle())
UPPER = f"[{UPPER_CHARS}]"
