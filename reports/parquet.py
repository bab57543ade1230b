"""The ledger as Parquet: typed columns other tools read without parsing
(Arrow decimal128(38, 9) amounts, exact; strings; int64 spans), written in
row groups as documents finish, so that a corpus of any size streams."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ledger.schema import COLUMNS

AMOUNT = pa.decimal128(38, 9)
SCHEMA = pa.schema([(name, AMOUNT if name in ("amount", "upper") else pa.int64() if name.startswith("span_")
                     else pa.string()) for name in COLUMNS])
# Rows gathered before they are written as one row group.
ROW_GROUP = 10_000


class ParquetLedger:
    """A Parquet ledger written in parts: `write(ledger_rows)` as often as
    needed, then `close()` (or use it as a context manager)."""

    def __init__(self, path: Path):
        self.writer = pq.ParquetWriter(path, SCHEMA)
        self.pending: list[pd.DataFrame] = []
        self.rows = 0

    def write(self, ledger: pd.DataFrame) -> None:
        if len(ledger):
            self.pending.append(ledger)
            self.rows += len(ledger)
        if self.rows >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            rows = pd.concat(self.pending, ignore_index=True)[list(COLUMNS)]
            self.writer.write_table(pa.Table.from_pandas(rows, schema=SCHEMA, preserve_index=False))
        self.pending, self.rows = [], 0

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def __enter__(self) -> ParquetLedger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
