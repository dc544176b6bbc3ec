"""`KnowledgeGraph`, the one view every consumer reads: stakeholders are found the way people name
them (with "gemeente", by acronym, by surname, without accents), typos get suggestions, weak
relations can be filtered out, and `to_json` is exactly the interchange format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stakegraph.graph.curation import Curation
from stakegraph.graph.export import FORMAT, dumps, load
from stakegraph.graph.model import (
    ENTITY_TYPES,
    RELATION_TYPES,
    CoMention,
    Document,
    DocumentFacts,
    Entity,
    Evidence,
    Relation,
)
from stakegraph.graph.store import StoreError, open_store
from stakegraph.knowledge import KnowledgeGraph

ENTITIES = {  # id: (type, name, aliases, mentions, attributes)
    "person:pieter-jansen": ("Person", "Pieter Jansen", ["Jansen"], 4, {}),
    "person:derya-ozkan": ("Person", "Derya Özkan", ["Özkan"], 2, {}),
    "gemeente:gm0363": ("Municipality", "Amsterdam", ["gemeente Amsterdam"], 6, {"cbs_code": "GM0363"}),
    "gemeente:gm0373": ("Municipality", "Bergen", ["gemeente Bergen"], 3, {"cbs_code": "GM0373"}),
    "gemeente:gm0893": ("Municipality", "Bergen", [], 1, {"cbs_code": "GM0893"}),
    "org:rijksuniversiteit-groningen": ("Organization", "Rijksuniversiteit Groningen", ["RUG"], 3, {}),
    "provincie:pv27": ("Province", "Noord-Holland", ["provincie Noord-Holland"], 1, {}),
}
RELATIONS = [  # (type, source, target, role, status, confidence)
    ("HOLDS_POSITION", "person:pieter-jansen", "gemeente:gm0363", "wethouder", "current", 0.9),
    ("HOLDS_POSITION", "person:pieter-jansen", "gemeente:gm0373", "raadslid", "former", 0.4),
    ("HOLDS_POSITION", "person:derya-ozkan", "org:rijksuniversiteit-groningen", "onderzoeker", "current",
     0.8),
    ("COLLABORATES_WITH", "org:rijksuniversiteit-groningen", "gemeente:gm0363", None, None, 0.6),
    ("LOCATED_IN", "gemeente:gm0373", "provincie:pv27", None, None, 0.95),
]


def facts() -> list[DocumentFacts]:
    out = []
    for i, name in enumerate(["raad.txt", "onderzoek.md"]):
        doc = Document(id=f"sha256:{i}", name=name, path=f"/stukken/{name}", title=name.split(".")[0],
                       chars=900, format=name.split(".")[1])
        ents = [Entity(eid, t, n, list(a), [name], m, dict(attrs))
                for eid, (t, n, a, m, attrs) in ENTITIES.items()
                if i == 0 or eid.startswith(("person:derya", "org:", "gemeente:gm0363"))]
        rels = []
        for k, (rtype, s, t, role, status, conf) in enumerate(RELATIONS):
            if i == 1 and "derya" not in s and rtype != "COLLABORATES_WITH":
                continue
            sentence = f"Zin {k} over {s} en {t}."
            rels.append(Relation(rtype, s, t, role, None, status, conf,
                                 [Evidence(name, 30 * k, 30 * k + len(sentence), sentence, "test", conf)]))
        co = [CoMention("person:pieter-jansen", "gemeente:gm0363", 2, [name])] if i == 0 else []
        out.append(DocumentFacts(doc, ents, rels, co))
    return out


@pytest.fixture
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_facts(facts())


@pytest.mark.parametrize(("query", "expected"), [
    ("gemeente:gm0363", "gemeente:gm0363"),
    ("Amsterdam", "gemeente:gm0363"),
    ("gemeente Amsterdam", "gemeente:gm0363"),
    ("AMSTERDAM", "gemeente:gm0363"),
    ("  amsterdam ", "gemeente:gm0363"),
    ("RUG", "org:rijksuniversiteit-groningen"),
    ("de Rijksuniversiteit Groningen", "org:rijksuniversiteit-groningen"),
    ("Jansen", "person:pieter-jansen"),
    ("Derya Ozkan", "person:derya-ozkan"),
    ("ozkan", "person:derya-ozkan"),
    ("provincie Noord-Holland", "provincie:pv27"),
    ("Noord Holland", "provincie:pv27"),
])
def test_find_by_the_names_people_use(kg: KnowledgeGraph, query: str, expected: str) -> None:
    found = kg.find(query)
    assert found is not None and found.id == expected


def test_an_ambiguous_name_finds_the_most_mentioned(kg: KnowledgeGraph) -> None:
    assert kg.find("Bergen").id == "gemeente:gm0373"
    assert kg.find("gemeente:gm0893").name == "Bergen"  # the other one stays reachable by id


def test_unknown_names_find_nothing(kg: KnowledgeGraph) -> None:
    assert kg.find("Rotterdam") is None
    assert kg.find("") is None
    assert kg.entity("person:niemand") is None
    assert kg.relations(entity="Rotterdam") == []


@pytest.mark.parametrize(("typo", "meant"), [
    ("Amsterdm", "Amsterdam"),
    ("Pieter Janssen", "Pieter Jansen"),
    ("Rijksuniversiteit Groningn", "Rijksuniversiteit Groningen"),
])
def test_suggest_on_typos(kg: KnowledgeGraph, typo: str, meant: str) -> None:
    assert kg.find(typo) is None
    assert meant in kg.suggest(typo)


def test_suggest_nothing_for_nonsense(kg: KnowledgeGraph) -> None:
    assert kg.suggest("xqzw") == []


def test_entities_by_type(kg: KnowledgeGraph) -> None:
    assert {e.id for e in kg.entities("Person")} == {"person:pieter-jansen", "person:derya-ozkan"}
    assert len(kg.entities()) == len(ENTITIES)
    assert kg.entities("Initiative") == []


def test_relations_by_type_and_entity(kg: KnowledgeGraph) -> None:
    held = kg.relations("HOLDS_POSITION", "Jansen")
    assert {r.target for r in held} == {"gemeente:gm0363", "gemeente:gm0373"}
    assert {r.type for r in kg.relations(entity="RUG")} == {"HOLDS_POSITION", "COLLABORATES_WITH"}
    [collab] = kg.relations("COLLABORATES_WITH")
    assert len(collab.evidence) == 2  # stated in both documents
    assert collab.confidence == pytest.approx(1 - 0.4 * 0.4)


def test_min_confidence_leaves_out_weak_relations() -> None:
    strict = KnowledgeGraph.from_facts(facts(), min_confidence=0.5)
    assert [r.role for r in strict.relations("HOLDS_POSITION", "Jansen")] == ["wethouder"]
    assert all(r.confidence >= 0.5 for r in strict.relations())
    assert len(strict.relations()) == len(KnowledgeGraph.from_facts(facts()).relations()) - 1
    assert strict.stats()["relations"] == len(strict.relations())
    assert "raadslid" not in json.dumps(strict.to_json())


def test_curation_is_applied_on_read() -> None:
    cur = Curation()
    cur.ops["reject"] = [{"entity": "Bergen"}]
    cur.ops["rename"] = [{"entity": "RUG", "name": "University of Groningen"}]
    kg = KnowledgeGraph.from_facts(facts(), curation=cur)
    assert kg.entity("gemeente:gm0373") is None
    assert kg.find("RUG").name == "University of Groningen"


def test_stats_counts(kg: KnowledgeGraph) -> None:
    s = kg.stats()
    assert s["documents"] == 2 and s["entities"] == len(ENTITIES) and s["relations"] == len(RELATIONS)
    assert s["entity_types"]["Municipality"] == 3 and s["relation_types"]["HOLDS_POSITION"] == 3
    assert s["co_mentions"] == 1


REQUIRED = {  # INTERCHANGE.md: the keys every consumer may rely on
    "document": {"id", "name", "path", "title", "chars"},
    "entity": {"id", "type", "name", "aliases", "documents", "mentions"},
    "relation": {"type", "source", "target", "confidence", "evidence"},
    "evidence": {"document", "start", "end", "sentence", "rule"},
}


def example_key_sets(doc: Path) -> dict[str, set[str]]:
    """The keys of the example in the shared INTERCHANGE.md."""
    block = re.search(r"```json\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    example = json.loads(block.group(1))
    rel = example["relations"][0]
    return {"top": set(example), "document": set(example["documents"][0]),
            "person": set(example["entities"][0]), "municipality": set(example["entities"][1]),
            "relation": set(rel), "evidence": set(rel["evidence"][0])}


def test_to_json_is_the_interchange_format(kg: KnowledgeGraph) -> None:
    data = json.loads(dumps(kg.to_json()))
    assert data["format"] == FORMAT == "stakegraph-graph/1"
    assert set(data) == {"format", "documents", "entities", "relations", "co_mentions"}
    for d in data["documents"]:
        assert REQUIRED["document"] <= set(d)
    for e in data["entities"]:
        assert REQUIRED["entity"] <= set(e) and e["type"] in ENTITY_TYPES
        assert all("/" not in d for d in e["documents"])
    assert next(e for e in data["entities"] if e["id"] == "gemeente:gm0363")["cbs_code"] == "GM0363"
    for r in data["relations"]:
        assert REQUIRED["relation"] <= set(r) and r["type"] in RELATION_TYPES
        assert r["evidence"] and all(REQUIRED["evidence"] <= set(ev) for ev in r["evidence"])
        assert all("/" not in ev["document"] for ev in r["evidence"])
    held = next(r for r in data["relations"] if r["type"] == "HOLDS_POSITION")
    assert {"role", "status"} <= set(held)
    assert {"source", "target", "weight"} <= set(data["co_mentions"][0])
    ids = [e["id"] for e in data["entities"]]
    assert ids == sorted(ids)


@pytest.mark.shared("docs/INTERCHANGE.md")
def test_to_json_has_every_key_of_the_shared_example(kg: KnowledgeGraph, shared: Path) -> None:
    example = example_key_sets(shared / "docs" / "INTERCHANGE.md")
    data = kg.to_json()
    ours = {"top": set(data), "document": set(data["documents"][0]),
            "person": set(kg.find("Jansen").to_dict()), "municipality": set(kg.find("Amsterdam").to_dict()),
            "relation": set(next(r for r in data["relations"] if r["type"] == "HOLDS_POSITION")),
            "evidence": set(data["relations"][0]["evidence"][0])}
    for part, keys in example.items():
        assert keys <= ours[part], (part, keys - ours[part])


def test_to_json_round_trips_through_a_file(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    path.write_text(dumps(kg.to_json()), encoding="utf-8")
    assert load(path) == json.loads(dumps(kg.to_json()))
    (tmp_path / "other.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match="not a stakegraph graph"):
        load(tmp_path / "other.json")


def test_a_store_and_memory_give_the_same_graph(tmp_path: Path) -> None:
    path = str(tmp_path / "graph.db")
    with open_store(path) as st:
        for f in facts():
            st.upsert(f)
    from_store = KnowledgeGraph(path)
    assert dumps(from_store.to_json()) == dumps(KnowledgeGraph.from_facts(facts()).to_json())
    from_store.store.close()


def test_a_missing_store_is_an_error_not_an_empty_graph(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no graph"):
        KnowledgeGraph(str(tmp_path / "tikfout.db"))
    assert not (tmp_path / "tikfout.db").exists()


def test_acronyms_are_unified_across_documents_on_read() -> None:
    a = DocumentFacts(Document("sha256:a", "a.txt", "/a.txt"),
                      [Entity("org:hanzehogeschool-groningen", "Organization", "Hanzehogeschool Groningen",
                              ["HG"], ["a.txt"], 2)])
    b = DocumentFacts(Document("sha256:b", "b.txt", "/b.txt"),
                      [Entity("org:hg", "Organization", "HG", [], ["b.txt"], 1)])
    kg = KnowledgeGraph.from_facts([b, a])
    assert [e.id for e in kg.entities()] == ["org:hanzehogeschool-groningen"]
    assert kg.find("HG").documents == ["a.txt", "b.txt"]


def test_to_networkx_has_every_related_stakeholder(kg: KnowledgeGraph) -> None:
    g = kg.to_networkx()
    related = {x for r in kg.relations() for x in (r.source, r.target)}
    assert related <= set(g.nodes)
    assert g.has_edge("person:pieter-jansen", "gemeente:gm0363")
