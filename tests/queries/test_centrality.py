"""Every centrality measure against independent computations: networkx run directly on the
exported JSON (read the obvious way) and igraph run directly on it, on random, disconnected
and tied graphs, with both backends of `centrality`."""

from __future__ import annotations

import importlib

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from stakegraph.knowledge import KnowledgeGraph
from stakegraph.queries import MEASURES, centrality, describe, project
from stakegraph.queries import backend as backend_module

# The package exports the function `centrality`, which hides the module of the same name.
centrality_module = importlib.import_module("stakegraph.queries.centrality")

REFERENCE = {
    "degree": nx.degree_centrality,
    "betweenness": nx.betweenness_centrality,
    "closeness": nx.closeness_centrality,
    "eigenvector": nx.eigenvector_centrality,
    "pagerank": nx.pagerank,
    "harmonic": nx.harmonic_centrality,
}
# networkx's eigenvector and PageRank stop at a tolerance of 1e-6 per node; igraph solves exactly.
TOLERANCE = {"eigenvector": 1e-4, "pagerank": 1e-5}


def json_graph(kg: KnowledgeGraph, weighted: bool = False) -> nx.Graph:
    """The exported interchange JSON read into networkx without any stakegraph code."""
    data = kg.to_json()
    G = nx.Graph()
    G.add_nodes_from(e["id"] for e in data["entities"])
    for r in data["relations"]:
        if r["source"] == r["target"]:
            continue
        if G.has_edge(r["source"], r["target"]):
            G.edges[r["source"], r["target"]]["weight"] += len(r["evidence"])
        else:
            G.add_edge(r["source"], r["target"], weight=len(r["evidence"]))
    if not weighted:
        nx.set_edge_attributes(G, 1, "weight")
    return G


def scores(df) -> dict[str, float]:
    return dict(zip(df["id"], df["score"], strict=True))


def assert_close(got: dict, want: dict, tol: float) -> None:
    assert set(got) == {str(v) for v in want}
    worst = max((abs(got[str(v)] - want[v]) for v in want), default=0.0)
    assert worst <= tol, worst


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("backend", ["networkx", "igraph"])
@pytest.mark.parametrize("measure", MEASURES)
def test_equals_networkx_on_exported_json(random_kg, seed, backend, measure):
    kg = random_kg(seed)
    df = centrality(kg, measure, backend=backend)
    want = REFERENCE[measure](json_graph(kg))
    tol = TOLERANCE.get(measure, 1e-12) if backend == "igraph" else 1e-9
    assert_close(scores(df), want, tol)
    assert df.attrs["backend"] == backend and df.attrs["approximate"] is False
    assert list(df.columns[:5]) == ["id", "name", "type", "score", "rank"]


def _igraph_direct(J: nx.Graph, measure: str) -> dict:
    """igraph on the JSON graph, rescaled to networkx's definitions here, independently."""
    nodes = list(J)
    H = ig.Graph.TupleList(J.edges(), directed=False, vertex_name_attr="name")
    H.add_vertices([v for v in nodes if v not in set(H.vs["name"])])
    n = H.vcount()
    name = H.vs["name"]
    if measure == "degree":
        values = [d / (n - 1) for d in H.degree()]
    elif measure == "betweenness":
        values = [b * 2 / ((n - 1) * (n - 2)) for b in H.betweenness()]
    elif measure == "closeness":
        reach = [len(H.subcomponent(i)) for i in range(n)]
        values = [0.0 if np.isnan(c) else c * (reach[i] - 1) / (n - 1)
                  for i, c in enumerate(H.closeness(normalized=True))]
    elif measure == "harmonic":
        values = H.harmonic_centrality(normalized=False)
    elif measure == "pagerank":
        values = H.pagerank()
    else:
        raw = np.array(H.eigenvector_centrality())
        values = list(raw / np.linalg.norm(raw))
    return dict(zip(name, values, strict=True))


