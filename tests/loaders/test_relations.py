"""Relation rules on sentences of the genre: positions (with role and current/former status),
membership, collaboration, participation and location — and the sentences that state none.

Evidence is checked for every extraction by the `extract` fixture (conftest.py); the tests here
also check that a relation cites the sentence that states it.
"""

from __future__ import annotations

import pytest

from stakegraph.graph.model import DocumentFacts, Relation


def relations(facts: DocumentFacts, type_: str) -> dict[tuple[str, str], Relation]:
    return {(r.source, r.target): r for r in facts.relations if r.type == type_}


def pair(a: str, b: str) -> tuple[str, str]:
    """COLLABORATES_WITH is stored in one canonical direction."""
    return (a, b) if a < b else (b, a)


# -- HOLDS_POSITION ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "person", "target", "role", "status"),
    [
        # "X, burgemeester van Y"
        (
            "Lotte Verbeek, burgemeester van Deventer, opende de tentoonstelling.",
            "person:lotte-verbeek",
            "gemeente:gm0150",
            "burgemeester",
            "current",
        ),
        # "burgemeester X van Y"
        (
            "Burgemeester Lotte Verbeek van Deventer opende de tentoonstelling.",
            "person:lotte-verbeek",
            "gemeente:gm0150",
            "burgemeester",
            "current",
        ),
        # the role does not swallow a name with a tussenvoegsel
        (
            "Burgemeester Joris ten Brink van Zwolle opende de bijeenkomst.",
            "person:joris-ten-brink",
            "gemeente:gm0193",
            "burgemeester",
            "current",
        ),
        # "X (wethouder in Y)"
        (
            "Ruben Hoekstra (wethouder in Zwolle) reageerde verheugd op het besluit.",
            "person:ruben-hoekstra",
            "gemeente:gm0193",
            "wethouder",
            "current",
        ),
        # "Y-voorzitter X"
        (
            "Volgens VNG-voorzitter Karel Dekker is de nieuwe wet onuitvoerbaar.",
            "person:karel-dekker",
            "org:vng",
            "voorzitter",
            "current",
        ),
        # "Als voorzitter van Y ... X"
        (
            "Als voorzitter van de Vereniging Eigen Huis pleit Maarten Kuipers voor lagere lasten.",
            "person:maarten-kuipers",
            "org:vereniging-eigen-huis",
            "voorzitter",
            "current",
        ),
        # appointed by the council
        (
            "De gemeenteraad van Zaanstad heeft Eva Bosman benoemd tot griffier.",
            "person:eva-bosman",
            "gemeente:gm0479",
            "griffier",
            "current",
        ),
        # "X is nu directeur bij Y"
        (
            "Daan Peeters is nu directeur bij de Hogeschool Utrecht.",
            "person:daan-peeters",
            "org:hogeschool-utrecht",
            "directeur",
            "current",
        ),
        # a province as employer
        (
            "Ilse Brouwer, gedeputeerde van de provincie Gelderland, opende de dag.",
            "person:ilse-brouwer",
            "provincie:pv25",
            "gedeputeerde",
            "current",
        ),
        # a research institute
        (
            "Lector Sanne Dijkstra van de Hogeschool Rotterdam onderzoekt de wijkaanpak.",
            "person:sanne-dijkstra",
            "org:hogeschool-rotterdam",
            "lector",
            "current",
        ),
        # former: "was eerder"
        (
            "Daan Peeters was eerder wethouder van Almere.",
            "person:daan-peeters",
            "gemeente:gm0034",
            "wethouder",
            "former",
        ),
        # former: "oud-wethouder"
        (
            "Oud-wethouder Daan Peeters van Almere schreef een boek over de stad.",
            "person:daan-peeters",
            "gemeente:gm0034",
            "wethouder",
            "former",
        ),
        # former: the person succeeded
        (
            "Eva Bosman volgt Gerrit Blom op als griffier van Zaanstad.",
            "person:gerrit-blom",
            "gemeente:gm0479",
            "griffier",
            "former",
        ),
    ],
)
def test_holds_position(extract, text: str, person: str, target: str, role: str, status: str) -> None:
    facts = extract(text)
    rels = relations(facts, "HOLDS_POSITION")
    assert (person, target) in rels, rels
    r = rels[(person, target)]
    assert (r.role, r.status) == (role, status)
    assert r.role_class is not None
    (ev,) = r.evidence
    assert ev.sentence == " ".join(text.split())


