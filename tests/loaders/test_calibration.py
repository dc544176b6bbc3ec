"""Rule confidences fitted on annotated pages, and how extraction uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stakegraph.graph.model import Document
from stakegraph.loaders.calibration import (
    CALIBRATION_FILE,
    PRIOR_STRENGTH,
    RELATION_FLOOR,
    SINGLE_SENTENCE_CEILING,
    UNSEEN_RATIO,
    fit,
    load_calibration,
    main,
)
from stakegraph.loaders.extract import Extractor

TEXT = "Anna de Vries is burgemeester van Ommen. De gemeente Ommen werkt samen met de gemeente Hardenberg."


def test_fit_pulls_a_rarely_seen_rule_towards_its_own_guess() -> None:
    table = fit([("often", 0.8, True)] * 9 + [("often", 0.8, False)] + [("rare", 0.6, False)])
    often = (9 + PRIOR_STRENGTH * 0.8) / (10 + PRIOR_STRENGTH)
    assert table["often"] == {
        "judged": 10,
        "correct": 9,
        "prior": 0.8,
        "confidence": round(min(often, SINGLE_SENTENCE_CEILING), 4),
    }
    assert table["rare"]["confidence"] == round(PRIOR_STRENGTH * 0.6 / (1 + PRIOR_STRENGTH), 4)


def test_facts_one_rule_read_in_one_sentence_are_one_observation() -> None:
    # six parties of one list read wrongly, and two sentences read right: three observations
    judged = [("list", 0.6, False, "a.txt:10")] * 6 + [("list", 0.6, True, "a.txt:90"), ("list", 0.6, True, "b.txt:5")]
    row = fit(judged)["list"]
    assert (row["judged"], row["correct"]) == (3, 2.0)
    assert row["confidence"] == round((2 + PRIOR_STRENGTH * 0.6) / (3 + PRIOR_STRENGTH), 4)
    # half of a sentence's facts right counts as half an observation right
    assert fit([("half", 0.5, True, "s"), ("half", 0.5, False, "s")])["half"]["correct"] == 0.5


def test_one_sentence_never_reaches_certainty() -> None:
    assert fit([("perfect", 0.9, True)] * 200)["perfect"]["confidence"] == SINGLE_SENTENCE_CEILING


def test_extraction_reports_the_calibrated_confidence_and_drops_weak_rules() -> None:
    extractor = Extractor(calibrate=False)
    raw = extractor.extract(TEXT, Document("t.txt", "t.txt", "t.txt"))
    rules = {r.type: r.evidence[0].rule for r in raw.relations}
    assert {"HOLDS_POSITION", "COLLABORATES_WITH"} <= set(rules)
    extractor.calibration = {rules["HOLDS_POSITION"]: 0.77, rules["COLLABORATES_WITH"]: RELATION_FLOOR - 0.1}
    facts = extractor.extract(TEXT, Document("t.txt", "t.txt", "t.txt"))
    # scaled by how much worse rules do on pages they were not tuned on
    assert {r.type: r.confidence for r in facts.relations} == {
        "HOLDS_POSITION": round(0.77 * UNSEEN_RATIO, 4)
    }


def test_the_shipped_table_is_read(tmp_path: Path) -> None:
    table = load_calibration()
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    assert table and set(table) == set(data["rules"])
    assert all(0.0 < v <= SINGLE_SENTENCE_CEILING for v in table.values())


def test_fitting_a_missing_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nergens")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_fitting_writes_a_table(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt").write_text(TEXT, encoding="utf-8")
    (gold / "a.txt.json").write_text(
        json.dumps(
            {
                "document": "a.txt",
                "entities": [
                    {"key": "anna", "type": "Person", "name": "Anna de Vries", "aliases": []},
                    {"key": "ommen", "type": "Municipality", "name": "Ommen", "aliases": []},
                ],
                "relations": [
                    {
                        "type": "HOLDS_POSITION",
                        "source": "anna",
                        "target": "ommen",
                        "role": "burgemeester",
                        "status": "current",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "cal.json"
    assert main([str(gold), "-o", str(out)]) == 0
    rules = json.loads(out.read_text(encoding="utf-8"))["rules"]
    assert any(r["correct"] == 1 for r in rules.values())  # the position was right
    assert any(r["correct"] == 0 for r in rules.values())  # the collaboration is not in this gold
