"""Name recognition on sentences of the genre: who and what a reader would put in the graph, and
what they would not (adjectives, generic nouns, credits, capitalised sentence starts).

All people are invented; organisations, municipalities and provinces are real and public. CBS codes
are those of loaders/reference/municipalities.csv.
"""

from __future__ import annotations

import pytest

from stakegraph.graph.model import DocumentFacts, Entity


def entity(facts: DocumentFacts, id_: str) -> Entity:
    found = [e for e in facts.entities if e.id == id_]
    assert found, f"{id_} not among {[e.id for e in facts.entities]}"
    return found[0]


def of_type(facts: DocumentFacts, type_: str) -> dict[str, Entity]:
    return {e.id: e for e in facts.entities if e.type == type_}


# -- persons ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "id_", "name"),
    [
        (
            "Marieke van der Horst is benoemd tot directeur van de stichting.",
            "person:marieke-van-der-horst",
            "Marieke van der Horst",
        ),
        (
            "Het jaarverslag is opgesteld door Tim de Ruiter en zijn team.",
            "person:tim-de-ruiter",
            "Tim de Ruiter",
        ),
        (
            "Op de foto staat Joris ten Brink naast de nieuwe wethouder.",
            "person:joris-ten-brink",
            "Joris ten Brink",
        ),
        ("Het rapport is geschreven door J.A. de Vries.", "person:j-a-de-vries", "J.A. de Vries"),
        ("De raad koos K. Smits als nieuwe voorzitter.", "person:k-smits", "K. Smits"),
        ("De commissie wordt geleid door mr. Pieter de Wit.", "person:pieter-de-wit", "Pieter de Wit"),
        ("Volgens drs. Henk Bakker is de aanpak succesvol.", "person:henk-bakker", "Henk Bakker"),
        ("De opening werd verricht door dr. Ingrid van Dam.", "person:ingrid-van-dam", "Ingrid van Dam"),
    ],
)
def test_person_full_names(extract, text: str, id_: str, name: str) -> None:
    facts = extract(text)
    persons = of_type(facts, "Person")
    assert list(persons) == [id_]
    assert persons[id_].name == name


@pytest.mark.parametrize(
    "title",
    ["drs.", "mr.", "dr.", "prof."],
)
def test_titles_are_not_part_of_the_name(extract, title: str) -> None:
    facts = extract(f"Het onderzoek werd begeleid door {title} Anouk Dijkstra van de universiteit.")
    assert list(of_type(facts, "Person")) == ["person:anouk-dijkstra"]
    assert title not in " ".join(entity(facts, "person:anouk-dijkstra").aliases)


@pytest.mark.parametrize(
    "text",
    [
        "Vorig jaar startte de gemeente een proef met buurtbudgetten.",
        "Samen met inwoners werd gekeken naar de plannen voor het centrum.",
        "Groen licht voor het plan, zo besloot de raad gisteravond.",
        "Jong en oud kwamen kijken naar de opening van het gemeentehuis.",
        "Mooi werk, zeggen de bewoners van de wijk.",
        "Hoop doet leven, ook in het sociaal domein.",
        "Berg de stoelen op na afloop van de bijeenkomst.",
        "Morgen begint de begrotingsbehandeling in de raadszaal.",
    ],
)
def test_capitalised_sentence_starts_are_not_names(extract, text: str) -> None:
    facts = extract(text)
    assert of_type(facts, "Person") == {}
    assert of_type(facts, "Organization") == {}


@pytest.mark.parametrize(
    "credit",
    [
        "Tekst: Paul Visser | Beeld: Karin Smit",
        "Tekst: Paul Visser\nBeeld: Karin Smit",
        "Foto: Karin Smit",
        "Beeld: Karin Smit / Tekst: Paul Visser",
    ],
)
def test_credit_lines_are_not_stakeholders(extract, credit: str) -> None:
    facts = extract(f"{credit}\nDe gemeente Utrecht heeft een nieuwe koers gekozen.")
    assert of_type(facts, "Person") == {}
    assert list(of_type(facts, "Municipality")) == ["gemeente:gm0344"]


def test_inline_photo_credit_after_a_caption(extract) -> None:
    facts = extract("Wouter de Graaf in het stadhuis van Zwolle. Foto: Linda Kok")
    assert list(of_type(facts, "Person")) == ["person:wouter-de-graaf"]


