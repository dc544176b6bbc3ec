"""The merged view: one stakeholder named in two documents is one entity carrying everything both
documents say, and every choice (name, type, status, confidence) is deterministic and independent
of the order in which a store hands the documents over."""

from __future__ import annotations

import itertools

import pytest

from stakegraph.graph.merge import (
    combine_confidence,
    merge_co_mentions,
    merge_entities,
    merge_relations,
    remap_facts,
    summarize,
    unify_acronyms,
)
from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation

MARIEKE = "person:marieke-van-dalen"
ZWOLLE = "gemeente:gm0193"
VNG = "org:vereniging-van-nederlandse-gemeenten"


def doc(name: str) -> Document:
    return Document(id=f"sha256:{name}", name=name, path=f"/stukken/{name}")


def ev(document: str, start: int, sentence: str, confidence: float = 0.8, rule: str = "test") -> Evidence:
    return Evidence(document, start, start + len(sentence), sentence, rule, confidence)


def person(name: str, aliases: list[str], document: str, mentions: int, eid: str = MARIEKE,
           etype: str = "Person", **attributes) -> Entity:
    return Entity(eid, etype, name, aliases, [document], mentions, dict(attributes))


def two_documents() -> list[DocumentFacts]:
    s1 = "Het college heeft Marieke van Dalen benoemd tot gemeentesecretaris van Zwolle."
    s2 = "Van Dalen, gemeentesecretaris van Zwolle, opende de avond."
    a = DocumentFacts(
        doc("benoeming.txt"),
        entities=[person("Marieke van Dalen", ["Van Dalen"], "benoeming.txt", 3),
                  Entity(ZWOLLE, "Municipality", "Zwolle", ["gemeente Zwolle"], ["benoeming.txt"], 2,
                         {"cbs_code": "GM0193"})],
        relations=[Relation("HOLDS_POSITION", MARIEKE, ZWOLLE, "gemeentesecretaris", status="former",
                            confidence=0.6, evidence=[ev("benoeming.txt", 0, s1, 0.6)])],
        co_mentions=[CoMention(MARIEKE, ZWOLLE, 2, ["benoeming.txt"])],
    )
    b = DocumentFacts(
        doc("interview.md"),
        entities=[person("Marieke van Dalen", ["Marieke"], "interview.md", 1),
                  Entity(ZWOLLE, "Municipality", "gemeente Zwolle", [], ["interview.md"], 1)],
        relations=[Relation("HOLDS_POSITION", MARIEKE, ZWOLLE, "gemeentesecretaris", status="current",
                            confidence=0.5, evidence=[ev("interview.md", 10, s2, 0.5)])],
        co_mentions=[CoMention(ZWOLLE, MARIEKE, 1, ["interview.md"])],
    )
    return [a, b]


def test_one_stakeholder_from_two_documents_is_one_entity_with_everything() -> None:
    merged = {e.id: e for e in merge_entities(two_documents())}
    assert sorted(merged) == [ZWOLLE, MARIEKE]
    m = merged[MARIEKE]
    assert m.name == "Marieke van Dalen"
    assert m.aliases == ["Marieke", "Van Dalen"]
    assert m.documents == ["benoeming.txt", "interview.md"]
    assert m.mentions == 4
    z = merged[ZWOLLE]
    assert z.name == "Zwolle" and z.aliases == ["gemeente Zwolle"]
    assert z.attributes == {"cbs_code": "GM0193"}


def test_relation_from_two_documents_keeps_all_evidence_and_combines_confidence() -> None:
    [r] = merge_relations(two_documents())
    assert [e.document for e in r.evidence] == ["benoeming.txt", "interview.md"]
    assert r.confidence == pytest.approx(1 - (1 - 0.6) * (1 - 0.5))
    assert r.status == "current"  # one document says current: current wins over former


def test_former_only_stays_former_and_no_status_stays_none() -> None:
    facts = two_documents()
    facts[1].relations[0].status = "former"
    assert merge_relations(facts)[0].status == "former"
    for f in facts:
        f.relations[0].status = None
    assert merge_relations(facts)[0].status is None


