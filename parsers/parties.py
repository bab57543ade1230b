"""The parties of a text without a model: names from capitalized spans,
legal forms, acronyms, countries (CLDR) and names that recur, with legal
forms and genitive endings removed (`Microsofts` -> Microsoft)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_currency_name, list_currencies

from .currencies import lexicon
from .languages import Language

_TOKEN = r"[A-ZÄÖÜ][\w&'’-]*\.?"
_SEQUENCE = re.compile(rf"(?<![\w-]){_TOKEN}(?:\s+(?:&\s+)?{_TOKEN})*")
_INNER_CAPITAL = re.compile(r"^[A-ZÄÖÜ0-9&-]{2,}s?$|^[A-Z][a-z]+[A-Z]\w*$|\d")
# "( HEL : FISAS )", "OMX Helsinki : CNC1V": an exchange and a ticker symbol.
_TICKER = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z][a-z]+)?\s+:\s*[A-Z0-9.]+|\b[A-Z]+\d\w*\b")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    name: str  # the short common name: no legal form, no genitive ending


@cache
def _never_names(lang: Language) -> frozenset[str]:
    """Capitalized words that are no party on their own: the table's list,
    month and day names, currency words, and adjectives of nationality
    (the first word of CLDR currency names: "Swedish", "Finnische")."""
    words = set(lang.not_names)
    words |= set(get_month_names("wide", locale=lang.code).values())
    words |= set(get_day_names("wide", locale=lang.code).values())
    words |= {t for t in lexicon(lang) if t[:1].isupper()}
    for code in list_currencies():
        first = get_currency_name(code, 1, lang.code).split()[0]
        if len(get_currency_name(code, 1, lang.code).split()) > 1 and first[:1].isupper():
            stem = re.sub(r"(?:e|en|er|es|em)$", "", first)
            words |= {first, stem, stem + "e", stem + "en", stem + "er", stem + "es"}
    return frozenset(words)


@cache
def places(lang: Language) -> frozenset[str]:
    """Countries and regions by their CLDR names in the language."""
    return frozenset(Locale.parse(lang.code).territories.values())


def _strip(tokens: list[str], lang: Language) -> list[str]:
    never = _never_names(lang)
    while tokens and (tokens[0] in never or tokens[0].lower() in lang.articles):
        tokens = tokens[1:]
    while tokens and tokens[-1].rstrip(".") in lang.legal_forms:
        tokens = tokens[:-1]
    return tokens


def find_names(text: str, lang: Language, sentence_starts: set[int],
               taken: list[tuple[int, int]] = ()) -> list[Name]:
    """Names of parties in `text`, in order; none inside the `taken` spans
    (money mentions) or in ticker symbols."""
    masked = list(text)
    for start, end in [*taken, *((m.start(), m.end()) for m in _TICKER.finditer(text))]:
        masked[start:end] = " " * (end - start)
    raw = []
    for match in _SEQUENCE.finditer("".join(masked)):
        tokens = match.group().split()
        has_legal_form = any(t in lang.legal_forms or t.rstrip(".") in lang.legal_forms for t in tokens[1:])
        kept = _strip(tokens, lang)
        if not kept:
            continue
        offset = match.group().find(kept[0])
        start = match.start() + offset
        end = start + len(" ".join(kept)) if " ".join(kept) in match.group() else start + len(kept[0])
        raw.append((start, end, " ".join(kept), has_legal_form, match.start() in sentence_starts))
    counts = Counter(name for _, _, name, _, _ in raw)
    names = []
    for start, end, name, has_legal_form, at_sentence_start in raw:
        name = name.rstrip(".'’")
        if _genitive(name, lang, counts):
            name = name[:-1].rstrip("'’")
        if _is_name(text, start, name, has_legal_form, at_sentence_start, lang, counts):
            names.append(Name(start, start + len(name), name))
    return names


def _genitive(name: str, lang: Language, counts: Counter) -> bool:
    """"Microsofts" when "Microsoft" stands in the text too, "OpenAIs"."""
    if not name.endswith("s") or len(name) < 4:
        return False
    stem = name[:-1].rstrip("'’")
    return counts.get(stem, 0) > 0 or (bool(_INNER_CAPITAL.search(stem)) and not name.isupper())


def _is_name(text: str, start: int, name: str, has_legal_form: bool, at_sentence_start: bool,
             lang: Language, counts: Counter) -> bool:
    tokens = name.split()
    if has_legal_form or len(tokens) > 1 or _INNER_CAPITAL.search(name) or name in places(lang):
        return True
    recurring = counts.get(name, 0) + counts.get(name + "s", 0) > 1
    if lang.code == "en":
        return not at_sentence_start or recurring
    # German nouns are capitalized too: a single word is a name when it
    # recurs and stands without an article here.
    before = text[max(0, start - 12):start].split()
    return recurring and not at_sentence_start and not (before and before[-1].lower() in lang.articles)
