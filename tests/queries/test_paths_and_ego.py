"""Paths between named stakeholders with the evidence of every hop, and ego networks."""

from __future__ import annotations

import pytest

from stakegraph.queries import NotInGraph, UnknownStakeholder, ego_graph, ego_network, project, shortest_paths

ANNA, FATIMA, JOOST = "person:anna-de-boer", "person:fatima-el-amrani", "person:joost-bakker"


def test_path_hops_carry_relation_and_evidence(kg):
    df = shortest_paths(kg, "Anna de Boer", "Fatima el Amrani")
    assert df.attrs["length"] == 5 and df.attrs["paths"] == 1
    assert list(df["source"]) == ["Anna de Boer", "Vereniging van Stadsbestuurders", "Pieter Jansen",
                                  "Zwolle", "Rijksuniversiteit Groningen"]
    assert list(df["target"])[-1] == "Fatima el Amrani"
    assert list(df["relation"]) == ["HOLDS_POSITION", "HOLDS_POSITION", "HOLDS_POSITION",
                                    "COLLABORATES_WITH", "HOLDS_POSITION"]
    first, second = df.iloc[0], df.iloc[1]
    assert first["sentence"] == "De Boer is voorzitter van de VvS."
    assert (first["document"], first["role"]) == ("a.txt", "voorzitter")
    assert not first["reversed"] and second["reversed"]  # Pieter holds the position, stated towards the VvS
    assert second["sentence"] == "Jansen is bestuurslid van de VvS."
    assert "1 shortest path(s) of 5 hop(s)" in df.attrs["message"]
    assert list(df["tie"]) == ["-HOLDS_POSITION->", "<-HOLDS_POSITION-", "-HOLDS_POSITION->",
                               "-COLLABORATES_WITH-", "<-HOLDS_POSITION-"]


def test_aliases_resolve_like_extraction(kg):
    df = shortest_paths(kg, "De Boer", "gemeente Zwolle")
    assert df.attrs["source"] == ANNA and df.attrs["target"] == "gemeente:gm0193"
    assert df.attrs["length"] == 3
    assert shortest_paths(kg, "VvS", "zwolle").attrs["length"] == 2


def test_co_mentions_shorten_the_path(kg):
    G = project(kg, with_comentions=True)
    df = shortest_paths(kg, "Anna de Boer", "Fatima el Amrani", graph=G)
    assert len(df) == 1 and df.iloc[0]["relation"] == "CO_MENTIONED" and df.iloc[0]["sentence"] is None


def test_several_shortest_paths_in_stable_order(kg):
    df = shortest_paths(kg, "Kees Visser", "Anna de Boer", max_paths=5)
    assert df.attrs["paths"] == 2 and df["path"].max() == 2
    assert list(df[df["hop"] == 1]["target"]) == ["Amsterdam", "Vereniging van Stadsbestuurders"]
    assert len(shortest_paths(kg, "Kees Visser", "Anna de Boer", max_paths=1)) == 2  # one path, two hops


def test_no_path_and_same_stakeholder(kg):
    df = shortest_paths(kg, "Anna de Boer", "Joost Bakker")
    assert df.empty and df.attrs["message"] == "no path between Anna de Boer and Joost Bakker"
    same = shortest_paths(kg, "Anna de Boer", "De Boer")
    assert same.empty and "same stakeholder" in same.attrs["message"]


def test_unknown_name_suggests(kg):
    with pytest.raises(UnknownStakeholder) as info:
        shortest_paths(kg, "Anna de Bor", "Zwolle")
    assert "Anna de Boer" in info.value.suggestions and "did you mean" in str(info.value)
    G = project(kg, entity_types=["Person", "Organization"])
    with pytest.raises(NotInGraph):
        shortest_paths(kg, "Anna de Boer", "Zwolle", graph=G)


def test_names_resolve_on_a_bare_graph(kg):
    G = project(kg)
    assert shortest_paths(G, "de boer", "GEMEENTE ZWOLLE").attrs["length"] == 3
    with pytest.raises(UnknownStakeholder) as info:
        shortest_paths(G, "Pieter Janssen", "Zwolle")
    assert info.value.suggestions[0] == "Pieter Jansen"


def test_ego_radius(kg):
    one = ego_network(kg, "VvS")
    assert one.iloc[0]["id"] == "org:vereniging-van-stadsbestuurders" and one.iloc[0]["distance"] == 0
    direct = set(one[one["distance"] == 1]["name"])
    assert direct == {"Anna de Boer", "Amsterdam", "Kees Visser", "Pieter Jansen"}
    assert one.attrs["nodes"] == 5 and one.attrs["radius"] == 1
    anna = one.set_index("id").loc[ANNA]
    assert anna["relations"] == ["HOLDS_POSITION"] and anna["degree"] == 2  # VvS and Amsterdam
    two = ego_network(kg, "VvS", radius=2)
    far = two[two["distance"] == 2].set_index("name")
    assert list(far.index) == ["Zwolle"] and far.loc["Zwolle", "via"] == ["Pieter Jansen"]
    assert FATIMA not in set(two["id"]) and JOOST not in set(two["id"])
    E = ego_graph(kg, "VvS", radius=2)
    assert set(E) == set(two["id"]) and E.graph["center"] == "org:vereniging-van-stadsbestuurders"
    with pytest.raises(ValueError):
        ego_graph(kg, "VvS", radius=0)
    with pytest.raises(UnknownStakeholder):
        ego_network(kg, "Vereniging van Bestuurders Zuid")
