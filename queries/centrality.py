"""Who is central: degree, betweenness, closeness, eigenvector, PageRank and harmonic centrality.

Every measure is networkx's, with networkx's default normalisation, so a number from stakegraph
can be checked with three lines of networkx on the exported JSON. The igraph backend (chosen
automatically above `backend.IGRAPH_MIN_NODES` nodes) computes the same quantities and rescales
them to networkx's conventions:

- degree: igraph degree / (n - 1);
- betweenness: igraph counts each unordered pair once, networkx each ordered pair, then divides
  by (n - 1)(n - 2);
- closeness: igraph uses only reachable nodes; networkx (Wasserman-Faust) also multiplies by the
  fraction of the graph that is reachable, (r - 1) / (n - 1), and gives isolated nodes 0;
- eigenvector: networkx iterates A + I from a vector of ones and scales to unit length; on a
  disconnected graph that converges to the sum of the dominant components' eigenvectors, each
  weighted by its sum, which is what this module computes per component with igraph;
- PageRank (alpha 0.85, uniform teleport and dangling) and harmonic (unnormalised): as is.

Betweenness is exact up to `EXACT_BETWEENNESS_MAX_NODES` nodes; above that, or whenever `k` is
given, it is estimated from `k` source nodes drawn with `random.Random(seed)`, exactly the
sample networkx draws, so both backends give the same estimate. The result says so in
``df.attrs["approximate"]``.

On a weighted projection (``G.graph["weighted"]``) PageRank and eigenvector read ``weight`` as
tie strength, and betweenness, closeness and harmonic read ``distance`` (= 1 / weight) as path
length; degree stays the plain degree centrality of networkx.
"""

from __future__ import annotations

import random
import warnings
from typing import Any

import networkx as nx
import pandas as pd

from .backend import choose, to_igraph
from .choices import MEASURES
from .frames import ranking
from .projection import as_graph, is_weighted

EXACT_BETWEENNESS_MAX_NODES = 20000
DEFAULT_SAMPLES = 500
EIGENVECTOR_MAX_ITER = 1000  # networkx's 100 is too few for some graphs; where 100 suffice, same result


