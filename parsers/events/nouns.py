"""Common nouns of a language whose nouns are capitalized, so that a
capitalized word can be told from a name ("Brauerei Gösser": a noun, then
the name; "Wahlkampf": no party at all); and common words of a language
that writes them small, so that a word capitalized at a sentence start can
be ("Sources said", "Continuing operations", but "Finnair said").

A language's lexicon is `parsers/lang/<code>/nouns.txt.gz`, one word form
per line (UTF-8, gzip): plain data, nothing in it runs. The German one is
built from the `german-nouns` package's Wiktionary table (CC BY-SA 4.0,
see parsers/lang/de/NOTICE.md) by

    pip download --no-deps german-nouns==1.2.5 && unzip german_nouns-*.whl
    python -m parsers.events.build_nouns german_nouns/nouns.csv parsers/lang/de/nouns.txt.gz

It keeps every inflected form of the entries that are common nouns: not a
first name, surname, place, abbreviation or other proper name, and with a
plural (the table lists brands such as "Microsoft" and "Telekom" as nouns
with a singular only).

A language's common words are `parsers/lang/<code>/words.txt.gz`, in lower
case, one per line; the English one is built from SCOWL's word list (see
parsers/lang/en/NOTICE.md) by parsers/events/build_words.py.
"""
from __future__ import annotations

import gzip
from functools import cache

from ..languages import language_file

# The shortest noun a compound may end in ("Kartell|gericht"), and the shortest part before it.
_TAIL, _HEAD = 4, 3


@cache
def common_nouns(code: str) -> frozenset[str]:
    """The noun lexicon of language `code` (empty where it has none)."""
    return _lexicon(code, "nouns.txt.gz")


@cache
def common_words(code: str) -> frozenset[str]:
    """The lowercase common words of language `code` (empty where it has none)."""
    return _lexicon(code, "words.txt.gz")


def _lexicon(code: str, name: str) -> frozenset[str]:
    path = language_file(code, name)
    if not path.is_file():
        return frozenset()
    return frozenset(gzip.decompress(path.read_bytes()).decode("utf-8").split("\n"))


def noun_kind(word: str, nouns: frozenset[str]) -> str | None:
    """"noun" for a word of the lexicon, "compound" for one that ends in a
    noun of it after another ("Kartell|behörde", "Arbeits|markt"),
    "name_compound" for one whose first part is no noun of it, as in many
    company names ("Commerz|bank", "Raiffeisen|bank"); None otherwise.

    >>> nouns = frozenset({"Brauerei", "Behörde", "Kartell", "Bank"})
    >>> [noun_kind(w, nouns) for w in ("Brauerei", "Kartellbehörde", "Commerzbank", "Gösser")]
    ['noun', 'compound', 'name_compound', None]
    """
    if word in nouns:
        return "noun"
    ends_in_noun = False
    for cut in range(_HEAD, len(word) - _TAIL + 1):
        if word[cut:].capitalize() in nouns:
            if _is_noun_part(word[:cut], nouns):
                return "compound"
            ends_in_noun = True
    return "name_compound" if ends_in_noun else None


def compound_head(word: str, nouns: frozenset[str]) -> str:
    """The longest noun of the lexicon a word ends in after another part
    (the word itself if none): what a compound is.

    >>> compound_head("Investitionsbank", frozenset({"Bank", "Investition"}))
    'Bank'
    """
    return next((word[cut:].capitalize() for cut in range(_HEAD, len(word) - _TAIL + 1)
                 if word[cut:].capitalize() in nouns), word)


# Endings that join a compound's parts ("Arbeit|s|markt", "Schul|e" written "Schul|buch").
_LINKS = ("es", "en", "er", "s", "n", "e")


def _is_noun_part(part: str, nouns: frozenset[str]) -> bool:
    forms = [part, part + "e", *(part[:-len(link)] for link in _LINKS if part.endswith(link))]
    return any(len(f) >= _HEAD and noun_kind(f.capitalize(), nouns) in ("noun", "compound") for f in forms)
