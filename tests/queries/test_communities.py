"""Communities: reproducible with a seed, modularity as networkx computes it, central members."""

from __future__ import annotations

import networkx as nx
import pytest

from stakegraph.queries import communities, partition

CLIQUE_A = [f"gemeente:gm{i:04d}" for i in range(1, 6)]
CLIQUE_B = [f"org:kennisinstelling-{i}" for i in range(1, 6)]


@pytest.fixture
def two_clusters(make_kg):
    nodes = {**dict.fromkeys(CLIQUE_A, "Municipality"), **dict.fromkeys(CLIQUE_B, "Organization"),
             "person:sanne-mulder": "Person"}
    edges = [(a, b) for i, a in enumerate(CLIQUE_A) for b in CLIQUE_A[i + 1:]]
    edges += [(a, b) for i, a in enumerate(CLIQUE_B) for b in CLIQUE_B[i + 1:]]
    edges += [("person:sanne-mulder", CLIQUE_A[0]), ("person:sanne-mulder", CLIQUE_B[0]),
              (CLIQUE_A[1], CLIQUE_B[1])]
    return make_kg(nodes, edges)


@pytest.mark.parametrize(("method", "backend"), [("louvain", "networkx"), ("louvain", "igraph"),
                                                  ("leiden", "auto")])
def test_finds_the_two_clusters(two_clusters, method, backend):
    if method == "leiden":
        pytest.importorskip("leidenalg")
    df = communities(two_clusters, method, seed=1, backend=backend)
    groups = [set(ids) for ids in df["member_ids"]]
    assert set(CLIQUE_A) <= groups[0] | groups[1] and set(CLIQUE_B) <= groups[0] | groups[1]
    assert not (set(CLIQUE_A) & groups[1]) or not (set(CLIQUE_A) & groups[0])
    assert df["size"].sum() == 11 and list(df["community"]) == list(range(1, len(df) + 1))
    assert list(df["size"]) == sorted(df["size"], reverse=True)
    expected = nx.community.modularity(nx.Graph(_edges(two_clusters)), groups)
    assert df.attrs["modularity"] == pytest.approx(expected)
    engines = {"networkx": "networkx", "igraph": "igraph", "auto": "igraph+leidenalg"}
    assert df.attrs["backend"] == engines[backend]


def _edges(kg):
    return [(r.source, r.target) for r in kg.relations()]


def test_most_central_member(two_clusters):
    df = communities(two_clusters, seed=1)
    for _, row in df.iterrows():
        # The clique member with the outside tie has most ties inside and out; ties: smallest id.
        if CLIQUE_B[0] in row["member_ids"]:
            assert row["central_id"] in (CLIQUE_B[0], CLIQUE_B[1])
            assert row["central_type"] == "Organization"
        assert row["central"] in row["members"]


@pytest.mark.parametrize("method", ["louvain", "leiden"])
def test_same_seed_same_communities(random_kg, method):
    if method == "leiden":
        pytest.importorskip("leidenalg")
    kg = random_kg(11)
    first = communities(kg, method, seed=5)
    again = communities(kg, method, seed=5)
    assert first.equals(again) and first.attrs["modularity"] == again.attrs["modularity"]
    parts, info = partition(kg, method, seed=5)
    assert [sorted(p) for p in parts] == [sorted(m) for m in first["member_ids"]]
    assert info["modularity"] == pytest.approx(nx.community.modularity(kg.to_networkx(), parts))


def test_min_size_and_resolution(random_kg):
    kg = random_kg(11)
    everything = communities(kg, seed=0)
    listed = communities(kg, seed=0, min_size=2)
    assert (listed["size"] >= 2).all() and len(listed) < len(everything)  # the random graph has isolates
    assert listed.attrs["modularity"] == everything.attrs["modularity"]
    finer = communities(kg, seed=0, resolution=4.0)
    assert finer.attrs["communities"] > everything.attrs["communities"]
    with pytest.raises(ValueError, match="unknown community method"):
        communities(kg, "girvan-newman")


def test_empty_graph():
    df = communities(nx.Graph())
    assert df.empty and df.attrs["modularity"] == 0.0
