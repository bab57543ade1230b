"""Extraction of one document, and its JSON Lines record: the stable form
the project is judged by. One JSON object per document:

    {"doc": ID, "lang": "de", "mentions": [{"text", "value", "currency",
     "start", "end", "qualifier"}], "events": [{"kind", "company",
     "counterparty", "value", "currency", "period", "status", "trigger",
     "mention": {"start", "end", "text"}, "sentence": {"start", "end"}}]}

`value` is a plain decimal string ("13750000000", "-700000", "0.12").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parsers import Event, Money, detect_language, find_events, find_money


@dataclass(frozen=True)
class Extraction:
    doc: str
    lang: str
    mentions: list[Money]
    events: list[Event]

    def record(self) -> dict:
        return {"doc": self.doc, "lang": self.lang,
                "mentions": [m.as_record() for m in self.mentions],
                "events": [e.as_record() for e in self.events]}


def extract(doc: str, text: str, lang: str | None = None, when: date | None = None) -> Extraction:
    language = lang or detect_language(text)
    mentions = find_money(text, language)
    return Extraction(doc, language, mentions, find_events(text, language, when, mentions))


def extract_record(doc: str, text: str, lang: str | None = None, when: date | None = None) -> dict:
    return extract(doc, text, lang, when).record()