def test_former_position_in_the_document_stays_former(extract) -> None:
    facts = extract(
        "Eva Bosman volgt Gerrit Blom op, die met pensioen gaat. Blom was sinds 2012 griffier van Zaanstad."
    )
    r = relations(facts, "HOLDS_POSITION")[("person:gerrit-blom", "gemeente:gm0479")]
    assert r.status == "former"
    assert r.evidence[0].sentence == "Blom was sinds 2012 griffier van Zaanstad."


@pytest.mark.parametrize(
    "text",
    [
        "Lotte Verbeek sprak in Deventer met ondernemers over de binnenstad.",
        "Karel Dekker en de Vereniging Eigen Huis verschillen van mening over de huurwet.",
        "De burgemeester van Deventer opende de tentoonstelling.",
    ],
)
def test_no_position_without_a_role_binding_person_and_organisation(extract, text: str) -> None:
    assert relations(extract(text), "HOLDS_POSITION") == {}


def test_two_people_two_positions_in_one_sentence(extract) -> None:
    facts = extract(
        "Lotte Verbeek, burgemeester van Deventer, en Ruben Hoekstra, wethouder van Zwolle, "
        "tekenden het akkoord."
    )
    rels = relations(facts, "HOLDS_POSITION")
    assert set(rels) == {
        ("person:lotte-verbeek", "gemeente:gm0150"),
        ("person:ruben-hoekstra", "gemeente:gm0193"),
    }
    assert rels[("person:lotte-verbeek", "gemeente:gm0150")].role == "burgemeester"
    assert rels[("person:ruben-hoekstra", "gemeente:gm0193")].role == "wethouder"


# -- MEMBER_OF --------------------------------------------------------------------------------
def test_municipalities_working_together_in_a_region_are_members(extract) -> None:
    facts = extract("De gemeenten Hengelo, Borne en Almelo werken samen in de regio Twente.")
    members = relations(facts, "MEMBER_OF")
    assert set(members) == {
        (g, "region:regio-twente") for g in ("gemeente:gm0164", "gemeente:gm0147", "gemeente:gm0141")
    }
    # working together *in* a region is membership, not a pairwise collaboration
    assert relations(facts, "COLLABORATES_WITH") == {}


@pytest.mark.parametrize(
    ("text", "member", "body"),
    [
        (
            "De gemeente Heerlen is lid van de Vereniging van Nederlandse Gemeenten.",
            "gemeente:gm0917",
            "org:vereniging-van-nederlandse-gemeenten",
        ),
        ("De gemeente Zwolle maakt deel uit van de regio Zwolle.", "gemeente:gm0193", "region:regio-zwolle"),
    ],
)
def test_member_of(extract, text: str, member: str, body: str) -> None:
    assert (member, body) in relations(extract(text), "MEMBER_OF")


# -- COLLABORATES_WITH ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "a", "b", "rule"),
    [
        (
            "De gemeente Tilburg werkt samen met de Universiteit Utrecht.",
            "gemeente:gm0855",
            "org:universiteit-utrecht",
            "collab-samen-met",
        ),
        (
            "Er is een samenwerking tussen de gemeente Groningen en de Hanzehogeschool Groningen.",
            "gemeente:gm0014",
            "org:hanzehogeschool-groningen",
            "collab-tussen",
        ),
        (
            "De Universiteit Utrecht werkt al jaren samen met de gemeente Tilburg.",
            "gemeente:gm0855",
            "org:universiteit-utrecht",
            "collab-samen-met",
        ),
    ],
)
def test_collaborates_with(extract, text: str, a: str, b: str, rule: str) -> None:
    facts = extract(text)
    rels = relations(facts, "COLLABORATES_WITH")
    assert set(rels) == {pair(a, b)}
    assert [ev.rule for ev in rels[pair(a, b)].evidence] == [rule]


