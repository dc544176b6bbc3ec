"""RDF export speed: the streaming path (pyoxigraph serialisers) against rdflib's Turtle serialiser.

Builds a synthetic graph (default 50k entities, 150k relations, one evidence sentence each, spread
over 1,000 documents), exports the same merged view both ways and prints triples per second side by
side with the ratio. The issue's target is >= 200k triples/s streaming.

    python benchmarks/rdf_export.py                    # the full size (rdflib needs a few GB)
    python benchmarks/rdf_export.py --entities 5000 --relations 15000
    python benchmarks/rdf_export.py --skip-rdflib      # streaming only
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import tempfile
import time
from pathlib import Path

from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.rdf import RdfMapping, count_triples, serialize_graph, to_rdflib
from stakegraph.graph.rdf_stream import stream
from stakegraph.knowledge import KnowledgeGraph

_TYPES = ["Person"] * 50 + ["Organization"] * 30 + ["Municipality"] * 8 + ["Region"] * 4 + ["Initiative"] * 8
_FIRST = ["anna", "jan", "pieter", "sanne", "femke", "daan", "lotte", "bram", "eva", "thijs"]
_LAST = ["de-boer", "jansen", "van-dijk", "bakker", "visser", "smit", "meijer", "de-vries", "mulder", "bos"]
_ROLES = ["gemeentesecretaris", "voorzitter", "wethouder", "directeur", "onderzoeker", "adviseur"]


def synthetic(entities: int, relations: int, documents: int, seed: int = 7) -> KnowledgeGraph:
    rng = random.Random(seed)
    ents = []
    for i in range(entities):
        etype = rng.choice(_TYPES)
        if etype == "Person":
            name = f"{rng.choice(_FIRST).title()} {rng.choice(_LAST).replace('-', ' ').title()} {i}"
            ents.append(Entity(f"person:{name.lower().replace(' ', '-')}", etype, name,
                               aliases=[name.split()[-2]], mentions=rng.randint(1, 9)))
        elif etype == "Municipality":
            code = f"GM{i % 10000:04d}"
            ents.append(Entity(f"gemeente:{code.lower()}-{i}", etype, f"Gemeente {i}", mentions=2,
                               attributes={"cbs_code": code}))
        else:
            ents.append(Entity(f"{etype.lower()}:naam-{i}", etype, f"{etype} {i}", aliases=[f"O{i}"],
                               mentions=1))
    persons = [e for e in ents if e.type == "Person"]
    bodies = [e for e in ents if e.type in ("Organization", "Municipality")]
    docs = [Document(id=f"sha256:{i:064x}", name=f"{i:05d}_doc.txt", path=f"corpus/{i:05d}_doc.txt",
                     title=f"Document {i}", chars=5000) for i in range(documents)]
    per_doc: list[list[Relation]] = [[] for _ in docs]
    for i in range(relations):
        d = rng.randrange(documents)
        kind = rng.random()
        if kind < 0.5:
            a, b, rtype, role = rng.choice(persons), rng.choice(bodies), "HOLDS_POSITION", rng.choice(_ROLES)
        elif kind < 0.7:
            a, b, rtype, role = rng.choice(bodies), rng.choice(bodies), "MEMBER_OF", None
        else:
            a, b, rtype, role = rng.choice(bodies), rng.choice(bodies), "COLLABORATES_WITH", None
        sentence = f"{a.name} werkt als {role or 'partner'} samen met {b.name} (zin {i})."
        ev = Evidence(docs[d].name, i, i + len(sentence), sentence, "synthetic", 0.7)
        per_doc[d].append(Relation(rtype, a.id, b.id, role=role, status="current" if role else None,
                                   confidence=0.7, evidence=[ev]))
    by_id = {e.id: e for e in ents}
    facts = []
    for d, rels in zip(docs, per_doc, strict=True):
        ids = {x for r in rels for x in (r.source, r.target)}
        co = [CoMention(r.source, r.target, 1) for r in rels[:5] if r.source != r.target]
        facts.append(DocumentFacts(d, [by_id[x] for x in sorted(ids)], rels, co))
    # Entities no relation mentions still belong in the graph: give them to the first document.
    mentioned = {e.id for f in facts for e in f.entities}
    facts[0].entities += [e for e in ents if e.id not in mentioned]
    return KnowledgeGraph.from_facts(facts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entities", type=int, default=50_000)
    ap.add_argument("--relations", type=int, default=150_000)
    ap.add_argument("--documents", type=int, default=1_000)
    ap.add_argument("--skip-rdflib", action="store_true", help="Only time the streaming path.")
    args = ap.parse_args()

    t = time.perf_counter()
    kg = synthetic(args.entities, args.relations, args.documents)
    kg.relations(), kg.entities(), kg.co_mentions()  # merge once, outside the timings
    print(f"synthetic graph: {len(kg.entities()):,} entities, {len(kg.relations()):,} relations, "
          f"{len(kg.documents()):,} documents (built in {time.perf_counter() - t:.1f}s)")
    mapping = RdfMapping()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("ntriples", "turtle"):
            path = Path(tmp) / f"out.{fmt}"
            gc.collect()
            t = time.perf_counter()
            with open(path, "wb") as fh:
                n = stream(kg, fmt, fh, mapping)
            seconds = time.perf_counter() - t
            rows.append((f"streaming {fmt} (pyoxigraph)", n, seconds, os.path.getsize(path)))
            path.unlink()
        if not args.skip_rdflib:
            gc.collect()
            t = time.perf_counter()
            graph = to_rdflib(kg, mapping)
            built = time.perf_counter() - t
            data = serialize_graph(graph, "turtle", mapping)
            total = time.perf_counter() - t
            n = count_triples(graph)
            rows.append(("rdflib Graph build", n, built, 0))
            rows.append(("rdflib turtle serialise only", n, total - built, len(data)))
            rows.append(("rdflib turtle, build + serialise", n, total, len(data)))
            del graph, data

    print(f"\n{'path':36} {'triples':>11} {'seconds':>9} {'triples/s':>11} {'MB':>7}")
    for name, n, seconds, size in rows:
        print(f"{name:36} {n:>11,} {seconds:>9.2f} {n / seconds:>11,.0f} {size / 1e6:>7.1f}")
    stream_turtle = next(r for r in rows if r[0].startswith("streaming turtle"))
    rate = stream_turtle[1] / stream_turtle[2]
    verdict = "met" if rate >= 200_000 else "NOT met"
    print(f"\nstreaming turtle: {rate:,.0f} triples/s (target >= 200,000 triples/s: {verdict})")
    if not args.skip_rdflib:
        rdflib_total = rows[-1]
        print(f"ratio streaming turtle / rdflib turtle (build + serialise): "
              f"{rate / (rdflib_total[1] / rdflib_total[2]):.1f}x")


if __name__ == "__main__":
    main()
