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
from functools import cache
from typing import Callable

from babel.numbers import get_currency_precision

from ..detect import detect_language
from ..languages import Language, load_language
from .currencies import CENT, Resolver, Sense, home_decimal, lexicon, symbol_like
from .grammar import Grammar, anchors, grammar
from .mention import Money, canonical
from .numerals import parse_digits, parse_words

# How far around a currency token the items that share it can stand (a
# window starts at the space before; 40 before lost nothing on the corpora).
_BEFORE, _AFTER = 80, 100
# A bare number takes a neighbour's scale only when it is of the same order
# ("20 bis 30 Mrd." but not "von 800.000 auf 1,2 Mio.").
_SAME_ORDER = Decimal(1000)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_FRACTION = re.compile(r"[.,]\d{1,2}$")
_SEPARATED = re.compile(r"\d[.,]\d")
_HUNDREDTHS = frozenset(Decimal(n) for n in range(100))
# How far after a priced item the next clause of its list may start, and what ends that clause.
_LIST_REACH = 40
_SENTENCE_END = re.compile(r"[.!?;(](?!\d)")


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
    tokens = anchors(text, rules)
    resolver = Resolver(text, language, tokens)
    mentions: list[Money] = []
    for start, end in _windows(text, tokens):
        priced: _Item | None = None  # the latest item with a currency, for the next clause of a list
        for run in _runs(text, start, end, rules):
            lent = priced if priced is not None and _continues(text, priced, run, rules) else None
            mentions.extend(_money(text, run, language, resolver, lent))
            if lent is not None:
                priced = _joined(lent, lent.gap, end=run[-1].end)
            priced = next((i for i in reversed(run) if i.sense is not None), priced)
    return mentions


def _continues(text: str, priced: _Item, run: list[_Item], rules: Grammar) -> bool:
    """Whether a run of scaled amounts without a currency continues the
    list of the priced item before it, in one clause ("12 Milliarden Euro,
    gefolgt von Italien mit 8,2 Milliarden", "EUR 1.2 mn compared to a loss
    of 2.6 mn"), and is not a new clause ("davon 570 Millionen") or a count
    ("8.7 mn mobile devices")."""
    first, last = run[0], run[-1]
    if any(i.sense is not None or i.scale is None for i in run) or first.start - priced.end > _LIST_REACH:
        return False
    between = text[priced.end:first.start]
    return (not _SENTENCE_END.search(between) and not (rules.clause_opener and rules.clause_opener.search(between))
            and rules.list_follower.match(text, last.end) is not None)


