"""News-style sentences, one per rule, with the facts the rule must read from them.

Each case names the rule it exercises, so a failing rule is found by name. The sentences are
written for the project with invented people; the places and bodies are real and public.
"""

from __future__ import annotations

import pytest

from stakegraph.graph.model import Document
from stakegraph.loaders.extract import Extractor  # the session fixture in conftest.py builds one

# (rule, text, expected relations as (type, source name, target name, role, status))
CASES = [
    (
        "position-listed-employer",
        "Op 3 maart hebben wethouders Anke Pol (Zwolle), Gert Mulder (Kampen) en Rik de Vos (Deventer) "
        "het plan aangeboden aan minister Karel Smit.",
        [
            ("HOLDS_POSITION", "Anke Pol", "Zwolle", "wethouder", "current"),
            ("HOLDS_POSITION", "Gert Mulder", "Kampen", "wethouder", "current"),
            ("HOLDS_POSITION", "Rik de Vos", "Deventer", "wethouder", "current"),
        ],
    ),
    (
        "position-adjacent-role-of (parenthesis with place and year)",
        "Lotte Brouwer (Tiel, 1961) is burgemeester van Culemborg sinds 2012.",
        [("HOLDS_POSITION", "Lotte Brouwer", "Culemborg", "burgemeester", "current")],
    ),
    (
        "position-adjacent-role-of (age and origin)",
        "Eva Smit (47) uit Kampen wordt de nieuwe gemeentesecretaris van gemeente Zeewolde.",
        [("HOLDS_POSITION", "Eva Smit", "Zeewolde", "gemeentesecretaris", "current")],
    ),
    (
        "position-copula-role-of (long adverbial, former)",
        "Anna Bakker was tot en met eind vorig jaar nog burgemeester van de gemeente Ommen.",
        [("HOLDS_POSITION", "Anna Bakker", "Ommen", "burgemeester", "former")],
    ),
    (
        "position-copula-role-of-list",
        "Ingrid Smit is burgemeester van Assen. Smit was eerder onder meer gemeentesecretaris van Venlo en Weert.",
        [
            ("HOLDS_POSITION", "Ingrid Smit", "Assen", "burgemeester", "current"),
            ("HOLDS_POSITION", "Ingrid Smit", "Venlo", "gemeentesecretaris", "former"),
            ("HOLDS_POSITION", "Ingrid Smit", "Weert", "gemeentesecretaris", "former"),
        ],
    ),
    (
        "position-adjacent-role-of (a regional cooperation's board)",
        "Marco Veenstra, secretaris van de Regio Twente, noemt de samenwerking sterk.",
        [("HOLDS_POSITION", "Marco Veenstra", "Regio Twente", "secretaris", "current")],
    ),
    (
        "position-predecessor (volgt ... op, with age)",
        "Karin Mulder is de nieuwe burgemeester van Ommen. Zij volgt Henk Bos (63) op.",
        [
            ("HOLDS_POSITION", "Karin Mulder", "Ommen", "burgemeester", "current"),
            ("HOLDS_POSITION", "Henk Bos", "Ommen", "burgemeester", "former"),
        ],
    ),
    (
        "position-predecessor (opvolger van)",
        "Sanne de Vries wordt directeur van de GGD Twente. Zij is de opvolger van de vertrekkende Peter Dijkman.",
        [
            ("HOLDS_POSITION", "Sanne de Vries", "GGD Twente", "directeur", "current"),
            ("HOLDS_POSITION", "Peter Dijkman", "GGD Twente", "directeur", "former"),
        ],
    ),
    (
        "position-predecessor (neemt ... over van)",
        "Tom Schut is voorzitter van de Veiligheidsregio Twente. Hij neemt het voorzitterschap over van Els Kok.",
        [
            ("HOLDS_POSITION", "Tom Schut", "Veiligheidsregio Twente", "voorzitter", "current"),
            ("HOLDS_POSITION", "Els Kok", "Veiligheidsregio Twente", "voorzitter", "former"),
        ],
    ),
]

CASES += [
    (
        "person-titled-surname (a surname alone after an office, with a town's name)",
        "De opzegging werd in een gesprek met burgemeester Hoogeveen van Oldebroek medegedeeld.",
        [("HOLDS_POSITION", "Hoogeveen", "Oldebroek", "burgemeester", "current")],
    ),
    (
        "person-titled-surname (the same person as the full name)",
        "Rik van der Linden is directeur van de GGD Twente. Volgens directeur Van der Linden gaat het goed.",
        [("HOLDS_POSITION", "Rik van der Linden", "GGD Twente", "directeur", "current")],
    ),
]

