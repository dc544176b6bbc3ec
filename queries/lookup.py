"""Stakeholders named the way people name them ("De Boer", "VvS", "gemeente Zwolle") -> node ids.

With a knowledge graph the lookup is `kg.find`, the alias logic extraction uses; with a bare
networkx projection it is the same normalisation (`name_key`) over the nodes' name and aliases,
so a notebook holding only the graph resolves names exactly as the CLI does.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..graph.names import name_key
from ..graph.similar import closest


class UnknownStakeholder(LookupError):
    """No stakeholder has this name; `suggestions` holds the closest known names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"no stakeholder named '{name}'{hint}")


class NotInGraph(LookupError):
    """The stakeholder exists but the projection left it out (e.g. by --entity-types)."""

    def __init__(self, name: str, node: str) -> None:
        self.name = name
        self.node = node
        super().__init__(
            f"'{name}' ({node}) is not in the analysed graph; check --entity-types and the date window"
        )


def resolve(source: Any, name: str, graph: nx.Graph | None = None) -> str:
    """The node id of `name` in `graph` (default: `source` when it is a graph).

    `source` is a KnowledgeGraph (names resolved with `kg.find`) or a networkx projection.
    Raises UnknownStakeholder (with suggestions) or NotInGraph.
    """
    G = graph if graph is not None else source if isinstance(source, nx.Graph) else None
    if isinstance(source, nx.Graph):
        node = _find_in_graph(source, name)
        if node is None:
            raise UnknownStakeholder(name, _suggest_in_graph(source, name))
    else:
        entity = source.find(name)
        if entity is None:
            raise UnknownStakeholder(name, source.suggest(name))
        node = entity.id
    if G is not None and node not in G:
        raise NotInGraph(name, node)
    return node


def label(G: nx.Graph, node: Any) -> str:
    """A node's display name (its id when the graph carries no names)."""
    return str(G.nodes[node].get("name", node)) if node in G else str(node)


def _find_in_graph(G: nx.Graph, name: str) -> Any:
    if name in G:
        return name
    key = name_key(name)
    hits = [
        v for v, d in G.nodes(data=True)
        if key in {name_key(n) for n in (d.get("name", str(v)), *(d.get("aliases") or ()))}
    ]
    if not hits:
        return None
    # As kg.find: an ambiguous name means the most mentioned stakeholder.
    return max(hits, key=lambda v: (G.nodes[v].get("mentions", 0), str(v)))


def _suggest_in_graph(G: nx.Graph, name: str, n: int = 5) -> list[str]:
    names = {str(v): (str(d.get("name", v)), *(d.get("aliases") or ())) for v, d in G.nodes(data=True)}
    nodes = {str(v): v for v in G}
    return list(dict.fromkeys(label(G, nodes[k]) for k in closest(name, names, n=n)))
