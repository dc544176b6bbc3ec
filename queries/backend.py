"""Which engine runs a query: networkx (the reference) or igraph (the fast one for big graphs).

networkx is pure Python and 15-60x slower than igraph's C core on graphs of 10k+ nodes, so
above `IGRAPH_MIN_NODES` the "auto" backend hands the work to igraph. Both give the same numbers
(the tests hold them to that); every result records which one ran.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import networkx as nx

from .choices import BACKENDS

IGRAPH_MIN_NODES = 5000  # above this many nodes "auto" uses igraph


class BackendError(RuntimeError):
    """A backend was asked for that cannot run here; the message says what to install."""


def has_igraph() -> bool:
    return importlib.util.find_spec("igraph") is not None


def has_leidenalg() -> bool:
    return importlib.util.find_spec("leidenalg") is not None and has_igraph()


def choose(G: nx.Graph, backend: str = "auto") -> str:
    """The backend that will run: 'networkx' or 'igraph'."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend '{backend}' (known: {', '.join(BACKENDS)})")
    simple = not G.is_directed() and not G.is_multigraph()
    if backend == "igraph":
        if not has_igraph():
            raise BackendError("the igraph backend needs the igraph package (pip install igraph)")
        if not simple:
            raise BackendError("the igraph backend takes undirected simple graphs only")
        return "igraph"
    if backend == "auto" and simple and G.number_of_nodes() > IGRAPH_MIN_NODES and has_igraph():
        return "igraph"
    return "networkx"


def to_igraph(G: nx.Graph, *, weight: str | None = None) -> tuple[Any, list[Any]]:
    """`G` as an igraph graph with vertices in `list(G)` order (returned too), so results map back.

    Only the topology and, when asked, one edge attribute (as igraph's "weight") are copied:
    that is all the measures read, and copying attribute dicts would cost more than the measure.
    """
    import igraph as ig

    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in G.edges()]
    H = ig.Graph(n=len(nodes), edges=edges, directed=False)
    if weight is not None:
        H.es["weight"] = [float(d.get(weight, 1.0)) for _, _, d in G.edges(data=True)]
    return H, nodes


class seeded_igraph:
    """Context manager: igraph draws from a private `random.Random(seed)`, then back to the default.

    igraph's randomised algorithms (Louvain) use a Python RNG; seeding a private one keeps
    results reproducible without touching the caller's global `random` state.
    """

    def __init__(self, seed: int | None) -> None:
        self.seed = seed

    def __enter__(self) -> None:
        import random

        import igraph as ig

        ig.set_random_number_generator(random.Random(self.seed))

    def __exit__(self, *exc: object) -> None:
        import random

        import igraph as ig

        ig.set_random_number_generator(random)
