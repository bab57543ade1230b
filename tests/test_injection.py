"""Formula injection through every CSV and Markdown path (OWASP "CSV
Injection"): a document's text, a doc id and a reviewer's edit that hold
formulas, CR, NUL and tabs come out as text, one row per fact, read back by
Python's csv module as written, and imported by LibreOffice without a
formula cell (.ci/run installs LibreOffice's Calc for this)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from ledger.cells import FORMULA_START, QUOTE

from .conftest import libreoffice_convert, needs_libreoffice, run_ledger as ledger

pytestmark = pytest.mark.slow  # each test runs `ledger` as a process of its own

PAYLOADS = ["=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3", "@SUM(1+1)", "＝1+2", " \t=1+2", "\x00=1+2"]
TEXT = ("Die Porr AG meldete einen Verlust von 5 Mio. Euro im Jahr 2022\r=cmd|' /C calc'!A0 sagte der Chef. "
        "Die Strabag SE meldete einen Umsatz von 7 Mio. Euro im Jahr 2022.")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("injection")
    path = folder / "evil.jsonl"
    path.write_text("".join(json.dumps({"doc": payload, "text": TEXT}) + "\n" for payload in PAYLOADS),
                    encoding="utf-8")
    return path


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _safe(cell: str) -> bool:
    """No spreadsheet reads it as a formula: guarded, or no formula start."""
    return cell.startswith(QUOTE) or cell.lstrip()[:1] not in FORMULA_START


def _check_csv(text: str, facts: int) -> list[list[str]]:
    rows = _rows(text)
    assert len(rows) == facts + 1 and all(len(row) == len(rows[0]) for row in rows)  # no row split
    assert all('"' + cell.replace('"', '""') + '"' in text for row in rows for cell in row)  # every field quoted
    cells = [cell for row in rows[1:] for cell in row]
    assert all(_safe(cell) for cell in cells)
    assert not any(ch in cell for cell in cells for ch in "\r\n\x00")
    return rows


@pytest.fixture(scope="module")
def outputs(corpus, tmp_path_factory):
    """The CSV of extract, of list, of summarize of an edited ledger, and a Markdown summary."""
    folder = tmp_path_factory.mktemp("outputs")
    db = folder / "ledger.db"
    extracted = ledger("extract", "--format", "csv", corpus)
    assert extracted.returncode == 0, extracted.stderr
    assert ledger("add", corpus, db=db).returncode == 0
    listed = ledger("list", "--format", "csv", db=db)
    edited = folder / "edited.csv"
    rows = _rows(extracted.stdout.decode())
    company = rows[0].index("company")
    for row, payload in zip(rows[1:], PAYLOADS * 2):
        row[company] = payload  # a reviewer's edit, as a hostile one would make it
    with open(edited, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    summarized = ledger("summarize", edited, "--format", "csv")
    markdown = ledger("summarize", edited, "--format", "markdown")
    assert listed.returncode == summarized.returncode == markdown.returncode == 0, summarized.stderr
    return {"extract": extracted.stdout.decode(), "list": listed.stdout.decode(),
            "summarize": summarized.stdout.decode(), "markdown": markdown.stdout.decode()}


def test_extract_csv_keeps_every_fact_on_its_row(outputs):
    rows = _check_csv(outputs["extract"], 2 * len(PAYLOADS))
    header = rows[0]
    sentences = [row[header.index("sentence")] for row in rows[1:]]
    assert all("2022 =cmd|' /C calc'!A0 sagte" in s for s in sentences[::2])  # the CR is a space
    docs = {row[header.index("doc")] for row in rows[1:]}
    # an id is one line (the tab a space); the NUL no output can hold is U+FFFD, and then no formula start
    assert docs == {"'=cmd|' /C calc'!A0", "'+SUM(A1:A9)", "'-2+3", "'@SUM(1+1)", "'＝1+2", "'  =1+2", "\ufffd=1+2"}


def test_list_and_summarize_csv_are_guarded(outputs):
    _check_csv(outputs["list"], 2)  # the same two facts from every document
    rows = _check_csv(outputs["summarize"], 2 * len(PAYLOADS))  # every edited name is a fact of its own
    assert {row[0] for row in rows[1:]} >= {"'=cmd|' /C calc'!A0", "'+SUM(A1:A9)", "'@SUM(1+1)"}


def test_markdown_escapes_markup_and_line_breaks(outputs):
    lines = outputs["markdown"].splitlines()
    assert all(line.startswith("|") and line.endswith("|") for line in lines)
    assert "\r" not in outputs["markdown"]
    assert any(r"'=cmd\|' /C calc'\!A0" in line for line in lines)


@needs_libreoffice
def test_libreoffice_imports_no_formula(outputs, tmp_path):
    names = []
    for name in ("extract", "list", "summarize"):
        (tmp_path / f"{name}.csv").write_text(outputs[name], encoding="utf-8", newline="")
        names.append(tmp_path / f"{name}.csv")
    # UTF-8 (76), comma (44) and double quote (34) as a user's import dialog would have them
    libreoffice_convert(names, tmp_path, infilter="CSV:44,34,76,1")
    for name in ("extract", "list", "summarize"):
        sheet = load_workbook(tmp_path / f"{name}.xlsx").active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert cells and not [c.coordinate for c in cells if c.data_type == "f"], name
