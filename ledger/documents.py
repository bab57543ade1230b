"""Reading documents from what users have: text in any common encoding,
saved web pages, PDFs, corpora in CSV/TSV/JSON Lines/Parquet, folders of
them, and standard input.

Each document keeps where it came from. A document that cannot be read
becomes a DocumentError (one line, naming it); the others still load. A
path that does not exist, or a corpus without the named text column, is an
InputError: nothing sensible can be read from it.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".parquet"})
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES | {".pdf"}
MAX_BYTES = 50 * 1024 * 1024
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Characters no writer can take (XML forbids them, UTF-8 cannot encode a lone surrogate): in a
# document each becomes U+FFFD, so that offsets into the text stay what they were; the workbook
# writer drops them from what it is given otherwise.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")
# A valid UTF-8 sequence of two to four bytes: text that holds them and a few bad bytes is UTF-8.
_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = bytes(range(0x80, 0x100))
_NOT_REGULAR = "is not a regular file (a FIFO, device or socket): pipe it to - instead"
# How much of a corpus file its encoding is told from.
_SAMPLE = 1 << 20
# What Western European text in cp1252 holds beyond ASCII: Latin letters and the usual punctuation.
_WESTERN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŠšŽžŒœŸ"
                     "€„“”‘’‚–—…•«»§°·£©®\xa0")


@dataclass(frozen=True)
class Document:
    doc: str  # the id written to the output: a path, or the record's id
    text: str
    source: str  # where a reviewer finds it: a path, "path:line" or "<stdin>"
    warnings: tuple[str, ...] = ()  # what was read with a doubt (a guessed encoding, replaced bytes)


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
    encoding: str | None = None  # None: found from the bytes (see decode)


def document(doc, text: str, source: str, warnings: tuple[str, ...] = ()) -> Document:
    """A Document whose text, id and source every writer and the store can
    take: an id and a source on one line; characters none can (lone
    surrogates of an undecodable file name, U+FFFE, XML-forbidden controls)
    become U+FFFD, with a warning."""
    doc, source = (_BREAKS.sub(" ", str(part)) for part in (doc, source))  # an id is one line of a list
    unsafe = sum(len(UNWRITABLE.findall(part)) for part in (doc, text, source))
    if unsafe:
        doc, text, source = (UNWRITABLE.sub("\ufffd", part) for part in (doc, text, source))
        warnings += (f"{unsafe} character(s) no output can hold (control characters, U+FFFE/U+FFFF, "
                     f"undecodable file-name bytes) replaced by U+FFFD",)
    return Document(doc, text, source, warnings)


def read_inputs(inputs: list[str], options: Options = Options()) -> Iterator[Document | DocumentError]:
    """Documents of every input, in order; InputError for a missing path."""
    for name in inputs:
        if name != "-":
            _exists(name)
    for name in inputs:
        if name == "-":
            yield _stdin(options)
            continue
        path = Path(name)
        if path.is_dir():
            files = _folder_files(path, options)
            if not files:
                yield DocumentError(str(path), f"has no {options.glob or 'readable'} files")
            for file in files:
                yield from _read_file(file, options, named=False)
        else:
            yield from _read_file(path, options, named=True)


def planned(inputs: list[str], options: Options = Options()) -> int | None:
    """How many documents read_inputs will give, when the files alone say
    it (None with a corpus file, whose records are not counted ahead, or stdin)."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-" or path.suffix.lower() in CORPUS_SUFFIXES:
            return None
        if path.is_dir():
            files = _folder_files(path, options)
            if any(p.suffix.lower() in CORPUS_SUFFIXES for p in files):
                return None
            total += len(files)
        else:
            total += 1
    return total


def _folder_files(path: Path, options: Options) -> list[Path]:
    """The files of a folder to read, in order: --glob's, else every readable one; no hidden ones."""
    try:
        return sorted(p for p in path.rglob(options.glob or "*") if p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(path).parts)
                      and (options.glob or p.suffix.lower() in READABLE))
    except (ValueError, NotImplementedError, OSError) as error:
        raise InputError(f"{path}: cannot list it with --glob {options.glob!r} ({error})") from None


