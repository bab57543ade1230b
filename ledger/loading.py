"""A ledger from what the user names: text inputs (extracted here), a
ledger database, or a ledger exported to CSV that a reviewer may have
corrected by hand."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import pandas as pd

from .documents import DocumentError, read_inputs
from .records import extract
from .schema import LedgerError, Locator, frame, from_events, validate
from .store import STORE_SUFFIXES, Store, is_store


@dataclass
class Loaded:
    ledger: pd.DataFrame
    errors: list[DocumentError] = field(default_factory=list)


# Reads a ledger file of another format (a workbook): its rows, and where
# each row and column stands in it, for messages.
Reader = Callable[[Path], tuple[pd.DataFrame, Locator]]


def load_ledger(inputs: list[str], lang: str | None = None, when: date | None = None,
                readers: dict[str, Reader] | None = None) -> Loaded:
    """The ledger of every input, in order: databases, CSV exports, files
    that `readers` read by suffix (".xlsx"), and text inputs, extracted.
    Unreadable documents are listed in `errors`; a broken ledger file
    raises LedgerError or StoreError."""
    parts, errors, texts = [], [], []
    readers = readers or {}
    for name in inputs:
        path = Path(name)
        suffix = path.suffix.lower()
        if name != "-" and path.is_file() and (is_store(path) or suffix in STORE_SUFFIXES):
            with Store(path, create=False) as store:
                parts.append(store.ledger())
        elif name != "-" and path.is_file() and suffix == ".csv":
            parts.append(read_csv(path))
        elif name != "-" and path.is_file() and suffix in readers:
            rows, locate = readers[suffix](path)
            parts.append(validate(rows, str(path), locate))
        else:
            texts.append(name)
    for item in read_inputs(texts) if texts else ():
        if isinstance(item, DocumentError):
            errors.append(item)
            continue
        result = extract(item.doc, item.text, lang, when)
        parts.append(from_events(result.events, item.doc, item.source, result.lang))
    parts = [p for p in parts if len(p)]
    return Loaded(pd.concat(parts, ignore_index=True) if parts else frame([]), errors)


def read_csv(path: Path) -> pd.DataFrame:
    """A ledger exported to CSV (perhaps edited by hand), validated."""
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise LedgerError(f"{path}: not a readable ledger CSV ({str(error).splitlines()[0]})") from None
    df = df.replace({"": None})
    for column in df.columns:  # cells the writer protected from formulas
        df[column] = df[column].map(lambda v: v[1:] if isinstance(v, str) and v.startswith("'") else v)
    if "sources" not in df.columns and "doc" in df.columns:
        df["sources"] = df["doc"]
    return validate(df, where=str(path))
