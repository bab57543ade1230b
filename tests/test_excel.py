"""The reviewer's workbook: sheets, typed cells, formats, dropdowns, frozen
header, the chart, untrusted text, and reading a reviewer's edits back."""
from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ledger.review import MENTION_COLUMNS, SOURCE_COLUMNS, review
from ledger.schema import frame
from ledger.workbook import LEDGER_COLUMNS
from parsers.events.kinds import KINDS
from reports.excel import AMOUNT_FORMAT, write_workbook
from reports.tables import write_csv

from .conftest import SEED, csv_lines, libreoffice_convert, needs_libreoffice, run_ledger

pytestmark = pytest.mark.slow  # each test runs `ledger` as a process of its own

ledger = partial(run_ledger, text=True)


@pytest.fixture(scope="module")
def seed_workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    path = folder / "seed.xlsx"
    result = ledger("extract", SEED, folder / "broken.txt", "-o", path, "--currency", "EUR")
    assert result.returncode == 1 and "is binary" in result.stderr  # the good document still lands
    return path


def column(ws, name):
    header = [c.value for c in ws[1]]
    return header.index(name) + 1


def test_sheets_and_ledger_cells(seed_workbook):
    wb = load_workbook(seed_workbook)
    assert wb.sheetnames == ["Ledger", "Summary", "Mentions", "Sources", "Lists"]
    ws = wb["Ledger"]
    assert [c.value for c in ws[1]] == list(LEDGER_COLUMNS)
    assert ws.max_row == 7
    amounts = {ws.cell(row, column(ws, "amount")).value for row in range(2, 8)}
    assert amounts == {13750000000, 650000000, 5000000000, 10000000000, 6600000000, 4000000000}
    cell = ws.cell(2, column(ws, "amount"))
    assert cell.data_type == "n" and cell.number_format == AMOUNT_FORMAT  # no code: the currency has its column
    assert ws.cell(2, column(ws, "company")).data_type == "s"
    assert ws.cell(2, column(ws, "sentence")).value.startswith("In den folgenden Monaten")
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:L7"
    assert ws.column_dimensions["K"].width > ws.column_dimensions["A"].width  # fitted: sentence is wide
    assert wb["Lists"].sheet_state == "hidden"


def test_dropdowns(seed_workbook):
    ws = load_workbook(seed_workbook)["Ledger"]
    rules = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert rules["A2:A7"] == '"' + ",".join(KINDS) + '"'
    assert rules["G2:G7"] == '"actual,expected,planned"'
    assert rules["E2:E7"].startswith("Lists!$A$1:$A$")


def test_summary_totals_follow_the_ledger_and_chart(seed_workbook):
    ws = load_workbook(seed_workbook)["Summary"]
    assert [c.value for c in ws[1]] == ["company", "kind", "status", "currency", "total", "events"]
    assert ws["A2"].value == "Microsoft" and ws["E2"].value.startswith("=SUMPRODUCT(EXACT(Ledger!$B$2:$B$")
    assert "EXACT(Ledger!$G$2:$G$1007,$C2)" in ws["E2"].value  # the status is a criterion: a forecast is not added
    values = [row for row in ws.iter_rows(values_only=True)]
    assert any(r[0] == "Totals in EUR at ECB reference rates" for r in values)
    with zipfile.ZipFile(seed_workbook) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        chart = archive.read(charts[0]) if charts else b""
        assert b"<barChart>" in chart and b"Largest companies per kind (EUR)" in chart
        assert chart.count(b"<ser>") == 5  # a series per kind the seed reports: kinds are never added together
        assert b'formatCode="#,##0.0,,,&quot;bn&quot;"' in chart  # the axis in billions


def test_mentions_and_sources(seed_workbook):
    wb = load_workbook(seed_workbook)
    mentions = list(wb["Mentions"].iter_rows(values_only=True))
    assert mentions[0] == MENTION_COLUMNS and len(mentions) == 7
    assert mentions[1][1] == "fünf Milliarden Dollar" and mentions[1][2] == 5000000000
    assert "Verlust von fünf Milliarden Dollar" in mentions[1][7]
    sources = list(wb["Sources"].iter_rows(values_only=True))
    assert sources[0] == SOURCE_COLUMNS
    assert sources[1][3:5] == (6, 6) and sources[2][5] == "is binary, not text"


