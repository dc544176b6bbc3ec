"""Network queries on a stakeholder graph: plain functions over one networkx projection.

    from stakegraph import KnowledgeGraph
    from stakegraph.queries import centrality, brokers, communities, shortest_paths

    kg = KnowledgeGraph("stakegraph.db")
    centrality(kg, "betweenness", type="Person", top=10)   # a pandas DataFrame
    G = kg.to_networkx(weighted=True)                       # or any projection option
    communities(G, "leiden", seed=1)

Every function takes a KnowledgeGraph (analysed through the default projection) or a graph
from `project`, and returns a DataFrame whose ``attrs`` say which backend ran and whether the
answer is approximate.
"""

from __future__ import annotations

import importlib
from typing import Any

# name -> the module defining it. Imported on first use (PEP 562), so `import stakegraph.queries.choices`
# (what the CLI does at start-up) does not load pandas and networkx through this package.
_WHERE = {
    "affiliation_graph": "affiliation", "interlocks": "affiliation",
    "IGRAPH_MIN_NODES": "backend", "BackendError": "backend",
    "bridges": "brokerage", "brokerage_roles": "brokerage", "brokers": "brokerage",
    "MEASURES": "choices", "centrality": "centrality", "describe": "centrality",
    "communities": "communities", "partition": "communities",
    "ego_graph": "ego", "ego_network": "ego",
    "NotInGraph": "lookup", "UnknownStakeholder": "lookup", "resolve": "lookup",
    "shortest_paths": "paths",
    "project": "projection",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = [
    "IGRAPH_MIN_NODES",
    "MEASURES",
    "BackendError",
    "NotInGraph",
    "UnknownStakeholder",
    "affiliation_graph",
    "bridges",
    "brokerage_roles",
    "brokers",
    "centrality",
    "communities",
    "describe",
    "ego_graph",
    "ego_network",
    "interlocks",
    "partition",
    "project",
    "resolve",
    "shortest_paths",
]
