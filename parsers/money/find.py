"""find_money: every amount of money in a text, exact and with its span.

The text is read in windows around currency tokens (money has a currency
near it, and most text has none). In a window the grammar finds *items*;
items joined by *gaps* form a run, in which an item without a currency or a
scale word shares its neighbour's (see grammar.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..detect import detect_language
from ..languages import Language, load_language
from .currencies import Resolver, Sense, lexicon, symbol_like
from .grammar import Grammar, grammar
from .mention import Money, canonical
from .numerals import parse_digits, parse_words

# How far around a currency token the items that share it can stand.
_BEFORE, _AFTER = 160, 100
# A bare number takes a neighbour's scale only when it is of the same order
# ("20 bis 30 Mrd." but not "von 800.000 auf 1,2 Mio.").
_SAME_ORDER = Decimal(1000)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_FRACTION = re.compile(r"[.,]\d{1,2}$")
_SEPARATED = re.compile(r"\d[.,]\d")


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    number: Decimal
    scale: int | None
    sense: Sense | None
    sense_at: int
    qualifier: str | None
    written: str  # the number as written
    gap: str = ""  # what joins it to the item before: '', 'comma', 'bracket' or a connector

    @property
    def year_like(self) -> bool:
        """A bare 19xx/20xx: a year, which never borrows a currency."""
        return self.scale is None and self.sense is None and bool(_YEAR.fullmatch(self.written))

    @property
    def fractional(self) -> bool:
        return bool(_FRACTION.search(self.written))


def find_money(text: str, lang: str | None = None) -> list[Money]:
    """Every amount of money in `text`, in reading order.

    `lang` is a language code with a table in `parsers/lang` ('de', 'en');
    None detects it from the text. Raises ValueError for an unknown language.

    >>> [(m.text, str(m.value), m.currency) for m in find_money("Microsoft investierte 13,75 Milliarden Dollar.")]
    [('13,75 Milliarden Dollar', '13750000000', 'USD')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_money needs a str, not {type(text).__name__}")
    language = load_language(lang or detect_language(text))
    rules = grammar(language)
    resolver = Resolver(text, language)
    mentions: list[Money] = []
    for start, end in _windows(text, rules):
        for run in _runs(text, start, end, rules):
            mentions.extend(_money(text, run, language, resolver))
    return mentions


def _windows(text: str, rules: Grammar) -> list[tuple[int, int]]:
    """Merged stretches of text around currency tokens, begun at a space."""
    spans: list[list[int]] = []
    for match in rules.anchor.finditer(text):
        start = max(0, match.start() - _BEFORE)
        space = text.rfind(" ", max(0, start - _BEFORE), start)
        start = space if space >= 0 else start
        end = min(len(text), match.end() + _AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def _runs(text: str, start: int, end: int, rules: Grammar) -> list[list[_Item]]:
    """The items of a window, grouped into runs joined by gaps."""
    runs: list[list[_Item]] = []
    previous_end = None
    for match in rules.item.finditer(text, start, end):
        item = _parse_item(match, rules.lang)
        if item is None:
            previous_end = None
            continue
        gap = None if previous_end is None else rules.gap.fullmatch(text, previous_end, match.start("mention"))
        if gap is not None and gap.group("connector"):
            # ", and" closes a list ("250, 400, and 600 euros"), else starts a clause
            runs[-1].append(_joined(item, ("," if gap.group("after_comma") else "") + gap.group("connector").lower()))
        elif gap is not None:
            runs[-1].append(_joined(item, "comma" if gap.group("comma") else "bracket"))
        elif previous_end is not None and _juxtaposed(runs[-1][-1], item, text[previous_end:item.start]):
            runs[-1].append(_joined(item, "bracket"))
        else:
            runs.append([item])
        previous_end = match.end()
    return [part for run in runs for part in _split_loose_commas(run, rules.lang)]


def _joined(item: _Item, gap: str) -> _Item:
    return _Item(item.start, item.end, item.number, item.scale, item.sense, item.sense_at,
                 item.qualifier, item.written, gap)


def _juxtaposed(before: _Item, after: _Item, between: str) -> bool:
    """"EUR 0.2 1.3 million": a comparison whose brackets tokenization lost."""
    return (between == " " and before.sense is not None and before.scale is None and before.fractional
            and after.sense is None and after.scale is not None and after.fractional)


def _split_loose_commas(run: list[_Item], lang: Language) -> list[list[_Item]]:
    """A comma joins items only in a list that a conjunction closes
    ("250, 400 und 600 Euro"); "im Jahr 2015, 500 Euro" is two runs, and so
    is "EUR 432mn, and 8.7 mn devices"."""
    parts: list[list[_Item]] = [[]]
    for index, item in enumerate(run):
        if item.gap == "comma":
            closing = next((i.gap for i in run[index + 1:] if i.gap != "comma"), "")
            if closing.lstrip(",") not in lang.list_conjunctions:
                parts.append([])
        elif item.gap.startswith(",") and (index < 2 or run[index - 1].gap != "comma"):
            parts.append([])
        parts[-1].append(item)
    return [p for p in parts if p]


def _parse_item(match: re.Match, lang: Language) -> _Item | None:
    """The item of a match, or None when its words are no number or a word
    currency stands before a bare integer ("Euro 2016", "Euro 5")."""
    scale_word = match.group("scale")
    scale = lang.scales[scale_word] if scale_word else None
    written = match.group("digits") or match.group("words")
    if match.group("digits"):
        number = parse_digits(written, lang, before_scale=scale is not None)
    else:
        number = parse_words(written, lang)
        if number is None:
            return None
    if match.group("sign") or match.group("negative"):
        number = -number
    group = next((g for g in ("code_after", "code_before", "prefix", "suffix") if match.group(g)
                  and (g not in ("code_after", "code_before") or _refines(match, lang))), None)
    sense, sense_at = None, -1
    if group:
        tokens = lexicon(lang)
        token = match.group(group)
        sense = tokens[token if token in tokens else token.strip("( )")]
        sense_at = match.start(group)
        prefix = match.group("prefix")
        spaced = match.string[match.end("prefix"):match.end("prefix") + 1].isspace()
        if prefix and spaced and not symbol_like(prefix) and scale is None and not _SEPARATED.search(written):
            return None
        if sense.scale:
            scale = (scale or 0) + sense.scale
    return _Item(match.start("mention"), match.end("mention"), number, scale, sense,
                 sense_at, match.group("qualifier"), written)


def _refines(match: re.Match, lang: Language) -> bool:
    """A code beside a symbol names the currency only when the symbol is a
    dollar sign ("AUD $95", "$299CAD") or means the same ("GBP £211m"), not
    when it starts a conversion ("€7 million (USD $8.6 million)")."""
    if not match.group("prefix"):
        return True  # "EUR -0.7 mn": the code is the currency
    tokens = lexicon(lang)
    symbol = match.group("prefix").strip("( )")
    code = match.group("code_after") or match.group("code_before")
    sense = tokens.get(symbol) or tokens.get(match.group("prefix"))
    return symbol.endswith("$") or sense is not None and code in sense.codes


def _money(text: str, run: list[_Item], lang: Language, resolver: Resolver) -> list[Money]:
    """Money for each item of a run that has or shares a currency.

    An item without a currency takes that of the nearest item after it that
    has one, else before it ("20 bis 30 Mrd. Euro", "USD 10-15mn"). An item
    without a scale word takes the scale of the nearest item that has a scale
    or a currency (a priced item without one takes it only from an unpriced
    item: "EUR 105.8 ( 83.4 ) million"), when the numbers are of the same order.
    """
    currency_donor = _nearest(run, lambda o: o.sense is not None)
    scale_donor_bare = _nearest(run, lambda o: o.scale is not None or o.sense is not None)
    scale_donor_priced = _nearest(run, lambda o: o.scale is not None and o.sense is None)
    found = []
    for index, item in enumerate(run):
        donor = index if item.sense else currency_donor[index]
        if donor is None or item.year_like:
            continue
        sense = run[donor].sense
        scale = item.scale
        if scale is None:
            source = (scale_donor_priced if item.sense else scale_donor_bare)[index]
            if source is not None and run[source].scale is not None and _same_order(item.number, run[source].number):
                scale = run[source].scale
        code = resolver.code(sense, run[donor].sense_at)
        resolver.record(code)
        found.append(Money(value=canonical(item.number.scaleb(scale or 0) * sense.factor), currency=code,
                           start=item.start, end=item.end, text=text[item.start:item.end],
                           qualifier=item.qualifier, lang=lang.code))
    return found


def _nearest(run: list[_Item], wanted: Callable[[_Item], bool]) -> list[int | None]:
    """For each item, the index of the nearest other item after it that is
    wanted, else the nearest before it; in two passes."""
    after: list[int | None] = [None] * len(run)
    following = None
    for index in range(len(run) - 1, -1, -1):
        after[index] = following
        if wanted(run[index]):
            following = index
    nearest, preceding = [], None
    for index, item in enumerate(run):
        nearest.append(after[index] if after[index] is not None else preceding)
        if wanted(item):
            preceding = index
    return nearest


def _same_order(number: Decimal, other: Decimal) -> bool:
    if not number or not other:
        return False
    return 1 / _SAME_ORDER <= abs(number / other) <= _SAME_ORDER
