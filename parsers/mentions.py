"""find_money: every amount of money in a text, exact and with its span."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .currencies import Sense, lexicon, resolve, symbol_like
from .detect import detect_language
from .grammar import Grammar, grammar
from .languages import Language, load_language
from .money import Money
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
    [('13,75 Milliarden Dollar', '13750000000.00', 'USD')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_money needs a str, not {type(text).__name__}")
    language = load_language(lang or detect_language(text))
    rules = grammar(language)
    mentions: list[Money] = []
    for start, end in _windows(text, rules):
        for chain in _chains(text, start, end, rules):
            mentions.extend(_resolve_chain(text, chain, language, mentions))
    return mentions


def _windows(text: str, rules: Grammar) -> list[tuple[int, int]]:
    """Merged stretches of text around currency tokens, widened to whitespace."""
    spans: list[list[int]] = []
    for match in rules.anchor.finditer(text):
        start = max(0, match.start() - _BEFORE)
        if start:
            start = max(text.rfind(" ", 0, start), 0)
        end = min(len(text), match.end() + _AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(s, e) for s, e in spans]


def _chains(text: str, start: int, end: int, rules: Grammar) -> list[list[tuple[_Item, str]]]:
    """The items of a window, grouped into runs joined by gaps. Each item is
    paired with the gap before it: '' (first), 'comma', 'bracket' or the
    connector word."""
    chains: list[list[tuple[_Item, str]]] = []
    previous_end = None
    for match in rules.item.finditer(text, start, end):
        item = _parse_item(match, rules.lang)
        if item is None:
            previous_end = None
            continue
        gap = None
        if previous_end is not None:
            gap = rules.gap.fullmatch(text, previous_end, match.start("mention"))
        if gap is None and previous_end is not None and _juxtaposed(chains[-1][-1][0], item, text[previous_end:item.start]):
            chains[-1].append((item, "bracket"))
        elif gap is None:
            chains.append([(item, "")])
        elif gap.group("connector"):
            # ", and" closes a list ("250, 400, and 600 euros"), else starts a clause
            after_comma = "," if gap.group("after_comma") else ""
            chains[-1].append((item, after_comma + gap.group("connector").lower()))
        else:
            chains[-1].append((item, "comma" if gap.group("comma") else "bracket"))
        previous_end = match.end()
    return [part for chain in chains for part in _split_loose_commas(chain, rules.lang)]


def _juxtaposed(before: _Item, after: _Item, between: str) -> bool:
    """"EUR 0.2 1.3 million": a comparison whose brackets tokenization lost."""
    return (between == " " and before.sense is not None and before.scale is None and before.fractional
            and after.sense is None and after.scale is not None and after.fractional)


def _split_loose_commas(chain: list[tuple[_Item, str]], lang: Language) -> list[list[tuple[_Item, str]]]:
    """A comma joins items only in a list that a conjunction closes
    ("250, 400 und 600 Euro"); "im Jahr 2015, 500 Euro" is two runs, and so
    is "EUR 432mn, and 8.7 mn devices"."""
    parts: list[list[tuple[_Item, str]]] = [[]]
    for index, (item, gap) in enumerate(chain):
        if gap == "comma":
            closing = next((g for _, g in chain[index + 1:] if g != "comma"), "")
            if closing.lstrip(",") not in lang.list_conjunctions:
                parts.append([])
        elif gap.startswith(",") and (index < 2 or chain[index - 1][1] != "comma"):
            parts.append([])
        parts[-1].append((item, gap))
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
    tokens = lexicon(lang)
    group = next((g for g in ("code_after", "code_before", "prefix", "suffix") if match.group(g)), None)
    sense, sense_at = None, -1
    if group:
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


def _resolve_chain(text: str, chain: list[tuple[_Item, str]], lang: Language,
                   earlier: list[Money]) -> list[Money]:
    """Money for each item of a run that has or shares a currency.

    An item without a currency takes that of the nearest item after it that
    has one, else before it ("20 bis 30 Mrd. Euro", "USD 10-15mn"). An item
    without a scale word takes the scale of the nearest item that has a scale
    or a currency, when the numbers are of the same order.
    """
    items = [item for item, _ in chain]
    found = []
    for index, item in enumerate(items):
        neighbours = items[index + 1:] + items[:index][::-1]
        donor = item if item.sense else next((o for o in neighbours if o.sense), None)
        if donor is None or item.year_like:
            continue
        scale = item.scale
        if scale is None and not item.sense:
            scale_donor = next((o for o in neighbours if o.scale is not None or o.sense), None)
        elif scale is None:
            scale_donor = next((o for o in neighbours if o.scale is not None and not o.sense), None)
        else:
            scale_donor = None
        if scale_donor and scale_donor.scale is not None and _same_order(item.number, scale_donor.number):
            scale = scale_donor.scale
        code = resolve(donor.sense, text, donor.sense_at, lang,
                       [m.currency for m in earlier + found])
        value = item.number.scaleb(scale or 0) * donor.sense.factor
        found.append(Money(value=value, currency=code, start=item.start, end=item.end,
                           text=text[item.start:item.end], qualifier=item.qualifier,
                           lang=lang.code))
    return found


def _same_order(number: Decimal, other: Decimal) -> bool:
    if not number or not other:
        return False
    ratio = abs(number / other)
    return 1 / _SAME_ORDER <= ratio <= _SAME_ORDER
