"""GraphML, GEXF and neo4j-admin CSV written a node and an edge at a time, byte for byte what
`graph.network_formats` gives from an in-memory networkx graph.

networkx builds the whole document as an ElementTree before it writes a byte; on a store of 20,000
documents that is gigabytes. Here the source is read twice, one element at a time: a first pass
finds what must come before the elements (GraphML `<key>` and GEXF `<attribute>` declarations, in
the order networkx would create them; the CSV's extra columns; relation ends that are no entity),
the second writes every element with networkx's own writer objects (`add_data`,
`add_attributes`, `indent`) and ElementTree's `tostring`, so escaping and layout cannot drift.
Elements come in networkx's order: nodes by id, edges grouped by their source node in node order,
within a source by the target's first edge (relations in (type, target, role) order, then the
co-mention), so relations are read ordered by source (`NetworkSource.relations(by_source=True)`).

Ids that XML cannot hold unchanged (control characters) or node attributes GEXF reads as its own
(`start`, `viz`, ...) make networkx merge or move things in ways not worth re-creating: then the
graph is built in memory as before (`InMemory`).
"""

from __future__ import annotations

import csv
import heapq
import io
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol
from xml.etree.ElementTree import Element, tostring

from .atomic import atomic_binary
from .model import CoMention, Entity, Relation


@dataclass(frozen=True)
class NetworkEdge:
    """What the network formats keep of a relation: its key, classes, confidence and the evidence
    reduced to a count and the documents (first appearance order)."""

    type: str
    source: str
    target: str
    role: str | None
    role_class: str | None
    status: str | None
    confidence: float
    evidence: int
    documents: list[str]

    @classmethod
    def of(cls, r: Relation) -> NetworkEdge:
        return cls(r.type, r.source, r.target, r.role, r.role_class, r.status, r.confidence, len(r.evidence),
                   list(dict.fromkeys(ev.document for ev in r.evidence)))


class NetworkSource(Protocol):
    """Where the elements come from, each call a fresh pass (`KnowledgeGraph.network_source`)."""

    def entities(self) -> Iterator[Entity]: ...  # by id
    def relations(self, by_source: bool) -> Iterator[NetworkEdge]: ...  # by key, or by source first
    def co_mentions(self) -> Iterator[CoMention]: ...  # by (source, target)


class InMemory:
    """A `NetworkSource` over lists (tests, and the fallback)."""

    def __init__(self, entities: Iterable[Entity], relations: Iterable[Relation],
                 co_mentions: Iterable[CoMention] = ()) -> None:
        self._entities = sorted(entities, key=lambda e: e.id)
        self._relations = list(relations)
        self._co = sorted(co_mentions, key=lambda c: (c.source, c.target))

    def entities(self) -> Iterator[Entity]:
        return iter(self._entities)

    def relations(self, by_source: bool) -> Iterator[NetworkEdge]:
        edges = (NetworkEdge.of(r) for r in self._relations)
        if by_source:
            return iter(sorted(edges, key=lambda r: (r.source, r.type, r.target, r.role or "")))
        return edges

    def co_mentions(self) -> Iterator[CoMention]:
        return iter(self._co)


# GEXF takes these node attributes as its own (networkx pops them from the data)
_GEXF_NODE_KEYS = frozenset({"id", "label", "pid", "start", "end", "parents", "spells", "slices", "viz"})


@dataclass
class _Survey:
    """What the first pass finds."""

    ids: set[str]
    bare: list[str]  # relation ends that are no entity, sorted
    extra: list[str]  # the CSV's extra node columns
    plain: bool  # every id and attribute as networkx takes it without merging or moving anything


def _survey(source: NetworkSource, co: bool) -> _Survey:
    from .network_formats import _PROPERTY, xml_text

    ids: set[str] = set()
    extra: set[str] = set()
    plain = True
    for e in source.entities():
        ids.add(e.id)
        plain = plain and xml_text(e.id) == e.id
        for k, v in e.attributes.items():
            if _PROPERTY.match(k):
                extra.add(k)
                plain = plain and not (k in _GEXF_NODE_KEYS and v is not None)
    ends: set[str] = set()
    for r in source.relations(by_source=False):
        ends.update((r.source, r.target))
    for c in source.co_mentions() if co else ():
        ends.update((c.source, c.target))
    bare = sorted(ends - ids)
    plain = plain and all(xml_text(x) == x for x in bare)
    extra -= {"id", "name", "aliases", "documents", "mentions"}
    return _Survey(ids, bare, sorted(extra), plain)


def _nodes(source: NetworkSource, survey: _Survey) -> Iterator[Entity]:
    """Entities and bare nodes for the ends that are none, in id order (`_entity_nodes`)."""
    bare = (Entity(id=eid, type="Unknown", name=eid) for eid in survey.bare)
    return heapq.merge(source.entities(), bare, key=lambda e: e.id)


