"""Writing RDF out: the streaming path for large graphs, and atomic files for both paths.

rdflib holds every triple as Python objects (about a kilobyte each) before it writes a byte, so a
graph of millions of triples needs gigabytes. Here the mapping's generator feeds pyoxigraph's Rust
serialisers directly: memory stays flat and escaping is done by a maintained serialiser, not by
hand. The triples are exactly those of the rdflib path (same generator); only the layout differs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from .atomic import atomic_binary
from .rdf import GraphView, RdfError, RdfMapping, count_triples, estimate_triples, serialize_graph, to_rdflib

STREAM_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
}
STREAM_THRESHOLD = 200_000  # estimated triples above which `write_rdf` streams unless told otherwise


@dataclass(frozen=True)
class WriteReport:
    triples: int  # triples written (quads for TriG: default graph plus every named graph)
    streamed: bool


def stream(view: GraphView, fmt: str, output: IO[bytes], mapping: RdfMapping | None = None,
           progress: Callable[[int], None] | None = None) -> int:
    """Serialise without building an rdflib graph; returns the number of triples (or quads) written.
    `progress` is called with the number of triples written so far, every 10,000."""
    if fmt not in STREAM_FORMATS:
        raise RdfError(f"format '{fmt}' cannot be streamed (streamable: {', '.join(STREAM_FORMATS)})")
    mapping = mapping or RdfMapping()
    counter = [0]
    items: Iterator[Triple] | Iterator[Quad]
    make = _quads if fmt == "trig" else _triples
    items = make(mapping, view, counter, progress)
    prefixes = None if fmt == "ntriples" else mapping.prefixes()
    serialize(items, output, STREAM_FORMATS[fmt], prefixes=prefixes)
    return counter[0]


def _triples(mapping: RdfMapping, view: GraphView, counter: list[int],
             progress: Callable[[int], None] | None = None) -> Iterator[Triple]:
    n = 0
    for s, p, o in mapping.triples(view):
        n += 1
        if progress and n % 10_000 == 0:
            progress(n)
        yield Triple(s, p, o)
    counter[0] = n


def _quads(mapping: RdfMapping, view: GraphView, counter: list[int],
           progress: Callable[[int], None] | None = None) -> Iterator[Quad]:
    n = 0
    for s, p, o, g in mapping.quads(view):
        n += 1
        if progress and n % 10_000 == 0:
            progress(n)
        yield Quad(s, p, o, g)
    counter[0] = n


def write_rdf(view: GraphView, fmt: str, output: str | Path | IO[bytes], mapping: RdfMapping | None = None,
              *, streaming: bool | None = None, progress: Callable[[int], None] | None = None) -> WriteReport:
    """Write an export to a path (atomically) or a binary stream, streaming when asked or when the
    graph is estimated above STREAM_THRESHOLD triples."""
    mapping = mapping or RdfMapping()
    if streaming is None:
        streaming = estimate_triples(view) > STREAM_THRESHOLD
    if isinstance(output, (str, Path)):
        with atomic_binary(output) as fh:
            return write_rdf(view, fmt, fh, mapping, streaming=streaming, progress=progress)
    if streaming:
        return WriteReport(stream(view, fmt, output, mapping, progress), True)
    graph = to_rdflib(view, mapping, dataset=fmt == "trig")
    output.write(serialize_graph(graph, fmt, mapping))
    written = count_triples(graph)
    if progress:
        progress(written)
    return WriteReport(written, False)
