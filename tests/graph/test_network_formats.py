"""GraphML, GEXF and neo4j-admin CSV: read back with the same counts, valid headers, no dangling ids."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx
import pytest

from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.network_formats import neo4j_csv, to_multidigraph, write_network
from stakegraph.knowledge import KnowledgeGraph

# The header grammar of `neo4j-admin database import`: name:type, with the special fields below.
_TYPES = ("int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|"
          "datetime|duration")
_FIELD = re.compile(rf"^(?:[A-Za-z_][A-Za-z0-9_]*(?::(?:{_TYPES})(?:\[\])?)?|[A-Za-z_]*:ID|:LABEL|:START_ID|"
                    r":END_ID|:TYPE)$")
ODD = 'Jan "de" <Vries>\x0b\x00; tab\there\nnewline & ü 😀'


def ev(doc: str, start: int, sentence: str) -> Evidence:
    return Evidence(doc, start, start + len(sentence), sentence, "rule", 0.8)


@pytest.fixture()
def kg() -> KnowledgeGraph:
    doc = Document(id="sha256:" + "c" * 64, name="003_regio.txt", path="c/003_regio.txt")
    anna = Entity("person:anna-de-boer", "Person", "Anna de Boer", aliases=["De Boer", "A; de Boer"],
                  mentions=2)
    odd = Entity('person:x"y', "Person", ODD, aliases=[ODD], mentions=1)
    ams = Entity("gemeente:gm0363", "Municipality", "Amsterdam", mentions=3,
                 attributes={"cbs_code": "GM0363", "wikidata": "Q1001", "bad key": "x"})
    rug = Entity("org:rijksuniversiteit-groningen", "Organization", "Rijksuniversiteit Groningen", mentions=1)
    rels = [
        Relation("HOLDS_POSITION", anna.id, ams.id, role="gemeentesecretaris", status="current",
                 confidence=0.9, evidence=[ev(doc.name, 0, "Anna de Boer, gemeentesecretaris.")]),
        Relation("HOLDS_POSITION", anna.id, ams.id, role="lid", status="former", confidence=0.4,
                 evidence=[ev(doc.name, 40, "Zij was lid.")]),  # a parallel edge
        Relation("HOLDS_POSITION", odd.id, rug.id, role=ODD, confidence=0.5,
                 evidence=[ev(doc.name, 60, ODD)]),
        Relation("COLLABORATES_WITH", rug.id, ams.id, confidence=0.6,
                 evidence=[ev(doc.name, 80, "Samen.")]),
        Relation("MEMBER_OF", ams.id, "org:not-an-entity", confidence=0.5,  # an end that is no entity
                 evidence=[ev(doc.name, 90, "Lid.")]),
    ]
    return KnowledgeGraph.from_facts([DocumentFacts(doc, [anna, odd, ams, rug], rels,
                                                    [CoMention(anna.id, rug.id, 3)])])


def expected_counts(kg: KnowledgeGraph) -> tuple[int, int]:
    ids = {e.id for e in kg.entities()} | {x for r in kg.relations() for x in (r.source, r.target)}
    return len(ids), len(kg.relations()) + len(kg.co_mentions())


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_reads_back_the_same_nodes_and_edges(kg: KnowledgeGraph, tmp_path: Path, fmt: str,
                                                      read) -> None:  # noqa: ANN001
    out = tmp_path / f"graph.{fmt}"
    write_network(fmt, out, kg.entities(), kg.relations(), kg.co_mentions())
    back = read(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == expected_counts(kg)
    assert back.nodes["gemeente:gm0363"]["label"] == "Amsterdam"
    assert back.nodes["gemeente:gm0363"]["cbs_code"] == "GM0363"
    assert back.nodes['person:x"y']["label"].startswith('Jan "de" <Vries>')  # XML-invalid chars replaced
    relations = sorted(d["relation"] for _, _, d in back.edges(data=True))
    assert relations.count("HOLDS_POSITION") == 3 and relations.count("CO_MENTIONED") == 1
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_the_multigraph_keeps_parallel_relations(kg: KnowledgeGraph) -> None:
    g = to_multidigraph(kg.entities(), kg.relations())
    assert g.number_of_edges("person:anna-de-boer", "gemeente:gm0363") == 2
    assert g.nodes["org:not-an-entity"]["type"] == "Unknown"


def test_neo4j_csv_headers_are_valid_and_ids_resolve(kg: KnowledgeGraph, tmp_path: Path) -> None:
    paths = write_network("csv", tmp_path / "import", kg.entities(), kg.relations(), kg.co_mentions(),
                          prefix="kg-")
    assert [p.name for p in paths] == ["kg-nodes.csv", "kg-relationships.csv"]
    nodes = list(csv.reader(io.StringIO(paths[0].read_text(encoding="utf-8"))))
    rels = list(csv.reader(io.StringIO(paths[1].read_text(encoding="utf-8"))))
    for header in (nodes[0], rels[0]):
        assert all(_FIELD.match(field) for field in header), header
        names = [f.split(":")[0] for f in header if f.split(":")[0]]
        assert len(names) == len(set(names))
    assert nodes[0][:2] == ["id:ID", ":LABEL"] and "bad key" not in ",".join(nodes[0])
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert all(len(row) == len(nodes[0]) for row in nodes) and all(len(row) == len(rels[0]) for row in rels)
    ids = [row[0] for row in nodes[1:]]
    assert len(ids) == len(set(ids)) == expected_counts(kg)[0]
    assert all(row[0] in ids and row[1] in ids for row in rels[1:])
    assert len(rels) - 1 == expected_counts(kg)[1]
    # One physical line per record (neo4j-admin needs --multiline-fields otherwise).
    assert len(paths[0].read_text(encoding="utf-8").splitlines()) == len(nodes)
    anna = next(row for row in nodes if row[0] == "person:anna-de-boer")
    aliases = anna[nodes[0].index("aliases:string[]")].split(";")
    assert len(aliases) == 2  # "A; de Boer" stays one element


def test_neo4j_csv_typed_columns_hold_their_type(kg: KnowledgeGraph) -> None:
    nodes_csv, rels_csv = neo4j_csv(kg.entities(), kg.relations(), kg.co_mentions())
    for text in (nodes_csv, rels_csv):
        rows = list(csv.DictReader(io.StringIO(text)))
        for column in rows[0]:
            kind = column.split(":")[-1] if ":" in column and not column.startswith(":") else None
            for row in rows:
                if row[column] and kind == "int":
                    int(row[column])
                elif row[column] and kind == "double":
                    float(row[column])
