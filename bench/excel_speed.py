"""Writing the reviewer's workbook at scale (openpyxl write-only mode): rows
per second and the process's peak memory, for a generated ledger (target:
1,000,000 rows in under 60 s and under 1 GB).

    python bench/excel_speed.py [--rows 1000000]
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd
from ledger_speed import generated

from ledger.review import MENTION_COLUMNS, SOURCE_COLUMNS, Review
from ledger.totals import summarize
from reports.excel import write_workbook


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    ledger = generated(args.rows)
    ledger["sentence"] = "Die Firma meldete einen Umsatz von 1,5 Millionen Euro im Jahr 2015."
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB (ru_maxrss is KiB on Linux)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.xlsx"
        start = time.perf_counter()
        write_workbook(path, Review(ledger, summarize(ledger).table, None,
                                    pd.DataFrame(columns=list(MENTION_COLUMNS)), pd.DataFrame(columns=list(SOURCE_COLUMNS))))
        seconds = time.perf_counter() - start
        size = path.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"excel: {args.rows:,} rows in {seconds:.1f} s ({args.rows / seconds:,.0f} rows/s), "
          f"{size / 2**20:,.0f} MiB file; peak memory {peak:,.0f} MiB, of which the ledger DataFrame "
          f"{before:,.0f} MiB and writing {peak - before:,.0f} MiB")


if __name__ == "__main__":
    main()
