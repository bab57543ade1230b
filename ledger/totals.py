"""Totals per company (or counterparty, kind, period), kind, status and currency.

Different currencies are never added together: each is a row of its own,
unless every amount is first converted to one currency. Nor are figures of
different status: a reported figure and a forecast or plan of the same
company are rows of their own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pandas as pd

from .names import BY
from .rates import convert, period_end
from .schema import COLUMNS

UNNAMED = "(unnamed)"


@dataclass
class Summary:
    """`table` has the columns [by, kind, status, currency, total, events]
    (kind once when by is kind); `bases` counts the rate days used by
    conversion."""
    table: pd.DataFrame
    by: str
    currency: str | None = None
    bases: Counter = field(default_factory=Counter)


def merge_facts(ledger: pd.DataFrame) -> pd.DataFrame:
    """One row per fact id; the sources of repeats are listed on it."""
    if ledger.empty or not ledger["id"].duplicated().any():
        return ledger
    sources = ledger.groupby("id", sort=False)["sources"].agg(
        lambda docs: "\n".join(dict.fromkeys(d for joined in docs for d in joined.split("\n"))))
    first = ledger.drop_duplicates("id").set_index("id")
    first["sources"] = sources
    return first.reset_index()[list(COLUMNS)]


@dataclass(frozen=True)
class Selection:
    """Which ledger rows to show or total: of a kind, of companies whose
    name contains `company` (case-folded), in a currency, of a status, of a
    period or within it ("2024" takes 2024, 2024-06, 2024-Q3), of periods
    ending on or after `since` and on or before `until` (rows without a
    period are left out by these two)."""
    kind: str | None = None
    company: str | None = None
    currency: str | None = None
    status: str | None = None
    period: str | None = None
    since: date | None = None
    until: date | None = None

    def rows(self, ledger: pd.DataFrame) -> pd.DataFrame:
        keep = pd.Series(True, index=ledger.index)
        for column in ("kind", "currency", "status"):
            if getattr(self, column):
                keep &= ledger[column] == getattr(self, column)
        if self.period:
            periods = ledger["period"].fillna("")
            keep &= (periods == self.period) | periods.str.startswith(self.period + "-")
        if self.company:
            keep &= ledger["company"].fillna("").str.casefold().str.contains(self.company.casefold(), regex=False)
        if self.since or self.until:
            ends = ledger["period"].map(period_end)
            keep &= ends.map(lambda end: end is not None and (self.since or end) <= end <= (self.until or end))
        return ledger[keep]


def summarize(ledger: pd.DataFrame, by: str = "company", selection: Selection = Selection(),
              currency: str | None = None, document_date: date | None = None) -> Summary:
    """Totals of the merged ledger's `selection`. With `currency`, every
    amount is first converted at the ECB rate of its period's last day (else
    the document date, else the latest rate); ConversionError for a
    currency without one."""
    if by not in BY:
        raise ValueError(f"cannot summarize by {by!r}; by one of {', '.join(BY)}")
    rows = selection.rows(merge_facts(ledger))
    amounts, currencies, bases = list(rows["amount"]), list(rows["currency"]), Counter()
    if currency:
        conversions = [convert(a, c, currency, p, document_date) if c != currency else None
                       for a, c, p in zip(amounts, currencies, rows["period"])]
        bases.update(c.basis for c in conversions if c)
        amounts = [c.amount.quantize(Decimal("0.01")) if c else a for a, c in zip(amounts, conversions)]
        currencies = [currency] * len(amounts)
    keys = [by, "status"] if by == "kind" else [by, "kind", "status"]
    data = pd.DataFrame({by: rows[by].fillna(UNNAMED).to_numpy(), "kind": rows["kind"].to_numpy(),
                         "status": rows["status"].to_numpy(), "currency": currencies, "total": amounts})
    table = (data.groupby([*keys, "currency"], sort=True)
             .agg(total=("total", "sum"), events=("total", "size")).reset_index())
    return Summary(table[[*keys, "currency", "total", "events"]], by, currency, bases)
