"""Group relations (loaders/relations/groups.py, lists.py): membership of bodies, parties of deals and
collaboration of lists, each rule with sentences of the genre (invented bodies and people, real
municipality names) and the relations they must and must not give.
"""

from __future__ import annotations

import pytest

from stakegraph.graph.model import DocumentFacts


def named(facts: DocumentFacts, name: str) -> str:
    """The id of the entity called `name` (or with `name` as an alias) in the facts."""
    hits = [e.id for e in facts.entities if e.name == name or name in e.aliases]
    assert hits, (name, [(e.name, e.type) for e in facts.entities])
    return hits[0]


def found(facts: DocumentFacts, type_: str) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in facts.entities}
    out = set()
    for r in facts.relations:
        if r.type == type_:
            pair = (names[r.source], names[r.target])
            out.add(tuple(sorted(pair)) if type_ == "COLLABORATES_WITH" else pair)
    return out


def rules_of(facts: DocumentFacts, type_: str) -> set[str]:
    return {ev.rule for r in facts.relations if r.type == type_ for ev in r.evidence}


CASES = [
    # (rule, text, relation type, expected (source, target) names)
    (
        "member-predicate (list anaphor with a number)",
        "Lochem, Zutphen en Brummen kennen elkaar goed. Sinds 2012 werken deze drie gemeenten samen in "
        "Regio Lindeveld.",
        "MEMBER_OF",
        {("Lochem", "Regio Lindeveld"), ("Zutphen", "Regio Lindeveld"), ("Brummen", "Regio Lindeveld")},
    ),
    (
        "member-predicate (beide gemeenten)",
        "Tiel en Culemborg delen een ambtelijke organisatie. Beide gemeenten zijn lid van de Vereniging "
        "Rivierensteden.",
        "MEMBER_OF",
        {("Tiel", "Vereniging Rivierensteden"), ("Culemborg", "Vereniging Rivierensteden")},
    ),
    (
        "member-predicate (maakt deel uit van, with an adverbial)",
        "De gemeente Losser maakt sinds 2015 deel uit van Regio Lindeveld.",
        "MEMBER_OF",
        {("Losser", "Regio Lindeveld")},
    ),
    (
        "member-predicate (zowel A als B, bodies coordinated)",
        "Zowel Oldebroek als Hattem maakt deel uit van de provincie Gelderland en de regio Noord-Veluwe.",
        "MEMBER_OF",
        {("Oldebroek", "regio Noord-Veluwe"), ("Hattem", "regio Noord-Veluwe")},
    ),
    (
        "member-predicate (zij after a list)",
        "Bij de vorming zijn de korpsen van Dinkelland, Tubbergen en Losser betrokken. Samen vormen zij "
        "de nieuwe organisatie van Veiligheidsregio Grensland.",
        "MEMBER_OF",
        {
            ("Dinkelland", "Veiligheidsregio Grensland"),
            ("Tubbergen", "Veiligheidsregio Grensland"),
            ("Losser", "Veiligheidsregio Grensland"),
        },
    ),
    (
        "member-body-of (generic items and provinces skipped)",
        "Regio Lindeveld is een samenwerkingsverband van 12 overheden: de gemeenten Oss, Uden en "
        "Bernheze en de provincie Noord-Brabant.",
        "MEMBER_OF",
        {("Oss", "Regio Lindeveld"), ("Uden", "Regio Lindeveld"), ("Bernheze", "Regio Lindeveld")},
    ),
    (
        "member-body-of (the body by its kind)",
        "Veiligheidsregio Grensland bestaat sinds 2010. Tevens is de veiligheidsregio een "
        "samenwerkingsverband tussen de politie, waterschappen en de gemeenten Tubbergen en Dinkelland.",
        "MEMBER_OF",
        {("Tubbergen", "Veiligheidsregio Grensland"), ("Dinkelland", "Veiligheidsregio Grensland")},
    ),
    (
        "member-consists-of-list (bestaande uit, compound modifier)",
        "Het Stedennetwerk Heuvelrand, bestaande uit de H3-gemeenten Zeist, Utrechtse Heuvelrug en "
        "Wijk bij Duurstede, heeft grote plannen.",
        "MEMBER_OF",
        {
            ("Zeist", "Stedennetwerk Heuvelrand"),
            ("Utrechtse Heuvelrug", "Stedennetwerk Heuvelrand"),
            ("Wijk bij Duurstede", "Stedennetwerk Heuvelrand"),
        },
    ),
    (
        "member-consists-of-list (het samenwerkingsverband wordt bestuurd door)",
        "Binnen Veiligheidsregio Grensland werken hulpdiensten samen. Het samenwerkingsverband wordt "
        "bestuurd door de deelnemende gemeenten: Dinkelland, Tubbergen en Losser.",
        "MEMBER_OF",
        {
            ("Dinkelland", "Veiligheidsregio Grensland"),
            ("Tubbergen", "Veiligheidsregio Grensland"),
            ("Losser", "Veiligheidsregio Grensland"),
        },
    ),
    (
        "member-body-of (names the recogniser misses do not end the list)",
        "Veiligheidsregio Grensland bestaat sinds 2010. Tevens is de veiligheidsregio een "
        "samenwerkingsverband tussen de politie, Kustwacht, Havendienst Rijnmond, de gemeente Tubbergen en de "
        "brandweer.",
        "MEMBER_OF",
        {("Tubbergen", "Veiligheidsregio Grensland")},
    ),
    (
        "member-works-for",
        "GGD Maasland voert taken uit voor de gemeenten Oss, Uden en Bernheze en voor de provincie Noord-Brabant.",
        "MEMBER_OF",
        {("Oss", "GGD Maasland"), ("Uden", "GGD Maasland"), ("Bernheze", "GGD Maasland")},
    ),
    (
        "member-we-in",
        "Op sommige onderdelen werken we samen met onze buren. Dit doen we in Regio Lindeveld met "
        "gemeente Ede, Wageningen en Renkum.",
        "MEMBER_OF",
        {("Ede", "Regio Lindeveld"), ("Wageningen", "Regio Lindeveld"), ("Renkum", "Regio Lindeveld")},
    ),
    (
        "member-we-in (who 'wij' is, from the text itself)",
        "Als gemeenteraad van Leusden zijn wij er voor onze inwoners. Soms werken we samen met buren. "
        "Dit doen we in Regio Lindeveld met Soest en Baarn.",
        "MEMBER_OF",
        {("Leusden", "Regio Lindeveld"), ("Soest", "Regio Lindeveld"), ("Baarn", "Regio Lindeveld")},
    ),
    (
        "member-board",
        "Karel Smit is wethouder in de gemeente Kampen en bestuurslid van Regio Lindeveld.",
        "MEMBER_OF",
        {("Kampen", "Regio Lindeveld")},
    ),
    (
        "member-board (the mayor chairs a cooperation area)",
        "De burgemeester van Kampen is ook voorzitter van Regio Lindeveld.",
        "MEMBER_OF",
        {("Kampen", "Regio Lindeveld")},
    ),
    (
        "member-form-with",
        "De gemeente Waalwijk vormt samen met de gemeente Loon op Zand, Heusden en Dongen de regio Langstraat.",
        "MEMBER_OF",
        {
            ("Waalwijk", "regio Langstraat"),
            ("Loon op Zand", "regio Langstraat"),
            ("Heusden", "regio Langstraat"),
            ("Dongen", "regio Langstraat"),
        },
    ),
    (
        "member-under-the-name",
        "Om dat te bereiken zijn Tiel, Buren en Culemborg onder de naam Regio Lindeveld een samenwerking gestart.",
        "MEMBER_OF",
        {("Tiel", "Regio Lindeveld"), ("Buren", "Regio Lindeveld"), ("Culemborg", "Regio Lindeveld")},
    ),
    (
        "participates-drafted-by (the document's one akkoord, named later)",
        "Het akkoord werd gesloten door de gemeenten Leeuwarden en Harlingen. Die samenwerking heet het "
        "Akkoord van Leeuwarden.",
        "PARTICIPATES_IN",
        {("Leeuwarden", "Akkoord van Leeuwarden"), ("Harlingen", "Akkoord van Leeuwarden")},
    ),
    (
        "collab-list-samenwerken (starting a cooperation)",
        "In 2017 zijn Stichting Groenpoort en de provincie Zeeland gestart met een samenwerkingspilot.",
        "COLLABORATES_WITH",
        {("Stichting Groenpoort", "Zeeland")},
    ),
    (
        "collab-samen-met (a list anaphor as subject)",
        "Tiel en Buren gaan fuseren. Daarbij zullen de twee gemeenten nauw samenwerken met Stichting Groenpoort.",
        "COLLABORATES_WITH",
        {("Stichting Groenpoort", "Tiel"), ("Buren", "Stichting Groenpoort")},
    ),
    (
        "member-board-person",
        "Anouk Wildeman is sinds 2022 wethouder van Dronten. Zij is lid van het algemeen bestuur van "
        "de Belastingsamenwerking Polderland.",
        "MEMBER_OF",
        {("Dronten", "Belastingsamenwerking Polderland")},
    ),
    (
        "member-waarin",
        "Regio Noordkust is een mooi voorbeeld waarin Harlingen, Waadhoeke en Terschelling samenwerken.",
        "MEMBER_OF",
        {
            ("Harlingen", "Regio Noordkust"),
            ("Waadhoeke", "Regio Noordkust"),
            ("Terschelling", "Regio Noordkust"),
        },
    ),
    (
        "member-predicate (onderdeel van de regio: the body by its kind)",
        "Het bestuur van Regio Lindeveld schreef een brief. De gemeente Zeewolde is volgens het bestuur een integraal "
        "onderdeel van de regio.",
        "MEMBER_OF",
        {("Zeewolde", "Regio Lindeveld")},
    ),
    (
        "member-founders",
        "Kampen, Zwolle en Dalfsen hebben in 2012 de Belastingsamenwerking Overijssel opgericht.",
        "MEMBER_OF",
        {
            ("Kampen", "Belastingsamenwerking Overijssel"),
            ("Zwolle", "Belastingsamenwerking Overijssel"),
            ("Dalfsen", "Belastingsamenwerking Overijssel"),
        },
    ),
    (
        "member-founders (richtten ... op)",
        "Oss en Uden richtten in 2014 Regio Lindeveld op.",
        "MEMBER_OF",
        {("Oss", "Regio Lindeveld"), ("Uden", "Regio Lindeveld")},
    ),
    (
        "member-predicate (toegetreden tot)",
        "De gemeente Losser is in 2020 toegetreden tot Regio Lindeveld.",
        "MEMBER_OF",
        {("Losser", "Regio Lindeveld")},
    ),
    (
        "member-predicate (heeft zich aangesloten bij)",
        "Tiel heeft zich vorig jaar aangesloten bij Regio Lindeveld.",
        "MEMBER_OF",
        {("Tiel", "Regio Lindeveld")},
    ),
    (
        "member-predicate (work placed with a body)",
        "De gemeenten Oss en Uden hebben hun belastingtaken ondergebracht bij de Belastingsamenwerking Polderland.",
        "MEMBER_OF",
        {("Oss", "Belastingsamenwerking Polderland"), ("Uden", "Belastingsamenwerking Polderland")},
    ),
    (
        "member-works-for (namens)",
        "GGD Maasland verleent namens de gemeenten Oss en Uden vergunningen.",
        "MEMBER_OF",
        {("Oss", "GGD Maasland"), ("Uden", "GGD Maasland")},
    ),
    (
        "member-consists-of-list (a board of aldermen of the members)",
        "Het algemeen bestuur van Regio Lindeveld bestaat uit wethouders van Oss, Uden en Bernheze.",
        "MEMBER_OF",
        {("Oss", "Regio Lindeveld"), ("Uden", "Regio Lindeveld"), ("Bernheze", "Regio Lindeveld")},
    ),
    (
        "member-works-for (voert voor ... uit)",
        "De Belastingsamenwerking Polderland voert voor de gemeenten Oss en Uden de heffing uit.",
        "MEMBER_OF",
        {("Oss", "Belastingsamenwerking Polderland"), ("Uden", "Belastingsamenwerking Polderland")},
    ),
    (
        "participates-partner-in",
        "Ook de gemeente Tiel is een belangrijke partner in de Regio Deal Rivierstad.",
        "PARTICIPATES_IN",
        {("Tiel", "Regio Deal Rivierstad")},
    ),
    (
        "member-participants-are (the body of the sentence before)",
        "Veiligheidsregio Grensland is een gemeenschappelijke regeling van de Twentse gemeenten. Deelnemers "
        "zijn dus zowel Enschede en Almelo als kleinere gemeenten zoals Losser en Tubbergen.",
        "MEMBER_OF",
        {
            ("Enschede", "Veiligheidsregio Grensland"),
            ("Almelo", "Veiligheidsregio Grensland"),
            ("Losser", "Veiligheidsregio Grensland"),
            ("Tubbergen", "Veiligheidsregio Grensland"),
        },
    ),
    (
        "member-participants-are (nemen deel)",
        "Regio Lindeveld voert taken uit voor tien gemeenten. Ook Oss, Uden en Bernheze nemen deel.",
        "MEMBER_OF",
        {("Oss", "Regio Lindeveld"), ("Uden", "Regio Lindeveld"), ("Bernheze", "Regio Lindeveld")},
    ),
    (
        "member-predicate (vormen zij sinds ...)",
        "Deelnemers zijn de gemeenten Oss en Uden. Samen vormen zij sinds 2018 de regio Maasland-Oost.",
        "MEMBER_OF",
        {("Oss", "regio Maasland-Oost"), ("Uden", "regio Maasland-Oost")},
    ),
    (
        "member-works-for (a list of tasks before 'uit voor')",
        "GGD Maasland voert vergunningverlening, toezicht en handhaving uit voor de gemeenten Oss en Uden.",
        "MEMBER_OF",
        {("Oss", "GGD Maasland"), ("Uden", "GGD Maasland")},
    ),
    (
        "member-where (a long list; the body cut by the recogniser is the one named in full before)",
        "De Belastingsamenwerking Hart van Holland helpt gemeenten. De belastingsamenwerking Hart van "
        "Holland, waar de gemeenten Gouda, Zuidplas, Waddinxveen en Bodegraven-Reeuwijk deel van uitmaken, "
        "int de heffingen.",
        "MEMBER_OF",
        {
            ("Gouda", "Belastingsamenwerking Hart van Holland"),
            ("Zuidplas", "Belastingsamenwerking Hart van Holland"),
        },
    ),
    (
        "member-predicate (neemt deel aan a body)",
        "Sinds 2021 neemt ook de gemeente Tiel deel aan de gemeenschappelijke regeling Regio Lindeveld.",
        "MEMBER_OF",
        {("Tiel", "Regio Lindeveld")},
    ),
    (
        "member-predicate ('we' after the speaker's organisation worked with a list)",
        "Als gemeenteraad van Tiel zijn wij tevreden. Tiel werkt met Buren en Culemborg samen in Regio "
        "Lindeveld. Veel taken voeren we gezamenlijk uit. Zo zijn we deelnemer in de Belastingsamenwerking "
        "Polderland.",
        "MEMBER_OF",
        {
            ("Tiel", "Belastingsamenwerking Polderland"),
            ("Buren", "Belastingsamenwerking Polderland"),
            ("Culemborg", "Belastingsamenwerking Polderland"),
        },
    ),
    (
        "member-predicate (a numbered anaphor several sentences after its list, a name used as modifier)",
        "De Tielse Dienst is een regeling van drie gemeenten. Tiel, Buren en Culemborg zijn de deelnemers. "
        "Elke gemeente heeft een eigen raad. De uitvoering ligt bij de dienst. Het kantoor staat in Tiel. "
        "Alle drie de TBC-gemeenten zijn deelnemer in Regio Lindeveld.",
        "MEMBER_OF",
        {("Tiel", "Regio Lindeveld"), ("Buren", "Regio Lindeveld"), ("Culemborg", "Regio Lindeveld")},
    ),
    (
        "member-predicate (krachten gebundeld in)",
        "De gemeenten Oss en Uden hebben hun krachten gebundeld in Regio Lindeveld.",
        "MEMBER_OF",
        {("Oss", "Regio Lindeveld"), ("Uden", "Regio Lindeveld")},
    ),
    (
        "participates-drafted-by (gesloten tussen)",
        "Het Waterakkoord Rijnstreek is vorig jaar gepresenteerd. Het akkoord is in maart gesloten tussen "
        "de gemeenten Leiden en Katwijk.",
        "PARTICIPATES_IN",
        {("Leiden", "Waterakkoord Rijnstreek"), ("Katwijk", "Waterakkoord Rijnstreek")},
    ),
    (
        "member-counted (a counted group named by a list of that size; the body cut here, whole later)",
        "Vier gemeenten binnen Dijkstad Limburg gaan de samenwerking versterken. Het gaat om de gemeenten "
        "Gulpen-Wittem, Vaals, Eijsden-Margraten en Valkenburg aan de Geul. Dat is winst voor de regio "
        "Dijkstad Limburg.",
        "MEMBER_OF",
        {("Vaals", "regio Dijkstad Limburg"), ("Gulpen-Wittem", "regio Dijkstad Limburg")},
    ),
    (
        "member-where",
        "Regio Lindeveld (RL), waar Zeewolde sinds 2019 onderdeel van is, wil meer woningen bouwen.",
        "MEMBER_OF",
        {("Zeewolde", "Regio Lindeveld")},
    ),
    (
        "member-board-seat",
        "In het bestuur van Veiligheidsregio Grensland zitten de burgemeesters, met burgemeester Pieter "
        "Klaassen van Losser als voorzitter.",
        "MEMBER_OF",
        {("Losser", "Veiligheidsregio Grensland")},
    ),
    (
        "participates-deal-party (a numbered anaphor resolved forwards)",
        "De drie gemeenten hebben woensdag het Woonakkoord Heuvelrand ondertekend. De regio bestaat uit "
        "Zeist, Bunnik en Houten.",
        "PARTICIPATES_IN",
        {
            ("Zeist", "Woonakkoord Heuvelrand"),
            ("Bunnik", "Woonakkoord Heuvelrand"),
            ("Houten", "Woonakkoord Heuvelrand"),
        },
    ),
    (
        "participates-deal-party",
        "Arnhem, Nijmegen en de provincie Gelderland ondertekenden de Regio Deal Rivierstad.",
        "PARTICIPATES_IN",
        {("Arnhem", "Regio Deal Rivierstad"), ("Nijmegen", "Regio Deal Rivierstad")},
    ),
    (
        "member-body-of (a deal that is a cooperation of parties: participation)",
        "De Regio Deal Rivierstad is een samenwerking tussen de gemeenten Arnhem en Nijmegen, de provincie "
        "Gelderland en het Rijk.",
        "PARTICIPATES_IN",
        {("Arnhem", "Regio Deal Rivierstad"), ("Nijmegen", "Regio Deal Rivierstad")},
    ),
    (
        "member-in-x-werken-samen (in an initiative: participation)",
        "In de Regio Deal Rivierstad werken Arnhem, Nijmegen en Overbetuwe samen.",
        "PARTICIPATES_IN",
        {("Arnhem", "Regio Deal Rivierstad"), ("Overbetuwe", "Regio Deal Rivierstad")},
    ),
    (
        "participates-initiative-of",
        "In Tiel wordt gebouwd aan het project Waterwijk Rivierstad. Het project is een initiatief van de "
        "gemeente Tiel en de gemeente Culemborg, en wordt ontwikkeld samen met de gemeente Buren.",
        "PARTICIPATES_IN",
        {
            ("Tiel", "project Waterwijk Rivierstad"),
            ("Culemborg", "project Waterwijk Rivierstad"),
            ("Buren", "project Waterwijk Rivierstad"),
        },
    ),
    (
        "collab-list-samenwerken",
        "De gemeenten Goes, Kapelle en Borsele gaan de komende jaren samenwerken op het gebied van wonen.",
        "COLLABORATES_WITH",
        {("Goes", "Kapelle"), ("Borsele", "Goes"), ("Borsele", "Kapelle")},
    ),
    (
        "collab-en-samen (the separable verb: 'werken ... samen')",
        "Ermelo, Elburg en Nunspeet werken al jaren intensief samen op het gebied van afval.",
        "COLLABORATES_WITH",
        {("Elburg", "Ermelo"), ("Ermelo", "Nunspeet"), ("Elburg", "Nunspeet")},
    ),
    (
        "member-list-acronym (the acronym after a list of municipalities names their cooperation)",
        "De gemeenten Hattem, Heerde en Oldebroek (HHO) zetten de onderlinge samenwerking voort.",
        "MEMBER_OF",
        {("Hattem", "HHO"), ("Heerde", "HHO"), ("Oldebroek", "HHO")},
    ),
    (
        "member-therein ('daarin' points back to the body the sentence before names first)",
        "Het Servicecentrum Noord-Veluwe bundelt sinds 2019 de inkoop voor de regio Veluwe. Daarin werken "
        "de gemeenten Ermelo, Harderwijk en Nunspeet samen.",
        "MEMBER_OF",
        {("Ermelo", "Servicecentrum Noord-Veluwe"), ("Harderwijk", "Servicecentrum Noord-Veluwe"),
         ("Nunspeet", "Servicecentrum Noord-Veluwe")},
    ),
    (
        "member-work-for-list (a pronoun subject doing the work of the municipalities after the colon)",
        "De Omgevingsdienst Zeeland houdt toezicht op bedrijven in de regio Walcheren. Zij doet dit voor "
        "alle regiogemeenten: Goes, Kapelle en Borsele.",
        "MEMBER_OF",
        {("Goes", "Omgevingsdienst Zeeland"), ("Kapelle", "Omgevingsdienst Zeeland"),
         ("Borsele", "Omgevingsdienst Zeeland")},
    ),
    (
        "collab-agreement-with (an unnamed agreement of two parties)",
        "Stichting Groenpoort heeft met de gemeente Oss een intentieverklaring gesloten over een warmtenet.",
        "COLLABORATES_WITH",
        {("Oss", "Stichting Groenpoort")},
    ),
    (
        "collab-samen-met (generic items in the list are skipped)",
        "Stichting Groenpoort werkt samen met alle Brabantse gemeenten en Stichting Groenkracht.",
        "COLLABORATES_WITH",
        {("Stichting Groenkracht", "Stichting Groenpoort")},
    ),
]