def untrusted_ledger():
    row = {c: None for c in LEDGER_COLUMNS}
    row.update(id="x1", kind="loss", company="=cmd|' /C calc'!A0", counterparty="+SUM(A1:A9)",
               amount=Decimal("5000000"), currency="EUR", status="actual", lang="de", doc="@doc",
               source="-src", sentence="=HYPERLINK(\"http://evil\")\x07 bell", span_start=0, span_end=3,
               extracted_at="", sources="@doc")
    return frame([row])


def test_untrusted_text_never_becomes_a_formula(tmp_path):
    path = tmp_path / "evil.xlsx"
    write_workbook(path, review(untrusted_ledger()))
    ws = load_workbook(path)["Ledger"]
    company, sentence = ws.cell(2, column(ws, "company")), ws.cell(2, column(ws, "sentence"))
    assert company.data_type == "s" and company.value == "=cmd|' /C calc'!A0"
    assert sentence.data_type == "s" and sentence.value == '=HYPERLINK("http://evil") bell'  # \x07 removed
    out = io.StringIO()
    write_csv(untrusted_ledger(), out)
    header, cells = csv.reader(io.StringIO(out.getvalue()))
    assert out.getvalue().splitlines()[1].startswith('"x1","loss","\'=cmd|')  # every field quoted
    row = dict(zip(header, cells))
    assert (row["company"], row["counterparty"], row["doc"], row["source"]) == (
        "'=cmd|' /C calc'!A0", "'+SUM(A1:A9)", "'@doc", "'-src")
    assert row["sentence"] == '\'=HYPERLINK("http://evil")  bell'  # the bell is a space


def test_edited_workbook_round_trip(seed_workbook, tmp_path):
    wb = load_workbook(seed_workbook)
    ws = wb["Ledger"]
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, column(ws, "kind")).value == "loan":
            ws.cell(row, column(ws, "amount")).value = 4500000000
            ws.cell(row, column(ws, "company")).value = "OpenAI Global"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    summary = csv_lines(ledger("summarize", edited, "--format", "csv").stdout)
    assert "OpenAI Global,loan,actual,USD,4500000000,1" in summary and "OpenAI,loss,expected,USD,5000000000,1" in summary


@pytest.mark.parametrize("name, value, words", [
    ("amount", "four billion", "sheet Ledger, cell D3: not an amount: 'four billion'"),
    ("kind", "gift", "sheet Ledger, cell A3: unknown kind 'gift'"),
    ("currency", "XYZ", "sheet Ledger, cell E3: unknown currency 'XYZ'"),
])
def test_broken_edit_names_sheet_cell_and_problem(seed_workbook, tmp_path, name, value, words):
    wb = load_workbook(seed_workbook)
    wb["Ledger"].cell(3, column(wb["Ledger"], name)).value = value
    broken = tmp_path / "broken.xlsx"
    wb.save(broken)
    result = ledger("summarize", broken)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_from_the_store(tmp_path):
    db, path = tmp_path / "ledger.db", tmp_path / "export.xlsx"
    assert ledger("add", SEED, "--db", db).returncode == 0
    result = ledger("export", "--db", db, "-o", path)
    assert result.returncode == 0 and "6 row(s)" in result.stderr
    wb = load_workbook(path)
    assert wb["Ledger"].max_row == 7 and wb["Mentions"].max_row == 7
    assert list(wb["Sources"].iter_rows(values_only=True))[1][3:5] == (6, 6)


