"""The reviewer's workbook read back: the Ledger sheet's rows, exact, with
where each stands for messages (reports/excel.py writes it). Read-only and
values only: a workbook's formulas are never evaluated, and openpyxl refuses
XML entity expansion."""
from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Callable

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .schema import LedgerError, parse_amount

LEDGER_COLUMNS = ("kind", "company", "counterparty", "amount", "currency", "period", "status", "qualifier",
                  "upper", "doc", "sentence", "provenance")
# Columns a workbook written before they existed lacks: they read as empty.
OPTIONAL_COLUMNS = frozenset({"qualifier", "upper"})
# The rest of a ledger row, as JSON in one hidden cell: a million rows stream
# faster in ten cells than in sixteen.
PROVENANCE = ("id", "source", "span_start", "span_end", "lang", "extracted_at", "sources")


# A workbook's parts unpacked are checked before it is parsed: a part may be
# this large, or this many times its packed size (a zip bomb is thousands).
_PART_FLOOR, _PART_RATIO, _PART_CEILING = 64 << 20, 200, 4 << 30
# Excel's own limit for the text of a cell.
CELL_CHARACTERS = 32_767
# Columns of the Ledger sheet that hold text (a reviewer's 2024 is a number cell).
_TEXT_COLUMNS = ("kind", "company", "counterparty", "currency", "period", "status", "qualifier", "doc", "sentence")


class WorkbookError(LedgerError):
    """A workbook that cannot be read back; names sheet, cell and problem."""


def _check_parts(path: Path) -> None:
    """WorkbookError for a workbook whose parts would unpack to more than
    any real ledger holds (what `<dimension>` claims is not trusted either:
    rows are read as they come)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl names what is wrong with it
    for part in parts:
        if part.file_size > min(_PART_CEILING, max(_PART_FLOOR, _PART_RATIO * part.compress_size)):
            raise WorkbookError(f"{path}: its part {part.filename} unpacks to {part.file_size:,} bytes "
                                f"from {part.compress_size:,}: not read")


def read_ledger_sheet(path: Path) -> tuple[pd.DataFrame, Callable[[int, str], str]]:
    """The Ledger sheet's rows (amounts as Decimals), and where each row and
    column stands ("sheet Ledger, cell D7"), for messages. WorkbookError
    for a file that is no such workbook or an amount that is none."""
    _check_parts(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise WorkbookError(f"{path}: not a readable Excel workbook ({type(error).__name__})") from None
    try:
        if "Ledger" not in wb.sheetnames:
            raise WorkbookError(f"{path}: no sheet named Ledger")
        sheet = wb["Ledger"]
        sheet.reset_dimensions()  # what <dimension> claims may be a million empty rows
        rows = sheet.iter_rows(values_only=True)
        header = [str(h) if h is not None else "" for h in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        missing = [c for c in LEDGER_COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
        if missing:
            raise WorkbookError(f"{path}: sheet Ledger, row 1: missing column(s) {', '.join(missing)}")
        records, numbers = [], []
        for number, values in enumerate(rows, 2):
            values = (tuple(values) + (None,) * len(header))[:len(header)]  # a short row ends early
            if all(v is None for v in values):
                continue
            record = {**dict.fromkeys(OPTIONAL_COLUMNS), **dict(zip(header, values))}
            where = f"{path}: sheet Ledger, cell {{}}{number}"

            def cell(name: str) -> str:
                return where.format(get_column_letter(header.index(name) + 1))

            for name in _TEXT_COLUMNS:
                record[name] = _text(record[name], cell(name)) if name in header else None
            record["amount"] = _amount(record["amount"], cell("amount"))
            if record["upper"] is not None:
                record["upper"] = _amount(record["upper"], cell("upper"))
            record.update(_provenance(record.pop("provenance"),
                                      where.format(get_column_letter(header.index("provenance") + 1))))
            records.append(record)
            numbers.append(number)
    finally:
        wb.close()

    def locate(index: int, column: str) -> str:
        name = column if column in header else "provenance"
        return f"sheet Ledger, cell {get_column_letter(header.index(name) + 1)}{numbers[index]}"

    return pd.DataFrame(records, columns=[*LEDGER_COLUMNS[:-1], *PROVENANCE]), locate


def _text(value, where: str) -> str | None:
    """A text cell as the ledger holds it: what a reviewer typed as a number
    or Excel made a date is the text it shows (2024 is the period "2024",
    2024-06 typed into a cell is a date of June 2024)."""
    if value is None or isinstance(value, str):
        if value is not None and len(value) > CELL_CHARACTERS:
            raise WorkbookError(f"{where}: {len(value):,} characters, more than a cell holds ({CELL_CHARACTERS:,})")
        return value if value is None or value.strip() else None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return f"{value.year}-{value.month:02d}" if value.day == 1 else value.isoformat()[:10]
    return str(value)


def _provenance(value, where: str) -> dict:
    try:
        record = json.loads(value) if isinstance(value, str) and len(value) <= CELL_CHARACTERS else (
            {} if value is None else None)
    except (json.JSONDecodeError, RecursionError):
        record = None
    if not isinstance(record, dict):
        raise WorkbookError(f"{where}: the provenance is not the JSON object the ledger wrote")
    return {name: record.get(name) for name in PROVENANCE}


def _amount(value, where: str) -> Decimal:
    """A number cell as an exact Decimal (Excel keeps 15 significant digits)."""
    if isinstance(value, float):
        value = repr(value)
    try:
        return parse_amount(value)
    except ValueError as error:
        raise WorkbookError(f"{where}: {error}") from None
