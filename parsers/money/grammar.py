"""The regular expressions of one language, compiled from its table.

An *item* is one amount with what is written around it: an optional
qualifier, negative word and prefix currency, the number (digits or words),
and an optional scale word and suffix currency:

    rund | negative | EUR | -13,75 | Milliarden | Dollar

A *gap* joins two items that share a currency or scale: a connector
(`20 bis 30 Mrd. Euro`), a list comma (`250, 400 und 600 Euro`) or an opened
bracket of a comparison (`6,31 (2014: 4,86) Millionen Euro`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterable

from ..languages import Language
from ..wordlists import alternation
from .currencies import lexicon

NOT_AFTER_LETTER = r"(?<![^\W\d_])"
# Space between the parts of an amount, as web text also writes it ("$3&nbsp;billion").
SPACE = r"(?:\s|&nbsp;)"
# A token starts a word, or is a symbol that may follow anything ("USD$99").
TOKEN_START = r"(?:(?<![^\W\d_])|(?![\w\s]))"
NOT_BEFORE_LETTER = r"(?![^\W\d_])"


def _with_capitals(words: Iterable[str]) -> set[str]:
    """The words as listed and with a capital first letter (sentence start)."""
    words = set(words)
    return words | {w[0].upper() + w[1:] for w in words}


@dataclass(frozen=True, eq=False)
class Grammar:
    lang: Language
    anchor: re.Pattern  # any currency token: where money can be
    item: re.Pattern
    gap: re.Pattern


def _digits(lang: Language) -> str:
    """A number in digits, of money's length (no megabyte digit runs)."""
    infix = f"(?:{alternation(lang.number_infixes)})?" if lang.number_infixes else ""
    grouped = r"\d{1,3}(?:(?:[.,'’\u00a0\u202f]|\ (?=\d{3}(?!\d)))\d{3}){1,6}(?:[.,]\d{1,6})?"
    # "EUR74 .8 m", "EUR416 ,000": tokenization put a space before the mark.
    plain = rf"\d{{1,15}}{infix}(?:\ ?[.,]\d{{1,6}})?"
    return rf"(?<![\d.,])(?:{grouped}|{plain})(?![\d])"


def _words(lang: Language, scale: str, currency: str) -> str:
    morpheme = alternation(lang.morphemes)
    joiner = f"(?:{alternation(lang.joiners)})?" if lang.joiners else ""
    cardinal = f"{morpheme}(?:{joiner}{morpheme})*(?:{re.escape(lang.half_suffix)})?"
    choices = []
    if lang.scale_only_words:
        choices.append(f"(?:{alternation(lang.scale_only_words)})(?=\\s+{scale})")
    if lang.unit_only_words:
        choices.append(f"(?:{alternation(lang.unit_only_words)})(?=\\s+(?:{scale}|{currency}))")
    choices.append(alternation(set(lang.number_extra) - lang.scale_only_words - lang.unit_only_words))
    # a cardinal that is also a listed word follows that word's rule
    choices.append(f"(?!(?:{alternation(lang.number_extra)}){NOT_BEFORE_LETTER}){cardinal}")
    return f"{NOT_AFTER_LETTER}(?i:{'|'.join(choices)}){NOT_BEFORE_LETTER}"


@cache
def grammar(lang: Language) -> Grammar:
    tokens = lexicon(lang)
    currency = alternation(tokens)
    prefix = alternation(t for t, sense in tokens.items() if sense.prefix)
    codes = alternation(t for t in tokens if re.fullmatch(r"[A-Z]{3}", t))
    scale = rf"(?:{alternation(lang.scales)})(?![^\W\d_])"
    qualifier = alternation(_with_capitals(lang.qualifiers))
    negative = alternation(_with_capitals(lang.negative))
    banknote = alternation(lang.banknotes)
    suffix = (rf"{TOKEN_START}(?:{currency}){NOT_BEFORE_LETTER}"
              # "Euro-Zone" is no money, "500-Euro-Schein" is
              rf"(?!-(?!(?:{banknote}){NOT_BEFORE_LETTER})[^\W\d_])")
    item = rf"""
        (?:{NOT_AFTER_LETTER}(?P<qualifier>{qualifier})\s+)?
        (?P<mention>
          (?:{NOT_AFTER_LETTER}(?P<negative>{negative})\s+)?
          (?:{NOT_AFTER_LETTER}(?P<code_before>{codes})\s*(?=[^\w\s]))?  # "AUD $95", "USD$99"
          (?:(?P<prefix>\(\s*{prefix}\s*\)|{TOKEN_START}(?:{prefix})
                       |{TOKEN_START}(?:{currency})(?=\d)){SPACE}*)?  # "euro26 million"
          (?P<sign>(?<![\w.,])[-−](?=\d))?
          (?:(?P<digits>{_digits(lang)})|(?P<words>{_words(lang, scale, currency)}))
          (?!\s*:)                                   # a label: "(2014: 4,86)"
          (?:\s*\)(?=\s*(?:{scale}|{suffix})))?      # "(2014: 4,86) Millionen Euro"
          (?:{SPACE}*(?P<scale>{scale}))?
          (?(prefix)  # one currency per item; a code after a symbol refines it: "$299CAD"
             (?:\s*[(\[]?\s*(?P<code_after>{codes})(?:\s*[)\]])?(?!\s*(?:[-−]?\d|[^\w\s(\[)\]])))?
            |(?:{SPACE}*-?{SPACE}*(?P<suffix>{suffix}))?)
        )"""
    labels = alternation(_with_capitals(lang.comparison_labels))
    gap = rf"""\s*(?:
          (?P<after_comma>,)?\s*(?P<connector>{alternation(lang.connectors)})
        | \(\s*(?:(?:\d{{4}}|{labels})\s*:?)?
        | (?P<comma>,)
        )\s*(?:{qualifier}\s+)?"""
    return Grammar(
        lang=lang,
        anchor=re.compile(rf"{TOKEN_START}(?:{currency}){NOT_BEFORE_LETTER}"),
        item=re.compile(item, re.VERBOSE),
        gap=re.compile(gap, re.VERBOSE),
    )
