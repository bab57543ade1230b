"""The ledger database as users run it: `ledger add`, `list`, `remove`,
`summarize` over it; idempotent adds, two writers at once, a kill in the
middle, and a file that is no ledger."""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from functools import partial

import pandas as pd
import pytest
from openpyxl import load_workbook

from ledger import read, summarize
from ledger.store import SCHEMA, Store, StoreError

from .conftest import ROOT, SEED, csv_lines, run_ledger

pytestmark = pytest.mark.slow  # each test runs `ledger` as a process of its own

TEMPLATE = "Die Firma{n} AG meldete einen Umsatz von {n},5 Millionen Euro. Die Firma{n} AG plant einen Kredit über {n} Mio. Euro."


ledger = partial(run_ledger, text=True)


def corpus(folder, count):
    folder.mkdir()
    for n in range(1, count + 1):
        (folder / f"{n:04d}.txt").write_text(TEMPLATE.format(n=n), encoding="utf-8")
    return folder


def consistent(db) -> tuple[int, int]:
    """(documents, facts), after checking that no document is half in."""
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM facts WHERE id NOT IN (SELECT id FROM fact_sources)").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM fact_sources WHERE hash NOT IN (SELECT hash FROM documents)").fetchone()[0] == 0
        # every document of this corpus has both its events
        per_doc = con.execute("SELECT count(*) FROM fact_sources GROUP BY hash").fetchall()
        assert all(n == 2 for (n,) in per_doc)
        return (con.execute("SELECT count(*) FROM documents").fetchone()[0],
                con.execute("SELECT count(*) FROM facts").fetchone()[0])


def test_add_is_idempotent_and_lists(tmp_path):
    db = tmp_path / "ledger.db"
    first = ledger("add", SEED, db=db)
    assert first.returncode == 0 and "added 1 document(s) with 6 event(s)" in first.stderr
    again = ledger("add", SEED, db=db)
    assert "added 0 document(s)" in again.stderr and "1 already in" in again.stderr
    rows = json.loads(ledger("list", "--format", "json", db=db).stdout)
    assert len(rows) == 6 and {r["kind"] for r in rows} >= {"investment", "loan"}
    summary = csv_lines(ledger("summarize", db, "--format", "csv").stdout)
    assert summary[0] == "company,kind,status,currency,total,events" and "OpenAI,loan,actual,USD,4000000000,1" in summary


def test_ledger_db_environment_variable(tmp_path):
    env = {**os.environ, "LEDGER_DB": str(tmp_path / "env.db")}
    assert ledger("add", SEED, env=env).returncode == 0
    assert (tmp_path / "env.db").exists()


def test_same_fact_in_two_documents_lists_both_sources(tmp_path):
    db = tmp_path / "ledger.db"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Die Porr AG meldete 2015 einen Umsatz von 3 Mrd. Euro.", encoding="utf-8")
    b.write_text("Im Jahr 2015 meldete die Porr AG einen Umsatz von 3 Mrd. Euro.", encoding="utf-8")
    ledger("add", a, b, db=db)
    (row,) = json.loads(ledger("list", "--format", "json", db=db).stdout)
    assert row["sources"].split("\n") == [str(a), str(b)]
    first = ledger("remove", "--doc", a, db=db)
    assert first.returncode == 0 and "removed 1 document(s) and 0 ledger row(s)" in first.stderr
    (row,) = json.loads(ledger("list", "--format", "json", db=db).stdout)
    assert row["sources"] == str(b)
    assert "removed 1 document(s) and 1 ledger row(s)" in ledger("remove", "--doc", b, db=db).stderr
    assert json.loads(ledger("list", "--format", "json", db=db).stdout) == []