CASES += [
    (
        "position-there (a career history)",
        "Jan Kok werkte eerst bij de gemeente Oss. Vanaf 2006 was hij hoofd financiën bij de buurgemeente Uden. "
        "In 2014 werd hij daar wethouder.",
        [
            ("HOLDS_POSITION", "Jan Kok", "Uden", "hoofd financiën", "former"),
            ("HOLDS_POSITION", "Jan Kok", "Uden", "wethouder", "former"),
        ],
    ),
    (
        "position-role-adjective (a demonym of a municipality the text names)",
        "De gemeenten Dronten en Zeewolde werken samen. De Zeewoldse wethouder Karin Bosma sprak in Dronten.",
        [("HOLDS_POSITION", "Karin Bosma", "Zeewolde", "wethouder", "current")],
    ),
    (
        "position-role-adjective (a province's demonym)",
        "De provincie Fryslân en de gemeente Leeuwarden tekenden. De Friese gedeputeerde Sietse Bouma was blij.",
        [("HOLDS_POSITION", "Sietse Bouma", "Fryslân", "gedeputeerde", "current")],
    ),
    (
        "position-role-adjective (city and province share the adjective: the office decides)",
        "De provincie Utrecht en de gemeente Utrecht tekenden. "
        "De Utrechtse gedeputeerde Anne Vos en de Utrechtse wethouder Bas Kok waren er.",
        [
            ("HOLDS_POSITION", "Anne Vos", "provincie Utrecht", "gedeputeerde", "current"),
            ("HOLDS_POSITION", "Bas Kok", "Utrecht", "wethouder", "current"),
        ],
    ),
    (
        "position-coordinated-role-of (a demonym between article and name)",
        "Kees Mol (CDA) nam afscheid als burgemeester van Urk en werd burgemeester van het Gelderse Tiel.",
        [("HOLDS_POSITION", "Kees Mol", "Tiel", "burgemeester", "current")],
    ),
]

CASES += [
    (
        "position-adjacent-role-of (a capitalised type noun is part of the name)",
        "Bestuurslid Jan Willem Kaal, directeur Omgevingsdienst Twente, over de benoeming: 'Een goede keus.'",
        [("HOLDS_POSITION", "Jan Willem Kaal", "Omgevingsdienst Twente", "directeur", "current")],
    ),
    (
        "position-adjacent-role-of (the organ belongs to the organisation)",
        "De heer Rik Veen, voorzitter van het dagelijks en algemeen bestuur van de Dienst Gezondheid & Jeugd: 'Goed.'",
        [("HOLDS_POSITION", "Rik Veen", "Dienst Gezondheid & Jeugd", "voorzitter", "current")],
    ),
    (
        "position-copula-role-of (a hyphenated modifier)",
        "Michel Antens wordt waarnemend-gemeentesecretaris in Baarle-Nassau.",
        [("HOLDS_POSITION", "Michel Antens", "Baarle-Nassau", "gemeentesecretaris", "current")],
    ),
]

CASES += [
    (
        "located-part-of-province",
        "Zowel Blaricum als Huizen maakt deel uit van de provincie Noord-Holland.",
        [
            ("LOCATED_IN", "Blaricum", "Noord-Holland", None, None),
            ("LOCATED_IN", "Huizen", "Noord-Holland", None, None),
        ],
    ),
    (
        "located-gemeente-in (an island)",
        "Terschelling is een eiland in Fryslân en telt 5.000 inwoners.",
        [("LOCATED_IN", "Terschelling", "Fryslân", None, None)],
    ),
]

