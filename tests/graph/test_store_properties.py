"""Property tests (hypothesis) of the stores: any facts, with any names (quotes, backslashes,
braces, newlines, RTL, combining marks, Cypher and SQL text), survive a write and a read unchanged
in SQLite and in the Bolt store, and the JSON export reads back to the same graph; and `build()`
never raises on arbitrary document text. Example counts come from the profile in tests/conftest.py."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from stakegraph.graph.export import dumps, interchange, load
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
from stakegraph.graph.neo4j import falkordb_findable
from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.graph.store import StoreError
from stakegraph.ingest import build

HOSTILE = ["'); DROP TABLE documents; --", '"}) DETACH DELETE n //', "<img src=x onerror=alert(1)>",
           "a\\b", "{x}", "regel\nregel", "\u202eevil", "e\u0301", "`x`", "$param"]
# Anything a loader can produce (no lone surrogates, no NUL), plus the classic injections.
NAME = st.one_of(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                         min_size=1, max_size=30), st.sampled_from(HOSTILE))
IDS = st.lists(st.from_regex(r"[a-z]{3,8}:[a-z0-9][a-z0-9-]{0,12}", fullmatch=True), min_size=2, max_size=5,
               unique=True)


@st.composite
def document_facts(draw, path: str | None = None) -> DocumentFacts:
    name = draw(NAME)
    doc = Document(id="sha256:" + draw(st.from_regex(r"[0-9a-f]{64}", fullmatch=True)), name=name,
                   path=path or "/docs/" + name, title=draw(st.none() | NAME), chars=draw(st.integers(1, 10**6)))
    ids = draw(IDS)
    entities = [Entity(i, draw(st.sampled_from(ENTITY_TYPES)), draw(NAME), sorted(set(draw(st.lists(NAME, max_size=3)))),
                       [doc.name], draw(st.integers(1, 50))) for i in ids]
    relations, seen = [], set()
    for _ in range(draw(st.integers(0, 3))):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        rel = Relation(draw(st.sampled_from(RELATION_TYPES)), a, b, draw(st.none() | NAME), None, None, 0.75,
                       [Evidence(doc.name, 0, 10, draw(NAME), "regel", 0.75)])
        if a != b and rel.key not in seen:
            seen.add(rel.key)
            relations.append(rel)
    co = [CoMention(ids[0], ids[1], draw(st.integers(1, 9)), [doc.name])] if draw(st.booleans()) else []
    return DocumentFacts(doc, entities, relations, co)


FACTS = st.lists(document_facts(), min_size=1, max_size=3, unique_by=lambda f: f.document.path)


@given(facts=FACTS)
def test_sqlite_write_read_and_json_export_lose_nothing(facts):
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "g.db")
        try:
            for f in facts:
                store.upsert(f)
            by_path = {f.document.path: f for f in store.facts()}
            assert by_path == {f.document.path: f for f in facts}
            data = interchange(store.documents(), store.entities(), store.relations(), store.co_mentions())
            out = Path(tmp) / "graph.json"
            out.write_text(dumps(data), encoding="utf-8")
            assert load(out) == data
        finally:
            store.close()


@settings(max_examples=max(5, settings.default.max_examples // 3),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(facts=FACTS)
def test_the_bolt_store_gives_back_what_sqlite_gives_back(neo4j_store, facts):
    """Paths with surrounding whitespace (which `ingest` never makes) are refused by FalkorDB's store:
    see `test_falkordb_refuses_a_path_its_index_would_never_find`."""
    assume(neo4j_store.server != "falkordb" or all(falkordb_findable(f.document.path) for f in facts))
    neo4j_store.clear()
    with tempfile.TemporaryDirectory() as tmp:
        reference = SQLiteStore(Path(tmp) / "g.db")
        try:
            for f in facts:
                neo4j_store.upsert(f)
                reference.upsert(f)
            assert list(neo4j_store.facts()) == list(reference.facts())
            assert neo4j_store.entities() == reference.entities()
        finally:
            reference.close()


def test_falkordb_refuses_a_path_its_index_would_never_find(neo4j_store):
    if neo4j_store.server != "falkordb":
        pytest.skip("a FalkorDB quirk")
    doc = Document("sha256:" + "0" * 64, "\r", "/docs/\r", chars=1)
    with pytest.raises(StoreError, match=r"cannot look up the key '/docs/\\r': it starts or ends with whitespace"):
        neo4j_store.upsert(DocumentFacts(doc, [Entity("person:x", "Person", "X", [], [doc.name], 1)]))
    assert neo4j_store.documents() == []


TEXTS = st.lists(st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["Anna de Vries is wethouder van de gemeente Leiden.", "De gemeente Zwolle werkt samen met Kampen.\n"]),
    min_size=1, max_size=3)


@settings(max_examples=max(4, settings.default.max_examples // 6))
@given(texts=TEXTS, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_build_never_raises_and_a_second_run_changes_nothing(texts, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"d{i}{suffix}").write_text(t, encoding="utf-8")
        first = build([folder], Path(tmp) / "g.db")
        assert len(first.ingested) + len(first.skipped) == len(texts)
        second = build([folder], Path(tmp) / "g.db")
        assert second.ingested == [] and sorted(second.unchanged) == sorted(first.ingested)
