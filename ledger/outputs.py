"""Output files written whole or not at all.

Every file the commands write goes to a temporary file beside its target,
is flushed to disk, and replaces the target only when complete: an error,
Ctrl-C or SIGTERM midway leaves the previous file as it was and removes the
temporary one (a kill -9 leaves the previous file too, and a hidden
`.NAME.*.tmp` beside it).
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from .documents import InputError


def writable(target: str | Path) -> Path:
    """`target` as a Path, or InputError when it cannot be a file to write
    (checked before a long run, not after it)."""
    target = Path(target)
    if target.is_dir():
        raise InputError(f"{target}: is a folder, not a file to write")
    if not target.parent.is_dir():
        raise InputError(f"{target}: no such folder {target.parent}")
    return target


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path to write `target` through (for writers that take a
    path, such as the workbook's); InputError for a target that cannot be a file."""
    target = writable(target)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def atomic_text(target: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text file to write `target` through (newlines as written)."""
    with atomic_path(target) as temporary, open(temporary, "w", encoding="utf-8", newline="") as out:
        yield out
