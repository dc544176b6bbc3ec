"""How two stakeholders are connected: the shortest chains of ties, each hop with its evidence.

A path is only useful to an analyst if each step can be checked, so every hop carries the
relation it rests on, in the direction the text states it, and one sentence that states it
(the first piece of evidence of the hop's first relation; see `projection`). The ``tie`` column
reads along the path: ``-HOLDS_POSITION->`` as stated, ``<-MEMBER_OF-`` stated the other way
round, ``-COLLABORATES_WITH-`` for symmetric ties. Paths count hops,
also on a weighted projection: "how many handshakes apart" is the question asked.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

import networkx as nx
import pandas as pd

from ..graph.model import SYMMETRIC_RELATIONS
from .lookup import label, resolve
from .projection import CO_MENTIONED, as_graph

PATH_COLUMNS = ["path", "hop", "source", "tie", "target", "relation", "role", "reversed", "document",
                "sentence", "source_id", "target_id", "relations"]
_BOTH_WAYS = frozenset(SYMMETRIC_RELATIONS | {CO_MENTIONED})
_ENUMERATE_AT_MOST = 1000  # shortest paths collected before sorting; enough to order them stably


def shortest_paths(
    kg_or_graph: Any,
    a: str,
    b: str,
    *,
    graph: nx.Graph | None = None,
    max_paths: int = 5,
) -> pd.DataFrame:
    """All shortest paths from `a` to `b` (names, aliases or ids), at most `max_paths`, one row per hop.

    `kg_or_graph` resolves the names (a KnowledgeGraph: `kg.find`); `graph` is the projection
    to search (default: the default projection). Unknown names raise `UnknownStakeholder`.
    With no path the frame is empty and ``df.attrs["message"]`` says "no path between A and B".
    """
    G = graph if graph is not None else as_graph(kg_or_graph)
    s, t = resolve(kg_or_graph, a, G), resolve(kg_or_graph, b, G)
    attrs: dict[str, Any] = {"source": s, "target": t, "backend": "networkx", "approximate": False}
    if s == t:
        attrs.update(length=0, paths=0, message=f"'{a}' and '{b}' are the same stakeholder ({s})")
        return _frame([], attrs)
    try:
        found = list(islice(nx.all_shortest_paths(G, s, t), max(_ENUMERATE_AT_MOST, max_paths)))
    except nx.NetworkXNoPath:
        attrs.update(length=None, paths=0, message=f"no path between {label(G, s)} and {label(G, t)}")
        return _frame([], attrs)
    found.sort(key=lambda p: ([label(G, v) for v in p], [str(v) for v in p]))
    chosen = found[:max_paths]
    rows = [
        _hop(G, i, j, u, v)
        for i, p in enumerate(chosen, start=1)
        for j, (u, v) in enumerate(zip(p, p[1:], strict=False), start=1)
    ]
    more = " or more" if len(found) >= _ENUMERATE_AT_MOST else ""
    attrs.update(length=len(chosen[0]) - 1, paths=len(found),
                 message=f"{len(found)}{more} shortest path(s) of {len(chosen[0]) - 1} hop(s) "
                         f"between {label(G, s)} and {label(G, t)}; {len(chosen)} shown")
    return _frame(rows, attrs)


def _hop(G: nx.Graph, path: int, hop: int, u: Any, v: Any) -> dict[str, Any]:
    d = G.edges[u, v]
    arcs = d.get("arcs") or []
    rtype, source, _target, role = arcs[0] if arcs else ((d.get("relations") or [""])[0], u, v, "")
    evidence = d.get("evidence") or []
    document, sentence = evidence[0] if evidence else ("", "")
    backwards = source != u  # the text states it from the hop's target to its source
    arrow = ("-", "-") if rtype in _BOTH_WAYS else ("<-", "-") if backwards else ("-", "->")
    tie = f"{arrow[0]}{rtype}{arrow[1]}"
    return {
        "path": path,
        "hop": hop,
        "source": label(G, u),
        "tie": tie,
        "target": label(G, v),
        "relation": rtype,
        "role": role or None,
        "reversed": backwards,
        "document": document or None,
        "sentence": " ".join(sentence.split()) or None,
        "source_id": str(u),
        "target_id": str(v),
        "relations": list(d.get("relations") or []),
    }


def _frame(rows: list[dict[str, Any]], attrs: dict[str, Any]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=PATH_COLUMNS)
    df.attrs.update(attrs)
    return df
