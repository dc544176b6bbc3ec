"""`export graphml|gexf|csv` on a store: wall time, CPU time and peak RSS, and the same with other code.

Each export runs as its own `stakegraph` process. With `--compare DIR`, where DIR/stakegraph is
another checkout (e.g. `git archive main`), every export is also run with that code and the files
compared byte for byte: before/after a change.

    python benchmarks/scale.py --docs 20000 --workers 2 --keep /tmp/s20k     # a store to export
    python benchmarks/network_export.py --store /tmp/s20k/scale.db [--compare /tmp/before]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import timed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--compare", type=Path, default=None,
                    help="folder holding another checkout as stakegraph/")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="stakegraph-network-export-"))
    sg = [sys.executable, "-m", "stakegraph"]
    envs = {"now": dict(os.environ)}
    if args.compare:
        envs["before"] = {**os.environ, "PYTHONPATH": str(args.compare)}
    for fmt in ("graphml", "gexf", "csv"):
        results = {}
        for label, env in envs.items():
            out = work / f"{label}.{fmt}"
            wall, rss, _, cpu = timed([*sg, "export", fmt, "-o", str(out), "--store", args.store], env)
            results[label] = (wall, cpu, rss, out)
        wall, cpu, rss, out = results["now"]
        line = f"export {fmt:8} {wall:7.1f} s {cpu:7.1f} CPU s  peak RSS {rss:6.0f} MB"
        if "before" in results:
            wall0, cpu0, rss0, out0 = results["before"]
            if fmt == "csv":
                same = all(filecmp.cmp(out / n, out0 / n, shallow=False)
                           for n in ("nodes.csv", "relationships.csv"))
            else:
                same = filecmp.cmp(out, out0, shallow=False)
            line += (f"   before: {wall0:7.1f} s {cpu0:7.1f} CPU s  peak RSS {rss0:6.0f} MB"
                     f"   ({rss0 / rss:.1f}x less memory, {'byte-identical' if same else 'FILES DIFFER'})")
        size = sum(p.stat().st_size for p in ([out] if out.is_file() else out.iterdir())) / 1e6
        print(line + f", {size:.0f} MB written", flush=True)


if __name__ == "__main__":
    main()
