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

from .affiliation import affiliation_graph, interlocks
from .backend import IGRAPH_MIN_NODES, BackendError
from .brokerage import bridges, brokerage_roles, brokers
from .centrality import MEASURES, centrality, describe
from .communities import communities, partition
from .ego import ego_graph, ego_network
from .lookup import NotInGraph, UnknownStakeholder, resolve
from .paths import shortest_paths
from .projection import project

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