def test_collaboration_is_symmetric_and_stored_once(extract) -> None:
    one = extract("De gemeente Tilburg werkt samen met de Universiteit Utrecht.")
    other = extract("De Universiteit Utrecht werkt samen met de gemeente Tilburg.")
    assert set(relations(one, "COLLABORATES_WITH")) == set(relations(other, "COLLABORATES_WITH"))
    (r,) = relations(one, "COLLABORATES_WITH").values()
    assert r.source < r.target


def test_naming_two_organisations_is_not_a_collaboration(extract) -> None:
    facts = extract("De gemeente Tilburg en de Universiteit Utrecht publiceerden elk een eigen rapport.")
    assert relations(facts, "COLLABORATES_WITH") == {}


# -- PARTICIPATES_IN --------------------------------------------------------------------------
def test_municipalities_take_part_in_a_programme(extract) -> None:
    facts = extract("De gemeenten Delft en Leiden doen mee aan het programma Gezonde Wijk.")
    rels = relations(facts, "PARTICIPATES_IN")
    target = "initiative:programma-gezonde-wijk"
    assert set(rels) == {("gemeente:gm0503", target), ("gemeente:gm0546", target)}
    assert relations(facts, "MEMBER_OF") == {}


@pytest.mark.parametrize(
    ("text", "actor", "initiative"),
    [
        (
            "De Stichting Groene Daken neemt deel aan het programma Schoon Water.",
            "org:stichting-groene-daken",
            "initiative:programma-schoon-water",
        ),
        (
            "De Hogeschool Rotterdam ontwikkelt de leergang Slim Besturen.",
            "org:hogeschool-rotterdam",
            "initiative:leergang-slim-besturen",
        ),
    ],
)
def test_participates_in(extract, text: str, actor: str, initiative: str) -> None:
    assert (actor, initiative) in relations(extract(text), "PARTICIPATES_IN")


# -- LOCATED_IN -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "thing", "place", "rule"),
    [
        ("Bergen (Limburg) ligt aan de Maas.", "gemeente:gm0893", "provincie:pv31", "located-parenthesis"),
        (
            "Gemeente Westerkwartier ligt in de provincie Groningen.",
            "gemeente:gm1969",
            "provincie:pv20",
            "located-ligt-in",
        ),
        (
            "De gemeente Heerlen ligt in Zuid-Limburg.",
            "gemeente:gm0917",
            "region:zuid-limburg",
            "located-ligt-in",
        ),
        (
            "Zij promoveerde aan de University of Twente in Enschede.",
            "org:university-of-twente",
            "gemeente:gm0153",
            "located-in",
        ),
    ],
)
def test_located_in(extract, text: str, thing: str, place: str, rule: str) -> None:
    rels = relations(extract(text), "LOCATED_IN")
    assert (thing, place) in rels
    assert rule in {ev.rule for ev in rels[(thing, place)].evidence}


def test_a_place_named_in_passing_is_not_a_location(extract) -> None:
    facts = extract("De Hogeschool Rotterdam presenteerde haar onderzoek aan de raad van Deventer.")
    assert relations(facts, "LOCATED_IN") == {}


# -- every relation -------------------------------------------------------------------------------
def test_every_relation_cites_the_sentence_that_states_it(extract) -> None:
    text = (
        "Nieuwe griffier in Zaanstad\n\n"
        "Lotte Verbeek, burgemeester van Deventer, opende de dag.  De gemeente Tilburg werkt samen met "
        "de Universiteit Utrecht. De gemeenten Delft en Leiden doen mee aan het programma Gezonde Wijk."
    )
    facts = extract(text)
    assert {r.type for r in facts.relations} == {"HOLDS_POSITION", "COLLABORATES_WITH", "PARTICIPATES_IN"}
    for r in facts.relations:
        for ev in r.evidence:
            cited = text[ev.start : ev.end]
            assert ev.sentence == " ".join(cited.split())
            assert "\n" not in cited
            # the sentence names both ends of the relation
            names = {e.id: [e.name, *e.aliases] for e in facts.entities}
            for end in (r.source, r.target):
                assert any(n in cited for n in names[end]), (end, cited)
