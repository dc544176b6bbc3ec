"""Train the learned pair model (`relation_model.py`) on annotated documents, and measure it honestly.

    python -m stakegraph.loaders.train_relation_model tests/realset/dev tests/devset \\
        ../shared/corpus:../shared/gold

Each argument is a folder of texts, with their gold files beside them or in the folder after the
colon; the first is the one measured (real pages), the others only add training material. The
rules run first (calibrated, as `ingest` runs them); every pair of entities named in one sentence
is labelled by the gold, aligned as the scorer aligns it. The measured pages are held out one
batch at a time and scored by a model trained on everything else; per relation type the threshold
that gives the model's best F1 on them at a precision of at least MIN_PRECISION is kept, and
that precision becomes the confidence of the facts it reads. A type where no threshold reaches
it gets no model. The printed table compares rules alone, the model alone and both on held-out
pages only. The shipped model is then trained on everything. Needs scikit-learn (the `dev`
extra); applying it does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..evaluate import align_entities, load_gold, relation_key
from ..graph.model import RELATION_TYPES, SYMMETRIC_RELATIONS, Document
from .calibration import PRIOR_STRENGTH, SINGLE_SENTENCE_CEILING
from .extract import Extractor
from .formats import load_text
from .relation_model import MODEL_FILE, sentence_candidates

THRESHOLDS = [round(0.3 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95
C = 1.0  # inverse regularisation, chosen by held-out F1 among 0.1, 0.3, 1 and 3
F1_SLACK = 0.015
MIN_PRECISION = 0.75  # a threshold that lets the model add facts right less often than this is not kept


@dataclass
class Sample:
    """One pair candidate of one document, with its gold label."""

    type: str
    key: tuple[str, str, str]  # (type, source id, target id) as predicted entities
    features: tuple[str, ...]
    label: bool


@dataclass
class Page:
    """What a document gives the trainer: its pairs, the rules' facts, and the gold's facts."""

    name: str
    samples: list[Sample] = field(default_factory=list)
    rule_facts: set[tuple[str, str, str]] = field(default_factory=set)  # aligned gold keys or misses
    rule_read: set[tuple[str, str, str]] = field(default_factory=set)  # every pair a rule read
    align: dict[str, str] = field(default_factory=dict)
    truth: set[tuple[str, str, str]] = field(default_factory=set)


def _corpora(specs: list[str]) -> list[tuple[Path, Path]]:
    out = []
    for spec in specs:
        text, _, gold = spec.partition(":")
        out.append((Path(text), Path(gold or text)))
    return out


def read_pages(specs: list[str]) -> list[Page]:
    """Run the rules over every annotated text and label its pair candidates."""
    extractor = Extractor(learned=False)
    pages = []
    for text_dir, gold_dir in _corpora(specs):
        for name, gold in sorted(load_gold(gold_dir).items()):
            text = load_text(text_dir / name).text
            state = extractor.read(text)
            facts = extractor.facts(state, Document(name, name, str(text_dir / name)))
            page = Page(f"{text_dir}/{name}")
            page.align = align_entities(gold, [e.to_dict() for e in facts.entities])
            page.truth = {relation_key(r["type"], r["source"], r["target"]) for r in gold["relations"]}
            page.rule_facts = {_aligned(page.align, r.type, r.source, r.target) for r in facts.relations}
            page.rule_read = {(str(c.type), c.source, c.target) for c in state.relations}
            page.rule_read |= {(t, b, a) for t, a, b in page.rule_read if t in SYMMETRIC_RELATIONS}
            for pc in sentence_candidates(state.sentences, state.mentions):
                key = (pc.type, str(pc.source.key), str(pc.target.key))
                gold_key = _aligned(page.align, *key)
                page.samples.append(Sample(pc.type, key, pc.features, gold_key in page.truth))
            pages.append(page)
    return pages


def _aligned(align: dict[str, str], rtype: str, s: str, t: str) -> tuple[str, str, str]:
    a, b = align.get(s), align.get(t)
    if a is None or b is None:
        return (rtype, f"?{s}", f"?{t}")  # matches no gold fact
    return relation_key(rtype, a, b)


def _fit(samples: list[Sample]):  # noqa: ANN202 - scikit-learn objects, imported lazily
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if not samples:
        return None
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(s.features, 1) for s in samples])
    y = [s.label for s in samples]
    if len(set(y)) < 2:
        return None
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(x, y)
    return vec, clf


def _predict(model, samples: list[Sample]) -> list[float]:  # noqa: ANN001
    if model is None or not samples:
        return [0.0] * len(samples)
    vec, clf = model
    return list(clf.predict_proba(vec.transform([dict.fromkeys(s.features, 1) for s in samples]))[:, 1])


def _model_facts(
    page: Page, scored: list[tuple[Sample, float]], threshold: float, alone: bool = False
) -> set[tuple[str, str, str]]:
    best: dict[tuple[str, str, str], float] = defaultdict(float)
    for s, p in scored:
        if alone or s.key not in page.rule_read:
            best[s.key] = max(best[s.key], p)
    return {_aligned(page.align, *k) for k, p in best.items() if p >= threshold}


def _counts(pages: list[Page], extra: dict[str, set], rtype: str, rules: bool = True) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for page in pages:
        read = (page.rule_facts if rules else set()) | extra.get(page.name, set())
        facts = {k for k in read if k[0] == rtype}
        truth = {k for k in page.truth if k[0] == rtype}
        tp += len(facts & truth)
        fp += len(facts - truth)
        fn += len(truth - facts)
    return tp, fp, fn


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _smoothed(counts: tuple[int, int, int]) -> float:
    """Precision pulled towards a coin toss, as the rules' calibration does: a threshold right on
    two facts of three has shown little."""
    tp, fp, _ = counts
    return (tp + PRIOR_STRENGTH * 0.5) / (tp + fp + PRIOR_STRENGTH)


def batch_of(page: Page) -> str:
    """The batch a page came in: its file name's prefix ("ra_03_x.txt" -> "ra")."""
    return Path(page.name).name.split("_", 1)[0]


