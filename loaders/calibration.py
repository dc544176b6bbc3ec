"""Confidence that means something: how often each rule's facts were right on real pages.

A rule's hand-set confidence is a guess made while writing it. `fit` replaces it by the share of
its facts that were right on annotated real pages (`tests/realset/dev`), pulled towards the guess
where a rule fired only a few times, so a fact reported at 0.9 is right about nine times in ten.
The table ships in the package (`reference/calibration.json`); refit it whenever the rules change:

    python -m stakegraph.loaders.calibration tests/realset/dev tests/devset

Both sets count: fitted on the real pages alone, rules that read project-written texts well and real
pages poorly fell under the reporting floor, and on the unseen rounds and the holdout that cost
more recall than it gained precision; fitted on both, every unseen set measured did better.

Rules the table does not know keep their own confidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).parent / "reference" / "calibration.json"

# how many observations the hand-set confidence is worth when a rule has fired only a few times
PRIOR_STRENGTH = 4.0

# A rule is at most this certain: the rules were tuned on the pages they are fitted on, and on
# pages nobody has read they do worse.
SINGLE_SENTENCE_CEILING = 0.85

# The development pages are the pages the rules were tuned on, so their precision flatters the
# rules. Each new batch of real pages was scored before any rule was changed for it: there the
# facts were right 0.72 of the time where the development pages gave 0.94 (tests/realset/README.md).
# Reported confidences are scaled by that ratio, so they speak of pages nobody has read.
UNSEEN_RATIO = 0.77

# Facts weaker than this are left out: on the development pages fewer than half of them were
# right, and on pages the rules were not tuned on fewer still: not worth an analyst's attention.
RELATION_FLOOR = 0.5


@cache
def load_calibration(path: Path = CALIBRATION_FILE) -> dict[str, float]:
    """Rule name -> calibrated confidence; empty when no table has been fitted."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {rule: float(row["confidence"]) for rule, row in data["rules"].items()}


def fit(judged: Iterable[tuple], strength: float = PRIOR_STRENGTH) -> dict[str, dict]:
    """Per rule, from (rule, hand-set confidence, was the fact right[, sentence]): the smoothed share
    right. Facts one rule read in one sentence count together as one observation (the share of them
    that was right): a list of six parties read wrongly is one mistake of the rule, not six."""
    seen: dict[str, dict[object, list[tuple[float, bool]]]] = defaultdict(lambda: defaultdict(list))
    for n, (rule, confidence, correct, *where) in enumerate(judged):
        seen[rule][where[0] if where else n].append((confidence, correct))
    table = {}
    for rule, sentences in sorted(seen.items()):
        rows = [(sum(c for c, _ in g) / len(g), sum(ok for _, ok in g) / len(g)) for g in sentences.values()]
        prior = sum(c for c, _ in rows) / len(rows)
        right = sum(ok for _, ok in rows)
        table[rule] = {
            "judged": len(rows),
            "correct": round(right, 2),
            "prior": round(prior, 4),
            "confidence": round(
                min(SINGLE_SENTENCE_CEILING, (right + strength * prior) / (len(rows) + strength)), 4
            ),
        }
    return table


def judge_corpus(gold_dir: Path) -> list[tuple[str, float, bool, str]]:
    """Extract every text that has a gold file, uncalibrated, and judge each rule's facts."""
    from ..evaluate import align_entities, load_gold, relation_key
    from ..graph.model import Document
    from .extract import Extractor
    from .formats import load_text

    extractor = Extractor(calibrate=False, learned=False)  # the rules alone, as they read
    judged = []
    for name, gold in sorted(load_gold(gold_dir).items()):
        text = load_text(gold_dir / name).text
        facts = extractor.extract(text, Document(name, name, str(gold_dir / name)))
        align = align_entities(gold, [e.to_dict() for e in facts.entities])
        truth = {relation_key(r["type"], r["source"], r["target"]) for r in gold["relations"]}
        for r in facts.relations:
            s, t = align.get(r.source), align.get(r.target)
            correct = bool(s and t and relation_key(r.type, s, t) in truth)
            for ev in r.evidence:
                judged.append((ev.rule, ev.confidence, correct, f"{name}:{ev.start}"))
    return judged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Fit rule confidences on annotated documents.")
    ap.add_argument("gold", type=Path, nargs="+", help="folders of texts with <name>.json gold beside them")
    ap.add_argument("-o", "--output", type=Path, default=CALIBRATION_FILE)
    args = ap.parse_args(argv)
    missing = [g for g in args.gold if not g.is_dir()]
    if missing:
        print(f"calibration: no such folder: {missing[0]}", file=sys.stderr)
        return 2
    table = fit([row for g in args.gold for row in judge_corpus(g)])
    fitted_on = " + ".join(g.as_posix() for g in args.gold)
    data = {"fitted_on": fitted_on, "prior_strength": PRIOR_STRENGTH, "rules": table}
    args.output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table)} rules calibrated -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