def test_not_a_workbook(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    result = ledger("summarize", fake)
    assert result.returncode == 2 and "not a readable Excel workbook" in result.stderr


def test_a_document_that_starts_with_a_formula(tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text('=HYPERLINK("http://evil.example") Die Firma AG machte einen Verlust von 5 Mio. Euro. '
                    "Die Firma AG plant weiter.", encoding="utf-8")
    path = tmp_path / "evil.xlsx"
    assert ledger("extract", evil, "-o", path).returncode == 0
    wb = load_workbook(path)
    ws = wb["Ledger"]
    sentence = ws.cell(2, column(ws, "sentence"))
    assert sentence.data_type == "s" and sentence.value.startswith('=HYPERLINK("http://evil.example")')
    context = wb["Mentions"].cell(2, MENTION_COLUMNS.index("context") + 1)
    assert context.data_type == "s" and context.value.startswith("=HYPERLINK")


def test_unknown_total_currency_stops_before_reading(tmp_path):
    path = tmp_path / "none.xlsx"
    result = ledger("extract", SEED, "-o", path, "--currency", "xyz")
    assert result.returncode == 2 and result.stderr.strip().splitlines() == [
        "ledger: error: no exchange rates for 'XYZ' (an ISO code such as EUR or USD)"]
    assert not path.exists()


def _summary_values(path: Path, folder: Path) -> dict[tuple, tuple]:
    """The Summary's table as LibreOffice computes it: (company, kind, status, currency) -> (total, events)."""
    libreoffice_convert([path], folder)
    rows = load_workbook(folder / path.name, data_only=True)["Summary"].iter_rows(min_row=2, values_only=True)
    table = {}
    for row in rows:
        if row[0] is None:
            break
        table[tuple(row[:4])] = tuple(row[4:6])
    return table


def _edited(path: Path, target: Path, edit) -> Path:
    wb = load_workbook(path)
    edit(wb["Ledger"])
    wb.save(target)
    return target


@needs_libreoffice
def test_summary_follows_renames_after_update_and_compares_names_exactly(tmp_path):
    """Recomputed by LibreOffice: the Summary's formulas follow edited
    amounts; a rename (with case, a wildcard, an operator, an emptied name)
    shows once `summarize --update` has rewritten the sheet; ACME and Acme
    and A*, =X are each their own total, and (unnamed) totals the empty names."""
    path = tmp_path / "seed.xlsx"
    assert ledger("extract", SEED, "-o", path).returncode == 0
    names = {"loan": "ACME", "contract": "Acme", "funding_round": "A*", "loss": "=X", "acquisition": None}

    def rename(ws):
        for row in range(2, ws.max_row + 1):
            kind = ws.cell(row, column(ws, "kind")).value
            if kind in names:
                cell = ws.cell(row, column(ws, "company"))
                cell.value = names[kind]
                cell.data_type = "s" if cell.value else cell.data_type  # "=X" typed as text, as '=X in Excel
            if kind == "investment":
                ws.cell(row, column(ws, "amount")).value = 14000000000

    edited = _edited(path, tmp_path / "edited.xlsx", rename)
    before = _summary_values(edited, tmp_path / "before")
    assert before[("Microsoft", "investment", "actual", "USD")] == (14000000000, 1)  # an amount's fix follows
    assert before[("OpenAI", "loan", "actual", "USD")] == (0, 0)  # a rename needs --update
    out = ledger("summarize", edited, "--update", "--format", "csv")
    assert out.returncode == 0 and "rewrote the Summary sheet" in out.stderr
    after = _summary_values(edited, tmp_path / "after")
    assert after == {
        ("ACME", "loan", "actual", "USD"): (4000000000, 1), ("Acme", "contract", "actual", "USD"): (10000000000, 1),
        ("A*", "funding_round", "actual", "USD"): (6600000000, 1), ("=X", "loss", "expected", "USD"): (5000000000, 1),
        ("(unnamed)", "acquisition", "actual", "USD"): (650000000, 1),
        ("Microsoft", "investment", "actual", "USD"): (14000000000, 1)}
    wb = load_workbook(edited)
    assert wb.sheetnames == ["Ledger", "Summary", "Mentions", "Sources", "Lists"]  # the other sheets stay
    assert wb["Ledger"].cell(2, column(wb["Ledger"], "company")).value in {*names.values(), "Microsoft"}
    assert any("--update" in str(r[0]) for r in wb["Summary"].iter_rows(values_only=True) if r[0])


def test_update_needs_one_workbook(tmp_path):
    out = ledger("summarize", SEED, "--update")
    assert out.returncode == 2 and "give one .xlsx file" in out.stderr
