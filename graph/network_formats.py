"""The graph for network tools: GraphML (Cytoscape, yEd), GEXF (Gephi) and CSV for `neo4j-admin import`.

These formats carry a flat property graph, so each typed relation becomes one edge (parallel edges
kept: a person can be both `voorzitter` and `lid` of one organisation) with its evidence reduced to
a count and the documents; the sentences stay in the JSON and RDF exports. Every node and edge of
the merged view is written, so node and edge counts match `stakegraph stats`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from .export import write_atomic
from .model import CoMention, Entity, Relation
from .spreadsheet import safe_cell

NETWORK_FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv")
CO_MENTIONED = "CO_MENTIONED"
ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter

# Characters XML 1.0 forbids even escaped; Gephi's and Cytoscape's parsers refuse a file with one.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PROPERTY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def xml_text(value: str) -> str:
    return _XML_INVALID.sub("\ufffd", value)


def _entity_nodes(entities: Iterable[Entity], relations: list[Relation],
                  co_mentions: list[CoMention]) -> list[Entity]:
    """The entities plus a bare node for any relation end that is not one, so no edge dangles."""
    nodes = {e.id: e for e in entities}
    for a, b in [(r.source, r.target) for r in relations] + [(c.source, c.target) for c in co_mentions]:
        for eid in (a, b):
            if eid not in nodes:
                nodes[eid] = Entity(id=eid, type="Unknown", name=eid)
    return sorted(nodes.values(), key=lambda e: e.id)


def _scalar(value: Any) -> str | int | float | bool:
    """A property value GraphML/GEXF can type: lists joined, everything else as is or as text."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return str(value)


def to_multidigraph(entities: Iterable[Entity], relations: Iterable[Relation],
                    co_mentions: Iterable[CoMention] = ()) -> nx.MultiDiGraph:
    """Nodes keyed by stable id with name as `label`; one edge per relation (key: type and role)
    and one `CO_MENTIONED` edge per co-mention pair. Edges carry `relation` rather than `type`
    because GEXF reserves an edge's `type` for directed/undirected. All text is XML-safe."""
    relations, co_mentions = list(relations), list(co_mentions)
    graph = nx.MultiDiGraph()
    for e in _entity_nodes(entities, relations, co_mentions):
        graph.add_node(xml_text(e.id), **node_data(e))
    for r in relations:
        documents = dict.fromkeys(ev.document for ev in r.evidence)
        key = xml_text(f"{r.type}|{r.role or ''}")
        attrs = edge_data(r, len(r.evidence), documents)
        graph.add_edge(xml_text(r.source), xml_text(r.target), key=key, **attrs)
    for c in co_mentions:
        graph.add_edge(xml_text(c.source), xml_text(c.target), key=CO_MENTIONED, **co_mention_data(c))
    return graph


def node_data(e: Entity) -> dict[str, Any]:
    """A node's attributes, XML-safe; the in-memory graph and the streamed export both write these."""
    attrs: dict[str, Any] = {"label": xml_text(e.name), "type": e.type, "mentions": e.mentions,
                             "aliases": xml_text("; ".join(e.aliases)),
                             "documents": xml_text("; ".join(e.documents))}
    for k, v in sorted(e.attributes.items()):
        if _PROPERTY.match(k) and k not in attrs and v is not None:
            attrs[k] = xml_text(str(_scalar(v)))
    return attrs


class _EdgeLike(Protocol):
    type: str
    role: str | None
    role_class: str | None
    status: str | None
    confidence: float


def edge_data(r: _EdgeLike, evidence: int, documents: Iterable[str]) -> dict[str, Any]:
    """A relation's edge attributes (its evidence reduced to a count and the documents), XML-safe.
    Edges carry `relation` rather than `type`: GEXF reserves an edge's `type`."""
    attrs: dict[str, Any] = {"relation": r.type, "confidence": float(r.confidence),
                             "weight": float(r.confidence), "evidence": evidence,
                             "documents": xml_text("; ".join(documents))}
    for k in ("role", "role_class", "status"):
        if getattr(r, k):
            attrs[k] = xml_text(getattr(r, k))
    return attrs


