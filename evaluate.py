"""Score a graph against hand-made gold files, per document and per entity/relation type.

Alignment follows the gold format's rules: a predicted entity matches a gold entity when any of
its names equals any gold name after `name_key` normalisation; a predicted relation matches when
its type and both aligned ends agree (either order for symmetric relations). Users tune their
own corpora with this, so it reports where extraction is weak, not just one number.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from .graph.model import ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS
from .graph.names import name_key


def load_gold(folder: str | Path, documents: list[str] | None = None) -> dict[str, dict]:
    gold = {}
    for p in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            name = data["document"]
            data["entities"], data["relations"]  # noqa: B018 - the keys must be there
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{p} is not a gold file: {exc}") from None
        if documents is None or name in documents:
            gold[name] = data
    if not gold:
        raise ValueError(f"no gold files in {folder}")
    return gold


def _names(entity: dict) -> set[str]:
    return {name_key(n) for n in [entity.get("name", ""), *(entity.get("aliases") or [])]} - {""}


def relation_key(rtype: str, s: str, t: str) -> tuple[str, str, str]:
    """A relation's identity for scoring: symmetric relations in either order are one."""
    return (rtype, *sorted((s, t))) if rtype in SYMMETRIC_RELATIONS else (rtype, s, t)


def align_entities(gold: dict, entities: list[dict]) -> dict[str, str]:
    """Predicted entity id -> the gold key it matches by any name, as the scorer aligns them."""
    gold_names = {g["key"]: _names(g) for g in gold["entities"]}
    align = {}
    for e in entities:
        hit = next((k for k, names in gold_names.items() if _names(e) & names), None)
        if hit is not None:
            align[e["id"]] = hit
    return align


# confidence bands of the calibration table, highest first: (lower bound, label)
BANDS = ((0.9, ">= 0.90"), (0.8, "0.80-0.89"), (0.7, "0.70-0.79"), (0.6, "0.60-0.69"), (0.0, "< 0.60"))


class _Counts:
    def __init__(self) -> None:
        self.c: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        self.judged: list[tuple[float, bool]] = []  # (confidence, correct) per predicted relation

    def add(self, kind: str, type_: str, i: int) -> None:
        self.c[(kind, type_)][i] += 1
        self.c[(kind, "all")][i] += 1


def score_document(gold: dict, entities: list[dict], relations: list[dict], counts: _Counts) -> dict:
    gold_type = {g["key"]: g["type"] for g in gold["entities"]}
    align = align_entities(gold, entities)
    matched: set[str] = set()
    errors: dict[str, list] = {"entity_fp": [], "entity_fn": [], "relation_fp": [], "relation_fn": []}
    for e in entities:
        hit = align.get(e["id"])
        if hit is None or hit in matched:  # no gold entity, or one an earlier entity matched already
            counts.add("entity", e["type"], 1)
            errors["entity_fp"].append(e["name"])
            continue
        matched.add(hit)
        counts.add("entity", gold_type[hit], 0)
    for k in gold_type:
        if k not in matched:
            counts.add("entity", gold_type[k], 2)
            errors["entity_fn"].append(next(g["name"] for g in gold["entities"] if g["key"] == k))
    gold_rel = {relation_key(r["type"], r["source"], r["target"]): r for r in gold["relations"]}
    found = set()
    for r in relations:
        s, t = align.get(r["source"]), align.get(r["target"])
        key = relation_key(r["type"], s, t) if s and t else None
        if key in found:
            continue
        confidence = float(r.get("confidence") or 0.0)
        if key is None or key not in gold_rel:
            counts.add("relation", r["type"], 1)
            counts.judged.append((confidence, False))
            errors["relation_fp"].append((r["type"], r["source"], r["target"]))
            continue
        found.add(key)
        counts.add("relation", r["type"], 0)
        counts.judged.append((confidence, True))
    for key in gold_rel:
        if key not in found:
            counts.add("relation", key[0], 2)
            errors["relation_fn"].append(key)
    return errors


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate_graph(graph: dict[str, Any], gold: dict[str, dict]) -> dict[str, Any]:
    """Micro-averaged scores over the gold documents, per type, with the errors of each document."""
    counts = _Counts()
    per_doc = {}
    for doc, g in gold.items():
        ents = [e for e in graph["entities"] if doc in {Path(d).name for d in e.get("documents", [])}]
        rels = [
            r
            for r in graph["relations"]
            if doc in {Path(ev.get("document", "")).name for ev in r.get("evidence", [])}
        ]
        before = {k: list(v) for k, v in counts.c.items()}
        errors = score_document(g, ents, rels, counts)
        scores = {}
        for kind in ("entity", "relation"):
            now, was = counts.c[(kind, "all")], before.get((kind, "all"), [0, 0, 0])
            scores[kind] = prf(*(a - b for a, b in zip(now, was, strict=True)))
        per_doc[doc] = {"scores": scores, "errors": errors}
    rows = []
    totals = {}
    for kind, types in (("entity", ENTITY_TYPES), ("relation", RELATION_TYPES)):
        totals[kind] = prf(*counts.c[(kind, "all")])
        rows.append({"scope": "all", "kind": kind, "type": "all", **totals[kind]})
        for t in types:
            if (kind, t) in counts.c:
                rows.append({"scope": "all", "kind": kind, "type": t, **prf(*counts.c[(kind, t)])})
    for doc, d in per_doc.items():
        for kind in ("entity", "relation"):
            rows.append({"scope": doc, "kind": kind, "type": "all", **d["scores"][kind]})
    return {
        "entities": totals["entity"],
        "relations": totals["relation"],
        "documents": per_doc,
        "rows": rows,
        "calibration": calibration(counts.judged),
    }


def calibration(judged: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Per confidence band, how many relations were reported and how many of them were right: a
    confidence means something only if facts at 0.9 are right nine times in ten."""
    rows = []
    upper = 1.01
    for lower, label in BANDS:
        inside = [ok for c, ok in judged if lower <= c < upper]
        rows.append(
            {
                "confidence": label,
                "relations": len(inside),
                "correct": sum(inside),
                "precision": round(sum(inside) / len(inside), 4) if inside else None,
            }
        )
        upper = lower
    return rows
