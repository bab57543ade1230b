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
import textwrap
from decimal import Decimal
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import NumFmt
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ledger.documents import UNWRITABLE
from ledger.review import MENTION_COLUMNS, SOURCE_COLUMNS, Review
from ledger.schema import missing
from ledger.totals import UNNAMED
from ledger.workbook import LEDGER_COLUMNS, PROVENANCE

WIDTH_SAMPLE = 2000  # rows read to fit a column's width
MAX_WIDTH = {"sentence": 70, "context": 70, "sources": 40, "total": 26}
# Kept for reading back and provenance, out of the reviewer's way.
HIDDEN = frozenset({"provenance", "start", "end"})
# One font family for every cell: a header without a name renders in a viewer's default serif face.
FONT = "Calibri"
HEADER = Font(name=FONT, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
CHART_COMPANIES = 10


def text(value) -> str | None:
    """Untrusted text as a cell may hold it: no XML-forbidden characters
    (controls, lone surrogates, U+FFFE/U+FFFF: a store filled before reading
    made them U+FFFD may still hold them)."""
    if missing(value):
        return None
    return UNWRITABLE.sub("", str(value))


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
        cell.font = Font(name=FONT, bold=True)
    return cell


def _header(ws, columns) -> None:
    cells = []
    for name in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font, cell.fill = HEADER, HEADER_FILL
        cells.append(cell)
    ws.append(cells)


def _shown_length(value, amount: bool) -> int:
    """How many characters a cell shows (an amount as AMOUNT_FORMAT writes it)."""
    if missing(value):
        return 0
    if amount or isinstance(value, (Decimal, float)):
        try:
            return len(_shown_amount(value))
        except ValueError:
            return len(str(value))
    return len(str(value))


def _widths(ws, df: pd.DataFrame, columns, amounts=("amount", "total", "value")) -> None:
    """Each column as wide as the text its cells show (amounts formatted), within MAX_WIDTH."""
    sample = df.head(WIDTH_SAMPLE)
    for index, name in enumerate(columns, 1):
        lengths = [_shown_length(v, name in amounts) for v in sample[name]] if name in sample else []
        width = max([len(name), *lengths]) + 2
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = min(width, MAX_WIDTH.get(name, 30))
        dimension.hidden = name in HIDDEN


# Amounts: grouped, cents below a million, none from a million on (the currency has its own column).
AMOUNT_FORMAT = "[>=1000000]#,##0;[<=-1000000]-#,##0;#,##0.00"


def _shown_amount(value) -> str:
    """An amount as AMOUNT_FORMAT shows it."""
    number = float(value)
    return f"{number:,.0f}" if abs(number) >= 1_000_000 else f"{number:,.2f}"


def write_workbook(path: Path, book: Review, name: str | None = None) -> None:
    """The reviewer's workbook of `book` (`name`: what the user calls the
    file, for the Summary's note; else `path`'s). Its summary gives the
    Summary sheet its rows, whose totals are formulas over the Ledger sheet;
    the converted totals (the same columns, in one currency) are added below
    as values."""
    wb = Workbook(write_only=True)
    ledger_sheet = wb.create_sheet("Ledger")
    summary_sheet = wb.create_sheet("Summary")
    mention_sheet = wb.create_sheet("Mentions")
    source_sheet = wb.create_sheet("Sources")
    lists = wb.create_sheet("Lists")

    _write_ledger(ledger_sheet, book.ledger, book.kinds, book.statuses, book.currencies)
    _write_summary(summary_sheet, book.summary, book.converted, len(book.ledger), name or path.name)
    _write_rows(mention_sheet, book.mentions, MENTION_COLUMNS, ("value",))
    _write_rows(source_sheet, book.sources, SOURCE_COLUMNS)
    lists.sheet_state = "hidden"
    for code in book.currencies:
        lists.append([code])
    wb.save(path)


def _printable(ws) -> None:
    """Landscape, one page wide, the header row on every page: how a reviewer prints or exports it."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


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
    amount_at, upper_at = LEDGER_COLUMNS.index("amount"), LEDGER_COLUMNS.index("upper")
    sentences = ledger["sentence"].map(lambda s: " ".join((s or "").split()))  # one line a row
    provenance = [json.dumps(dict(zip(PROVENANCE, values)), ensure_ascii=False)
                  for values in zip(*(ledger[name] for name in PROVENANCE))]
    # JSON escapes control characters itself; other text loses those XML forbids
    amounts = ("amount", "upper")
    texts = {name: [text(v) for v in (sentences if name == "sentence" else ledger[name])]
             for name in LEDGER_COLUMNS if name not in (*amounts, "provenance")}
    columns = [provenance if name == "provenance" else ledger[name] if name in amounts else texts[name]
               for name in LEDGER_COLUMNS]
    text_at = [at for at, name in enumerate(LEDGER_COLUMNS) if name in texts]
    for values in zip(*columns):
        row = list(values)
        for at in text_at:
            if row[at] is not None and row[at].startswith("="):  # text that looks like a formula stays text
                row[at] = _cell(ws, row[at])
        row[amount_at] = _cell(ws, values[amount_at], AMOUNT_FORMAT)
        if values[upper_at] is not None:
            row[upper_at] = _cell(ws, values[upper_at], AMOUNT_FORMAT)
        ws.append(row)


NOTE_WIDTH = 90
# Rows of the Ledger sheet the Summary's formulas read beyond those written: room for a reviewer's additions.
ADDED_ROWS = 1000
UPDATE_NOTE = ("The rows of this table are the ledger's keys when it was written; totals follow edited amounts. "
               "After renaming a company, kind, status or currency in the Ledger sheet, run "
               "`ledger summarize {name} --update` to rewrite this sheet.")


def _write_summary(ws, summary: pd.DataFrame, converted: pd.DataFrame | None, ledger_rows: int,
                   name: str = "ledger.xlsx") -> None:
    """Totals as formulas over the Ledger sheet, a bar chart of the largest
    companies (in the converted currency, else the most used one), and the
    converted totals. The formulas compare exactly (SUMPRODUCT of EXACT,
    not SUMIFS): case counts ("ACME" is not "Acme"), a name's * ? ~ > =
    are characters, not patterns, and the (unnamed) row sums empty cells."""
    columns = ("company", "kind", "status", "currency", "total", "events")
    _printable(ws)
    ws.freeze_panes = "A2"
    _widths(ws, summary.astype(object), columns)
    _header(ws, columns)
    letter = {name: get_column_letter(LEDGER_COLUMNS.index(name) + 1)
              for name in ("company", "kind", "status", "currency", "amount")}
    end = max(ledger_rows + 1, 2) + ADDED_ROWS
    rng = {k: f"Ledger!${v}$2:${v}${end}" for k, v in letter.items()}
    for number, row in enumerate(summary.itertuples(index=False), 2):
        company = '""' if row.company == UNNAMED else f"$A{number}"
        match = "*".join([f"EXACT({rng['company']},{company})", *(
            f"EXACT({rng[name]},${column}{number})" for name, column in (("kind", "B"), ("status", "C"),
                                                                        ("currency", "D")))])
        total = WriteOnlyCell(ws, value=f"=SUMPRODUCT({match},{rng['amount']})")
        total.number_format = AMOUNT_FORMAT
        count = WriteOnlyCell(ws, value=f"=SUMPRODUCT({match})")
        ws.append([_cell(ws, row.company), _cell(ws, row.kind), _cell(ws, row.status), _cell(ws, row.currency),
                   total, count])
    ws.append([])
    note = textwrap.wrap(UPDATE_NOTE.format(name=name), NOTE_WIDTH)  # lines that stay within the table's columns
    for line in note:
        ws.append([_cell(ws, line)])
    shown = converted if converted is not None and len(converted) else summary
    if len(shown):
        _chart(ws, shown, 1 + len(summary) + 1 + len(note))
    if converted is not None and len(converted):
        currency = converted["currency"].iloc[0]
        ws.append([])
        ws.append([_cell(ws, f"Totals in {currency} at ECB reference rates", bold=True)])
        _header(ws, columns)
        for row in converted.itertuples(index=False):
            ws.append([_cell(ws, row.company), _cell(ws, row.kind), _cell(ws, row.status), _cell(ws, row.currency),
                       _cell(ws, row.total, AMOUNT_FORMAT), _cell(ws, row.events)])


def update_summary(source: Path, target: Path, book: Review) -> None:
    """`source` with its Summary sheet written again from `book` (the
    Ledger sheet as the reviewer left it), saved to `target`: every other
    sheet, edit and format stays."""
    from openpyxl import load_workbook

    wb = load_workbook(source)
    at = wb.sheetnames.index("Summary") if "Summary" in wb.sheetnames else 1
    if "Summary" in wb.sheetnames:
        del wb["Summary"]
    _write_summary(wb.create_sheet("Summary", at), book.summary, book.converted, len(book.ledger), source.name)
    wb.save(target)


def _scaled_format(largest: float) -> str:
    """A number format for chart values: billions or millions, so that axis labels stay short."""
    if largest >= 1e9:
        return '#,##0.0,,,"bn"'
    return '#,##0.0,,"m"' if largest >= 1e6 else "#,##0"


def _chart(ws, summary: pd.DataFrame, written: int) -> None:
    """The largest companies' totals per kind in the most used currency, as
    static values below the table (a chart needs plain numbers) and a bar
    chart with one series per kind: kinds are never added together, and
    reported figures only, when there are any (a forecast is not added to
    them)."""
    actual = summary[summary["status"] == "actual"]
    summary = actual if len(actual) else summary
    currency = summary["currency"].value_counts().index[0]
    per_kind = (summary[summary["currency"] == currency].assign(total=lambda d: d["total"].map(float))
                .groupby(["company", "kind"])["total"].sum().unstack("kind"))
    companies = per_kind.max(axis=1).sort_values(ascending=False).head(CHART_COMPANIES).index
    kinds = per_kind.loc[companies].sum().sort_values(ascending=False).index
    table = per_kind.loc[companies, kinds]
    number_format = _scaled_format(float(table.max().max()))
    ws.append([])
    ws.append([_cell(ws, f"Largest companies ({currency}, reported figures, per kind)", bold=True)])
    _header(ws, ["company", *kinds])
    header_row = written + 3
    for company, values in table.iterrows():
        ws.append([_cell(ws, company), *(None if v != v else _cell(ws, v, number_format) for v in values)])
    chart = BarChart()
    chart.type, chart.style, chart.grouping = "bar", 10, "clustered"
    chart.title = f"Largest companies per kind ({currency})"
    chart.y_axis.title, chart.x_axis.title = currency, None
    chart.y_axis.numFmt = NumFmt(formatCode=number_format, sourceLinked=False)
    data = Reference(ws, min_col=2, max_col=1 + len(kinds), min_row=header_row, max_row=header_row + len(table))
    labels = Reference(ws, min_col=1, min_row=header_row + 1, max_row=header_row + len(table))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.height, chart.width = 9, 18
    ws.add_chart(chart, "H2")


def _write_rows(ws, df: pd.DataFrame, columns, amounts: tuple[str, ...] = ()) -> None:
    _printable(ws)
    ws.freeze_panes = "A2"
    _widths(ws, df, columns, amounts)
    if len(df):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(df) + 1}"
    _header(ws, columns)
    for row in df.itertuples(index=False):
        record = row._asdict()
        for name in amounts:  # amounts come as exact decimal strings
            record[name] = Decimal(record[name]) if record[name] is not None else None
        ws.append([_cell(ws, record[name], AMOUNT_FORMAT if name in amounts else None) for name in columns])
