"""The per-document record of `ledger extract --format jsonl`: the stable
form the project is judged by. One JSON object per document:

    {"doc": ID, "lang": "de", "mentions": [{"text", "value", "currency",
     "start", "end", "qualifier"}], "events": []}

`value` is a plain decimal string ("13750000000", "-700000", "0.12").
"""
from __future__ import annotations

from parsers import find_money
from parsers.detect import detect_language


def extract_record(doc: str, text: str, lang: str | None = None) -> dict:
    language = lang or detect_language(text)
    mentions = find_money(text, language)
    return {"doc": doc, "lang": language,
            "mentions": [m.as_record() for m in mentions],
            "events": []}
