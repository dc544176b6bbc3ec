"""The merged, curated view kept in the SQLite store, so reads answer from indexed tables.

Writes mark the stored ids a document had and has as dirty (same transaction as the write). Before
a read, `refresh` recomputes only the merged entities, relations and co-mentions those ids feed,
a few hundred at a time, with the functions a full merge uses (`graph.view`), so the tables hold
exactly what merging every document would give. The view is keyed by a signature of everything
global it depends on — the acronym mapping and the curation file as resolved against the store —
and rebuilt in the same chunked way when that changes (a new curation file, or a document that
makes an acronym unambiguous).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any

from .curation import Curation
from .merge import acronym_mapping, remap_facts
from .model import SYMMETRIC_RELATIONS, CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .names import name_key
from .network_stream import NetworkEdge
from .sqlite_records import (
    DOCUMENT_COLUMNS,
    ENTITY_RECORD,
    ENTITY_RECORDS,
    RELATION_RECORD,
    RELATION_RECORDS,
    Spans,
    id_numbers,
    read_document,
    read_evidence,
    read_spans,
    sentence,
    stored_documents,
)
from .view import IdMap, RefLookup, ops_hash, recompute, signature, weighted_chunks

VIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS view_dirty (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS view_entities (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, mentions INTEGER NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS view_names (
    key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS view_relations (
    type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, role_key TEXT NOT NULL,
    confidence REAL NOT NULL, evidence INTEGER NOT NULL, data TEXT NOT NULL, documents TEXT NOT NULL,
    PRIMARY KEY (source, type, target, role_key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS view_relations_target ON view_relations(target);
CREATE TABLE IF NOT EXISTS view_documents (n INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS view_co_mentions (
    source TEXT NOT NULL, target TEXT NOT NULL, weight INTEGER NOT NULL, documents TEXT NOT NULL,
    PRIMARY KEY (source, target)) WITHOUT ROWID;
"""
# Version 5 keys relations by source first (that key serves the lookups and deletes by source, so
# no separate source index), keeps entities and their name keys in their key order without rowids
# or extra indexes (a name key is deleted through the entity's stored names), and drops the type
# index of entities (a scan of the entities is as quick): a sixth of the 5,000-document store.
VIEW_VERSION = "5"  # the view is derived data: a store with another version has its view rebuilt
_VIEW_TABLES = ("view_dirty", "view_entities", "view_names", "view_relations", "view_co_mentions",
                "view_documents")
CHUNK = 400  # merged ids recomputed per step: bounds memory on a full rebuild of a large store
MAX_RECORDS = 20_000  # ... and at most about this many of their per-document records
_VIEW_KEY = "view"  # signature of what the view was computed from (acronyms, resolved curation)
_OPS_KEY = "view_curation"  # hash of the curation file's operations the view was computed with


def ensure_view_schema(conn: sqlite3.Connection) -> None:
    """Create the view tables, or recreate them when this version lays them out differently."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'view_schema'").fetchone()
    columns = {r[1] for r in conn.execute("PRAGMA table_info(view_relations)")}
    # no version: new, or tables from before the view was versioned (also told by a missing column)
    if row is None or row[0] != VIEW_VERSION or (columns and "documents" not in columns):
        for table in _VIEW_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")  # noqa: S608 - fixed table names
        conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (_VIEW_KEY, _OPS_KEY))
        conn.executescript(VIEW_SCHEMA)
        # written only when it changes: opening a current store must not need the write lock,
        # which another process's ingest may hold
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('view_schema', ?)", (VIEW_VERSION,))


def mark_dirty(conn: sqlite3.Connection, path: str) -> None:
    """Every stored id a document's records name: their merged view must be recomputed."""
    conn.execute(
        "INSERT OR IGNORE INTO view_dirty "
        "WITH d(key) AS (SELECT key FROM documents WHERE path = ?1) "
        "SELECT id FROM entity_ids WHERE n IN ("
        "SELECT id FROM entity_records WHERE doc = (SELECT key FROM d) "
        "UNION SELECT source FROM relation_records WHERE doc = (SELECT key FROM d) "
        "UNION SELECT target FROM relation_records WHERE doc = (SELECT key FROM d) "
        "UNION SELECT source FROM co_mention_records WHERE doc = (SELECT key FROM d) "
        "UNION SELECT target FROM co_mention_records WHERE doc = (SELECT key FROM d))",
        (path,),
    )


