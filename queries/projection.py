"""The one projection of a knowledge graph onto networkx that every query analyses.

Queries are only reproducible if everybody analyses the same graph, so the default is fixed and
simple: an undirected simple graph, every entity a node, one edge per pair of entities that a
typed relation connects. Someone who loads the exported JSON into networkx the obvious way gets
exactly this graph, and therefore exactly the same centralities. Every richer view (co-mentions,
evidence weights, a time window, a subset of types) is an explicit option.

Node attributes: ``name``, ``type``, ``aliases``, ``mentions``.
Edge attributes:

- ``relations``: sorted relation types between the pair (``CO_MENTIONED`` with co-mentions);
- ``arcs``: sorted ``(type, source, target, role)`` of those relations, keeping the direction the
  text states (a simple undirected graph cannot), for brokerage roles and path explanations;
- ``evidence``: ``(document, sentence)`` of every piece of evidence, in the order of ``arcs``, so
  ``evidence[0]`` supports ``arcs[0]``; co-mentions add ``(document, "")``. It is read from the
  store when first looked at (an `EdgeEvidence`, equal to that list), so building the graph reads
  only keys and evidence counts, however much evidence the store holds;
- ``comentions``: same-sentence co-mention count (0 unless ``with_comentions``);
- ``weight``: 1, or with ``weighted=True`` the number of pieces of evidence (typed evidence plus
  co-mentions), a tie *strength*;
- ``distance``: ``1 / weight``, only with ``weighted=True``: path-based measures need a length,
  and a tie read in ten sentences is a shorter way between two stakeholders than one read once.
  It is rounded to a multiple of 2**-20 so that sums of lengths are exact in floating point:
  otherwise two equally long paths can differ in the last bit, and whether they count as equal
  (and so the betweenness) would depend on the order of addition and on the backend.

Graph attributes: ``weighted`` (bool), ``projection`` (the options used), ``undated_documents``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import networkx as nx

from ..graph.model import ENTITY_TYPES, Document
from .choices import CO_MENTIONED, PROJECTION_RELATIONS

if TYPE_CHECKING:
    from ..knowledge import KnowledgeGraph

_DYADIC = float(2**20)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def project(
    kg: KnowledgeGraph,
    *,
    relation_types: Iterable[str] | None = None,
    entity_types: Iterable[str] | None = None,
    with_comentions: bool = False,
    weighted: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> nx.Graph:
    """The analysis graph of `kg` (see the module docstring for its exact shape).

    `relation_types` / `entity_types` keep only those (``CO_MENTIONED`` in `relation_types`
    implies `with_comentions`). `since` / `until` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both
    inclusive) keep the facts of documents dated in that window; undated documents are kept,
    because nothing says they fall outside it, and counted in ``G.graph["undated_documents"]``.
    """
    rtypes = _check(relation_types, PROJECTION_RELATIONS, "relation type")
    etypes = _check(entity_types, ENTITY_TYPES, "entity type")
    if rtypes is not None and CO_MENTIONED in rtypes:
        with_comentions = True
    undated = 0
    if since is not None or until is not None:
        kg, undated = _window(kg, _check_date(since, "since"), _check_date(until, "until"))

    G = nx.Graph()
    G.graph.update(
        weighted=weighted,
        undated_documents=undated,
        projection={
            "relation_types": sorted(rtypes) if rtypes is not None else None,
            "entity_types": sorted(etypes) if etypes is not None else None,
            "with_comentions": with_comentions,
            "weighted": weighted,
            "since": since,
            "until": until,
        },
    )
    for e in sorted(kg.entities(), key=lambda e: e.id):
        if etypes is None or e.type in etypes:
            G.add_node(e.id, name=e.name, type=e.type, aliases=list(e.aliases), mentions=e.mentions)

    pairs: dict[tuple[str, str], dict[str, Any]] = {}

    def pair(a: str, b: str) -> dict[str, Any] | None:
        if a == b or a not in G or b not in G:
            return None  # a simple graph has no loops; an end filtered out takes its edges along
        key = (a, b) if a < b else (b, a)
        return pairs.setdefault(key, {"arcs": [], "comentions": 0})

    # Keys and evidence counts only: the evidence itself is read when an edge's is looked at.
    for key, count in kg.ties():
        if (rtypes is None or key[0] in rtypes) and (p := pair(key[1], key[2])) is not None:
            p["arcs"].append((key, count))
    if with_comentions:
        for source, target, weight in kg.co_mention_weights():
            if (p := pair(source, target)) is not None:
                p["comentions"] += weight

    for (a, b), p in sorted(pairs.items()):
        typed = sorted(p["arcs"])
        arcs = [key for key, _ in typed]
        if p["comentions"]:
            arcs.append((CO_MENTIONED, a, b, ""))
        if not arcs:
            continue
        attrs: dict[str, Any] = {
            "relations": sorted({arc[0] for arc in arcs}),
            "arcs": arcs,
            "evidence": EdgeEvidence(kg, arcs[: len(typed)], (a, b) if p["comentions"] else None),
            "comentions": p["comentions"],
            "weight": 1,
        }
        if weighted:
            attrs["weight"] = sum(max(1, n) for _, n in typed) + p["comentions"]
            attrs["distance"] = exact_distance(attrs["weight"])
        G.add_edge(a, b, **attrs)
    return G


class EdgeEvidence(Sequence[tuple[str, str]]):
    """An edge's ``(document, sentence)`` pairs, read from the knowledge graph the first time they
    are looked at. A large store has millions of pieces of evidence and a measure reads none of
    them; a path or an explanation reads a few edges'. Compares equal to the list it stands for."""

    __slots__ = ("_kg", "_keys", "_pair", "_items")

    def __init__(self, kg: KnowledgeGraph, keys: list[tuple[str, str, str, str]],
                 pair: tuple[str, str] | None) -> None:
        self._kg, self._keys, self._pair = kg, keys, pair
        self._items: list[tuple[str, str]] | None = None

    def _list(self) -> list[tuple[str, str]]:
        if self._items is None:
            items: list[tuple[str, str]] = []
            for key in self._keys:
                r = self._kg.relation(key)
                if r is not None:
                    items += [(ev.document, ev.sentence) for ev in r.evidence]
            if self._pair is not None and (c := self._kg.co_mention(*self._pair)) is not None:
                items += [(d, "") for d in sorted(set(c.documents))]
            self._items = items
        return self._items

    @overload
    def __getitem__(self, i: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[str, str]]: ...
    def __getitem__(self, i: int | slice) -> tuple[str, str] | list[tuple[str, str]]:
        return self._list()[i]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (EdgeEvidence, list, tuple)):
            return self._list() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like the list it stands for

    def __repr__(self) -> str:
        return repr(self._list())


