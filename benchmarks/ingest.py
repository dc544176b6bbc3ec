"""Ingest throughput and memory: stakegraph's pipeline against a bare spaCy pass over the same text.

The reference run tokenises and splits sentences with `spacy.blank("nl")` only — the least any
spaCy-based extractor must do — so the ratio says what the rules, resolution and store cost on top.
Texts are the project's own development set (tests/devset), copied N times under new names.

    python benchmarks/ingest.py [--copies 20]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

import spacy

from stakegraph.graph.store import open_store
from stakegraph.ingest import build
from stakegraph.loaders.formats import load_text

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset"


def corpus(folder: Path, copies: int) -> list[Path]:
    files = []
    for k in range(copies):
        for src in sorted(DEVSET.glob("*.txt")):
            dst = folder / f"{k:03d}_{src.name}"
            shutil.copyfile(src, dst)
            files.append(dst)
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20, help="how many times to copy the devset")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        files = corpus(folder, args.copies)
        chars = sum(len(load_text(f).text) for f in files)

        nlp = spacy.blank("nl")
        nlp.add_pipe("sentencizer")
        t0 = time.perf_counter()
        for f in files:
            nlp(load_text(f).text)
        reference = time.perf_counter() - t0

        store = open_store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        report = build([folder], store)
        full = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = build([folder], store)
        unchanged = time.perf_counter() - t0
        store.close()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(files)
    print(f"{n} documents, {chars / 1e6:.2f} M characters ({report.summary()}; re-run: {again.summary()})")
    print(f"{'run':34} {'seconds':>8} {'docs/s':>8} {'chars/s':>10} {'ratio':>7}")
    for label, seconds in (
        ("reference: spaCy blank nl + sents", reference),
        ("stakegraph ingest (SQLite)", full),
        ("stakegraph ingest, all unchanged", unchanged),
    ):
        print(
            f"{label:34} {seconds:8.2f} {n / seconds:8.1f} {chars / seconds:10.0f} {seconds / reference:7.1f}"
        )
    print(f"peak memory (RSS) {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
