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
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, cast

from .curation import Curation
from .merge import acronym_claims
from .model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .sqlite_records import (
    CO_MENTION_RECORDS,
    DOCUMENT_COLUMNS,
    ENTITY_IDS_SCHEMA,
    ENTITY_RECORD,
    ENTITY_RECORDS,
    RELATION_RECORD,
    RELATION_RECORDS,
    SENTENCES_SCHEMA,
    Spans,
    evidence_json,
    number_ids,
    read_evidence,
    write_spans,
)
from .sqlite_view import StoredView, clear_view, ensure_view_schema, mark_dirty
from .store import FactStore, StoreError

SCHEMA_VERSION = "4"
# Schema 3 names a record's document by an integer key instead of its path: the path was repeated
# in every record and in every record index, a quarter of a large store. Evidence is stored as
# arrays that quote each sentence from `sentences`, once per document and span, rather than copying
# it into every relation (and into the view) that rests on it (`graph.sqlite_records`).
_RECORDS_V3 = """
CREATE TABLE entity_records_v3 (
    doc INTEGER NOT NULL REFERENCES documents_v3(key) ON DELETE CASCADE,
    id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL, attributes TEXT NOT NULL);
CREATE TABLE relation_records_v3 (
    doc INTEGER NOT NULL REFERENCES documents_v3(key) ON DELETE CASCADE,
    type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, role TEXT, role_class TEXT,
    status TEXT, confidence REAL NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE co_mention_records_v3 (
    doc INTEGER NOT NULL REFERENCES documents_v3(key) ON DELETE CASCADE,
    source TEXT NOT NULL, target TEXT NOT NULL, weight INTEGER NOT NULL);
CREATE TABLE sentences_v3 (
    doc INTEGER NOT NULL REFERENCES documents_v3(key) ON DELETE CASCADE, start INTEGER NOT NULL,
    end INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc, start, end)) WITHOUT ROWID;
CREATE TABLE acronym_records_v3 (
    doc INTEGER NOT NULL REFERENCES documents_v3(key) ON DELETE CASCADE,
    acronym TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL);
"""


