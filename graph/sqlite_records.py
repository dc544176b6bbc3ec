"""How the SQLite store writes a record's evidence, and reads one document's records back.

Shared by the store (`graph.sqlite`) and its kept view (`graph.sqlite_view`), so both read the
same layout. Evidence is compact: an array per piece, and the sentence it quotes is stored once
per document and span in `sentences` (key: document, start, end), however many relations of the
document and of the merged view quote it; a piece names its document only where it is not the
record's own. Key names, file names and sentences repeated in every piece of evidence, in the
records and again in the view, were over a third of a store.

A record's piece of evidence is one of
- ``[start, end, rule, confidence]``: its sentence is `sentences` (the record's document, start, end);
- ``[start, end, rule, confidence, sentence]``: the sentence inline (the span already holds another);
- ``[start, end, rule, confidence, sentence, document]``: from another document, all inline.

Records name entities by a small integer (`entity_ids`: number -> stored id, numbered on first use,
never renumbered): an id of twenty-odd characters was repeated in every record and in every
record index, a fifth of a store. Numbers of ids no record names any more are left (a few bytes).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from .model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation

DOCUMENT_COLUMNS = "id, name, path, title, chars, format, date"  # a Document's fields, in order
SENTENCES_SCHEMA = """
CREATE TABLE IF NOT EXISTS sentences (
    doc INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE, start INTEGER NOT NULL,
    end INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc, start, end)) WITHOUT ROWID;
"""

ENTITY_IDS_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_ids (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
"""

Spans = dict[tuple[int, int], str]  # (start, end) -> sentence, of one document


def number_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, int]:
    """The numbers of these stored ids in `entity_ids`, numbering those that have none yet."""
    wanted = sorted(set(ids))
    conn.executemany("INSERT OR IGNORE INTO entity_ids (id) VALUES (?)", [(i,) for i in wanted])
    return id_numbers(conn, wanted)


def id_numbers(conn: sqlite3.Connection, ids: list[str]) -> dict[str, int]:
    """The numbers of those of these stored ids that have one."""
    out: dict[str, int] = {}
    for i in range(0, len(ids), 400):  # SQLite's limit on bound parameters
        part = ids[i : i + 400]
        out.update(conn.execute(
            f"SELECT id, n FROM entity_ids WHERE id IN ({','.join('?' * len(part))})", part  # noqa: S608
        ))
    return out


# A record's columns as the store's objects have them: entity ids as stored, not numbered.
ENTITY_RECORD = "i.id, e.type, e.name, e.aliases, e.mentions, e.attributes"
ENTITY_RECORDS = "entity_records e CROSS JOIN entity_ids i ON i.n = e.id"
RELATION_RECORD = "r.type, s.id, t.id, r.role, r.role_class, r.status, r.confidence, r.evidence"
RELATION_RECORDS = ("relation_records r CROSS JOIN entity_ids s ON s.n = r.source "
                    "CROSS JOIN entity_ids t ON t.n = r.target")
CO_MENTION_RECORDS = ("co_mention_records c CROSS JOIN entity_ids s ON s.n = c.source "
                      "CROSS JOIN entity_ids t ON t.n = c.target")


def evidence_json(evidence: Iterable[Evidence], document: str, spans: Spans) -> str:
    """A record's evidence as stored for a record of `document` (its file name); the sentences it
    quotes are added to `spans`, which the caller writes to `sentences` once per document."""
    out: list[list[object]] = []
    for e in evidence:
        if e.document != document:
            out.append([e.start, e.end, e.rule, e.confidence, e.sentence, e.document])
            continue
        if spans.setdefault((e.start, e.end), e.sentence) == e.sentence:
            out.append([e.start, e.end, e.rule, e.confidence])
        else:
            out.append([e.start, e.end, e.rule, e.confidence, e.sentence])
    return json.dumps(out, ensure_ascii=False)


def read_evidence(data: str, document: str, spans: Spans, quotes: dict[int, int] | None = None,
                  key: int = 0) -> list[Evidence]:
    """The inverse of `evidence_json`, with the record document's `spans`. With `quotes`, each
    piece whose sentence is the span's is noted there (id of the piece -> `key`, its document's)."""
    out = []
    for e in json.loads(data):
        sentence = e[4] if len(e) > 4 else spans[(e[0], e[1])]
        ev = Evidence(e[5] if len(e) > 5 else document, int(e[0]), int(e[1]), sentence, e[2], float(e[3]))
        if quotes is not None and len(e) == 4:
            quotes[id(ev)] = key
        out.append(ev)
    return out


def write_spans(conn: sqlite3.Connection, key: int, spans: Spans) -> None:
    conn.executemany(
        "INSERT INTO sentences VALUES (?,?,?,?)", [(key, s, e, text) for (s, e), text in spans.items()]
    )


def read_spans(conn: sqlite3.Connection, key: int) -> Spans:
    rows = conn.execute("SELECT start, end, text FROM sentences WHERE doc = ?", (key,))
    return {(s, e): text for s, e, text in rows}


def sentence(conn: sqlite3.Connection, key: int, start: int, end: int) -> str:
    row = conn.execute(
        "SELECT text FROM sentences WHERE doc = ? AND start = ? AND end = ?", (key, start, end)
    ).fetchone()
    return row[0] if row else ""


def stored_documents(conn: sqlite3.Connection) -> dict[int, Document]:
    """Every document by its key (the integer records name their document by)."""
    rows = conn.execute(f"SELECT key, {DOCUMENT_COLUMNS} FROM documents")  # noqa: S608 - fixed columns
    return {key: Document(*row) for key, *row in rows}


def read_document(conn: sqlite3.Connection, key: int, d: Document) -> DocumentFacts:
    """One document's stored records, in the order they were written (as `SQLiteStore.facts`)."""
    f = DocumentFacts(d)
    for eid, etype, name, aliases, mentions, attrs in conn.execute(
        f"SELECT {ENTITY_RECORD} FROM {ENTITY_RECORDS} WHERE e.doc = ? ORDER BY e.rowid",  # noqa: S608
        (key,),
    ):
        f.entities.append(
            Entity(eid, etype, name, json.loads(aliases), [d.name], mentions, json.loads(attrs))
        )
    spans = read_spans(conn, key)
    for rtype, src, tgt, role, role_class, status, conf, evidence in conn.execute(
        f"SELECT {RELATION_RECORD} FROM {RELATION_RECORDS} WHERE r.doc = ? ORDER BY r.rowid",  # noqa: S608
        (key,),
    ):
        evs = read_evidence(evidence, d.name, spans)
        f.relations.append(Relation(rtype, src, tgt, role, role_class, status, conf, evs))
    for src, tgt, weight in conn.execute(
        f"SELECT s.id, t.id, c.weight FROM {CO_MENTION_RECORDS} WHERE c.doc = ? ORDER BY c.rowid",  # noqa: S608
        (key,),
    ):
        f.co_mentions.append(CoMention(src, tgt, weight, [d.name]))
    return f
