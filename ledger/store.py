"""The persistent ledger: SQLite, embedded, safe to share between processes.

A document goes in whole or not at all (one transaction); a document whose
text is already in changes nothing; the same fact from several documents is
one row that lists every source. WAL journaling and a busy timeout let two
`ledger add` processes write to one database. Reading (`read_only`) opens
the database read-only and changes nothing in it, so a database on a
read-only disk can be listed; writing starts with an integrity check.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

import pandas as pd

from parsers.money import plain_decimal

from .schema import COLUMNS, frame, validate

DEFAULT = "ledger.db"
SETUP_ATTEMPTS = 40
BUSY_SECONDS = 30
# The facts table holds every ledger column but the sources (table fact_sources lists them).
FACT_COLUMNS = tuple(c for c in COLUMNS if c != "sources")
# A file named so is read as a ledger database, and is an error if it is none.
STORE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# How SQLite declares a facts column that is not plain nullable text (amounts are exact decimal text).
_FACT_TYPES = {"id": "TEXT PRIMARY KEY", "span_start": "INTEGER", "span_end": "INTEGER",
               **dict.fromkeys(("kind", "amount", "currency", "status", "doc", "source"), "TEXT NOT NULL")}


def _declared(column: str) -> str:
    return f"{column} {_FACT_TYPES.get(column, 'TEXT')}"


SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    hash TEXT PRIMARY KEY, doc TEXT NOT NULL, source TEXT NOT NULL, lang TEXT,
    added_at TEXT NOT NULL, mentions TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts ({", ".join(_declared(c) for c in FACT_COLUMNS)});
CREATE TABLE IF NOT EXISTS fact_sources (
    id TEXT NOT NULL REFERENCES facts(id), hash TEXT NOT NULL REFERENCES documents(hash), doc TEXT NOT NULL,
    PRIMARY KEY (id, hash));
"""


class StoreError(Exception):
    """A database that cannot be opened or is not a ledger (one line)."""


