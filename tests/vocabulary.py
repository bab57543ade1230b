"""Random text made of what money and event text is made of, in every
language's vocabulary at once: the property tests (tests/test_properties.py)
draw from it with Hypothesis, and bench/fuzz.py with a seeded generator."""
from __future__ import annotations

import random
import re
from functools import cache

from parsers.languages import available_languages, load_language
from parsers.money.currencies import lexicon

# Separators, signs, brackets, Unicode digits and spaces no table lists.
CHARACTERS = list("0123456789.,'’-−–() []/:;%+€$£¥¢\n\t") + [
    "\u00a0", "\u202f", "\u2009", "\u2007", "٣", "४", "１", "½", "\u2028", "\x85", "\ufffd", "ß", "İ"]
# Words of the event layer that no single table entry makes (numbers and times).
FRAGMENTS = ["1.000", "1,5", "000", "2.415, 50", "(2014: ", "Q3 2010", "FY2023/24", "im Vorjahr", "a year earlier",
             "1899", "2099", "0", "0,00", "-12,5", "per share", "je Aktie", "each", "und", "and", "bis", "to"]


@cache
def tokens() -> tuple[str, ...]:
    """Characters, fragments, and a sample of every language's scale words,
    currency tokens, number words, triggers and stopwords."""
    sample = random.Random(0)
    words: list[str] = []
    for code in available_languages():
        lang = load_language(code)
        words += list(lang.scales)
        words += sample.sample(sorted(lexicon(lang)), 80)
        words += sample.sample(sorted(lang.number_extra), min(20, len(lang.number_extra)))
        words += sample.sample(sorted(lang.stopwords), min(20, len(lang.stopwords)))
        for entries in lang.triggers.values():  # the plain words among the patterns
            plain = sorted(e for e in entries if re.fullmatch(r"[^\W\d_][\w -]*", e))
            words += sample.sample(plain, min(3, len(plain)))
    return tuple(CHARACTERS + FRAGMENTS + [f" {w} " for w in words] + words)


def random_text(rng: random.Random, size: int = 60) -> str:
    """A string of up to `size` tokens."""
    pool = tokens()
    return "".join(rng.choice(pool) for _ in range(rng.randint(0, size)))
