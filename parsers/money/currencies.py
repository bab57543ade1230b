"""Currency names, codes and symbols of a language, and how to resolve them.

The lexicon is CLDR's (through babel): ISO codes and symbols of every
currency in circulation (and of the legacy ones news still writes), and the
singular and plural names of every currency CLDR knows, in the language's
locale. `parsers/lang/shared.toml` adds what every language writes alike
(`NZ$`, `zł`, `Rs.`, `¢`, the dollar family); the language table adds its
own words: bare nouns (`Franken`), legacy names (`Schilling`, `Peseten`),
corpus garbles (`x20ac`), names shared by several currencies (`Kronen`,
`Francs`: the country decides), family words (`Dollar`: the document
decides) and hundredths (`Cent`, glued `15p`).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_precision, get_currency_symbol, list_currencies

from ..languages import Language, load_language
from ..wordlists import alternation

# ISO codes that are also everyday words or acronyms ("TOP 10", "ALL 3",
# "AMD 5"): they count only after the amount ("42 SAR"), or where the
# language table names them.
CODE_STOPLIST = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "SOS", "GEL", "MAD", "PEN",
                           "TRY", "AMD", "STD", "SAR", "LAK", "BAM", "ERN", "CVE", "MRO",
                           "MRU", "PAB", "SLL", "SLE", "VES", "NIO", "BIF"})
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Sense:
    """What a currency token means: its candidate codes (first is the default),
    a factor (0.01 for cents), a power of ten (`MEUR`), whether it may
    stand before the amount, whether it is a family's general token (`$`:
    the document decides) and whether it is money only glued to the digits
    (`15p`)."""

    codes: tuple[str, ...]
    factor: Decimal = Decimal(1)
    scale: int = 0
    prefix: bool = False
    family: bool = False
    glued: bool = False
    any_hundredths: bool = False  # a cent word: also the hundredth of any currency with hundredths beside it

    @property
    def ambiguous(self) -> bool:
        return len(self.codes) > 1 or self.any_hundredths

    @property
    def in_hundredths(self) -> bool:
        """Whether each currency it may be counts in hundredths ("12 Euro 50" is 12.50; not yen)."""
        return self.factor == 1 and not self.scale and all(_has_hundredths(code) for code in self.codes)

    def hundredth_of(self, code: str) -> bool:
        """Whether this hundredth (`Cent`, `15p`) can be one of `code` ("3 CHF 4 cents")."""
        return self.factor == CENT and (code in self.codes or self.any_hundredths and _has_hundredths(code))


# Marks, in a table's list of the currencies a cent word is a hundredth of, "and of any other with hundredths".
ANY = "*"


@cache
def _has_hundredths(code: str) -> bool:
    return get_currency_precision(code) == 2


@cache
def circulating_codes() -> frozenset[str]:
    """Codes that are legal tender somewhere today, per CLDR."""
    codes = {entry[0] for entries in get_global("territory_currencies").values() for entry in entries
             if _tender_today(entry)}
    return frozenset(c for c in codes if not c.startswith("X") or c in {"XOF", "XAF", "XPF", "XCD"})


def _tender_today(entry: tuple) -> bool:
    """A CLDR territory-currency entry (code, start, end, tender) that is legal tender today."""
    _, _, end, tender = entry
    return bool(tender) and (end is None or date(*end) >= date.today())


@cache
def home_decimal(code: str) -> str | None:
    """The decimal mark the countries that use `code` today write (CLDR: "."
    for INR, India and Bhutan; "," for PLN), None where they differ (USD,
    EUR).

    >>> [home_decimal(code) for code in ("INR", "PLN", "EUR")]
    ['.', ',', None]
    """
    marks = set()
    for territory in _territories(code):
        try:
            marks.add(Locale.parse(f"und_{territory}").number_symbols["latn"]["decimal"])
        except (ValueError, UnknownLocaleError):
            continue  # a territory without a locale of its own
    return marks.pop() if len(marks) == 1 else None


@cache
def _territories(code: str) -> tuple[str, ...]:
    """The territories whose tender `code` is today (CLDR; not Norway for
    SEK, which it was), or, for a currency of the past (FRF), was."""
    every = get_global("territory_currencies").items()
    today = tuple(t for t, entries in every if any(e[0] == code and _tender_today(e) for e in entries))
    return today or tuple(t for t, entries in every if any(e[0] == code for e in entries))


def symbol_like(token: str) -> bool:
    """Codes, symbols and abbreviations may stand before or after the
    amount ("Fr. 12,50", "Mex$12", "Rs 20", the garbled "x20ac 43"); words only after ("Euro 2016" is a
    football tournament)."""
    return (not any(ch.islower() for ch in token) or token.endswith(".") or len(token) <= 2
            or any(unicodedata.category(ch) == "Sc" or ch.isdigit() for ch in token))


def _name_variants(name: str, lang: Language) -> set[str]:
    """A CLDR name and the forms texts use: either case of the first letter,
    and the forms the language's hooks give ("kanadischen Dollar"); none for
    a name CLDR dates ("Sudanese dinar (1992–2007)" is written without)."""
    name = re.sub(r"\s*\(.*\)$", "", name)
    if not name or any(ch.isdigit() for ch in name):
        return set()
    forms = lang.hooks.name_forms(name)
    # "kuwaiti dinar", "Lebanese Pounds", "KUWAITI DINAR"
    cased = {g for f in forms for g in (f.upper(), f.lower(), f.title(), f[0].lower() + f.title()[1:])}
    return {f[0].swapcase() + f[1:] for f in forms} | cased | forms


def _table_heads(lang: Language) -> dict[str, set[str]]:
    """Code -> the one-word names the table gives it ("Francs", "Peseten")."""
    heads: dict[str, set[str]] = {}
    for name, codes in [*((n, (c,)) for n, c in lang.currency_names.items()), *lang.ambiguous.items()]:
        if " " not in name:
            for code in codes:
                heads.setdefault(code, set()).add(name)
    return heads


def _with_heads(name: str, heads) -> set[str]:
    """A multi-word CLDR name and the same with each of the table's names
    of its currency as its last word: CLDR's "Französische Franc" is also
    written "französische Francs", its "Spanische Peseta" "spanische Peseten"."""
    if " " not in name.strip():
        return {name}
    qualifier = name.rsplit(" ", 1)[0]
    return {name} | {f"{qualifier} {head}" for head in heads}


def _capitalized(name: str) -> set[str]:
    """A lower-case name, its sentence-initial form and, for a word, its
    headline and legal form ("rupiah", "Rupiah", "RUPIAH"; "DOLLARS")."""
    forms = {name, name[0].upper() + name[1:]}
    return forms | {name.upper()} if len(name) > 2 and name.isalpha() else forms


@cache
def lexicon(lang: Language) -> dict[str, Sense]:
    """Every currency token of `lang` -> its Sense."""
    table: dict[str, Sense] = {}
    written = circulating_codes() | lang.legacy_codes | set(lang.currency_names.values())
    # names of every currency CLDR knows, those in circulation first ("Finnische Mark", "French francs")
    heads = _table_heads(lang)
    for code in sorted(list_currencies(), key=lambda c: (c not in written, c)):
        for count in (1, 2):
            for name in _with_heads(get_currency_name(code, count, lang.code), heads.get(code, ())):
                for form in _name_variants(name, lang):
                    table.setdefault(form, Sense((code,)))
        if code not in written:
            continue
        table[code] = Sense((code,), prefix=code not in CODE_STOPLIST)
        symbol = get_currency_symbol(code, lang.code)
        if symbol != code:
            table.setdefault(symbol, Sense((code,), prefix=True))
    for name, code in lang.currency_names.items():
        for form in _capitalized(name):
            table[form] = Sense((code,), prefix=symbol_like(form) or form in lang.prefix_names)
    for name, codes in lang.ambiguous.items():
        for form in _capitalized(name):
            table[form] = Sense(codes, prefix=form in lang.prefix_names)  # "kr 299,00"
    for name, codes in lang.cents.items():
        for form in _capitalized(name):
            table[form] = _cents(codes)
    for name, codes in lang.glued_cents.items():
        table[name] = replace(_cents(codes), glued=True)
    for name, (code, scale) in lang.scaled_codes.items():
        table[name] = Sense((code,), scale=scale, prefix=True)
    for name, family in lang.family_tokens.items():
        for form in _capitalized(name):
            table[form] = Sense(lang.families[family], prefix=symbol_like(form) or form in lang.prefix_names,
                                family=True)
    return table


def _cents(codes: tuple[str, ...]) -> Sense:
    return Sense(tuple(c for c in codes if c != ANY), factor=CENT, any_hundredths=ANY in codes)


@cache
def _cue_pattern(code: str, lang_code: str) -> re.Pattern | None:
    """Words that tie a text to `code`: the countries using it and the
    adjective of its CLDR name ("schwedisch", "Swedish" for SEK)."""
    locale = Locale.parse(lang_code)
    cues = set()
    for territory in _territories(code):
        if territory in locale.territories:
            cues.add(locale.territories[territory])
    name = get_currency_name(code, 1, lang_code).split()
    if len(name) > 1:
        cues.add(load_language(lang_code).hooks.adjective_stem(name[0]).lower())
    cues = {c for c in cues if len(c) > 3}
    if not cues:
        return None
    return re.compile(alternation(cues), re.I)


class Resolver:
    """Picks the code of ambiguous tokens within one text.

    Hundredths follow the currency of the latest mention that can have them
    ("1,40 Euro auf 60 Cent"); a family's general token (`$`) is the one
    other member the text names when it names no first member (NZD in a
    text that writes "NZ$" and never "US$"); crowns and the like follow the
    country named nearest to them ("schwedische ... 142 Kronen"); else the
    first code. Work per mention is independent of the text's length: the
    members named are read off `tokens`, the spans of the text's currency
    tokens that find_money has found anyway.
    """

    def __init__(self, text: str, lang: Language, tokens: list[tuple[int, int]]):
        self.text, self.lang, self.tokens = text, lang, tokens
        self.latest: dict[str, int] = {}  # code -> number of its latest mention
        self.count = 0
        self._cues: dict[str, list[int]] = {}
        self._family: dict[tuple[str, ...], str] = {}

    def record(self, code: str) -> None:
        self.count += 1
        self.latest[code] = self.count

    def code(self, sense: Sense, position: int) -> str:
        if not sense.ambiguous:
            return sense.codes[0]
        if sense.family:
            if sense.codes not in self._family:
                self._family[sense.codes] = self._family_code(sense.codes)
            return self._family[sense.codes]
        if sense.factor == CENT:
            seen = [c for c in sense.codes if c in self.latest]
            return max(seen, key=self.latest.__getitem__) if seen else sense.codes[0]
        best, best_distance = sense.codes[0], None
        for code in sense.codes:
            distance = self._cue_distance(code, position)
            if distance is not None and (best_distance is None or distance < best_distance):
                best, best_distance = code, distance
        return best

    def _family_code(self, codes: tuple[str, ...]) -> str:
        """The first member if the text names it outright ("US$", "USD",
        "U.S. dollars"), else the other member it names most, else the first."""
        lexicon_ = lexicon(self.lang)
        named = []
        for start, end in self.tokens:
            sense = lexicon_[self.text[start:end]]
            if (sense.family or sense.ambiguous or sense.factor != 1 or end - start < 2
                    or sense.codes[0] not in codes):
                continue
            if sense.codes[0] == codes[0]:
                return codes[0]
            named.append(sense.codes[0])
        return max(named, key=named.count) if named else codes[0]

    def _cue_distance(self, code: str, position: int) -> int | None:
        if code not in self._cues:
            pattern = _cue_pattern(code, self.lang.code)
            self._cues[code] = [m.start() for m in pattern.finditer(self.text)] if pattern else []
        cues = self._cues[code]
        if not cues:
            return None
        at = bisect_left(cues, position)
        return min(abs(cues[i] - position) for i in (at - 1, at) if 0 <= i < len(cues))
