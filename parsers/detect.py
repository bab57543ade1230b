"""Which language a text is in, from the stopwords of the language tables."""
from __future__ import annotations

import re

from .languages import available_languages, load_language

_SAMPLE = 20_000  # characters read; enough for a news article
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The code of the table whose stopwords and own letters are most
    frequent in `text`; when none occurs, the table whose currency symbols
    are ("$16,500" is English); else the first table's code.

    >>> [detect_language(t) for t in ("Der Umsatz stieg.", "Sales rose.", "$16,500", "2.415 €", "42")]
    ['de', 'en', 'en', 'de', 'de']
    """
    sample = text[:_SAMPLE]
    words = [w.lower() for w in _WORD.findall(sample)]
    counts, symbols = {}, {}
    for code in available_languages():
        lang = load_language(code)
        counts[code] = sum(w in lang.stopwords for w in words) + sum(ch in lang.letters for ch in sample)
        symbols[code] = sum(sample.count(symbol) for symbol in lang.symbols)
    return max(counts, key=lambda code: (counts[code], symbols[code]))