# -- municipalities ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "id_", "name", "province"),
    [
        (
            "De gemeente Amsterdam investeert in nieuwe woningen.",
            "gemeente:gm0363",
            "Amsterdam",
            "Noord-Holland",
        ),
        ("De gemeente Rotterdam opent een loket.", "gemeente:gm0599", "Rotterdam", "Zuid-Holland"),
        ("De gemeente Zwolle zoekt een nieuwe wethouder.", "gemeente:gm0193", "Zwolle", "Overijssel"),
        ("De gemeente Maastricht viert feest.", "gemeente:gm0935", "Maastricht", "Limburg"),
        ("De gemeente Groningen bouwt een nieuw zwembad.", "gemeente:gm0014", "Groningen", "Groningen"),
    ],
)
def test_gemeente_name_gets_cbs_id_and_alias(extract, text: str, id_: str, name: str, province: str) -> None:
    facts = extract(text)
    munis = of_type(facts, "Municipality")
    assert list(munis) == [id_]
    e = munis[id_]
    assert e.name == name
    assert f"gemeente {name}" in e.aliases
    assert e.attributes["cbs_code"] == id_.split(":")[1].upper()
    assert e.attributes["province"] == province
    assert of_type(facts, "Province") == {}


def test_bare_municipality_name_mid_sentence(extract) -> None:
    facts = extract("De nieuwe bibliotheek in Deventer trekt veel bezoekers uit Apeldoorn.")
    assert set(of_type(facts, "Municipality")) == {"gemeente:gm0150", "gemeente:gm0200"}


@pytest.mark.parametrize(
    ("text", "id_", "alias"),
    [
        ("Het college van Den Haag stemde in met het voorstel.", "gemeente:gm0518", "Den Haag"),
        ("Het stadhuis van Den Bosch gaat dicht voor een verbouwing.", "gemeente:gm0796", "Den Bosch"),
    ],
)
def test_common_names_of_municipalities(extract, text: str, id_: str, alias: str) -> None:
    facts = extract(text)
    munis = of_type(facts, "Municipality")
    assert list(munis) == [id_]
    assert alias in munis[id_].aliases or munis[id_].name == alias


@pytest.mark.parametrize(
    "text",
    [
        "De Leidse wethouder sprak over de Amsterdamse aanpak.",
        "Het Rotterdamse college en de Utrechtse raad zijn het oneens.",
    ],
)
def test_adjectives_are_not_municipalities(extract, text: str) -> None:
    facts = extract(text)
    assert facts.entities == []


# -- provinces and regions --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "id_", "name", "alias"),
    [
        (
            "De provincie Gelderland stelt geld beschikbaar.",
            "provincie:pv25",
            "Gelderland",
            "provincie Gelderland",
        ),
        ("Steeds meer bedrijven vestigen zich in Brabant.", "provincie:pv30", "Noord-Brabant", "Brabant"),
        ("De provincie Zeeland zoekt samenwerking.", "provincie:pv29", "Zeeland", "provincie Zeeland"),
        ("Het landschap van Friesland trekt toeristen.", "provincie:pv21", "Fryslân", "Friesland"),
    ],
)
def test_provinces(extract, text: str, id_: str, name: str, alias: str) -> None:
    facts = extract(text)
    provinces = of_type(facts, "Province")
    assert list(provinces) == [id_]
    assert provinces[id_].name == name
    assert alias in provinces[id_].aliases
    assert of_type(facts, "Municipality") == {}


def test_province_and_city_of_the_same_name_are_two_entities(extract) -> None:
    facts = extract("De provincie Utrecht en de gemeente Utrecht delen een kantoor.")
    assert list(of_type(facts, "Province")) == ["provincie:pv26"]
    assert list(of_type(facts, "Municipality")) == ["gemeente:gm0344"]


@pytest.mark.parametrize(
    ("text", "id_"),
    [
        ("De gemeenten in de regio Twente stellen een gezamenlijke agenda op.", "region:regio-twente"),
        ("De samenwerking in Noord- en Midden-Limburg krijgt vorm.", "region:noord-en-midden-limburg"),
        ("Veel jongeren trekken weg uit de Achterhoek.", "region:achterhoek"),
        ("Het toerisme in Zuid-Limburg groeit.", "region:zuid-limburg"),
    ],
)
def test_regions(extract, text: str, id_: str) -> None:
    facts = extract(text)
    assert list(of_type(facts, "Region")) == [id_]
    assert of_type(facts, "Province") == {}


