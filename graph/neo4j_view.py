"""The merged, curated view kept in the Neo4j graph, so reads answer from indexed nodes.

The same scheme as the SQLite store's view (`graph.sqlite_view`), in nodes of labels of their own
that the per-document records never use:

- `(:ViewEntity {id, type, mentions, data})`: one merged, curated entity; `data` is JSON
  (name, aliases, documents, the other attributes).
- `(:ViewName {key, id})`: one per normalised name or alias of a merged entity (`show NAME`).
- `(:ViewRelation {key, type, source, target, role_key, confidence, evidence, data, documents})`:
  one merged relation, `evidence` its number of pieces, `data` JSON (role, role class, status, the
  evidence), `documents` JSON (the names of the documents that state it), `key` JSON of its key.
- `(:ViewCoMention {key, source, target, weight, documents})`.
- `(:ViewDirty {id, token})`: stored ids a write touched, written in the write's own transaction
  (one per id; `token` names the latest write that marked it).
- `(:ViewMeta {key, value})`: the view's layout version, the signature of the acronym mapping and
  resolved curation it was computed under, and the hash of the curation file's operations.

Each document node keeps its organisations' acronym claims (`acronyms`, JSON), so the
cross-document acronym mapping is read from the documents alone. Before a read (and at the end of
an ingest) `refresh` recomputes the merged entities, relations and co-mentions the dirty ids feed,
a few hundred ids at a time and each batch in its own transaction, with the functions a full merge
uses (`graph.view`); dirty marks are removed last, and only the marks that were read, so an
interrupted refresh or a write that lands meanwhile leaves marks for the next one. A new
signature (a changed curation file, an acronym that became unambiguous) rebuilds the view the
same way. Orders are decided here in Python, never by the server's string collation, which
differs between Neo4j (UTF-16 code units) and Python (code points).
"""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from .curation import Curation
from .merge import acronym_claims, acronym_mapping, remap_facts, unify_acronyms
from .model import SYMMETRIC_RELATIONS, CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .names import name_key
from .network_stream import NetworkEdge
from .view import IdMap, RefLookup, ops_hash, recompute, signature, weighted_chunks

if TYPE_CHECKING:
    from .neo4j import Neo4jStore

VIEW_VERSION = "1"
VIEW_LABELS = ("ViewEntity", "ViewName", "ViewRelation", "ViewCoMention", "ViewDirty", "ViewMeta")
VIEW_INDEXES = (
    ("ViewEntity", "id"), ("ViewEntity", "type"), ("ViewName", "key"), ("ViewName", "id"),
    ("ViewRelation", "key"), ("ViewRelation", "source"), ("ViewRelation", "target"),
    ("ViewCoMention", "key"), ("ViewCoMention", "source"), ("ViewCoMention", "target"),
    ("ViewDirty", "id"), ("ViewDirty", "pending"), ("ViewMeta", "key"),
)
CHUNK = 300  # merged ids recomputed per transaction
MAX_RECORDS = 20_000  # ... and at most about this many of their per-document mention records
PAGE = 500  # view nodes read per query


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def claims_json(f: DocumentFacts) -> str:
    """A document's acronym claims, as its node keeps them."""
    return dumps([list(c) for c in acronym_claims(f.entities)])


def mark_dirty(store: Neo4jStore, tx: Any, ids: set[str]) -> None:
    """Mark stored ids whose merged view must be recomputed (in the writing transaction). One
    mark per id, with the token of its latest write: a refresh removes only the marks whose token
    it read, so an id marked again meanwhile stays marked."""
    if ids:
        token = secrets.token_hex(8)
        store._run_batched(tx, "UNWIND $rows AS eid MERGE (x:ViewDirty {id: eid}) "
                               "SET x.token = $token, x.pending = 1",
                           sorted(ids), token=token)