def test_identical_evidence_is_counted_once() -> None:
    facts = two_documents()
    facts[1].relations[0].evidence.append(facts[0].relations[0].evidence[0])
    [r] = merge_relations(facts)
    assert len(r.evidence) == 2


@pytest.mark.parametrize(("values", "expected"), [
    ([], 0.0),
    ([0.5], 0.5),
    ([0.5, 0.5], 0.75),
    ([0.9, 0.8, 0.5], 1 - 0.1 * 0.2 * 0.5),
    ([1.5, -2.0], 1.0),  # clamped, never above 1
    ([-0.3], 0.0),
])
def test_noisy_or(values: list[float], expected: float) -> None:
    assert combine_confidence(values) == pytest.approx(expected, abs=1e-4)


def test_more_evidence_never_lowers_confidence() -> None:
    values = [0.3, 0.7, 0.2, 0.9]
    running = [combine_confidence(values[:i]) for i in range(len(values) + 1)]
    assert running == sorted(running)


def test_name_is_the_most_mentioned_form() -> None:
    facts = [
        DocumentFacts(doc("a.txt"), [person("M. van Dalen", [], "a.txt", 5)]),
        DocumentFacts(doc("b.txt"), [person("Marieke van Dalen", [], "b.txt", 2)]),
    ]
    [e] = merge_entities(facts)
    assert e.name == "M. van Dalen" and e.aliases == ["Marieke van Dalen"]


def test_name_tie_prefers_the_longer_name() -> None:
    facts = [
        DocumentFacts(doc("a.txt"), [person("Van Dalen", [], "a.txt", 2)]),
        DocumentFacts(doc("b.txt"), [person("Marieke van Dalen", [], "b.txt", 2)]),
    ]
    assert merge_entities(facts)[0].name == "Marieke van Dalen"


def test_type_is_the_most_mentioned_and_ties_follow_the_vocabulary_order() -> None:
    eid = "org:regio-zwolle"
    facts = [
        DocumentFacts(doc("a.txt"), [person("Regio Zwolle", [], "a.txt", 2, eid, "Organization")]),
        DocumentFacts(doc("b.txt"), [person("Regio Zwolle", [], "b.txt", 2, eid, "Region")]),
    ]
    assert merge_entities(facts)[0].type == "Region"  # Region comes before Organization
    facts[0].entities[0].mentions = 3
    assert merge_entities(facts)[0].type == "Organization"


def conflicting_documents() -> list[DocumentFacts]:
    """Three documents that disagree on everything a merge must choose."""
    s = "Zwolle en Kampen werken samen aan woningbouw."
    out = []
    for i, (name, code, rule) in enumerate([("Zwolle", "GM0193", "a"), ("gemeente Zwolle", "gm0193", "b"),
                                            ("ZWOLLE", "GM193", "c")]):
        n = f"{i}.txt"
        out.append(DocumentFacts(
            doc(n),
            entities=[Entity(ZWOLLE, "Municipality", name, [], [n], 1, {"cbs_code": code}),
                      Entity("gemeente:gm0166", "Municipality", "Kampen", [], [n], 1)],
            relations=[Relation("COLLABORATES_WITH", ZWOLLE, "gemeente:gm0166", None, f"class-{rule}", None,
                                0.5, [ev(n, 0, s, 0.5, rule)])],
            co_mentions=[CoMention(ZWOLLE, "gemeente:gm0166", 1)],
        ))
    return out


def test_merge_does_not_depend_on_document_order() -> None:
    facts = conflicting_documents()
    expected = None
    for order in itertools.permutations(facts):
        order = list(order)
        got = ([e.to_dict() for e in merge_entities(order)], [r.to_dict() for r in merge_relations(order)],
               [c.to_dict() for c in merge_co_mentions(order)])
        if expected is None:
            expected = got
        assert got == expected


