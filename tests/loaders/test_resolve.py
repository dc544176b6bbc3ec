"""Resolution within a document: which mentions name the same stakeholder, and which stable id it gets.

Surname-only and first-name-only mentions join the person named in full; an acronym joins its
expansion; an ambiguous municipality ("Bergen") is decided by what the document says around it;
a dissolved municipality keeps its own CBS id and points at its successor.
"""

from __future__ import annotations

import pytest

from stakegraph.graph.model import DocumentFacts, Entity
from stakegraph.loaders.resolve import acronym_matches


def entity(facts: DocumentFacts, id_: str) -> Entity:
    found = [e for e in facts.entities if e.id == id_]
    assert found, f"{id_} not among {[e.id for e in facts.entities]}"
    return found[0]


def ids_of(facts: DocumentFacts, type_: str) -> set[str]:
    return {e.id for e in facts.entities if e.type == type_}


# -- persons ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "id_", "alias"),
    [
        (
            "Volgens drs. Henk Bakker is de aanpak succesvol. Bakker werkt al twintig jaar bij de provincie.",
            "person:henk-bakker",
            "Bakker",
        ),
        ("De raad koos K. Smits als nieuwe voorzitter. Smits begint direct.", "person:k-smits", "Smits"),
        (
            "Mark Vermeulen schreef het advies. Volgens Vermeulen moet de regio sneller beslissen.",
            "person:mark-vermeulen",
            "Vermeulen",
        ),
        (
            "Femke Mulder is de nieuwe griffier van Haarlem. Femke begint in mei.",
            "person:femke-mulder",
            "Femke",
        ),
        (
            "Wat drijft Sven Hoekstra? Sven lacht: 'Ik wil iets betekenen voor de stad.'",
            "person:sven-hoekstra",
            "Sven",
        ),
    ],
)
def test_short_mentions_join_the_full_name(extract, text: str, id_: str, alias: str) -> None:
    facts = extract(text)
    assert ids_of(facts, "Person") == {id_}
    e = entity(facts, id_)
    assert alias in e.aliases
    assert e.mentions == 2


def test_surname_and_first_name_both_join(extract) -> None:
    facts = extract(
        "Mark Vermeulen werkt bij de Universiteit Utrecht. Vermeulen is hoogleraar. "
        "Mark is ook schrijver van romans."
    )
    assert ids_of(facts, "Person") == {"person:mark-vermeulen"}
    e = entity(facts, "person:mark-vermeulen")
    assert {"Mark", "Vermeulen"} <= set(e.aliases)
    assert e.mentions == 3


def test_a_first_name_shared_by_two_people_joins_neither(extract) -> None:
    facts = extract("Bram Hoekstra en Bram Dijkstra spraken elkaar na afloop. Bram was enthousiast.")
    assert ids_of(facts, "Person") == {"person:bram-hoekstra", "person:bram-dijkstra"}
    for e in facts.entities:
        assert "Bram" not in e.aliases
        assert e.mentions == 1


def test_a_surname_shared_by_two_people_joins_neither(extract) -> None:
    facts = extract("Anna Bakker en Pieter Bakker leiden samen het bedrijf. Bakker zegt dat het goed gaat.")
    assert ids_of(facts, "Person") == {"person:anna-bakker", "person:pieter-bakker"}
    assert all(e.mentions == 1 for e in facts.entities)


# -- organisations ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "id_", "name", "acronym", "mentions"),
    [
        (
            "De Vereniging van Nederlandse Gemeenten (VNG) organiseert een bijeenkomst. De VNG verwacht veel "
            "bezoekers.",
            "org:vereniging-van-nederlandse-gemeenten",
            "Vereniging van Nederlandse Gemeenten",
            "VNG",
            3,
        ),
        (
            "Het Centraal Bureau voor de Statistiek (CBS) meldt groei. Het CBS publiceert maandelijks cijfers.",
            "org:centraal-bureau-voor-de-statistiek",
            "Centraal Bureau voor de Statistiek",
            "CBS",
            3,
        ),
        (
            "Het Interprovinciaal Overleg (IPO) vergadert in Den Haag.",
            "org:interprovinciaal-overleg",
            "Interprovinciaal Overleg",
            "IPO",
            2,
        ),
    ],
)
def test_acronym_joins_its_expansion(
    extract, text: str, id_: str, name: str, acronym: str, mentions: int
) -> None:
    facts = extract(text)
    orgs = ids_of(facts, "Organization")
    assert orgs == {id_}
    e = entity(facts, id_)
    assert e.name == name
    assert acronym in e.aliases
    assert e.mentions == mentions


