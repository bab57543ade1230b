"""Ledger tables as CSV, JSON and Markdown: outputs that other tools read.

Text from documents is untrusted: every text cell goes through the guard of
ledger/cells.py (one line, never a formula), every CSV field is quoted, and
Markdown cells escape the characters Markdown reads as markup.
"""
from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from typing import TextIO

import pandas as pd

from ledger.cells import guard
from ledger.names import TABLE_FORMATS
from ledger.schema import missing
from parsers.money import plain_decimal


def safe_cell(value) -> str:
    """A cell's text that no spreadsheet reads as a formula."""
    if missing(value):
        return ""
    if isinstance(value, Decimal):
        return plain_decimal(value)
    return guard(str(value))


def write_csv(df: pd.DataFrame, out: TextIO, header: bool = True) -> None:
    """The rows of `df`, after its header unless `header` is false (the
    next part of a CSV being streamed)."""
    # Every field quoted (OWASP): a spreadsheet then splits no cell, whatever a reader's settings.
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    if header:
        writer.writerow(df.columns)
    for row in df.itertuples(index=False):
        writer.writerow([safe_cell(v) for v in row])


def _plain(value):
    if isinstance(value, Decimal):
        return plain_decimal(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return None if missing(value) else value


def write_json(df: pd.DataFrame, out: TextIO) -> None:
    rows = [{k: _plain(v) for k, v in row.items()} for row in df.to_dict("records")]
    json.dump(rows, out, ensure_ascii=False, indent=1)
    out.write("\n")


# Markdown reads these as markup (links, emphasis, HTML, code, table cells); a backslash makes them text.
_MARKUP = re.compile(r"([\\`*_\[\]<>|#!~])")


def write_markdown(df: pd.DataFrame, out: TextIO) -> None:
    def cell(value) -> str:
        return _MARKUP.sub(r"\\\1", safe_cell(value))
    out.write("| " + " | ".join(df.columns) + " |\n")
    out.write("|" + "|".join("---:" if c in ("total", "amount", "events") else "---" for c in df.columns) + "|\n")
    for row in df.itertuples(index=False):
        out.write("| " + " | ".join(cell(v) for v in row) + " |\n")


WRITERS = dict(zip(TABLE_FORMATS, (write_csv, write_json, write_markdown)))
