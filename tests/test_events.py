"""find_events beyond the example corpora: provenance and relative times."""
from __future__ import annotations

from datetime import date

from parsers import find_events


def test_event_keeps_its_provenance():
    text = "Vorspann. Zusätzlich nahm OpenAI einen Kredit über weitere 4 Milliarden US-Dollar auf."
    (event,) = find_events(text, "de")
    assert text[event.start:event.end] == event.sentence
    assert event.sentence.startswith("Zusätzlich nahm OpenAI")
    (mention,) = event.mentions
    assert text[mention.start:mention.end] == "4 Milliarden US-Dollar"
    assert event.trigger == "Kredit"


def test_relative_period_from_the_document_date():
    (event,) = find_events("Die Porr AG meldete im Vorjahr einen Umsatz von 3 Mrd. Euro.", "de", date(2016, 3, 1))
    assert event.period == "2015"
