"""`ledger extract` as a user runs it: outputs, and clear one-line errors."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from .conftest import ROOT, SEED, csv_lines, run_ledger

pytestmark = pytest.mark.slow  # each test runs `ledger` as a process of its own

ledger = run_ledger


def test_seed_table_shows_the_six_amounts():
    out = ledger("extract", "seeds/")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode()
    for amount in ("5,000,000,000", "650,000,000", "10,000,000,000", "6,600,000,000", "4,000,000,000",
                   "13,750,000,000"):
        assert amount in text
    assert "6 event(s), 6 amount(s) in 1 document(s)" in text
    for kind in ("investment", "acquisition", "contract", "funding_round", "loan", "loss"):
        assert kind in text


def test_jsonl_record_form():
    out = ledger("extract", "--format", "jsonl", SEED)
    assert out.returncode == 0
    (line,) = out.stdout.decode().splitlines()
    record = json.loads(line)
    assert record["doc"] == str(SEED) and record["lang"] == "de"
    assert {"kind", "company", "counterparty", "value", "currency", "period", "status"} <= set(record["events"][0])
    first = record["mentions"][0]
    assert set(first) == {"text", "value", "currency", "start", "end", "qualifier"}
    assert (first["text"], first["value"], first["currency"]) == ("fünf Milliarden Dollar", "5000000000", "USD")
    text = SEED.read_text(encoding="utf-8")
    assert all(text[m["start"]:m["end"]] == m["text"] for m in record["mentions"])


def test_values_are_plain_decimal_strings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Operating profit was EUR -0.7 mn and the dividend EUR0 .12 per share .", encoding="utf-8")
    record = json.loads(ledger("extract", "--format", "jsonl", "--lang", "en", path).stdout)
    assert [m["value"] for m in record["mentions"]] == ["-700000", "0.12"]


def test_stdin_and_jsonl_inputs(tmp_path):
    out = ledger("extract", "--format", "jsonl", "-", stdin="Umsatz: 5 Mio. Euro".encode())
    assert json.loads(out.stdout)["mentions"][0]["value"] == "5000000"
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"doc": "a", "text": "Sales were EUR 5 mn ."}) + "\n"
                      + json.dumps({"doc": "b", "text": "Der Gewinn: 3 Mrd. Euro."}) + "\n", encoding="utf-8")
    lines = ledger("extract", "--format", "jsonl", corpus).stdout.decode().splitlines()
    assert [(json.loads(l)["doc"], json.loads(l)["lang"]) for l in lines] == [("a", "en"), ("b", "de")]


def test_output_file(tmp_path):
    target = tmp_path / "out.jsonl"
    out = ledger("extract", "--format", "jsonl", "-o", target, SEED)
    assert out.returncode == 0 and out.stdout == b""
    assert len(json.loads(target.read_text(encoding="utf-8"))["mentions"]) == 6


def _one_line_error(out, code: int, words: str) -> None:
    err = out.stderr.decode()
    assert out.returncode == code
    assert "Traceback" not in err
    assert words in err


def test_missing_path():
    out = ledger("extract", "no/such/file.txt")
    _one_line_error(out, 2, "no/such/file.txt: no such file or folder")
    assert len(out.stderr.decode().strip().splitlines()) == 1


@pytest.mark.parametrize("name, content, words", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n", "is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is binary, not text"),
])
def test_unreadable_document_is_named_and_others_still_land(tmp_path, name, content, words):
    bad = tmp_path / name
    bad.write_bytes(content)
    out = ledger("extract", "--format", "jsonl", bad, SEED)
    _one_line_error(out, 1, f"{bad}: {words}")
    assert json.loads(out.stdout)["doc"] == str(SEED)


def test_bad_jsonl_line_is_named(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"doc": "a", "text": "EUR 5 mn"}\n{not json}\n', encoding="utf-8")
    out = ledger("extract", "--format", "jsonl", corpus)
    _one_line_error(out, 1, f"{corpus}:2: is not valid JSON")
    assert json.loads(out.stdout)["doc"] == "a"


def test_unknown_option_exits_2():
    out = ledger("extract", "--format", "xml", SEED)
    assert out.returncode == 2 and b"Traceback" not in out.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_old_encodings_are_read(tmp_path, encoding):
    text = "Die Müller AG meldete für 2015 einen Überschuss von 5 Mio. Euro."
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode(encoding))
    out = ledger("extract", "--format", "jsonl", path)
    assert out.returncode == 0, out.stderr
    (mention,) = json.loads(out.stdout)["mentions"]
    assert (mention["text"], mention["value"]) == ("5 Mio. Euro", "5000000")
    assert text[mention["start"]:mention["end"]] == "5 Mio. Euro"


def test_output_format_follows_the_extension(tmp_path):
    for name, check in (("out.csv", lambda t: csv_lines(t)[0].startswith("id,kind,company")),
                        ("out.json", lambda t: len(json.loads(t)) == 1),
                        ("out.jsonl", lambda t: json.loads(t.splitlines()[0])["lang"] == "de")):
        out = ledger("extract", SEED, "-o", tmp_path / name)
        assert out.returncode == 0, out.stderr
        assert check((tmp_path / name).read_text(encoding="utf-8")), name


@pytest.mark.parametrize("args, message", [
    (["--format", "csv", "-o", "out.json"], "--format csv does not fit out.json (a json file)"),
    (["-o", "out.foo"], "cannot tell the format of out.foo"),
    (["--format", "xlsx"], "--format xlsx needs -o FILE.xlsx"),
])
def test_an_output_format_that_does_not_fit_is_refused(tmp_path, args, message):
    out = ledger("extract", SEED, *args, cwd=tmp_path)
    assert out.returncode == 2
    assert message in out.stderr.decode()
    assert not list(tmp_path.iterdir())  # nothing written


def _corpus(tmp_path, copies: int) -> list[str]:
    """A JSONL corpus of the seed `copies` times: more output than a pipe holds."""
    corpus = tmp_path / "corpus.jsonl"
    text = SEED.read_text(encoding="utf-8")
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": text}) + "\n" for i in range(copies)),
                      encoding="utf-8")
    return ["--text-column", "text", "--id-column", "id", str(corpus)]


def _ledger_process(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ledger", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)


def test_jsonl_streams_each_document_as_it_is_done(tmp_path):
    process = _ledger_process("extract", "--format", "jsonl", *_corpus(tmp_path, 2000))
    first = json.loads(process.stdout.readline())
    assert first["doc"] == "d0" and len(first["events"]) == 6
    assert process.poll() is None  # the first record came while the rest was still being read
    process.stdout.close()  # what `| head -1` does
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


@pytest.mark.parametrize("form", ["table", "csv", "json"])
def test_a_pipe_closed_after_the_first_line_ends_quietly(tmp_path, form):
    process = _ledger_process("extract", "--format", form, "--quiet", *_corpus(tmp_path, 300))
    process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


@pytest.mark.parametrize("args, usage, named", [
    (["--bogus"], "usage: ledger ", "unrecognized argument: --bogus"),
    (["extract", "--bogus", "seeds/"], "usage: ledger extract", "unrecognized arguments: --bogus"),
    (["summarize", "seeds/", "--bogus"], "usage: ledger summarize", "unrecognized arguments: --bogus"),
])
def test_a_bad_option_is_named_with_its_command_usage(args, usage, named):
    out = ledger(*args)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert usage in err and named in err
    assert "Traceback" not in err


def test_every_option_says_what_it_does():
    from ledger.cli import _parser

    commands = next(a for a in _parser()._actions if a.choices and "extract" in a.choices).choices
    bare = [f"{name} {'/'.join(action.option_strings) or action.dest}"
            for name, command in commands.items() for action in command._actions
            if not action.help and action.dest != "help"]
    assert not bare, f"no help text: {bare}"


SEED_TOTALS = {("Microsoft", "acquisition", "650000000"), ("Microsoft", "investment", "13750000000"),
               ("OpenAI", "contract", "10000000000"), ("OpenAI", "funding_round", "6600000000"),
               ("OpenAI", "loan", "4000000000"), ("OpenAI", "loss", "5000000000")}


def _totals(csv_text: str) -> set[tuple[str, str, str]]:
    lines = csv_lines(csv_text)
    assert lines[0] == "company,kind,status,currency,total,events"
    return {tuple(line.split(",")[i] for i in (0, 1, 4)) for line in lines[1:]}


@pytest.mark.parametrize("form", ["csv", "jsonl"])
def test_summarize_reads_what_extract_writes_from_a_file_and_a_pipe(tmp_path, form):
    written = tmp_path / f"seed.{form}"
    assert ledger("extract", SEED, "-o", written).returncode == 0
    from_file = ledger("summarize", written, "--format", "csv")
    assert from_file.returncode == 0, from_file.stderr
    assert _totals(from_file.stdout.decode()) == SEED_TOTALS
    piped = ledger("summarize", "--input-format", form, "-", "--format", "csv", stdin=written.read_bytes())
    assert piped.returncode == 0, piped.stderr
    assert _totals(piped.stdout.decode()) == SEED_TOTALS


def test_a_jsonl_text_corpus_is_still_read_as_news(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    out = ledger("summarize", corpus, "--text-column", "text", "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert _totals(out.stdout.decode()) == SEED_TOTALS


def test_a_broken_record_is_named_by_its_line(tmp_path):
    records = tmp_path / "out.jsonl"
    good = ledger("extract", "--format", "jsonl", SEED).stdout.decode()
    records.write_text(good + '{"doc": "x", "mentions": [], "events": [{"kind": "loss"}]}\n', encoding="utf-8")
    out = ledger("summarize", records)
    assert out.returncode == 2
    assert f"{records}:2: an event without" in out.stderr.decode()


@pytest.mark.parametrize("target, message", [("missing/out.jsonl", "no such folder"),
                                             ("taken.xlsx", "is a folder, not a file to write")])
def test_an_output_that_cannot_be_a_file_is_one_line(tmp_path, target, message):
    (tmp_path / "taken.xlsx").mkdir()
    out = ledger("extract", SEED, "-o", target, cwd=tmp_path)
    assert out.returncode == 2
    (line,) = out.stderr.decode().splitlines()
    assert message in line


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.xlsx"])
def test_a_run_stopped_midway_keeps_the_previous_output_and_no_temporary_file(tmp_path, name):
    target = tmp_path / name
    target.write_bytes(b"the reviewer's previous file")
    process = _ledger_process("extract", "--quiet", "-o", target, *_corpus(tmp_path, 3000))
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(f".{name}.*.tmp")) and name != "out.xlsx" and time.monotonic() < deadline:
        time.sleep(0.05)  # the temporary output exists: the run is writing
    time.sleep(1.5)
    assert process.poll() is None, "the run ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert target.read_bytes() == b"the reviewer's previous file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", name]


def test_a_workbook_save_stopped_midway_keeps_the_previous_one_and_no_temporary_files(tmp_path):
    """SIGTERM while the workbook is being saved (its temporary file exists
    only then): the reviewer's previous workbook stays, and neither ours nor
    openpyxl's temporary files (under TMPDIR) remain."""
    target, scratch = tmp_path / "out.xlsx", tmp_path / "scratch"
    scratch.mkdir()
    target.write_bytes(b"the reviewer's previous workbook")
    process = subprocess.Popen([sys.executable, "-m", "ledger", "extract", "--quiet", "-o", str(target),
                                *_corpus(tmp_path, 600)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               cwd=ROOT, env={**os.environ, "TMPDIR": str(scratch)})
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.xlsx.*.tmp")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the save ended before it could be stopped"
    time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert target.read_bytes() == b"the reviewer's previous workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl", "out.xlsx", "scratch"]
    assert list(scratch.iterdir()) == []


