"""The ledger: a pandas DataFrame with one row per fact, and its schema.

Columns (in this order):

| column        | dtype      | meaning                                                     |
|---------------|------------|-------------------------------------------------------------|
| id            | str        | stable id of the fact: kind, company, amount, currency, period |
| kind          | str        | investment, funding_round, acquisition, loan, contract, loss, profit, revenue, valuation, fine |
| company       | str / None | the party the row is about                                  |
| counterparty  | str / None | the other party                                             |
| amount        | Decimal    | exact, positive; floats never hold money here               |
| currency      | str        | ISO 4217 code                                               |
| period        | str / None | 2024, 2024-06, 2010-Q4, 2009-H1, 2007-9M, FY2005/06         |
| status        | str        | actual, expected, planned                                   |
| lang          | str        | language of the first source                                |
| doc           | str        | the first document that reported it                         |
| source        | str        | where that document came from (path, path:line, <stdin>)    |
| sentence      | str        | the sentence it was read from                               |
| span_start    | int        | the amount's span in that document                          |
| span_end      | int        |                                                             |
| extracted_at  | str        | when it was first extracted (ISO 8601, UTC)                 |
| sources       | str        | every document that reports the fact, one per line          |
| qualifier     | str / None | what the text says of the amount: rund, up to, mehr als      |
| upper         | Decimal / None | the upper bound when the fact is a range (amount: its lower) |

Amounts are `decimal.Decimal` objects (an object column): exact to the
cent and beyond, summed exactly; floats only for display and charts.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Callable

import pandas as pd
from babel.numbers import list_currencies

from parsers import Event
from parsers.events.kinds import KINDS, STATUSES
from parsers.events.periods import Period
from parsers.money import plain_decimal

COLUMNS = ("id", "kind", "company", "counterparty", "amount", "currency", "period", "status", "lang",
           "doc", "source", "sentence", "span_start", "span_end", "extracted_at", "sources", "qualifier", "upper")
# Columns a ledger written before they existed may lack: they read as empty.
OPTIONAL = frozenset({"id", "qualifier", "upper"})
# Legacy currencies the extractor reads (Schilling, D-Mark, markka) are ISO codes too.
CURRENCIES = frozenset(list_currencies())


class LedgerError(ValueError):
    """A ledger that breaks the schema; the message names the row and column."""


# Where a row and column of a ledger stand, for messages: ledger CSVs count
# data rows from 1 ("row 2, column amount"), workbooks name cells.
Locator = Callable[[int, str], str]


def by_row(index: int, column: str) -> str:
    return f"row {index + 1}, column {column}"


def fact_id(kind: str, company: str | None, amount: Decimal, currency: str, period: str | None) -> str:
    """The same fact from several documents has the same id."""
    key = "\x1f".join([kind, (company or "").casefold(), plain_decimal(amount), currency, period or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def from_events(events: list[Event], doc: str, source: str, lang: str,
                extracted_at: datetime | None = None) -> pd.DataFrame:
    """The ledger rows of one document's events."""
    when = (extracted_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    rows = [{
        "id": fact_id(e.kind, e.company, e.value, e.currency, e.period),
        "kind": e.kind, "company": e.company, "counterparty": e.counterparty, "amount": e.value,
        "currency": e.currency, "period": e.period, "status": e.status, "lang": lang,
        "doc": doc, "source": source, "sentence": e.sentence,
        "span_start": e.mentions[0].start, "span_end": e.mentions[0].end,
        "extracted_at": when, "sources": doc, "qualifier": e.qualifier, "upper": e.upper,
    } for e in events]
    return frame(rows)


def from_record(event: dict, doc: str, lang: str | None) -> dict:
    """The ledger row of one event of an extract record (parsers/records.py)."""
    amount = Decimal(event["value"])
    return {"id": fact_id(event["kind"], event["company"], amount, event["currency"], event["period"]),
            "kind": event["kind"], "company": event["company"], "counterparty": event["counterparty"],
            "amount": amount, "currency": event["currency"], "period": event["period"],
            "status": event["status"], "lang": lang, "doc": doc, "source": doc,
            "sentence": event["sentence"]["text"], "span_start": event["mention"]["start"],
            "span_end": event["mention"]["end"], "extracted_at": None, "sources": doc,
            "qualifier": event.get("qualifier"),
            "upper": Decimal(event["upper"]) if event.get("upper") is not None else None}


def missing(value) -> bool:
    """An empty cell: None, pandas' NA, or a float NaN."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def frame(rows: list[dict]) -> pd.DataFrame:
    """A ledger DataFrame of row dicts that have the schema's columns (the
    optional ones may be absent): missing values are None, never NaN."""
    # built column by column: pandas' where() over a small frame costs more than the rows
    data = {name: [None if missing(value := row.get(name)) else value for row in rows] for name in COLUMNS}
    df = pd.DataFrame(data, columns=list(COLUMNS), dtype=object)
    return df.astype({"span_start": "int64", "span_end": "int64"}) if len(df) else df


def combined(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """One ledger of several, indexed from 0; the empty ledger of none."""
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else frame([])


def validate(df: pd.DataFrame, where: str = "ledger", locate: Locator = by_row) -> pd.DataFrame:
    """The ledger with amounts as Decimals, spans as ints and each row's id
    computed from its fact (an `id` column may be absent), or LedgerError
    naming the first bad row and column (by `locate`: data rows counted
    from 1 below the header, unless told otherwise)."""
    absent = [c for c in COLUMNS if c not in df.columns and c not in OPTIONAL]
    if absent:
        raise LedgerError(f"{where}: missing column(s): {', '.join(absent)}")
    rows = []
    for index, record in enumerate(df.reindex(columns=list(COLUMNS)).to_dict("records")):
        row = {name: None if missing(value) else value for name, value in record.items()}

        def bad(column: str, problem: str) -> LedgerError:
            return LedgerError(f"{where}: {locate(index, column)}: {problem}")  # noqa: B023 - raised at once

        row["amount"] = _decimal(row["amount"], lambda p: bad("amount", p))
        row["upper"] = (None if row["upper"] is None or str(row["upper"]).strip() == "" else
                        _decimal(row["upper"], lambda p: bad("upper", p)))
        if row["kind"] not in KINDS:
            raise bad("kind", f"unknown kind {row['kind']!r} (one of {', '.join(KINDS)})")
        if row["currency"] not in CURRENCIES:
            raise bad("currency", f"unknown currency {row['currency']!r} (an ISO 4217 code such as EUR)")
        if row["status"] not in STATUSES:
            raise bad("status", f"unknown status {row['status']!r} (one of {', '.join(STATUSES)})")
        if row["period"] is not None and Period.from_label(str(row["period"])) is None:
            raise bad("period", f"not a period {row['period']!r} (such as 2024, 2024-06, 2010-Q4, FY2005/06)")
        for column in ("company", "counterparty", "period", "doc", "source", "sentence", "sources", "qualifier"):
            row[column] = None if row[column] is None else str(row[column])
        # the id follows the fact: a reviewer's fix of company, amount or period makes it another one
        row["id"] = fact_id(row["kind"], row["company"], row["amount"], row["currency"], row["period"])
        row["span_start"] = _int(row["span_start"], lambda p: bad("span_start", p))
        row["span_end"] = _int(row["span_end"], lambda p: bad("span_end", p))
        rows.append(row)
    return frame(rows)


# What an amount may hold, as the exact Arrow type of ledger.api does (decimal128(38, 9)):
# checked on the text and the exponent before any digits are written out ("1e100000000").
AMOUNT_DIGITS, AMOUNT_DECIMALS, _AMOUNT_TEXT = 29, 9, 64


def parse_amount(value) -> Decimal:
    """An amount cell as an exact, finite, positive Decimal of at most 29
    digits before the point and 9 after; ValueError saying what is wrong.

    >>> parse_amount(" 13750000000 "), parse_amount(4500)
    (Decimal('13750000000'), Decimal('4500'))
    >>> parse_amount("1e100000000")
    Traceback (most recent call last):
    ValueError: too large an amount: '1e100000000' (at most 29 digits before the point)
    """
    if isinstance(value, float):
        raise ValueError(f"{value!r} is a float; amounts are exact decimals")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("the amount is empty")
    if isinstance(value, bool):  # a workbook's TRUE
        raise ValueError(f"not an amount: {str(value).upper()!r}")
    text = str(value).strip()
    shown = text if len(text) <= _AMOUNT_TEXT else text[:_AMOUNT_TEXT] + "..."
    try:
        amount = Decimal(text) if len(text) <= _AMOUNT_TEXT else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise ValueError(f"not an amount: {shown!r}")
    if amount < 0:
        raise ValueError(f"negative amount {shown!r}; event amounts are positive")
    if amount and amount.adjusted() >= AMOUNT_DIGITS:
        raise ValueError(f"too large an amount: {shown!r} (at most {AMOUNT_DIGITS} digits before the point)")
    if amount.as_tuple().exponent < -AMOUNT_DECIMALS and amount != round(amount, AMOUNT_DECIMALS):
        raise ValueError(f"too many decimals: {shown!r} (at most {AMOUNT_DECIMALS})")
    return amount


def _decimal(value, bad) -> Decimal:
    try:
        return parse_amount(value)
    except ValueError as error:
        raise bad(str(error)) from None


def _int(value, bad) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        raise bad(f"not a whole number: {value!r}") from None