# -- maintenance ------------------------------------------------------------------------------
def refresh(store: Neo4jStore, curation: Curation) -> None:
    """Bring the view nodes up to date with the stored documents and this curation."""
    meta = _meta(store)
    ops = ops_hash(curation)
    dirty = store._read(lambda tx: store._run(tx, f"{_MARKS} RETURN x.id AS id LIMIT 1"))
    if not dirty and meta.get("version") == VIEW_VERSION and meta.get("ops") == ops:
        return
    documents = _documents(store)
    claims = [tuple(c) for path in sorted(documents) for c in json.loads(documents[path][2])]
    acronyms = acronym_mapping(claims)
    lookup = _lookup(store, documents, acronyms, curation) if curation else None
    merges, rejected, splits = curation.mapping(lookup) if lookup is not None else ({}, set(), [])
    idmap = IdMap(acronyms, merges, rejected, splits)
    sig = signature(curation, lookup, idmap)
    marks = store._read(lambda tx: store._run(tx, f"{_MARKS} RETURN x.id AS id, x.token AS token"))
    if meta.get("version") != VIEW_VERSION or meta.get("view") != sig:
        _clear(store)
        raw = {r["id"] for r in store._read(lambda tx: store._run(tx, "MATCH (e:Entity) RETURN e.id AS id"))}
    else:
        raw = {m["id"] for m in marks}
    finals = idmap.closure({f for r in raw for f in idmap.finals(r)})
    for chunk in _chunks(store, sorted(finals)):
        store._write(partial(_recompute, store, finals=chunk, idmap=idmap, documents=documents,
                             curation=curation, lookup=lookup))

    def finish(tx: Any) -> None:
        store._run_batched(tx, "UNWIND $rows AS m MATCH (x:ViewDirty {id: m.id}) WHERE x.token = m.token "
                               "DELETE x", [{"id": m["id"], "token": m["token"]} for m in marks])
        for key, value in (("version", VIEW_VERSION), ("view", sig), ("ops", ops)):
            store._run(tx, "MERGE (m:ViewMeta {key: $key}) SET m.value = $value", key=key, value=value)

    store._write(finish)


# Marks are found through an index, never by scanning their label: FalkorDB 1.4.1, after a refresh
# of 1,500 documents' marks has deleted them all, fails every scan of that label ("An unknown
# error occurred"; returning the node itself crashes the server) while indexed lookups still work.
_MARKS = "MATCH (x:ViewDirty {pending: 1})"


def _meta(store: Neo4jStore) -> dict[str, str]:
    rows = store._read(lambda tx: store._run(tx, "MATCH (m:ViewMeta) RETURN m.key AS key, m.value AS value"))
    return {r["key"]: r["value"] for r in rows}


def clear_query(label: str) -> str:
    return f"MATCH (n:{label}) WITH n LIMIT 5000 DELETE n RETURN count(*) AS deleted"


def _clear(store: Neo4jStore) -> None:
    """Delete the view (not the dirty marks: they are removed once what they name is recomputed)."""
    for label in ("ViewMeta", "ViewEntity", "ViewName", "ViewRelation", "ViewCoMention"):
        while store._write(partial(store._run, query=clear_query(label)))[0]["deleted"]:
            pass


def _documents(store: Neo4jStore) -> dict[str, tuple[Document, str, str]]:
    """path -> (document, revision, acronym claims as JSON); claims are filled in for a document
    written before they were kept."""
    from .neo4j import _document

    rows = store._read(lambda tx: store._run(
        tx, f"MATCH (d:Document) WHERE d.rev IS NOT NULL RETURN {store._DOC_FIELDS}, d.acronyms AS acronyms"))
    missing = [r["path"] for r in rows if r["acronyms"] is None]
    found: dict[str, str] = {}
    for i in range(0, len(missing), PAGE):
        part = missing[i : i + PAGE]
        found.update(store._write(partial(_backfill, store, paths=part)))
    return {r["path"]: (_document(r), r["rev"], r["acronyms"] or found.get(r["path"], "[]")) for r in rows}


def _backfill(store: Neo4jStore, tx: Any, paths: list[str]) -> dict[str, str]:
    mentions = _mentions_of_documents(store, tx, paths)
    out = {}
    for path in paths:
        entities = [e for _, e in sorted(mentions.get(path, []), key=lambda x: x[0])]
        out[path] = claims_json(DocumentFacts(Document("", "", path), entities))
    store._run_batched(tx, "UNWIND $rows AS row MATCH (d:Document {path: row.path}) "
                           "SET d.acronyms = row.claims",
                       [{"path": p, "claims": c} for p, c in out.items()])
    return out


