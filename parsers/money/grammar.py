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

import ahocorasick_rs

from ..languages import Language
from ..wordlists import NEVER, alternation
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
    anchor: ahocorasick_rs.AhoCorasick  # every currency token, a glued one with each digit before it
    glued_keys: frozenset[int]  # the anchor's key numbers of glued tokens
    item: re.Pattern
    gap: re.Pattern
    vague: re.Pattern | None  # before a number word, makes it vague ("mehrere hundert Euro")
    not_money: dict[str, re.Pattern]  # currency token -> what after it makes it no money ("23 pounds of")
    follower: re.Pattern  # what after a bare number makes it a count or a percentage
    clause_opener: re.Pattern | None  # a new clause: a list's currency does not reach past it ("davon")
    list_follower: re.Pattern  # what may follow a scaled amount that takes a list's currency


def _digits(lang: Language) -> str:
    """A number in digits, of money's length (no megabyte digit runs)."""
    infix = f"(?:{alternation(lang.number_infixes)}(?=\\ ?[.,]\\d))?" if lang.number_infixes else ""
    decimal = re.escape(lang.decimal_symbol)
    # "2.415, 50 €", "$89. 95": a space after the decimal mark before the cents; "100,- €": the cents a dash
    split = rf"{decimal}\ \d{{2}}(?!\d|[.,]\d)"  # only the language's decimal mark: "29, 49" is a list
    dash = rf"{decimal}[-–]{{1,2}}(?![\d–-])"
    cents = rf"(?:[.,]\d{{1,6}}|{split}|{dash})"
    grouped = rf"\d{{1,3}}(?:(?:[.,'’\u00a0\u202f]|\ (?=\d{{3}}(?!\d)))\d{{3}}){{1,6}}{cents}?"
    # "EUR74 .8 m", "EUR416 ,000": tokenization put a space before the mark.
    plain = rf"\d{{1,15}}{infix}(?:\ ?[.,]\d{{1,6}}|{split}|{dash})?"
    fraction = r"(?<![^\W_])[.,]\d{2}(?!\d|[.,]\d)"  # "$.99", ".50 €"
    return rf"(?<![\d.,])(?:{grouped}|{plain}|{fraction})(?![\d])"


def _words(lang: Language, scale: str, currency: str) -> str:
    morpheme = alternation(lang.morphemes)
    joiner = f"(?:{alternation(lang.joiners)})?" if lang.joiners else ""
    cardinal = f"{morpheme}(?:{joiner}{morpheme})*(?:{re.escape(lang.half_suffix)})?"
    choices = []
    if lang.scale_only_words:
        choices.append(f"(?:{alternation(lang.scale_only_words)})(?=(?:\\s+|-){scale})")
    if lang.unit_only_words:
        choices.append(f"(?:{alternation(lang.unit_only_words)})(?=(?:\\s+|-)(?:{scale}|{currency}))")
    choices.append(alternation(set(lang.number_extra) - lang.scale_only_words - lang.unit_only_words))
    # a cardinal that is also a listed word follows that word's rule
    choices.append(f"(?!(?:{alternation(lang.number_extra)}){NOT_BEFORE_LETTER}){cardinal}")
    return f"{NOT_AFTER_LETTER}(?i:{'|'.join(choices)}){NOT_BEFORE_LETTER}"


def _automaton(tokens) -> tuple[ahocorasick_rs.AhoCorasick, frozenset[int]]:
    """The anchor automaton and its keys that are glued tokens. A glued
    token is keyed with each digit before it: as letters ("c", "p") it would
    otherwise be reported at each of their thousands of occurrences."""
    keys, glued = [], set()
    for token, sense in tokens.items():
        if sense.glued:
            glued.update(range(len(keys), len(keys) + 10))
            keys.extend(digit + token for digit in "0123456789")
        else:
            keys.append(token)
    return ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard), frozenset(glued)


def anchors(text: str, rules: Grammar) -> list[tuple[int, int]]:
    """(start, end) of every currency token of the text where it can stand,
    by end: starting a word or as a symbol, a word not inside a word
    ("Europa"); a glued token right after digits and not before a letter
    ("15p", not "4.10p.m.")."""
    found = []
    last = len(text) - 1
    for key, start, end in rules.anchor.find_matches_as_indexes(text, overlapping=True):
        after = text[end] if end <= last else " "
        if _letter(after) and _letter(text[end - 1]):
            continue
        if key in rules.glued_keys:
            if not (after == "." and end < last and _letter(text[end + 1])):
                found.append((start + 1, end))
            continue
        before = text[start - 1] if start else " "
        if not _letter(before) or not (text[start].isalnum() or text[start].isspace()):
            found.append((start, end))
    return found


def _letter(char: str) -> bool:
    """What `[^\\W\\d_]` matches (`\\d` is a decimal digit)."""
    return char.isalnum() and not char.isdecimal() and char != "_"


