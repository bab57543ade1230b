"""Converting amounts between currencies at the ECB reference rate of a day.

The ECB history is the one the currencyconverter package ships (no network);
the euro's predecessors (ATS, DEM, FIM, ...) go through their fixed euro
rates. Which day: the last day of the event's period, else the document's
date, else the latest rate; each conversion says which it used.
"""
from __future__ import annotations

import calendar
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources

from currency_converter import CurrencyConverter, RateNotFoundError

from parsers.events.periods import Period

PERIOD_END = "end of period"
DOCUMENT_DATE = "document date"
LATEST = "latest rate"


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    on: date  # the day of the rate used
    basis: str  # PERIOD_END, DOCUMENT_DATE or LATEST


class ConversionError(ValueError):
    pass


@cache
def _converter() -> CurrencyConverter:
    # No ECB rate on a weekend or holiday: the last one published before it.
    return CurrencyConverter(decimal=True, fallback_on_missing_rate=True,
                             fallback_on_missing_rate_method="last_known", fallback_on_wrong_date=True)


@cache
def legacy_rates() -> dict[str, Decimal]:
    text = resources.files("ledger").joinpath("legacy_rates.toml").read_text("utf-8")
    return {code: Decimal(rate) for code, rate in tomllib.loads(text).items()}


def period_end(period: str | None) -> date | None:
    """The last day of a period as GUIDELINES.md writes it; a fiscal year
    FY2005/06 ends on 30 June 2006."""
    parsed = Period.from_label(period) if period else None
    if parsed is None:
        return None
    if parsed.unit == "FY":
        return date(parsed.year + 1, 6, 30)
    month = {"Y": 12, "9M": 9, "M": parsed.n, "Q": 3 * (parsed.n or 0), "H": 6 * (parsed.n or 0)}[parsed.unit]
    return date(parsed.year, month, calendar.monthrange(parsed.year, month)[1])


def latest_day() -> date:
    """The day of the latest rate the ECB history holds (what LATEST conversions use)."""
    return _converter().bounds["USD"].last_date


def supported(currency: str) -> bool:
    return currency in legacy_rates() or currency in _converter().currencies


def convert(amount: Decimal, currency: str, target: str, period: str | None = None,
            document_date: date | None = None) -> Conversion:
    """`amount` of `currency` in `target`; ConversionError for a currency
    that has no rate."""
    day, basis = period_end(period), PERIOD_END
    if day is None:
        day, basis = document_date, DOCUMENT_DATE
    converter = _converter()
    if day is None:
        day, basis = latest_day(), LATEST
    legacy = legacy_rates()
    if currency in legacy:
        amount, currency = amount / legacy[currency], "EUR"
    if target in legacy:
        in_euro = convert(amount, currency, "EUR", period, document_date)
        return Conversion(in_euro.amount * legacy[target], in_euro.on, in_euro.basis)
    if currency == target:
        return Conversion(amount, day, basis)
    for code in (currency, target):
        if code not in converter.currencies:
            raise ConversionError(f"no exchange rate for {code} in the ECB history")
    try:
        converted = converter.convert(amount, currency, target, date=day)
    except RateNotFoundError as error:
        raise ConversionError(str(error)) from None
    return Conversion(Decimal(converted), day, basis)