Mentions = dict[str, list[tuple[int, Entity]]]  # path -> (index in the document, its record)


def _mentions_of_documents(store: Neo4jStore, tx: Any, paths: list[str]) -> Mentions:
    rows = store._run_batched(
        tx,
        "UNWIND $rows AS p MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document {path: p}) WHERE m.rev = d.rev "
        "RETURN e.id AS id, d.path AS path, d.name AS document, m.rev AS rev, m.idx AS idx, m.type AS type, "
        f"m.name AS name, {store._aliases()}, m.mentions AS mentions, m.attributes AS attributes",
        paths, budget=store._dialect.max_row_chars,
    )
    return _group_mentions(store, tx, rows)


def _group_mentions(store: Neo4jStore, tx: Any, rows: list[dict[str, Any]]) -> Mentions:
    from .neo4j import _entity_from_row

    store._page_aliases(tx, rows)
    out: dict[str, list[tuple[int, Entity]]] = defaultdict(list)
    for r in rows:
        out[r["path"]].append((r["idx"], _entity_from_row(r)))
    return out


def _lookup(store: Neo4jStore, documents: dict[str, tuple[Document, str, str]], acronyms: dict[str, str],
            curation: Curation) -> RefLookup:
    """The curation's names resolved as a full read resolves them: over every document's mentions
    (acronyms unified), in (name, path) order, a page of documents at a time."""
    lookup = RefLookup(curation.references())
    order = sorted(documents, key=lambda p: (documents[p][0].name, p))
    for i in range(0, len(order), PAGE):
        part = order[i : i + PAGE]
        mentions = store._read(partial(_mentions_of_documents, store, paths=part))
        for path in part:
            entities = [e for _, e in sorted(mentions.get(path, []), key=lambda x: x[0])]
            lookup.add(remap_facts(DocumentFacts(documents[path][0], entities), acronyms))
    return lookup


def _chunks(store: Neo4jStore, ids: list[str]) -> Iterator[set[str]]:
    """Up to CHUNK ids at a time, fewer where they are mentioned in many documents."""
    query = (
        "UNWIND $rows AS eid MATCH (e:Entity {id: eid})-[m:MENTIONED_IN]->() RETURN eid AS id, count(m) AS n"
    )

    def counts(part: list[str]) -> dict[str, int]:
        return {r["id"]: r["n"] for r in store._read(partial(store._run_batched, query=query, rows=part))}

    return weighted_chunks(ids, counts, 2000, CHUNK, MAX_RECORDS)