def clear_view(conn: sqlite3.Connection) -> None:
    """Empty the view, except the document numbers: a reader that already read some keeps reading
    the right names (numbers are never given to another name while the view's layout lasts)."""
    for table in _VIEW_TABLES[:-1]:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (_VIEW_KEY, _OPS_KEY))


class StoredView:
    """Reads of the merged, curated graph from the view tables (refreshed on construction)."""

    def __init__(self, conn: sqlite3.Connection, curation: Curation) -> None:
        self.conn = conn
        self.curation = curation
        refresh(conn, curation)

    # -- entities ---------------------------------------------------------------------------
    def entities(self, type: str | None = None) -> Iterator[Entity]:
        if type is None:
            rows = self.conn.execute("SELECT id, type, mentions, data FROM view_entities ORDER BY id")
        else:
            rows = self.conn.execute(
                "SELECT id, type, mentions, data FROM view_entities WHERE type = ? ORDER BY id", (type,)
            )
        return (self._entity(*row) for row in rows)

    def entity(self, eid: str) -> Entity | None:
        row = self.conn.execute(
            "SELECT id, type, mentions, data FROM view_entities WHERE id = ?", (eid,)
        ).fetchone()
        return self._entity(*row) if row else None

    def by_name_key(self, key: str) -> list[Entity]:
        """Every entity with a name or alias of this normalised form."""
        rows = self.conn.execute(
            "SELECT DISTINCT v.id, v.type, v.mentions, v.data FROM view_names n "
            "JOIN view_entities v ON v.id = n.id WHERE n.key = ? ORDER BY v.id",
            (key,),
        )
        return [self._entity(*row) for row in rows]

    def names_by_id(self) -> dict[str, tuple[str, ...]]:
        """Per entity id, its name and then its aliases: what 'did you mean' compares a typo with."""
        out: dict[str, tuple[str, ...]] = {}
        for eid, d in self.conn.execute("SELECT id, data FROM view_entities ORDER BY id"):
            name, aliases, _, _ = json.loads(d)
            out[eid] = (name, *aliases)
        return out

    def _entity(self, eid: str, etype: str, mentions: int, data: str) -> Entity:
        name, aliases, documents, rest = json.loads(data)
        d = {"id": eid, "type": etype, "name": name, "aliases": aliases, "documents": self._names(documents),
             "mentions": mentions, **rest}
        return Entity.from_dict(d)

    def _names(self, numbers: list[int]) -> list[str]:
        """Document names from the numbers the view stores them as (`view_documents`)."""
        names = self._document_names
        if any(n not in names for n in numbers):  # numbered since this view was read (another process)
            names.update(self.conn.execute("SELECT n, name FROM view_documents"))
        return [names[n] for n in numbers]

    @cached_property
    def _document_names(self) -> dict[int, str]:
        return dict(self.conn.execute("SELECT n, name FROM view_documents"))

    def _relation(self, type: str, source: str, target: str, confidence: float, data: str) -> Relation:
        role, role_class, status, evidence = json.loads(data)
        names = self._names([e[0] for e in evidence])
        evs = []
        for name, (_, start, end, rule, conf, key, *inline) in zip(names, evidence, strict=True):
            text = inline[0] if inline else sentence(self.conn, key, start, end)
            evs.append(Evidence(name, start, end, text, rule, conf))
        return Relation(type, source, target, role, role_class, status, confidence, evs)

    # -- relations and co-mentions -----------------------------------------------------------
    def relations(
        self, type: str | None = None, entity: str | None = None, min_confidence: float = 0.0
    ) -> Iterator[Relation]:
        where, args = ["confidence >= ?"], list[float | str]([min_confidence])
        if type is not None:
            where.append("type = ?")
            args.append(type)
        if entity is not None:
            where.append("(source = ? OR target = ?)")
            args += [entity, entity]
        rows = self.conn.execute(
            f"SELECT type, source, target, confidence, data FROM view_relations WHERE {' AND '.join(where)} "  # noqa: S608
            "ORDER BY type, source, target, role_key",
            args,
        )
        return (self._relation(*row) for row in rows)

    def relation_sources(self, min_confidence: float = 0.0) -> Iterator[tuple[tuple[str, ...], list[str]]]:
        """(relation key, names of the documents that state it) for every relation."""
        rows = self.conn.execute(
            "SELECT type, source, target, role_key, documents FROM view_relations WHERE confidence >= ? "
            "ORDER BY type, source, target, role_key",
            (min_confidence,),
        )
        return (((t, s, g, k), self._names(json.loads(d))) for t, s, g, k, d in rows)

    def ties(self, min_confidence: float = 0.0) -> Iterator[tuple[tuple[str, str, str, str], int]]:
        """(relation key, how much evidence it has) for every relation: all an analysis graph needs,
        read from the key columns only, never from the evidence itself."""
        rows = self.conn.execute(
            "SELECT type, source, target, role_key, evidence FROM view_relations WHERE confidence >= ? "
            "ORDER BY type, source, target, role_key",
            (min_confidence,),
        )
        return (((t, s, g, k), n) for t, s, g, k, n in rows)

    def relation(self, key: tuple[str, str, str, str]) -> Relation | None:
        """One merged relation by its key (type, source, target, role or "")."""
        row = self.conn.execute(
            "SELECT type, source, target, confidence, data FROM view_relations "
            "WHERE type = ? AND source = ? AND target = ? AND role_key = ?",
            key,
        ).fetchone()
        return self._relation(*row) if row else None

    def co_mention_weights(self) -> Iterator[tuple[str, str, int]]:
        """(source, target, weight) of every co-mention, without the lists of documents."""
        return iter(
            self.conn.execute("SELECT source, target, weight FROM view_co_mentions ORDER BY source, target")
        )

    def co_mention(self, a: str, b: str) -> CoMention | None:
        s, t = (a, b) if a <= b else (b, a)
        row = self.conn.execute(
            "SELECT weight, documents FROM view_co_mentions WHERE source = ? AND target = ?", (s, t)
        ).fetchone()
        return CoMention(s, t, row[0], self._names(json.loads(row[1]))) if row else None

    def relations_with_sources(self, min_confidence: float = 0.0) -> Iterator[tuple[Relation, list[str]]]:
        """Every relation (in key order) with the names of the documents that state it: one row at a
        time, for exports that must not hold every piece of evidence at once."""
        rows = self.conn.execute(
            "SELECT type, source, target, confidence, data, documents FROM view_relations "
            "WHERE confidence >= ? ORDER BY type, source, target, role_key",
            (min_confidence,),
        )
        return (
            (self._relation(t, s, g, c, d), self._names(json.loads(docs))) for t, s, g, c, d, docs in rows
        )

    def network_relations(self, min_confidence: float = 0.0,
                          by_source: bool = False) -> Iterator[NetworkEdge]:
        """Every relation as the network formats keep it (no sentences read), in key order or, with
        `by_source`, ordered by source first."""
        order = "source, type, target, role_key" if by_source else "type, source, target, role_key"
        rows = self.conn.execute(
            f"SELECT type, source, target, confidence, data FROM view_relations WHERE confidence >= ? "  # noqa: S608
            f"ORDER BY {order}",
            (min_confidence,),
        )
        for t, s, g, c, d in rows:
            role, role_class, status, evidence = json.loads(d)
            documents = list(dict.fromkeys(self._names([e[0] for e in evidence])))
            yield NetworkEdge(t, s, g, role, role_class, status, c, len(evidence), documents)

    def weak_relation_keys(self, min_confidence: float) -> set[tuple[str, str, str, str]]:
        """Keys of the relations below the confidence threshold (none at 0, the default)."""
        rows = self.conn.execute(
            "SELECT type, source, target, role_key FROM view_relations WHERE confidence < ?",
            (min_confidence,),
        )
        return {(t, s, g, k) for t, s, g, k in rows}

    def document_facts(self, select: Callable[[Document], bool] | None = None) -> Iterator[DocumentFacts]:
        """Each document's own facts as a full read gives them (acronyms unified across documents,
        the curation applied), one document at a time in (id, path) order: what the per-document
        named graphs of a TriG export are written from, without holding every document at once.
        With `select`, only the documents it accepts are read (a date window)."""
        documents = stored_documents(self.conn)
        acronyms = _acronyms(self.conn)
        curation = self.curation
        lookup = _lookup(self.conn, documents, acronyms, curation) if curation else None
        for key in sorted(documents, key=lambda k: (documents[k].id, documents[k].path)):
            if select is not None and not select(documents[key]):
                continue
            f = remap_facts(read_document(self.conn, key, documents[key]), acronyms)
            yield curation.apply([f], lookup=lookup)[0] if curation else f

    def co_mentions(self) -> Iterator[CoMention]:
        rows = self.conn.execute(
            "SELECT source, target, weight, documents FROM view_co_mentions ORDER BY source, target"
        )
        return (CoMention(s, t, w, self._names(json.loads(d))) for s, t, w, d in rows)

    def documents(self) -> list[Document]:
        rows = self.conn.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents")  # noqa: S608
        return sorted((Document(*r) for r in rows), key=lambda d: (d.name, d.path))

    def stats(self, min_confidence: float = 0.0) -> dict[str, Any]:
        q = self.conn.execute
        types = dict(q("SELECT type, count(*) FROM view_entities GROUP BY type ORDER BY type").fetchall())
        rtypes = dict(
            q(
                "SELECT type, count(*) FROM view_relations WHERE confidence >= ? GROUP BY type ORDER BY type",
                (min_confidence,),
            ).fetchall()
        )
        evidence = q(
            "SELECT coalesce(sum(evidence), 0) FROM view_relations WHERE confidence >= ?", (min_confidence,)
        ).fetchone()[0]
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "entities": sum(types.values()),
            "relations": sum(rtypes.values()),
            "evidence": evidence,
            "co_mentions": q("SELECT count(*) FROM view_co_mentions").fetchone()[0],
            "entity_types": types,
            "relation_types": rtypes,
        }


