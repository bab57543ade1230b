"""Real inputs: web pages, PDFs, old encodings, corpora in CSV/TSV/JSON
Lines/Parquet, folders; bad input of every kind named in one line while the
good documents of the same run still land; --strict, --jobs, --quiet."""
from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pypdf import PdfReader, PdfWriter

from .conftest import SEED, SHARED, run_ledger

pytestmark = pytest.mark.slow  # each test runs `ledger` as a process of its own

ARTICLE = "Die Porr AG meldete einen Umsatz von 3 Mrd. Euro."


ledger = run_ledger


def records(out) -> list[dict]:
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF that shows `text` (built here, no fixture files)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf)))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


HTML = """<!DOCTYPE html><html><head><title>Porr</title></head><body>
<nav><a href="/">Start</a> | <a href="/abo">Abo ab 9,90 Euro im Monat</a></nav>
<article><h1>Porr mit Rekordumsatz</h1>
<p>Die Porr AG meldete für das Jahr 2015 einen Umsatz von 3 Mrd. Euro, wie der Baukonzern am Dienstag in Wien mitteilte.</p>
<p>Der Gewinn der Porr AG stieg im selben Zeitraum auf 60 Mio. Euro, berichtete das Unternehmen weiter.</p></article>
<footer>Impressum | Datenschutz | Werbung</footer></body></html>"""


def test_web_page_gives_its_article_text(tmp_path):
    page = tmp_path / "porr.html"
    page.write_text(HTML, encoding="utf-8")
    (record,) = records(ledger("extract", "--format", "jsonl", page))
    assert [m["value"] for m in record["mentions"]] == ["3000000000", "60000000"]  # not the nav's 9,90 Euro
    assert {(e["kind"], e["company"]) for e in record["events"]} == {("revenue", "Porr"), ("profit", "Porr")}


def test_pdf_gives_its_text(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes(ARTICLE))
    (record,) = records(ledger("extract", "--format", "jsonl", path))
    assert record["mentions"][0]["value"] == "3000000000" and record["events"][0]["kind"] == "revenue"


def test_gnad_csv_with_the_right_options():
    out = ledger("extract", "--format", "jsonl", "--no-header", "--delimiter", ";", "--quotechar", "'",
                 "--text-column", "1", "--jobs", "2", SHARED / "corpora/10kgnad/test.csv")
    assert out.returncode == 0, out.stderr
    found = records(out)
    assert len(found) == 1028 and found[0]["doc"].endswith("test.csv:1") and found[0]["lang"] == "de"
    assert sum(len(r["mentions"]) for r in found) > 600


@pytest.mark.parametrize("suffix, write", [
    (".csv", lambda p: p.write_text('id,body\nd1,"Die Porr AG meldete einen Umsatz von 3 Mrd. Euro."\n', encoding="utf-8")),
    (".tsv", lambda p: p.write_text("id\tbody\nd1\tDie Porr AG meldete einen Umsatz von 3 Mrd. Euro.\n", encoding="utf-8")),
    (".parquet", lambda p: pq.write_table(pa.table({"id": ["d1"], "body": [ARTICLE]}), p)),
])
def test_corpus_files(tmp_path, suffix, write):
    path = tmp_path / f"corpus{suffix}"
    write(path)
    (record,) = records(ledger("extract", "--format", "jsonl", "--text-column", "body", "--id-column", "id", path))
    assert record["doc"] == "d1" and record["mentions"][0]["value"] == "3000000000"


def test_folder_glob_and_stdin(tmp_path):
    folder = tmp_path / "news"
    (folder / "deep").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "deep" / "b.md").write_text("Sales were EUR 5 mn in 2009 .", encoding="utf-8")
    (folder / "c.html").write_text(HTML, encoding="utf-8")
    assert len(records(ledger("extract", "--format", "jsonl", folder))) == 3
    assert [r["doc"] for r in records(ledger("extract", "--format", "jsonl", "--glob", "*.md", folder))] == [
        str(folder / "deep" / "b.md")]
    (record,) = records(ledger("extract", "--format", "jsonl", "-", stdin=ARTICLE.encode()))
    assert record["doc"] == "<stdin>"


