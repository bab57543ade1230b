"""The per-document record of `ledger extract --format jsonl`: the stable
form the project is judged by. One JSON object per document:

    {"doc": ID, "lang": "de", "mentions": [{"text", "value", "currency",
     "start", "end", "qualifier"}], "events": [{"kind", "company",
     "counterparty", "value", "currency", "period", "status", "trigger",
     "mention": {"start", "end", "text"}, "sentence": {"start", "end"}}]}

`value` is a plain decimal string ("13750000000", "-700000", "0.12").
"""
from __future__ import annotations

from datetime import date

from parsers import detect_language, find_events, find_money


def extract_record(doc: str, text: str, lang: str | None = None, when: date | None = None) -> dict:
    language = lang or detect_language(text)
    mentions = find_money(text, language)
    events = find_events(text, language, when, mentions)
    return {"doc": doc, "lang": language,
            "mentions": [m.as_record() for m in mentions],
            "events": [e.as_record() for e in events]}