# -- maintenance ------------------------------------------------------------------------------
def refresh(conn: sqlite3.Connection, curation: Curation) -> None:
    """Bring the view tables up to date with the stored documents and this curation.

    The reads and the writes they lead to run in one IMMEDIATE transaction: were the reads done
    first, an ingest in another process could commit documents (and their dirty marks) in between,
    and the final `DELETE FROM view_dirty` would drop marks that were never merged, leaving the view
    stale for good. Taking the write lock first makes a reader wait for a writer's batch instead.
    A view that is current is seen without any lock (so a read-only store stays readable), and
    without any merging when no document and not the curation file changed since it was built.
    """
    if _current(conn, curation) or not _refresh(conn, curation, dry_run=True):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        _refresh(conn, curation)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _current(conn: sqlite3.Connection, curation: Curation) -> bool:
    """No document changed since the view was built, for this very curation file."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_OPS_KEY,)).fetchone()
    clean = conn.execute("SELECT 1 FROM view_dirty LIMIT 1").fetchone() is None
    return clean and row is not None and row[0] == ops_hash(curation)


def _refresh(conn: sqlite3.Connection, curation: Curation, dry_run: bool = False) -> bool:
    """Returns whether the view needed work; with `dry_run` only finds that out."""
    documents = stored_documents(conn)
    acronyms = _acronyms(conn)
    lookup = _lookup(conn, documents, acronyms, curation) if curation else None
    merges, rejected, splits = curation.mapping(lookup) if lookup is not None else ({}, set(), [])
    idmap = IdMap(acronyms, merges, rejected, splits)
    sig = signature(curation, lookup, idmap)
    stored = conn.execute("SELECT value FROM meta WHERE key = ?", (_VIEW_KEY,)).fetchone()
    if stored is None or stored[0] != sig:
        if dry_run:
            return True
        clear_view(conn)
        dirty = {r[0] for r in conn.execute(
            "SELECT id FROM entity_ids WHERE n IN (SELECT id FROM entity_records "
            "UNION SELECT source FROM relation_records UNION SELECT target FROM relation_records "
            "UNION SELECT source FROM co_mention_records UNION SELECT target FROM co_mention_records)"
        )}
    else:
        dirty = {r[0] for r in conn.execute("SELECT id FROM view_dirty")}
        if dry_run:  # nothing to merge, but the curation file's mark may still need writing
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (_OPS_KEY,)).fetchone()
            return bool(dirty) or row is None or row[0] != ops_hash(curation)
    finals = idmap.closure({f for raw in dirty for f in idmap.finals(raw)})
    for chunk in _chunks(conn, sorted(finals)):
        _recompute(conn, chunk, idmap, documents, curation, lookup)
    conn.execute("DELETE FROM view_dirty")
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_VIEW_KEY, sig))
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_OPS_KEY, ops_hash(curation)))
    return True


def _acronyms(conn: sqlite3.Connection) -> dict[str, str]:
    """The cross-document acronym mapping, from every stored document's claims in store order."""
    return acronym_mapping(
        conn.execute(
            "SELECT a.acronym, a.id, a.kind FROM acronym_records a JOIN documents d ON d.key = a.doc "
            "ORDER BY d.path, a.rowid"
        )
    )