# -- organisations and initiatives ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "id_", "name"),
    [
        (
            "De Stichting Groene Daken geeft advies aan bewoners.",
            "org:stichting-groene-daken",
            "Stichting Groene Daken",
        ),
        (
            "Leden van de Vereniging Eigen Huis zijn kritisch.",
            "org:vereniging-eigen-huis",
            "Vereniging Eigen Huis",
        ),
        (
            "Onderzoekers van de Universiteit Utrecht publiceerden een rapport.",
            "org:universiteit-utrecht",
            "Universiteit Utrecht",
        ),
        (
            "Studenten van de Hogeschool Rotterdam deden mee.",
            "org:hogeschool-rotterdam",
            "Hogeschool Rotterdam",
        ),
        (
            "Het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties steunt het plan.",
            "org:ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties",
            "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        (
            "Het plan krijgt steun van het ministerie van Binnenlandse Zaken.",
            "org:ministerie-van-binnenlandse-zaken",
            "Ministerie van Binnenlandse Zaken",
        ),
        (
            "Zij doceert bestuurskunde aan de University of Twente.",
            "org:university-of-twente",
            "University of Twente",
        ),
        (
            "De cijfers komen van de Hogeschool van Amsterdam.",
            "org:hogeschool-van-amsterdam",
            "Hogeschool van Amsterdam",
        ),
    ],
)
def test_organisation_head_words(extract, text: str, id_: str, name: str) -> None:
    facts = extract(text)
    orgs = of_type(facts, "Organization")
    assert list(orgs) == [id_]
    assert orgs[id_].name == name


def test_an_organisation_named_after_a_town_is_not_the_town(extract) -> None:
    facts = extract("Onderzoekers van de Universiteit Utrecht publiceerden een rapport.")
    assert of_type(facts, "Municipality") == {}
    assert of_type(facts, "Province") == {}


def test_typed_name_after_a_lower_case_kind_noun(extract) -> None:
    facts = extract("Ook woningcorporatie Eigen Haard doet mee aan de proef.")
    e = entity(facts, "org:eigen-haard")
    assert (e.type, e.name) == ("Organization", "Eigen Haard")
    assert "woningcorporatie Eigen Haard" in e.aliases


@pytest.mark.parametrize(
    "text",
    [
        "De gemeente werkt nauw samen met kennisinstellingen en drie welzijnsorganisaties.",
        "De provincie en de gemeenten zoeken samen naar oplossingen.",
        "Het college van burgemeester en wethouders neemt een besluit over de begroting.",
    ],
)
def test_generic_mentions_are_not_entities(extract, text: str) -> None:
    assert extract(text).entities == []


@pytest.mark.parametrize(
    ("text", "id_", "name", "short"),
    [
        (
            "Ruim veertig ambtenaren volgden de leergang Slim Besturen.",
            "initiative:leergang-slim-besturen",
            "leergang Slim Besturen",
            "Slim Besturen",
        ),
        (
            "Het programma Gezonde Wijk loopt nog tot 2026.",
            "initiative:programma-gezonde-wijk",
            "programma Gezonde Wijk",
            "Gezonde Wijk",
        ),
    ],
)
def test_initiatives_with_a_lower_case_head(extract, text: str, id_: str, name: str, short: str) -> None:
    facts = extract(text)
    inits = of_type(facts, "Initiative")
    assert list(inits) == [id_]
    assert inits[id_].name == name
    assert short in inits[id_].aliases


@pytest.mark.parametrize("quotes", ["''", "‘’", "“”"])
def test_quoted_project_name(extract, quotes: str) -> None:
    facts = extract(f"De gemeente startte in 2022 het project {quotes[0]}Buurt in Beweging{quotes[1]}.")
    inits = of_type(facts, "Initiative")
    assert list(inits) == ["initiative:buurt-in-beweging"]
    assert inits["initiative:buurt-in-beweging"].name == "Buurt in Beweging"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Wethouder Sanne Hof opende de vergadering.", "Sanne Hof"),
        ("De gemeente Epe benoemt Anne Bank tot gemeentesecretaris.", "Anne Bank"),
        ("Tijdens het bezoek sprak Marco Raad met de wethouders.", "Marco Raad"),
    ],
)
def test_a_surname_that_is_an_organisation_word(extract, text: str, name: str) -> None:
    """A first name and a listed surname that is also an organisation head ("Hof", "Bank") is a person."""
    facts = extract(text)
    assert [(e.type, e.name) for e in facts.entities if e.name == name] == [("Person", name)]