def test_co_mentions_add_up_over_documents() -> None:
    [c] = merge_co_mentions(two_documents())
    assert (c.source, c.target, c.weight) == (ZWOLLE, MARIEKE, 3)
    assert c.documents == ["benoeming.txt", "interview.md"]


def test_summarize_counts_by_type() -> None:
    facts = two_documents()
    s = summarize(len(facts), merge_entities(facts), merge_relations(facts), merge_co_mentions(facts))
    assert s["documents"] == 2 and s["entities"] == 2 and s["relations"] == 1 and s["evidence"] == 2
    assert s["entity_types"] == {"Municipality": 1, "Person": 1}
    assert s["relation_types"] == {"HOLDS_POSITION": 1}


def test_remap_merges_two_entities_of_one_document() -> None:
    s = "De Vereniging van Nederlandse Gemeenten (VNG) en Zwolle werken samen."
    f = DocumentFacts(
        doc("a.txt"),
        entities=[Entity(VNG, "Organization", "Vereniging van Nederlandse Gemeenten", ["VNG"], ["a.txt"], 2),
                  Entity("org:vng", "Organization", "VNG", ["Vereniging van Nederlandse Gemeenten"],
                         ["a.txt"], 1),
                  Entity(ZWOLLE, "Municipality", "Zwolle", [], ["a.txt"], 1)],
        relations=[Relation("COLLABORATES_WITH", VNG, ZWOLLE, evidence=[ev("a.txt", 0, s)]),
                   Relation("COLLABORATES_WITH", "org:vng", ZWOLLE, evidence=[ev("a.txt", 0, s, rule="x")]),
                   Relation("MEMBER_OF", ZWOLLE, "org:vng", evidence=[ev("a.txt", 0, s)])],
    )
    out = remap_facts(f, {"org:vng": VNG})
    ents = {e.id: e for e in out.entities}
    assert sorted(ents) == [ZWOLLE, VNG]
    assert ents[VNG].mentions == 3
    assert ents[VNG].name not in ents[VNG].aliases  # an entity is never its own alias
    assert ents[VNG].aliases == ["VNG"]
    collab = [r for r in out.relations if r.type == "COLLABORATES_WITH"]
    assert len(collab) == 1 and len(collab[0].evidence) == 2
    assert {(r.source, r.target) for r in out.relations if r.type == "MEMBER_OF"} == {(ZWOLLE, VNG)}


def test_remap_into_an_entity_of_the_same_document_keeps_the_targets_name() -> None:
    f = DocumentFacts(doc("a.txt"), entities=[
        Entity("person:a-koster", "Organization", "Bram Koster", [], ["a.txt"], 5),  # sorts first
        Entity(MARIEKE, "Person", "Marieke van Dalen", ["Van Dalen"], ["a.txt"], 1)])
    [e] = remap_facts(f, {"person:a-koster": MARIEKE}).entities
    assert (e.id, e.name, e.type, e.mentions) == (MARIEKE, "Marieke van Dalen", "Person", 6)
    assert e.aliases == ["Bram Koster", "Van Dalen"]


def test_remap_drops_rejected_entities_with_their_relations() -> None:
    out = remap_facts(two_documents()[0], {}, {MARIEKE})
    assert [e.id for e in out.entities] == [ZWOLLE]
    assert out.relations == [] and out.co_mentions == []


def test_acronym_known_in_full_elsewhere_is_the_same_stakeholder() -> None:
    a = DocumentFacts(doc("a.txt"), [Entity(VNG, "Organization", "Vereniging van Nederlandse Gemeenten",
                                            ["VNG"], ["a.txt"], 1)])
    b = DocumentFacts(doc("b.txt"), [Entity("org:vng", "Organization", "VNG", [], ["b.txt"], 4)])
    for order in ([a, b], [b, a]):
        [e] = merge_entities(unify_acronyms(order))
        assert e.id == VNG and e.documents == ["a.txt", "b.txt"] and e.mentions == 5