def test_jobs_keep_input_order(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02d}.txt").write_text(f"Die Firma{n} AG meldete einen Umsatz von {n + 1} Mio. Euro.",
                                             encoding="utf-8")
    one = ledger("extract", "--format", "jsonl", "--jobs", "1", folder)
    two = ledger("extract", "--format", "jsonl", "--jobs", "2", folder)
    assert one.stdout == two.stdout and len(records(two)) == 40


BAD = [  # name, bytes, the words of the warning
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b" \n\t\n", "is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is binary, not text"),
    ("broken.pdf", b"%PDF-1.4\nthis is no pdf at all", "is a broken PDF"),
    ("locked.pdf", None, "is an encrypted PDF"),
    ("blank.pdf", None, "is a PDF without text"),
    ("menu.html", b"<html><head><title>Start</title></head><body><nav></nav></body></html>",
     "is a web page without article text"),
    ("lines.jsonl", b'{"doc": "x", "text": "EUR 5 mn"}\n{broken\n', ":2: is not valid JSON"),
    ("list.jsonl", b'["not", "an", "object"]\n', ":1: needs a JSON object with a text"),
    ("hollow.jsonl", b'{"doc": "x", "text": "  "}\n', ":1: has an empty text"),
    ("bad.parquet", b"PAR1 not really parquet PAR1", "is not a readable Parquet file"),
    ("huge.txt", b"x" * 10_000, "over the limit of 8,000"),
]


@pytest.mark.parametrize("name, content, words", BAD)
def test_bad_document_is_named_and_the_good_ones_land(tmp_path, name, content, words):
    bad = tmp_path / name
    if name == "locked.pdf":
        content = encrypted(pdf_bytes(ARTICLE))
    elif name == "blank.pdf":
        content = pdf_bytes("")
    bad.write_bytes(content)
    out = ledger("extract", "--format", "jsonl", "--max-bytes", "8000", bad, SEED)
    err = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in err
    assert words in err and str(bad) in err
    assert "1 document(s) could not be read" in err
    assert records(out)[-1]["doc"] == str(SEED) and len(records(out)[-1]["events"]) == 6


@pytest.mark.parametrize("args, words", [
    (["no/such/file.txt"], "no/such/file.txt: no such file or folder"),
    (["--jobs", "0", str(SEED)], "argument --jobs: must be 1 or more, not 0"),
    (["--date", "2016-13-01", str(SEED)], "not a date"),
    (["--format", "xml", str(SEED)], "invalid choice"),
])
def test_bad_invocation_exits_2(args, words):
    out = ledger("extract", *args)
    assert out.returncode == 2 and words in out.stderr.decode() and "Traceback" not in out.stderr.decode()


def test_corpus_without_text_column(tmp_path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("id,body\nd1,EUR 5 mn\n", encoding="utf-8")
    out = ledger("extract", corpus)
    assert out.returncode == 2 and "needs --text-column" in out.stderr.decode()
    out = ledger("extract", "--text-column", "text", corpus)
    assert out.returncode == 2 and "no column 'text' (columns: id, body)" in out.stderr.decode()


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    out = ledger("extract", tmp_path / "empty", SEED)
    assert out.returncode == 1 and "has no readable files" in out.stderr.decode()


def test_strict_stops_at_the_first_bad_document(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = ledger("extract", "--format", "jsonl", "--strict", bad, SEED)
    assert out.returncode == 1 and "stopped at" in out.stderr.decode() and out.stdout == b""


def test_messages_go_to_stderr_and_quiet_has_no_progress(tmp_path):
    out = ledger("extract", "--format", "jsonl", "--quiet", SEED)
    assert out.stderr == b"" and len(records(out)) == 1


def test_extract_pipes_as_json_and_csv():
    (record,) = json.loads(ledger("extract", "--format", "json", SEED).stdout)
    assert len(record["mentions"]) == 6
    rows = list(csv.reader(io.StringIO(ledger("extract", "--format", "csv", SEED).stdout.decode())))
    assert rows[0][:6] == ["id", "kind", "company", "counterparty", "amount", "currency"] and len(rows) == 7