CASES += [
    (
        "position-adjacent-context-organisation (a dijkgraaf belongs to the water board)",
        "Waterschap Vechtstromen en de gemeente Hardenberg werken samen. Dijkgraaf Ton Kuipers: 'Samenwerking loont.'",
        [("HOLDS_POSITION", "Ton Kuipers", "Waterschap Vechtstromen", "dijkgraaf", "current")],
    ),
    (
        "position-adjacent-context-organisation (the organisation the document is about)",
        "Nieuwe directeur bij RUD Utrecht\n\nOud-voorzitter Karel Pot: 'De afgelopen jaren waren goed.'",
        [("HOLDS_POSITION", "Karel Pot", "RUD Utrecht", "voorzitter", "former")],
    ),
    (
        "position-adjacent-role-of (an honorific between organisation and person, 'tevens')",
        "Vicevoorzitter van de Veiligheidsregio Twente, mevrouw Anja Dijk, tevens burgemeester van Almelo: 'Mooi.'",
        [
            ("HOLDS_POSITION", "Anja Dijk", "Veiligheidsregio Twente", "vicevoorzitter", "current"),
            ("HOLDS_POSITION", "Anja Dijk", "Almelo", "burgemeester", "current"),
        ],
    ),
    (
        "position-adjacent-role-of (an adjective before the organisation)",
        "De burgemeester van Delft, de heer Piet Kok, is benoemd tot voorzitter van het landelijke Veiligheidsberaad.",
        [("HOLDS_POSITION", "Piet Kok", "Veiligheidsberaad", "voorzitter", "current")],
    ),
]

CASES += [
    (
        "position-adjacent-context-organisation (the body the sentence names by its kind)",
        "Veel gemeenten werken samen in de Veiligheidsregio Fryslân en in andere verbanden. "
        "Voorzitter Sybren Bos wijst erop dat de veiligheidsregio snel moet handelen.",
        [("HOLDS_POSITION", "Sybren Bos", "Veiligheidsregio Fryslân", "voorzitter", "current")],
    ),
    (
        "position-copula-context-municipality ('eerste burger' is a mayor)",
        "Winterswijk krijgt een nieuwe burgemeester. De 32-jarige Joris Kamp is voorgedragen als nieuwe eerste burger.",
        [("HOLDS_POSITION", "Joris Kamp", "Winterswijk", "eerste burger", "current")],
    ),
]

CASES += [
    (
        "position-adjacent-role-of ('van' and a municipality after a full name is the employer)",
        "Oud-burgemeester Kees Jansen van Kampen overleed zaterdag op 80-jarige leeftijd.",
        [("HOLDS_POSITION", "Kees Jansen", "Kampen", "burgemeester", "former")],
    ),
    (
        "position-adjacent-role-of (a person and their organisation are not one name)",
        "Directeur Sanne Vos van GGD Twente presenteerde het plan.",
        [("HOLDS_POSITION", "Sanne Vos", "GGD Twente", "directeur", "current")],
    ),
]

CASES += [
    (
        "position-adjacent-context-municipality (a party in parentheses; the council addressed)",
        "Burgemeester Jaap Kool (VVD) heeft de gemeenteraad van Hollands Kroon laten weten dat hij stopt. "
        "Eerder was hij onder meer burgemeester van Ouder-Amstel en Heemskerk.",
        [
            ("HOLDS_POSITION", "Jaap Kool", "Hollands Kroon", "burgemeester", "current"),
            ("HOLDS_POSITION", "Jaap Kool", "Ouder-Amstel", "burgemeester", "former"),
            ("HOLDS_POSITION", "Jaap Kool", "Heemskerk", "burgemeester", "former"),
        ],
    ),
    (
        "position-pronoun-role-of (an inverted pronoun for the one person before it)",
        "Voordat Theo Schut in Oldenzaal werd benoemd, was hij onder meer waarnemend burgemeester van Losser.",
        [("HOLDS_POSITION", "Theo Schut", "Losser", "burgemeester", "former")],
    ),
    (
        "position-works-at (a list of municipalities)",
        "Karel Stam is per 1 maart de nieuwe gemeentesecretaris van Montferland. "
        "Stam werkte eerder in vergelijkbare functies bij de gemeenten Zeewolde, Dronten en Lingewaard.",
        [
            ("HOLDS_POSITION", "Karel Stam", "Zeewolde", "medewerker", "former"),
            ("HOLDS_POSITION", "Karel Stam", "Dronten", "medewerker", "former"),
            ("HOLDS_POSITION", "Karel Stam", "Lingewaard", "medewerker", "former"),
        ],
    ),
]