def test_list_filters(tmp_path):
    db = tmp_path / "ledger.db"
    ledger("add", SEED, db=db)
    rows = json.loads(ledger("list", "--kind", "loan", "--company", "openai", "--format", "json", db=db).stdout)
    assert [(r["kind"], r["company"], r["amount"]) for r in rows] == [("loan", "OpenAI", "4000000000")]
    assert json.loads(ledger("list", "--currency", "EUR", "--format", "json", db=db).stdout) == []
    since = json.loads(ledger("list", "--since", "2024-06-01", "--until", "2024-06-30", "--format", "json", db=db).stdout)
    assert [(r["kind"], r["period"]) for r in since] == [("contract", "2024-06")]
    workbook = tmp_path / "loans.xlsx"
    assert ledger("export", "--kind", "loan", "-o", workbook, db=db).returncode == 0
    ledger_rows = list(load_workbook(workbook)["Ledger"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in ledger_rows] == ["loan"]


def test_two_adds_at_once(tmp_path):
    db = tmp_path / "ledger.db"
    one, two = corpus(tmp_path / "one", 40), tmp_path / "two"
    two.mkdir()
    for n in range(41, 81):
        (two / f"{n:04d}.txt").write_text(TEMPLATE.format(n=n), encoding="utf-8")
    command = [sys.executable, "-m", "ledger.cli", "add", "--db", str(db)]
    runs = [subprocess.Popen(command + [str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for folder in (one, two)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert consistent(db) == (80, 160)


def test_kill_during_add_loses_nothing_committed(tmp_path):
    db, folder = tmp_path / "ledger.db", corpus(tmp_path / "docs", 400)
    run = subprocess.Popen([sys.executable, "-m", "ledger.cli", "add", "--db", str(db), str(folder)],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as con:
                    if con.execute("SELECT count(*) FROM documents").fetchone()[0] >= 20:
                        break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    documents, facts = consistent(db)
    assert 20 <= documents < 400 and facts == 2 * documents
    assert ledger("add", folder, db=db).returncode == 0  # the rest goes in, nothing twice
    assert consistent(db) == (400, 800)


def test_a_file_that_is_no_ledger_is_left_alone(tmp_path):
    db = tmp_path / "notes.db"
    db.write_bytes(b"my notes, not a database\n" * 10)
    before = db.read_bytes()
    for args in (("add", SEED), ("list",), ("summarize",)):
        result = ledger(*args, db=db) if args[0] != "summarize" else ledger("summarize", db)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "not a ledger database" in result.stderr or "is binary" in result.stderr or "no such" in result.stderr
    assert db.read_bytes() == before
    with pytest.raises(StoreError, match="not a ledger database"):
        Store(db)


def test_missing_database_for_list(tmp_path):
    result = ledger("list", db=tmp_path / "none.db")
    assert result.returncode == 2 and "no such ledger database" in result.stderr


def test_summarize_formats_and_bad_currency():
    table = ledger("summarize", SEED)
    assert table.returncode == 0 and "Totals by company, per currency" in table.stdout
    assert "13,750,000,000" in table.stdout
    markdown = ledger("summarize", SEED, "--format", "markdown", "--by", "kind").stdout.splitlines()
    assert markdown[0] == "| kind | status | currency | total | events |"
    assert "| loan | actual | USD | 4000000000 | 1 |" in markdown
    converted = ledger("summarize", SEED, "--currency", "eur", "--format", "csv")
    assert converted.returncode == 0 and all(",EUR," in line for line in csv_lines(converted.stdout)[1:])
    assert re.search(r"end of period for 2, latest rate of \d{4}-\d\d-\d\d for 4", converted.stderr)
    rows = json.loads(ledger("summarize", SEED, "--format", "json", "--by", "period").stdout)
    assert {"period": "2024-06", "kind": "contract", "status": "actual", "currency": "USD", "total": "10000000000", "events": 1} in rows
    bad = ledger("summarize", SEED, "--currency", "XYZ")
    assert bad.returncode == 2 and "no exchange rates for 'XYZ'" in bad.stderr and "Traceback" not in bad.stderr


RANGE = ("Die Porr AG erwartet für 2016 einen Umsatz zwischen 4,5 und 4,8 Mrd. Euro. "
         "Die Porr AG erzielte 2015 einen Gewinn von rund 30 Mio. Euro.")


def test_qualifier_and_upper_bound_reach_every_ledger_file(tmp_path):
    """A range's upper bound and an amount's qualifier are ledger columns: in
    the store, the CSV, the JSON Lines records and the workbook, and read back."""
    article = tmp_path / "porr.txt"
    article.write_text(RANGE, encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert ledger("add", article, db=db).returncode == 0
    listed = {r["kind"]: (r["qualifier"], r["upper"]) for r in json.loads(ledger("list", "--format", "json", db=db).stdout)}
    assert listed == {"revenue": (None, "4800000000"), "profit": ("rund", None)}
    for suffix in ("csv", "jsonl", "xlsx"):
        written = tmp_path / f"porr.{suffix}"
        assert ledger("extract", article, "-o", written).returncode == 0
        back = read(written)
        uppers = {r.kind: (r.qualifier, None if pd.isna(r.upper) else str(int(r.upper))) for r in back.itertuples()}
        assert uppers == listed, suffix
    assert summarize(read(tmp_path / "porr.csv"))["total"].map(int).tolist() == [30000000, 4500000000]


def test_a_database_from_before_the_new_columns_is_read_and_extended(tmp_path):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as connection:  # the facts table as it was before qualifier and upper
        connection.executescript(SCHEMA.replace(", qualifier TEXT, upper TEXT);", ");"))
    assert "qualifier" not in [row[1] for row in sqlite3.connect(db).execute("PRAGMA table_info(facts)")]
    assert ledger("list", db=db).returncode == 0  # read-only: read as empty, not changed
    article = tmp_path / "porr.txt"
    article.write_text(RANGE, encoding="utf-8")
    assert ledger("add", article, db=db).returncode == 0
    rows = json.loads(ledger("list", "--format", "json", db=db).stdout)
    assert {r["upper"] for r in rows} == {"4800000000", None}
