"""The example corpora of every language folder, one test per example
(parsers/lang/<code>/money.txt and events.txt): every mention found with its
exact span, value, currency and qualifier, every event with every
attribute, and nothing else."""
from __future__ import annotations

from decimal import Decimal

import pytest

from parsers import find_events, find_money
from parsers.events.kinds import KINDS

from .example_files import load, pairs


def check_money(lang: str, text: str, want: list[dict]) -> None:
    found = find_money(text, lang)
    got = [{"text": m.text, "value": m.value, "currency": m.currency, "qualifier": m.qualifier} for m in found]
    assert [g["text"] for g in got] == [w["text"] for w in want]
    for g, w in zip(got, want):
        assert g["value"] == Decimal(w["value"]), w["text"]
        assert g["currency"] == w["currency"], w["text"]
        assert g["qualifier"] == w["qualifier"], w["text"]
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.lang == lang


def check_events(lang: str, text: str, want: list[dict]) -> None:
    got = [{"kind": e.kind, "company": e.company, "counterparty": e.counterparty,
            "amount": f"{e.value} {e.currency}", "period": e.period, "status": e.status}
           for e in find_events(text, lang)]
    for w in want:
        value, currency = w["amount"].split()
        w["amount"] = f"{Decimal(value)} {currency}"
    assert got == want


CHECKS = {"money": check_money, "events": check_events}
CASES = [pytest.param(lang, corpus, text, expected, id=f"{lang} {corpus}: {text[:60]}")
         for lang, corpus in pairs() for _, text, expected in load(lang, corpus)]


@pytest.mark.parametrize("lang, corpus, text, expected", CASES)
def test_example(lang, corpus, text, expected):
    CHECKS[corpus](lang, text, [e for e in expected if e is not None])


@pytest.mark.parametrize("lang, corpus", pairs())
def test_every_corpus_has_negative_examples_and_sections(lang, corpus):
    examples = load(lang, corpus)
    assert sum(1 for _, _, expected in examples if expected == [None]) >= 6
    assert len({section for section, _, _ in examples}) >= 4


@pytest.mark.parametrize("lang", sorted({lang for lang, corpus in pairs() if corpus == "events"}))
def test_event_corpus_covers_every_kind_and_status(lang):
    expected = [e for _, _, events in load(lang, "events") for e in events if e]
    assert {e["kind"] for e in expected} == set(KINDS)
    assert {e["status"] for e in expected} == {"actual", "expected", "planned"}


def test_both_shipped_languages_have_both_corpora():
    assert {("de", "money"), ("de", "events"), ("en", "money"), ("en", "events")} <= set(pairs())
