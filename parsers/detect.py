"""Which language a text is in, from the stopwords of the language tables."""
from __future__ import annotations

import re
from functools import cache

from babel.numbers import get_currency_name, list_currencies

from .languages import Language, available_languages, load_language

_SAMPLE = 20_000  # characters read; enough for a news article
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The code of the table whose stopwords and own letters are most
    frequent in `text`; when none occurs, the table whose words for
    currencies are ("20 Swiss francs", "20 Schweizer Franken"), then whose
    currency symbols are ("$16,500" is English); else the first table's code.

    >>> [detect_language(t) for t in ("Der Umsatz stieg.", "Sales rose.", "Paid 20 Swiss francs.", "10,000 yen",
    ...                               "$16,500", "2.415 €", "42")]
    ['de', 'en', 'en', 'en', 'en', 'de', 'de']
    """
    sample = text[:_SAMPLE]
    written = _WORD.findall(sample)
    words = [w.lower() for w in written]
    counts, names, symbols = {}, {}, {}
    for code in available_languages():
        lang = load_language(code)
        counts[code] = sum(w in lang.stopwords for w in words) + sum(ch in lang.letters for ch in sample)
        own = currency_words(lang)
        names[code] = sum(w in own for w in written)  # as written: "francs" is no German word
        symbols[code] = sum(sample.count(symbol) for symbol in lang.symbols)
    return max(counts, key=lambda code: (counts[code], names[code], symbols[code]))


@cache
def currency_words(lang: Language) -> frozenset[str]:
    """The words of CLDR's currency names in the language and of its
    table's own names and cents, as it writes them ("Swiss", "francs",
    "yen", "cents"; German "Franken", "Yen", "Pesos")."""
    names = [get_currency_name(code, count, lang.code) for code in list_currencies() for count in (1, 2)]
    return frozenset(w for name in (*names, *lang.currency_names, *lang.cents) for w in _WORD.findall(name)
                     if len(w) > 2)
