"""A ledger from a file: a ledger database, a ledger exported to CSV or to
the reviewer's workbook, perhaps corrected by hand."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from .cells import unguard
from .schema import LedgerError, Locator, validate
from .store import STORE_SUFFIXES, Store, is_store
from .workbook import read_ledger_sheet

# Readers of ledger files of other formats: their rows, and where each row
# and column stands in them, for messages.
READERS: dict[str, Callable[[Path], tuple[pd.DataFrame, Locator]]] = {".xlsx": read_ledger_sheet}


def is_ledger_file(name: str) -> bool:
    """A ledger database, a ledger CSV, or a workbook."""
    path = Path(name)
    if name == "-" or not path.is_file():
        return False
    suffix = path.suffix.lower()
    return is_store(path) or suffix in STORE_SUFFIXES or suffix in READERS or suffix == ".csv" and _ledger_csv(path)


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
        with Store(path, create=False) as store:
            return store.ledger()
    if suffix in READERS:
        rows, locate = READERS[suffix](path)
        return validate(rows, str(path), locate)
    return read_csv(path)


def read_csv(path: Path) -> pd.DataFrame:
    """A ledger exported to CSV (perhaps edited by hand), validated."""
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise LedgerError(f"{path}: not a readable ledger CSV ({str(error).splitlines()[0]})") from None
    df = df.replace({"": None})
    for column in df.columns:  # cells the writer protected from formulas
        df[column] = df[column].map(lambda v: unguard(v) if isinstance(v, str) else v)
    if "sources" not in df.columns and "doc" in df.columns:
        df["sources"] = df["doc"]
    return validate(df, where=str(path))
