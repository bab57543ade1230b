"""Reading documents from what users have: text in any common encoding,
saved web pages, PDFs, corpora in CSV/TSV/JSON Lines/Parquet, folders of
them, and standard input.

Each document keeps where it came from. A document that cannot be read
becomes a DocumentError (one line, naming it); the others still load. A
path that does not exist, or a corpus without the named text column, is an
InputError: nothing sensible can be read from it.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".parquet"})
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES | {".pdf"}
MAX_BYTES = 50 * 1024 * 1024
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class Document:
    doc: str  # the id written to the output: a path, or the record's id
    text: str
    source: str  # where a reviewer finds it: a path, "path:line" or "<stdin>"


@dataclass(frozen=True)
class DocumentError:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class InputError(Exception):
    """An input that names nothing readable at all (exit 2)."""


@dataclass(frozen=True)
class Options:
    """How to read inputs. Columns are names, or 0-based numbers when the
    corpus has no header."""
    max_bytes: int = MAX_BYTES
    text_column: str | None = None
    id_column: str | None = None
    delimiter: str | None = None  # default: "," for .csv, tab for .tsv
    quotechar: str = '"'
    header: bool = True
    glob: str | None = None


def read_inputs(inputs: list[str], options: Options = Options()) -> Iterator[Document | DocumentError]:
    """Documents of every input, in order; InputError for a missing path."""
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise InputError(f"{name}: no such file or folder")
    for name in inputs:
        if name == "-":
            yield _text(sys.stdin.buffer.read(options.max_bytes + 1), "<stdin>", "<stdin>", options.max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob(options.glob or "*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts)
                           and (options.glob or p.suffix.lower() in READABLE))
            if not files:
                yield DocumentError(str(path), f"has no {options.glob or 'readable'} files")
        else:
            files = [path]
        for file in files:
            yield from _read_file(file, options)


def _read_file(path: Path, options: Options) -> Iterator[Document | DocumentError]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield DocumentError(source, f"is {size:,} bytes, over the limit of {options.max_bytes:,} (--max-bytes)")
            return
        data = path.read_bytes()
    except OSError as error:
        yield DocumentError(source, f"cannot be read: {error.strerror or error}")
        return
    suffix = path.suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        yield from _corpus(data, path, suffix, options)
    elif suffix in HTML_SUFFIXES or data[:512].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        yield _html(data, source)
    elif suffix == ".pdf" or data.startswith(b"%PDF-"):
        yield _pdf(data, source)
    else:
        yield _text(data, source, source, options.max_bytes)


def decode(data: bytes) -> str | None:
    """Text in UTF-8 (with or without BOM), UTF-16 with a BOM, or the legacy
    encoding charset-normalizer finds (cp1252, latin-1, ...); None for
    bytes that are no text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for legacy encodings: it is slow to import
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _text(data: bytes, doc: str, source: str, max_bytes: int) -> Document | DocumentError:
    if len(data) > max_bytes:
        return DocumentError(source, f"is over the limit of {max_bytes:,} bytes (--max-bytes)")
    text = decode(data)
    if text is None:
        return DocumentError(source, "is binary, not text")
    if not text.strip():
        return DocumentError(source, "is empty")
    return Document(doc, text, source)


def _html(data: bytes, source: str) -> Document | DocumentError:
    """The article of a saved web page, without navigation and boilerplate."""
    import trafilatura  # a heavy import, for web pages only
    page = decode(data)
    if page is None:
        return DocumentError(source, "is binary, not a web page")
    text = trafilatura.extract(page, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        return DocumentError(source, "is a web page without article text")
    return Document(source, text, source)


def _pdf(data: bytes, source: str) -> Document | DocumentError:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return DocumentError(source, "is an encrypted PDF")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        return DocumentError(source, f"is a broken PDF ({type(error).__name__})")
    if not text.strip():
        return DocumentError(source, "is a PDF without text (scanned pages?)")
    return Document(source, text, source)


def _corpus(data: bytes, path: Path, suffix: str, options: Options) -> Iterator[Document | DocumentError]:
    """One document per row or line of a corpus file."""
    source = str(path)
    if suffix == ".parquet":
        rows = _parquet(data, source)
    else:
        text = decode(data)
        if text is None:
            yield DocumentError(source, "is binary, not a text corpus")
            return
        rows = _jsonl(text, source) if suffix == ".jsonl" else _csv(text, source, suffix, options)
    text_column = options.text_column or ("text" if suffix == ".jsonl" else None)
    for where, row in rows:
        if isinstance(row, DocumentError):
            yield row
            continue
        if text_column is None:
            raise InputError(f"{source}: a {suffix} corpus needs --text-column (a column name, or a number)")
        body = _column(row, text_column, source)
        doc = _column(row, options.id_column, source) if options.id_column else row.get("doc", row.get("id"))
        if not isinstance(body, str) or not body.strip():
            yield DocumentError(where, "has an empty text")
            continue
        yield Document(str(doc) if doc is not None else where, body, where)


def _column(row: dict, column: str, source: str):
    if column in row:
        return row[column]
    raise InputError(f"{source}: no column {column!r} (columns: {', '.join(map(str, row))})")


def _jsonl(text: str, source: str):
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield where, DocumentError(where, f"is not valid JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield where, DocumentError(where, "needs a JSON object with a text")
            continue
        yield where, record


def _csv(text: str, source: str, suffix: str, options: Options):
    delimiter = options.delimiter or ("\t" if suffix == ".tsv" else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=options.quotechar)
    try:
        header = next(reader) if options.header else None
        for number, values in enumerate(reader, 2 if options.header else 1):
            names = header if header is not None else [str(i) for i in range(len(values))]
            yield f"{source}:{number}", dict(zip(names, values))
    except csv.Error as error:
        yield source, DocumentError(source, f"is not valid CSV ({error})")


def _parquet(data: bytes, source: str):
    import pyarrow.parquet as pq  # for Parquet corpora only
    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as error:  # pyarrow raises its own kinds for a broken file
        yield source, DocumentError(source, f"is not a readable Parquet file ({type(error).__name__})")
        return
    for number, row in enumerate(table.to_pylist(), 1):
        yield f"{source}:{number}", {str(k): v for k, v in row.items()}
