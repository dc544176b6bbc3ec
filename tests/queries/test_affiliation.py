"""Interlocks: organisations through shared people, people through shared organisations."""

from __future__ import annotations

import networkx as nx
import pytest

from stakegraph.queries import affiliation_graph, interlocks, project


def test_organisations_share_people(kg):
    df = interlocks(kg)
    top = df.iloc[0]
    assert (top["source"], top["target"]) == ("Amsterdam", "Vereniging van Stadsbestuurders")
    assert top["weight"] == 2
    assert top["shared"] == ["Anna de Boer", "Kees Visser"]
    pairs = {(r.source, r.target): r.weight for r in df.itertuples()}
    assert pairs[("Zwolle", "Vereniging van Stadsbestuurders")] == 1
    assert pairs[("Energieloket Noord", "Rijksuniversiteit Groningen")] == 1  # through Fatima el Amrani
    assert len(pairs) == 3
    assert list(df["weight"]) == sorted(df["weight"], reverse=True)


def test_people_share_organisations(kg):
    df = interlocks(kg, "people")
    pairs = {frozenset((r.source, r.target)): (r.weight, r.shared) for r in df.itertuples()}
    both = (2, ["Amsterdam", "Vereniging van Stadsbestuurders"])
    assert pairs[frozenset(("Anna de Boer", "Kees Visser"))] == both
    assert pairs[frozenset(("Anna de Boer", "Pieter Jansen"))] == (1, ["Vereniging van Stadsbestuurders"])
    assert len(pairs) == 3
    assert len(interlocks(kg, "people", min_weight=2)) == 1
    assert len(interlocks(kg, "people", top=2)) == 2


def test_matches_networkx_bipartite_projection(random_kg):
    G = project(random_kg(9))
    people = {v for v in G if G.nodes[v]["type"] == "Person"}
    B = nx.Graph((u, v) for u, v in G.edges() if (u in people) != (v in people))
    others = {v for v in B if v not in people}
    want = nx.bipartite.weighted_projected_graph(B, others)
    got = affiliation_graph(G)
    assert {(frozenset(e), d["weight"]) for *e, d in got.edges(data=True)} == \
           {(frozenset(e), d["weight"]) for *e, d in want.edges(data=True)}
    with pytest.raises(ValueError, match="unknown affiliation mode"):
        affiliation_graph(G, "boards")


def test_relation_filter_narrows_to_positions(kg):
    G = project(kg, relation_types=["HOLDS_POSITION"])
    names = {frozenset((r.source, r.target)) for r in interlocks(G).itertuples()}
    assert frozenset(("Energieloket Noord", "Rijksuniversiteit Groningen")) not in names
