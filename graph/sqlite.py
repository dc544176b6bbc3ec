"""The embedded default store: one SQLite file, one transaction per document.

Facts are stored per document (entities, relations with evidence as JSON, co-mentions), so
replacing or forgetting a document is a delete of its rows inside the same transaction as the
new ones: a crash leaves either the old facts or the new, never half of each.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .store import FactStore, StoreError

SCHEMA_VERSION = "1"
# How long a write waits for another writer (an ingest in another terminal) before it gives up.
# Each wait is SQLite's busy handler; between attempts the store says once that it is waiting.
BUSY_TIMEOUT = 10.0
WRITE_ATTEMPTS = 30  # so a write gives up only after about five minutes of someone else writing

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, title TEXT,
    chars INTEGER NOT NULL, format TEXT, date TEXT);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS entity_records (
    doc_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL, attributes TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entity_records_doc ON entity_records(doc_path);
CREATE INDEX IF NOT EXISTS entity_records_id ON entity_records(id);
CREATE TABLE IF NOT EXISTS relation_records (
    doc_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, role TEXT, role_class TEXT,
    status TEXT, confidence REAL NOT NULL, evidence TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS relation_records_doc ON relation_records(doc_path);
CREATE TABLE IF NOT EXISTS co_mention_records (
    doc_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    source TEXT NOT NULL, target TEXT NOT NULL, weight INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS co_mention_records_doc ON co_mention_records(doc_path);
"""


