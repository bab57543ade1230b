"""Properties of find_money on any input: no exception, spans that index the
input, finite exact values, ISO codes, on random and adversarial text."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from parsers import find_events, find_money
from parsers.events.kinds import KINDS
from parsers.events.periods import Period
from parsers.languages import available_languages

from .vocabulary import tokens

MONEYISH = st.lists(st.sampled_from(
    list("0123456789.,'-−() €$£:/\n") + ["Mio.", "Mrd.", "Euro", "EUR", "USD", "Dollar", "bn", "m", "k",
                                        "million", "bis", "und", "to", "rund", "minus", "Cent", "Kronen",
                                        "fünf", "eine", "halben", "Milliarde", "a", "half", "x20ac", "& euro ;",
                                        "US", "(2014: ", "negative", "per cent", "Prozent", "Gewinn", "loss",
                                        "Umsatz", "Kredit", "von", "auf", "from", " . ", "Microsoft", "die",
                                        "OpenAI", "Q3 2010", "im Vorjahr", "erwartet", "will", "AG"]),
                   max_size=120).map("".join)


def check(text: str, lang: str | None) -> None:
    previous_end = 0
    for m in find_money(text, lang):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end, "mentions overlap or are out of order"
        previous_end = m.end
        assert isinstance(m.value, Decimal) and m.value.is_finite()
        assert len(m.currency) == 3 and m.currency.isupper()


def check_events(text: str, lang: str | None) -> None:
    for e in find_events(text, lang):
        assert e.kind in KINDS and e.status in ("actual", "expected", "planned")
        assert e.value > 0 and len(e.currency) == 3
        assert e.period is None or Period.from_label(e.period) is not None, e.period  # what the schema takes
        assert text[e.start:e.end] == e.sentence
        assert all(text[m.start:m.end] == m.text and e.start <= m.start < e.end for m in e.mentions)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500), st.sampled_from([None, *available_languages()]))
def test_any_text(text, lang):
    check(text, lang)
    check_events(text, lang)


@settings(max_examples=500, deadline=None)
@given(MONEYISH, st.sampled_from([None, *available_languages()]))
def test_money_like_text(text, lang):
    check(text, lang)
    check_events(text, lang)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(tokens()), max_size=80).map("".join), st.sampled_from([None, *available_languages()]))
def test_text_of_every_languages_vocabulary_at_once(text, lang):
    """Separators, scale words and currency tokens of all tables mixed, with
    Unicode digits and spaces (bench/fuzz.py runs 100,000 such strings)."""
    check(text, lang)
    check_events(text, lang)


# Adversarial runs of digits, separators, scale words and currencies (bench/linearity.py times them).
ADVERSARIAL = [
    "1" * 997, "1.000." * 50, "1,5 Mio. Euro ", "Euro ", "5 und " * 40 + "Euro ", "1 " * 50,
    ". , ", "Mrd. bn m k ", "EUR", "$" * 50 + "1" * 40, "5 Kronen ", "5 Cent ", " " * 400 + "Euro",
    "€1", "(2014: " * 20 + "4 Euro", "-" * 80 + "5 Euro", "eine halbe " * 30 + "Euro ",
    "EUR 1 1.1 " * 20 + "million ", "20 bis " * 30 + "30 Mrd. Euro "]


@pytest.mark.parametrize("lang", available_languages())
@pytest.mark.parametrize("pattern", ADVERSARIAL)
def test_adversarial_input_keeps_the_properties(pattern, lang):
    """32 KB of each adversarial run: mentions in order, spans that index
    the text, exact values (how the time grows is bench/linearity.py's)."""
    check((pattern * (32_768 // len(pattern) + 1))[:32_768], lang)
