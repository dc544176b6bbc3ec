"""The analysis projection: its default shape must equal the obvious reading of the exported JSON."""

from __future__ import annotations

import networkx as nx
import pytest

from stakegraph.graph.model import CoMention, Evidence, Relation
from stakegraph.graph.store import open_store
from stakegraph.knowledge import KnowledgeGraph
from stakegraph.queries import project
from stakegraph.queries.projection import as_graph, exact_distance

ANNA, FATIMA, VVS = "person:anna-de-boer", "person:fatima-el-amrani", "org:vereniging-van-stadsbestuurders"


def _from_json(data: dict) -> nx.Graph:
    G = nx.Graph()
    G.add_nodes_from(e["id"] for e in data["entities"])
    G.add_edges_from((r["source"], r["target"]) for r in data["relations"] if r["source"] != r["target"])
    return G


def test_default_projection_is_the_exported_graph(kg):
    G = project(kg)
    J = _from_json(kg.to_json())
    assert set(G.nodes) == set(J.nodes) == {e.id for e in kg.entities()}
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in J.edges}
    assert not G.is_directed() and not G.is_multigraph()
    assert G.graph["weighted"] is False


def test_node_and_edge_attributes(kg):
    G = project(kg)
    anna = G.nodes[ANNA]
    assert (anna["name"], anna["type"], anna["aliases"]) == ("Anna de Boer", "Person", ["De Boer"])
    assert anna["mentions"] == kg.entity(ANNA).mentions
    d = G.edges[ANNA, VVS]
    assert d["relations"] == ["HOLDS_POSITION"]
    assert d["weight"] == 1
    assert d["arcs"] == [("HOLDS_POSITION", ANNA, VVS, "voorzitter")]
    assert d["evidence"] == [("a.txt", "De Boer is voorzitter van de VvS.")]
    assert "distance" not in d
    assert not G.has_edge(ANNA, FATIMA)  # co-mentions only on request


def test_random_graph_one_edge_per_pair_and_no_loops(random_kg):
    kg = random_kg(3)
    G = project(kg)
    J = _from_json(kg.to_json())
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in J.edges}
    assert nx.number_of_selfloops(G) == 0
    double = [d for _, _, d in G.edges(data=True) if len(d["relations"]) > 1]
    assert double and all(d["relations"] == sorted(d["relations"]) for d in double)
    assert all(len(d["evidence"]) == len(d["arcs"]) for _, _, d in G.edges(data=True))


def test_weighted_counts_evidence_and_distance_is_exact(random_kg):
    kg = random_kg(4)
    G = project(kg, weighted=True)
    assert G.graph["weighted"] is True
    count: dict[frozenset, int] = {}
    for r in kg.relations():
        if r.source != r.target:
            key = frozenset((r.source, r.target))
            count[key] = count.get(key, 0) + len(r.evidence)
    for u, v, d in G.edges(data=True):
        assert d["weight"] == count[frozenset((u, v))]
        assert d["distance"] == pytest.approx(1 / d["weight"], abs=2**-20)
        assert (d["distance"] * 2**20).is_integer()
    # Path lengths add up the same in any order (plain 1/w does not: (1 + 1) + 1/3 != 1 + (1 + 1/3)).
    assert (1.0 + 1.0) + 1 / 3 != 1.0 + (1.0 + 1 / 3)
    one, third = exact_distance(1), exact_distance(3)
    assert (one + one) + third == one + (one + third)


def test_co_mentions(kg):
    G = project(kg, with_comentions=True)
    d = G.edges[ANNA, FATIMA]
    assert d["relations"] == ["CO_MENTIONED"] and d["comentions"] == 2 and d["weight"] == 1
    assert d["evidence"] == [("a.txt", "")]
    W = project(kg, with_comentions=True, weighted=True)
    assert W.edges[ANNA, FATIMA]["weight"] == 2
    # Naming CO_MENTIONED among the relation types asks for co-mentions too.
    only = project(kg, relation_types=["CO_MENTIONED"])
    assert {frozenset(e) for e in only.edges} == {frozenset((ANNA, FATIMA))}