def _chunks(conn: sqlite3.Connection, ids: list[str]) -> Iterator[set[str]]:
    """Up to CHUNK ids at a time, fewer where they are mentioned often."""

    def counts(part: list[str]) -> dict[str, int]:
        marks = ",".join("?" * len(part))
        query = (f"SELECT i.id, count(*) FROM entity_ids i JOIN entity_records e ON e.id = i.n "  # noqa: S608
                 f"WHERE i.id IN ({marks}) GROUP BY i.id")
        return dict(conn.execute(query, part).fetchall())

    return weighted_chunks(ids, counts, 400, CHUNK, MAX_RECORDS)


def _recompute(
    conn: sqlite3.Connection,
    finals: set[str],
    idmap: IdMap,
    documents: dict[int, Document],
    curation: Curation,
    lookup: RefLookup | None,
) -> None:
    raws = sorted(idmap.sources(finals))
    facts: dict[int, DocumentFacts] = {}

    def doc(key: int) -> DocumentFacts:
        if key not in facts:
            facts[key] = DocumentFacts(documents[key])
        return facts[key]

    numbers = sorted(id_numbers(conn, raws).values())  # the records name entities by these
    for i in range(0, len(numbers), 400):  # SQLite's limit on bound parameters
        nums = numbers[i : i + 400]
        marks = ",".join("?" * len(nums))
        for key, eid, etype, name, aliases, mentions, attrs in conn.execute(
            f"SELECT e.doc, {ENTITY_RECORD} FROM {ENTITY_RECORDS} "  # noqa: S608
            f"WHERE e.id IN ({marks}) ORDER BY e.rowid",
            nums,
        ):
            f = doc(key)
            f.entities.append(
                Entity(eid, etype, name, json.loads(aliases), [f.document.name], mentions, json.loads(attrs))
            )
    symmetric = sorted(SYMMETRIC_RELATIONS)
    rel_rows: dict[int, tuple] = {}
    co_rows: dict[int, tuple] = {}
    for i in range(0, len(numbers), 400):
        nums = numbers[i : i + 400]
        marks = ",".join("?" * len(nums))
        # A relation's merged source is its stored source's merged id, except for a symmetric type,
        # whose ends are put in order after mapping: only those are needed by their target too.
        for row in conn.execute(
            f"SELECT r.rowid, r.doc, {RELATION_RECORD} FROM {RELATION_RECORDS} "  # noqa: S608
            f"WHERE r.source IN ({marks}) "
            f"OR (r.target IN ({marks}) AND r.type IN ({','.join('?' * len(symmetric))}))",
            [*nums, *nums, *symmetric],
        ):
            rel_rows[row[0]] = row[1:]
        for row in conn.execute(
            "SELECT c.rowid, c.doc, s.id, t.id, c.weight FROM co_mention_records c "  # noqa: S608
            "CROSS JOIN entity_ids s ON s.n = c.source CROSS JOIN entity_ids t ON t.n = c.target "
            f"WHERE c.source IN ({marks}) OR c.target IN ({marks})",
            nums + nums,
        ):
            co_rows[row[0]] = row[1:]
    spans: dict[int, Spans] = {}
    quotes: dict[int, int] = {}  # id of a piece of evidence -> the document whose `sentences` hold it
    for rowid in sorted(rel_rows):
        key, rtype, src, tgt, role, role_class, status, conf, evidence = rel_rows[rowid]
        f = doc(key)
        if key not in spans:
            spans[key] = read_spans(conn, key)
        evs = read_evidence(evidence, f.document.name, spans[key], quotes, key)
        f.relations.append(Relation(rtype, src, tgt, role, role_class, status, conf, evs))
    for rowid in sorted(co_rows):
        key, src, tgt, weight = co_rows[rowid]
        f = doc(key)
        f.co_mentions.append(CoMention(src, tgt, weight, [f.document.name]))
    ordered = sorted(facts.values(), key=lambda f: f.document.path)  # store order, as a full read has it
    entities, relations, co_mentions, sources = recompute(ordered, idmap.acronyms, curation, lookup)

    ids = sorted(finals)
    for i in range(0, len(ids), 400):
        part = ids[i : i + 400]
        marks = ",".join("?" * len(part))
        # a name key row goes by the names its entity was stored with (`view_names` has no index
        # by id): a change to `name_key` needs a new VIEW_VERSION, as the stored keys would be stale
        conn.executemany(
            "DELETE FROM view_names WHERE key = ? AND id = ?",
            [(k, eid) for eid, d in conn.execute(
                f"SELECT id, data FROM view_entities WHERE id IN ({marks})", part)  # noqa: S608
             for k in _name_keys(*json.loads(d)[:2])],
        )
        conn.execute(f"DELETE FROM view_entities WHERE id IN ({marks})", part)  # noqa: S608
        conn.execute(f"DELETE FROM view_relations WHERE source IN ({marks})", part)  # noqa: S608
        conn.execute(f"DELETE FROM view_co_mentions WHERE source IN ({marks})", part)  # noqa: S608
    kept = [e for e in entities if e.id in finals]
    number = _Numbers(conn)
    conn.executemany(
        "INSERT INTO view_entities VALUES (?,?,?,?)",
        [(e.id, e.type, e.mentions, _entity_data(e, number)) for e in kept],
    )
    conn.executemany(
        "INSERT INTO view_names VALUES (?,?)",
        [(k, e.id) for e in kept for k in _name_keys(e.name, e.aliases)],
    )
    conn.executemany(
        "INSERT INTO view_relations VALUES (?,?,?,?,?,?,?,?)",
        [
            (r.type, r.source, r.target, r.role or "", r.confidence, len(r.evidence),
             _relation_data(r, number, quotes), _dumps(number(sources[r.key])))
            for r in relations
            if r.source in finals
        ],
    )
    conn.executemany(
        "INSERT INTO view_co_mentions VALUES (?,?,?,?)",
        [(c.source, c.target, c.weight, _dumps(number(c.documents)))
         for c in co_mentions if c.source in finals],
    )


