"""Affiliation projections: organisations tied through shared people, people through shared bodies.

The person-organisation graph (positions, participations) is two-mode; the classic readings of
it are one-mode: interlocks (two organisations share a director, an alderman, a researcher) and
co-affiliation (two people sit in the same bodies). Weights count what is shared, and the
shared names are listed, so every tie in the result can be traced back.

The organisation side is every stakeholder that is not a Person (organisations, municipalities,
provinces, regions, initiatives); the ties are the projection's person-to-other edges. Narrow
either with the projection options (``relation_types=["HOLDS_POSITION"]`` for interlocking
positions only, ``entity_types=...``).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx
import pandas as pd

from .choices import MODES
from .lookup import label
from .projection import as_graph

PERSON = "Person"
INTERLOCK_COLUMNS = ["source", "target", "weight", "shared", "source_type", "target_type",
                     "source_id", "target_id", "shared_ids"]


def affiliation_graph(kg_or_graph: Any, mode: str = "organizations", *, min_weight: int = 1) -> nx.Graph:
    """The one-mode projection: nodes of one side, ``weight`` = how many of the other side they share.

    Edge attribute ``shared`` lists the shared nodes; node attributes are copied over.
    """
    if mode not in MODES:
        raise ValueError(f"unknown affiliation mode '{mode}' (known: {', '.join(MODES)})")
    G = as_graph(kg_or_graph)

    def is_person(v: Any) -> bool:
        return G.nodes[v].get("type") == PERSON

    shared: dict[tuple[Any, Any], list[Any]] = defaultdict(list)
    hubs = [v for v in G if is_person(v)] if mode == "organizations" else [v for v in G if not is_person(v)]
    for hub in sorted(hubs, key=str):
        side = sorted((v for v in G[hub] if is_person(v) != is_person(hub)), key=str)
        for u, v in combinations(side, 2):
            shared[(u, v)].append(hub)
    P = nx.Graph(mode=mode)
    P.add_nodes_from((v, G.nodes[v]) for v in G if is_person(v) == (mode == "people"))
    for (u, v), via in sorted(shared.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        if len(via) >= min_weight:
            P.add_edge(u, v, weight=len(via), shared=list(via))
    return P


def interlocks(
    kg_or_graph: Any,
    mode: str = "organizations",
    *,
    min_weight: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """One row per tied pair, heaviest first: source, target, weight, shared names (and ids, types)."""
    G = as_graph(kg_or_graph)
    P = affiliation_graph(G, mode, min_weight=min_weight)
    rows = []
    for u, v, d in P.edges(data=True):
        rows.append({
            "source": label(P, u),
            "target": label(P, v),
            "weight": d["weight"],
            "shared": [label(G, x) for x in d["shared"]],
            "source_type": P.nodes[u].get("type"),
            "target_type": P.nodes[v].get("type"),
            "source_id": str(u),
            "target_id": str(v),
            "shared_ids": [str(x) for x in d["shared"]],
        })
    rows.sort(key=lambda r: (-r["weight"], r["source"], r["target"], r["source_id"], r["target_id"]))
    df = pd.DataFrame(rows[:top] if top is not None else rows, columns=INTERLOCK_COLUMNS)
    df.attrs.update(mode=mode, min_weight=min_weight, pairs=len(rows), nodes=P.number_of_nodes(),
                    backend="networkx", approximate=False)
    return df