def _recompute(store: Neo4jStore, tx: Any, *, finals: set[str], idmap: IdMap,
               documents: dict[str, tuple[Document, str, str]], curation: Curation,
               lookup: RefLookup | None) -> None:
    from .neo4j import CO_MENTIONED, EDGE_TYPES, OTHER_RELATION, RELATION_TYPES, _relation_from_row

    raws = sorted(idmap.sources(finals))
    entities: dict[str, list[tuple[int, Entity]]] = defaultdict(list)
    rows = store._run_batched(
        tx,
        "UNWIND $rows AS eid MATCH (e:Entity {id: eid})-[m:MENTIONED_IN]->(d:Document) WHERE m.rev = d.rev "
        "RETURN eid AS id, d.path AS path, d.name AS document, m.rev AS rev, m.idx AS idx, m.type AS type, "
        f"m.name AS name, {store._aliases()}, m.mentions AS mentions, m.attributes AS attributes",
        raws, budget=store._dialect.max_row_chars,
    )
    for path, found in _group_mentions(store, tx, rows).items():
        if path in documents:
            entities[path] += found
    relations: dict[str, dict[tuple[str, int], Relation]] = defaultdict(dict)
    co_mentions: dict[str, dict[int, CoMention]] = defaultdict(dict)
    symmetric = {t for t in RELATION_TYPES if t in SYMMETRIC_RELATIONS}
    for edge in EDGE_TYPES:
        ends = ("a", "b") if edge == CO_MENTIONED or edge in symmetric else ("a",)
        for end in ends:
            for r in store._read_edges(tx, edge, raws, end):
                path = r["doc"]
                if path not in documents or documents[path][1] != r["rev"]:
                    continue
                if edge == CO_MENTIONED:
                    co_mentions[path][r["idx"]] = CoMention(r["s"], r["t"], r["weight"],
                                                            [documents[path][0].name])
                elif edge in RELATION_TYPES or edge == OTHER_RELATION:
                    relations[path][(edge, r["idx"])] = _relation_from_row({**r, "edge": edge})
    facts = []
    for path in sorted(set(entities) | set(relations) | set(co_mentions)):  # store order
        f = DocumentFacts(documents[path][0])
        f.entities = [e for _, e in sorted(entities.get(path, []), key=lambda x: x[0])]
        f.relations = [r for (_, idx), r in sorted(relations.get(path, {}).items(), key=lambda x: x[0][1])]
        f.co_mentions = [c for _, c in sorted(co_mentions.get(path, {}).items())]
        facts.append(f)
    merged, rels, cos, sources = recompute(facts, idmap.acronyms, curation, lookup)

    ids = sorted(finals)
    for label, prop in (("ViewEntity", "id"), ("ViewName", "id"), ("ViewRelation", "source"),
                        ("ViewCoMention", "source")):
        store._run_batched(tx, f"UNWIND $rows AS eid MATCH (v:{label} {{{prop}: eid}}) DELETE v", ids)
    kept = [e for e in merged if e.id in finals]
    store._run_batched(tx, "UNWIND $rows AS row CREATE (v:ViewEntity) SET v = row",
                       [{"id": e.id, "type": e.type, "mentions": e.mentions, "data": _entity_data(e)}
                        for e in kept])
    store._run_batched(tx, "UNWIND $rows AS row CREATE (v:ViewName) SET v = row",
                       [{"key": k, "id": e.id} for e in kept
                        for k in sorted({name_key(n) for n in (e.name, *e.aliases)})])
    store._run_batched(tx, "UNWIND $rows AS row CREATE (v:ViewRelation) SET v = row", [
        {"key": dumps(list(r.key)), "type": r.type, "source": r.source, "target": r.target,
         "role_key": r.role or "", "confidence": float(r.confidence), "evidence": len(r.evidence),
         "data": _relation_data(r), "documents": dumps(sources[r.key])}
        for r in rels if r.source in finals])
    store._run_batched(tx, "UNWIND $rows AS row CREATE (v:ViewCoMention) SET v = row", [
        {"key": dumps([c.source, c.target]), "source": c.source, "target": c.target, "weight": int(c.weight),
         "documents": dumps(c.documents)}
        for c in cos if c.source in finals])


def _entity_data(e: Entity) -> str:
    d = e.to_dict()
    rest = {k: v for k, v in d.items() if k not in ("id", "type", "name", "aliases", "documents", "mentions")}
    return dumps([d["name"], d["aliases"], d["documents"], rest])


def _relation_data(r: Relation) -> str:
    return dumps([r.role, r.role_class, r.status,
                  [[e.document, e.start, e.end, e.rule, e.confidence, e.sentence] for e in r.evidence]])


# -- reads ------------------------------------------------------------------------------------
_ENTITY = ("id", "type", "mentions", "data")
_RELATION = ("type", "source", "target", "role_key", "confidence", "evidence", "data", "documents")
_CO = ("source", "target", "weight", "documents")
_LONG = ("data", "documents")  # JSON strings that grow with the corpus


