"""Numerals -> exact Decimals: digit strings in the language's conventions,
and number words (cardinals via text2num, the rest from the language table)."""
from __future__ import annotations

import re
from decimal import Decimal

from price_parser.parser import parse_number
from text_to_num import text2num

from ..languages import Language


def decimal_separator(digits: str, lang: Language, before_scale: bool) -> str | None:
    """Which of `.`/`,` is the decimal point in `digits` (whitespace removed),
    or None when it has none.

    The last of two different marks is the decimal one (`1.500,75`,
    `1,500.75`); a repeated one groups (`45,031,513`). A single mark before
    any number of digits but three is decimal (German `1,5`, English `7,8
    million`). Before exactly three digits, the language's grouping mark
    groups (`5.000` in German, `EUR416 ,000` in English), and its decimal
    mark is decimal always (German `1,153 Milliarden`) or except before
    `000` without a scale word (English `EUR2 .769 bn` and `$3.299` a
    gallon, but `EUR 40.000` is forty thousand).

    >>> from parsers.languages import load_language
    >>> [decimal_separator(d, load_language("en"), False) for d in ("3.299", "40.000", "1,500.75", "45,031,513")]
    ['.', None, '.', None]
    """
    marks = re.findall(r"[.,]", digits)
    if not marks:
        return None
    last = marks[-1]
    if len(set(marks)) == 2:
        return last
    if len(marks) > 1:
        return None
    if len(digits.rsplit(last, 1)[1]) != 3:
        return last
    if last != lang.decimal_symbol:
        return None
    if lang.decimal_before_three_digits == "always" or before_scale:
        return last
    return None if digits.endswith("000") else last


def parse_digits(digits: str, lang: Language, before_scale: bool, grouping: str = "") -> Decimal | None:
    """`'1.500,75'` -> Decimal('1500.75') under German conventions; None for
    marks no convention reads (`'1.000,000.000'`). A mark of `grouping`
    (what the currency's own writing groups with, see find.py) before three
    digits groups them (`¥1,000`, `₹1,499`), unless a scale word follows
    (`SEK 6.745 bn`).

    >>> from parsers.languages import load_language
    >>> [parse_digits("1,000", load_language("de"), False, grouping) for grouping in ("", ",")]
    [Decimal('1.000'), Decimal('1000')]
    """
    compact = re.sub(r"[\s'’]|[.,][-–]+$", "", digits)  # "1'500": Swiss grouping
    for infix in lang.number_infixes:
        compact = compact.replace(infix, "")
    separator = decimal_separator(compact, lang, before_scale)
    if separator and separator in grouping and not before_scale and len(compact.rsplit(separator, 1)[1]) == 3:
        separator = None
    if separator is None:  # all marks group: name the other one as decimal point
        separator = "," if "." in compact else "."
    # price-parser drops the grouping marks once told the decimal point (its
    # number reader, without Price.fromstring's search for a price in a text)
    return parse_number(compact, decimal_separator=separator)


def parse_words(words: str, lang: Language) -> Decimal | None:
    """`'zweieinhalb'` -> Decimal('2.5'); None when the words are no number."""
    key = " ".join(words.lower().split())
    if key in lang.number_extra:
        return lang.number_extra[key]
    half = Decimal(0)
    if key.endswith(lang.half_suffix) and key != lang.half_suffix:
        key, half = key.removesuffix(lang.half_suffix), Decimal("0.5")
        if key in lang.number_extra:
            return lang.number_extra[key] + half
    try:
        return Decimal(text2num(key, lang.number_language)) + half
    except ValueError:
        return None
