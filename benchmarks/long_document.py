"""Extraction time against document length: one long genre text at 1x, 2x, 4x and 8x its length.

A long report, council minutes or a 200-page PDF is one document; extraction must cost time in
proportion to its length. The base text is the development set's texts joined into one document
(paragraphs kept), cut to `--kb` kilobytes; each multiple repeats it. Printed: seconds per run and
the ratio of time to the 1x run beside the ratio of length (linear means the two columns agree).

    python benchmarks/long_document.py [--kb 71] [--max-multiple 8]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from stakegraph.graph.model import Document
from stakegraph.loaders.extract import Extractor

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "devset"


def base_text(kb: int) -> str:
    """The devset's texts as one document, cut at a paragraph end near `kb` kilobytes."""
    joined = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in sorted(DEVSET.glob("*.txt")))
    while len(joined.encode()) < kb * 1024:
        joined += "\n\n" + joined
    cut = joined.rfind("\n\n", 0, kb * 1024)
    return joined[: cut if cut > 0 else kb * 1024]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=int, default=71, help="size of the 1x document in kilobytes")
    ap.add_argument("--max-multiple", type=int, default=8, help="largest multiple (a power of two)")
    args = ap.parse_args()
    extractor = Extractor()
    text = base_text(args.kb)
    extractor.extract(text[:2000], Document("warmup.txt", "warmup.txt", "warmup.txt"))
    rows = []
    multiple = 1
    while multiple <= args.max_multiple:
        doc_text = "\n\n".join([text] * multiple)
        t0 = time.perf_counter()
        name = f"long_{multiple}x.txt"
        facts = extractor.extract(doc_text, Document(name, name, name))
        seconds = time.perf_counter() - t0
        rows.append((multiple, len(doc_text), seconds, len(facts.relations)))
        multiple *= 2
    first = rows[0][2]
    print(f"{'length':>7} {'KB':>7} {'seconds':>8} {'time ratio':>10} {'relations':>9}")
    for multiple, chars, seconds, nrel in rows:
        print(f"{multiple:>6}x {chars / 1024:>7.0f} {seconds:>8.2f} {seconds / first:>10.2f} {nrel:>9}")


if __name__ == "__main__":
    main()
