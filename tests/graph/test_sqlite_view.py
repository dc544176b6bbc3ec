"""The merged view kept in the SQLite store answers exactly as merging every document on read does,
after every kind of change: documents added, replaced and forgotten, acronyms that become
unambiguous or ambiguous, and a curation file that changes (merge, split, rename, alias, retype,
reject)."""

from __future__ import annotations

import io
import random
import sqlite3
from pathlib import Path

import pytest

from stakegraph.graph.curation import Curation
from stakegraph.graph.export import dumps
from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.rdf import RdfMapping
from stakegraph.graph.rdf_stream import write_rdf
from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.knowledge import KnowledgeGraph

PEOPLE = ["Anna de Wit", "Bram Kooistra", "Carla Veenstra", "Dirk Haverkamp", "Eva Smulders", "Frits Bosma"]
ORGS = [
    ("Stichting Groen Dorp", "SGD"),
    ("Hogeschool Noordwest", "HNW"),
    ("Omgevingsdienst Twentevallei", "OTV"),
    ("Vereniging Buurtkracht", "VBK"),
]
PLACES = [("gemeente:gm0193", "Zwolle"), ("gemeente:gm0166", "Kampen"), ("gemeente:gm0150", "Deventer")]


def slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def random_facts(rng: random.Random, name: str) -> DocumentFacts:
    doc = Document(id=f"sha256:{rng.random()}", name=name, path=f"/corpus/{name}", chars=500)
    entities: dict[str, Entity] = {}
    for person in rng.sample(PEOPLE, 3):
        entities[f"person:{slug(person)}"] = Entity(f"person:{slug(person)}", "Person", person, [], [name],
                                                    rng.randint(1, 4))
    for full, acronym in rng.sample(ORGS, 3):
        if rng.random() < 0.4:  # known only by its acronym here
            entities[f"org:{slug(acronym)}"] = Entity(f"org:{slug(acronym)}", "Organization", acronym, [], [name], 1)
        else:
            aliases = [acronym] if rng.random() < 0.7 else []
            entities[f"org:{slug(full)}"] = Entity(f"org:{slug(full)}", "Organization", full, aliases, [name],
                                                   rng.randint(1, 3))
    for eid, place in rng.sample(PLACES, 2):
        entities[eid] = Entity(eid, "Municipality", f"gemeente {place}", [place], [name], rng.randint(1, 5),
                               {"cbs_code": eid[-6:]})
    ids = sorted(entities)
    people = [i for i in ids if i.startswith("person:")]
    others = [i for i in ids if not i.startswith("person:")]
    relations = []
    for _ in range(4):
        start = rng.randrange(0, 400)
        ev = Evidence(name, start, start + 40, f"zin {start} uit {name}", rng.choice(["r1", "r2"]),
                      rng.choice([0.4, 0.6, 0.9]))
        if rng.random() < 0.5:
            relations.append(Relation("HOLDS_POSITION", rng.choice(people), rng.choice(others),
                                      rng.choice(["directeur", "voorzitter"]), "executive",
                                      rng.choice(["current", "former"]), ev.confidence, [ev]))
        else:
            a, b = rng.sample(others, 2)
            relations.append(Relation("COLLABORATES_WITH", a, b, None, None, None, ev.confidence, [ev]))
    co = [CoMention(a, b, rng.randint(1, 3), [name]) for a, b in zip(ids, ids[1:], strict=False)]
    return DocumentFacts(doc, list(entities.values()), relations, co)


def assert_same(store: SQLiteStore, curation: Curation) -> None:
    kept = KnowledgeGraph(store, curation=curation)
    full = KnowledgeGraph(store, curation=curation)
    full.__dict__["_stored"] = None  # merge every document on read, as before the view
    expected = dumps(full.to_json())
    streamed = io.StringIO()
    kept.write_json(streamed)
    assert streamed.getvalue() == expected
    assert dumps(kept.to_json()) == expected
    assert kept.stats() == full.stats()
    assert kept.relation_sources() == full.relation_sources()
    for fmt in ("turtle", "trig"):  # streamed from the view, one document at a time for TriG
        fresh = KnowledgeGraph(store, curation=curation)
        assert _rdf(fresh, fmt) == _rdf(full, fmt), fmt
        assert not {"facts", "_entities", "_relations"} & fresh.__dict__.keys()
    strict = KnowledgeGraph(store, curation=curation, min_confidence=0.5)
    strict_full = KnowledgeGraph(store, curation=curation, min_confidence=0.5)
    strict_full.__dict__["_stored"] = None
    assert _rdf(strict, "trig") == _rdf(strict_full, "trig")  # named graphs leave out the same relations


def _rdf(kg: KnowledgeGraph, fmt: str) -> bytes:
    out = io.BytesIO()
    write_rdf(kg, fmt, out, RdfMapping(), streaming=True)
    return out.getvalue()


