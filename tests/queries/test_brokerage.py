"""Brokerage on a small graph whose answers were worked out by hand.

    P2 --- P1 --- O1 --- M4 --- O2 --- M3 --- M1
           |  \\                               |
           |   M2 ----------------------------'   (M1-M2 tied; P1-M1 tied as well)

Ties (stated direction for orientation="relation"):
  P1 -> M1, P1 -> M2, P1 -> O1 (HOLDS_POSITION); P1 <-> P2 (co-mentioned);
  M1 <-> M2, M1 <-> M3 (COLLABORATES_WITH); O1 -> M4, O2 -> M3, O2 -> M4 (LOCATED_IN).
P = Person, M = Municipality, O = Organization.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.knowledge import KnowledgeGraph
from stakegraph.queries import bridges, brokerage_roles, brokers, project
from stakegraph.queries.brokerage import ROLES, oriented

TYPES = {"P1": "Person", "P2": "Person", "M1": "Municipality", "M2": "Municipality", "M3": "Municipality",
         "M4": "Municipality", "O1": "Organization", "O2": "Organization"}
RELATIONS = [("HOLDS_POSITION", "P1", "M1"), ("HOLDS_POSITION", "P1", "M2"), ("HOLDS_POSITION", "P1", "O1"),
             ("COLLABORATES_WITH", "M1", "M2"), ("COLLABORATES_WITH", "M1", "M3"),
             ("LOCATED_IN", "O1", "M4"), ("LOCATED_IN", "O2", "M3"), ("LOCATED_IN", "O2", "M4")]


def _id(x: str) -> str:
    return {"P": "person:", "M": "gemeente:", "O": "org:"}[x[0]] + x.lower()


@pytest.fixture
def G() -> nx.Graph:
    d = Document(id="sha256:x", name="x.txt", path="/x.txt")
    entities = [Entity(id=_id(k), type=t, name=k, documents=["x.txt"], mentions=1) for k, t in TYPES.items()]
    relations = [Relation(type=t, source=_id(s), target=_id(g),
                          evidence=[Evidence("x.txt", i, i + 1, f"{s} {t} {g}.", "test")])
                 for i, (t, s, g) in enumerate(RELATIONS)]
    co = [CoMention(_id("P1"), _id("P2"), weight=1)]
    kg = KnowledgeGraph.from_facts([DocumentFacts(d, entities, relations, co)])
    return project(kg, with_comentions=True)


def _table(roles: dict) -> dict[str, tuple[int, ...]]:
    return {k: tuple(roles[_id(k)][r] for r in ROLES) for k in TYPES}


#                      coordinator, gatekeeper, representative, itinerant, liaison
SYMMETRIC = {"P1": (0, 3, 3, 0, 4), "P2": (0, 0, 0, 0, 0), "M1": (2, 1, 1, 0, 0), "M2": (0, 0, 0, 0, 0),
             "M3": (0, 1, 1, 0, 0), "M4": (0, 0, 0, 2, 0), "O1": (0, 0, 0, 0, 2), "O2": (0, 0, 0, 2, 0)}
AS_STATED = {"P1": (0, 0, 3, 0, 0), "P2": (0, 0, 0, 0, 0), "M1": (2, 1, 0, 0, 0), "M2": (0, 0, 0, 0, 0),
             "M3": (0, 1, 0, 0, 0), "M4": (0, 0, 0, 0, 0), "O1": (0, 0, 0, 0, 1), "O2": (0, 0, 0, 0, 0)}


def test_gould_fernandez_symmetric_by_hand(G):
    assert _table(brokerage_roles(G)) == SYMMETRIC


def test_gould_fernandez_as_stated_by_hand(G):
    assert _table(brokerage_roles(G, orientation="relation")) == AS_STATED


def _brute_force(D: nx.DiGraph) -> dict:
    """Every open two-path a -> b -> c, classified one by one (sna::brokerage's definition)."""
    g = {v: D.nodes[v].get("type") for v in D}
    out = {v: dict.fromkeys(ROLES, 0) for v in D}
    for b in D:
        for a, c in itertools.product(D.predecessors(b), D.successors(b)):
            if b in (a, c) or a == c or D.has_edge(a, c):
                continue
            if g[a] == g[b] == g[c]:
                role = "coordinator"
            elif g[a] == g[c]:
                role = "itinerant"
            elif g[a] == g[b]:
                role = "representative"
            elif g[b] == g[c]:
                role = "gatekeeper"
            else:
                role = "liaison"
            out[b][role] += 1
    return out


@pytest.mark.parametrize("orientation", ["symmetric", "relation"])
def test_counting_shortcut_equals_brute_force(random_kg, orientation):
    G = project(random_kg(8), with_comentions=True)
    assert brokerage_roles(G, orientation=orientation) == _brute_force(oriented(G, orientation))


def test_burt_measures_by_hand(G):
    df = brokers(G).set_index("id")
    # P1: 4 contacts, one tie among them (M1-M2): 4 - 2*1/4.
    assert df.loc[_id("P1"), "effective_size"] == pytest.approx(3.5)
    assert df.loc[_id("M1"), "effective_size"] == pytest.approx(3 - 2 / 3)
    assert df.loc[_id("O1"), "effective_size"] == pytest.approx(2.0)
    # Constraint of P1: (1/4 + 1/4*1/2)^2 + (1/4 + 1/4*1/3)^2 + (1/4)^2 + (1/4)^2.
    assert df.loc[_id("P1"), "constraint"] == pytest.approx(9 / 64 + 1 / 9 + 1 / 16 + 1 / 16)
    assert df.loc[_id("P1"), "efficiency"] == pytest.approx(3.5 / 4)


def test_brokers_ranking(G):
    df = brokers(G)
    assert df.iloc[0]["id"] == _id("P1") and df.iloc[0]["score"] == pytest.approx(3.5)
    assert list(df["score"]) == sorted(df["score"], reverse=True)
    liaison = brokers(G, by="liaison", top=2)
    assert list(liaison["id"]) == [_id("P1"), _id("O1")] and list(liaison["score"]) == [4, 2]
    between = brokers(G, by="between_types").set_index("id")
    assert between.loc[_id("M1"), "score"] == 2  # its two coordinator paths do not count
    assert set(brokers(G, type="Municipality")["type"]) == {"Municipality"}
    with pytest.raises(ValueError, match="unknown broker score"):
        brokers(G, by="charisma")
    with pytest.raises(ValueError, match="unknown orientation"):
        brokers(G, orientation="sideways")


def test_bridges_by_hand(G):
    df = bridges(G, ("Municipality", "Organization"))
    assert dict(zip(df["id"], df["score"], strict=True)) == {_id("P1"): 2, _id("M3"): 1}
    assert df.iloc[0]["examples"] == ["M1 / O1", "M2 / O1"]
    assert bridges(G, ("Organization", "Municipality"))["score"].tolist() == df["score"].tolist()
    # Any two types: P1 links 5 unconnected pairs of different types out of its 6 pairs.
    anyway = bridges(G).set_index("id")
    assert anyway.loc[_id("P1"), "score"] == 5
    assert _id("O2") not in anyway.index  # M3 and M4 share a type: O2 links no two types
    assert anyway.loc[_id("P1"), "neighbour_types"] == "Municipality 2; Organization 1; Person 1"


def test_isolated_stakeholder_has_no_burt_scores():
    G = nx.Graph()
    G.add_node("org:eenling", type="Organization", name="Eenling")
    G.add_edge("a", "b")
    df = brokers(G).set_index("id")
    assert df.loc["org:eenling", "effective_size"] != df.loc["org:eenling", "effective_size"]  # NaN
    assert df.iloc[-1].name == "org:eenling"  # unscored rows go last