@pytest.mark.parametrize("measure", MEASURES)
def test_equals_igraph_on_exported_json(random_kg, measure):
    kg = random_kg(5)
    J = json_graph(kg)
    if measure == "eigenvector":  # igraph's own answer is only defined on a connected graph
        J = J.subgraph(max(nx.connected_components(J), key=len)).copy()
    df = centrality(J, measure)
    assert_close(scores(df), _igraph_direct(J, measure), TOLERANCE.get(measure, 1e-9))


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_eigenvector_on_components_with_equal_leading_eigenvalue(make_kg, backend):
    # Two identical triangles (and a path): networkx splits the weight evenly between them;
    # a plain eigensolver would return any mix of the two.
    nodes = {f"org:o{i}": "Organization" for i in range(9)}
    edges = [("org:o0", "org:o1"), ("org:o1", "org:o2"), ("org:o0", "org:o2"),
             ("org:o3", "org:o4"), ("org:o4", "org:o5"), ("org:o3", "org:o5"),
             ("org:o6", "org:o7"), ("org:o7", "org:o8")]
    kg = make_kg(nodes, edges)
    got = scores(centrality(kg, "eigenvector", backend=backend))
    assert_close(got, nx.eigenvector_centrality(json_graph(kg)), 1e-4)
    assert got["org:o0"] == pytest.approx(got["org:o3"], abs=1e-9)


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
@pytest.mark.parametrize("measure", ["pagerank", "eigenvector", "betweenness", "closeness", "harmonic"])
def test_weighted_projection_uses_strength_and_length(random_kg, backend, measure):
    kg = random_kg(6)
    G = project(kg, weighted=True)
    J = json_graph(kg, weighted=True)
    for _, _, d in J.edges(data=True):
        d["distance"] = round(2**20 / d["weight"]) / 2**20
    want = {
        "pagerank": lambda: nx.pagerank(J, weight="weight"),
        "eigenvector": lambda: nx.eigenvector_centrality(J, weight="weight"),
        "betweenness": lambda: nx.betweenness_centrality(J, weight="distance"),
        "closeness": lambda: nx.closeness_centrality(J, distance="distance"),
        "harmonic": lambda: nx.harmonic_centrality(J, distance="distance"),
    }[measure]()
    tol = TOLERANCE.get(measure, 1e-12) if backend == "igraph" else 1e-9
    assert_close(scores(centrality(G, measure, backend=backend)), want, tol)
    assert centrality(G, measure).attrs["weighted"] is True


def test_ties_share_a_rank_and_are_ordered_by_id(make_kg):
    hub = "org:vereniging-midden"
    leaves = ["gemeente:gm0005", "gemeente:gm0001", "gemeente:gm0004", "gemeente:gm0002"]
    nodes = {hub: "Organization", **dict.fromkeys(leaves, "Municipality")}
    kg = make_kg(nodes, [(leaf, hub) for leaf in leaves])
    for backend in ("networkx", "igraph"):
        df = centrality(kg, "closeness", backend=backend)
        assert list(df["id"]) == [hub, *sorted(leaves)]
        assert list(df["rank"]) == [1, 2, 2, 2, 2]


def test_type_filters_ranking_not_graph(random_kg):
    kg = random_kg(1)
    everyone = centrality(kg, "betweenness")
    people = centrality(kg, "betweenness", type="Person", top=5)
    assert set(people["type"]) == {"Person"} and len(people) == 5
    full = scores(everyone)
    assert all(full[i] == s for i, s in scores(people).items())
    assert people["rank"].iloc[0] == 1
    assert list(people["id"]) == list(everyone[everyone["type"] == "Person"]["id"][:5])


@pytest.mark.parametrize("backend", ["networkx", "igraph"])
def test_sampled_betweenness_is_networkx_estimate(random_kg, backend):
    kg = random_kg(2)
    df = centrality(kg, "betweenness", k=20, seed=7, backend=backend)
    want = nx.betweenness_centrality(json_graph(kg), k=20, seed=7)
    assert_close(scores(df), want, 1e-12)
    assert df.attrs["approximate"] is True and df.attrs["k"] == 20
    assert "approximate" in describe(df) and backend in describe(df)
    exact = centrality(kg, "betweenness", k=10_000, backend=backend)  # k >= n: nothing to sample
    assert exact.attrs["approximate"] is False


def test_auto_backend_and_sampling_thresholds(random_kg, monkeypatch):
    kg = random_kg(1)
    assert centrality(kg, "pagerank").attrs["backend"] == "networkx"
    monkeypatch.setattr(backend_module, "IGRAPH_MIN_NODES", 10)
    assert centrality(kg, "pagerank").attrs["backend"] == "igraph"
    monkeypatch.setattr(centrality_module, "EXACT_BETWEENNESS_MAX_NODES", 10)
    monkeypatch.setattr(centrality_module, "DEFAULT_SAMPLES", 12)
    df = centrality(kg, "betweenness", seed=3)
    assert (df.attrs["approximate"], df.attrs["k"], df.attrs["backend"]) == (True, 12, "igraph")
    assert_close(scores(df), nx.betweenness_centrality(json_graph(kg), k=12, seed=3), 1e-12)


def test_bad_arguments_and_empty_graph():
    kg = KnowledgeGraph.from_facts([])
    df = centrality(kg, "pagerank")
    assert df.empty and list(df.columns) == ["id", "name", "type", "score", "rank"]
    with pytest.raises(ValueError, match="unknown measure"):
        centrality(kg, "popularity")
    with pytest.raises(ValueError, match="betweenness only"):
        centrality(nx.path_graph(3), "degree", k=2)
    with pytest.raises(ValueError, match="unknown backend"):
        centrality(nx.path_graph(3), "degree", backend="gpu")


def test_plain_networkx_graph_without_attributes():
    G = nx.karate_club_graph()
    nx.set_edge_attributes(G, 1, "weight")
    df = centrality(G, "betweenness", top=3)
    want = nx.betweenness_centrality(G)
    assert list(df["id"]) == [str(v) for v in sorted(want, key=lambda v: (-want[v], str(v)))[:3]]
    assert df["name"].tolist() == df["id"].tolist()
