"""What the German table cannot say: the forms of a name that German
inflection and compounding make (called by shared code through
parsers/languages.py's Hooks; each function is optional)."""
from __future__ import annotations

import re

from parsers.events.parties import word_before

# Adjective endings: CLDR says "Kanadischer Dollar", texts say "kanadische Dollar", "kanadischen Dollar".
_ENDINGS = ("", "e", "en", "er", "es", "em")
_INFLECTED = re.compile(r"(?:e|en|er|es|em)$")


def name_forms(name: str) -> set[str]:
    """A multi-word CLDR name with every adjective ending of its first word."""
    words = name.split()
    if len(words) < 2:
        return {name}
    stem = _INFLECTED.sub("", words[0])
    return {name} | {" ".join([stem + end, *words[1:]]) for end in _ENDINGS}


def adjective_stem(word: str) -> str:
    """"Schwedische" -> "Schwedisch": the part every inflected form starts with."""
    return _INFLECTED.sub("", word)


def inflected(word: str) -> bool:
    """A lowercase word with an adjective ending: "günstige Flüge" makes "Flüge" a common noun."""
    return bool(_INFLECTED.search(word))


def _plural_noun(token: str, after_lowercase: bool) -> bool:
    """A dative plural after a lowercase word ("zu fünf Jahren Haft", "den
    Eigentümern Audi") or an abstract noun ("Anwesenheit"): no part of a
    name; adjectives in -schen are."""
    plural = (after_lowercase and len(token) > 5 and token.endswith(("en", "ern"))
              and not token.endswith("schen") and token[1:].islower())
    return plural or token.endswith(("heit", "keit", "ung", "ungen", "schaft"))


def name_core(text: str, start: int, piece: list[str], sentence_start: bool,
              places: frozenset[str]) -> tuple[int, list[str]]:
    """What of a capitalized run can be a name: without a leading compound
    that describes it ("Apple-Zulieferer Japan Display"), a leading adjective
    capitalized only because it starts the sentence ("Britische Sängerin"),
    a leading plural or abstract noun ("in den Jahren Verluste",
    "Anwesenheit Minderjähriger"), a place's genitive before or after it
    ("Italiens Banken", "Flüsse Europas"); its adjective in the nominative
    ("der Europäischen Zentralbank")."""
    while len(piece) > 1 and ("-" in piece[0][1:-1] or sentence_start and _INFLECTED.search(piece[0])
                               and not piece[0].isupper() and text.count(" ".join(piece)) < 2
                               or _plural_noun(piece[0], word_before(text, start).islower())
                               or piece[0].endswith("s") and piece[0][:-1] in places):
        start = text.index(piece[1], start + len(piece[0]))
        piece, sentence_start = piece[1:], False
    if len(piece) > 1 and piece[-1].endswith("s") and piece[-1][:-1] in places:
        piece = piece[:-1]
    if len(piece) > 1 and piece[0].endswith("schen"):  # "der Deutschen Bank": Deutsche Bank
        piece = [piece[0][:-1], *piece[1:]]
    return start, piece
