"""A stakeholder's own network: everyone within one or two ties, and how they are reached.

Radius 1 is who a stakeholder deals with directly; radius 2 adds who those contacts bring
within reach, which is where the interesting introductions are. Beyond two hops a stakeholder
graph of a few documents is mostly "everyone", so the CLI stops at 2.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from .lookup import label, resolve
from .projection import as_graph

EGO_COLUMNS = ["id", "name", "type", "distance", "relations", "via", "degree"]


def ego_graph(kg_or_graph: Any, name: str, radius: int = 1, *, graph: nx.Graph | None = None) -> nx.Graph:
    """The subgraph of everyone within `radius` ties of `name` (ties among them included)."""
    if radius < 1:
        raise ValueError("radius must be at least 1")
    G = graph if graph is not None else as_graph(kg_or_graph)
    center = resolve(kg_or_graph, name, G)
    E = nx.ego_graph(G, center, radius=radius)
    E.graph.update(center=center, radius=radius)
    return E


def ego_network(
    kg_or_graph: Any, name: str, radius: int = 1, *, graph: nx.Graph | None = None
) -> pd.DataFrame:
    """One row per member of the ego network, the centre first, then by distance and name.

    ``relations``: the relation types tying a direct contact to the centre; ``via``: for members
    two ties away, the direct contacts through whom they are reached. ``degree`` counts ties
    inside the ego network. ``df.attrs`` holds centre, radius, nodes, edges, density.
    """
    G = graph if graph is not None else as_graph(kg_or_graph)
    E = ego_graph(kg_or_graph, name, radius, graph=G)
    center = E.graph["center"]
    distance = nx.single_source_shortest_path_length(E, center, cutoff=radius)
    rows = []
    for v, dist in distance.items():
        d = E.nodes[v]
        via = sorted({label(E, u) for u in E[v] if distance.get(u) == dist - 1}) if dist > 1 else []
        rows.append({
            "id": str(v),
            "name": label(E, v),
            "type": d.get("type"),
            "distance": dist,
            "relations": list(E.edges[center, v].get("relations") or []) if dist == 1 else [],
            "via": via,
            "degree": E.degree(v),
        })
    rows.sort(key=lambda r: (r["distance"], r["name"], r["id"]))
    df = pd.DataFrame(rows, columns=EGO_COLUMNS)
    df.attrs.update(center=str(center), name=label(E, center), radius=radius, nodes=E.number_of_nodes(),
                    edges=E.number_of_edges(), density=nx.density(E), backend="networkx", approximate=False)
    return df