def default_path() -> Path:
    return Path(os.environ.get("LEDGER_DB") or DEFAULT)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_store(path: Path) -> bool:
    """Whether the file is an SQLite database (by its header)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


class Store:
    def __init__(self, path: Path, create: bool = True, read_only: bool = False):
        self.path = Path(path)
        if (read_only or not create) and not self.path.exists():
            raise StoreError(f"{self.path}: no such ledger database")
        if self.path.exists() and self.path.stat().st_size and not is_store(self.path):
            raise StoreError(f"{self.path}: not a ledger database (not SQLite); nothing was changed")
        try:
            if read_only:
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                          timeout=BUSY_SECONDS, isolation_level=None)
                self._tables()
            else:
                self.db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
                self.db.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
                # WAL with NORMAL: a commit survives a killed process (not a power cut right after it),
                # without an fsync per document
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._check()
                self._set_up()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {_problem(error)}; nothing was changed") from None

    def _check(self) -> None:
        """StoreError for a database with a damaged page: nothing is added to it."""
        problems = [row[0] for row in self.db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise StoreError(f"{self.path}: a damaged database ({problems[0]}); nothing was changed")

    def _columns(self) -> list[str]:
        return [row[1] for row in self.db.execute("PRAGMA table_info(facts)")]

    def _add_columns(self) -> None:
        """A database made before a column of the schema existed gets it (empty for its rows)."""
        have = self._columns()
        for column in (c for c in FACT_COLUMNS if c not in have):
            self.db.execute(f"ALTER TABLE facts ADD COLUMN {_declared(column).replace(' NOT NULL', '')}")

    def _tables(self) -> None:
        self.db.execute("SELECT id, amount, span_start FROM facts LIMIT 1").fetchall()
        self.db.execute("SELECT hash, doc, mentions FROM documents LIMIT 1").fetchall()

    def _set_up(self) -> None:
        """WAL journaling and the tables. Switching the journal mode needs the
        database to itself and waits for no busy handler, so a second process
        opening it at the same moment tries again."""
        for attempt in range(SETUP_ATTEMPTS):
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.db.execute("PRAGMA journal_mode = WAL")
                self.db.executescript(SCHEMA)
                self._add_columns()
                self._tables()
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt == SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, work):
        """`work()`, with what SQLite raises as one line."""
        try:
            return work()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {_problem(error)}") from None

    def has(self, text: str) -> bool:
        """Whether a document with this text is in."""
        digest = text_hash(text)
        return self._run(lambda: self.db.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone()
                         is not None)

    def add(self, text: str, doc: str, source: str, lang: str, rows: pd.DataFrame, mentions: list[dict]) -> bool:
        """Store one document with its ledger rows, in one transaction.
        False when a document with the same text is already in."""
        rows = validate(rows, where=doc) if len(rows) else rows
        return self._run(lambda: self._add(text_hash(text), doc, source, lang, rows, mentions))

    def _add(self, digest: str, doc: str, source: str, lang: str, rows: pd.DataFrame, mentions: list[dict]) -> bool:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone():
                self.db.execute("ROLLBACK")
                return False
            self.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, datetime('now'), ?)",
                            (digest, doc, source, lang, json.dumps(mentions, ensure_ascii=False)))
            for row in rows.to_dict("records"):
                values = [plain_decimal(row[c]) if c in ("amount", "upper") and row[c] is not None else row[c]
                          for c in FACT_COLUMNS]
                self.db.execute(f"INSERT OR IGNORE INTO facts ({', '.join(FACT_COLUMNS)}) "
                                f"VALUES ({', '.join('?' * len(values))})", values)
                self.db.execute("INSERT OR IGNORE INTO fact_sources VALUES (?, ?, ?)", (row["id"], digest, doc))
            self.db.execute("COMMIT")
            return True
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def remove(self, doc: str) -> tuple[int, int]:
        """Forget the documents with this id (or source); their facts go too
        unless another document reports them. How many documents and facts went."""
        return self._run(lambda: self._remove(doc))

    def _remove(self, doc: str) -> tuple[int, int]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            hashes = [h for (h,) in self.db.execute(
                "SELECT hash FROM documents WHERE doc = ? OR source = ? OR hash = ?", (doc, doc, doc))]
            for digest in hashes:
                self.db.execute("DELETE FROM fact_sources WHERE hash = ?", (digest,))
                self.db.execute("DELETE FROM documents WHERE hash = ?", (digest,))
            facts = self.db.execute("DELETE FROM facts WHERE id NOT IN (SELECT id FROM fact_sources)").rowcount
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(hashes), facts

    def documents(self) -> list[dict]:
        """Each document: doc, source, lang, and its money mentions."""
        return self._run(lambda: [{"doc": doc, "source": source, "lang": lang, "mentions": json.loads(mentions)}
                for doc, source, lang, mentions in
                self.db.execute("SELECT doc, source, lang, mentions FROM documents ORDER BY rowid")])

    def ledger(self) -> pd.DataFrame:
        """Every fact, with the documents that report it."""
        have = self._run(self._columns)  # a database read-only and older than a column reads it as empty
        columns = [f"f.{c}" if c in have else "NULL" for c in FACT_COLUMNS]
        query = (f"SELECT {', '.join(columns)}, "
                 "(SELECT group_concat(doc, char(10)) FROM fact_sources s WHERE s.id = f.id) "
                 "FROM facts f ORDER BY f.rowid")
        rows = self._run(lambda: [dict(zip((*FACT_COLUMNS, "sources"), values)) for values in self.db.execute(query)])
        return validate(frame(rows), where=str(self.path))



def _problem(error: sqlite3.DatabaseError) -> str:
    """What SQLite's error means to the user."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"locked by another process for over {BUSY_SECONDS} s (try again when it is done)"
    if "malformed" in text or "corrupt" in text:
        return "a damaged database (a page is corrupt)"
    if "readonly" in text or "read-only" in text:
        return "read-only: ledger add and remove need to write to it"
    return f"not a usable ledger database ({text})"
