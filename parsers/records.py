"""Extraction of one document, and its JSON Lines record: the stable form
the project is judged by. One JSON object per document:

    {"doc": ID, "lang": "de", "mentions": [{"text", "value", "currency",
     "start", "end", "qualifier"}], "events": [{"kind", "company",
     "counterparty", "value", "currency", "period", "status", "trigger",
     "mention": {"start", "end", "text"}, "sentence": {"start", "end", "text"}}]}

`value` is a plain decimal string ("13750000000", "-700000", "0.12").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parsers import Event, Money, detect_language, find_events, find_money, plain_decimal

# Characters of text kept on each side of a mention for its context.
CONTEXT = 80


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

    def mention_rows(self, text: str) -> list[dict]:
        """Each mention with the text around it, for review (Mentions sheet)."""
        return [{"doc": self.doc, "text": m.text, "value": plain_decimal(m.value), "currency": m.currency,
                 "qualifier": m.qualifier, "start": m.start, "end": m.end,
                 "context": " ".join(text[max(0, m.start - CONTEXT):m.end + CONTEXT].split())}
                for m in self.mentions]


def extract(doc: str, text: str, lang: str | None = None, when: date | None = None) -> Extraction:
    language = lang or detect_language(text)
    mentions = find_money(text, language)
    return Extraction(doc, language, mentions, find_events(text, language, when, mentions))


def extract_record(doc: str, text: str, lang: str | None = None, when: date | None = None) -> dict:
    return extract(doc, text, lang, when).record()
