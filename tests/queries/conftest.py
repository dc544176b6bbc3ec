"""Stakeholder graphs built in memory for the query tests (invented Dutch-looking names only).

`world`: a small graph whose answers can be worked out by hand (paths, ego networks, interlocks,
date windows). `make_kg`: knowledge graphs from any list of edges, to compare measures with
independent computations on random, disconnected and tied graphs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

import networkx as nx
import pytest

from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.knowledge import KnowledgeGraph

TYPES = ("Person", "Municipality", "Organization", "Initiative", "Region", "Province")
RELATION_FOR = {  # a plausible relation type for an edge between two entity types
    "Person": "HOLDS_POSITION",
    "Municipality": "MEMBER_OF",
    "Organization": "COLLABORATES_WITH",
    "Initiative": "PARTICIPATES_IN",
    "Region": "LOCATED_IN",
    "Province": "LOCATED_IN",
}


def evidence(document: str, sentence: str, start: int = 0) -> Evidence:
    return Evidence(document=document, start=start, end=start + len(sentence), sentence=sentence,
                    rule="test", confidence=0.8)


def doc(name: str, date: str | None = None) -> Document:
    return Document(id=f"sha256:{name}", name=name, path=f"/corpus/{name}", date=date)


WORLD_ENTITIES = {
    "person:anna-de-boer": ("Person", "Anna de Boer", ["De Boer"]),
    "person:pieter-jansen": ("Person", "Pieter Jansen", ["Jansen"]),
    "person:fatima-el-amrani": ("Person", "Fatima el Amrani", ["El Amrani"]),
    "person:kees-visser": ("Person", "Kees Visser", []),
    "person:joost-bakker": ("Person", "Joost Bakker", []),
    "gemeente:gm0363": ("Municipality", "Amsterdam", ["gemeente Amsterdam"]),
    "gemeente:gm0193": ("Municipality", "Zwolle", ["gemeente Zwolle"]),
    "org:rijksuniversiteit-groningen": ("Organization", "Rijksuniversiteit Groningen", ["RUG"]),
    "org:vereniging-van-stadsbestuurders": ("Organization", "Vereniging van Stadsbestuurders", ["VvS"]),
    "org:stichting-duinrand": ("Organization", "Stichting Duinrand", []),
    "initiative:energieloket-noord": ("Initiative", "Energieloket Noord", []),
}

# (document, type, source, target, role, sentence)
WORLD_RELATIONS = [
    ("a.txt", "HOLDS_POSITION", "person:anna-de-boer", "gemeente:gm0363", "wethouder",
     "Anna de Boer is wethouder van Amsterdam."),
    ("a.txt", "HOLDS_POSITION", "person:anna-de-boer", "org:vereniging-van-stadsbestuurders", "voorzitter",
     "De Boer is voorzitter van de VvS."),
    ("a.txt", "MEMBER_OF", "gemeente:gm0363", "org:vereniging-van-stadsbestuurders", None,
     "Amsterdam is lid van de Vereniging van Stadsbestuurders."),
    ("a.txt", "HOLDS_POSITION", "person:kees-visser", "gemeente:gm0363", "raadslid",
     "Kees Visser is raadslid in Amsterdam."),
    ("a.txt", "HOLDS_POSITION", "person:kees-visser", "org:vereniging-van-stadsbestuurders", "penningmeester",
     "Visser is penningmeester van de VvS."),
    ("b.txt", "HOLDS_POSITION", "person:pieter-jansen", "gemeente:gm0193", "gemeentesecretaris",
     "Pieter Jansen, gemeentesecretaris van Zwolle, opende het congres."),
    ("b.txt", "HOLDS_POSITION", "person:pieter-jansen", "org:vereniging-van-stadsbestuurders", "bestuurslid",
     "Jansen is bestuurslid van de VvS."),
    ("b.txt", "HOLDS_POSITION", "person:fatima-el-amrani", "org:rijksuniversiteit-groningen", "onderzoeker",
     "Fatima el Amrani is onderzoeker aan de RUG."),
    ("c.txt", "COLLABORATES_WITH", "org:rijksuniversiteit-groningen", "gemeente:gm0193", None,
     "De RUG werkt samen met de gemeente Zwolle."),
    ("c.txt", "PARTICIPATES_IN", "person:fatima-el-amrani", "initiative:energieloket-noord", None,
     "El Amrani doet mee aan Energieloket Noord."),
    ("c.txt", "HOLDS_POSITION", "person:joost-bakker", "org:stichting-duinrand", "directeur",
     "Joost Bakker is directeur van Stichting Duinrand."),
]
WORLD_DATES = {"a.txt": "2021-03-01", "b.txt": "2023-06-15", "c.txt": None}


def world_facts() -> list[DocumentFacts]:
    """Three documents: a.txt (2021), b.txt (2023), c.txt (undated)."""
    out = []
    for name, date in WORLD_DATES.items():
        rels = [r for r in WORLD_RELATIONS if r[0] == name]
        ids = sorted({x for r in rels for x in (r[2], r[3])})
        if name == "a.txt":
            ids = sorted(set(ids) | {"person:fatima-el-amrani"})  # named in a.txt together with Anna
        entities = [Entity(id=i, type=WORLD_ENTITIES[i][0], name=WORLD_ENTITIES[i][1],
                           aliases=list(WORLD_ENTITIES[i][2]), documents=[name], mentions=2) for i in ids]
        relations = [
            Relation(type=t, source=s, target=g, role=role, status="current" if role else None,
                     confidence=0.8, evidence=[evidence(name, sentence, start=10 * k)])
            for k, (_, t, s, g, role, sentence) in enumerate(rels)
        ]
        co = []
        if name == "a.txt":
            co = [CoMention("person:anna-de-boer", "person:fatima-el-amrani", weight=2)]
        out.append(DocumentFacts(document=doc(name, date), entities=entities, relations=relations,
                                 co_mentions=co))
    return out


def facts_from_edges(
    nodes: dict[str, str], edges: Iterable[tuple[str, str]], *, document: str = "g.txt",
    relation: Callable[[str, str], str] | None = None,
) -> list[DocumentFacts]:
    """One document holding these entities (id -> type) and one relation per edge."""
    entities = [Entity(id=i, type=t, name=i.split(":", 1)[-1].replace("-", " ").title(), documents=[document],
                       mentions=1) for i, t in nodes.items()]
    relations = []
    for k, (s, t) in enumerate(edges):
        rtype = relation(s, t) if relation else RELATION_FOR[nodes[t]]
        relations.append(Relation(type=rtype, source=s, target=t, confidence=0.7,
                                  evidence=[evidence(document, f"{s} en {t} werken samen.", start=k)]))
    return [DocumentFacts(document=doc(document), entities=entities, relations=relations)]


def random_graph_facts(seed: int, n: int = 60, m: int = 90) -> list[DocumentFacts]:
    """A random graph with a second component, an identical twin of it, isolated nodes, a self
    relation and pairs tied by two relation types: everything the projection must handle."""
    rng = random.Random(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    G = nx.disjoint_union(G, nx.cycle_graph(4))  # two identical 4-cycles: equal eigenvector weight
    G = nx.disjoint_union(G, nx.cycle_graph(4))
    G.add_nodes_from(range(len(G), len(G) + 3))  # isolated
    ids = {v: f"org:stichting-{v:03d}" for v in G}
    nodes = {ids[v]: rng.choice(TYPES) for v in G}
    edges = [(ids[u], ids[v]) if rng.random() < 0.5 else (ids[v], ids[u]) for u, v in G.edges()]
    extra = [(ids[u], ids[v]) for u, v in list(G.edges())[:5]]  # a second relation type on some pairs
    facts = facts_from_edges(nodes, edges)
    more = facts_from_edges(nodes, extra + [(ids[0], ids[0])], document="h.txt",
                            relation=lambda s, t: "COLLABORATES_WITH" if s != t else "MEMBER_OF")
    return facts + more


@pytest.fixture
def world() -> list[DocumentFacts]:
    return world_facts()


@pytest.fixture
def kg(world: list[DocumentFacts]) -> KnowledgeGraph:
    return KnowledgeGraph.from_facts(world)


@pytest.fixture
def make_kg() -> Callable[..., KnowledgeGraph]:
    def make(nodes: dict[str, str], edges: Iterable[tuple[str, str]], **kwargs) -> KnowledgeGraph:
        return KnowledgeGraph.from_facts(facts_from_edges(nodes, edges, **kwargs))

    return make


@pytest.fixture
def random_kg() -> Callable[[int], KnowledgeGraph]:
    return lambda seed: KnowledgeGraph.from_facts(random_graph_facts(seed))
