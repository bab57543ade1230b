"""The Excel workbook a reviewer works in (ledger/workbook.py reads its edits back).

Sheets: Ledger (one row per event, typed cells, the source document and
sentence beside each row, frozen header, autofilter, dropdowns on kind,
currency and status), Summary (totals per company, kind, status and currency as
formulas over the Ledger sheet, so that they follow a reviewer's fixes, and
a bar chart of the largest companies), Mentions (every money mention with
its context), Sources (each document with its language, counts and any
error), and Lists (the dropdowns' values).

Text from documents is untrusted: every text cell is written as text, never
as a formula, and characters that XML forbids are removed. Sheets are
written in openpyxl's write-only mode, so that a million rows stream.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ledger.cells import missing
from ledger.review import MENTION_COLUMNS, SOURCE_COLUMNS, Review
from ledger.workbook import LEDGER_COLUMNS, PROVENANCE

WIDTH_SAMPLE = 2000  # rows read to fit a column's width
MAX_WIDTH = {"sentence": 70, "context": 70, "sources": 40, "total": 26}
# Kept for reading back and provenance, out of the reviewer's way.
HIDDEN = frozenset({"provenance", "start", "end"})
HEADER = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
CHART_COMPANIES = 10
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text(value) -> str | None:
    """Untrusted text as a cell may hold it: no XML-forbidden characters
    (controls, lone surrogates, U+FFFE/U+FFFF: a store filled before reading
    made them U+FFFD may still hold them)."""
    if missing(value):
        return None
    return _XML_FORBIDDEN.sub("", str(value))


def _cell(ws, value, number_format: str | None = None, bold: bool = False):
    """A cell value for ws.append: plain where that is safe (fast, streamed),
    a styled cell for amounts, bold text, and text that looks like a formula."""
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    elif value is not None and not isinstance(value, (int, float)):
        value = text(value)
    if not (number_format or bold or isinstance(value, str) and value.startswith("=")):
        return value
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text: "=HYPERLINK(...)" from a document is no formula
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = Font(bold=True)
    return cell


def _header(ws, columns) -> None:
    cells = []
    for name in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill = HEADER, HEADER_FILL
        cells.append(cell)
    ws.append(cells)


def _shown_length(value) -> int:
    """How many characters a cell shows: amounts with grouping, decimals and
    currency ("13,750,000,000.00 USD")."""
    if value is None:
        return 0
    if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
        return len(f"{float(value):,.2f}") + 4
    return len(str(value))


def _widths(ws, df: pd.DataFrame, columns) -> None:
    sample = df.head(WIDTH_SAMPLE)
    for index, name in enumerate(columns, 1):
        lengths = [_shown_length(v) for v in sample[name]] if name in sample else []
        width = max([len(name), *lengths]) + 2
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = min(width, MAX_WIDTH.get(name, 30))
        dimension.hidden = name in HIDDEN


def _amount_format(currency: str | None) -> str:
    return f'#,##0.00 "{currency}"' if currency else "#,##0.00"


def write_workbook(path: Path, book: Review) -> None:
    """The reviewer's workbook of `book`. Its summary gives the Summary
    sheet its rows, whose totals are formulas over the Ledger sheet; the
    converted totals (the same columns, in one currency) are added below as
    values."""
    wb = Workbook(write_only=True)
    ledger_sheet = wb.create_sheet("Ledger")
    summary_sheet = wb.create_sheet("Summary")
    mention_sheet = wb.create_sheet("Mentions")
    source_sheet = wb.create_sheet("Sources")
    lists = wb.create_sheet("Lists")

    _write_ledger(ledger_sheet, book.ledger, book.kinds, book.statuses, book.currencies)
    _write_summary(summary_sheet, book.summary, book.converted, len(book.ledger))
    _write_rows(mention_sheet, book.mentions, MENTION_COLUMNS, {"value": "currency"})
    _write_rows(source_sheet, book.sources, SOURCE_COLUMNS, {})
    lists.sheet_state = "hidden"
    for code in book.currencies:
        lists.append([code])
    wb.save(path)


def _printable(ws) -> None:
    """Landscape, one page wide: how a reviewer prints or exports it."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_ledger(ws, ledger: pd.DataFrame, kinds, statuses, currencies) -> None:
    rows = len(ledger)
    _printable(ws)
    ws.freeze_panes = "A2"
    _widths(ws, ledger, LEDGER_COLUMNS)
    last = get_column_letter(len(LEDGER_COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{rows + 1}"
    end = max(rows + 1, 2)
    for column, choices in (("kind", '"' + ",".join(kinds) + '"'), ("status", '"' + ",".join(statuses) + '"'),
                            ("currency", f"Lists!$A$1:$A${len(currencies)}")):
        validation = DataValidation(type="list", formula1=choices, allow_blank=False, showErrorMessage=True,
                                    errorTitle=f"Not a {column}", error=f"Choose a {column} from the list.")
        letter = get_column_letter(LEDGER_COLUMNS.index(column) + 1)
        validation.add(f"{letter}2:{letter}{end}")
        ws.data_validations.append(validation)
    _header(ws, LEDGER_COLUMNS)
    amount_at = LEDGER_COLUMNS.index("amount")
    sentences = ledger["sentence"].map(lambda s: " ".join((s or "").split()))  # one line a row
    provenance = [json.dumps(dict(zip(PROVENANCE, values)), ensure_ascii=False)
                  for values in zip(*(ledger[name] for name in PROVENANCE))]
    # JSON escapes control characters itself; other text loses those XML forbids
    texts = {name: [text(v) for v in (sentences if name == "sentence" else ledger[name])]
             for name in LEDGER_COLUMNS if name not in ("amount", "provenance")}
    columns = [provenance if name == "provenance" else ledger["amount"] if name == "amount" else texts[name]
               for name in LEDGER_COLUMNS]
    text_at = [at for at, name in enumerate(LEDGER_COLUMNS) if name in texts]
    formats = {}
    for values in zip(*columns):
        row = list(values)
        for at in text_at:
            if row[at] is not None and row[at].startswith("="):  # text that looks like a formula stays text
                row[at] = _cell(ws, row[at])
        currency = values[amount_at + 1]
        number_format = formats.get(currency) or formats.setdefault(currency, _amount_format(currency))
        row[amount_at] = _cell(ws, values[amount_at], number_format)
        ws.append(row)


def _write_summary(ws, summary: pd.DataFrame, converted: pd.DataFrame | None, ledger_rows: int) -> None:
    """Totals as SUMIFS over the Ledger sheet, a bar chart of the largest
    companies (in the converted currency, else the most used one), and the
    converted totals."""
    columns = ("company", "kind", "status", "currency", "total", "events")
    _printable(ws)
    ws.freeze_panes = "A2"
    _widths(ws, summary.astype(object), columns)
    _header(ws, columns)
    letter = {name: get_column_letter(LEDGER_COLUMNS.index(name) + 1)
              for name in ("company", "kind", "status", "currency", "amount")}
    end = max(ledger_rows + 1, 2)
    rng = {k: f"Ledger!${v}$2:${v}${end}" for k, v in letter.items()}
    for number, row in enumerate(summary.itertuples(index=False), 2):
        criteria = (f'{rng["company"]},$A{number},{rng["kind"]},$B{number},{rng["status"]},$C{number},'
                    f'{rng["currency"]},$D{number}')
        total = WriteOnlyCell(ws, value=f"=SUMIFS({rng['amount']},{criteria})")
        total.number_format = _amount_format(row.currency)
        count = WriteOnlyCell(ws, value=f"=COUNTIFS({criteria})")
        ws.append([_cell(ws, row.company), _cell(ws, row.kind), _cell(ws, row.status), _cell(ws, row.currency),
                   total, count])
    shown = converted if converted is not None and len(converted) else summary
    if len(shown):
        _chart(ws, shown, len(summary))
    if converted is not None and len(converted):
        currency = converted["currency"].iloc[0]
        ws.append([])
        ws.append([_cell(ws, f"Totals in {currency} at ECB reference rates", bold=True)])
        for row in converted.itertuples(index=False):
            ws.append([_cell(ws, row.company), _cell(ws, row.kind), _cell(ws, row.status), _cell(ws, row.currency),
                       _cell(ws, row.total, _amount_format(row.currency)), _cell(ws, row.events)])


def _chart(ws, summary: pd.DataFrame, rows: int) -> None:
    """Company totals of the most used currency, largest first, as static
    values beside the table (a chart needs plain numbers); reported figures
    only, when there are any (a forecast is not added to them)."""
    actual = summary[summary["status"] == "actual"]
    summary = actual if len(actual) else summary
    currency = summary["currency"].value_counts().index[0]
    totals = (summary[summary["currency"] == currency].groupby("company")["total"].sum()
              .sort_values(ascending=False, key=lambda s: s.map(float)).head(CHART_COMPANIES))
    anchor_row = rows + 3
    ws.append([])
    ws.append([_cell(ws, f"Largest companies ({currency})", bold=True)])
    for company, total in totals.items():  # in the total column, wide enough for amounts
        ws.append([_cell(ws, company), None, None, None, _cell(ws, total, _amount_format(currency))])
    chart = BarChart()
    chart.type, chart.style = "bar", 10
    chart.title = f"Largest companies by total ({currency})"
    chart.y_axis.title, chart.x_axis.title = currency, None
    chart.legend = None
    data = Reference(ws, min_col=5, min_row=anchor_row + 1, max_row=anchor_row + len(totals))
    labels = Reference(ws, min_col=1, min_row=anchor_row + 1, max_row=anchor_row + len(totals))
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(labels)
    chart.height, chart.width = 9, 18
    ws.add_chart(chart, "G2")


def _write_rows(ws, df: pd.DataFrame, columns, formats: dict[str, str]) -> None:
    _printable(ws)
    ws.freeze_panes = "A2"
    _widths(ws, df, columns)
    if len(df):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(df) + 1}"
    _header(ws, columns)
    for row in df.itertuples(index=False):
        record = row._asdict()
        for name in formats:  # amounts come as exact decimal strings
            record[name] = Decimal(record[name]) if record[name] is not None else None
        ws.append([_cell(ws, record[name], _amount_format(record[formats[name]]) if name in formats else None)
                   for name in columns])
