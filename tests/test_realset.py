"""The real-page set is what the extraction floors stand on: check its structure and agreement."""

from __future__ import annotations

import json
import re
from pathlib import Path

from stakegraph.evaluate import evaluate_graph, load_gold

REALSET = Path(__file__).resolve().parent / "realset"
PROVINCES = {
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
}


def test_every_text_has_gold_and_sits_where_its_number_puts_it() -> None:
    texts = sorted(REALSET.glob("*/r*_*.txt"))
    assert len(texts) >= 60
    for text in texts:
        gold = text.with_name(text.name + ".json")
        assert gold.exists(), text
        doc = json.loads(gold.read_text(encoding="utf-8"))
        keys = {e["key"] for e in doc["entities"]}
        assert doc["document"] == text.name
        assert all(r["source"] in keys and r["target"] in keys for r in doc["relations"]), text
        number = int(re.match(r"r[a-z]_(\d+)_", text.name).group(1))
        assert text.parent.name == ("blind" if number % 3 == 0 else "dev"), text
    parts = {p.parent.name for p in texts}
    assert parts == {"dev", "blind"}
    assert len(list((REALSET / "dev").glob("*.txt"))) >= 40
    assert len(list((REALSET / "blind").glob("*.txt"))) >= 20


def test_sources_list_every_page_and_all_provinces() -> None:
    sources = (REALSET / "SOURCES.md").read_text(encoding="utf-8")
    for text in REALSET.glob("*/r*_*.txt"):
        assert f"{text.parent.name}/{text.name}" in sources, text
    rows = [
        line.split("|")
        for line in sources.splitlines()
        if line.startswith("| dev/") or line.startswith("| blind/")
    ]
    named = {p for row in rows for p in PROVINCES if p in row[5]}
    assert named == PROVINCES


def test_second_annotation_agrees_with_the_first() -> None:
    """The second annotator's files, read as a prediction, scored against the first gold."""
    entities, relations, docs = [], [], []
    for path in sorted((REALSET / "second").glob("*.json")):
        second = json.loads(path.read_text(encoding="utf-8"))
        doc = second["document"]
        docs.append(doc)
        for e in second["entities"]:
            entities.append(
                {
                    "id": f"{doc}#{e['key']}",
                    "type": e["type"],
                    "name": e["name"],
                    "aliases": e.get("aliases", []),
                    "documents": [doc],
                }
            )
        for r in second["relations"]:
            relations.append(
                {
                    "type": r["type"],
                    "source": f"{doc}#{r['source']}",
                    "target": f"{doc}#{r['target']}",
                    "evidence": [{"document": doc}],
                }
            )
    assert len(docs) >= 15
    result = evaluate_graph({"entities": entities, "relations": relations}, load_gold(REALSET / "dev", docs))
    assert result["entities"]["f1"] >= 0.95, result["entities"]
    assert result["relations"]["f1"] >= 0.90, result["relations"]
