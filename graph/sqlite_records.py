"""How the SQLite store writes a record's evidence, and reads one document's records back.

Shared by the store (`graph.sqlite`) and its kept view (`graph.sqlite_view`), so both read the
same layout. Evidence is compact: an array per piece ([start, end, sentence, rule, confidence]),
with the document's name only where it is not the record's own document, which it almost always
is: key names and file names repeated in every piece were a third of the relation records.
"""

from __future__ import annotations

import json
import sqlite3

from .model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation

DOCUMENT_COLUMNS = "id, name, path, title, chars, format, date"  # a Document's fields, in order


def evidence_json(evidence: list[Evidence], document: str) -> str:
    """A record's evidence, as stored for a record of `document` (its file name)."""
    return json.dumps(
        [[e.start, e.end, e.sentence, e.rule, e.confidence, *([e.document] if e.document != document else [])]
         for e in evidence],
        ensure_ascii=False,
    )


def read_evidence(data: str, document: str) -> list[Evidence]:
    """The inverse of `evidence_json` for a record of `document`."""
    return [
        Evidence(e[5] if len(e) > 5 else document, int(e[0]), int(e[1]), e[2], e[3], float(e[4]))
        for e in json.loads(data)
    ]


def stored_documents(conn: sqlite3.Connection) -> dict[int, Document]:
    """Every document by its key (the integer records name their document by)."""
    rows = conn.execute(f"SELECT key, {DOCUMENT_COLUMNS} FROM documents")  # noqa: S608 - fixed columns
    return {key: Document(*row) for key, *row in rows}


def read_document(conn: sqlite3.Connection, key: int, d: Document) -> DocumentFacts:
    """One document's stored records, in the order they were written (as `SQLiteStore.facts`)."""
    f = DocumentFacts(d)
    for eid, etype, name, aliases, mentions, attrs in conn.execute(
        "SELECT id, type, name, aliases, mentions, attributes FROM entity_records WHERE doc = ? "
        "ORDER BY rowid",
        (key,),
    ):
        f.entities.append(
            Entity(eid, etype, name, json.loads(aliases), [d.name], mentions, json.loads(attrs))
        )
    for rtype, src, tgt, role, role_class, status, conf, evidence in conn.execute(
        "SELECT type, source, target, role, role_class, status, confidence, evidence FROM relation_records "
        "WHERE doc = ? ORDER BY rowid",
        (key,),
    ):
        evs = read_evidence(evidence, d.name)
        f.relations.append(Relation(rtype, src, tgt, role, role_class, status, conf, evs))
    for src, tgt, weight in conn.execute(
        "SELECT source, target, weight FROM co_mention_records WHERE doc = ? ORDER BY rowid", (key,)
    ):
        f.co_mentions.append(CoMention(src, tgt, weight, [d.name]))
    return f
