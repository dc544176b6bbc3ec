"""One self-contained HTML page showing the stakeholder network (what `stakegraph viz` writes).

The page must open from a file with no network at all: script, style and data are inlined, and a
Content-Security-Policy forbids every fetch. The data goes into a `<script type="application/json">`
block with `<`, `>` and `&` escaped, so no sentence read from a document can close the block or
inject markup; the page's script puts all data into the DOM with `textContent` only.

Positions come from a seeded networkx spring layout so the same graph always gives the same picture;
the script only refines them (collisions, link lengths) deterministically. Centrality scores are an
input: computing them is the job of `stakegraph.queries`, which sits above this package.
"""

from __future__ import annotations

import html
import json
import math
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from .model import ENTITY_TYPES, Relation

if TYPE_CHECKING:
    from ..knowledge import KnowledgeGraph

# Okabe & Ito's colour-blind-safe palette, six of its eight colours chosen so that no two types get
# a near pair (orange/vermillion, blue/sky blue): told apart with deuteranopia and protanopia too.
# Each type also has its own shape, so the picture reads in greyscale and for any colour vision.
TYPE_COLORS: dict[str, str] = {
    "Person": "#0072B2",  # blue
    "Municipality": "#E69F00",  # orange
    "Province": "#CC79A7",  # reddish purple
    "Region": "#009E73",  # bluish green
    "Organization": "#000000",  # black
    "Initiative": "#F0E442",  # yellow
}
TYPE_SHAPES: dict[str, str] = {
    "Person": "circle",
    "Municipality": "square",
    "Province": "diamond",
    "Region": "hexagon",
    "Organization": "triangle",
    "Initiative": "star",
}
OTHER_COLOR = "#7f7f7f"
OTHER_SHAPE = "circle"
LABEL_MAX = 26  # characters; longer names are shortened on the page, the full name shows on hover
ALWAYS_LABELLED = 8  # the most central nodes carry their label whatever else competes for the space
_ACRONYM = re.compile(r"^[A-Z0-9][A-Za-z0-9&\-]{1,7}$")
LAYOUT_SEED = 7
NX_LAYOUT_MAX_NODES = 300
Positions = dict[str, tuple[float, float]]
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


@dataclass(frozen=True)
class PageAssets:
    """The page's HTML template (with {{TITLE}}, {{STYLE}}, {{SCRIPT}}, {{DATA}}), script and style."""

    template: str
    script: str
    style: str


def page_data(
    kg: KnowledgeGraph,
    *,
    scores: Mapping[str, float] | None = None,
    size_by: str = "degree",
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    title: str = "Stakeholder network",
) -> dict[str, Any]:
    """The JSON the page's script reads: shown nodes with layout and score, links, relations, evidence.

    `types` keeps only entities of those types; `min_degree` then keeps entities with at least that
    many distinct neighbours among the kept ones. `scores` (entity id -> centrality, computed on the
    whole graph) sizes the nodes; without it the degree among shown nodes is used.
    """
    wanted = set(types) if types else None
    candidates = {e.id: e for e in kg.entities() if wanted is None or e.type in wanted}
    relations = kg.relations()
    neighbours: dict[str, set[str]] = {eid: set() for eid in candidates}
    for r in relations:
        if r.source in candidates and r.target in candidates and r.source != r.target:
            neighbours[r.source].add(r.target)
            neighbours[r.target].add(r.source)
    shown = sorted(eid for eid in candidates if len(neighbours[eid]) >= min_degree)
    shown_set = set(shown)
    index = {eid: i for i, eid in enumerate(shown)}

    touching = [r for r in relations if r.source in shown_set or r.target in shown_set]
    pairs: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(touching):
        if r.source in shown_set and r.target in shown_set and r.source != r.target:
            pairs.setdefault(tuple(sorted((r.source, r.target))), []).append(i)  # type: ignore[arg-type]

    positions = _layout(shown, pairs)
    degree = {eid: len(neighbours[eid] & shown_set) for eid in shown}
    score = {eid: float(scores.get(eid, 0.0)) if scores is not None else float(degree[eid]) for eid in shown}
    nodes: list[dict[str, Any]] = []
    for eid in shown:
        e = candidates[eid]
        x, y = positions[eid]
        nodes.append({
            "id": e.id, "name": e.name, "label": short_label(e.name, e.aliases), "type": e.type,
            "aliases": list(e.aliases),
            "documents": list(e.documents), "mentions": e.mentions, "degree": degree[eid],
            "score": _finite(score[eid]), "x": round(x, 2), "y": round(y, 2),
        })
    outside = {}
    for r in touching:
        for end in (r.source, r.target):
            if end not in shown_set and end not in outside:
                other = kg.entity(end)
                outside[end] = {"name": other.name if other else end, "type": other.type if other else ""}
    present = sorted({e["type"] for e in nodes}, key=_type_order)
    return {
        "title": title,
        "size_by": size_by,
        "total_entities": len(kg.entities()),
        "always_labelled": ALWAYS_LABELLED,
        "types": [
            {"type": t, "color": TYPE_COLORS.get(t, OTHER_COLOR), "shape": TYPE_SHAPES.get(t, OTHER_SHAPE),
             "count": sum(n["type"] == t for n in nodes)}
            for t in present
        ],
        "nodes": nodes,
        "links": [
            {"source": index[a], "target": index[b], "relations": rel_ids}
            for (a, b), rel_ids in sorted(pairs.items())
        ],
        "relations": [_relation(r) for r in touching],
        "outside": dict(sorted(outside.items())),
    }