@pytest.mark.parametrize(("rule", "text", "rtype", "expected"), CASES, ids=[c[0] for c in CASES])
def test_group_rule(extract, rule: str, text: str, rtype: str, expected: set[tuple[str, str]]) -> None:
    facts = extract(text)
    got = found(facts, rtype)
    assert expected <= got, (rule, got)
    assert rule.split()[0] in rules_of(facts, rtype), rules_of(facts, rtype)


NEGATIVE = [
    ("eight parties working together are a membership, not 28 pairwise collaborations",
     "De gemeenten Aalten, Berkelland, Bronckhorst, Doetinchem, Oost Gelre, Oude IJsselstreek, Winterswijk "
     "en Montferland werken al jaren samen op het gebied van afval.", "COLLABORATES_WITH"),
    ("a list that does not work together", "Ermelo, Elburg en Nunspeet werken nu niet meer samen.",
     "COLLABORATES_WITH"),
    ("a convenant of more than two parties is no pairwise collaboration",
     "Ermelo, Elburg en Nunspeet sloten vorige week een convenant over detailhandel.", "COLLABORATES_WITH"),
    # (why, text, relation type that must not appear)
    (
        "a number that does not match the list resolves to nothing",
        "Tiel, Culemborg en Buren praten met elkaar. De twee gemeenten werken samen in Regio Lindeveld.",
        "MEMBER_OF",
    ),
    (
        "a bare 'de gemeenten' is no list anaphor",
        "Tiel, Culemborg en Buren praten met elkaar. De gemeenten werken samen in Regio Lindeveld.",
        "MEMBER_OF",
    ),
    (
        "not yet working together",
        "De gemeenten Goes en Kapelle hebben nog geen idee hoe ze willen samenwerken.",
        "COLLABORATES_WITH",
    ),
    (
        "working together in a named body is membership, not pairwise collaboration",
        "Goes, Kapelle en Borsele gaan samenwerken in Regio Lindeveld.",
        "COLLABORATES_WITH",
    ),
    (
        "the parties of a deal that is a cooperation do not collaborate pairwise",
        "De Regio Deal Rivierstad is een samenwerking tussen de gemeenten Arnhem en Nijmegen.",
        "COLLABORATES_WITH",
    ),
    (
        "a board seat at a body that is no public cooperation",
        "De burgemeester van Kampen is ook voorzitter van Voetbalvereniging De Zwaluwen.",
        "MEMBER_OF",
    ),
    (
        "a mayor who chairs an organisation is no seat of the municipality (a personal post)",
        "De burgemeester van Kampen is ook voorzitter van Veiligheidsregio Grensland.",
        "MEMBER_OF",
    ),
    (
        "'zij' with a singular verb is a person, not the list before",
        "Wethouder Anna de Vries sprak met Kampen en Deventer. Zij is lid van Regio Lindeveld.",
        "MEMBER_OF",
    ),
    (
        "an unnamed agreement of more than two parties is multi-party: no pairs",
        "Stichting Groenpoort heeft met de gemeenten Oss en Uden en met Stichting Groenkracht een "
        "intentieverklaring gesloten over een warmtenet.",
        "COLLABORATES_WITH",
    ),
    (
        "negated membership",
        "Zo is Tiel geen onderdeel van Regio Lindeveld, en Buren is er niet langer lid van.",
        "MEMBER_OF",
    ),
    (
        "a department is no member ('onderdeel van het ministerie')",
        "Inkoop is volgens Stichting Inkoopkennis, onderdeel van het Ministerie van Financiën, meer dan prijs.",
        "MEMBER_OF",
    ),
    (
        "a former mayor's chair is no seat of the municipality",
        "De voormalige burgemeester van Kampen is nu voorzitter van Regio Lindeveld.",
        "MEMBER_OF",
    ),
    (
        "a former office is no seat",
        "Anouk Wildeman was tot 2018 wethouder van Dronten. Nu is zij voorzitter van Stichting Kunstbezit.",
        "MEMBER_OF",
    ),
]