def centrality(
    kg_or_graph: Any,
    measure: str = "degree",
    *,
    type: str | None = None,
    top: int | None = None,
    backend: str = "auto",
    k: int | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """Rank stakeholders by a centrality measure: columns id, name, type, score, rank.

    `kg_or_graph` is a KnowledgeGraph (default projection) or a projection from `project`.
    `type` ranks only that entity type but scores on the whole graph. `k` samples betweenness.
    ``df.attrs`` records measure, backend, approximate, k, seed, nodes, edges, weighted.
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure '{measure}' (known: {', '.join(MEASURES)})")
    G = as_graph(kg_or_graph)
    samples = _samples(G, measure, k)
    engine = choose(G, backend)
    if G.number_of_nodes() == 0:
        scores: dict[Any, float] = {}
    elif engine == "igraph":
        scores = _igraph(G, measure, samples, seed)
    else:
        scores = _networkx(G, measure, samples, seed)
    attrs = {
        "measure": measure,
        "backend": engine,
        "approximate": samples is not None,
        "k": samples,
        "seed": seed,
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "weighted": is_weighted(G),
    }
    return ranking(G, scores, type=type, top=top, attrs=attrs)


def describe(df: pd.DataFrame) -> str:
    """One line saying how a result was computed, for the CLI and notebooks."""
    a = df.attrs
    how = f"{a.get('measure', 'score')} by {a.get('backend', '?')}"
    if a.get("approximate"):
        how += f", approximate: {a.get('k')} sampled sources, seed {a.get('seed')}"
    else:
        how += ", exact"
    return f"{how} ({a.get('nodes', '?')} nodes, {a.get('edges', '?')} edges)"


def _samples(G: nx.Graph, measure: str, k: int | None) -> int | None:
    """How many sources to sample for betweenness, or None for an exact computation."""
    n = G.number_of_nodes()
    if k is not None:
        if measure != "betweenness":
            raise ValueError("k (sampled sources) applies to betweenness only")
        if k < 1:
            raise ValueError("k must be at least 1")
        return k if k < n else None
    if measure == "betweenness" and n > EXACT_BETWEENNESS_MAX_NODES:
        return min(DEFAULT_SAMPLES, n)
    return None


def _networkx(G: nx.Graph, measure: str, k: int | None, seed: int) -> dict[Any, float]:
    weighted = is_weighted(G)
    strength = "weight" if weighted else None
    length = "distance" if weighted else None
    if measure == "degree":
        return nx.degree_centrality(G)
    if measure == "betweenness":
        return nx.betweenness_centrality(G, k=k, seed=seed, weight=length)
    if measure == "closeness":
        return nx.closeness_centrality(G, distance=length)
    if measure == "harmonic":
        return nx.harmonic_centrality(G, distance=length)
    if measure == "eigenvector":
        return nx.eigenvector_centrality(G, max_iter=EIGENVECTOR_MAX_ITER, weight=strength)
    return nx.pagerank(G, weight=strength)


def _igraph(G: nx.Graph, measure: str, k: int | None, seed: int) -> dict[Any, float]:
    weighted = is_weighted(G)
    lengths = measure in ("betweenness", "closeness", "harmonic")
    attr = None if not weighted else "distance" if lengths else "weight"
    H, nodes = to_igraph(G, weight=attr)
    w = "weight" if attr else None
    n = len(nodes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # igraph warns on disconnected graphs; handled below
        if measure == "degree":
            values = [d / (n - 1) for d in H.degree()] if n > 1 else [1.0] * n
        elif measure == "betweenness":
            values = _igraph_betweenness(H, nodes, k, seed, w)
        elif measure == "closeness":
            sizes = _component_sizes(H)
            raw = H.closeness(normalized=True, weights=w)
            values = [0.0 if (c != c or n < 2) else c * (sizes[i] - 1) / (n - 1) for i, c in enumerate(raw)]
        elif measure == "harmonic":
            values = H.harmonic_centrality(normalized=False, weights=w)
        elif measure == "eigenvector":
            values = _igraph_eigenvector(H, w)
        else:
            values = H.pagerank(damping=0.85, weights=w)
    return {v: float(x) for v, x in zip(nodes, values, strict=True)}


def _igraph_betweenness(H: Any, nodes: list[Any], k: int | None, seed: int, w: str | None) -> list[float]:
    n = len(nodes)
    if k is None:
        raw = [2.0 * b for b in H.betweenness(directed=False, weights=w)]  # -> ordered pairs, as networkx
        return [b / ((n - 1) * (n - 2)) for b in raw] if n > 2 else raw
    # The same sample networkx draws for betweenness_centrality(G, k=k, seed=seed).
    sample = random.Random(seed).sample(nodes, k)
    index = {v: i for i, v in enumerate(nodes)}
    sources = [index[v] for v in sample]
    raw = [2.0 * b for b in H.betweenness(directed=False, weights=w, sources=sources)]
    if n <= 2:
        return raw
    chosen = set(sources)
    scale_source = 1.0 / ((k - 1) * (n - 2)) if k > 1 else float("nan")
    scale_other = 1.0 / (k * (n - 2))
    return [b * (scale_source if i in chosen else scale_other) for i, b in enumerate(raw)]


def _component_sizes(H: Any) -> list[int]:
    membership = H.connected_components().membership
    counts: dict[int, int] = {}
    for c in membership:
        counts[c] = counts.get(c, 0) + 1
    return [counts[c] for c in membership]


def _igraph_eigenvector(H: Any, w: str | None) -> list[float]:
    """networkx's limit on any graph: sum over dominant components of (1 . v_c) v_c, unit length."""
    import numpy as np

    components = [c for c in H.connected_components()]
    strength = H.strength(weights=w) if w else H.degree()
    # A component's leading eigenvalue is at most its largest (weighted) degree: visit the
    # promising ones first and stop once none can reach the best eigenvalue found.
    components.sort(key=lambda c: -max(strength[i] for i in c))
    best = -1.0
    dominant: list[tuple[list[int], Any]] = []
    for c in components:
        bound = max(strength[i] for i in c)
        if bound < best * (1 - 1e-9):
            break
        if len(c) == 1:
            lam, vec = 0.0, np.ones(1)
        else:
            sub = H.induced_subgraph(c)
            values, lam = sub.eigenvector_centrality(scale=True, weights=w, return_eigenvalue=True)
            vec = np.asarray(values, dtype=float)
        vec = vec / np.linalg.norm(vec)
        if lam > best * (1 + 1e-9):
            best, dominant = lam, [(c, vec)]
        elif lam >= best * (1 - 1e-9):
            dominant.append((c, vec))
    x = np.zeros(H.vcount())
    for c, vec in dominant:
        x[c] = vec * vec.sum()
    norm = np.linalg.norm(x)
    return list(x / norm) if norm else list(x)
