"""Who brokers between worlds: Burt's structural holes and Gould-Fernandez brokerage roles.

Burt's effective size and constraint (networkx's implementations) say how much a stakeholder's
contacts depend on it to reach each other. Gould and Fernandez (1989) split brokerage by group,
here the entity type: for every *open* two-path a -> b -> c (a != c, no tie a -> c), b is

- coordinator     when a, b and c are of one type;
- itinerant       when a and c share a type and b is of another (a consultant between peers);
- representative  when a shares b's type and c does not (b speaks for its group outwards);
- gatekeeper      when c shares b's type and a does not (b lets outsiders into its group);
- liaison         when all three types differ.

Gould-Fernandez is defined on directed ties, and a stakeholder graph's relations have a
grammatical direction (person HOLDS_POSITION organisation) rather than a direction of flow: a
person who holds two positions would, read literally, never receive anything and so never
broker. Hence two orientations:

- ``"symmetric"`` (default): every tie counts both ways, as UCINET and statnet do with
  undirected data. Each open pair {a, c} is then counted twice, once per direction: twice as
  coordinator, itinerant or liaison, or once as representative and once as gatekeeper.
- ``"relation"``: each relation as stated, source -> target; COLLABORATES_WITH and
  CO_MENTIONED both ways (read from the projection's ``arcs`` edge attribute).

Counts are those of statnet's ``sna::brokerage`` on the resulting directed graph.
`bridges` answers the analyst's question directly: who connects, say, municipalities to
organisations that have no tie of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from typing import Any

import networkx as nx
import pandas as pd

from ..graph.model import SYMMETRIC_RELATIONS
from .choices import BROKER_SCORES, ORIENTATIONS, ROLES
from .frames import ranking
from .projection import CO_MENTIONED, as_graph, is_weighted

_BOTH_WAYS = frozenset(SYMMETRIC_RELATIONS | {CO_MENTIONED})


def brokerage_roles(kg_or_graph: Any, *, orientation: str = "symmetric") -> dict[Any, dict[str, int]]:
    """Gould-Fernandez role counts per node, with entity type (node attribute ``type``) as group."""
    D = oriented(as_graph(kg_or_graph), orientation)
    group = {v: D.nodes[v].get("type") for v in D}
    succ = {v: set(D.successors(v)) - {v} for v in D}
    pred = {v: set(D.predecessors(v)) - {v} for v in D}
    roles: dict[Any, dict[str, int]] = {}
    for b in D:
        gb, into, out = group[b], pred[b], succ[b]
        c_in, c_out = Counter(group[a] for a in into), Counter(group[c] for c in out)
        both = into & out  # a == c is not a two-path
        same_both = sum(1 for a in both if group[a] == gb)
        other_in, other_out = len(into) - c_in[gb], len(out) - c_out[gb]
        shared_other = sum(n * c_out[g] for g, n in c_in.items() if g != gb)
        roles[b] = {
            "coordinator": c_in[gb] * c_out[gb] - same_both,
            "gatekeeper": other_in * c_out[gb],
            "representative": c_in[gb] * other_out,
            "itinerant": shared_other - (len(both) - same_both),
            "liaison": other_in * other_out - shared_other,
        }
    # Take out the closed two-paths: a -> b -> c where a -> c exists too.
    for a in D:
        for c in succ[a]:
            for b in succ[a] & pred[c]:
                if b != a and b != c:
                    roles[b][_role(group[a], group[b], group[c])] -= 1
    return roles


def brokers(
    kg_or_graph: Any,
    *,
    by: str = "effective_size",
    type: str | None = None,
    top: int | None = None,
    orientation: str = "symmetric",
) -> pd.DataFrame:
    """Stakeholders ranked as brokers: id, name, type, score, rank, then every brokerage column.

    `by` picks the score: ``effective_size`` (Burt, default), ``efficiency`` (effective size per
    contact), ``brokerage`` (all Gould-Fernandez roles), ``between_types`` (all roles but
    coordinator: pairs of another type or of two types) or one role. Constraint, where lower
    means more brokerage, is a column. Isolated stakeholders have no Burt scores (NaN).
    """
    if by not in BROKER_SCORES:
        raise ValueError(f"unknown broker score '{by}' (known: {', '.join(BROKER_SCORES)})")
    G = as_graph(kg_or_graph)
    weight = "weight" if is_weighted(G) else None
    effective = nx.effective_size(G, weight=weight) if len(G) else {}
    constraint = nx.constraint(G, weight=weight) if len(G) else {}
    roles = brokerage_roles(G, orientation=orientation)
    columns: dict[str, dict[Any, Any]] = {
        "effective_size": effective,
        "efficiency": {v: (effective[v] / G.degree(v) if G.degree(v) else float("nan")) for v in G},
        "constraint": constraint,
        "degree": dict(G.degree()),
    }
    for role in ROLES:
        columns[role] = {v: r[role] for v, r in roles.items()}
    columns["brokerage"] = {v: sum(r.values()) for v, r in roles.items()}
    columns["between_types"] = {v: sum(r.values()) - r["coordinator"] for v, r in roles.items()}
    attrs = {"measure": f"brokers by {by}", "backend": "networkx", "approximate": False,
             "orientation": orientation, "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    return ranking(G, columns[by], type=type, top=top, extra=columns, attrs=attrs)


def bridges(
    kg_or_graph: Any,
    between: tuple[str, str] | None = None,
    *,
    type: str | None = None,
    top: int | None = None,
    examples: int = 3,
) -> pd.DataFrame:
    """Who connects stakeholders of two types that have no tie of their own.

    Score: the number of unordered pairs {a, c} of neighbours, a of type ``between[0]`` and c
    of type ``between[1]`` (with no ``between``: any two different types), that are not tied
    to each other. Only stakeholders that link at least one such pair are listed, each with
    `examples` of its pairs for the analyst to check.
    """
    G = as_graph(kg_or_graph)
    group = {v: G.nodes[v].get("type") for v in G}

    def counts(a: Hashable, c: Hashable) -> bool:
        ga, gc = group[a], group[c]
        if between is None:
            return ga != gc
        return (ga, gc) == tuple(between) or (gc, ga) == tuple(between)

    score: dict[Any, int] = {}
    mix: dict[Any, str] = {}
    for b in G:
        nbrs = Counter(group[v] for v in G[b] if v != b)
        mix[b] = "; ".join(f"{g} {n}" for g, n in sorted(nbrs.items(), key=lambda kv: str(kv[0])))
        if between is None:
            total = len(G[b]) - (1 if b in G[b] else 0)
            score[b] = (total * total - sum(n * n for n in nbrs.values())) // 2
        elif between[0] == between[1]:
            n = nbrs[between[0]]
            score[b] = n * (n - 1) // 2
        else:
            score[b] = nbrs[between[0]] * nbrs[between[1]]
    for a, c in G.edges():
        if a != c and counts(a, c):
            for b in set(G[a]) & set(G[c]):
                if b != a and b != c:
                    score[b] -= 1
    attrs = {"measure": "bridges between " + (" and ".join(between) if between else "types"),
             "backend": "networkx", "approximate": False,
             "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    linking = {v: s for v, s in score.items() if s > 0}
    df = ranking(G, linking, type=type, top=top, extra={"neighbour_types": mix}, attrs=attrs)
    by_id = {str(v): v for v in G}  # the frame's id column holds str(node)
    df["examples"] = [_open_pairs(G, by_id[i], counts, examples) for i in df["id"]]
    return df


def oriented(G: nx.Graph, orientation: str = "symmetric") -> nx.DiGraph:
    """The directed graph brokerage roles are counted on (see the module docstring)."""
    if orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation '{orientation}' (known: {', '.join(ORIENTATIONS)})")
    if G.is_directed():
        return G
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        arcs = d.get("arcs")
        if orientation == "symmetric" or not arcs:
            D.add_edge(u, v)
            D.add_edge(v, u)
            continue
        for rtype, source, target, _role in arcs:
            D.add_edge(source, target)
            if rtype in _BOTH_WAYS:
                D.add_edge(target, source)
    return D


def _role(ga: Any, gb: Any, gc: Any) -> str:
    if ga == gb == gc:
        return "coordinator"
    if ga == gc:
        return "itinerant"
    if ga == gb:
        return "representative"
    if gb == gc:
        return "gatekeeper"
    return "liaison"


def _open_pairs(G: nx.Graph, node: Any, counts: Any, limit: int) -> list[str]:
    nbrs = sorted((v for v in G[node] if v != node), key=str)
    found: list[str] = []
    for i, a in enumerate(nbrs):
        for c in nbrs[i + 1:]:
            if counts(a, c) and not G.has_edge(a, c):
                found.append(f"{G.nodes[a].get('name', a)} / {G.nodes[c].get('name', c)}")
                if len(found) >= limit:
                    return found
    return found

