"""What the reviewer's workbook shows, gathered in one object: the ledger
(facts told by several documents merged), its totals, every money mention
and each source document (reports/excel.py writes it)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from parsers.events.kinds import KINDS

from .schema import CURRENCIES, STATUSES
from .totals import merge_facts, summarize

MENTION_COLUMNS = ("doc", "text", "value", "currency", "qualifier", "start", "end", "context")
SOURCE_COLUMNS = ("doc", "source", "lang", "mentions", "events", "error")


def source_row(doc: str, source: str, lang: str | None = None, mentions: int = 0, events: int = 0,
               error: str | None = None) -> dict:
    """One row of the Sources sheet: a document read, or one that could not be (`error`)."""
    return {"doc": doc, "source": source, "lang": lang, "mentions": mentions, "events": events, "error": error}


@dataclass(frozen=True)
class Review:
    ledger: pd.DataFrame
    summary: pd.DataFrame  # company, kind, currency, total, events: the Summary sheet's rows
    converted: pd.DataFrame | None  # the same in one currency, or None
    mentions: pd.DataFrame  # MENTION_COLUMNS
    sources: pd.DataFrame  # SOURCE_COLUMNS
    kinds: tuple[str, ...] = KINDS  # the dropdowns' values
    statuses: tuple[str, ...] = STATUSES
    currencies: tuple[str, ...] = tuple(sorted(CURRENCIES))


def review(ledger: pd.DataFrame, mentions: list[dict] = (), sources: list[dict] = (),
           currency: str | None = None, when: date | None = None) -> Review:
    """The Review of a ledger (totals converted to `currency` too, at rates of `when` if given)."""
    ledger = merge_facts(ledger)
    converted = summarize(ledger, currency=currency, document_date=when).table if currency else None
    return Review(ledger, summarize(ledger).table, converted,
                  pd.DataFrame(list(mentions), columns=list(MENTION_COLUMNS)),
                  pd.DataFrame(list(sources), columns=list(SOURCE_COLUMNS)))
