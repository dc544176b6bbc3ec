"""A large run: generate N genre documents, ingest them, then time the read commands on that store.

Prints documents/s over the first and the last 10% of the ingest (a super-linear step anywhere in
extraction, resolution, curation or storage shows as a lower last-10% rate), MB/s, the peak RSS of
the ingest (workers included), the store size, and the wall time, CPU time and peak RSS of `stats`,
`show`, `query centrality --measure betweenness` and `export turtle|trig|json` on the result. Every
command runs as a separate `stakegraph` process, as a user runs it.

    python benchmarks/scale.py --docs 100000 --workers 2 [--keep DIR]
    python benchmarks/scale.py --keep DIR --reads-only     # the reads again, on the kept store
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from genre import generate  # noqa: E402


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str, float]:
    """(wall seconds, peak RSS MB incl. worker processes, output, CPU seconds) of one process.
    CPU seconds are the steadier figure on a shared machine: they do not count waiting for a core."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        with proc.stdout as stdout:  # type: ignore[union-attr]
            out = stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        if status:
            err.seek(0)
            raise SystemExit(f"{' '.join(args)} failed: {err.read().strip()[-500:]}")
    return wall, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime


def _ingest_child(folder: str, db: str, workers: int, stamps: str) -> None:
    """Runs in its own process: ingest and write each document's completion time to `stamps`."""
    from stakegraph.ingest import build

    times: list[float] = []
    t0 = time.perf_counter()

    def progress(_path: Path) -> None:
        times.append(time.perf_counter() - t0)
        if len(times) % 5000 == 0:  # a partial record, should the run be stopped
            with open(stamps + ".partial", "a") as fh:
                fh.write(f"{len(times)} {times[-1]:.1f}\n")

    report = build([folder], db, workers=workers, progress=progress)
    total = time.perf_counter() - t0
    Path(stamps).write_text(json.dumps({"times": times, "total": total, "summary": report.summary()}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    ap.add_argument("--reads-only", action="store_true",
                    help="time the read commands on the store already in --keep (before/after a change)")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        folder, db, workers, stamps = args.child
        _ingest_child(folder, db, int(workers), stamps)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="stakegraph-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    folder, db, stamps = work / "docs", work / "scale.db", work / "stamps.json"
    if args.reads_only:
        reads(work, db)
        return
    if not folder.exists():
        t0 = time.perf_counter()
        generate(folder, args.docs)
        print(f"generated {args.docs} documents in {time.perf_counter() - t0:.0f} s", flush=True)
    mb = sum(f.stat().st_size for f in folder.rglob("*.txt")) / 1e6
    wall, rss, _, cpu = timed(
        [sys.executable, __file__, "--child", str(folder), str(db), str(args.workers), str(stamps)]
    )
    data = json.loads(stamps.read_text())
    times, n = data["times"], len(data["times"])
    tenth = max(1, n // 10)
    first = tenth / times[tenth - 1]
    last = tenth / (times[-1] - times[n - tenth - 1])
    size = sum(p.stat().st_size for p in work.glob("scale.db*")) / 1e6
    print(f"{n} documents, {mb:.1f} MB of text, --workers {args.workers}: {data['summary']}")
    print(f"ingest {wall:.0f} s wall, {n / data['total']:.1f} docs/s, {mb / data['total']:.3f} MB/s, "
          f"peak RSS {rss:.0f} MB, {cpu:.0f} CPU s (workers included)")
    print(f"docs/s first 10% {first:.1f}, last 10% {last:.1f} (last/first {last / first:.2f})")
    print(f"store {size:.0f} MB ({size / mb:.1f}x the text)", flush=True)
    reads(work, db)


def reads(work: Path, db: Path) -> None:
    """Wall time, CPU time and peak RSS of each read command, each its own process."""
    mb = sum(f.stat().st_size for f in (work / "docs").rglob("*.txt")) / 1e6
    size = sum(p.stat().st_size for p in work.glob("scale.db*")) / 1e6
    print(f"store {size:.0f} MB ({size / mb:.1f}x the {mb:.1f} MB of text)", flush=True)
    sg = [sys.executable, "-m", "stakegraph"]
    listing = timed([*sg, "entities", "--type", "Municipality", "--format", "json", "--store", str(db)])
    name = json.loads(listing[2])[0]
    commands = {
        "stats": [*sg, "stats", "--store", str(db)],
        f"show \"{name['name']}\"": [*sg, "show", name["name"], "--store", str(db)],
        "query centrality --measure betweenness": [
            *sg, "query", "centrality", "--measure", "betweenness", "--store", str(db)],
        "export turtle": [*sg, "export", "turtle", "-o", str(work / "graph.ttl"), "--store", str(db)],
        "export trig": [*sg, "export", "trig", "-o", str(work / "graph.trig"), "--store", str(db)],
        "export json": [*sg, "export", "json", "-o", str(work / "graph.json"), "--store", str(db)],
    }
    for label, cmd in commands.items():
        wall, rss, _, cpu = timed(cmd)
        print(f"{label:45} {wall:8.1f} s  {cpu:8.1f} CPU s  peak RSS {rss:6.0f} MB", flush=True)


if __name__ == "__main__":
    main()
