"""The ledger for notebooks: DataFrames from texts, files and ledger files.

    >>> import ledger
    >>> events = ledger.extract(["Microsoft investierte 13,75 Milliarden Dollar in OpenAI."])
    >>> events[["kind", "company", "counterparty", "amount", "currency"]].to_dict("records")[0]
    {'kind': 'investment', 'company': 'Microsoft', 'counterparty': 'OpenAI', 'amount': Decimal('13750000000.000000000'), 'currency': 'USD'}
    >>> ledger.summarize(events)[["company", "total"]].to_dict("records")
    [{'company': 'Microsoft', 'total': Decimal('13750000000.000000000')}]

Every function returns a typed DataFrame (the columns of ledger/schema.py):
`amount` is an exact Arrow decimal (sums stay exact) beside `amount_float`
for plots and describe(); kind, status and currency are categorical.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa

from parsers.events.kinds import KINDS
from parsers.records import extract as extract_document

from .documents import Document, DocumentError, Options, read_inputs
from .loading import load_ledger_file
from .schema import STATUSES, combined, from_events
from .totals import Selection, summarize as summary_of

AMOUNT = pd.ArrowDtype(pa.decimal128(38, 9))  # up to 10^29 with nine decimals: any amount of money


def extract(inputs: Iterable[str | Path], lang: str | None = None, date: date | None = None,
            errors: str = "raise", **options) -> pd.DataFrame:
    """One row per event of every input, provenance included. An input is a
    path (a `Path`, or a string naming an existing file or folder: read as
    `ledger extract` reads it, `options` as its corpus options such as
    text_column) or else a text. `errors="skip"` leaves out documents that
    cannot be read; by default the first raises ValueError."""
    parts = [from_events(result.events, document.doc, document.source, result.lang)
             for document, result in _extractions(inputs, lang, date, errors, options)]
    return typed(combined(parts))


def mentions(inputs: Iterable[str | Path], lang: str | None = None, errors: str = "raise",
             **options) -> pd.DataFrame:
    """One row per money mention of every input (doc, text, value, currency,
    qualifier, start, end, context); inputs as for extract."""
    rows = [row for document, result in _extractions(inputs, lang, None, errors, options)
            for row in result.mention_rows(document.text)]
    frame = pd.DataFrame(rows, columns=["doc", "text", "value", "currency", "qualifier", "start", "end", "context"])
    frame["value"] = frame["value"].astype(AMOUNT)
    frame["currency"] = frame["currency"].astype("category")
    return frame


def read(path: str | Path) -> pd.DataFrame:
    """The ledger of a ledger file: a database, a CSV or JSON Lines that
    `ledger extract` wrote, or a reviewer's workbook."""
    return typed(load_ledger_file(str(path)))


def summarize(df: pd.DataFrame, by: str = "company", currency: str | None = None,
              document_date: date | None = None, **filters) -> pd.DataFrame:
    """Totals per `by` (company, counterparty, kind or period), kind, status
    and currency, every amount converted to `currency` if given; `filters`
    are the fields of ledger.totals.Selection (kind, company, status,
    period, since, until)."""
    ledger = df.drop(columns=["amount_float"], errors="ignore").astype({"amount": object, "upper": object})
    ledger = ledger.astype({c: object for c in ("kind", "status", "currency")})
    table = summary_of(ledger, by, Selection(**filters), currency, document_date).table
    table["total"] = table["total"].astype(AMOUNT)
    return table


def typed(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger with Arrow-decimal amounts, a float copy for plots, and
    categorical kind, status and currency."""
    out = ledger.copy()
    out["amount"] = out["amount"].astype(AMOUNT)
    out["upper"] = out["upper"].astype(AMOUNT)
    out["amount_float"] = out["amount"].astype("float64")
    out["kind"] = pd.Categorical(out["kind"], categories=KINDS)
    out["status"] = pd.Categorical(out["status"], categories=STATUSES)
    out["currency"] = out["currency"].astype("category")
    return out


def _extractions(inputs, lang, when, errors, options):
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for number, item in enumerate(inputs):
        if isinstance(item, Path) or isinstance(item, str) and len(item) < 4096 and "\n" not in item \
                and Path(item).exists():
            documents = read_inputs([str(item)], Options(**options))
        else:
            documents = [Document(f"text-{number}", str(item), "<text>")]
        for document in documents:
            if isinstance(document, DocumentError):
                if errors == "raise":
                    raise ValueError(str(document))
                continue
            yield document, extract_document(document.doc, document.text, lang, when)
