"""Extraction throughput in one process against tokenise-only on the same texts, printed as a ratio.

The texts are the repository's real pages and development set (tests/realset/dev, tests/devset).
Both sides are timed in CPU seconds (the machine may be shared), each on a fresh pipeline warmed up
on one text, best of `--repeat` passes: `Extractor().extract` (the whole of what `stakegraph
ingest` does per document, without reading files or writing the store) against spaCy
`blank("nl")` + sentencizer, the least any spaCy-based extractor must do. `--profile N` prints the
N functions with the most own time in one further, profiled pass.

    python benchmarks/extraction.py [--repeat 3] [--profile 25]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

import spacy

from stakegraph.graph.model import Document
from stakegraph.loaders.extract import Extractor

TESTS = Path(__file__).resolve().parents[1] / "tests"
FOLDERS = (TESTS / "realset" / "dev", TESTS / "devset")


def extraction_seconds(texts: list[str]) -> float:
    extractor = Extractor()  # fresh: no word caches warm from an earlier pass
    extractor.extract(texts[0], Document("warmup.txt", "warmup.txt", "warmup.txt"))
    t0 = time.process_time()
    for i, text in enumerate(texts):
        extractor.extract(text, Document(f"d{i}.txt", f"d{i}.txt", f"d{i}.txt"))
    return time.process_time() - t0


def tokenise_seconds(texts: list[str]) -> float:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp(texts[0])
    t0 = time.process_time()
    for text in texts:
        nlp(text)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes per side; the fastest counts")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract = min(extraction_seconds(texts) for _ in range(args.repeat))
    tokenise = min(tokenise_seconds(texts) for _ in range(args.repeat))
    print(f"{len(texts)} documents, {mb:.2f} MB")
    print(f"{'run':34} {'CPU s':>7} {'MB/s':>7}")
    print(f"{'stakegraph extraction':34} {extract:7.2f} {mb / extract:7.3f}")
    print(f"{'spaCy blank nl + sentencizer':34} {tokenise:7.2f} {mb / tokenise:7.3f}")
    print(f"ratio (throughput): extraction / tokenise-only {tokenise / extract:6.1%}   (target >= 25%)")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(extraction_seconds, texts)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())


if __name__ == "__main__":
    main()