def cross_validate(pages: list[Page], evaluated: str) -> dict[str, dict]:
    """Per type: held-out scores of each page's pairs, the best threshold, and rules vs rules+model.

    Only the pages of the `evaluated` corpus are held out, one batch at a time (pages found and
    annotated together share sources and topics, so a random split would let the model meet the
    same organisations in training and test); the other corpora are always training material.
    """
    tested = [p for p in pages if p.name.startswith(evaluated + "/")]
    batches = sorted({batch_of(p) for p in tested})
    held: dict[str, list[tuple[Page, Sample, float]]] = defaultdict(list)
    for batch in batches:
        train = [p for p in pages if not (p in tested and batch_of(p) == batch)]
        test = [p for p in tested if batch_of(p) == batch]
        for rtype in RELATION_TYPES:
            model = _fit([s for p in train for s in p.samples if s.type == rtype])
            for p in test:
                samples = [s for s in p.samples if s.type == rtype]
                for s, prob in zip(samples, _predict(model, samples), strict=True):
                    held[rtype].append((p, s, prob))
    pages = tested
    report = {}
    for rtype in RELATION_TYPES:
        per_page: dict[str, list[tuple[Sample, float]]] = defaultdict(list)
        for p, s, prob in held[rtype]:
            per_page[p.name].append((s, prob))
        by_name = {p.name: p for p in pages}
        rules = _counts(pages, {}, rtype)
        # The threshold is chosen on the model read alone: the rules were tuned on these pages, so
        # what the model adds to them here says little about pages nobody has read, where the rules
        # find far less. Alone, held out by fold, the model is measured as it will meet new pages.
        scored = []
        for th in THRESHOLDS:
            alone = {n: _model_facts(by_name[n], sc, th, alone=True) for n, sc in per_page.items()}
            counts = _counts(pages, alone, rtype, rules=False)
            if _smoothed(counts) >= MIN_PRECISION:
                scored.append((_f1(*counts)[2], th, counts))
        # F1 is flat near its top: of the thresholds within F1_SLACK of the best, the highest, which
        # reports fewer and surer facts
        top = max((f for f, _, _ in scored), default=0.0)
        best = max(((f, th, c) for f, th, c in scored if f >= top - F1_SLACK), key=lambda r: r[1],
                   default=(0.0, 1.01, (0, 0, 0)))
        union = {n: _model_facts(by_name[n], sc, best[1]) for n, sc in per_page.items()}
        report[rtype] = {
            "threshold": best[1],
            # what a fact the model reads is worth on pages it was not trained on
            "confidence": round(min(SINGLE_SENTENCE_CEILING, _smoothed(best[2])), 4),
            "rules": rules, "model": best[2], "with_model": _counts(pages, union, rtype),
        }
    return report


def train(pages: list[Page], report: dict[str, dict]) -> dict:
    """The shipped model: trained on every page, with the thresholds cross-validation chose."""
    types = {}
    for rtype in RELATION_TYPES:
        if report[rtype]["threshold"] > 1.0:
            continue  # the model did not help this type on held-out pages
        model = _fit([s for p in pages for s in p.samples if s.type == rtype])
        if model is None:
            continue
        vec, clf = model
        weights = {
            f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
            if abs(w) >= 1e-3
        }
        types[rtype] = {
            "bias": round(float(clf.intercept_[0]), 4),
            "threshold": report[rtype]["threshold"],
            "confidence": report[rtype]["confidence"],
            "weights": dict(sorted(weights.items())),
        }
    return types


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the learned relation pair model on annotated documents.")
    ap.add_argument("corpora", nargs="+", help="TEXTS[:GOLD] folders; gold files beside the texts by default")
    ap.add_argument("-o", "--output", type=Path, default=MODEL_FILE)
    args = ap.parse_args(argv)
    for text_dir, gold_dir in _corpora(args.corpora):
        if not text_dir.is_dir() or not gold_dir.is_dir():
            print(f"train_relation_model: no such folder: {text_dir} / {gold_dir}", file=sys.stderr)
            return 2
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("train_relation_model: needs scikit-learn: pip install -e '.[dev]'", file=sys.stderr)
        return 2
    pages = read_pages(args.corpora)
    report = cross_validate(pages, _corpora(args.corpora)[0][0].as_posix())
    print(f"{len(pages)} documents, {sum(len(p.samples) for p in pages)} pairs; "
          f"{args.corpora[0]} held out batch by batch:")
    print(f"{'type':<18} {'threshold':>9}  {'rules P/R/F1':>14}  {'model P/R/F1':>14}  {'both P/R/F1':>14}")
    for rtype, row in report.items():
        cells = ["/".join(f"{v:.2f}" for v in _f1(*row[k])) for k in ("rules", "model", "with_model")]
        print(f"{rtype:<18} {row['threshold']:>9}  " + "  ".join(f"{c:>14}" for c in cells))
    data = {"trained_on": args.corpora, "C": C, "types": train(pages, report)}
    args.output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"model for {len(data['types'])} relation types -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