@pytest.mark.parametrize(("seed", "chunk"), [(1, 400), (2, 400), (3, 1), (4, 3)])
def test_the_kept_view_equals_a_full_merge_after_every_change(
    tmp_path: Path, seed: int, chunk: int, monkeypatch
) -> None:
    monkeypatch.setattr("stakegraph.graph.sqlite_view.CHUNK", chunk)  # small: ends recomputed apart
    rng = random.Random(seed)
    store = SQLiteStore(tmp_path / "g.db")
    none = Curation()
    for i in range(12):
        store.upsert(random_facts(rng, f"doc{i:02d}.txt"))
        if i % 4 == 3:
            assert_same(store, none)
    store.upsert(random_facts(rng, "doc03.txt"))  # replaced
    assert_same(store, none)
    store.delete("/corpus/doc05.txt")
    store.delete("/corpus/doc07.txt")
    assert_same(store, none)

    curation = Curation()
    curation.add("merge", into="person:anna-de-wit", **{"from": ["Bram Kooistra"]})
    curation.add("reject", entity="Carla Veenstra")
    curation.add("rename", entity="org:hogeschool-noordwest", name="Hogeschool Noord-West")
    curation.add("alias", entity="gemeente Zwolle", alias="Hanzestad")
    curation.add("retype", entity="org:omgevingsdienst-twentevallei", type="Region")
    # merged under an id that sorts before its partners: symmetric relations change direction
    curation.add("merge", into="org:buurtkracht", **{"from": ["org:vereniging-buurtkracht"]})
    curation.add("split", entity="person:dirk-haverkamp", documents=["doc01.txt", "doc02.txt"])
    assert_same(store, curation)
    for i in range(12, 16):
        store.upsert(random_facts(rng, f"doc{i:02d}.txt"))
    assert_same(store, curation)  # incremental under a curation
    assert_same(store, none)  # the curation removed again: rebuilt
    store.close()


def test_a_new_document_can_make_an_acronym_ambiguous_and_the_view_follows(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "g.db")

    def org(doc: str, eid: str, name: str, aliases: list[str]) -> DocumentFacts:
        d = Document(id=f"sha256:{doc}", name=doc, path=f"/c/{doc}")
        return DocumentFacts(d, [Entity(eid, "Organization", name, aliases, [doc], 1)])

    store.upsert(org("a.txt", "org:hnw", "HNW", []))
    store.upsert(org("b.txt", "org:hogeschool-noordwest", "Hogeschool Noordwest", ["HNW"]))
    kg = KnowledgeGraph(store)
    assert [e.id for e in kg.entities()] == ["org:hogeschool-noordwest"]
    store.upsert(org("c.txt", "org:handelsvereniging-nw", "Handelsvereniging NW", ["HNW"]))
    assert [e.id for e in KnowledgeGraph(store).entities()] == [
        "org:handelsvereniging-nw", "org:hnw", "org:hogeschool-noordwest"]
    assert_same(store, Curation())
    store.close()


def test_reads_come_from_the_view_without_loading_documents(tmp_path: Path, monkeypatch) -> None:
    store = SQLiteStore(tmp_path / "g.db")
    rng = random.Random(7)
    for i in range(5):
        store.upsert(random_facts(rng, f"doc{i}.txt"))

    def no_full_read(self):
        raise AssertionError("a read loaded every document")

    monkeypatch.setattr(SQLiteStore, "facts", no_full_read)
    kg = KnowledgeGraph(store)
    assert kg.stats()["documents"] == 5
    anna = kg.find("Anna de Wit") or kg.find("Bram Kooistra")
    assert anna is not None and kg.entity(anna.id) == anna
    assert all(anna.id in (r.source, r.target) for r in kg.relations(entity=anna.id))
    assert kg.entities("Municipality") and kg.to_json()["documents"]
    store.close()


def test_a_view_that_cannot_be_written_falls_back_to_merging_on_read(tmp_path: Path, monkeypatch) -> None:
    store = SQLiteStore(tmp_path / "g.db")
    rng = random.Random(3)
    for i in range(3):
        store.upsert(random_facts(rng, f"doc{i}.txt"))
    expected = dumps(KnowledgeGraph(store).to_json())
    store.upsert(random_facts(rng, "doc9.txt"))  # the view is stale now

    def readonly(conn, curation):
        conn.execute("DELETE FROM view_dirty")  # starts writing, as a refresh does, then fails
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr("stakegraph.graph.sqlite_view.refresh", readonly)
    kg = KnowledgeGraph(store)
    assert kg.stats()["documents"] == 4 and dumps(kg.to_json()) != expected
    monkeypatch.undo()
    assert dumps(KnowledgeGraph(store).to_json()) == dumps(kg.to_json())  # the dirty marks survived
    store.close()


def test_view_tables_of_an_older_layout_are_rebuilt(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "g.db")
    rng = random.Random(5)
    for i in range(3):
        store.upsert(random_facts(rng, f"doc{i}.txt"))
    expected = dumps(KnowledgeGraph(store).to_json())
    with store.conn:  # as a store written before the view was versioned: no documents column
        store.conn.execute("DROP TABLE view_relations")
        store.conn.execute(
            "CREATE TABLE view_relations (type TEXT, source TEXT, target TEXT, role_key TEXT, "
            "confidence REAL, evidence INTEGER, data TEXT)"
        )
        store.conn.execute("DELETE FROM meta WHERE key = 'view_schema'")
    store.close()
    SQLiteStore(tmp_path / "g.db").close()  # an intermediate version stamped such tables as current
    store = SQLiteStore(tmp_path / "g.db")
    with store.conn:
        store.conn.execute("DROP TABLE view_relations")
        store.conn.execute(
            "CREATE TABLE view_relations (type TEXT, source TEXT, target TEXT, role_key TEXT, "
            "confidence REAL, evidence INTEGER, data TEXT)"
        )
    store.close()
    store = SQLiteStore(tmp_path / "g.db")
    kg = KnowledgeGraph(store)
    assert dumps(kg.to_json()) == expected and kg.relation_sources()
    store.close()