class SQLiteStore(FactStore):
    """Safe for several processes at once: WAL lets readers work during an ingest, each write is
    one `BEGIN IMMEDIATE` transaction that waits for (and retries after) another writer, and each
    read runs in one read transaction, so it sees whole documents only."""

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        busy_timeout: float = BUSY_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
        **_: Any,
    ) -> None:
        self.path = Path(path)
        self.url = str(self.path)
        self.on_wait = on_wait or _say_waiting
        if not self.path.exists() and not create:
            raise StoreError(f"no graph at {self.path} (run `stakegraph ingest` first, or pass --store)")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are begun explicitly, as BEGIN IMMEDIATE for writes
            self.conn = sqlite3.connect(str(self.path), timeout=busy_timeout, isolation_level=None)
            self._open_schema()
        except sqlite3.DatabaseError as exc:
            raise StoreError(self._open_error(exc)) from None
        except OSError as exc:
            raise StoreError(f"cannot open {self.path}: {exc.strerror or exc}") from None

    def _open_schema(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:  # another program's database: never add our tables to it
            self.conn.close()
            raise StoreError(f"{self.path} is not a stakegraph store (another program's SQLite database)")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        if "meta" in tables and "co_mention_records" in tables:  # readers must not need the write lock
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is not None:
                self._check_version(row[0])
                return
        with self._writing():
            for statement in _SCHEMA.split(";"):  # not executescript: it would commit BEGIN IMMEDIATE
                if statement.strip():
                    self.conn.execute(statement)
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                self.conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            else:
                self._check_version(row[0])

    def _check_version(self, version: str) -> None:
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path} has store schema {version}, this version reads {SCHEMA_VERSION}")

    def _open_error(self, exc: sqlite3.DatabaseError) -> str:
        """Tell a folder the store cannot write in apart from a file that is no store."""
        message = str(exc)
        folder = self.path.resolve().parent
        cannot_write = "readonly" in message or "unable to open" in message or "disk I/O" in message
        if cannot_write and not os.access(folder, os.W_OK):
            return (f"cannot write to {self.path}: the folder {folder} is not writable "
                    "(choose another place with --store)")
        if cannot_write and self.path.exists() and not os.access(self.path, os.W_OK):
            return f"cannot write to {self.path}: the file is read-only"
        if isinstance(exc, sqlite3.OperationalError) and "locked" in message:
            return f"{self.path} is locked by another program and did not come free in time"
        if "unable to open" in message:
            return f"cannot open {self.path} ({message})"
        return f"{self.path} is not a stakegraph store ({message})"

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction, begun IMMEDIATE (so it never has to upgrade a read lock, which
        SQLite cannot wait for) and retried while another process holds the write lock."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if attempt == 0:
                    self.on_wait(f"waiting for another process writing to {self.path}")
                if attempt == WRITE_ATTEMPTS - 1:
                    raise StoreError(f"{self.path} stayed locked by another writer; try later") from None
                time.sleep(0.05)
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """One read transaction: every SELECT inside sees the same snapshot (WAL), so a reader never
        sees a document whose records a concurrent ingest is replacing half-way."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

    # -- writes -----------------------------------------------------------------------------
    def upsert(self, facts: DocumentFacts) -> None:
        d = facts.document
        with self._writing():  # one transaction: old facts out, new facts in
            self.conn.execute("DELETE FROM documents WHERE path = ?", (d.path,))
            self.conn.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                (d.path, d.id, d.name, d.title, d.chars, d.format, d.date),
            )
            self.conn.executemany(
                "INSERT INTO entity_records VALUES (?,?,?,?,?,?,?)",
                [
                    (d.path, e.id, e.type, e.name, _dumps(e.aliases), e.mentions, _dumps(e.attributes))
                    for e in facts.entities
                ],
            )
            self.conn.executemany(
                "INSERT INTO relation_records VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    (
                        d.path,
                        r.type,
                        r.source,
                        r.target,
                        r.role,
                        r.role_class,
                        r.status,
                        r.confidence,
                        _dumps([e.to_dict() for e in r.evidence]),
                    )
                    for r in facts.relations
                ],
            )
            self.conn.executemany(
                "INSERT INTO co_mention_records VALUES (?,?,?,?)",
                [(d.path, c.source, c.target, c.weight) for c in facts.co_mentions],
            )

    def delete(self, path: str) -> bool:
        with self._writing():
            cur = self.conn.execute("DELETE FROM documents WHERE path = ?", (path,))
        return cur.rowcount > 0

    def clear(self) -> None:
        with self._writing():
            self.conn.execute("DELETE FROM documents")

    # -- reads ------------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        rows = self.conn.execute(
            "SELECT id, name, path, title, chars, format, date FROM documents ORDER BY path"
        )
        return [Document(*row) for row in rows]

    def document_for_path(self, path: str) -> Document | None:
        row = self.conn.execute(
            "SELECT id, name, path, title, chars, format, date FROM documents WHERE path = ?", (path,)
        ).fetchone()
        return Document(*row) if row else None

    def facts(self) -> Iterator[DocumentFacts]:
        with self._reading():
            docs = self._read_facts()
        yield from docs.values()

    def _read_facts(self) -> dict[str, DocumentFacts]:
        docs = {d.path: DocumentFacts(document=d) for d in self.documents()}
        for path, eid, etype, name, aliases, mentions, attrs in self.conn.execute(
            "SELECT doc_path, id, type, name, aliases, mentions, attributes "
            "FROM entity_records ORDER BY rowid"
        ):
            docs[path].entities.append(
                Entity(
                    eid,
                    etype,
                    name,
                    json.loads(aliases),
                    [docs[path].document.name],
                    mentions,
                    json.loads(attrs),
                )
            )
        for path, rtype, src, tgt, role, role_class, status, conf, evidence in self.conn.execute(
            "SELECT doc_path, type, source, target, role, role_class, status, confidence, evidence "
            "FROM relation_records ORDER BY rowid"
        ):
            docs[path].relations.append(
                Relation(
                    rtype,
                    src,
                    tgt,
                    role,
                    role_class,
                    status,
                    conf,
                    [Evidence.from_dict(e) for e in json.loads(evidence)],
                )
            )
        for path, src, tgt, weight in self.conn.execute(
            "SELECT doc_path, source, target, weight FROM co_mention_records ORDER BY rowid"
        ):
            docs[path].co_mentions.append(CoMention(src, tgt, weight, [docs[path].document.name]))
        return docs

    def close(self) -> None:
        self.conn.close()


def _say_waiting(message: str) -> None:
    print(f"stakegraph: {message}", file=sys.stderr, flush=True)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
