"""Sentences and clauses of a text, as spans (pure, no models)."""
from __future__ import annotations

import re
from functools import cache
from .languages import Language

_BOUNDARY = re.compile(r"[.!?]+[\"'“”»«)]*\s+(?=[\"'“„»«(]?[A-ZÄÖÜ0-9])|\n\s*")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def sentences(text: str, lang: Language, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence. A dot after an abbreviation of the
    language ("Mio.", "Inc."), after a number ("21. November") or inside a
    protected span (a money mention) ends none."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        stop = match.start()
        if any(s <= stop < e for s, e in protected):
            continue
        if match.group().startswith((".",)) and _continues(text[max(start, stop - 30):stop + 1], lang):
            continue
        if text[start:match.end()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _continues(before: str, lang: Language) -> bool:
    word = _WORD_BEFORE.search(before)
    if not word:
        return False
    token = word.group(1)
    initial = len(token) == 1 and token.isupper()
    return token in lang.abbreviations or token.isdigit() and len(token) <= 2 or initial


@cache
def _clause_break(lang: Language) -> re.Pattern:
    words = "|".join(lang.clause_breaks)
    return re.compile(rf"\s*;\s*|\s+[–—-]\s+|\s*,\s+|\s+(?:{words})\s+")


def clauses(text: str, start: int, end: int, lang: Language,
            protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The clauses of the sentence text[start:end]: split at semicolons,
    dashes, commas (one inside a money mention splits nothing) and the
    language's clause words ("and the", "while")."""
    spans, begin = [], start
    for match in _clause_break(lang).finditer(text, start, end):
        if any(s <= match.start() < e for s, e in protected):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, end))
    return [(s, e) for s, e in spans if e > s]