CASES += [
    (
        "located-kind-in (the one body of that kind, said to be in a place)",
        "Veiligheidsregio Fryslân is een gemeenschappelijke regeling. In het bestuur van de Veiligheidsregio "
        "in Fryslân zitten burgemeesters.",
        [("LOCATED_IN", "Veiligheidsregio Fryslân", "Fryslân", None, None)],
    ),
    (
        "located-waar-gevestigd",
        "Hoe ziet die verbinding eruit in Enschede, Deventer en Apeldoorn, waar Hogeschool Saxion is gevestigd?",
        [
            ("LOCATED_IN", "Hogeschool Saxion", "Enschede", None, None),
            ("LOCATED_IN", "Hogeschool Saxion", "Apeldoorn", None, None),
        ],
    ),
]

CASES += [
    (
        "member-listed ('de regio omvat de volgende gemeenten:')",
        "Regio Holland Rijnland beslaat een groot deel van het land. De gehele regio omvat de volgende "
        "gemeenten: Hillegom, Katwijk en Lisse.",
        [
            ("MEMBER_OF", "Hillegom", "Regio Holland Rijnland", None, None),
            ("MEMBER_OF", "Lisse", "Regio Holland Rijnland", None, None),
        ],
    ),
    (
        "member-listed ('aangesloten bij X, met onder meer')",
        "Onze gemeente is aangesloten bij netwerk Regio Midden Holland, met onder meer Gouda en Zuidplas.",
        [
            ("MEMBER_OF", "Gouda", "Regio Midden Holland", None, None),
            ("MEMBER_OF", "Zuidplas", "Regio Midden Holland", None, None),
        ],
    ),
    (
        "member-listed ('die dat ook doet in')",
        "Het ophalen van afval is uitbesteed aan Cyclus NV, die dat ook doet in onder meer Gouda en Montfoort.",
        [
            ("MEMBER_OF", "Gouda", "Cyclus NV", None, None),
            ("MEMBER_OF", "Montfoort", "Cyclus NV", None, None),
        ],
    ),
    (
        "member-forming",
        "De colleges van de gemeenten Delft, Rijswijk en Zoetermeer ondertekenen een intentieovereenkomst "
        "voor de vorming van een nieuwe GGD Haaglanden.",
        [
            ("MEMBER_OF", "Delft", "GGD Haaglanden", None, None),
            ("MEMBER_OF", "Zoetermeer", "GGD Haaglanden", None, None),
        ],
    ),
    (
        "position-predecessor ('heeft het stokje overgenomen van')",
        "Hans van Daalen is voorzitter van Platform Water. Hij heeft het stokje overgenomen van Breunis van de Weerd.",
        [("HOLDS_POSITION", "Breunis van de Weerd", "Platform Water", "voorzitter", "former")],
    ),
]

CASES += [
    (
        "position-board-list and member-board-list",
        "Omgevingsdienst Rivierenland heeft een algemeen bestuur.\n\nDe leden van het algemeen bestuur zijn:\n\n"
        "T. van Houwelingen, gemeente Tiel\nA. Rijsdijk, gemeente Culemborg\n\nDagelijks bestuur\n",
        [
            (
                "HOLDS_POSITION",
                "T. van Houwelingen",
                "Omgevingsdienst Rivierenland",
                "lid algemeen bestuur",
                "current",
            ),
            ("MEMBER_OF", "Tiel", "Omgevingsdienst Rivierenland", None, None),
            ("MEMBER_OF", "Culemborg", "Omgevingsdienst Rivierenland", None, None),
        ],
    ),
]

