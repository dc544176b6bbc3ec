"""Which clusters of stakeholders exist: Louvain (seeded, reproducible) or Leiden, with modularity.

Louvain is networkx's (the reference) and, above `backend.IGRAPH_MIN_NODES` nodes, igraph's
multilevel algorithm, seeded through a private RNG. Leiden (which guarantees connected
communities, unlike Louvain) runs on igraph through leidenalg; networkx has none of its own.
Communities are numbered by size, largest first, then by their smallest member id, so the same
graph and seed always give the same table.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import pandas as pd

from .backend import BackendError, choose, has_leidenalg, seeded_igraph, to_igraph
from .choices import METHODS
from .projection import as_graph, is_weighted

COMMUNITY_COLUMNS = ["community", "size", "central", "central_id", "central_type", "types",
                     "members", "member_ids"]


def partition(
    kg_or_graph: Any,
    method: str = "louvain",
    *,
    seed: int = 0,
    resolution: float = 1.0,
    backend: str = "auto",
) -> tuple[list[list[Any]], dict[str, Any]]:
    """Communities as sorted lists of nodes (largest first) and a dict saying how they were found."""
    if method not in METHODS:
        raise ValueError(f"unknown community method '{method}' (known: {', '.join(METHODS)})")
    G = as_graph(kg_or_graph)
    weight = "weight" if is_weighted(G) else None
    if method == "leiden":
        if not has_leidenalg():
            raise BackendError("Leiden needs the leidenalg and igraph packages (pip install leidenalg)")
        engine = "igraph+leidenalg"
        parts = _leiden(G, weight, seed, resolution) if len(G) else []
    else:
        engine = choose(G, backend)
        if not len(G):
            parts = []
        elif engine == "igraph":
            parts = _igraph_louvain(G, weight, seed, resolution)
        else:
            found = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
            parts = [list(c) for c in found]
    parts = sorted((sorted(c, key=str) for c in parts), key=lambda c: (-len(c), str(c[0])))
    quality = 0.0
    if G.number_of_edges():
        quality = nx.community.modularity(G, parts, weight=weight, resolution=resolution)
    info = {"method": method, "backend": engine, "approximate": False, "seed": seed, "resolution": resolution,
            "modularity": quality, "communities": len(parts), "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(), "weighted": weight is not None}
    return parts, info


def communities(
    kg_or_graph: Any,
    method: str = "louvain",
    *,
    seed: int = 0,
    resolution: float = 1.0,
    min_size: int = 1,
    backend: str = "auto",
) -> pd.DataFrame:
    """One row per community: number, size, most central member, type mix, members.

    The most central member is the one with most ties inside its community (then most ties
    overall, then smallest id): the stakeholder the cluster forms around. Communities smaller
    than `min_size` are not listed but count in the modularity (``df.attrs["modularity"]``).
    """
    G = as_graph(kg_or_graph)
    parts, info = partition(G, method, seed=seed, resolution=resolution, backend=backend)
    rows = []
    for number, members in enumerate(parts, start=1):
        if len(members) < min_size:
            continue
        inside = G.subgraph(members)
        central = min(members, key=lambda v: (-inside.degree(v), -G.degree(v), str(v)))
        types = Counter(str(G.nodes[v].get("type")) for v in members)
        rows.append({
            "community": number,
            "size": len(members),
            "central": str(G.nodes[central].get("name", central)),
            "central_id": str(central),
            "central_type": G.nodes[central].get("type"),
            "types": "; ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
            "members": [str(G.nodes[v].get("name", v)) for v in members],
            "member_ids": [str(v) for v in members],
        })
    df = pd.DataFrame(rows, columns=COMMUNITY_COLUMNS)
    df.attrs.update(info, min_size=min_size, listed=len(rows),
                    singletons=sum(1 for c in parts if len(c) == 1 and G.degree(c[0]) == 0),
                    in_small=sum(len(c) for c in parts if len(c) <= 3), parts=parts)
    return df


def community_bridges(
    G: nx.Graph, parts: list[list[Any]], per_pair: int = 2
) -> dict[int, list[dict[str, Any]]]:
    """For each community (numbered from 1 as `communities` numbers them), the communities it has
    ties to, most ties first, with up to `per_pair` of the ties that cross: the stakeholders on
    either side are the bridges an analyst reads the clusters' relation through."""
    where = {v: number for number, members in enumerate(parts, start=1) for v in members}
    crossing: dict[tuple[int, int], list[tuple[Any, Any]]] = {}
    for u, v in G.edges():
        a, b = where.get(u), where.get(v)
        if a is None or b is None or a == b:
            continue
        crossing.setdefault((a, b), []).append((u, v))
        crossing.setdefault((b, a), []).append((v, u))
    bridges: dict[int, list[dict[str, Any]]] = {}
    for (a, b), ties in crossing.items():
        ties = sorted(ties, key=lambda t: (-G.degree(t[0]) - G.degree(t[1]), str(t[0]), str(t[1])))
        for inside, outside in ties[:per_pair]:
            bridges.setdefault(a, []).append({
                "community": b, "ties": len(ties), "inside": str(G.nodes[inside].get("name", inside)),
                "outside": str(G.nodes[outside].get("name", outside)),
            })
    for found in bridges.values():
        found.sort(key=lambda r: (-r["ties"], r["community"]))
    return dict(sorted(bridges.items()))


def _leiden(G: nx.Graph, weight: str | None, seed: int, resolution: float) -> list[list[Any]]:
    import leidenalg

    H, nodes = to_igraph(G, weight=weight)
    found = leidenalg.find_partition(
        H, leidenalg.RBConfigurationVertexPartition, weights="weight" if weight else None,
        resolution_parameter=resolution, seed=seed,
    )
    return [[nodes[i] for i in c] for c in found]


def _igraph_louvain(G: nx.Graph, weight: str | None, seed: int, resolution: float) -> list[list[Any]]:
    H, nodes = to_igraph(G, weight=weight)
    with seeded_igraph(seed):
        found = H.community_multilevel(weights="weight" if weight else None, resolution=resolution)
    return [[nodes[i] for i in c] for c in found]