@pytest.mark.parametrize(("why", "text", "rtype"), NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_no_group_relation(extract, why: str, text: str, rtype: str) -> None:
    facts = extract(text)
    assert not found(facts, rtype), (why, found(facts, rtype))


def test_working_together_with_a_third_pairs_each_with_it_only(extract) -> None:
    facts = extract("Tiel en Buren willen vaker samenwerken met Stichting Groenpoort.")
    got = found(facts, "COLLABORATES_WITH")
    assert ("Stichting Groenpoort", "Tiel") in got
    assert ("Buren", "Tiel") not in got


def test_working_together_in_a_body_gives_no_pairs(extract) -> None:
    facts = extract("Goes, Kapelle en Borsele gaan samenwerken in Regio Lindeveld.")
    assert ("Goes", "Regio Lindeveld") in found(facts, "MEMBER_OF")


def test_dateline_is_no_party(extract) -> None:
    text = (
        "Het Waterakkoord Rijnstreek is vorig jaar gesloten.\n\n"
        "Wijdemeren – Op maandag hebben de waterschappen het Waterakkoord Rijnstreek ondertekend."
    )
    facts = extract(text)
    assert ("Wijdemeren", "Waterakkoord Rijnstreek") not in found(facts, "PARTICIPATES_IN")


def test_an_alias_in_parentheses_is_no_list_item(extract) -> None:
    facts = extract("Wij werken samen met het Havenbedrijf Zeeland (Port of Vlissingen) aan schone kades.")
    assert all("Vlissingen" not in pair for pair in found(facts, "COLLABORATES_WITH"))


def test_two_names_without_a_comma_both_count(extract) -> None:
    facts = extract(
        "Bij de vorming zijn de korpsen van Dalfsen, Ommen Hardenberg en Raalte betrokken. Samen vormen "
        "zij Veiligheidsregio Grensland."
    )
    members = {a for a, b in found(facts, "MEMBER_OF") if b == "Veiligheidsregio Grensland"}
    assert {"Dalfsen", "Ommen", "Hardenberg", "Raalte"} <= members


def test_participants_of_a_body_do_not_join_the_paragraphs_initiative(extract) -> None:
    text = (
        "Regio Lindeveld start de pilot Slimme Dijken. Regio Lindeveld voert taken uit voor tien gemeenten. "
        "Ook Oss, Uden en Bernheze nemen deel."
    )
    facts = extract(text)
    assert ("Oss", "Regio Lindeveld") in found(facts, "MEMBER_OF")
    assert not {a for a, _ in found(facts, "PARTICIPATES_IN")} & {"Oss", "Uden", "Bernheze"}


def test_a_subject_the_recogniser_missed_is_the_body_read_elsewhere() -> None:
    """member-body-of: the rules alone, with the sentence's subject left unrecognised on purpose."""
    from stakegraph.loaders.relations import RelationExtractor
    from stakegraph.loaders.text import Mention, Sentence

    text = (
        "De regio Groenhaven groeit. Regio Groenhaven is het samenwerkingsverband van de gemeenten Assen "
        "en Tynaarlo."
    )
    first = text.index(".") + 1
    sentences = [Sentence(0, first, text[:first]), Sentence(first + 1, len(text), text[first + 1 :])]

    def mention(name: str, type_: str, key: str) -> Mention:
        at = text.index(name)
        return Mention(at, at + len(name), name, type_, "test", key=key)

    mentions = [
        mention("regio Groenhaven", "Region", "region:groenhaven"),
        mention("Assen", "Municipality", "gemeente:gm0106"),
        mention("Tynaarlo", "Municipality", "gemeente:gm1730"),
    ]
    types = {m.key: m.type for m in mentions}
    candidates = RelationExtractor().extract(text, sentences, mentions, types)
    got = {(c.source, c.target) for c in candidates if c.type == "MEMBER_OF" and c.rule == "member-body-of"}
    assert got == {("gemeente:gm0106", "region:groenhaven"), ("gemeente:gm1730", "region:groenhaven")}