CASES += [
    (
        "position-listed-context (a plural office and a list of people, in a text about one municipality)",
        "Bij aanvang van de vergadering in Meerssen werd afscheid genomen van de wethouders Gerard IJff, "
        "Peter Hovens en Wim Kemp.",
        [
            ("HOLDS_POSITION", "Gerard IJff", "Meerssen", "wethouder", "current"),
            ("HOLDS_POSITION", "Wim Kemp", "Meerssen", "wethouder", "current"),
        ],
    ),
    (
        "position-copula-role-of (a list item 'Name: role organisation')",
        "Het team bestaat uit:\n• Tseard Hoekstra: wethouder gemeente Alphen aan den Rijn\n"
        "• Jeroen Verheijen: wethouder gemeente Hillegom",
        [
            ("HOLDS_POSITION", "Tseard Hoekstra", "Alphen aan den Rijn", "wethouder", "current"),
            ("HOLDS_POSITION", "Jeroen Verheijen", "Hillegom", "wethouder", "current"),
        ],
    ),
    (
        "position-works-at (a list opening with a name the recogniser does not know)",
        "Wouter Kamsma is de nieuwe gemeentesecretaris van Epe. Kamsma had eerder vergelijkbare banen; hij werkte "
        "bij de gemeenten Oudstad, Heerde en Oldebroek.",
        [
            ("HOLDS_POSITION", "Wouter Kamsma", "Heerde", "medewerker", "former"),
            ("HOLDS_POSITION", "Wouter Kamsma", "Oldebroek", "medewerker", "former"),
        ],
    ),
    (
        "joint-parenthesis (named clusters of a cooperation, one per line)",
        "De samenwerking kent drie clusters:\n• Cluster Noord (Ameland, Dantumadiel en Noardeast-Fryslân)\n"
        "• Cluster ABC (Achtkarspelen en Tytsjerksteradiel)",
        [
            ("MEMBER_OF", "Ameland", "Cluster Noord", None, None),
            ("MEMBER_OF", "Noardeast-Fryslân", "Cluster Noord", None, None),
            ("MEMBER_OF", "Tytsjerksteradiel", "Cluster ABC", None, None),
        ],
    ),
    (
        "position-appointed-role-of (the agent of a passive is not the one appointed)",
        "Anna Vos is door commissaris van de Koning Piet Mulder beëdigd als burgemeester van de gemeente Epe.",
        [("HOLDS_POSITION", "Anna Vos", "Epe", "burgemeester", "current")],
    ),
    (
        "position-copula-role-of (a municipality of several words right after the role)",
        "Lotte Brouwer is burgemeester Capelle aan den IJssel.",
        [("HOLDS_POSITION", "Lotte Brouwer", "Capelle aan den IJssel", "burgemeester", "current")],
    ),
    (
        "member-list-acronym (former municipalities spell no name: they are the members)",
        "Vanaf dat jaar werkten de gemeenten Bergambacht, Schoonhoven, Nederlek en Ouderkerk (BSNO) samen, tot ze "
        "opgingen in de gemeente Krimpenerwaard.",
        [("MEMBER_OF", "Bergambacht", "BSNO", None, None), ("MEMBER_OF", "Ouderkerk", "BSNO", None, None)],
    ),
    (
        "member-works-for ('wij' is the organisation the page speaks for)",
        "Omgevingsdienst Zaanstreek\n\nDe Omgevingsdienst Zaanstreek is de omgevingsdienst voor de regio. "
        "Wij voeren taken uit voor vier gemeenten (Zaanstad, Wormerland, Oostzaan en Landsmeer).",
        [
            ("MEMBER_OF", "Zaanstad", "Omgevingsdienst Zaanstreek", None, None),
            ("MEMBER_OF", "Landsmeer", "Omgevingsdienst Zaanstreek", None, None),
        ],
    ),
]

# sentences that must NOT give a relation: (rule, text, relation type that must be absent)
NEGATIVE = [
    (
        "a political party takes part in no relation",
        "De VVD en GroenLinks werken samen met het CDA in de gemeenteraad.",
        "COLLABORATES_WITH",
    ),
    (
        "position-listed-employer (a party is no employer)",
        "De wethouders Piet Dam (CDA) en Kees Bos (VVD) stemden tegen.",
        "HOLDS_POSITION",
    ),
    (
        "a party known by the shape of its name takes part in no relation",
        "De heer Jansen (52 jaar) is lid van de Friese Volkspartij (FVP).",
        "HOLDS_POSITION",
    ),
    (
        "participates-deal-party (a coalition agreement is signed by parties, which take part in nothing)",
        "Na de verkiezingen ondertekenden de fractievoorzitters van de coalitiepartijen "
        "Lokaal Epe, CDA en PvdA het coalitieakkoord Samen Verder.",
        "PARTICIPATES_IN",
    ),
    (
        "member-body-of (a deal described as a cooperation has parties, not members)",
        "Ook leidt hij de Citydeal Schone Rivieren, een samenwerkingsverband "
        "tussen Deventer, Zutphen en Doesburg.",
        "MEMBER_OF",
    ),
]


def facts_of(extractor: Extractor, text: str) -> set[tuple]:
    facts = extractor.extract(text, Document("t.txt", "t.txt", "t.txt"))
    name = {e.id: e.name for e in facts.entities}
    return {(r.type, name[r.source], name[r.target], r.role, r.status) for r in facts.relations}


