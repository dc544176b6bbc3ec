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
        "member-board",
        "De burgemeester van Kampen is ook voorzitter van Regio Lindeveld.",
        "MEMBER_OF",
        {("Kampen", "Regio Lindeveld")},
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
        "participates-deal-party",
        "Arnhem, Nijmegen en de provincie Gelderland ondertekenden de Regio Deal Rivierstad.",
        "PARTICIPATES_IN",
        {("Arnhem", "Regio Deal Rivierstad"), ("Nijmegen", "Regio Deal Rivierstad")},
    ),
    (
        "collab-list-samenwerken",
        "De gemeenten Goes, Kapelle en Borsele gaan de komende jaren samenwerken op het gebied van wonen.",
        "COLLABORATES_WITH",
        {("Goes", "Kapelle"), ("Borsele", "Goes"), ("Borsele", "Kapelle")},
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
        "a board seat at a body that is no public cooperation",
        "De burgemeester van Kampen is ook voorzitter van Voetbalvereniging De Zwaluwen.",
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
