"""GraphML, GEXF and CSV streamed from a store's view are byte for byte what the in-memory networkx
path writes, for a store with attributes, dangling relation ends, XML-hostile and non-ASCII text,
a confidence threshold and co-mentions on or off; and for what the stream cannot reproduce (ids
with control characters) the in-memory path is taken, with the same result."""

from __future__ import annotations

import importlib.util
import io
import random
import sys
from pathlib import Path

import pytest

from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.network_formats import gexf, graphml, neo4j_csv, to_multidigraph
from stakegraph.graph.network_stream import stream_network
from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.knowledge import KnowledgeGraph


def _random_facts():
    name = "stakegraph_tests_sqlite_view"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("test_sqlite_view.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name].random_facts


def odd_document(eid_suffix: str = "") -> DocumentFacts:
    """Names with markup, quotes, non-ASCII and a line separator; attributes only some entities
    have (extra columns, declarations first met late); a relation to an id no entity has."""
    d = Document(id="sha256:odd", name="vreemd <één>.txt", path="/corpus/vreemd.txt")
    ev = Evidence(d.name, 0, 30, "Zij werkt samen met \"Café & Co\".", "r1", 0.7)
    entities = [
        Entity("org:cafe-co" + eid_suffix, "Organization", 'Café & Co <"BV">', ["C&C", "Café\u2028Co"], [d.name], 2,
               {"website": "https://cafe.example", "zz_note": "één\rtwee"}),
        Entity("person:zoë-de-wit", "Person", "Zoë de Wit", [], [d.name], 1, {"aa_rank": 3}),
    ]
    relations = [
        Relation("COLLABORATES_WITH", "org:cafe-co" + eid_suffix, "org:onbekend", None, None, None, 0.7, [ev]),
        Relation("HOLDS_POSITION", "person:zoë-de-wit", "org:cafe-co" + eid_suffix, "directeur", "executive",
                 "current", 0.4, [ev]),
    ]
    co = [CoMention("org:cafe-co" + eid_suffix, "person:zoë-de-wit", 2, [d.name])]
    return DocumentFacts(d, entities, relations, co)


def expected(kg: KnowledgeGraph, fmt: str, co: bool) -> bytes | tuple[str, str]:
    full = KnowledgeGraph(kg.store, min_confidence=kg.min_confidence)
    full.__dict__["_stored"] = None  # merged on read, lists in memory: the path before streaming
    cos = full.co_mentions() if co else []
    if fmt == "csv":
        return neo4j_csv(full.entities(), full.relations(), cos)
    graph = to_multidigraph(full.entities(), full.relations(), cos)
    return (graphml(graph) if fmt == "graphml" else gexf(graph)).encode("utf-8")


def streamed(kg: KnowledgeGraph, fmt: str, co: bool, tmp_path: Path) -> bytes | tuple[str, str]:
    if fmt == "csv":
        nodes, rels = stream_network("csv", tmp_path / "csv", kg.network_source(), co=co, prefix="x-")
        return nodes.read_text("utf-8"), rels.read_text("utf-8")
    target = tmp_path / f"graph.{fmt}"
    stream_network(fmt, target, kg.network_source(), co=co)
    echoed = io.StringIO()
    stream_network(fmt, None, kg.network_source(), co=co, echo=echoed.write)
    assert echoed.getvalue().encode("utf-8") == target.read_bytes()
    return target.read_bytes()


@pytest.fixture
def store(tmp_path: Path):
    store = SQLiteStore(tmp_path / "g.db")
    rng = random.Random(5)
    random_facts = _random_facts()
    for i in range(10):
        store.upsert(random_facts(rng, f"doc{i:02d}.txt"))
    store.upsert(odd_document())
    yield store
    store.close()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_streamed_exports_are_byte_identical(store: SQLiteStore, tmp_path: Path, fmt: str) -> None:
    for threshold in (0.0, 0.5):
        for co in (True, False):
            kg = KnowledgeGraph(store, min_confidence=threshold)
            assert streamed(kg, fmt, co, tmp_path) == expected(kg, fmt, co), (threshold, co)
            assert not {"_entities", "_relations", "facts"} & kg.__dict__.keys()  # read from the view


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_ids_xml_cannot_hold_take_the_in_memory_path(tmp_path: Path, fmt: str) -> None:
    store = SQLiteStore(tmp_path / "g.db")
    store.upsert(odd_document(eid_suffix="\x07"))
    kg = KnowledgeGraph(store)
    assert streamed(kg, fmt, True, tmp_path) == expected(kg, fmt, True)
    store.close()


def test_the_export_commands_stream_identical_files(store: SQLiteStore, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from stakegraph.cli import main

    kg = KnowledgeGraph(store)
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"cli.{fmt}"
        result = CliRunner().invoke(main, ["export", fmt, "-o", str(out), "--co-mentions", "--store", store.url])
        assert result.exit_code == 0, result.output
        assert out.read_bytes() == expected(kg, fmt, True)
    result = CliRunner().invoke(main, ["export", "csv", "-o", str(tmp_path / "c"), "--store", store.url])
    assert result.exit_code == 0, result.output
    nodes, rels = expected(kg, "csv", True)  # co-mentions are on by default
    assert (tmp_path / "c" / "nodes.csv").read_text("utf-8") == nodes
    assert (tmp_path / "c" / "relationships.csv").read_text("utf-8") == rels
