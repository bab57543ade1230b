"""A ledger from a file: a ledger database, a ledger exported to CSV, to
Parquet or to the reviewer's workbook, perhaps corrected by hand."""
from __future__ import annotations

import json
from decimal import InvalidOperation
from pathlib import Path
from typing import Callable, TextIO

import pandas as pd

from .cells import unguard
from .schema import LedgerError, Locator, by_row, frame, from_record, validate
from .store import STORE_SUFFIXES, Store, is_store
from .workbook import read_ledger_sheet


# Readers of ledger files of other formats: their rows, and where each row
# and column stands in them, for messages.
def read_parquet(path: Path) -> tuple[pd.DataFrame, Locator]:
    """A ledger written as Parquet (`ledger extract -o ledger.parquet`), amounts as Decimals."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as error:  # pyarrow raises its own kinds for a broken file
        raise LedgerError(f"{path}: not a readable Parquet ledger ({type(error).__name__})") from None
    rows = pd.DataFrame({name: table.column(name).to_pylist() for name in table.column_names})
    return rows, by_row


READERS: dict[str, Callable[[Path], tuple[pd.DataFrame, Locator]]] = {".xlsx": read_ledger_sheet,
                                                                      ".parquet": read_parquet}


def is_ledger_file(name: str) -> bool:
    """A ledger database, a ledger CSV, a workbook, or `ledger extract`'s JSON Lines."""
    path = Path(name)
    if name == "-" or not path.is_file():
        return False
    suffix = path.suffix.lower()
    return (is_store(path) or suffix in STORE_SUFFIXES or suffix == ".xlsx"
            or suffix == ".csv" and _ledger_csv(path) or suffix == ".jsonl" and _records(path)
            or suffix == ".parquet" and _ledger_parquet(path))


def _ledger_parquet(path: Path) -> bool:
    """A Parquet file with a ledger's columns (a text corpus in Parquet is none)."""
    import pyarrow.parquet as pq

    try:
        names = set(pq.read_schema(path).names)
    except Exception:  # pyarrow raises its own kinds for a broken file  # noqa: BLE001
        return False
    return {"kind", "amount", "currency"} <= names


def _records(path: Path) -> bool:
    """JSON Lines whose first line is an extract record (a text corpus in JSON Lines is none)."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            first = json.loads(f.readline() or "null")
    except (OSError, json.JSONDecodeError):
        return False
    return isinstance(first, dict) and {"doc", "events", "mentions"} <= first.keys()


def _ledger_csv(path: Path) -> bool:
    """A CSV whose header is a ledger's (a text corpus in CSV is none)."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            header = f.readline()
    except OSError:
        return False
    return all(column in header for column in ("kind", "amount", "currency"))


def load_ledger_file(name: str) -> pd.DataFrame:
    """The validated ledger of a database, a ledger CSV or a workbook;
    LedgerError or StoreError for a broken one."""
    path = Path(name)
    suffix = path.suffix.lower()
    if is_store(path) or suffix in STORE_SUFFIXES:
        with Store(path, read_only=True) as store:
            return store.ledger()
    if suffix in READERS:
        rows, locate = READERS[suffix](path)
        return validate(rows, str(path), locate)
    if suffix == ".jsonl":
        with open(path, encoding="utf-8-sig") as f:
            return read_records(f, str(path))
    return read_csv(path)


def load_ledger_stream(stream: TextIO, form: str, where: str = "<stdin>") -> pd.DataFrame:
    """The validated ledger of a ledger CSV or extract records read from `stream`."""
    return read_records(stream, where) if form == "jsonl" else read_csv(stream, where)


def read_records(stream: TextIO, where: str) -> pd.DataFrame:
    """The ledger of `ledger extract --format jsonl` records, validated;
    rows are named by their line."""
    rows, lines = [], []
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            events = record["events"]
            doc = record["doc"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise LedgerError(f"{where}:{number}: not an extract record") from None
        for event in events:
            try:
                rows.append(from_record(event, doc, record.get("lang")))
            except (KeyError, TypeError, InvalidOperation):
                raise LedgerError(f"{where}:{number}: an event without kind, a decimal value, currency, "
                                  f"status or sentence") from None
            lines.append(number)
    return validate(frame(rows), where, lambda row, column: f"line {lines[row]}, {column}")


def read_csv(source: Path | TextIO, where: str | None = None) -> pd.DataFrame:
    """A ledger exported to CSV (perhaps edited by hand), validated."""
    where = where or str(source)
    try:
        encoding = {"encoding": "utf-8-sig"} if isinstance(source, Path) else {}  # a stream is decoded already
        df = pd.read_csv(source, dtype=str, keep_default_na=False, **encoding)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise LedgerError(f"{where}: not a readable ledger CSV ({str(error).splitlines()[0]})") from None
    df = df.replace({"": None})
    for column in df.columns:  # cells the writer protected from formulas
        df[column] = df[column].map(lambda v: unguard(v) if isinstance(v, str) else v)
    if "sources" not in df.columns and "doc" in df.columns:
        df["sources"] = df["doc"]
    return validate(df, where=where)
