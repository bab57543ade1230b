"""Bad input of every kind the project has met, through the command line as
a user runs it (in this process, for speed): each gives its one-line
message and exit code, never a traceback, and the other documents of the
same run still land whole (the seed beside the bad input keeps its six
events). Issue 13 lists where these come from."""
from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable

import pytest
from openpyxl import Workbook

from ledger import store as store_module
from ledger.cli import main
from ledger.store import Store, StoreError

from .conftest import SEED
from .test_inputs import encrypted, pdf_bytes

ARTICLE = "Die Porr AG meldete einen Umsatz von 3 Mrd. Euro für das Jahr 2015."
UMLAUTS = "Die Münchener Rück AG meldete für 2015 einen Gewinn von 5 Mio. Euro. Über Märkte sprach sie nicht."


def run(capsys, monkeypatch, *args, stdin: bytes | None = b"") -> tuple[int, str, str]:
    """`ledger ARGS` in this process: exit code, stdout, stderr."""
    if stdin is None:
        monkeypatch.setattr(sys, "stdin", None)
    else:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def docs(out: str) -> dict[str, dict]:
    return {r["doc"]: r for r in map(json.loads, out.splitlines())}  # the writer escapes U+2028 and U+0085


@dataclass(frozen=True)
class Case:
    """A bad input (written by `make` into a folder, which returns the
    arguments after `extract --format jsonl`), the exit code, the words of
    its message, and what else must hold of the output."""
    name: str
    make: Callable[[Path], list]
    code: int
    words: str
    check: Callable[[dict[str, dict]], bool] = lambda found: True
    seed: bool = True  # the seed is read beside it and must land whole


def _file(name: str, data: bytes | str) -> Callable[[Path], list]:
    def make(folder: Path) -> list:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [path, SEED]
    return make


def _with(options: list, name: str, data: bytes | str) -> Callable[[Path], list]:
    def make(folder: Path) -> list:
        return [*options, *_file(name, data)(folder)]
    return make


def _jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def _seed_lands(found: dict[str, dict]) -> bool:
    return len(found[str(SEED)]["events"]) == 6


def _values(found: dict[str, dict]) -> list[str]:
    return [m["value"] for r in found.values() if r["doc"] != str(SEED) for m in r["mentions"]]