def _exists(name: str) -> None:
    try:
        os.stat(name)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or folder") from None
    except OSError as error:  # a loop of symbolic links, a name too long, no permission
        raise InputError(f"{name}: cannot be read: {error.strerror or error}") from None


def _stdin(options: Options) -> Document | DocumentError:
    if sys.stdin is None or sys.stdin.closed:
        return DocumentError("<stdin>", "is closed")
    try:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
    except (OSError, ValueError) as error:
        return DocumentError("<stdin>", f"cannot be read: {error}")
    return _text(data, "<stdin>", "<stdin>", options)


def _read_bytes(path: Path, max_bytes: int) -> bytes | DocumentError:
    """At most `max_bytes` of a regular file (FIFOs and devices are read
    only as -, from stdin: a FIFO would block, /dev/zero never ends)."""
    source = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return DocumentError(source, _NOT_REGULAR)
        if info.st_size > max_bytes:
            return DocumentError(source, f"is {info.st_size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)  # the size may have grown since stat
    except OSError as error:
        return DocumentError(source, f"cannot be read: {error.strerror or error}")
    if len(data) > max_bytes:
        return DocumentError(source, f"is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _read_file(path: Path, options: Options, named: bool) -> Iterator[Document | DocumentError]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in CORPUS_SUFFIXES:  # read record by record: --max-bytes limits each, not the file
        yield from _corpus(path, suffix, options, named)
        return
    data = _read_bytes(path, options.max_bytes)
    if isinstance(data, DocumentError):
        yield data
        return
    if suffix in HTML_SUFFIXES or data[:512].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        yield _html(data, source, options)
    elif suffix == ".pdf" or data.startswith(b"%PDF-"):
        yield _pdf(data, source)
    else:
        yield _text(data, source, source, options)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec the text was read with ("utf-8" also when a few bytes were read as cp1252)
    warning: str | None = None  # said when the encoding was guessed or bytes were replaced


def _cp1252_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    """A byte that is not UTF-8, read as cp1252 (text saved half in each)."""
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("ledger-cp1252", _cp1252_byte)


def decode(data: bytes, encoding: str | None = None) -> Decoded | None:
    """The text of `data`, or None for bytes that are no text.

    `encoding` if given; else the encoding a BOM names (UTF-8, UTF-16,
    UTF-32); UTF-16 without a BOM by its zero bytes; UTF-8; UTF-8 with a few
    bytes that are not (each read as cp1252, with a warning); else the
    legacy encoding charset-normalizer finds, cp1252 when it hesitates and
    cp1252 reads as Western European text (with a warning: a guess). NUL
    bytes in any other encoding make the bytes binary.

    >>> decode("Umsatz 5 Mio. €".encode("cp1252")).text
    'Umsatz 5 Mio. €'
    >>> decode("Ümsatz".encode() + b"\\xe4").warning
    '1 byte(s) are not UTF-8: read as cp1252'
    """
    if encoding:
        return _decoded(data, encoding, f"decoded as {encoding} (--encoding)")
    for bom, name in BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom):] if name != "utf-8-sig" else data, name)
    if (wide := _utf16_without_bom(data)) is not None:
        return _decoded(data, wide, f"no BOM, read as {wide}")
    if b"\x00" in data:
        return None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    bad, sequences = _not_utf8(data)
    if sequences >= bad:
        return Decoded(data.decode("utf-8", errors="ledger-cp1252"), "utf-8", _cp1252_note(bad))
    return _legacy(data)


def _not_utf8(data: bytes) -> tuple[int, int]:
    """How many bytes of `data` are no part of a valid UTF-8 sequence, and how many such sequences it holds."""
    sequences = _MULTIBYTE.findall(data)
    return len(data) - len(data.translate(None, _HIGH)) - sum(map(len, sequences)), len(sequences)


def _cp1252_note(bad: int) -> str:
    return f"{bad} byte(s) are not UTF-8: read as cp1252"