def co_mention_data(c: CoMention) -> dict[str, Any]:
    """A co-mention's edge attributes, XML-safe."""
    documents = xml_text("; ".join(c.documents))
    return {"relation": CO_MENTIONED, "weight": float(c.weight), "documents": documents}


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def graphml(graph: nx.MultiDiGraph) -> str:
    return _XML_DECLARATION + "\n".join(nx.generate_graphml(graph)) + "\n"


def gexf(graph: nx.MultiDiGraph) -> str:
    return _XML_DECLARATION + "\n".join(nx.generate_gexf(graph)) + "\n"


# -- neo4j-admin database import ----------------------------------------------------------------
def _cell(value: Any) -> str:
    """One CSV cell on one line (neo4j-admin reads multi-line fields only with --multiline-fields),
    never taken for a formula when the file is opened in a spreadsheet (graph/spreadsheet.py)."""
    return safe_cell(" ".join(str(value).split())) if value is not None else ""


def _array(values: Iterable[Any]) -> str:
    # An element containing the array delimiter would be split in two on import: keep it one element.
    return ARRAY_DELIMITER.join(_cell(v).replace(ARRAY_DELIMITER, ",") for v in values)


def neo4j_csv(entities: Iterable[Entity], relations: Iterable[Relation],
              co_mentions: Iterable[CoMention] = ()) -> tuple[str, str]:
    """(nodes.csv, relationships.csv) with the typed headers `neo4j-admin database import full`
    reads: `id:ID`, `:LABEL` (the entity type), `:START_ID`, `:END_ID`, `:TYPE` (the relation type)
    and typed properties (`mentions:int`, `confidence:double`, `aliases:string[]`, ...).

        neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
    """
    relations, co_mentions = list(relations), list(co_mentions)
    nodes = _entity_nodes(entities, relations, co_mentions)
    extra = sorted({k for e in nodes for k in e.attributes if _PROPERTY.match(k)}
                   - {"id", "name", "aliases", "documents", "mentions"})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id:ID", ":LABEL", "name", "aliases:string[]", "documents:string[]", "mentions:int",
                     *extra])
    for e in nodes:
        writer.writerow([_cell(e.id), e.type, _cell(e.name), _array(e.aliases), _array(e.documents),
                         e.mentions, *(_cell(_scalar(e.attributes.get(k, ""))) for k in extra)])
    nodes_csv = out.getvalue()

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([":START_ID", ":END_ID", ":TYPE", "role", "role_class", "status", "confidence:double",
                     "weight:double", "evidence:int", "documents:string[]"])
    for r in relations:
        documents = dict.fromkeys(ev.document for ev in r.evidence)
        writer.writerow([_cell(r.source), _cell(r.target), r.type, _cell(r.role), _cell(r.role_class),
                         _cell(r.status), r.confidence, r.confidence, len(r.evidence), _array(documents)])
    for c in co_mentions:
        writer.writerow([_cell(c.source), _cell(c.target), CO_MENTIONED, "", "", "", "", c.weight, "",
                         _array(c.documents)])
    return nodes_csv, out.getvalue()


def write_network(fmt: str, output: str | Path, entities: Iterable[Entity], relations: Iterable[Relation],
                  co_mentions: Iterable[CoMention] = (), *, prefix: str = "") -> list[Path]:
    """Write one format; `output` is a file for GraphML/GEXF and a folder for CSV (created if
    missing; files `<prefix>nodes.csv` and `<prefix>relationships.csv`). Files appear atomically."""
    entities, relations, co_mentions = list(entities), list(relations), list(co_mentions)
    if fmt == "csv":
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        nodes_csv, rels_csv = neo4j_csv(entities, relations, co_mentions)
        paths = [folder / f"{prefix}nodes.csv", folder / f"{prefix}relationships.csv"]
        for path, data in zip(paths, (nodes_csv, rels_csv), strict=True):
            write_atomic(path, data)
        return paths
    graph = to_multidigraph(entities, relations, co_mentions)
    if fmt == "graphml":
        write_atomic(output, graphml(graph))
    elif fmt == "gexf":
        write_atomic(output, gexf(graph))
    else:
        raise ValueError(f"unknown network format '{fmt}' (known: {', '.join(NETWORK_FORMATS)})")
    return [Path(output)]
