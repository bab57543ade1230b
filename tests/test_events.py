"""find_events beyond the example corpora: provenance and relative times."""
from __future__ import annotations

from datetime import date

import pytest

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


@pytest.mark.parametrize("text, lang, lower, upper", [
    ("Die Porr AG erwartet für 2016 einen Umsatz zwischen 4,5 und 4,8 Mrd. Euro.", "de", "4500000000", "4800000000"),
    ("Die Strabag SE plant Investitionen von 3 bis 5 Mio. Euro in Wien.", "de", "3000000", "5000000"),
    ("Acme Corp expects a loss of $3-4bn in 2024.", "en", "3000000000", "4000000000"),
    ("Acme Corp expects revenue between $10 billion and $12 billion in 2025.", "en", "10000000000", "12000000000"),
])
def test_a_range_that_states_one_fact_is_one_event_at_its_lower_bound(text, lang, lower, upper):
    """GUIDELINES.md: two mentions, one event valued at the lower bound; the upper bound is kept."""
    (event,) = find_events(text, lang)
    assert (str(event.value), str(event.upper), len(event.mentions)) == (lower, upper, 2)
    assert event.as_record()["upper"] == upper


@pytest.mark.parametrize("text, lang, values", [
    # the size of the change is no figure of its own (as in every annotated "increased by")
    ("Net sales of Acme increased by EUR 3 mn to EUR 40 mn in 2009.", "en", ["40000000"]),
    ("Net sales of Acme increased from EUR 37 mn in 2008 to EUR 40 mn in 2009.", "en", ["37000000", "40000000"]),
    ("Der Umsatz der Porr AG stieg von 3 Mrd. Euro im Jahr 2014 auf 4 Mrd. Euro im Jahr 2015.", "de",
     ["3000000000", "4000000000"]),
    # GUIDELINES.md: the earlier figure without a period of its own is no event
    ("Der Umsatz der Porr AG stieg 2015 von 3 Mrd. Euro auf 4 Mrd. Euro.", "de", ["4000000000"]),
])
def test_a_change_is_no_range(text, lang, values):
    assert all(e.upper is None for e in find_events(text, lang))
    assert sorted(str(m.value) for e in find_events(text, lang) for m in e.mentions) == values


def test_an_events_qualifier_is_its_amounts():
    (event,) = find_events("Die Porr AG erzielte 2015 einen Umsatz von rund 3 Mrd. Euro.", "de")
    assert event.qualifier == "rund" and event.as_record()["qualifier"] == "rund"