def test_acronym_glued_to_a_role_is_the_same_organisation(extract) -> None:
    facts = extract(
        "De Vereniging van Nederlandse Gemeenten (VNG) kiest een nieuw bestuur. "
        "VNG-voorzitter Karel Dekker is tevreden over de uitslag."
    )
    assert ids_of(facts, "Organization") == {"org:vereniging-van-nederlandse-gemeenten"}
    (rel,) = [r for r in facts.relations if r.type == "HOLDS_POSITION"]
    assert (rel.source, rel.target, rel.role) == (
        "person:karel-dekker",
        "org:vereniging-van-nederlandse-gemeenten",
        "voorzitter",
    )


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("VNG", "Vereniging van Nederlandse Gemeenten"),
        ("VNG", "Vereniging Nederlandse Gemeenten"),
        ("CBS", "Centraal Bureau voor de Statistiek"),
        ("IPO", "Interprovinciaal Overleg"),
        ("UvW", "Unie van Waterschappen"),
        ("HU", "Hogeschool Utrecht"),
        ("GGD", "Gemeentelijke Gezondheidsdienst"),
    ],
)
def test_acronym_matches(acronym: str, name: str) -> None:
    assert acronym_matches(acronym, name)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("ABC", "Vereniging Eigen Huis"),
        ("GGD", "Gemeentelijke Dienst"),
        ("UU", "Utrecht"),
        ("V", "Vereniging Eigen Huis"),
        ("HU", "Hogeschool Utrecht Centrum"),
    ],
)
def test_acronym_does_not_match(acronym: str, name: str) -> None:
    assert not acronym_matches(acronym, name)


# -- municipalities ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "id_"),
    [
        ("Anna Smit is sinds 2019 burgemeester van Bergen (Limburg).", "gemeente:gm0893"),
        ("In Bergen (L.) wordt een nieuw dorpshuis gebouwd.", "gemeente:gm0893"),
        ("Anna Smit is sinds 2019 burgemeester van Bergen (NH).", "gemeente:gm0373"),
        ("De gemeente Bergen in Noord-Holland zoekt een nieuwe griffier.", "gemeente:gm0373"),
        ("De raad van Bergen vergaderde gisteren. Bergen ligt in de provincie Limburg.", "gemeente:gm0893"),
        ("De gemeenten Bergen en Alkmaar delen een ambtelijke organisatie.", "gemeente:gm0373"),
        ("De gemeenten Bergen en Venray onderhouden samen de Maasoevers.", "gemeente:gm0893"),
    ],
)
def test_bergen_is_decided_by_the_document(extract, text: str, id_: str) -> None:
    facts = extract(text)
    bergen = [e for e in facts.entities if e.type == "Municipality" and "Bergen" in (e.name, *e.aliases)]
    assert [e.id for e in bergen] == [id_]
    assert bergen[0].attributes["cbs_code"] == id_.split(":")[1].upper()


def test_explicit_province_is_kept_as_alias(extract) -> None:
    facts = extract("Anna Smit is sinds 2019 burgemeester van Bergen (Limburg).")
    assert "Bergen (Limburg)" in entity(facts, "gemeente:gm0893").aliases


@pytest.mark.parametrize(
    ("text", "id_", "name", "alias", "successor"),
    [
        (
            "In de voormalige gemeente Bussum woonden veel forensen.",
            "gemeente:gm0381",
            "Bussum",
            "voormalige gemeente Bussum",
            "GM1942",
        ),
        (
            "De voormalige gemeente Schijndel ging in 2017 op in Meierijstad.",
            "gemeente:gm0844",
            "Schijndel",
            "voormalige gemeente Schijndel",
            "GM1948",
        ),
    ],
)
def test_former_municipality_keeps_its_code_and_points_at_its_successor(
    extract, text: str, id_: str, name: str, alias: str, successor: str
) -> None:
    facts = extract(text)
    e = entity(facts, id_)
    assert (e.type, e.name) == ("Municipality", name)
    assert alias in e.aliases
    assert e.attributes["former"] is True
    assert e.attributes["successor_cbs_code"] == successor


def test_former_and_successor_municipality_are_two_entities(extract) -> None:
    facts = extract("De voormalige gemeente Schijndel ging in 2017 op in Meierijstad.")
    assert ids_of(facts, "Municipality") == {"gemeente:gm0844", "gemeente:gm1948"}
    assert "former" not in entity(facts, "gemeente:gm1948").attributes


# -- stable ids -------------------------------------------------------------------------------
def test_ids_depend_only_on_the_name(extract) -> None:
    a = extract("Lotte Verbeek, burgemeester van Deventer, opende de tentoonstelling.")
    b = extract("In Deventer sprak Lotte Verbeek met ondernemers over de binnenstad. Dat vond Lotte nuttig.")
    assert ids_of(a, "Person") == ids_of(b, "Person") == {"person:lotte-verbeek"}
    assert ids_of(a, "Municipality") == ids_of(b, "Municipality") == {"gemeente:gm0150"}


def test_same_text_gives_the_same_facts(extract) -> None:
    text = (
        "De Vereniging van Nederlandse Gemeenten (VNG) en de gemeente Zwolle werken samen met de "
        "Hogeschool Rotterdam. VNG-voorzitter Karel Dekker opende het congres in Zwolle."
    )
    assert extract(text).to_dict() == extract(text).to_dict()


def test_case_variant_of_an_organisation_name_is_one_entity(extract) -> None:
    facts = extract(
        "Het Ministerie van Binnenlandse Zaken steunt het plan. Een woordvoerder van het "
        "ministerie van Binnenlandse Zaken bevestigt dat."
    )
    assert ids_of(facts, "Organization") == {"org:ministerie-van-binnenlandse-zaken"}