@pytest.mark.parametrize("rule, text, expected", CASES, ids=[c[0] for c in CASES])
def test_rule_reads_its_example(extractor: Extractor, rule: str, text: str, expected: list[tuple]) -> None:
    found = facts_of(extractor, text)
    for fact in expected:
        if fact[0] == "HOLDS_POSITION":
            assert fact in found, f"{rule}: {fact} not in {sorted(found)}"
        else:
            assert fact[:3] in {f[:3] for f in found}, f"{rule}: {fact} not in {sorted(found)}"


def test_a_provincial_post_is_held_at_no_municipality(extractor: Extractor) -> None:
    text = "Anna Vos is door commissaris van de Koning Piet Mulder beëdigd als burgemeester van Epe."
    assert not [f for f in facts_of(extractor, text) if f[1] == "Piet Mulder"]


@pytest.mark.parametrize("rule, text, absent", NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_rule_stays_silent(extractor: Extractor, rule: str, text: str, absent: str) -> None:
    assert not {f for f in facts_of(extractor, text) if f[0] == absent}, rule


# (what, text, names that must not be entities, names that must be)
ENTITY_CASES = [
    (
        "a surname's particles before a municipality's name; titles, organs and degrees are no bodies",
        "Gedeputeerde Lenie Dwarshuis – van de Beek tekende, met Y. van Dam MPA en GS. De gemeentesecretaris "
        "van de Hoeksche Waard is blij. In de regio Burgemeester Kees Bos sprak.",
        {"Beek (L.)", "MPA", "GS", "regio Burgemeester", "Burgemeester"},
        {"Hoeksche Waard", "Lenie Dwarshuis", "Kees Bos"},
    ),
    (
        "an agreement or a theme in capitals is no organisation",
        "In mei tekenen de gemeenten de Samenwerkingsovereenkomst. Participatie is belangrijk voor de "
        "Stichting Meedoen.",
        {"Samenwerkingsovereenkomst", "Participatie"},
        {"Stichting Meedoen"},
    ),
    (
        "organs are no organisations: councils, directorates and committees inside a body",
        "De Veiligheidsdirectie en de Ondernemingsraad van de GGD Zeeland zijn blij. De Rekenkamercommissie ook.",
        {"Veiligheidsdirectie", "Ondernemingsraad", "Rekenkamercommissie"},
        {"GGD Zeeland"},
    ),
    (
        "a quoted name after an initiative word, a compound ending in one, or 'onder de naam'",
        "De gemeenten organiseren de bijeenkomst “Samen aan de Slag” in Dronten. Onder de naam "
        "'Thuis in de Toekomst' werken zij samen. De samenwerkingsagenda ‘Sterk West’ is getekend. "
        "Hij zei: 'dat is goed'.",
        {"dat is goed"},
        {"Samen aan de Slag", "Thuis in de Toekomst", "Sterk West"},
    ),
    (
        "a name after a region's name, an unlisted first name in apposition, a capitals dateline",
        "DEN BOSCH / OSS - Wobine Kraaijeveld, burgemeester van Oss, sprak met de voorzitter van "
        "Regio Hart van Brabant Peter Noordhoek en met Regio Twente Anna de Vries.",
        {"DEN", "Regio Hart van Brabant Peter Noordhoek", "Regio Twente Anna de Vries"},
        {"Wobine Kraaijeveld", "Regio Hart van Brabant", "Peter Noordhoek", "Regio Twente", "Oss"},
    ),
    (
        "joined acronyms and a typed name with an adjective or 'en' are one organisation each",
        "Het waterschap Drentse Aa en het Wetterskip Fryslân overleggen met LTO-Oost en VNO/NCW. "
        "De woningcorporatie Woonkracht en Thuisbasis doen mee.",
        {"LTO", "VNO", "NCW", "Drentse Aa en het Wetterskip Fryslân", "Woonkracht en Thuisbasis"},
        {"Drentse Aa", "waterschap Drentse Aa", "Wetterskip Fryslân", "LTO-Oost", "VNO/NCW", "Woonkracht"},
    ),
    (
        "a compass adjective before a noun is no region",
        "De Oost-Drentse gemeenten en de Noord Hollandse kust zijn blij. Zuid-Limburg ook.",
        {"Oost-Drentse", "Noord Hollandse"},
        {"Zuid-Limburg"},
    ),
    (
        "archives, libraries and recreation boards are organisations; the common noun alone is not",
        "Het Regionaal Archief Kromme Rijn is gevestigd in Houten. Het archief opent in mei. "
        "Het Recreatieschap Veluwezoom beheert de bossen.",
        {"Het archief", "archief"},
        {"Regionaal Archief Kromme Rijn", "Recreatieschap Veluwezoom", "Houten"},
    ),
    (
        "themes in a list are no organisations",
        "De opgaven zijn gekoppeld aan thema's als Energie & Duurzaamheid, Mobiliteit en Volkshuisvesting.",
        {"Duurzaamheid", "Mobiliteit", "Volkshuisvesting"},
        set(),
    ),
    (
        "a law is no organisation",
        "De gemeente Epe bereidt zich voor op de komst van de Omgevingswet.",
        {"Omgevingswet"},
        {"Epe"},
    ),
    (
        "administrative acronyms are organs",
        "Het AB en het DB van de Veiligheidsregio Twente besloten unaniem; B&W stemde in.",
        {"AB", "DB", "B&W"},
        {"Veiligheidsregio Twente"},
    ),
    (
        "an organ is cut off the body it belongs to",
        "Het Algemeen Bestuur van GGD Flevoland heeft Mark Dijk benoemd tot directeur.",
        {"Algemeen Bestuur van GGD Flevoland"},
        {"GGD Flevoland", "Mark Dijk"},
    ),
    (
        "a demonym is no name",
        "De Twentse gemeenten en het Zuid-Limburgs bestuur overleggen.",
        {"Twentse", "Zuid-Limburgs"},
        set(),
    ),
    (
        "a portfolio or a town after an office is no surname",
        "Wethouder Financiën Karel Boom en burgemeester Amsterdam waren er niet.",
        {"Financiën"},
        {"Karel Boom", "Amsterdam"},
    ),
    (
        "'de provincies X en Y' names provinces, also one a city shares",
        "De provincies Utrecht en Gelderland investeren samen in de Regio Deal Foodvalley.",
        {"Utrecht"},
        {"provincie Utrecht", "Gelderland"},
    ),
    (
        "a compass region glued to an organisation's name is no region",
        "Rijkswaterstaat Noord-Nederland en de provincie Groningen werken samen aan de weg.",
        {"Noord-Nederland"},
        {"provincie Groningen"},
    ),
    (
        "a sentence's first word is no part of the name after it",
        "Zoals de Bereikbaarheidsagenda laat zien, werkt de regio. Verlenging Regiodeal Achterhoek is rond.",
        {"Zoals de Bereikbaarheidsagenda", "Verlenging Regiodeal Achterhoek"},
        {"Bereikbaarheidsagenda", "Regiodeal Achterhoek"},
    ),
    (
        "no name after an initiative head that ends a sentence or a week",
        "Zij tekenden het convenant\nOp maandag is het feest. Deze week Hilde over samenwerking.",
        {"convenant Op", "week Hilde"},
        set(),
    ),
    (
        "a heading in capitals is no initiative",
        "STRATEGISCHE AGENDA\n\nDe regio werkt aan wonen.",
        {"STRATEGISCHE AGENDA"},
        set(),
    ),
    (
        "a name may start with an everyday word",
        "Het congres wordt georganiseerd door Sociaal Werk Nederland.",
        set(),
        {"Sociaal Werk Nederland"},
    ),
    (
        "political parties are organisations",
        "Pieter van Maaren (CDA) is burgemeester van Urk; ook de VVD en GroenLinks stemden in.",
        set(),
        {"CDA", "VVD", "GroenLinks"},
    ),
    (
        "the kind of body, a portfolio, a title and a capitals heading word are no organisations",
        "Het Algemeen Bestuur van GGD Flevoland benoemde haar tot Directeur Publieke Gezondheid. De GGD "
        "(Gemeentelijke Gezondheidsdienst) werkt voor gemeenten. Minister van Binnenlandse Zaken en "
        "Koninkrijksrelaties Jan Bos tekende in het Provinciehuis.\n\nINPUT\n\nDe regio groeit.",
        {
            "Directeur Publieke Gezondheid",
            "Gemeentelijke Gezondheidsdienst",
            "Koninkrijksrelaties",
            "Binnenlandse Zaken en Koninkrijksrelaties",
            "Provinciehuis",
            "INPUT",
        },
        {"GGD Flevoland"},
    ),
    (
        "first names with accents or joined by a hyphen; a title before a name is no organisation",
        "Hoogheemraad Jeroen Haan sprak met Gérard Bouman en Cora-Yfke Sikkema.",
        {"Hoogheemraad Jeroen Haan"},
        {"Jeroen Haan", "Gérard Bouman", "Cora-Yfke Sikkema"},
    ),
    (
        "people and their organisation, and two bodies joined by 'en de', are not one name",
        "We vroegen het Lea Janssen en Sandra Akkermans van GGD Zuid Limburg. Ook Ambulancezorg "
        "Limburg-Noord en de GGD oefenden mee.",
        {"Lea Janssen en Sandra Akkermans van GGD Zuid Limburg", "Ambulancezorg Limburg-Noord en de GGD"},
        {"Lea Janssen", "Sandra Akkermans", "GGD Zuid Limburg", "Ambulancezorg Limburg-Noord"},
    ),
    (
        "a name listed beside known organisations is an organisation",
        "Daarom zijn Circulus Berkel, AVU en ROVA onder de naam CirkelWaarde een samenwerking gestart.",
        set(),
        {"Circulus Berkel", "AVU", "ROVA"},
    ),
    (
        "a surname with a curly 't; a title before an unlisted first name",
        "Gedeputeerde Peter van ’t Hoog sprak met burgemeester Gerolf Bouwmeester.",
        set(),
        {"Peter van ’t Hoog", "Gerolf Bouwmeester"},
    ),
    (
        "two bodies joined by 'en', a place and a body, a surname before 'van ORG' are not one name",
        "De provincie werkt met Waterschap Vallei en Veluwe en Waterschap Rivierenland samen. Het convenant "
        "tussen Tilburg en HAS Hogeschool tekende Peter van Dongen van Hogeschool VHL.",
        {
            "Waterschap Vallei en Veluwe en Waterschap Rivierenland",
            "Tilburg en HAS Hogeschool",
            "Dongen van Hogeschool VHL",
        },
        {"Waterschap Vallei en Veluwe", "Waterschap Rivierenland", "HAS Hogeschool", "Hogeschool VHL"},
    ),
    (
        "organs of a province or region, and a dateline in capitals, are no bodies",
        "GELDERMALSEN Met tromgeroffel werd de burgemeester welkom geheten. Provinciale Staten en het "
        "Drechtstedenbestuur stemden in, net als de Regiegroep.",
        {"GELDERMALSEN", "GELDERMALSEN Met", "Provinciale Staten", "Drechtstedenbestuur", "Regiegroep"},
        set(),
    ),
    (
        "a municipality whose name holds an organisation word is the municipality",
        "Zij werkte tien jaar in Hof van Twente.",
        {"Hof"},
        {"Hof van Twente"},
    ),
    (
        "a cluster is a region only when a place or an acronym names it",
        "Het Cluster Zorg van de gemeente Epe is verhuisd.",
        {"Cluster Zorg"},
        {"Epe"},
    ),
    (
        "a heading in capitals, a discourse word and a law written as a word are no bodies",
        "DE BILT - De raad koos een voorzitter.\n\nVOORLOPIGE CONCLUSIE Het Beraad besluit op 11 juni. "
        "Kortom, een behoorlijke opgave. De Wmo blijft belangrijk, zegt de PvdA. Ook NIOZ en FUMO doen mee.",
        {"BILT", "VOORLOPIGE", "Kortom", "Wmo"},
        {"PvdA", "NIOZ", "FUMO"},
    ),
    (
        "a brand written in camel case stays a name",
        "Thuiszorgorganisatie ThuisZorg doet mee aan het project.",
        set(),
        {"ThuisZorg"},
    ),
    (
        "a heading and the sentence under it are not one name",
        "Nieuwe directeur Omgevingsdienst Rivierenland\n\nHet Dagelijks Bestuur heeft Eva Bos benoemd.",
        {"Rivierenland Het Dagelijks"},
        {"Omgevingsdienst Rivierenland"},
    ),
]


@pytest.mark.parametrize("what, text, absent, present", ENTITY_CASES, ids=[c[0] for c in ENTITY_CASES])
def test_entities(extractor: Extractor, what: str, text: str, absent: set[str], present: set[str]) -> None:
    facts = extractor.extract(text, Document("t.txt", "t.txt", "t.txt"))
    forms = {e.name for e in facts.entities} | {a for e in facts.entities for a in e.aliases}
    assert not absent & forms, what
    assert present <= forms, f"{what}: {sorted(forms)}"