def exact_distance(weight: float) -> float:
    """``1 / weight`` as a multiple of 2**-20, so path lengths add up exactly (see module docstring)."""
    return round(_DYADIC / weight) / _DYADIC


def as_graph(source: Any) -> nx.Graph:
    """A networkx graph as is, or the default projection of a knowledge graph.

    A bare Store is refused rather than projected: only a KnowledgeGraph applies the user's
    curation and confidence threshold, and an analysis that skipped them would quietly differ.
    """
    if isinstance(source, nx.Graph):
        return source
    if hasattr(source, "find") and hasattr(source, "relations") and hasattr(source, "facts"):
        return project(source)
    raise TypeError(f"expected a KnowledgeGraph or a networkx graph, not {type(source).__name__} "
                    "(wrap a store as KnowledgeGraph(store))")


def is_weighted(G: nx.Graph) -> bool:
    """Whether measures should read edge weights: only when the projection said so."""
    return bool(G.graph.get("weighted"))


def _window(kg: KnowledgeGraph, since: str | None, until: str | None) -> tuple[KnowledgeGraph, int]:
    undated = 0

    def inside(d: Document) -> bool:
        nonlocal undated
        if not d.date:
            undated += 1
            return True
        return (since is None or d.date >= since) and (until is None or d.date[: len(until)] <= until)

    # Only the documents inside the window are read (from a store, one at a time), already curated;
    # the merged view is rebuilt from them.
    kept = list(kg.iter_document_facts(inside))
    kept.sort(key=lambda f: (f.document.path, f.document.id))  # the order a full read has
    return type(kg).from_facts(kept, min_confidence=kg.min_confidence), undated


def _check(values: Iterable[str] | None, known: tuple[str, ...], what: str) -> set[str] | None:
    if values is None:
        return None
    chosen = {values} if isinstance(values, str) else set(values)
    unknown = sorted(chosen - set(known))
    if unknown:
        raise ValueError(f"unknown {what} {', '.join(unknown)} (known: {', '.join(known)})")
    return chosen


def _check_date(value: str | None, what: str) -> str | None:
    if value is not None and not _DATE.match(value):
        raise ValueError(f"--{what} wants a date as YYYY, YYYY-MM or YYYY-MM-DD, not '{value}'")
    return value