def _upgrade_to_3(conn: sqlite3.Connection) -> None:
    """Copy every table into the schema-3 layout (document keys, compact evidence), then swap."""
    conn.execute(
        "CREATE TABLE documents_v3 (key INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, id TEXT NOT NULL, "
        "name TEXT NOT NULL, title TEXT, chars INTEGER NOT NULL, format TEXT, date TEXT, size INTEGER, "
        "mtime_ns INTEGER)"
    )
    for stmt in _RECORDS_V3.split(";"):
        if stmt.strip():
            conn.execute(stmt)
    conn.execute(
        "INSERT INTO documents_v3 (path, id, name, title, chars, format, date, size, mtime_ns) "
        "SELECT path, id, name, title, chars, format, date, size, mtime_ns FROM documents ORDER BY path"
    )
    keys = "JOIN documents_v3 d ON d.path = r.doc_path ORDER BY r.rowid"
    conn.execute(
        "INSERT INTO entity_records_v3 SELECT d.key, r.id, r.type, r.name, r.aliases, r.mentions, "  # noqa: S608
        f"r.attributes FROM entity_records r {keys}"
    )
    rows = conn.execute(
        "SELECT d.key, d.name, r.type, r.source, r.target, r.role, r.role_class, r.status, r.confidence, "  # noqa: S608
        f"r.evidence FROM relation_records r {keys}"
    )
    spans: dict[int, Spans] = {}
    conn.executemany(
        "INSERT INTO relation_records_v3 VALUES (?,?,?,?,?,?,?,?,?)",
        (
            (*row[:1], *row[2:9], evidence_json([Evidence.from_dict(e) for e in json.loads(row[9])], row[1],
                                                spans.setdefault(row[0], {})))
            for row in rows.fetchall()
        ),
    )
    conn.executemany(
        "INSERT INTO sentences_v3 VALUES (?,?,?,?)",
        [(key, s, e, text) for key, of in spans.items() for (s, e), text in of.items()],
    )
    conn.execute(
        "INSERT INTO co_mention_records_v3 SELECT d.key, r.source, r.target, r.weight "  # noqa: S608
        f"FROM co_mention_records r {keys}"
    )
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "acronym_records" in tables:  # a schema-1 store has none: they are backfilled after
        conn.execute(
            "INSERT INTO acronym_records_v3 SELECT d.key, r.acronym, r.id, r.kind "  # noqa: S608
            f"FROM acronym_records r {keys}"
        )
    for table in ("entity_records", "relation_records", "co_mention_records", "acronym_records", "documents"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")  # noqa: S608 - fixed table names
    for table in ("documents", "entity_records", "relation_records", "co_mention_records", "acronym_records",
                  "sentences"):
        conn.execute(f"ALTER TABLE {table}_v3 RENAME TO {table}")  # noqa: S608 - fixed table names
    # the view's dirty marks and signature stay valid: the stored ids did not change


def _upgrade_to_4(conn: sqlite3.Connection) -> None:
    """Copy the records into the schema-4 layout, which names entities by number (`entity_ids`),
    in their order (a document's records are read back in the order they were written)."""
    conn.execute(ENTITY_IDS_SCHEMA)
    conn.execute(
        "INSERT INTO entity_ids (id) SELECT id FROM entity_records UNION SELECT source FROM relation_records "
        "UNION SELECT target FROM relation_records UNION SELECT source FROM co_mention_records "
        "UNION SELECT target FROM co_mention_records"
    )
    for stmt in _RECORDS_V4.split(";"):
        if stmt.strip():
            conn.execute(stmt)
    conn.execute(
        "INSERT INTO entity_records_v4 SELECT r.doc, i.n, r.type, r.name, r.aliases, r.mentions, "
        "r.attributes FROM entity_records r CROSS JOIN entity_ids i ON i.id = r.id ORDER BY r.rowid"
    )
    conn.execute(
        "INSERT INTO relation_records_v4 SELECT r.doc, r.type, s.n, t.n, r.role, r.role_class, r.status, "
        "r.confidence, r.evidence FROM relation_records r CROSS JOIN entity_ids s ON s.id = r.source "
        "CROSS JOIN entity_ids t ON t.id = r.target ORDER BY r.rowid"
    )
    conn.execute(
        "INSERT INTO co_mention_records_v4 SELECT r.doc, s.n, t.n, r.weight FROM co_mention_records r "
        "CROSS JOIN entity_ids s ON s.id = r.source CROSS JOIN entity_ids t ON t.id = r.target "
        "ORDER BY r.rowid"
    )
    for table in ("entity_records", "relation_records", "co_mention_records"):
        conn.execute(f"DROP TABLE {table}")  # noqa: S608 - fixed table names (their indexes go too)
        conn.execute(f"ALTER TABLE {table}_v4 RENAME TO {table}")  # noqa: S608
    # the indexes are made by the schema script after the upgrade; the view's dirty marks and
    # signature stay valid: the stored ids did not change


_RECORDS_V4 = """
CREATE TABLE entity_records_v4 (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    id INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL, attributes TEXT NOT NULL);
CREATE TABLE relation_records_v4 (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    type TEXT NOT NULL, source INTEGER NOT NULL, target INTEGER NOT NULL, role TEXT, role_class TEXT,
    status TEXT, confidence REAL NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE co_mention_records_v4 (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    source INTEGER NOT NULL, target INTEGER NOT NULL, weight INTEGER NOT NULL);
"""


# Older schemas this version upgrades in place, and how (each step takes the store one version up).
_UPGRADES: dict[str, Callable[[sqlite3.Connection], None] | tuple[str, ...]] = {
    "1": (
        "ALTER TABLE documents ADD COLUMN size INTEGER",  # file size and mtime as last ingested:
        "ALTER TABLE documents ADD COLUMN mtime_ns INTEGER",  # an untouched file is not read again
    ),
    "2": _upgrade_to_3,
    "3": _upgrade_to_4,
}

# How long a write waits for another writer (an ingest in another terminal) before it retries.
# Between attempts the store says once that it is waiting; it gives up after WRITE_ATTEMPTS.
BUSY_TIMEOUT = 10.0
WRITE_ATTEMPTS = 30  # so a write gives up only after about five minutes of someone else writing

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    key INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, id TEXT NOT NULL, name TEXT NOT NULL, title TEXT,
    chars INTEGER NOT NULL, format TEXT, date TEXT, size INTEGER, mtime_ns INTEGER);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
