"""Query speed and approximation quality on synthetic scale-free graphs, networkx against igraph.

1. A Barabasi-Albert graph of 100k nodes and ~1M edges (m=10): PageRank (target <= 10 s) and
   betweenness estimated from k=500 sampled sources (target <= 60 s) through
   `stakegraph.queries.centrality`, with the igraph backend ("auto" picks it at this size), and
   networkx beside it. networkx's sampled betweenness needs ~2-3 s per source here, so by
   default its time is extrapolated from a few sources (marked "est."; --full runs it all).
2. A 5k-node sample graph of the same kind: every measure timed on both backends side by side
   with the ratio, and the Spearman rank correlation of the approximate (k=500) top-100 against
   exact betweenness (target >= 0.95), over several sampling seeds and a few other k.

    python benchmarks/queries.py            # a few minutes on two cores
    python benchmarks/queries.py --full     # networkx without extrapolation (an hour or more)
    python benchmarks/queries.py --nodes 20000 --sample-nodes 2000   # a quick look
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import igraph as ig
import networkx as nx
from scipy.stats import spearmanr

from stakegraph.queries import centrality
from stakegraph.queries.backend import seeded_igraph


def scale_free(nodes: int, m: int, seed: int) -> nx.Graph:
    """A Barabasi-Albert graph (igraph generates it fast, seeded), as networkx, nodes 0..n-1."""
    with seeded_igraph(seed):
        H = ig.Graph.Barabasi(nodes, m)
    G = nx.Graph()
    G.add_nodes_from(range(nodes))
    G.add_edges_from(H.get_edgelist())
    return G


def timed(fn: Callable[[], Any], quick: float = 2.0, repeat: int = 3) -> tuple[float, Any]:
    """Seconds and result; anything faster than `quick` seconds is run `repeat` times and the best
    time kept, since a shared machine adds noise that is large next to a fraction of a second."""
    best, result = float("inf"), None
    for attempt in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
        if attempt == 0 and best >= quick:
            break
    return best, result


def row(label: str, nx_s: float | None, ig_s: float, note: str = "", target: str = "") -> None:
    nx_cell = "-" if nx_s is None else f"{nx_s:9.2f}"
    ratio = "-" if nx_s is None else f"{nx_s / ig_s:7.1f}x"
    print(f"  {label:34} {nx_cell:>11} {ig_s:9.2f} {ratio:>9}  {note}{target}")


def header(title: str) -> None:
    print(f"\n{title}")
    print(f"  {'':34} {'networkx s':>11} {'igraph s':>9} {'nx/ig':>9}")


def large(args: argparse.Namespace) -> None:
    t, G = timed(lambda: scale_free(args.nodes, args.m, args.seed))
    print(f"large graph: Barabasi-Albert, {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges "
          f"(built in {t:.1f} s)")
    header("large graph")
    ig_pr, df = timed(lambda: centrality(G, "pagerank"))
    assert df.attrs["backend"] == "igraph"
    nx_pr, _ = timed(lambda: centrality(G, "pagerank", backend="networkx"))
    row("pagerank", nx_pr, ig_pr, target=f"   target <= 10 s: {'met' if ig_pr <= 10 else 'MISSED'}")
    ig_bt, df = timed(lambda: centrality(G, "betweenness", k=args.k, seed=args.seed))
    assert df.attrs["backend"] == "igraph" and df.attrs["approximate"]
    if args.full:
        nx_bt, _ = timed(lambda: centrality(G, "betweenness", k=args.k, seed=args.seed, backend="networkx"))
        note = ""
    else:
        few, _ = timed(lambda: centrality(G, "betweenness", k=args.nx_sources, seed=args.seed,
                                          backend="networkx"))
        nx_bt = few * args.k / args.nx_sources
        note = f"(nx est. from k={args.nx_sources})"
    row(f"betweenness, k={args.k} sampled", nx_bt, ig_bt, note,
        f"   target <= 60 s: {'met' if ig_bt <= 60 else 'MISSED'}")


def sample(args: argparse.Namespace) -> None:
    G = scale_free(args.sample_nodes, args.m, args.seed + 1)
    n = G.number_of_nodes()
    print(f"\nsample graph: Barabasi-Albert, {n:,} nodes, {G.number_of_edges():,} edges")
    header("sample graph, every measure")
    for measure in ("degree", "eigenvector", "pagerank"):
        ig_s, _ = timed(lambda m=measure: centrality(G, m, backend="igraph"))
        nx_s, _ = timed(lambda m=measure: centrality(G, m, backend="networkx"))
        row(measure, nx_s, ig_s)
    ig_exact, exact = timed(lambda: centrality(G, "betweenness", backend="igraph"))
    part = args.nx_sample_sources  # networkx is timed on this many sources, then scaled to n
    for measure, ig_s, estimate in (
        ("betweenness, exact", ig_exact, lambda: nx.betweenness_centrality(G, k=part, seed=0)),
        ("closeness", timed(lambda: centrality(G, "closeness", backend="igraph"))[0],
         lambda: [nx.closeness_centrality(G, u=v) for v in range(part)]),
        ("harmonic", timed(lambda: centrality(G, "harmonic", backend="igraph"))[0],
         lambda: nx.harmonic_centrality(G, sources=range(part))),
    ):
        if args.full:
            name = "betweenness" if measure.startswith("betweenness") else measure
            nx_s, _ = timed(lambda m=name: centrality(G, m, backend="networkx"))
            row(measure, nx_s, ig_s)
        else:
            some, _ = timed(estimate)
            row(measure, some * n / part, ig_s, f"(nx est. from {part} sources)")
    ig_k, _ = timed(lambda: centrality(G, "betweenness", k=args.k, seed=0, backend="igraph"))
    nx_k, _ = timed(lambda: centrality(G, "betweenness", k=args.k, seed=0, backend="networkx"))
    row(f"betweenness, k={args.k} sampled", nx_k, ig_k)

    truth = dict(zip(exact["id"], exact["score"], strict=True))
    print(f"\nSpearman rank correlation, approximate top-{args.top} against exact betweenness "
          f"({args.seeds} sampling seeds; target >= 0.95 at k={args.k})")
    for k in sorted({args.k, *args.other_k}):
        values, overlaps = [], []
        for seed in range(args.seeds):
            approx = centrality(G, "betweenness", k=k, seed=seed, backend="igraph")
            top = list(approx["id"][: args.top])
            estimate = dict(zip(approx["id"], approx["score"], strict=True))
            values.append(spearmanr([truth[i] for i in top], [estimate[i] for i in top]).statistic)
            overlaps.append(len(set(top) & set(exact["id"][: args.top])))
        mark = f"  target {'met' if statistics.mean(values) >= 0.95 else 'MISSED'}" if k == args.k else ""
        print(f"  k={k:<5} ({100 * k / n:4.1f}% of nodes)  mean {statistics.mean(values):.3f}  "
              f"min {min(values):.3f}  seed 0 {values[0]:.3f}  top-{args.top} overlap "
              f"{statistics.mean(overlaps):.0f}{mark}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--nodes", type=int, default=100_000)
    p.add_argument("--m", type=int, default=10, help="edges per new node (Barabasi-Albert)")
    p.add_argument("--k", type=int, default=500, help="sampled sources for approximate betweenness")
    p.add_argument("--sample-nodes", type=int, default=5000)
    p.add_argument("--top", type=int, default=100)
    p.add_argument("--seeds", type=int, default=5, help="sampling seeds for the Spearman check")
    p.add_argument("--other-k", type=int, nargs="*", default=[250, 1000, 2000])
    p.add_argument("--nx-sources", type=int, default=10, help="networkx sources timed on the large graph")
    p.add_argument("--nx-sample-sources", type=int, default=250,
                   help="networkx sources timed on the sample graph")
    p.add_argument("--full", action="store_true", help="time networkx in full instead of extrapolating")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--skip-large", action="store_true")
    args = p.parse_args()
    if not args.skip_large:
        large(args)
    sample(args)


if __name__ == "__main__":
    main()