class Neo4jView:
    """Reads of the merged, curated graph from the view nodes (refreshed on construction): the
    interface of `graph.sqlite_view.StoredView`, which `KnowledgeGraph` reads through."""

    def __init__(self, store: Neo4jStore, curation: Curation) -> None:
        self.store = store
        self.curation = curation
        # the entities at the ends of the relations just read: `relations` and `show` print the
        # name of every relation's other end, which would otherwise be a round trip each
        self._ends: dict[str, Entity | None] = {}
        refresh(store, curation)

    # -- plumbing ---------------------------------------------------------------------------
    def _rows(self, query: str, fields: tuple[str, ...], label: str, keyprop: str,
              rows: list[Any] | None = None, **params: Any) -> list[dict[str, Any]]:
        """`query` (ending in a MATCH binding `v`) returning `fields`; on a server with a row limit,
        long JSON strings come back in pieces."""
        store = self.store
        budget = store._dialect.max_row_chars
        items = []
        for f in fields:
            if budget and f in _LONG:
                items.append(f"CASE WHEN size(v.{f}) <= $budget THEN v.{f} END AS {f}, size(v.{f}) AS {f}_n")
            else:
                items.append(f"v.{f} AS {f}")
        if budget and keyprop not in fields:
            items.append(f"v.{keyprop} AS {keyprop}")
        text = f"{query} RETURN {', '.join(items)}"

        def work(tx: Any) -> list[dict[str, Any]]:
            out = (store._run_batched(tx, text, rows, budget=budget, **params) if rows is not None
                   else store._run(tx, text, budget=budget, **params))
            for row in out if budget else ():
                for f in fields:
                    if f in _LONG and row.pop(f"{f}_n") > budget:
                        row[f] = _page_string(store, tx, f"MATCH (v:{label} {{{keyprop}: $k}})", f"v.{f}",
                                              k=row[keyprop])
            return out

        with store._errors("read from"):
            return store._read(work)

    def _by_keys(self, label: str, keyprop: str, fields: tuple[str, ...], keys: list[str]) -> Iterator[dict]:
        """Rows for these keys, in the order given, a page at a time."""
        for i in range(0, len(keys), PAGE):
            part = keys[i : i + PAGE]
            got = {r[keyprop]: r for r in self._rows(f"UNWIND $rows AS k MATCH (v:{label} {{{keyprop}: k}})",
                                                     (*fields, keyprop) if keyprop not in fields else fields,
                                                     label, keyprop, rows=part)}
            yield from (got[k] for k in part if k in got)

    # -- entities ---------------------------------------------------------------------------
    def entities(self, type: str | None = None) -> Iterator[Entity]:
        where = "" if type is None else " WHERE v.type = $vtype"
        ids = sorted(r["id"] for r in self._rows(f"MATCH (v:ViewEntity){where}", ("id",), "ViewEntity", "id",
                                                 vtype=type))
        return (self._entity(r) for r in self._by_keys("ViewEntity", "id", _ENTITY, ids))

    def entity(self, eid: str) -> Entity | None:
        if eid in self._ends:
            return self._ends[eid]
        rows = self._rows("MATCH (v:ViewEntity {id: $eid})", _ENTITY, "ViewEntity", "id", eid=eid)
        return self._entity(rows[0]) if rows else None

    def by_name_key(self, key: str) -> list[Entity]:
        rows = self._rows("MATCH (v:ViewName {key: $vkey})", ("id",), "ViewName", "key", vkey=key)
        ids = sorted({r["id"] for r in rows})
        return [self._entity(r) for r in self._by_keys("ViewEntity", "id", _ENTITY, ids)]

    def names_by_id(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for r in self._rows("MATCH (v:ViewEntity)", ("id", "data"), "ViewEntity", "id"):
            name, aliases, _, _ = json.loads(r["data"])
            out[r["id"]] = (name, *aliases)
        return out

    @staticmethod
    def _entity(r: dict[str, Any]) -> Entity:
        name, aliases, documents, rest = json.loads(r["data"])
        return Entity.from_dict({"id": r["id"], "type": r["type"], "name": name, "aliases": aliases,
                                 "documents": documents, "mentions": r["mentions"], **rest})

    # -- relations and co-mentions -------------------------------------------------------------
    @staticmethod
    def _relation(r: dict[str, Any]) -> Relation:
        role, role_class, status, evidence = json.loads(r["data"])
        return Relation(r["type"], r["source"], r["target"], role, role_class, status, r["confidence"],
                        [Evidence(d, s, e, text, rule, c) for d, s, e, rule, c, text in evidence])

    def _relation_keys(self, min_confidence: float, type: str | None = None,
                       below: bool = False) -> list[str]:
        where = "v.confidence < $c" if below else "v.confidence >= $c"
        if type is not None:
            where += " AND v.type = $vtype"
        rows = self._rows(f"MATCH (v:ViewRelation) WHERE {where}", ("type", "source", "target", "role_key"),
                          "ViewRelation", "key", c=min_confidence, vtype=type)
        return [dumps(k) for k in sorted([r["type"], r["source"], r["target"], r["role_key"]] for r in rows)]

    def relations(self, type: str | None = None, entity: str | None = None,
                  min_confidence: float = 0.0) -> Iterator[Relation]:
        if entity is None:
            return self._relations_with_ends(self._relation_keys(min_confidence, type))
        rows: dict[str, dict] = {}
        for end in ("source", "target"):
            for r in self._rows(f"MATCH (v:ViewRelation {{{end}: $eid}}) WHERE v.confidence >= $c",
                                (*_RELATION, "key"), "ViewRelation", "key", eid=entity, c=min_confidence):
                if type is None or r["type"] == type:
                    rows[r["key"]] = r
        ordered = sorted(rows.values(), key=lambda r: (r["type"], r["source"], r["target"], r["role_key"]))
        self._read_ends(ordered)
        return (self._relation(r) for r in ordered)

    def _relations_with_ends(self, keys: list[str]) -> Iterator[Relation]:
        for i in range(0, len(keys), PAGE):
            rows = list(self._by_keys("ViewRelation", "key", _RELATION, keys[i : i + PAGE]))
            self._read_ends(rows)
            yield from (self._relation(r) for r in rows)

    def _read_ends(self, rows: list[dict[str, Any]]) -> None:
        """Read the entities at the ends of these relations in one go (kept for `entity`: a
        relation list is in memory as a whole anyway)."""
        ids = sorted({x for r in rows for x in (r["source"], r["target"])} - self._ends.keys())
        found = {r["id"]: self._entity(r) for r in self._by_keys("ViewEntity", "id", _ENTITY, ids)}
        self._ends.update((i, found.get(i)) for i in ids)

    def relation_sources(self, min_confidence: float = 0.0) -> Iterator[tuple[tuple[str, ...], list[str]]]:
        keys = self._relation_keys(min_confidence)
        for r in self._by_keys("ViewRelation", "key", ("key", "documents"), keys):
            yield tuple(json.loads(r["key"])), json.loads(r["documents"])

    def ties(self, min_confidence: float = 0.0) -> Iterator[tuple[tuple[str, str, str, str], int]]:
        rows = self._rows("MATCH (v:ViewRelation) WHERE v.confidence >= $c",
                          ("type", "source", "target", "role_key", "evidence"), "ViewRelation", "key",
                          c=min_confidence)
        ties = sorted(((r["type"], r["source"], r["target"], r["role_key"]), r["evidence"]) for r in rows)
        return iter(ties)

    def relation(self, key: tuple[str, str, str, str]) -> Relation | None:
        rows = self._rows("MATCH (v:ViewRelation {key: $vkey})", _RELATION, "ViewRelation", "key",
                          vkey=dumps(list(key)))
        return self._relation(rows[0]) if rows else None

    def relations_with_sources(self, min_confidence: float = 0.0) -> Iterator[tuple[Relation, list[str]]]:
        keys = self._relation_keys(min_confidence)
        return ((self._relation(r), json.loads(r["documents"]))
                for r in self._by_keys("ViewRelation", "key", _RELATION, keys))

    def network_relations(self, min_confidence: float = 0.0,
                          by_source: bool = False) -> Iterator[NetworkEdge]:
        """Every relation as the network formats keep it, in key order or ordered by source first."""
        keys = self._relation_keys(min_confidence)
        if by_source:
            keys.sort(key=lambda k: (lambda t, s, g, r: (s, t, g, r))(*json.loads(k)))
        for r in self._by_keys("ViewRelation", "key", _RELATION, keys):
            role, role_class, status, evidence = json.loads(r["data"])
            documents = list(dict.fromkeys(e[0] for e in evidence))
            yield NetworkEdge(r["type"], r["source"], r["target"], role, role_class, status, r["confidence"],
                              len(evidence), documents)

    def weak_relation_keys(self, min_confidence: float) -> set[tuple[str, str, str, str]]:
        return {tuple(json.loads(k)) for k in self._relation_keys(min_confidence, below=True)}

    def co_mention_weights(self) -> Iterator[tuple[str, str, int]]:
        rows = self._rows("MATCH (v:ViewCoMention)", ("source", "target", "weight"), "ViewCoMention", "key")
        return iter(sorted((r["source"], r["target"], r["weight"]) for r in rows))

    def co_mention(self, a: str, b: str) -> CoMention | None:
        s, t = (a, b) if a <= b else (b, a)
        rows = self._rows("MATCH (v:ViewCoMention {key: $vkey})", _CO, "ViewCoMention", "key",
                          vkey=dumps([s, t]))
        return self._co_mention(rows[0]) if rows else None

    @staticmethod
    def _co_mention(r: dict[str, Any]) -> CoMention:
        return CoMention(r["source"], r["target"], r["weight"], json.loads(r["documents"]))

    def co_mentions(self) -> Iterator[CoMention]:
        rows = self._rows("MATCH (v:ViewCoMention)", ("source", "target"), "ViewCoMention", "key")
        keys = [dumps(list(k)) for k in sorted((r["source"], r["target"]) for r in rows)]
        return (self._co_mention(r) for r in self._by_keys("ViewCoMention", "key", _CO, keys))

    # -- documents ------------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return sorted(self.store.documents(), key=lambda d: (d.name, d.path))

    def document_facts(self, select: Callable[[Document], bool] | None = None) -> Iterator[DocumentFacts]:
        """Each document's curated facts, ordered by id (TriG's named graphs): merged on read, as
        before the view, since they are per-document records rather than the merged view."""
        facts = unify_acronyms(list(self.store.facts()))
        facts = self.curation.apply(facts) if self.curation else facts
        ordered = sorted(facts, key=lambda f: f.document.id)
        return (f for f in ordered if select is None or select(f.document))

    def stats(self, min_confidence: float = 0.0) -> dict[str, Any]:
        store = self.store

        def work(tx: Any) -> dict[str, Any]:
            types = {r["type"]: r["n"] for r in store._run(
                tx, "MATCH (v:ViewEntity) RETURN v.type AS type, count(v) AS n")}
            rels = store._run(tx, "MATCH (v:ViewRelation) WHERE v.confidence >= $c "
                                  "RETURN v.type AS type, count(v) AS n, sum(v.evidence) AS evidence",
                              c=min_confidence)
            co = store._run(tx, "MATCH (v:ViewCoMention) RETURN count(v) AS n")[0]["n"]
            docs = store._run(tx, "MATCH (d:Document) WHERE d.rev IS NOT NULL RETURN count(d) AS n")[0]["n"]
            rtypes = {r["type"]: r["n"] for r in rels}
            return {
                "documents": docs,
                "entities": sum(types.values()),
                "relations": sum(rtypes.values()),
                "evidence": sum(int(r["evidence"] or 0) for r in rels),
                "co_mentions": co,
                "entity_types": dict(sorted(types.items())),
                "relation_types": dict(sorted(rtypes.items())),
            }

        with store._errors("read from"):
            return store._read(work)


def _page_string(store: Neo4jStore, tx: Any, match: str, value: str, **params: Any) -> str:
    """A string property too long for one result row, read in pieces."""
    budget = store._dialect.max_row_chars or 1 << 62
    size = store._run(tx, f"{match} RETURN size({value}) AS n", **params)[0]["n"]
    text = ""
    while len(text) < size:
        part = store._run(tx, f"{match} RETURN substring({value}, $o, $n) AS part", o=len(text), n=budget,
                          **params)[0]["part"]
        if not part:
            break
        text += part
    return text