def _edges(source: NetworkSource, nodes: Iterator[Entity], co: bool) -> Iterator[tuple[str, str, str, dict]]:
    """(source, target, key, data) in the order a MultiDiGraph built by `to_multidigraph` lists
    its edges: by source node, then target in order of its first edge, then key."""
    from .network_formats import CO_MENTIONED, co_mention_data, edge_data, xml_text

    relations = _Peek(source.relations(by_source=True))
    co_mentions = _Peek(source.co_mentions() if co else iter(()))
    for node in nodes:
        u = node.id
        by_target: dict[str, list[tuple[str, dict]]] = {}
        while relations.head is not None and relations.head.source == u:
            r = relations.pop()
            key = xml_text(f"{r.type}|{r.role or ''}")
            by_target.setdefault(r.target, []).append((key, edge_data(r, r.evidence, r.documents)))
        while co_mentions.head is not None and co_mentions.head.source == u:
            c = co_mentions.pop()
            by_target.setdefault(c.target, []).append((CO_MENTIONED, co_mention_data(c)))
        for v, edges in by_target.items():
            for key, data in edges:
                yield u, v, key, data


class _Peek:
    def __init__(self, items: Iterator[Any]) -> None:
        self.items = items
        self.head = next(items, None)

    def pop(self) -> Any:
        head, self.head = self.head, next(self.items, None)
        return head


def _serialize(elem: Element) -> str:
    """One element as networkx's `"\\n".join(str(writer).splitlines())` gives it inside the whole."""
    elem.tail = None
    return "\n".join(tostring(elem).decode("utf-8").splitlines())


def _split(skeleton: str, markers: list[str]) -> list[str]:
    """A document serialised with one placeholder element per marker, cut around them."""
    text = "\n".join(skeleton.splitlines())
    parts = []
    for marker in markers:
        before, _, text = text.partition(marker)
        parts.append(before)
    parts.append(text)
    return parts


# -- GraphML ----------------------------------------------------------------------------------
def write_graphml(source: NetworkSource, out: Callable[[str], Any], co: bool) -> bool:
    """Stream GraphML to `out`; False (nothing written) when the in-memory path must be taken."""
    from networkx.readwrite.graphml import GraphMLWriter

    from .network_formats import _XML_DECLARATION, node_data

    survey = _survey(source, co)
    if not survey.plain or not (survey.ids or survey.bare):
        return False
    writer = GraphMLWriter()

    def declare(data: dict[str, Any], scope: str) -> None:
        for k, v in data.items():
            writer.get_key(str(k), writer.get_xml_type(writer.attr_type(k, scope, v)), scope, None)

    for e in _nodes(source, survey):
        declare(node_data(e), "node")
    for *_, data in _edges(source, _nodes(source, survey), co):
        declare(data, "edge")
    marker = f"stakegraph-{uuid.uuid4().hex}"
    graph = Element("graph", edgedefault="directed")
    graph.append(Element("node", id=marker))
    writer.xml.append(graph)
    writer.indent(writer.xml)
    head, tail = _split(tostring(writer.xml).decode("utf-8"), [f'<node id="{marker}" />'])

    def element(tag: str, attrs: dict[str, str], data: dict[str, Any], scope: str) -> str:
        elem = Element(tag, attrs)
        for k, v in data.items():
            elem.append(writer.add_data(str(k), writer.attr_type(k, scope, v), str(v), scope, None))
        writer.indent(elem, 2)
        return _serialize(elem)

    out(_XML_DECLARATION + head)
    first = True
    for e in _nodes(source, survey):
        out(("" if first else "\n    ") + element("node", {"id": e.id}, node_data(e), "node"))
        first = False
    for u, v, key, data in _edges(source, _nodes(source, survey), co):
        out("\n    " + element("edge", {"source": u, "target": v, "id": key}, data, "edge"))
    out(tail + "\n")
    return True


# -- GEXF -------------------------------------------------------------------------------------
def write_gexf(source: NetworkSource, out: Callable[[str], Any], co: bool) -> bool:
    """Stream GEXF to `out`; False (nothing written) when the in-memory path must be taken."""
    from networkx.readwrite.gexf import GEXFWriter

    from .network_formats import _XML_DECLARATION, node_data

    survey = _survey(source, co)
    if not survey.plain or not (survey.ids or survey.bare):
        return False
    if next(_edges(source, _nodes(source, survey), co), None) is None:
        return False  # an empty <edges /> is laid out differently: small enough for memory anyway
    writer = GEXFWriter()
    writer.graph_element = Element("graph", defaultedgetype="directed", mode="static", name="")

    def node(e: Entity) -> Element:
        data = node_data(e)
        elem = Element("node", id=e.id, label=str(data.pop("label")))
        writer.add_attributes("node", elem, data, {})
        return elem

    def edges() -> Iterator[Element]:
        for n, (u, v, key, data) in enumerate(_edges(source, _nodes(source, survey), co)):
            data = {**data, "key": key}
            kw = {"id": str(n), "weight": str(data.pop("weight"))}
            elem = Element("edge", {"source": u, "target": v, **kw})
            writer.add_attributes("edge", elem, data, {})
            yield elem

    for e in _nodes(source, survey):  # first pass: the attribute declarations, in networkx's order
        node(e)
    for _ in edges():
        pass
    markers = [f"stakegraph-{uuid.uuid4().hex}" for _ in range(2)]
    nodes, edges_element = Element("nodes"), Element("edges")
    nodes.append(Element("node", id=markers[0]))
    edges_element.append(Element("edge", id=markers[1]))
    writer.graph_element.append(nodes)
    writer.graph_element.append(edges_element)
    writer.xml.append(writer.graph_element)
    writer.indent(writer.xml)
    head, middle, tail = _split(tostring(writer.xml).decode("utf-8"),
                                [f'<node id="{markers[0]}" />', f'<edge id="{markers[1]}" />'])
    out(_XML_DECLARATION + head)
    for i, e in enumerate(_nodes(source, survey)):
        elem = node(e)
        writer.indent(elem, 3)
        out(("\n      " if i else "") + _serialize(elem))
    out(middle)
    for i, elem in enumerate(edges()):
        writer.indent(elem, 3)
        out(("\n      " if i else "") + _serialize(elem))
    out(tail + "\n")
    return True