""" + SENTENCES_SCHEMA + ENTITY_IDS_SCHEMA + """
CREATE TABLE IF NOT EXISTS entity_records (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    id INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL, attributes TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entity_records_doc ON entity_records(doc);
CREATE INDEX IF NOT EXISTS entity_records_id ON entity_records(id);
CREATE TABLE IF NOT EXISTS relation_records (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    type TEXT NOT NULL, source INTEGER NOT NULL, target INTEGER NOT NULL, role TEXT, role_class TEXT,
    status TEXT, confidence REAL NOT NULL, evidence TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS relation_records_doc ON relation_records(doc);
CREATE TABLE IF NOT EXISTS co_mention_records (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    source INTEGER NOT NULL, target INTEGER NOT NULL, weight INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS co_mention_records_doc ON co_mention_records(doc);
CREATE INDEX IF NOT EXISTS relation_records_source ON relation_records(source);
CREATE INDEX IF NOT EXISTS relation_records_target ON relation_records(target);
CREATE INDEX IF NOT EXISTS co_mention_records_source ON co_mention_records(source);
CREATE INDEX IF NOT EXISTS co_mention_records_target ON co_mention_records(target);
CREATE TABLE IF NOT EXISTS acronym_records (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    acronym TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS acronym_records_doc ON acronym_records(doc);
"""


class SQLiteStore(FactStore):
    """Safe for several processes at once: WAL lets readers work during an ingest, each write is
    one `BEGIN IMMEDIATE` transaction that waits for (and retries after) another writer, and
    `facts()` runs in one read transaction, so it sees whole documents only."""

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
            self.conn = sqlite3.connect(str(self.path), timeout=busy_timeout)
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "meta" not in tables:  # another program's database: never add our tables to it
                self.conn.close()
                raise StoreError(f"{self.path} is not a stakegraph store (another program's SQLite database)")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL stays consistent; fsync at checkpoints
            self._prepare(tables)
        except sqlite3.DatabaseError as exc:
            raise StoreError(self._open_error(exc)) from None
        except OSError as exc:
            raise StoreError(f"cannot open {self.path}: {exc.strerror or exc}") from None

    def _prepare(self, tables: set[str]) -> None:
        """Create or upgrade the schema. Two processes creating one new store at once race for the
        write lock, and SQLite refuses the loser at once (a read lock cannot wait to become a write
        lock): it tries again, as a write does."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                if self._prepare_once(tables) == "rewritten":
                    self._compact()
                return
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or attempt == WRITE_ATTEMPTS - 1:
                    raise
                if self.conn.in_transaction:
                    self.conn.rollback()
                time.sleep(0.1)
                tables = {
                    r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }

    def _compact(self) -> None:
        """Give back the pages an upgrade that copied every table freed (the file would otherwise
        keep the old layout's size). Skipped while another process reads: the next upgrade-free
        open does not retry, and the store is just larger than it needs to be."""
        with suppress(sqlite3.OperationalError):
            self.conn.execute("VACUUM")

    def _prepare_once(self, tables: set[str]) -> str | None:
        """Returns "rewritten" when an upgrade copied the tables into a new layout."""
        self.conn.execute("PRAGMA journal_mode = WAL")  # switching a new file to WAL takes a lock too
        rewritten = None
        with self.conn:
            row = (
                self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() if tables else None
            )
            if row is not None and row[0] in _UPGRADES and not self.conn.in_transaction:
                # every step of an upgrade in one transaction (DDL would otherwise run in autocommit):
                # a failure anywhere leaves the store as it was, never half-copied
                self.conn.execute("BEGIN IMMEDIATE")
                row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            version = row[0] if row else None
            while version in _UPGRADES:
                step = _UPGRADES[version]
                if callable(step):
                    step(self.conn)
                    rewritten = "rewritten"
                else:
                    for stmt in step:
                        self.conn.execute(stmt)
                version = str(int(version) + 1)
                self.conn.execute("UPDATE meta SET value = ? WHERE key='schema'", (version,))
            if version is not None and version != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has store schema {version}, this version reads {SCHEMA_VERSION}"
                )
            self.conn.executescript(_SCHEMA)
            ensure_view_schema(self.conn)
            if row is not None and row[0] == "1":  # from before the view and its acronym claims
                self._backfill_acronyms()
            if row is None:
                self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        return rewritten

    def _open_error(self, exc: sqlite3.DatabaseError) -> str:
        """Tell a folder the store cannot write in apart from a file that is no store."""
        message = str(exc)
        folder = self.path.resolve().parent
        cannot_write = "readonly" in message or "unable to open" in message or "disk I/O" in message
        if cannot_write and not os.access(folder, os.W_OK):
            return (
                f"cannot write to {self.path}: the folder {folder} is not writable "
                "(choose another place with --store)"
            )
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
            self.conn.rollback()
            raise
        self.conn.commit()

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """One read transaction: every SELECT inside sees the same snapshot (WAL), so a reader never
        sees a document whose records a concurrent ingest is replacing half-way."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.commit()

    # -- writes -----------------------------------------------------------------------------
    def upsert(self, facts: DocumentFacts) -> None:
        with self._writing():  # one transaction: old facts out, new facts in
            self._replace(facts, None, None)

    def write_batch(self, batch: list[tuple[DocumentFacts | None, str, int, int | None]]) -> None:
        """Several documents' facts (or, with None, only a file's new size and mtime) in one transaction."""
        with self._writing():
            for facts, path, size, mtime_ns in batch:
                if facts is None:
                    self.conn.execute(
                        "UPDATE documents SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path)
                    )
                else:
                    self._replace(facts, size, mtime_ns)

    def _replace(self, facts: DocumentFacts, size: int | None, mtime_ns: int | None) -> None:
        d = facts.document
        mark_dirty(self.conn, d.path)  # what the old version named must be merged again
        self.conn.execute("DELETE FROM documents WHERE path = ?", (d.path,))
        key = cast(int, self.conn.execute(  # an INSERT always sets lastrowid
            f"INSERT INTO documents ({DOCUMENT_COLUMNS}, size, mtime_ns) VALUES (?,?,?,?,?,?,?,?,?)",  # noqa: S608
            (d.id, d.name, d.path, d.title, d.chars, d.format, d.date, size, mtime_ns),
        ).lastrowid)
        n = number_ids(self.conn, [e.id for e in facts.entities]
                       + [i for r in facts.relations for i in (r.source, r.target)]
                       + [i for c in facts.co_mentions for i in (c.source, c.target)])
        self.conn.executemany(
            "INSERT INTO entity_records VALUES (?,?,?,?,?,?,?)",
            [
                (key, n[e.id], e.type, e.name, _dumps(e.aliases), e.mentions, _dumps(e.attributes))
                for e in facts.entities
            ],
        )
        spans: Spans = {}
        self.conn.executemany(
            "INSERT INTO relation_records VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    key,
                    r.type,
                    n[r.source],
                    n[r.target],
                    r.role,
                    r.role_class,
                    r.status,
                    r.confidence,
                    evidence_json(r.evidence, d.name, spans),
                )
                for r in facts.relations
            ],
        )
        write_spans(self.conn, key, spans)
        self.conn.executemany(
            "INSERT INTO co_mention_records VALUES (?,?,?,?)",
            [(key, n[c.source], n[c.target], c.weight) for c in facts.co_mentions],
        )
        self.conn.executemany(
            "INSERT INTO acronym_records VALUES (?,?,?,?)",
            [(key, *claim) for claim in acronym_claims(facts.entities)],
        )
        mark_dirty(self.conn, d.path)  # and so must what the new version names

    def _backfill_acronyms(self) -> None:
        """A store from before the view: its organisations' acronym claims, once."""
        rows = self.conn.execute(
            f"SELECT e.doc, i.id, e.type, e.name, e.aliases FROM {ENTITY_RECORDS} "  # noqa: S608
            "WHERE e.type = 'Organization' ORDER BY e.rowid"
        ).fetchall()
        for key, eid, etype, name, aliases in rows:
            e = Entity(eid, etype, name, json.loads(aliases))
            self.conn.executemany(
                "INSERT INTO acronym_records VALUES (?,?,?,?)", [(key, *c) for c in acronym_claims([e])]
            )

    def delete(self, path: str) -> bool:
        with self._writing():
            mark_dirty(self.conn, path)
            cur = self.conn.execute("DELETE FROM documents WHERE path = ?", (path,))
        return cur.rowcount > 0

    def clear(self) -> None:
        with self._writing():
            self.conn.execute("DELETE FROM documents")
            clear_view(self.conn)

    # -- reads ------------------------------------------------------------------------------
    def stored_view(self, curation: Curation | None = None) -> StoredView | None:
        """The merged, curated graph from indexed tables, brought up to date first; None when the
        view cannot be brought up to date here (a read-only file, a lock held too long): readers
        then merge the documents themselves, slower but the same answer."""
        try:
            return StoredView(self.conn, curation or Curation())
        except sqlite3.OperationalError:
            if self.conn.in_transaction:
                self.conn.rollback()
            return None

    def documents(self) -> list[Document]:
        rows = self.conn.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY path")  # noqa: S608
        return [Document(*row) for row in rows]

    def stamps(self) -> dict[str, tuple[str, int | None, int | None]]:
        """path -> (document id, file size, mtime in ns) as of the last ingest of that file."""
        rows = self.conn.execute("SELECT path, id, size, mtime_ns FROM documents")
        return {path: (doc_id, size, mtime) for path, doc_id, size, mtime in rows}

    def document_for_path(self, path: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE path = ?", (path,)  # noqa: S608
        ).fetchone()
        return Document(*row) if row else None

    def facts(self) -> Iterator[DocumentFacts]:
        with self._reading():
            docs = self._read_facts()
        yield from docs.values()

    def _read_facts(self) -> dict[int, DocumentFacts]:
        rows = self.conn.execute(f"SELECT key, {DOCUMENT_COLUMNS} FROM documents ORDER BY path")  # noqa: S608
        docs = {key: DocumentFacts(document=Document(*row)) for key, *row in rows}
        for key, eid, etype, name, aliases, mentions, attrs in self.conn.execute(
            f"SELECT e.doc, {ENTITY_RECORD} FROM {ENTITY_RECORDS} ORDER BY e.rowid"  # noqa: S608
        ):
            f = docs[key]
            f.entities.append(
                Entity(eid, etype, name, json.loads(aliases), [f.document.name], mentions, json.loads(attrs))
            )
        spans: dict[int, Spans] = defaultdict(dict)
        for key, start, end, text in self.conn.execute("SELECT doc, start, end, text FROM sentences"):
            spans[key][(start, end)] = text
        for key, rtype, src, tgt, role, role_class, status, conf, evidence in self.conn.execute(
            f"SELECT r.doc, {RELATION_RECORD} FROM {RELATION_RECORDS} ORDER BY r.rowid"  # noqa: S608
        ):
            f = docs[key]
            evs = read_evidence(evidence, f.document.name, spans[key])
            f.relations.append(Relation(rtype, src, tgt, role, role_class, status, conf, evs))
        for key, src, tgt, weight in self.conn.execute(
            f"SELECT c.doc, s.id, t.id, c.weight FROM {CO_MENTION_RECORDS} ORDER BY c.rowid"  # noqa: S608
        ):
            f = docs[key]
            f.co_mentions.append(CoMention(src, tgt, weight, [f.document.name]))
        return docs

    def close(self) -> None:
        self.conn.close()


def _say_waiting(message: str) -> None:
    print(f"stakegraph: {message}", file=sys.stderr, flush=True)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