def _lookup(
    conn: sqlite3.Connection, documents: dict[int, Document], acronyms: dict[str, str], curation: Curation
) -> RefLookup:
    """The curation's names resolved as a full read resolves them: over every document's records
    (acronyms unified), in (name, path) order — streamed, one document at a time."""
    lookup = RefLookup(curation.references())
    current: DocumentFacts | None = None
    current_key = None
    for key, eid, etype, name, aliases, mentions, attrs in conn.execute(
        f"SELECT e.doc, {ENTITY_RECORD} FROM {ENTITY_RECORDS} "  # noqa: S608
        "JOIN documents d ON d.key = e.doc ORDER BY d.name, d.path, e.rowid"
    ):
        if current is None or current_key != key:
            if current is not None:
                lookup.add(remap_facts(current, acronyms))
            current, current_key = DocumentFacts(documents[key]), key
        current.entities.append(
            Entity(eid, etype, name, json.loads(aliases), [], mentions, json.loads(attrs))
        )
    if current is not None:
        lookup.add(remap_facts(current, acronyms))
    return lookup


class _Numbers:
    """Document names as small numbers (`view_documents`), numbered on first use: the view names
    documents in every entity, relation, piece of evidence and co-mention, and a number is a few
    bytes where a file name is twenty. Numbers are never reused or renumbered while the view lives."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.known: dict[str, int] = {}

    def __call__(self, names: list[str]) -> list[int]:
        missing = [n for n in dict.fromkeys(names) if n not in self.known]
        for i in range(0, len(missing), 400):
            part = missing[i : i + 400]
            self.conn.executemany(
                "INSERT OR IGNORE INTO view_documents (name) VALUES (?)", [(n,) for n in part]
            )
            self.known.update(
                self.conn.execute(
                    f"SELECT name, n FROM view_documents WHERE name IN ({','.join('?' * len(part))})",  # noqa: S608
                    part,
                )
            )
        return [self.known[n] for n in names]


def _name_keys(name: str, aliases: list[str]) -> list[str]:
    """The normalised forms an entity is found by (`by_name_key`)."""
    return sorted({name_key(n) for n in (name, *aliases)})


def _entity_data(e: Entity, number: _Numbers) -> str:
    """What the columns (id, type, mentions) do not hold: name, aliases, documents, attributes."""
    d = e.to_dict()
    rest = {k: v for k, v in d.items() if k not in ("id", "type", "name", "aliases", "documents", "mentions")}
    return _dumps([d["name"], d["aliases"], number(d["documents"]), rest])


def _relation_data(r: Relation, number: _Numbers, quotes: dict[int, int]) -> str:
    """What the columns do not hold, in arrays rather than objects: a row per relation is the bulk
    of the view, and key names repeated in every piece of evidence would be a third of it. A piece
    read from a record that quotes `sentences` quotes them too ([document number, start, end, rule,
    confidence, document key]); any other carries its sentence (..., None, sentence)."""
    docs = number([e.document for e in r.evidence])
    evidence = []
    for n, e in zip(docs, r.evidence, strict=True):
        key = quotes.get(id(e))
        tail = [key] if key is not None else [None, e.sentence]
        evidence.append([n, e.start, e.end, e.rule, e.confidence, *tail])
    return _dumps([r.role, r.role_class, r.status, evidence])


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