# -- neo4j-admin CSV --------------------------------------------------------------------------
def write_csv(source: NetworkSource, nodes_out: IO[str], relationships_out: IO[str], co: bool) -> None:
    """nodes.csv and relationships.csv as `network_formats.neo4j_csv` gives them, a row at a time."""
    from .network_formats import CO_MENTIONED, _array, _cell, _scalar

    survey = _survey(source, co)
    writer = csv.writer(nodes_out, lineterminator="\n")
    writer.writerow(["id:ID", ":LABEL", "name", "aliases:string[]", "documents:string[]", "mentions:int",
                     *survey.extra])
    for e in _nodes(source, survey):
        writer.writerow([_cell(e.id), e.type, _cell(e.name), _array(e.aliases), _array(e.documents),
                         e.mentions, *(_cell(_scalar(e.attributes.get(k, ""))) for k in survey.extra)])
    writer = csv.writer(relationships_out, lineterminator="\n")
    writer.writerow([":START_ID", ":END_ID", ":TYPE", "role", "role_class", "status", "confidence:double",
                     "weight:double", "evidence:int", "documents:string[]"])
    for r in source.relations(by_source=False):
        writer.writerow([_cell(r.source), _cell(r.target), r.type, _cell(r.role), _cell(r.role_class),
                         _cell(r.status), r.confidence, r.confidence, r.evidence, _array(r.documents)])
    for c in source.co_mentions() if co else ():
        writer.writerow([_cell(c.source), _cell(c.target), CO_MENTIONED, "", "", "", "", c.weight, "",
                         _array(c.documents)])


def stream_network(fmt: str, output: str | Path | None, source: NetworkSource, *, co: bool,
                   prefix: str = "", echo: Callable[[str], Any] | None = None) -> list[Path]:
    """Write one format from `source` (to `echo` when `output` is None: GraphML/GEXF only),
    atomically for files; the in-memory path where streaming cannot reproduce it."""
    from .network_formats import gexf, graphml, to_multidigraph

    if fmt == "csv":
        folder = Path(output or ".")
        folder.mkdir(parents=True, exist_ok=True)
        paths = [folder / f"{prefix}nodes.csv", folder / f"{prefix}relationships.csv"]
        with atomic_binary(paths[0]) as n_fh, atomic_binary(paths[1]) as r_fh:
            n_text = io.TextIOWrapper(n_fh, encoding="utf-8", newline="")
            r_text = io.TextIOWrapper(r_fh, encoding="utf-8", newline="")
            write_csv(source, n_text, r_text, co)
            n_text.flush()
            r_text.flush()
            n_text.detach()
            r_text.detach()
        return paths
    if fmt not in ("graphml", "gexf"):
        from .network_formats import NETWORK_FORMATS

        raise ValueError(f"unknown network format '{fmt}' (known: {', '.join(NETWORK_FORMATS)})")
    streamer = write_graphml if fmt == "graphml" else write_gexf

    def in_memory() -> str:
        relations = [_AsRelation(r) for r in source.relations(by_source=False)]
        graph = to_multidigraph(source.entities(), relations, source.co_mentions() if co else [])  # type: ignore[arg-type]
        return graphml(graph) if fmt == "graphml" else gexf(graph)

    if output is None:
        assert echo is not None
        # nothing reaches the output before the first pass has decided that streaming works
        if not streamer(source, echo, co):
            echo(in_memory())
        return []
    with atomic_binary(output) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
        if not streamer(source, text.write, co):
            text.write(in_memory())
        text.flush()
        text.detach()
    return [Path(output)]


class _AsRelation:
    """A `NetworkEdge` where `to_multidigraph` expects a relation (it reads the key, classes,
    confidence, and the evidence's length and documents)."""

    def __init__(self, r: NetworkEdge) -> None:
        self.type, self.source, self.target, self.role = r.type, r.source, r.target, r.role
        self.role_class, self.status, self.confidence = r.role_class, r.status, r.confidence
        self.evidence = [_Doc(d) for d in r.documents] + [_Doc(r.documents[-1] if r.documents else "")] * (
            r.evidence - len(r.documents))


class _Doc:
    def __init__(self, document: str) -> None:
        self.document = document
