"""How long `stakegraph --help` takes to start, against the bare interpreter with click loaded.

Start-up is what every command pays before doing anything, and what shell completion pays on every
<TAB>: the CLI must not import pandas, networkx, spaCy or rdflib until a command needs them. The
reference run is `python -c "import click"` (the floor no CLI of ours can go below); the ratio says
how much stakegraph adds on top. Target: `stakegraph --help` under 0.3 s.

    python benchmarks/cli_startup.py              # 15 runs of each, medians
    python benchmarks/cli_startup.py --runs 40
    python benchmarks/cli_startup.py --importtime # also the 15 slowest imports of `import stakegraph.cli`
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("pandas", "networkx", "spacy", "rdflib", "numpy", "igraph", "pyshacl", "trafilatura")


def timed(command: list[str], runs: int) -> list[float]:
    subprocess.run(command, capture_output=True, check=True)  # warm the file cache once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return times


def heavy_modules_at_help() -> list[str]:
    code = ("import sys\nfrom stakegraph.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n"
            "    pass\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names = set(loaded.stdout.strip().splitlines()[-1].split())
    return [m for m in HEAVY if m in names]


def importtime(top: int = 15) -> list[tuple[int, str]]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import stakegraph.cli"],
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()

    script = Path(sys.executable).with_name("stakegraph")
    cli = [str(script)] if script.exists() else [shutil.which("stakegraph") or "stakegraph"]
    reference = statistics.median(timed([sys.executable, "-c", "import click"], args.runs))
    help_time = statistics.median(timed([*cli, "--help"], args.runs))
    version = statistics.median(timed([*cli, "--version"], args.runs))
    print(f"reference  python -c 'import click'{reference * 1000:7.0f} ms  (median of {args.runs})")
    print(f"stakegraph --help                  {help_time * 1000:7.0f} ms  ratio {help_time / reference:.2f}")
    print(f"stakegraph --version               {version * 1000:7.0f} ms  ratio {version / reference:.2f}")
    print(f"target 300 ms: {'met' if help_time < 0.3 else 'NOT met'}")
    heavy = heavy_modules_at_help()
    print(f"heavy modules imported by --help: {', '.join(heavy) if heavy else 'none'}")
    if args.importtime:
        print("slowest imports of `import stakegraph.cli` (cumulative us):")
        for us, name in importtime():
            print(f"  {us:9d}  {name}")


if __name__ == "__main__":
    main()
