"""The data model survives a round trip through dicts and JSON unchanged, and a symmetric relation
has one canonical direction, so A~B and B~A can never become two facts in a store."""

from __future__ import annotations

import json

import pytest

from stakegraph.graph.model import (
    ENTITY_TYPES,
    RELATION_TYPES,
    SYMMETRIC_RELATIONS,
    CoMention,
    Document,
    DocumentFacts,
    Entity,
    Evidence,
    Relation,
)

SENTENCE = "Marieke van Dalen is benoemd tot gemeentesecretaris van Zwolle."


def sample_facts() -> DocumentFacts:
    doc = Document(id="sha256:abc", name="benoeming.txt", path="/stukken/benoeming.txt",
                   title="Nieuwe gemeentesecretaris", chars=812, format="txt", date="2024-02-01")
    ev = Evidence("benoeming.txt", 40, 40 + len(SENTENCE), SENTENCE, "role-appointed", 0.9)
    return DocumentFacts(
        document=doc,
        entities=[
            Entity("person:marieke-van-dalen", "Person", "Marieke van Dalen", ["Van Dalen"],
                   ["benoeming.txt"], 3),
            Entity("gemeente:gm0193", "Municipality", "Zwolle", ["gemeente Zwolle"], ["benoeming.txt"], 2,
                   {"cbs_code": "GM0193", "province": "Overijssel"}),
        ],
        relations=[
            Relation("HOLDS_POSITION", "person:marieke-van-dalen", "gemeente:gm0193",
                     role="gemeentesecretaris", role_class="executive", status="current", confidence=0.9,
                     evidence=[ev]),
            Relation("COLLABORATES_WITH", "gemeente:gm0193", "gemeente:gm0166", confidence=0.7,
                     evidence=[ev]),
        ],
        co_mentions=[CoMention("person:marieke-van-dalen", "gemeente:gm0193", 2, ["benoeming.txt"])],
    )


def test_vocabulary_matches_the_gold_schema() -> None:
    assert set(ENTITY_TYPES) == {"Person", "Municipality", "Province", "Region", "Organization", "Initiative"}
    assert set(RELATION_TYPES) == {"HOLDS_POSITION", "MEMBER_OF", "COLLABORATES_WITH", "PARTICIPATES_IN",
                                   "LOCATED_IN"}
    assert set(SYMMETRIC_RELATIONS) == {"COLLABORATES_WITH"}


def test_document_facts_round_trip_through_json() -> None:
    facts = sample_facts()
    text = json.dumps(facts.to_dict(), ensure_ascii=False)
    again = DocumentFacts.from_dict(json.loads(text))
    assert again == facts
    assert again.to_dict() == facts.to_dict()


@pytest.mark.parametrize("obj", [
    Document(id="sha256:1", name="a.md", path="/x/a.md"),
    Document(id="sha256:2", name="b.pdf", path="/x/b.pdf", title="Jaarverslag", chars=10, format="pdf",
             date="2023-12-31"),
    Evidence("a.md", 0, 5, "Zin.", "rule", 0.25),
    Entity("org:vereniging-van-nederlandse-gemeenten", "Organization", "Vereniging van Nederlandse Gemeenten",
           ["VNG"], ["a.md", "b.pdf"], 7, {"wikidata": "Q2420617"}),
    Relation("MEMBER_OF", "gemeente:gm0193", "org:vereniging-van-nederlandse-gemeenten"),
    Relation("HOLDS_POSITION", "person:joris-hendriks", "org:hogeschool-windesheim", role="lector",
             status="former", confidence=0.61),
    CoMention("person:joris-hendriks", "org:hogeschool-windesheim", 4, ["a.md"]),
])
def test_every_model_class_round_trips(obj) -> None:
    assert type(obj).from_dict(obj.to_dict()) == obj


def test_entity_attributes_are_flat_keys_in_the_interchange_form() -> None:
    zwolle = sample_facts().entities[1]
    d = zwolle.to_dict()
    assert d["cbs_code"] == "GM0193" and "attributes" not in d
    assert Entity.from_dict(d).attributes == {"cbs_code": "GM0193", "province": "Overijssel"}


def test_from_dict_tolerates_minimal_and_null_fields() -> None:
    e = Entity.from_dict({"id": "person:bram-koster", "type": "Person", "name": "Bram Koster",
                          "aliases": None, "mentions": None, "cbs_code": None})
    assert (e.aliases, e.documents, e.mentions, e.attributes) == ([], [], 0, {})
    d = Document.from_dict({"id": "sha256:9", "name": "c.txt"})
    assert d.path == "c.txt" and d.chars == 0
    r = Relation.from_dict({"type": "MEMBER_OF", "source": "a", "target": "b"})
    assert r.evidence == [] and r.role is None


def test_relation_dict_leaves_out_absent_role_and_status() -> None:
    d = Relation("MEMBER_OF", "gemeente:gm0193", "org:vng", confidence=0.8).to_dict()
    assert "role" not in d and "status" not in d
    assert d["confidence"] == 0.8 and d["evidence"] == []


def test_symmetric_relation_has_one_canonical_direction() -> None:
    a = Relation("COLLABORATES_WITH", "org:hogeschool-windesheim", "gemeente:gm0193")
    b = Relation("COLLABORATES_WITH", "gemeente:gm0193", "org:hogeschool-windesheim")
    assert (a.source, a.target) == ("gemeente:gm0193", "org:hogeschool-windesheim")
    assert a.key == b.key
    # a round trip through a dict keeps the canonical order
    assert Relation.from_dict(a.to_dict()).key == a.key


@pytest.mark.parametrize("rtype", sorted(set(RELATION_TYPES) - SYMMETRIC_RELATIONS))
def test_directed_relations_keep_their_direction(rtype: str) -> None:
    r = Relation(rtype, "person:zz-top", "gemeente:gm0001")
    assert (r.source, r.target) == ("person:zz-top", "gemeente:gm0001")
    assert r.key != Relation(rtype, "gemeente:gm0001", "person:zz-top").key


def test_relation_key_distinguishes_roles() -> None:
    chair = Relation("HOLDS_POSITION", "person:tessa-wolters", "org:ggd-ijsselland", role="voorzitter")
    director = Relation("HOLDS_POSITION", "person:tessa-wolters", "org:ggd-ijsselland", role="directeur")
    assert chair.key != director.key


def test_co_mention_is_undirected() -> None:
    c = CoMention("person:tessa-wolters", "gemeente:gm0166")
    assert (c.source, c.target) == ("gemeente:gm0166", "person:tessa-wolters")
