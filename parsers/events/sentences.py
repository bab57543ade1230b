"""Sentences and clauses of a text, as spans (pure, no models)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ..chars import UPPER_CHARS
from ..languages import Language
from ..wordlists import any_of

# No sentence is longer: a longer run of text is cut, so that the work per
# sentence stays bounded on any input.
MAX_SENTENCE = 2000
_BOUNDARY = re.compile(rf"[.!?]+[\"'“”»«)]*\s+(?=[\"'“„»«(]?[{UPPER_CHARS}0-9])|\n\s*")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether position lies in one of the sorted, disjoint spans."""
    at = bisect_right(spans, (position, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def sentences(text: str, lang: Language, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence. A dot after an abbreviation of the
    language ("Mio.", "Inc."), after a number ("21. November") or inside a
    protected span (a money mention, sorted) ends none."""
    return [piece for span in _sentences(text, lang, protected) for piece in _cut(text, *span, protected)]


def _cut(text: str, start: int, end: int, protected) -> list[tuple[int, int]]:
    """A sentence longer than MAX_SENTENCE in pieces cut at spaces."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start and not _inside(protected, cut) else start + MAX_SENTENCE
        while _inside(protected, cut) and cut < end:
            cut += 1
        pieces.append((start, cut))
        start = cut
    return pieces + [(start, end)]


def _sentences(text: str, lang: Language, protected) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        stop = match.start()
        if _inside(protected, stop):
            continue
        if match.group().startswith(".") and _continues(text[max(start, stop - 30):stop + 1], lang):
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
    return re.compile(rf"\s*;\s*|\s+[–—-]\s+|\s*,\s+|\s+{any_of(lang.clause_breaks)}\s+")


def clauses(text: str, start: int, end: int, lang: Language,
            protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The clauses of the sentence text[start:end]: split at semicolons,
    dashes, commas (one inside a money mention splits nothing) and the
    language's clause words ("and the", "while")."""
    spans, begin = [], start
    for match in _clause_break(lang).finditer(text, start, end):
        if _inside(protected, match.start()):
            continue
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, end))
    return [(s, e) for s, e in spans if e > s]
