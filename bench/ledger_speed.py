"""Ledger speed: `summarize` over generated rows (target: 1,000,000 rows in
under 2 s) and `ledger add` throughput in documents per second.

    python bench/ledger_speed.py [--rows 1000000] [--documents 300]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from ledger.schema import fact_id, frame, from_events
from ledger.store import Store
from ledger.totals import summarize
from parsers.events.kinds import KINDS
from parsers.records import extract

COMPANIES = [f"Company {n}" for n in range(2000)]
CURRENCIES = ["EUR", "USD", "GBP", "CHF"]


def generated(rows: int):
    rng = random.Random(7)
    records = []
    for n in range(rows):
        kind, company, currency = rng.choice(KINDS), rng.choice(COMPANIES), rng.choice(CURRENCIES)
        amount = Decimal(rng.randrange(1, 10 ** 9)) / 100
        records.append({"id": fact_id(kind, company, amount, currency, None) + str(n), "kind": kind,
                        "company": company, "counterparty": None, "amount": amount, "currency": currency,
                        "period": None, "status": "actual", "lang": "en", "doc": f"d{n}", "source": f"d{n}",
                        "sentence": "", "span_start": 0, "span_end": 1, "extracted_at": "", "sources": f"d{n}"})
    return frame(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    ledger = generated(args.rows)
    start = time.perf_counter()
    table = summarize(ledger).table
    seconds = time.perf_counter() - start
    print(f"summarize: {args.rows:,} rows in {seconds:.2f} s ({args.rows / seconds:,.0f} rows/s), "
          f"{len(table):,} totals")
    template = "Die Firma{n} AG meldete einen Umsatz von {n},5 Millionen Euro und einen Verlust von {n} Mio. Euro."
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
        start = time.perf_counter()
        for n in range(args.documents):
            text = template.format(n=n)
            result = extract(f"d{n}", text, "de")
            store.add(text, f"d{n}", f"d{n}", "de", from_events(result.events, f"d{n}", f"d{n}", "de"),
                      [m.as_record() for m in result.mentions])
        seconds = time.perf_counter() - start
    print(f"add: {args.documents:,} documents in {seconds:.2f} s ({args.documents / seconds:,.0f} documents/s)")


if __name__ == "__main__":
    main()