def test_a_run_stopped_by_strict_keeps_the_previous_output(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"\x00\x01" * 50)
    out = ledger("extract", "--strict", "-o", target, SEED, bad)
    assert out.returncode == 1
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blob.txt", "out.jsonl"]


def test_a_run_ends_with_its_counts_and_the_progress_knows_its_total(tmp_path):
    """The last line says what was read; a progress bar's total is the
    number of documents when the files alone say it (not for a corpus)."""
    from ledger.documents import planned

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Die Porr AG meldete einen Umsatz von 3 Mrd. Euro.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    out = ledger("extract", "--format", "jsonl", folder, SEED)
    assert out.stderr.decode().splitlines()[-2] == "ledger: 2 document(s) read, 7 event(s), 1 unreadable"
    assert planned([str(folder), str(SEED)]) == 3
    assert planned([str(folder), *(_corpus(tmp_path, 2)[-1:])]) is None and planned(["-"]) is None


def test_the_ledger_as_parquet_is_typed_and_read_back(tmp_path):
    """-o x.parquet writes the ledger with exact decimal amounts in row
    groups; summarize and ledger.read take it as a ledger, not as a corpus."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ledger import read

    target = tmp_path / "ledger.parquet"
    *options, corpus = _corpus(tmp_path, 3)  # the seed three times more: its facts, from four documents
    out = ledger("extract", "-o", target, *options, SEED, corpus)
    assert out.returncode == 0, out.stderr
    table = pq.read_table(target)
    assert table.num_rows == 24 and table.schema.field("amount").type == pa.decimal128(38, 9)
    assert _totals(ledger("summarize", target, "--format", "csv").stdout.decode()) == SEED_TOTALS
    assert read(target)["amount"].sum() == 4 * sum(int(t) for _, _, t in SEED_TOTALS)
    refused = ledger("extract", "--format", "parquet", SEED)
    assert refused.returncode == 2 and "--format parquet needs -o FILE.parquet" in refused.stderr.decode()



def test_a_text_of_few_words_is_read_in_the_language_of_its_currency_words():
    """No stopword of either table: the currency's words say the language."""
    for text, lang, mention in (("They paid 20 Swiss francs.", "en", ["20", "CHF"]),
                                ("10,000 yen", "en", ["10000", "JPY"])):
        record = json.loads(ledger("extract", "--format", "jsonl", "-", stdin=text.encode()).stdout)
        assert record["lang"] == lang and [[m["value"], m["currency"]] for m in record["mentions"]] == [mention]
