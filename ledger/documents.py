"""Reading documents from the command line's inputs: text files, folders of
them, standard input, and JSON Lines of {"doc": ID, "text": TEXT}.

Each document keeps where it came from. A document that cannot be read
becomes a DocumentError (one line, naming it); the others still load.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    doc: str  # the id written to the output: a path, or the record's "doc"
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


def read_inputs(inputs: list[str], max_bytes: int = MAX_BYTES) -> Iterator[Document | DocumentError]:
    """Documents of every input in order; InputError for a missing path."""
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise InputError(f"{name}: no such file or folder")
    for name in inputs:
        if name == "-":
            yield _decode(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", "<stdin>", max_bytes)
            continue
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if path.is_dir() and (file.suffix.lower() not in TEXT_SUFFIXES | {".jsonl"}
                                  or any(part.startswith(".") for part in file.relative_to(path).parts)):
                continue
            yield from _read_file(file, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[Document | DocumentError]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield DocumentError(str(path), f"is {size:,} bytes, over the limit of {max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as error:
        yield DocumentError(str(path), f"cannot be read: {error.strerror or error}")
        return
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(data, str(path))
    else:
        yield _decode(data, str(path), str(path), max_bytes)


def _decode(data: bytes, doc: str, source: str, max_bytes: int) -> Document | DocumentError:
    if len(data) > max_bytes:
        return DocumentError(source, f"is over the limit of {max_bytes:,} bytes")
    if b"\x00" in data[:8192]:
        return DocumentError(source, "is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return DocumentError(source, f"is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
                                     f"{error.start}); convert it to UTF-8")
    if not text.strip():
        return DocumentError(source, "is empty")
    return Document(doc, text, source)


def _read_jsonl(data: bytes, source: str) -> Iterator[Document | DocumentError]:
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        yield DocumentError(source, f"is not UTF-8 (offset {error.start})")
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield DocumentError(where, f"is not valid JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield DocumentError(where, 'needs an object with a string "text"')
            continue
        doc = record.get("doc", record.get("id", where))
        if not record["text"].strip():
            yield DocumentError(where, "has an empty text")
            continue
        yield Document(str(doc), record["text"], where)
