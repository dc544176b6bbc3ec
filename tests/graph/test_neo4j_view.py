"""The merged view kept in the Neo4j graph answers exactly as merging every document on read does,
and as the SQLite store's view does, after documents are added, replaced and forgotten and when
the curation file changes; reads come from the view nodes, not from every document. Runs on the
real Bolt server of tests/conftest.py."""

from __future__ import annotations

import importlib.util
import io
import json
import random
import sys
from pathlib import Path

from stakegraph.graph.curation import Curation
from stakegraph.graph.export import dumps
from stakegraph.graph.model import Document, DocumentFacts, Entity
from stakegraph.graph.neo4j import Neo4jStore
from stakegraph.graph.network_stream import stream_network
from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.knowledge import KnowledgeGraph


def _sqlite_view_tests():
    """tests/graph/test_sqlite_view.py for its random document generator (tests are no package)."""
    name = "stakegraph_tests_sqlite_view"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("test_sqlite_view.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


random_facts = _sqlite_view_tests().random_facts


def answers(store, curation: Curation, min_confidence: float = 0.0) -> dict:
    """What the read commands print, as data: stats, entities (all and by type), show (find, the
    entity and its relations), relations (all and by type), and the whole export."""
    kg = KnowledgeGraph(store, curation=curation, min_confidence=min_confidence)
    out: dict = {"stats": kg.stats(), "entities": [e.to_dict() for e in kg.entities()],
                 "municipalities": [e.id for e in kg.entities("Municipality")],
                 "relations": [r.to_dict() for r in kg.relations()],
                 "positions": [r.to_dict() for r in kg.relations("HOLDS_POSITION")],
                 "sources": sorted(kg.relation_sources().items())}
    for name in ("Anna de Wit", "HNW", "gemeente Zwolle", "Zwolle", "Hanzestad", "person:carla-veenstra"):
        found = kg.find(name)
        out[f"show {name}"] = None if found is None else (
            kg.entity(found.id).to_dict(), [e.id for e in kg.matches(name)],
            [r.to_dict() for r in kg.relations(entity=found.id)])
    out["suggest"] = kg.suggest("Ana de Wit")
    weights = list(kg.co_mention_weights())
    out["co"] = weights
    if weights:
        a, b, _ = weights[0]
        out["co_mention"] = kg.co_mention(b, a).to_dict()
    ties = list(kg.ties())
    out["ties"] = ties
    if ties:
        out["relation"] = kg.relation(ties[-1][0]).to_dict()
    out["weak"] = sorted(kg.weak_relation_keys())
    streamed = io.StringIO()
    kg.write_json(streamed)
    out["json"] = streamed.getvalue()
    for fmt in ("graphml", "gexf"):  # the network exports stream from the view too
        text = io.StringIO()
        stream_network(fmt, None, kg.network_source(), co=True, echo=text.write)
        out[fmt] = text.getvalue()
    return out


def full_merge(store, curation: Curation, min_confidence: float = 0.0) -> str:
    kg = KnowledgeGraph(store, curation=curation, min_confidence=min_confidence)
    kg.__dict__["_stored"] = None  # merge every document on read, as before the view
    return dumps(kg.to_json())


def assert_same(neo: Neo4jStore, lite: SQLiteStore, curation: Curation) -> None:
    for threshold in (0.0, 0.5):
        got = answers(neo, curation, threshold)
        assert got == answers(lite, curation, threshold)
        assert got["json"] == full_merge(neo, curation, threshold)


def test_the_neo4j_view_answers_as_sqlite_and_a_full_merge_after_every_change(
    neo4j_store: Neo4jStore, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("stakegraph.graph.neo4j_view.CHUNK", 5)  # ends recomputed in separate batches
    rng = random.Random(11)
    lite = SQLiteStore(tmp_path / "g.db")
    none = Curation()

    def both(action: str, *args) -> None:
        getattr(neo4j_store, action)(*args)
        getattr(lite, action)(*args)

    for i in range(8):
        both("upsert", random_facts(rng, f"doc{i:02d}.txt"))
        if i in (0, 5):
            assert_same(neo4j_store, lite, none)
    both("upsert", random_facts(rng, "doc03.txt"))  # replaced
    both("delete", "/corpus/doc05.txt")  # forgotten
    assert_same(neo4j_store, lite, none)

    curation = Curation()
    curation.add("merge", into="person:anna-de-wit", **{"from": ["Bram Kooistra"]})
    curation.add("reject", entity="Carla Veenstra")
    curation.add("rename", entity="org:hogeschool-noordwest", name="Hogeschool Noord-West")
    curation.add("alias", entity="gemeente Zwolle", alias="Hanzestad")
    curation.add("retype", entity="org:omgevingsdienst-twentevallei", type="Region")
    curation.add("merge", into="org:buurtkracht", **{"from": ["org:vereniging-buurtkracht"]})
    curation.add("split", entity="person:dirk-haverkamp", documents=["doc01.txt", "doc02.txt"])
    assert_same(neo4j_store, lite, curation)
    both("upsert", random_facts(rng, "doc09.txt"))
    both("delete", "/corpus/doc01.txt")
    assert_same(neo4j_store, lite, curation)  # incremental under a curation
    assert_same(neo4j_store, lite, none)  # the curation removed again: rebuilt
    lite.close()


def test_reads_come_from_the_view_nodes(neo4j_store: Neo4jStore, monkeypatch) -> None:
    rng = random.Random(7)
    for i in range(4):
        neo4j_store.upsert(random_facts(rng, f"doc{i}.txt"))
    KnowledgeGraph(neo4j_store).stats()  # brings the view up to date
    counts = {label: neo4j_store.run_read(f"MATCH (n:{label}) RETURN count(n)")[1][0][0]
              for label in ("ViewEntity", "ViewRelation", "ViewDirty")}
    assert counts["ViewEntity"] > 0 and counts["ViewRelation"] > 0 and counts["ViewDirty"] == 0

    def no_full_read(self):
        raise AssertionError("a read loaded every document")

    monkeypatch.setattr(Neo4jStore, "facts", no_full_read)
    kg = KnowledgeGraph(neo4j_store)
    assert kg.stats()["documents"] == 4
    anna = kg.find("Anna de Wit") or kg.find("Bram Kooistra")
    assert anna is not None and kg.entity(anna.id) == anna
    assert all(anna.id in (r.source, r.target) for r in kg.relations(entity=anna.id))
    assert kg.entities("Municipality") and json.loads(dumps(kg.to_json()))["documents"]


def test_a_store_written_before_the_view_gets_one(neo4j_store: Neo4jStore) -> None:
    """Documents without acronym claims and a graph without view nodes, as an earlier version
    left them: the first read fills both in."""
    def org(doc: str, eid: str, name: str, aliases: list[str]) -> DocumentFacts:
        d = Document(id=f"sha256:{doc}", name=doc, path=f"/c/{doc}")
        return DocumentFacts(d, [Entity(eid, "Organization", name, aliases, [doc], 1)])

    neo4j_store.upsert(org("a.txt", "org:hnw", "HNW", []))
    neo4j_store.upsert(org("b.txt", "org:hogeschool-noordwest", "Hogeschool Noordwest", ["HNW"]))
    neo4j_store._write(lambda tx: [neo4j_store._run(tx, q) for q in (
        "MATCH (d:Document) REMOVE d.acronyms", "MATCH (n:ViewEntity) DELETE n",
        "MATCH (n:ViewName) DELETE n", "MATCH (n:ViewMeta) DELETE n",
        "MATCH (n:ViewDirty {pending: 1}) DELETE n")])
    assert [e.id for e in KnowledgeGraph(neo4j_store).entities()] == ["org:hogeschool-noordwest"]
    assert neo4j_store.run_read("MATCH (d:Document) WHERE d.acronyms IS NULL RETURN count(d)")[1] == [[0]]


def test_a_write_during_a_refresh_stays_marked_for_the_next(neo4j_store: Neo4jStore, monkeypatch) -> None:
    import stakegraph.graph.neo4j_view as neo4j_view

    rng = random.Random(3)
    for i in range(3):
        neo4j_store.upsert(random_facts(rng, f"doc{i}.txt"))
    late = random_facts(rng, "doc9.txt")
    recompute = neo4j_view._recompute
    calls = []

    def meanwhile(*args, **kwargs):
        recompute(*args, **kwargs)
        if not calls:  # another process's ingest lands between the refresh's batches
            calls.append(1)
            neo4j_store.upsert(late)

    monkeypatch.setattr(neo4j_view, "_recompute", meanwhile)
    neo4j_view.refresh(neo4j_store, Curation())
    monkeypatch.undo()
    left = neo4j_store.run_read("MATCH (x:ViewDirty) RETURN count(x)")[1][0][0]
    assert calls and left > 0  # the late document's marks survived the refresh that was running
    kg = KnowledgeGraph(neo4j_store)
    assert kg.stats()["documents"] == 4
    assert dumps(kg.to_json()) == full_merge(neo4j_store, Curation())
