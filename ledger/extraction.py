"""One document's extraction, as a `--jobs` worker process runs it.

Only the parsers and the input types are imported here (no pandas, no
openpyxl, no rich): a worker is started by importing this module, so that
it starts in a fraction of the time the command itself takes to load.
"""
from __future__ import annotations

import signal
from datetime import date

from parsers.records import Extraction, extract

from .documents import Document, DocumentError


def work(job: tuple[Document | DocumentError, str | None, date | None]) -> tuple[Document, Extraction] | DocumentError:
    """(document, its extraction), or the DocumentError that came instead of a document."""
    item, lang, when = job
    if isinstance(item, DocumentError):
        return item
    return item, extract(item.doc, item.text, lang, when)


def quiet_worker() -> None:
    """A worker leaves Ctrl-C to the main process, which ends the pool: no
    worker prints a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
