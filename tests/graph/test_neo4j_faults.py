"""Faults of the Bolt store, against the real test server: rows over 64 KB, and a read timeout.

FalkorDB 1.4.1 never finishes sending a result row over 64 KB; before the store paged long
lists, an entity named in a few hundred documents with long names, or a fact with many evidence
sentences, hung every read for good (found by a hostile probe).
"""

from __future__ import annotations

import pytest

from stakegraph.graph.model import Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.sqlite import SQLiteStore

LONG = "Gemeente Ëindhoven-Noord en de Samenwerkende Partners van de Regio " * 3  # non-ASCII on purpose


def _document(i: int) -> Document:
    name = f"{i:04d}_{LONG.replace(' ', '_')[:180]}.txt"
    return Document(id=f"sha256:{i:064x}", name=name, path=f"/corpus/{name}", title=f"Verslag {i}", chars=900)


def _facts(i: int, evidence: int = 1, sentence: str = "Anna de Vries is wethouder van Leiden.") -> DocumentFacts:
    d = _document(i)
    people = Entity("person:anna-de-vries", "Person", "Anna de Vries", [f"A. de Vries {i}"], [d.name], 2)
    town = Entity("gemeente:gm0546", "Municipality", "Leiden", [], [d.name], 1, {"cbs_code": "GM0546"})
    ev = [Evidence(d.name, k * 100, k * 100 + len(sentence), f"{sentence} ({k})", "position.rule", 0.8)
          for k in range(evidence)]
    rel = Relation("HOLDS_POSITION", people.id, town.id, "wethouder", "alderman", "current", 0.8, ev)
    return DocumentFacts(d, [people, town], [rel])


def _same_as_sqlite(store, facts: list[DocumentFacts], tmp_path) -> None:
    reference = SQLiteStore(tmp_path / "ref.db")
    for f in facts:
        reference.upsert(f)
    try:
        assert list(store.facts()) == list(reference.facts())
        assert store.entities() == reference.entities()
        assert store.relations() == reference.relations()
    finally:
        reference.close()


def test_an_entity_with_aliases_over_64_kb_reads_back(neo4j_store, tmp_path):
    neo4j_store.read_timeout = 30  # a regression fails in time instead of hanging the suite
    f = _facts(1)
    f.entities[0].aliases = sorted(f"A. de Vries ({k}) {LONG}" for k in range(400))  # about 85 KB
    neo4j_store.upsert(f)
    neo4j_store.upsert(_facts(2))  # refreshes the shared node: reads its long alias list back
    _same_as_sqlite(neo4j_store, [f, _facts(2)], tmp_path)


def test_an_entity_named_in_many_long_named_documents_reads_back(neo4j_store, tmp_path):
    """The hang the probe found (320 documents with long names); with the page size lowered to
    2,000 characters 40 documents exercise the same paging that 360 need at FalkorDB's limit."""
    neo4j_store.read_timeout = 30
    neo4j_store._dialect.max_row_chars = 2_000
    facts = [_facts(i) for i in range(40)]
    for f in facts:
        neo4j_store.upsert(f)
    person = next(e for e in neo4j_store.entities() if e.id == "person:anna-de-vries")
    assert len(person.documents) == 40 and sum(len(n) for n in person.documents) > 2 * 2_000
    _same_as_sqlite(neo4j_store, facts, tmp_path)


def test_a_fact_with_many_evidence_sentences_and_one_huge_sentence_reads_back(neo4j_store, tmp_path):
    neo4j_store.read_timeout = 30
    facts = [_facts(1, evidence=500, sentence="Zij is " + LONG), _facts(2, sentence="Ë" + "é" * 70_000 + ".")]
    for f in facts:
        neo4j_store.upsert(f)
    _same_as_sqlite(neo4j_store, facts, tmp_path)
    neo4j_store.upsert(facts[0])  # rewriting reads the node back: unchanged, and still no hang
    _same_as_sqlite(neo4j_store, facts, tmp_path)


def test_the_read_timeout_is_set_on_the_connection(neo4j_store):
    """The driver leaves the socket without a read timeout unless the server hints one; ours is set."""
    seen = []

    def work(tx):
        neo4j_store._run(tx, "RETURN 1 AS x")
        seen.append(tx._connection.socket.gettimeout())

    neo4j_store.read_timeout = 7.5
    neo4j_store._read(work)
    assert seen == [pytest.approx(7.5)]