@cache
def grammar(lang: Language) -> Grammar:
    tokens = lexicon(lang)
    anchor, glued_keys = _automaton(tokens)
    currency = alternation(t for t, sense in tokens.items() if not sense.glued)
    # "15p", "20c": only right after the digits, and not "4.10p.m."
    glued = rf"(?<=\d)(?:{alternation(t for t, sense in tokens.items() if sense.glued)})(?!\.?[^\W\d_])"
    prefix = alternation(t for t, sense in tokens.items() if sense.prefix)
    # in brackets only a symbol ("( x20ac ) 16.66"), not a code ("(ESP) 271 Schläge")
    bracketed = alternation(t for t, sense in tokens.items() if sense.prefix and not re.fullmatch(r"[A-Z]{3}", t))
    codes = alternation(t for t in tokens if re.fullmatch(r"[A-Z]{3}", t))
    scale = rf"(?:{alternation(lang.scales)})(?![^\W\d_])"
    qualifier = alternation(_with_capitals(lang.qualifiers))
    negative = alternation(_with_capitals(lang.negative))
    banknote = alternation(lang.banknotes)
    # a word token ends before a letter; a symbol may touch one ("184,20 €HT")
    token = rf"{TOKEN_START}(?:{currency})(?:(?<![^\W\d_])|{NOT_BEFORE_LETTER})"
    # "19 Euro-Staaten" is no money, "500 Euro-Scheine" and "300-Euro-Marke" are
    suffix = rf"{token}(?(hyphen)|(?!-(?!(?:{banknote}){NOT_BEFORE_LETTER})[^\W\d_]))"
    # "Twenty Thousand and NO/100 Dollars": hundredths of a legal amount
    hundredths = rf"(?:\s+(?P<hundredths>{lang.hundredths or NEVER}))?"
    item = rf"""
        (?:{NOT_AFTER_LETTER}|(?=\d)|(?![\w\s]))  # not inside a word: one cheap test for most of a text
        (?:{NOT_AFTER_LETTER}(?P<qualifier>{qualifier})\s+)?
        (?P<mention>
          (?:{NOT_AFTER_LETTER}(?P<negative>{negative})\s+)?
          (?:{NOT_AFTER_LETTER}(?P<code_before>{codes})\s*(?=[^\w\s]))?  # "AUD $95", "USD$99"
          (?:(?P<prefix>\(\s*(?:{bracketed})\s*\)|{TOKEN_START}(?:{prefix})
                       |{TOKEN_START}(?:{currency})(?=\d))(?:{SPACE}*:)?{SPACE}*)?  # "euro26 million", "US$:9.99"
          (?P<sign>(?<![\w.,])[-−+](?=\d))?
          (?:(?P<digits>{_digits(lang)})|(?P<words>{_words(lang, scale, currency)}))
          {hundredths}
          (?!\s*:|(?!{scale}|{token}|{glued})[^\W\d_])  # a label: "(2014: 4,86)"; a ticker: "NOK1V"
          (?:\s*\)(?=\s*(?:{scale}|{token})))?      # "(2014: 4,86) Millionen Euro"
          (?:\+?(?:{SPACE}*|-)(?P<scale>{scale}))?       # "$20-billion", "$50+ billion"
          (?(prefix)  # one currency per item; a code after a symbol refines it: "$299CAD"
             (?:\s*[(\[]?\s*(?P<code_after>{codes})(?:\s*[)\]])?(?!\s*(?:[-−]?\d|[^\w\s(\[)\]])))?
            |(?:(?P<glued>{glued})|{SPACE}*(?P<hyphen>-)?{SPACE}*(?P<suffix>{suffix})
                (?(scale)|(?:{SPACE}+(?P<scale_after>{scale})  # "40 USD million"
                             |\ (?P<minor>\d{{2}})(?![\d.,]?\d)(?=\s*(?:[.,;:!?)\]]|$)))?))?)  # "12 Euro 50."
        )"""
    labels = alternation(_with_capitals(lang.comparison_labels))
    gap = rf"""\s*(?:
          (?P<after_comma>,)?\s*(?P<connector>{alternation(lang.connectors)})
        | \(\s*(?:(?:\d{{4}}|{labels})\s*:?)?
        | (?P<comma>,)
        )\s*(?:{qualifier}\s+)?"""
    return Grammar(
        lang=lang,
        anchor=anchor,
        glued_keys=glued_keys,
        item=re.compile(item, re.VERBOSE),
        gap=re.compile(gap, re.VERBOSE),
        vague=re.compile(rf"{NOT_AFTER_LETTER}(?i:{alternation(lang.vague)})\s+\Z") if lang.vague else None,
        not_money={token: re.compile(after) for token, after in lang.not_money_after.items()},
        follower=re.compile(r"\s*(?:(?P<percent>%)|[^\W\d_])"),
        clause_opener=re.compile(rf"{NOT_AFTER_LETTER}(?:{alternation(lang.clause_openers)}){NOT_BEFORE_LETTER}")
        if lang.clause_openers else None,
        list_follower=re.compile(lang.list_followers),
    )
