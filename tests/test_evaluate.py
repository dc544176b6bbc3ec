"""Scoring against gold files: hand-counted on a small case (aliases, a leading "gemeente", a
duplicate, a reversed symmetric relation), equal to the shared scorer script on real extractions,
per type, and an unusable gold folder is one clear error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import main
from stakegraph.evaluate import evaluate_graph, load_gold, prf
from stakegraph.graph.export import dumps
from stakegraph.graph.model import Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.store import open_store
from stakegraph.ingest import build
from stakegraph.knowledge import KnowledgeGraph

REPO = Path(__file__).resolve().parents[1]
SCORER = "tools/score_extraction.py"  # under ../shared
DEVSET = REPO / "tests" / "devset"

GOLD = {
    "document": "raad.txt",
    "entities": [
        {"key": "pieter", "type": "Person", "name": "Pieter Jansen", "aliases": ["Jansen"]},
        {
            "key": "amsterdam",
            "type": "Municipality",
            "name": "Amsterdam",
            "aliases": ["gemeente Amsterdam"],
            "cbs_code": "GM0363",
        },
        {"key": "rug", "type": "Organization", "name": "Rijksuniversiteit Groningen", "aliases": ["RUG"]},
        {"key": "loket", "type": "Initiative", "name": "Energieloket Noord", "aliases": []},
    ],
    "relations": [
        {
            "type": "HOLDS_POSITION",
            "source": "pieter",
            "target": "amsterdam",
            "role": "wethouder",
            "status": "current",
        },
        {"type": "COLLABORATES_WITH", "source": "amsterdam", "target": "rug"},
        {"type": "PARTICIPATES_IN", "source": "rug", "target": "loket"},
    ],
}


def predicted() -> list[DocumentFacts]:
    def rel(rtype: str, s: str, t: str, doc: str = "raad.txt", role: str | None = None) -> Relation:
        evidence = [Evidence(doc, 0, 10, "Een zin.", "t", 0.8)]
        return Relation(rtype, s, t, role, confidence=0.8, evidence=evidence)

    raad = DocumentFacts(
        Document("sha256:r", "raad.txt", "/stukken/raad.txt"),
        entities=[
            Entity("person:pieter-jansen", "Person", "Pieter Jansen", [], ["raad.txt"], 2),  # tp
            Entity("gemeente:gm0363", "Municipality", "gemeente Amsterdam", [], ["raad.txt"], 3),  # tp
            Entity("org:rug", "Organization", "RUG", [], ["raad.txt"], 1),  # tp by alias
            Entity(
                "org:rijksuniversiteit-groningen",
                "Region",
                "Rijksuniversiteit Groningen",
                [],
                ["raad.txt"],
                1,
            ),  # duplicate of RUG: fp
            Entity("person:anna-smit", "Person", "Anna Smit", [], ["raad.txt"], 1),  # fp
        ],  # Energieloket Noord: fn
        relations=[
            rel("HOLDS_POSITION", "person:pieter-jansen", "gemeente:gm0363", role="wethouder"),  # tp
            rel("COLLABORATES_WITH", "org:rug", "gemeente:gm0363"),  # tp, reversed
            rel("COLLABORATES_WITH", "org:rijksuniversiteit-groningen", "gemeente:gm0363"),  # found already
            rel("MEMBER_OF", "gemeente:gm0363", "org:rug"),  # fp
            rel("HOLDS_POSITION", "person:anna-smit", "org:rug", role="rector"),  # fp: Anna is not in gold
        ],  # PARTICIPATES_IN: fn
    )
    other = DocumentFacts(  # a document without gold is not scored
        Document("sha256:o", "ander.txt", "/stukken/ander.txt"),
        entities=[
            Entity("person:kees-visser", "Person", "Kees Visser", [], ["ander.txt"], 1),
            Entity("gemeente:gm0363", "Municipality", "Amsterdam", [], ["ander.txt"], 1),
        ],
        relations=[rel("HOLDS_POSITION", "person:kees-visser", "gemeente:gm0363", "ander.txt", "raadslid")],
    )
    return [raad, other]


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "raad.txt.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


def graph_json() -> dict:
    return json.loads(dumps(KnowledgeGraph.from_facts(predicted()).to_json()))


def test_scores_counted_by_hand(gold_dir: Path) -> None:
    result = evaluate_graph(graph_json(), load_gold(gold_dir))
    assert result["entities"] == prf(3, 2, 1)
    assert result["entities"]["precision"] == 0.6 and result["entities"]["recall"] == 0.75
    assert result["relations"] == prf(2, 2, 1)
    assert set(result["documents"]) == {"raad.txt"}
    errors = result["documents"]["raad.txt"]["errors"]
    assert "Anna Smit" in errors["entity_fp"] and errors["entity_fn"] == ["Energieloket Noord"]


def test_calibration_counts_relations_per_confidence_band(gold_dir: Path) -> None:
    bands = {
        row["confidence"]: row for row in evaluate_graph(graph_json(), load_gold(gold_dir))["calibration"]
    }
    # four relations of raad.txt are judged (the duplicate collaboration is not counted twice), all at 0.8
    assert bands["0.80-0.89"] == {"confidence": "0.80-0.89", "relations": 4, "correct": 2, "precision": 0.5}
    assert bands[">= 0.90"]["relations"] == 0 and bands[">= 0.90"]["precision"] is None


def test_rows_per_type_and_per_document(gold_dir: Path) -> None:
    rows = evaluate_graph(graph_json(), load_gold(gold_dir))["rows"]
    by = {(r["scope"], r["kind"], r["type"]): r for r in rows}
    assert {k[2] for k in by if k[:2] == ("all", "entity")} == {
        "all",
        "Person",
        "Municipality",
        "Organization",
        "Initiative",
    }
    # the first of the two RUG entities matches (counted under the gold type), the second is a duplicate
    org = by[("all", "entity", "Organization")]
    assert (org["tp"], org["fp"]) == (1, 1)
    assert (by[("all", "entity", "Person")]["tp"], by[("all", "entity", "Person")]["fp"]) == (1, 1)
    assert by[("all", "entity", "Initiative")]["fn"] == 1
    assert by[("all", "relation", "PARTICIPATES_IN")]["fn"] == 1
    assert by[("all", "relation", "MEMBER_OF")]["fp"] == 1
    assert by[("all", "relation", "COLLABORATES_WITH")]["tp"] == 1
    assert by[("raad.txt", "entity", "all")]["tp"] == 3
    for r in rows:
        assert {"scope", "kind", "type", "tp", "fp", "fn", "precision", "recall", "f1"} <= set(r)


def test_prf_edge_cases() -> None:
    assert prf(0, 0, 0) == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(1, 0, 0)["f1"] == 1.0
    assert prf(1, 1, 2)["f1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3), abs=1e-4)


def test_load_gold_filters_documents(gold_dir: Path) -> None:
    (gold_dir / "ander.txt.json").write_text(json.dumps({**GOLD, "document": "ander.txt"}), encoding="utf-8")
    assert sorted(load_gold(gold_dir)) == ["ander.txt", "raad.txt"]
    assert sorted(load_gold(gold_dir, ["ander.txt"])) == ["ander.txt"]
    with pytest.raises(ValueError, match="no gold files"):
        load_gold(gold_dir, ["bestaat-niet.txt"])


@pytest.mark.parametrize("content", ["{kapot", "[1, 2]", '{"document": "x.txt"}', '{"entities": []}'])
def test_a_broken_gold_file_is_named(gold_dir: Path, content: str) -> None:
    (gold_dir / "kapot.txt.json").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="kapot.txt.json is not a gold file"):
        load_gold(gold_dir)


def test_an_empty_gold_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no gold files"):
        load_gold(tmp_path)


# -- the CLI -------------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "graph.db")
    with open_store(path) as st:
        for f in predicted():
            st.upsert(f)
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_cli_evaluate_prints_rows_per_type(store: str, gold_dir: Path) -> None:
    code, out = run("evaluate", "--gold", str(gold_dir), "--store", store, "--format", "csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == "scope,kind,type,tp,fp,fn,precision,recall,f1"
    assert "all,entity,all,3,2,1,0.6,0.75," in out
    assert any(line.startswith("all,relation,PARTICIPATES_IN,0,0,1") for line in lines)
    code, out = run("evaluate", "--gold", str(gold_dir), "--store", store, "--format", "json")
    assert code == 0 and json.loads(out)["relations"]["tp"] == 2
    code, out = run("evaluate", "--gold", str(gold_dir), "--store", store)
    assert code == 0 and "relations by confidence" in out and "0.80-0.89" in out


@pytest.mark.parametrize("content", ["{kapot", '{"document": "raad.txt"}'])
def test_cli_evaluate_with_a_broken_gold_folder_is_one_line(store: str, gold_dir: Path, content: str) -> None:
    (gold_dir / "kapot.txt.json").write_text(content, encoding="utf-8")
    code, out = run("evaluate", "--gold", str(gold_dir), "--store", store)
    assert code == 2
    assert out.strip().count("\n") == 0 and "kapot.txt.json" in out and out.startswith("stakegraph: error:")


def test_cli_evaluate_with_an_empty_or_missing_gold_folder(store: str, tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    code, out = run("evaluate", "--gold", str(tmp_path / "leeg"), "--store", store)
    assert code == 2 and "no gold files" in out
    code, out = run("evaluate", "--gold", str(tmp_path / "nergens"), "--store", store)
    assert code == 2 and "nergens" in out


# -- agreement with the shared scorer ------------------------------------------------------------
def scorer(shared: Path, gold: Path, pred: Path) -> dict:
    command = [sys.executable, str(shared / SCORER), "--gold", str(gold), "--pred", str(pred), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def assert_agrees(ours: dict, theirs: dict) -> None:
    for kind in ("entities", "relations"):
        for k in ("tp", "fp", "fn", "precision", "recall", "f1"):
            assert ours[kind][k] == theirs[kind][k], (kind, k, ours[kind], theirs[kind])
    for doc, scores in theirs["documents"].items():
        mine = ours["documents"][doc]["scores"]
        for kind, mkind in (("entities", "entity"), ("relations", "relation")):
            counts = ("tp", "fp", "fn")
            assert [mine[mkind][k] for k in counts] == [scores[kind][k] for k in counts], doc


@pytest.mark.shared(SCORER)
def test_agrees_with_the_shared_scorer_on_the_hand_made_case(
    gold_dir: Path, tmp_path: Path, shared: Path
) -> None:
    pred = tmp_path / "graph.json"
    pred.write_text(json.dumps(graph_json()), encoding="utf-8")
    assert_agrees(evaluate_graph(graph_json(), load_gold(gold_dir)), scorer(shared, gold_dir, pred))


@pytest.mark.parametrize(
    "which",
    [
        pytest.param("shared-corpus", marks=pytest.mark.shared(SCORER, "corpus", "gold")),
        pytest.param("devset", marks=pytest.mark.shared(SCORER)),
    ],
)
def test_agrees_with_the_shared_scorer_on_real_extractions(which: str, tmp_path: Path, shared: Path) -> None:
    corpus, gold = (shared / "corpus", shared / "gold") if which == "shared-corpus" else (DEVSET, DEVSET)
    db = str(tmp_path / "graph.db")
    report = build([corpus], db)
    assert report.ingested
    data = json.loads(dumps(KnowledgeGraph(db).to_json()))
    pred = tmp_path / "graph.json"
    pred.write_text(json.dumps(data), encoding="utf-8")
    ours = evaluate_graph(data, load_gold(gold))
    assert_agrees(ours, scorer(shared, gold, pred))
    assert ours["entities"]["tp"] > 0  # something was read at all
