"""The event corpora tests/examples/events_<lang>.txt: every event of each
text, with every attribute, and nothing else."""
from __future__ import annotations

from decimal import Decimal

import pytest

from parsers import find_events
from parsers.events.kinds import KINDS
from parsers.examples import event

from .example_files import load

CASES = [pytest.param(lang, text, expected, id=f"{lang}: {text[:60]}")
         for lang in ("de", "en") for _, text, expected in load(f"events_{lang}.txt", event)]


@pytest.mark.parametrize("lang, text, expected", CASES)
def test_event_example(lang, text, expected):
    got = [{"kind": e.kind, "company": e.company, "counterparty": e.counterparty,
            "amount": f"{e.value} {e.currency}", "period": e.period, "status": e.status}
           for e in find_events(text, lang)]
    want = [e for e in expected if e is not None]
    for w in want:
        value, currency = w["amount"].split()
        w["amount"] = f"{Decimal(value)} {currency}"
    assert got == want


@pytest.mark.parametrize("lang", ["de", "en"])
def test_event_corpus_covers_every_kind_and_negatives(lang):
    examples = load(f"events_{lang}.txt", event)
    kinds = {e["kind"] for _, _, expected in examples for e in expected if e}
    assert kinds == set(KINDS)
    assert {e["status"] for _, _, expected in examples for e in expected if e} == {"actual", "expected", "planned"}
    assert sum(1 for _, _, expected in examples if expected == [None]) >= 6


def test_event_keeps_its_provenance():
    text = "Vorspann. Zusätzlich nahm OpenAI einen Kredit über weitere 4 Milliarden US-Dollar auf."
    (event,) = find_events(text, "de")
    assert text[event.start:event.end] == event.sentence
    assert event.sentence.startswith("Zusätzlich nahm OpenAI")
    (mention,) = event.mentions
    assert text[mention.start:mention.end] == "4 Milliarden US-Dollar"
    assert event.trigger == "Kredit"


def test_relative_period_from_the_document_date():
    from datetime import date
    (event,) = find_events("Die Porr AG meldete im Vorjahr einen Umsatz von 3 Mrd. Euro.", "de", date(2016, 3, 1))
    assert event.period == "2015"
