"""The reviewer's workbook read back: the Ledger sheet's rows, exact, with
where each stands for messages (reports/excel.py writes it). Read-only and
values only: a workbook's formulas are never evaluated, and openpyxl refuses
XML entity expansion."""
from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .schema import LedgerError, fact_id

LEDGER_COLUMNS = ("kind", "company", "counterparty", "amount", "currency", "period", "status", "doc",
                  "sentence", "provenance")
# The rest of a ledger row, as JSON in one hidden cell: a million rows stream
# faster in ten cells than in sixteen.
PROVENANCE = ("id", "source", "span_start", "span_end", "lang", "extracted_at", "sources")


class WorkbookError(LedgerError):
    """A workbook that cannot be read back; names sheet, cell and problem."""


def read_ledger_sheet(path: Path) -> tuple[pd.DataFrame, Callable[[int, str], str]]:
    """The Ledger sheet's rows (amounts as Decimals), and where each row and
    column stands ("sheet Ledger, cell D7"), for messages. WorkbookError
    for a file that is no such workbook or an amount that is none."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise WorkbookError(f"{path}: not a readable Excel workbook ({type(error).__name__})") from None
    try:
        if "Ledger" not in wb.sheetnames:
            raise WorkbookError(f"{path}: no sheet named Ledger")
        rows = wb["Ledger"].iter_rows(values_only=True)
        header = [str(h) if h is not None else "" for h in next(rows, ())]
        missing = [c for c in LEDGER_COLUMNS if c not in header]
        if missing:
            raise WorkbookError(f"{path}: sheet Ledger, row 1: missing column(s) {', '.join(missing)}")
        records, numbers = [], []
        for number, values in enumerate(rows, 2):
            if all(v is None for v in values):
                continue
            record = dict(zip(header, values))
            where = f"{path}: sheet Ledger, cell {{}}{number}"
            record["amount"] = _amount(record["amount"], where.format(get_column_letter(header.index("amount") + 1)))
            record.update(_provenance(record.pop("provenance"),
                                      where.format(get_column_letter(header.index("provenance") + 1))))
            records.append(record)
            numbers.append(number)
    finally:
        wb.close()

    def locate(index: int, column: str) -> str:
        name = column if column in header else "provenance"
        return f"sheet Ledger, cell {get_column_letter(header.index(name) + 1)}{numbers[index]}"

    for record in records:  # a reviewer's fix makes it another fact
        if isinstance(record["kind"], str) and isinstance(record["currency"], str):
            period = record["period"] if isinstance(record["period"], str) else None
            company = record["company"] if isinstance(record["company"], str) else None
            record["id"] = fact_id(record["kind"], company, record["amount"], record["currency"], period)
    return pd.DataFrame(records, columns=[*LEDGER_COLUMNS[:-1], *PROVENANCE]), locate


def _provenance(value, where: str) -> dict:
    try:
        record = json.loads(value) if value else {}
    except (TypeError, json.JSONDecodeError):
        raise WorkbookError(f"{where}: the provenance is not the JSON the ledger wrote") from None
    return {name: record.get(name) for name in PROVENANCE}


def _amount(value, where: str) -> Decimal:
    """A number cell as an exact Decimal (Excel keeps 15 significant digits)."""
    if isinstance(value, bool) or value is None:
        raise WorkbookError(f"{where}: the amount is empty")
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise WorkbookError(f"{where}: not an amount: {value!r}") from None