def _windows(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged stretches of text around the currency tokens, begun at a space."""
    spans: list[list[int]] = []
    for token_start, token_end in tokens:
        start = max(0, token_start - _BEFORE)
        space = text.rfind(" ", max(0, start - _BEFORE), start)
        start = space if space >= 0 else start
        end = min(len(text), token_end + _AFTER)
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
        item = _parse_item(match, rules)
        if item is None or _counted(text, match.end(), item, rules):
            previous_end = None
            continue
        gap = None if previous_end is None else rules.gap.fullmatch(text, previous_end, match.start("mention"))
        if gap is not None and gap.group("connector"):
            # ", and" closes a list ("250, 400, and 600 euros"), else starts a clause
            runs[-1].append(_joined(item, ("," if gap.group("after_comma") else "") + gap.group("connector").lower()))
        elif gap is not None:
            runs[-1].append(_joined(item, "comma" if gap.group("comma") else "bracket"))
        elif previous_end is not None and _cents_of(runs[-1][-1], item) and not text[previous_end:item.start].strip():
            runs[-1].append(_joined(item, "cents"))  # "5 CAD 7 cents"
        elif previous_end is not None and _juxtaposed(runs[-1][-1], item, text[previous_end:item.start]):
            runs[-1].append(_joined(item, "bracket"))
        else:
            runs.append([item])
        previous_end = match.end()
    return [part for run in runs for part in _split_loose_commas(run, rules.lang)]


def _joined(item: _Item, gap: str, end: int | None = None) -> _Item:
    return _Item(item.start, item.end if end is None else end, item.number, item.scale, item.sense, item.sense_at,
                 item.qualifier, item.written, gap)


def _juxtaposed(before: _Item, after: _Item, between: str) -> bool:
    """"EUR 0.2 1.3 million": a comparison whose brackets tokenization lost."""
    return (between == " " and before.sense is not None and before.scale is None and before.fractional
            and after.sense is None and after.scale is not None and after.fractional)


def _cents_of(whole: _Item, cents: _Item) -> bool:
    """Whether `cents` are the hundredths of the whole amount before it ("3 Euro und 20 Cent")."""
    return (whole.sense is not None and whole.sense.factor == 1 and whole.scale is None
            and cents.sense is not None and cents.sense.factor == CENT and cents.scale is None
            and whole.number == whole.number.to_integral() and cents.number in _HUNDREDTHS
            and any(cents.sense.hundredth_of(code) for code in whole.sense.codes))


def _with_cents(run: list[_Item], lang: Language) -> list[_Item]:
    """The run with each whole amount and its hundredths after it as one item."""
    merged: list[_Item] = []
    for item in run:
        before = merged[-1] if merged else None
        if before is not None and (item.gap in lang.list_conjunctions or item.gap == "cents") and _cents_of(before, item):
            merged[-1] = _Item(before.start, item.end, before.number + item.number / 100, None, before.sense,
                               before.sense_at, before.qualifier, before.written, before.gap)
        else:
            merged.append(item)
    return merged


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


def _counted(text: str, end: int, item: _Item, rules: Grammar) -> bool:
    """A bare number before a percent sign or a word that joins it to no
    other amount is a percentage or a count ("20 Prozent", "250 ATP-Punkte",
    "12 is the count"), and shares no currency."""
    if item.sense is not None or item.scale is not None:
        return False
    follower = rules.follower.match(text, end)
    if follower is None:
        return False
    gap = rules.gap.match(text, end)
    return bool(follower.group("percent")) or gap is None or not gap.group("connector")


def _parse_item(match: re.Match, rules: Grammar) -> _Item | None:
    """The item of a match, or None when its digits or words are no number
    ("1.000,000.000") or a vague one ("mehrere hundert Euro"), a word currency stands before a bare
    integer ("Euro 2016", "Euro 5"), or the currency word is a weight or a
    name here ("750 Pfund Benzin")."""
    lang = rules.lang
    scale_word = match.group("scale") or match.group("scale_after")
    scale = lang.scales[scale_word] if scale_word else None
    written = match.group("digits") or match.group("words")
    group = next((g for g in ("code_after", "code_before", "prefix", "suffix", "glued") if match.group(g)
                  and (g not in ("code_after", "code_before") or _refines(match, lang))), None)
    token = _token(match.group(group), lang) if group else None
    sense = lexicon(lang)[token] if token is not None else None
    if match.group("digits"):
        number = parse_digits(written, lang, before_scale=scale is not None,
                              grouping=_grouping(sense, token) if sense is not None else "")
        if number is None:
            return None
    else:
        number = parse_words(written, lang)
        vague = rules.vague and rules.vague.search(match.string, max(0, match.start() - 30), match.start("words"))
        if number is None or vague:
            return None
    if match.group("hundredths"):
        cents = re.search(r"(\d+)/", match.group("hundredths"))
        number += Decimal(cents.group(1)) / 100 if cents else 0
    end = match.end("mention")
    if match.group("minor"):  # "12 Euro 50": the hundredths after a whole amount
        if sense is not None and sense.in_hundredths and number == number.to_integral():
            number += Decimal(match.group("minor")) / 100
        else:
            end = match.end("suffix")
    if match.group("sign") in ("-", "−") or match.group("negative"):
        number = -number
    sense_at = -1
    if sense is not None:
        sense_at = match.start(group)
        if token in rules.not_money and rules.not_money[token].match(match.string, match.end(group)):
            return None
        prefix = match.group("prefix")
        spaced = match.string[match.end("prefix"):match.end("prefix") + 1].isspace()
        if prefix and spaced and not symbol_like(prefix) and scale is None and not _SEPARATED.search(written):
            return None
        if sense.scale:
            scale = (scale or 0) + sense.scale
    return _Item(match.start("mention"), end, number, scale, sense,
                 sense_at, match.group("qualifier"), written)


def _token(written: str, lang: Language) -> str:
    """The lexicon's token of a currency as the grammar matched it ("( EUR )": EUR)."""
    return written if written in lexicon(lang) else written.strip("( )")


@cache
def _grouping(sense: Sense, token: str) -> str:
    """The marks that group the three digits after them for a currency as
    written: either, for one counted in whole units only ("¥1,000" is a
    thousand yen); for a symbol or code, the mark its home countries do not
    write as decimal point ("₹1,499", "Rs. 1,499": India groups with
    commas), whatever the text's language. None for a currency word ("1,125
    Dollar" is a German exchange rate) or one whose countries differ (EUR)."""
    if sense.factor == 1 and all(get_currency_precision(code) == 0 for code in sense.codes):
        return ".,"
    decimals = {home_decimal(code) for code in sense.codes}
    if not symbol_like(token) or len(decimals) != 1 or None in decimals:
        return ""
    return {".": ",", ",": "."}.get(decimals.pop(), "")


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


def _money(text: str, run: list[_Item], lang: Language, resolver: Resolver, lent: _Item | None) -> list[Money]:
    """Money for each item of a run that has or shares a currency.

    An item without a currency takes that of the nearest item after it that
    has one, else before it ("20 bis 30 Mrd. Euro", "USD 10-15mn"), else the
    one `lent` by the list the run continues (see _continues), but not
    from inside a bracket it does not stand in ("27.6m ($34.1 million)" is a
    conversion whose currency was lost). An item without a scale word takes
    the scale of the nearest item that has a scale or a currency, when the
    numbers are of the same order; a priced item takes it from an unpriced
    item ("EUR 105.8 ( 83.4 ) million") or from a priced one of the same
    currency within a factor of ten ("$10.6-$10.8 billion", "to EUR 103.4 mn
    from EUR 23.2").
    """
    run = _with_cents(run, lang)
    currency_donor = _nearest(run, lambda o: o.sense is not None)
    scale_donor_bare = _nearest(run, lambda o: o.scale is not None or o.sense is not None)
    scale_donor_priced = _nearest(run, lambda o: o.scale is not None and (o.sense is None or o.sense.prefix))
    found = []
    for index, item in enumerate(run):
        donor = item if item.sense else run[currency_donor[index]] if currency_donor[index] is not None else lent
        if donor is None or item.year_like or _bracketed(text, item, donor):
            continue
        sense = donor.sense
        scale = item.scale
        if scale is None:
            source = (scale_donor_priced if item.sense else scale_donor_bare)[index]
            if source is not None and _scales(item, run[source]):
                scale = run[source].scale
        code = _hundredths_code(run, sense) or resolver.code(sense, donor.sense_at)
        resolver.record(code)
        found.append(Money(value=canonical(item.number.scaleb(scale or 0) * sense.factor), currency=code,
                           start=item.start, end=item.end, text=text[item.start:item.end],
                           qualifier=item.qualifier, lang=lang.code))
    return found


def _hundredths_code(run: list[_Item], sense: Sense) -> str | None:
    """Hundredths beside an amount of one of their currencies are its
    hundredths ("fell 3¢ to AU$3.41")."""
    if sense.factor != CENT or not sense.ambiguous:
        return None
    return next((o.sense.codes[0] for o in run if o.sense and o.sense.factor == 1 and not o.sense.ambiguous
                 and sense.hundredth_of(o.sense.codes[0])), None)


def _bracketed(text: str, item: _Item, donor: _Item) -> bool:
    """Whether the donor's currency stands in a bracket opened after the item."""
    if donor.sense_at < item.end:
        return False
    between = text[item.end:donor.sense_at]
    return between.rfind("(") > between.rfind(")")


def _scales(item: _Item, source: _Item) -> bool:
    """Whether `item`, without a scale word, takes that of `source`."""
    if source.scale is None:
        return False
    if item.sense is None or source.sense is None:
        return _same_order(item.number, source.number)
    return source.sense == item.sense and _same_order(item.number, source.number, Decimal(10))


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


def _same_order(number: Decimal, other: Decimal, factor: Decimal = _SAME_ORDER) -> bool:
    if not number or not other:
        return False
    return 1 / factor <= abs(number / other) <= factor