def test_type_filters(kg):
    G = project(kg, relation_types=["COLLABORATES_WITH"])
    assert [sorted(e) for e in G.edges] == [["gemeente:gm0193", "org:rijksuniversiteit-groningen"]]
    assert G.number_of_nodes() == len(kg.entities())
    P = project(kg, entity_types=["Municipality", "Organization"])
    assert all(P.nodes[v]["type"] in ("Municipality", "Organization") for v in P)
    assert {frozenset(e) for e in P.edges} == {
        frozenset(("gemeente:gm0363", VVS)),
        frozenset(("gemeente:gm0193", "org:rijksuniversiteit-groningen")),
    }
    with pytest.raises(ValueError, match="unknown relation type KNOWS"):
        project(kg, relation_types=["KNOWS"])
    with pytest.raises(ValueError, match="unknown entity type"):
        project(kg, entity_types="Company")


def test_date_window(kg):
    late = project(kg, since="2022")
    assert ANNA not in late  # only in a.txt, dated 2021
    assert late.has_edge("person:pieter-jansen", "gemeente:gm0193")  # b.txt, 2023
    assert late.has_edge("person:joost-bakker", "org:stichting-duinrand")  # c.txt, undated: kept
    assert late.graph["undated_documents"] == 1
    early = project(kg, until="2021-12")
    assert early.has_edge(ANNA, VVS) and "person:pieter-jansen" not in early
    both = project(kg, since="2021-03-01", until="2021-03-01")
    assert set(both.nodes) == set(early.nodes)
    with pytest.raises(ValueError, match="YYYY"):
        project(kg, since="1 maart")


def test_to_networkx_and_as_graph(kg):
    G = kg.to_networkx(weighted=True)
    H = project(kg, weighted=True)
    assert nx.utils.graphs_equal(G, H)
    assert as_graph(G) is G
    assert set(as_graph(kg)) == set(project(kg))
    with pytest.raises(TypeError):
        as_graph([1, 2])


def test_a_bare_store_is_refused(tmp_path):
    store = open_store(str(tmp_path / "g.db"), create=True)
    try:
        with pytest.raises(TypeError, match="KnowledgeGraph"):
            as_graph(store)
    finally:
        store.close()


def test_empty_graph():
    G = project(KnowledgeGraph.from_facts([]))
    assert G.number_of_nodes() == 0


def _stored(tmp_path, facts, **kwargs) -> KnowledgeGraph:
    store = open_store(str(tmp_path / "g.db"), create=True)
    for f in facts:
        store.upsert(f)
    return KnowledgeGraph(store, **kwargs)


@pytest.mark.parametrize("options", [{}, {"weighted": True, "with_comentions": True},
                                     {"relation_types": ["COLLABORATES_WITH", "CO_MENTIONED"]},
                                     {"since": "2022", "weighted": True, "with_comentions": True}])
def test_a_store_projects_from_keys_and_reads_evidence_only_when_looked_at(tmp_path, world, random_kg,
                                                                          options):
    facts = world + list(random_kg(5).facts)
    # a co-mention stated in two documents, and a relation whose evidence is below the threshold
    facts[1].co_mentions.append(CoMention(ANNA, FATIMA, 3, [facts[1].document.name]))
    facts[1].relations.append(Relation("MEMBER_OF", ANNA, VVS, confidence=0.1,
                                       evidence=[Evidence(facts[1].document.name, 0, 5, "Zwak.", "r", 0.1)]))
    kg = _stored(tmp_path, facts, min_confidence=0.2)
    statements: list[str] = []
    kg.store.conn.set_trace_callback(statements.append)
    G = project(kg, **options)
    if "since" in options:  # a window: only the documents inside it are read, not the whole store
        read = [s for s in statements if "FROM relation_records r CROSS JOIN" in s and "WHERE r.doc =" in s]
        assert len(read) == G.graph["undated_documents"] + 1 == 4  # b.txt, c.txt, g.txt, h.txt
    else:
        reads = [s for s in statements if "view_relations" in s or "view_co_mentions" in s]
        assert reads and not any("data" in s or "documents" in s for s in reads), reads
    assert not {"_relations", "facts"} & kg.__dict__.keys()
    statements.clear()
    u, v, d = next(iter(G.edges(data=True)))
    assert d["evidence"][0][0].endswith(".txt")
    assert any("data" in s for s in statements) or "since" in options  # read now, when looked at
    H = project(KnowledgeGraph.from_facts(facts, min_confidence=0.2), **options)
    assert nx.utils.graphs_equal(G, H)  # nodes, edges and attributes, the evidence compared as lists
    for u, v, d in G.edges(data=True):
        assert d["evidence"] == H.edges[u, v]["evidence"] == list(d["evidence"])
    if options.get("with_comentions") and "since" not in options:
        assert G.edges[ANNA, FATIMA]["evidence"] == [("a.txt", ""), (facts[1].document.name, "")]