GOOD = {"doc": "good", "text": ARTICLE}
CASES = [
    # files that hold no document
    Case("empty file", _file("empty.txt", b""), 1, "empty.txt: is empty"),
    Case("blank file", _file("blank.txt", b" \n\t\n"), 1, "blank.txt: is empty"),
    Case("PNG posing as text", _file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 1, "is binary, not text"),
    Case("NUL after the first 8 KB", _file("late.txt", ARTICLE.encode() * 200 + b"\x00" + b"x"), 1,
         "late.txt: is binary, not text"),
    Case("broken PDF", _file("broken.pdf", b"%PDF-1.4\nthis is no pdf at all"), 1, "is a broken PDF"),
    Case("PDF with a password", lambda f: _file("locked.pdf", encrypted(pdf_bytes(ARTICLE)))(f), 1,
         "is an encrypted PDF (it needs a password)"),
    Case("PDF without text", lambda f: _file("blank.pdf", pdf_bytes(""))(f), 1, "is a PDF without text"),
    Case("web page without article", _file("menu.html", "<html><body><nav></nav></body></html>"), 1,
         "is a web page without article text"),
    Case("over --max-bytes", _with(["--max-bytes", "8000"], "huge.txt", "x" * 10_000), 1, "over the limit of 8,000"),
    # JSON Lines corpora: the bad record is named by its line, its neighbours land
    Case("broken JSON line", _file("lines.jsonl", _jsonl(GOOD, "{broken")), 1, "lines.jsonl:2: is not valid JSON",
         lambda found: _values(found) == ["3000000000"]),
    Case("JSON line that is a list", _file("list.jsonl", _jsonl(["a"], GOOD)), 1,
         "list.jsonl:1: needs a JSON object", lambda found: _values(found) == ["3000000000"]),
    Case("record with an empty text", _file("hollow.jsonl", _jsonl({"text": "  "}, GOOD)), 1,
         "hollow.jsonl:1: has an empty text", lambda found: "good" in found),
    Case("record without the text key", _file("keyless.jsonl", _jsonl({"body": ARTICLE}, GOOD)), 1,
         "keyless.jsonl:1: no column 'text' (columns: body)", lambda found: "good" in found),
    Case("record whose text is a number", _file("number.jsonl", _jsonl({"text": 5}, GOOD)), 1,
         "number.jsonl:1: has a text that is not a string", lambda found: "good" in found),
    Case("100,000 nested brackets", _file("deep.jsonl", "[" * 100_000 + "\n" + _jsonl(GOOD)), 1,
         "deep.jsonl:1: is JSON nested too deeply", lambda found: "good" in found),
    Case("an id of 5,000 digits", _file("long_id.jsonl", _jsonl('{"doc": ' + "7" * 5000 + ', "text": "%s"}' % ARTICLE)),
         0, "", lambda found: "7" * 5000 in found),
    Case("raw U+2028 inside a JSON string", _file("ls.jsonl", _jsonl({"doc": "ls", "text": ARTICLE + "\u2028Mehr."})),
         0, "", lambda found: _values(found) == ["3000000000"]),
    Case("raw U+0085 inside a JSON string", _file("nel.jsonl", _jsonl({"doc": "nel", "text": "A\x85" + ARTICLE})),
         0, "", lambda found: _values(found) == ["3000000000"]),
    Case("a corpus without records", _file("none.jsonl", "\n\n"), 1, "none.jsonl: is a corpus without records"),
    Case("a JSON line over --max-bytes", _with(["--max-bytes", "100000"], "big.jsonl", _jsonl(
        {"doc": "big", "text": "x" * 300_000}, GOOD)), 1, "big.jsonl:1: is over the limit of 100,000 bytes",
         lambda found: "good" in found and "big" not in found),
    # CSV corpora
    Case("a quote that never closes", _with(["--text-column", "text"], "quote.csv",
                                            'id,text\n1,"Umsatz 5 Mio. Euro\n2,"Gewinn 3 Mio. Euro"\n'
                                            '3,"Verlust 2 Mio. Euro"\n'), 1,
         "quote.csv:2: is not valid CSV", lambda found: {"2", "3"} <= set(found)),
    Case("a row shorter than the header", _with(["--text-column", "text", "--id-column", "id"], "short.csv",
                                                'id,text,extra\n1,"Umsatz 5 Mio. Euro"\n2,"Gewinn 3 Mio. Euro",x\n'),
         1, "short.csv:2: has 2 field(s), the header 3", lambda found: "2" in found),
    Case("a field over 131,072 characters", _with(["--text-column", "text"], "long.csv",
                                                  'id,text\n1,"' + "Wort " * 40_000 + ARTICLE + '"\n2,"x"\n'),
         0, "", lambda found: found["1"]["mentions"][0]["value"] == "3000000000" and "2" in found),
    Case("an empty CSV", _with(["--text-column", "text"], "empty.csv", ""), 1, "empty.csv: is empty"),
    Case("a CSV of a header only", _with(["--text-column", "text"], "header.csv", "id,text\n"), 1,
         "header.csv: is a corpus without records"),
    Case("broken Parquet", _with(["--text-column", "text"], "bad.parquet", b"PAR1 not really parquet PAR1"), 1,
         "is not a readable Parquet file"),
    # encodings: nothing lost without a word
    Case("UTF-8 with one bad final byte", _file("tail.txt", UMLAUTS.encode() + b"\xe4"), 0,
         "tail.txt: 1 byte(s) are not UTF-8: read as cp1252",
         lambda found: found[next(d for d in found if d.endswith("tail.txt"))]["mentions"][0]["text"] == "5 Mio. Euro"),
    Case("UTF-16 without a BOM", _file("wide.txt", UMLAUTS.encode("utf-16-le")), 0, "no BOM, read as utf-16-le",
         lambda found: _values(found) == ["5000000"]),
    Case("UTF-32 with its BOM", _file("u32.txt", UMLAUTS.encode("utf-32")), 0, "",
         lambda found: _values(found) == ["5000000"]),
    Case("UTF-16 with its BOM", _file("u16.txt", UMLAUTS.encode("utf-16")), 0, "",
         lambda found: _values(found) == ["5000000"]),
    Case("half UTF-8, half cp1252", _file("half.txt", UMLAUTS.encode() + " Der Umsatz der Börse AG betrug "
                                          "7 Mio. €.".encode("cp1252")), 0, "byte(s) are not UTF-8",
         lambda found: _values(found) == ["5000000", "7000000"]),
    Case("a short cp1252 text", _file("short.txt", "Umsatz der Müller AG: 5 Mio. € für Überstunden".encode("cp1252")),
         0, "short.txt: not UTF-8: decoded as cp1252, a guess",
         lambda found: [m["text"] for r in found.values() for m in r["mentions"]][0] == "5 Mio. €"),
    Case("--encoding forced", lambda f: ["--encoding", "latin-1", _file("latin.txt", UMLAUTS.encode("latin-1"))(f)[0]],
         0, "decoded as iso8859-1 (--encoding)", lambda found: _values(found) == ["5000000"], seed=False),
    # text no writer can take
    Case("a lone surrogate in a JSON string", _file("surrogate.jsonl", '{"doc": "s\\ud800", "text": "%s \\ud800"}\n'
                                                    % ARTICLE), 0, "replaced by U+FFFD",
         lambda found: "s\ufffd" in found),
    Case("U+FFFE and U+FFFF in a text", _file("nonchar.txt", ARTICLE + " \ufffe\uffff"), 0, "2 character(s)"),
    Case("a terminal escape in a text", _file("escape.txt", ARTICLE + " \x1b]0;owned\x07 \x1b[2J"), 0,
         "character(s) no output can hold", lambda found: "\x1b" not in json.dumps(found, ensure_ascii=False)),
    Case("a newline in a record's id", _file("newline.jsonl", _jsonl({"doc": "a\nb", "text": ARTICLE})), 0, "",
         lambda found: "a b" in found),
    # what is no file to read
    Case("a FIFO named", lambda f: (os.mkfifo(f / "pipe"), [f / "pipe", SEED])[1], 1,
         "pipe: is not a regular file (a FIFO, device or socket): pipe it to - instead"),
    Case("a device", lambda f: ["--max-bytes", "100000", "/dev/zero", SEED], 1, "/dev/zero: is not a regular file"),
    Case("a folder without readable files", lambda f: ((f / "hollow").mkdir(), [f / "hollow", SEED])[1], 1,
         "has no readable files"),
    Case("a CSV in a folder without --text-column",
         lambda f: ((f / "news").mkdir(), (f / "news" / "a.txt").write_text(ARTICLE, "utf-8"),
                    (f / "news" / "c.csv").write_text("id,text\n1,x\n", "utf-8"), [f / "news", SEED])[-1], 1,
         "c.csv: a .csv corpus needs --text-column", lambda found: any(d.endswith("a.txt") for d in found)),
    # digits and words the grammar reads but no convention makes a number of
    Case("marks no convention reads", _file("marks.txt", "Umsatz 1.000,000.000 Euro und 5 Mio. Euro Gewinn."), 0, "",
         lambda found: _values(found) == ["5000000"]),
    Case("a fine of 0 euros", _file("zero.txt", "Die Behörde verhängte ein Bußgeld von 0 Euro gegen die Porr AG."),
         0, "", lambda found: all(not r["events"] for d, r in found.items() if d.endswith("zero.txt"))),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_named_and_the_rest_lands(tmp_path, capsys, monkeypatch, case):
    code, out, err = run(capsys, monkeypatch, "extract", "--format", "jsonl", "--quiet", *case.make(tmp_path))
    assert code == case.code, err
    assert case.words in err
    assert len(err.splitlines()) <= 3  # a warning, perhaps a decoding note, and the count
    found = docs(out)
    assert (not case.seed or _seed_lands(found)) and case.check(found), out[:2000]


@pytest.mark.parametrize("args, words", [
    (["--max-bytes", "-5"], "argument --max-bytes: must be 1 or more, not -5"),
    (["--max-bytes", "0"], "argument --max-bytes: must be 1 or more, not 0"),
    (["--max-bytes", "lots"], "argument --max-bytes: not a whole number: 'lots'"),
    (["--jobs", "0"], "argument --jobs: must be 1 or more, not 0"),
    (["--delimiter", ";;"], "argument --delimiter: one character, not ';;'"),
    (["--quotechar", ""], "argument --quotechar: one character, not ''"),
    (["--glob", "/etc/*"], "argument --glob: a pattern inside the folders read"),
    (["--encoding", "klingon"], "argument --encoding: unknown encoding 'klingon'"),
    (["--date", "2016-13-01"], "not a date"),
])
def test_bad_option_is_one_line_and_exit_2(capsys, monkeypatch, args, words):
    with pytest.raises(SystemExit) as stop:
        main(["extract", *args, str(SEED)])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and words in err and "Traceback" not in err


@pytest.mark.parametrize("make, words", [
    (lambda f: f / "no" / "such.txt", "no such file or folder"),
    (lambda f: (os.symlink(f / "loop", f / "loop"), f / "loop")[1], "loop: cannot be read: Too many levels"),
    (lambda f: (f / "corpus.csv").write_text("id,body\n1,x\n", "utf-8") and f / "corpus.csv",
     "corpus.csv: a .csv corpus needs --text-column"),
])
def test_an_input_that_names_nothing_readable_exits_2(tmp_path, capsys, monkeypatch, make, words):
    code, _, err = run(capsys, monkeypatch, "extract", make(tmp_path), SEED)
    assert code == 2 and words in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("stdin, words", [(None, "<stdin>: is closed"), (b"", "<stdin>: is empty")])
def test_stdin_closed_or_empty(capsys, monkeypatch, stdin, words):
    code, _, err = run(capsys, monkeypatch, "extract", "--format", "jsonl", "-", stdin=stdin)
    assert code == 1 and words in err


def test_names_with_markup_and_escapes_reach_the_terminal_as_text(tmp_path, capsys, monkeypatch):
    """rich markup in a file name prints as written; an escape sequence never reaches the terminal."""
    marked = tmp_path / "Q3 [final] [link=evil]x[red].txt"
    marked.write_text(ARTICLE, encoding="utf-8")
    escaped = tmp_path / "a\x1b]0;owned\x07\x1b[2J.txt"
    escaped.write_bytes(b"")
    code, out, err = run(capsys, monkeypatch, "extract", marked, escaped)
    assert code == 1
    cells = "".join(out.split())  # the name may be folded over lines of its column
    assert "[final]" in cells and "[red]" in cells and "Porr" in cells
    assert "\x1b" not in out and "\x1b" not in err and "is empty" in err


def test_a_file_name_that_is_not_utf8_reaches_every_writer(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "names"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"bericht-\xff.txt")
    with open(raw, "wb") as out:
        out.write(ARTICLE.encode())
    for form, suffix in (("jsonl", "jsonl"), ("csv", "csv"), ("json", "json"), ("table", "txt"), ("xlsx", "xlsx")):
        target = tmp_path / f"out.{suffix}"
        code, _, err = run(capsys, monkeypatch, "extract", "--format", form, "-o", target, folder)
        assert code == 0, err
        assert "replaced by U+FFFD" in err and target.stat().st_size > 0
    assert "bericht-\ufffd.txt" in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


# Read-back of ledgers that were edited or forged.

LEDGER_HEADER = ("id,kind,company,counterparty,amount,currency,period,status,lang,doc,source,sentence,"
                 "span_start,span_end,extracted_at,sources\n")


@pytest.mark.parametrize("amount, words", [
    ("1e100000000", "too large an amount: '1e100000000'"),
    ("9" * 10_000, "not an amount: '9999"),
    ("1e-100000000", "too many decimals"),
    ("-5", "negative amount"),
    ("", "the amount is empty"),
    ("TRUE", "not an amount: 'TRUE'"),
])
def test_a_forged_amount_in_a_ledger_csv_is_one_line(tmp_path, capsys, monkeypatch, amount, words):
    path = tmp_path / "ledger.csv"
    path.write_text(LEDGER_HEADER + f"x,loss,Porr,,{amount},EUR,2015,actual,de,d,d,s,0,1,,d\n", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "summarize", path)
    assert code == 2 and words in err and "row 1, column amount" in err and len(err.splitlines()) == 1


def _ledger_workbook(path: Path, rows: list[list], dimension: str | None = None, big_cell: int = 0) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Ledger"
    ws.append(["kind", "company", "counterparty", "amount", "currency", "period", "status", "doc", "sentence",
               "provenance"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    if dimension or big_cell:  # rewrite the sheet's XML as a forger would
        with zipfile.ZipFile(path) as source:
            parts = {name: source.read(name) for name in source.namelist()}
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        if dimension:
            sheet = sheet.replace('<dimension ref="A1:J2"/>', f'<dimension ref="{dimension}"/>')
        if big_cell:
            sheet = sheet.replace("<t>Porr</t>", "<t>" + "A" * big_cell + "</t>", 1)
        parts["xl/worksheets/sheet1.xml"] = sheet.encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                target.writestr(name, data)
    return path


PROVENANCE = json.dumps({"id": "x", "source": "d", "span_start": 0, "span_end": 1, "lang": "de",
                         "extracted_at": "", "sources": "d"})


def test_a_period_typed_as_a_number_keeps_both_facts(tmp_path, capsys, monkeypatch):
    """Excel stores a typed 2024 as a number: it is the period "2024", not no period."""
    path = _ledger_workbook(tmp_path / "typed.xlsx", [
        ["loss", "Porr", None, 5000000000, "EUR", 2024, "actual", "d", "s", PROVENANCE],
        ["loss", "Porr", None, 5000000000, "EUR", 2023.0, "actual", "d", "s", PROVENANCE]])
    code, out, err = run(capsys, monkeypatch, "list", "--format", "json", "--db", tmp_path / "none.db")
    assert code == 2  # no database: list reads only stores
    code, out, err = run(capsys, monkeypatch, "summarize", path, "--format", "json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert Decimal(str(row["total"])) == Decimal("10000000000") and row["events"] == 2


@pytest.mark.parametrize("rows, words", [
    ([["loss", "Porr", None, 5, "EUR", None, "actual", "d", "s", '["a", "list"]']],
     "sheet Ledger, cell J2: the provenance is not the JSON object the ledger wrote"),
    ([["loss", "Porr", None, "1e100000000", "EUR", None, "actual", "d", "s", PROVENANCE]],
     "sheet Ledger, cell D2: too large an amount"),
    ([["loss", "Porr", None, True, "EUR", None, "actual", "d", "s", PROVENANCE]],
     "sheet Ledger, cell D2: not an amount: 'TRUE'"),
    ([["gift", "Porr", None, 5, "EUR", None, "actual", "d", "s", PROVENANCE]],
     "sheet Ledger, cell A2: unknown kind 'gift'"),
])
def test_a_forged_workbook_cell_is_named(tmp_path, capsys, monkeypatch, rows, words):
    code, _, err = run(capsys, monkeypatch, "summarize", _ledger_workbook(tmp_path / "forged.xlsx", rows))
    assert code == 2 and words in err and len(err.splitlines()) == 1


def test_a_short_row_and_a_false_dimension_are_read_as_they_are(tmp_path, capsys, monkeypatch):
    """A row that ends early (no <dimension> says how long) is read; one that
    claims A1:XFD1048576 is read as the rows it has, at once."""
    path = _ledger_workbook(tmp_path / "claims.xlsx", [
        ["loss", "Porr", None, 5000000, "EUR", "2015", "actual", "d", "s", PROVENANCE]], dimension="A1:XFD1048576")
    code, out, err = run(capsys, monkeypatch, "summarize", path, "--format", "csv")
    assert code == 0 and "Porr,loss,actual,EUR,5000000,1" in out.replace('"', "")
    wb = Workbook()
    ws = wb.active
    ws.title = "Ledger"
    ws.append(["kind", "company", "counterparty", "amount", "currency", "period", "status", "doc", "sentence",
               "provenance", "note"])
    ws.append(["loss", "Porr", None, 5000000, "EUR", "2015", "actual", "d", "s", PROVENANCE])  # no note: short
    wb.save(tmp_path / "short.xlsx")
    code, out, err = run(capsys, monkeypatch, "summarize", tmp_path / "short.xlsx", "--format", "csv")
    assert code == 0 and "Porr,loss,actual,EUR,5000000,1" in out.replace('"', ""), err


def test_a_workbook_that_unpacks_to_a_flood_is_refused(tmp_path, capsys, monkeypatch):
    path = _ledger_workbook(tmp_path / "flood.xlsx", [
        ["loss", "Porr", None, 5000000, "EUR", "2015", "actual", "d", "s", PROVENANCE]], big_cell=80 << 20)
    assert path.stat().st_size < 1 << 20
    code, _, err = run(capsys, monkeypatch, "summarize", path)
    assert code == 2 and "unpacks to" in err and "not read" in err


# The store.

def _seeded_store(tmp_path: Path, capsys, monkeypatch) -> Path:
    db = tmp_path / "ledger.db"
    assert run(capsys, monkeypatch, "add", "--db", db, "--quiet", SEED)[0] == 0
    return db


def test_read_commands_change_nothing_in_the_database(tmp_path, capsys, monkeypatch):
    db = _seeded_store(tmp_path, capsys, monkeypatch)
    with sqlite3.connect(db) as connection:  # a database another tool made, in rollback-journal mode
        connection.execute("PRAGMA journal_mode = DELETE")
    before = db.read_bytes()
    for args in (["list", "--db", db], ["summarize", db], ["export", "--db", db, "-o", tmp_path / "x.xlsx"]):
        code, _, err = run(capsys, monkeypatch, *args)
        assert code == 0, err
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.glob("ledger.db*")) == ["ledger.db"]


def _corrupt(db: Path) -> None:
    data = bytearray(db.read_bytes())
    page = 4096
    data[page + 16:page * 2] = b"\xa5" * (page - 16)  # the second page: a table's b-tree
    db.write_bytes(bytes(data))


def test_a_damaged_database_is_refused_by_add_and_named_by_export(tmp_path, capsys, monkeypatch):
    db = _seeded_store(tmp_path, capsys, monkeypatch)
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    _corrupt(db)
    damaged = db.read_bytes()
    code, _, err = run(capsys, monkeypatch, "add", "--db", db, "--quiet", SEED)
    assert code == 2 and "a damaged database" in err and "nothing was changed" in err
    assert db.read_bytes() == damaged
    code, _, err = run(capsys, monkeypatch, "export", "--db", db, "-o", tmp_path / "out.xlsx")
    assert code == 2 and "damaged" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "out.xlsx").exists()


def test_a_lock_held_past_the_timeout_is_one_line(tmp_path, capsys, monkeypatch):
    db = _seeded_store(tmp_path, capsys, monkeypatch)
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 1)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another process for over 1 s"):
            with Store(db) as store:
                store.remove("nothing")
        code, _, err = run(capsys, monkeypatch, "remove", "--db", db, "--doc", str(SEED))
        assert code == 2 and "locked by another process" in err and len(err.splitlines()) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_ctrl_c_under_jobs_prints_no_worker_traceback(tmp_path):
    """Ctrl-C reaches every process of the terminal's group: the workers
    leave it to the main process, which says one line and exits 130."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:03d}.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    command = [sys.executable, "-m", "ledger", "extract", "--format", "jsonl", "--jobs", "2", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    first = process.stdout.readline()  # the workers are running
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert json.loads(first)["doc"].endswith("000.txt")
    assert process.returncode == 130 and "Traceback" not in err.decode() and "interrupted" in err.decode()


def test_workbooks_are_parsed_through_defusedxml():
    """openpyxl's XML defence then rests on defusedxml, not on the expat version."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML
