"""Which language a text is in, from the stopwords of the language tables."""
from __future__ import annotations

import re

from .languages import available_languages, load_language

_SAMPLE = 20_000  # characters read; enough for a news article
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The code of the table whose stopwords and own letters are most
    frequent in `text`; the first table's code when none occurs."""
    sample = text[:_SAMPLE]
    words = [w.lower() for w in _WORD.findall(sample)]
    counts = {}
    for code in available_languages():
        lang = load_language(code)
        counts[code] = sum(w in lang.stopwords for w in words) + sum(ch in lang.letters for ch in sample)
    return max(counts, key=lambda code: counts[code])