def short_label(name: str, aliases: Iterable[str] = (), limit: int = LABEL_MAX) -> str:
    """What a node's label shows: the name, or for a long one its acronym ("HAN") when it has one,
    else the name cut at a word boundary with an ellipsis. The page shows the full name on hover."""
    name = " ".join(name.split())
    if len(name) <= limit:
        return name
    acronym = next((a for a in aliases if _ACRONYM.match(a) and sum(c.isupper() for c in a) >= 2), None)
    if acronym:
        return acronym
    cut = name[: limit - 1]
    if " " in cut and cut.rindex(" ") >= 0.6 * limit:  # a word boundary, unless it loses too much
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "\u2026"


def render_page(data: Mapping[str, Any], assets: PageAssets) -> str:
    """Fill the template. Placeholders are replaced in one pass, so data can never be taken for one."""
    for name, text, closing in (("script", assets.script, "</script"), ("style", assets.style, "</style")):
        if closing in text.lower():
            raise ValueError(f"the page {name} must not contain '{closing}'")
    parts = {
        "TITLE": html.escape(" ".join(str(data.get("title", "")).split()), quote=True),
        "STYLE": assets.style,
        "SCRIPT": assets.script,
        "DATA": json_for_script(data),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], assets.template)


def build_page(
    kg: KnowledgeGraph,
    assets: PageAssets,
    *,
    scores: Mapping[str, float] | None = None,
    size_by: str = "degree",
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    title: str = "Stakeholder network",
) -> str:
    """The whole page for a graph: `page_data` rendered into the template."""
    data = page_data(kg, scores=scores, size_by=size_by, types=types, min_degree=min_degree, title=title)
    return render_page(data, assets)


def json_for_script(data: Any) -> str:
    """JSON that is inert inside a <script> block: no '<', '>' or '&' survives, nor JS line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _relation(r: Relation) -> dict[str, Any]:
    return {
        "type": r.type, "source": r.source, "target": r.target, "role": r.role, "status": r.status,
        "confidence": _finite(r.confidence),
        "evidence": [
            {"document": ev.document, "sentence": " ".join(ev.sentence.split()), "rule": ev.rule,
             "start": ev.start, "end": ev.end}
            for ev in r.evidence
        ],
    }


def _layout(nodes: list[str], pairs: Mapping[tuple[str, str], list[int]]) -> Positions:
    """Seeded spring layout in page units: about 90 units between linked nodes whatever the graph size.

    networkx up to `NX_LAYOUT_MAX_NODES` nodes; above that its layout takes minutes, so igraph's
    Fruchterman-Reingold (C, a second for thousands of nodes) runs on a private seeded RNG.
    """
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    scale = 90.0 * math.sqrt(len(nodes))
    raw = _igraph_layout(nodes, pairs) if len(nodes) > NX_LAYOUT_MAX_NODES else None
    if raw is None:
        g = nx.Graph()
        g.add_nodes_from(nodes)
        g.add_edges_from(pairs)
        pos = nx.spring_layout(g, seed=LAYOUT_SEED, k=1.6 / math.sqrt(len(nodes)), iterations=100)
        raw = {n: (float(p[0]), float(p[1])) for n, p in pos.items()}
    half = max(max(abs(x), abs(y)) for x, y in raw.values()) or 1.0
    return {n: (x / half * scale, y / half * scale) for n, (x, y) in raw.items()}


def _igraph_layout(nodes: list[str], pairs: Iterable[tuple[str, str]]) -> Positions | None:
    try:
        import igraph
    except ImportError:
        return None
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in pairs])
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        coords = g.layout_fruchterman_reingold(niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    return {n: (float(coords[i][0]), float(coords[i][1])) for i, n in enumerate(nodes)}


def _type_order(t: str) -> tuple[int, str]:
    return (ENTITY_TYPES.index(t) if t in ENTITY_TYPES else len(ENTITY_TYPES), t)


def _finite(x: float) -> float:
    return round(x, 6) if math.isfinite(x) else 0.0