def _decoded(data: bytes, encoding: str, warning: str | None = None) -> Decoded:
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if replaced:
        warning = (f"{warning}; " if warning else "") + f"{replaced} byte sequence(s) not {encoding}: replaced"
    return Decoded(text, encoding, warning)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 by its zero bytes: Latin text has one in every other byte."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 4 or len(data) % 2:
        return None
    even, odd = sample[0:2 * pairs:2].count(0), sample[1:2 * pairs:2].count(0)
    wide = ("utf-16-le" if odd >= 0.4 * pairs and even <= 0.05 * pairs else
            "utf-16-be" if even >= 0.4 * pairs and odd <= 0.05 * pairs else None)
    if wide is None:
        return None
    text = sample[:2 * pairs].decode(wide, errors="replace")
    readable = sum(ch.isprintable() or ch.isspace() for ch in text)
    return wide if readable >= 0.95 * len(text) else None  # not "\x00\x01" * 50


def _legacy(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # only for legacy encodings: it is slow to import
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    hesitant = len(matches) > 1 and matches[1].percent_chaos <= best.percent_chaos + 1.0
    encoding = best.encoding
    if best.encoding != "cp1252" and hesitant:
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            western = None
        if western is not None and all(ch in _WESTERN for ch in western if ord(ch) >= 0x80):
            encoding = "cp1252"
    return Decoded(data.decode(encoding), encoding, f"not UTF-8: decoded as {encoding}, a guess (--encoding names it)")


def _text(data: bytes, doc: str, source: str, options: Options) -> Document | DocumentError:
    if len(data) > options.max_bytes:
        return DocumentError(source, f"is over the limit of {options.max_bytes:,} bytes (--max-bytes)")
    decoded = decode(data, options.encoding)
    if decoded is None:
        return DocumentError(source, "is binary, not text")
    if not decoded.text.strip():
        return DocumentError(source, "is empty")
    return document(doc, decoded.text, source, (decoded.warning,) if decoded.warning else ())


def _html(data: bytes, source: str, options: Options) -> Document | DocumentError:
    """The article of a saved web page, without navigation and boilerplate."""
    import trafilatura  # a heavy import, for web pages only
    page = decode(data, options.encoding)
    if page is None:
        return DocumentError(source, "is binary, not a web page")
    text = trafilatura.extract(page.text, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        return DocumentError(source, "is a web page without article text")
    return document(source, text, source, (page.warning,) if page.warning else ())


def _pdf(data: bytes, source: str) -> Document | DocumentError:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    # pypdf logs what it repairs; the user is told in one line what matters
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        # an empty user password is what every viewer tries first: such a PDF opens without one
        if reader.is_encrypted and not reader.decrypt(""):
            return DocumentError(source, "is an encrypted PDF (it needs a password)")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError, NotImplementedError) as error:
        return DocumentError(source, f"is a broken PDF, or one over pypdf's limits ({type(error).__name__})")
    if not text.strip():
        return DocumentError(source, "is a PDF without text (scanned pages?)")
    return document(source, text, source)


def _corpus(path: Path, suffix: str, options: Options, named: bool) -> Iterator[Document | DocumentError]:
    """One document per row or line of a corpus file, read as a stream; a
    bad row or line is a DocumentError naming it, and the others still load."""
    source = str(path)
    text_column = options.text_column or ("text" if suffix == ".jsonl" else None)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            yield DocumentError(source, _NOT_REGULAR)
            return
        file = path.open("rb")
    except OSError as error:
        yield DocumentError(source, f"cannot be read: {error.strerror or error}")
        return
    with file:
        if suffix == ".parquet":
            rows, warnings = _parquet(path, source), ()
        else:
            lines = _text_lines(file, options)
            if isinstance(lines, DocumentError):
                yield DocumentError(source, lines.message)
                return
            lines, warning = lines
            warnings = (f"the whole file {warning}",) if warning else ()
            rows = _jsonl(lines, source, options) if suffix == ".jsonl" else _csv(lines, source, suffix, options)
        seen = False
        for where, row, notes in rows:
            seen = True
            if isinstance(row, DocumentError):
                yield row
                continue
            if text_column is None or text_column not in row:
                message = (f"no column {text_column!r} (columns: {', '.join(map(str, row))})" if text_column else
                           f"a {suffix} corpus needs --text-column (a column name, or a number)")
                if suffix == ".jsonl":  # each record has its own keys
                    yield DocumentError(where, message)
                    continue
                if named:
                    raise InputError(f"{source}: {message}")
                yield DocumentError(source, message)
                return
            body = row[text_column]
            doc = row.get(options.id_column) if options.id_column else row.get("doc", row.get("id"))
            if not isinstance(body, str):
                yield DocumentError(where, f"has a text that is not a string but {type(body).__name__}")
                continue
            if not body.strip():
                yield DocumentError(where, "has an empty text")
                continue
            if len(body.encode("utf-8", errors="surrogatepass")) > options.max_bytes:
                yield DocumentError(where, f"is over the limit of {options.max_bytes:,} bytes (--max-bytes)")
                continue
            yield document(doc if doc is not None else where, body, where, warnings + notes)
            warnings = ()
        if not seen:
            yield DocumentError(source, "is a corpus without records")


def _text_lines(file, options: Options):
    """(lines, warning) of a text corpus: an iterator of (line, bytes in it
    that are not UTF-8, read as cp1252), lines ending at \\n; the encoding is
    the one decode() finds in the file's first MiB. A DocumentError for
    bytes that are no text."""
    sample = file.read(_SAMPLE)
    file.seek(0)
    if not sample:
        return DocumentError("", "is empty")
    decoded = decode(_whole_characters(sample) if len(sample) == _SAMPLE else sample, options.encoding)
    if decoded is None:
        return DocumentError("", "is binary, not a text corpus")
    codec = decoded.encoding
    if not options.encoding:
        file.read(next((len(mark) for mark, _ in BOMS if sample.startswith(mark)), 0))
    if options.encoding or codec.startswith(("utf-16", "utf-32")):  # no line splits on bytes here
        text = io.TextIOWrapper(file, encoding=codec, errors="replace", newline="")
        return ((line, 0) for line in _split_lines(text)), decoded.warning
    if codec in ("utf-8", "utf-8-sig"):  # a few bad bytes are counted per record, not for the sample
        return _decoded_lines(file, "utf-8", options.max_bytes), None
    return _decoded_lines(file, codec, options.max_bytes), decoded.warning


def _whole_characters(sample: bytes) -> bytes:
    """A sample cut from a longer file, without the end of a UTF-8 character
    the cut splits (kept whole when the sample is no UTF-8 at all)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return sample
    unfinished = len(decoder.getstate()[0])
    return sample[:len(sample) - unfinished]


class Cut(str):
    """The start of a corpus line longer than --max-bytes: the rest was skipped, not read into memory."""


def _decoded_lines(file, codec: str, limit: int):
    """Binary lines (split at \\n only) decoded one by one: in UTF-8, a byte
    that is not is read as cp1252 and counted; a line over `limit` bytes is
    a Cut of its start."""
    while raw := file.readline(limit + 1):
        cut = len(raw) > limit and not raw.endswith(b"\n")
        while cut and (rest := file.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass  # the rest of an over-long line, read in pieces and dropped
        if codec != "utf-8":
            text, bad = raw.decode(codec, errors="replace"), 0
        else:
            try:
                text, bad = raw.decode("utf-8"), 0
            except UnicodeDecodeError:
                text, (bad, _) = raw.decode("utf-8", errors="ledger-cp1252"), _not_utf8(raw)
        yield (Cut(text) if cut else text), bad


def _split_lines(text: io.TextIOWrapper):
    """Lines of a text stream that end at \\n only (U+2028 and a bare CR are no line end here)."""
    rest = ""
    while chunk := text.read(1 << 16):
        parts = (rest + chunk).split("\n")
        rest = parts.pop()
        yield from (part + "\n" for part in parts)
    if rest:
        yield rest


def _notes(bad_bytes: int) -> tuple[str, ...]:
    return (_cp1252_note(bad_bytes),) if bad_bytes else ()


def _jsonl(lines, source: str, options: Options):
    """Records of JSON Lines: lines end at \\n only (a raw U+2028 or U+0085
    inside a string is valid JSON); an id of any length is kept; a line over
    --max-bytes is named, not parsed."""
    for number, (line, bad) in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if isinstance(line, Cut) or len(line) > options.max_bytes:
            yield where, DocumentError(where, f"is over the limit of {options.max_bytes:,} bytes (--max-bytes)"), ()
            continue
        try:
            record = json.loads(line, parse_int=_json_int)
        except json.JSONDecodeError as error:
            yield where, DocumentError(where, f"is not valid JSON ({error.msg})"), ()
            continue
        except RecursionError:
            yield where, DocumentError(where, "is JSON nested too deeply to read"), ()
            continue
        if not isinstance(record, dict):
            yield where, DocumentError(where, "needs a JSON object with a text"), ()
            continue
        yield where, record, _notes(bad)


def _json_int(digits: str) -> int | str:
    """A JSON integer; one longer than Python converts (sys.get_int_max_str_digits) stays the digits: an id."""
    limit = sys.get_int_max_str_digits()
    return int(digits) if not limit or len(digits) <= limit else digits


class _Replayable:
    """The lines of a stream, with lines given back to be read again first;
    `taken` holds what was read since it was last cleared (a record's lines)."""

    def __init__(self, lines):
        self.lines, self.again, self.taken = iter(lines), [], []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line, bad = self.again.pop() if self.again else next(self.lines)
        self.taken.append((line, bad))
        return line

    def give_back(self, lines: list) -> None:
        self.again.extend(reversed(lines))


def _csv(lines, source: str, suffix: str, options: Options):
    """Rows of a CSV/TSV corpus, each named by the line it starts on. A row
    the csv module cannot read (a quote that never closes) is named and
    reading goes on at the next line, so that it swallows no neighbour; a
    row with more or fewer fields than the header is named and skipped."""
    delimiter = options.delimiter or ("\t" if suffix == ".tsv" else ",")
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))  # a field may be a whole article
    stream = _Replayable(lines)
    header = None if options.header else ()
    line = 0  # lines read before the current row
    while True:
        try:
            reader = csv.reader(stream, delimiter=delimiter, quotechar=options.quotechar, strict=True)
        except TypeError as error:  # the API's caller gave a delimiter or quote of two characters
            raise InputError(f"{source}: {error}") from None
        try:
            for values in reader:
                where = f"{source}:{line + 1}"
                taken, stream.taken = stream.taken, []
                line += len(taken)
                if not values:
                    continue
                if header is None:
                    header = values
                    continue
                names = header or [str(i) for i in range(len(values))]
                if header and len(values) != len(header):
                    yield where, DocumentError(where, f"has {len(values)} field(s), the header {len(header)}"), ()
                    continue
                yield where, dict(zip(names, values)), _notes(sum(bad for _, bad in taken))
            return
        except csv.Error as error:
            taken, stream.taken = stream.taken, []
            if header is None:
                yield source, DocumentError(source, f"has a header that is not valid CSV ({error})"), ()
                return
            where = f"{source}:{line + 1}"
            yield where, DocumentError(where, f"is not valid CSV ({error}); read on from the next line"), ()
            stream.give_back(taken[1:])
            line += 1


def _parquet(path: Path, source: str):
    """Rows of a Parquet corpus, a batch at a time."""
    import pyarrow.parquet as pq  # for Parquet corpora only
    number = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
            for row in batch.to_pylist():
                number += 1
                yield f"{source}:{number}", {str(k): v for k, v in row.items()}, ()
    except Exception as error:  # pyarrow raises its own kinds for a broken file
        yield source, DocumentError(source, f"is not a readable Parquet file ({type(error).__name__})"), ()
