"""Extraction quality as users see it: a corpus ingested, exported and scored against gold.

The shared corpus is scored with the shared scorer itself; the project's own development set
(tests/devset, written for the project) with `stakegraph evaluate`. Floors only go up: raise
them when extraction improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stakegraph.evaluate import evaluate_graph, load_gold
from stakegraph.graph.export import dumps
from stakegraph.graph.store import open_store
from stakegraph.ingest import build
from stakegraph.knowledge import KnowledgeGraph
from stakegraph.loaders.formats import load_text

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "tests" / "devset"

# Floors measured on this code; see the closing notes of issues 3, 4, 11 and 12. Re-based twice:
# when the devset grew from 24 to 40 texts, and when the devset and holdout gold were aligned with
# the SCHEMA Conventions (issue 12; +10/-3 holdout relations, which the code of that time scored
# 0.635 and this code 0.629 — it trades a little on texts written for the project for precision
# on real pages, where facts of the rules measured weakest are left out). Raised with the learned
# pair model (relation_model.py): devset 0.787 -> 0.800, holdout 0.629 -> 0.687 (the devset is part
# of its training material, the holdout is not), realset dev 0.705 -> 0.769 (training material),
# blind 0.367 -> 0.436. With 36 more real pages (172: 116 development, 56 blind) and the model
# retrained on them: blind 0.417, holdout 0.664 (a few facts either way on its 12 texts). With a
# fifth round (220 pages: 148 development, 72 blind), calibration by sentence and no pairwise
# collaboration among more than six parties: blind 0.888 / 0.443, development 0.894 / 0.667.
# A sixth round (256 pages: 172 development, 84 blind), whose new pages are harder (long member
# lists): blind 0.882 / 0.410, development 0.900 / 0.643.
# The pair model keeps a type only at held-out precision 0.75 (was 0.65): development 0.900 / 0.609
# (its own training pages, where a lower threshold fitted them), devset 0.794, holdout 0.664.
# Eight rounds (328 pages: 220 development, 108 blind): blind 0.875 / 0.386 (the code this stop started
# with scores 0.874 / 0.394 on the same 108 pages), development 0.901 / 0.615.
# Eleven rounds (436 pages: 292 development, 144 blind): blind 0.885 / 0.407, development 0.906 / 0.622.
DEVSET_ENTITY_F1 = 0.95
DEVSET_RELATION_F1 = 0.79
# tests/holdout was written blind to the rules and is only measured, never tuned against
HOLDOUT = REPO / "tests" / "holdout"
HOLDOUT_ENTITY_F1 = 0.91
HOLDOUT_RELATION_F1 = 0.64
SHARED_ENTITY_F1 = 0.95
SHARED_RELATION_F1 = 0.95
# tests/realset: real public pages. The development part is read and tuned on; the blind part is
# only ever scored in aggregate.
REALSET = REPO / "tests" / "realset"
REALSET_FLOORS = {"dev": (0.89, 0.60), "blind": (0.87, 0.39)}  # entity F1, relation F1


def _export(corpus: Path, tmp_path: Path) -> Path:
    store = open_store(str(tmp_path / "g.db"))
    try:
        report = build([corpus], store)
        assert not report.skipped, report.skipped
        out = tmp_path / "g.json"
        out.write_text(dumps(KnowledgeGraph(store).to_json()), encoding="utf-8")
    finally:
        store.close()
    return out


@pytest.mark.shared("corpus", "gold", "tools/score_extraction.py")
def test_shared_corpus_meets_targets_with_the_shared_scorer(tmp_path: Path, shared: Path) -> None:
    graph = _export(shared / "corpus", tmp_path)
    run = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score_extraction.py"),
            "--gold",
            str(shared / "gold"),
            "--pred",
            str(graph),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(run.stdout)
    assert scores["entities"]["f1"] >= SHARED_ENTITY_F1, scores["entities"]
    assert scores["relations"]["f1"] >= SHARED_RELATION_F1, scores["relations"]


def test_devset_floor(tmp_path: Path) -> None:
    graph = json.loads(_export(DEVSET, tmp_path).read_text(encoding="utf-8"))
    result = evaluate_graph(graph, load_gold(DEVSET))
    assert result["entities"]["f1"] >= DEVSET_ENTITY_F1, result["entities"]
    assert result["relations"]["f1"] >= DEVSET_RELATION_F1, result["relations"]


def test_holdout_floor(tmp_path: Path) -> None:
    folder = tmp_path / "holdout"
    folder.mkdir()
    for p in HOLDOUT.glob("ho_*.txt"):  # the texts only: the README is no document of the set
        (folder / p.name).write_bytes(p.read_bytes())
    graph = json.loads(_export(folder, tmp_path).read_text(encoding="utf-8"))
    result = evaluate_graph(graph, load_gold(HOLDOUT))
    assert result["entities"]["f1"] >= HOLDOUT_ENTITY_F1, result["entities"]
    assert result["relations"]["f1"] >= HOLDOUT_RELATION_F1, result["relations"]


def test_every_relation_cites_its_sentence(tmp_path: Path) -> None:
    graph = json.loads(_export(DEVSET, tmp_path).read_text(encoding="utf-8"))
    # offsets index the extracted text; the folder's README is ingested as a document too
    texts = {p.name: load_text(p).text for p in DEVSET.iterdir() if p.suffix in {".txt", ".md"}}
    assert graph["relations"]
    for rel in graph["relations"]:
        assert rel["evidence"], rel
        for ev in rel["evidence"]:
            cited = texts[ev["document"]][ev["start"] : ev["end"]]
            assert " ".join(cited.split()) == ev["sentence"]
            assert ev["rule"] and 0 < ev["confidence"] <= 1


@pytest.mark.parametrize("part", sorted(REALSET_FLOORS))
def test_realset_floor(part: str, tmp_path: Path) -> None:
    folder = tmp_path / part
    folder.mkdir()
    for p in (REALSET / part).glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())
    graph = json.loads(_export(folder, tmp_path).read_text(encoding="utf-8"))
    result = evaluate_graph(graph, load_gold(REALSET / part))
    entity_floor, relation_floor = REALSET_FLOORS[part]
    assert result["entities"]["f1"] >= entity_floor, result["entities"]
    assert result["relations"]["f1"] >= relation_floor, result["relations"]
