"""Every relation rule shows its example: rule name -> a short text -> the facts that rule must read.

The test id is the rule's name, so a rule that stops firing is found by name
(`pytest tests/loaders/test_rule_examples.py -k member-consists-of`). A fact counts only when the
named rule itself produced it (the candidate's `rule`), not when another rule happens to read the
same pair. The texts are invented (real municipality names, made-up people and bodies).

`test_every_rule_has_an_example` reads the rule names out of the source of `loaders/relations/`, so a
new rule fails the suite until it brings its row here. Position rules are named after how the person
and the employer were found (`position-<person rule>-<employer rule>`): every part needs a row, and
so does every combination the calibration table has measured on real pages.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from stakegraph.loaders.extract import Extractor
from stakegraph.loaders.relations.positions import ORG_RULE_CONFIDENCE, PERSON_RULE_CONFIDENCE

LOADERS = Path(__file__).resolve().parents[2] / "loaders"
RULE_NAME = re.compile(r"^(?:collab|member|participates|located|position|joint)-[a-z0-9-]+$")

Fact = tuple[str, str, str]  # (relation type, source name, target name)
M, P, C, L, H = "MEMBER_OF", "PARTICIPATES_IN", "COLLABORATES_WITH", "LOCATED_IN", "HOLDS_POSITION"
EBR = "Ede, Barneveld en Renkum"


def _members(body: str, *names: str, type_: str = M) -> list[Fact]:
    return [(type_, n, body) for n in names]


# rule -> (text, facts the rule must read in it)
EXAMPLES: dict[str, tuple[str, list[Fact]]] = {
    # -- collaboration (cooperation.py, groups.py) --------------------------------------------
    "collab-tussen": (
        "De samenwerking tussen de gemeente Zwolle en de gemeente Kampen is goed.",
        [(C, "Zwolle", "Kampen")],
    ),
    "collab-en-samen": (
        "De gemeenten Zwolle, Kampen en Dalfsen werken samen op het gebied van afval.",
        [(C, "Zwolle", "Kampen"), (C, "Zwolle", "Dalfsen"), (C, "Kampen", "Dalfsen")],
    ),
    "collab-met-wij": (
        "Met de gemeente Kampen hebben we een convenant gesloten, zegt wethouder Pieter Vanderlaan "
        "van Zwolle.",
        [(C, "Zwolle", "Kampen")],
    ),
    "collab-samen-met": (
        "De gemeente Zwolle werkt samen met de gemeente Kampen aan betere fietspaden.",
        [(C, "Zwolle", "Kampen")],
    ),
    "collab-speaker": (
        '"We werken samen met de gemeente Kampen", zegt Pieter Vanderlaan, burgemeester van Zwolle.',
        [(C, "Zwolle", "Kampen")],
    ),
    "collab-speaker-context": (
        'Anke Pelgrim is wethouder van Zwolle. "Het mooie van de samenwerking is dat we met de '
        'Stichting Waterkracht optrekken," zegt zij.',
        [(C, "Zwolle", "Stichting Waterkracht")],
    ),
    "collab-agreement-with": (
        "Op 8 mei hebben wij met gemeente Kampen een intentieverklaring gesloten, zegt wethouder "
        "Anke Pelgrim van Zwolle.",
        [(C, "Zwolle", "Kampen")],
    ),
    "collab-list-samenwerken": (
        "De vier gemeenten (Ede, Barneveld, Renkum en Wageningen) en de provincie Gelderland gaan "
        "weer samenwerken op het gebied van wonen.",
        [(C, "Ede", "Barneveld"), (C, "Renkum", "Gelderland")],
    ),
    # -- membership ---------------------------------------------------------------------------
    "member-verb": (
        "De gemeenten Ede en Barneveld zijn lid van de Regio Heidezand.",
        _members("Regio Heidezand", "Ede", "Barneveld"),
    ),
    "member-predicate": (
        "De gemeenten Ede en Barneveld zijn lid van de Regio Heidezand.",
        _members("Regio Heidezand", "Ede", "Barneveld"),
    ),
    "member-consists-of": (
        f"De Regio Heidezand bestaat uit de gemeenten {EBR}.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-consists-of-list": (
        f"De Regio Heidezand bestaat uit de gemeenten {EBR}.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-in-x-werken-samen": (
        f"In de Regio Heidezand werken {EBR} samen.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-speaker": (
        'Anke Pelgrim is wethouder van Zwolle. "Wij werken samen met Kampen. Dat doen we in het '
        'Overleg Heidezand," zegt zij.',
        [(M, "Zwolle", "Overleg Heidezand")],
    ),
    "member-we-in": (
        "Wij werken samen met veel partners. Dit doen we in de Regio Heidezand met gemeente Ede, "
        "Barneveld en Renkum, zegt wethouder Anke Pelgrim van Wageningen.",
        _members("Regio Heidezand", "Wageningen", "Ede", "Barneveld", "Renkum"),
    ),
    "member-list-acronym": (
        "De gemeenten Ede, Barneveld en Renkum (EBR) werken samen.",
        _members("EBR", "Ede", "Barneveld", "Renkum"),
    ),
    "member-work-for-list": (
        "Stichting Waterkracht doet dit voor alle regiogemeenten: Ede, Barneveld en Renkum.",
        _members("Stichting Waterkracht", "Ede", "Barneveld", "Renkum"),
    ),
    "member-named-next": (
        f"De Regio Heidezand is een samenwerkingsverband van drie gemeenten. Het gaat om {EBR}.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-so-called": (
        f"De gemeenten {EBR} hebben hun samenwerking verlengd. De bestuurders van de zogeheten "
        "Regio Heidezand tekenden.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-therein": (
        f"De Regio Heidezand is opgericht in 2010. Daarin werken de gemeenten {EBR} samen.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-body-of": (
        f"De Omgevingsdienst Heidezand is een samenwerkingsverband van de gemeenten {EBR}.",
        _members("Omgevingsdienst Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-works-for": (
        "De Omgevingsdienst Heidezand voert taken uit voor de gemeenten Ede en Barneveld.",
        _members("Omgevingsdienst Heidezand", "Ede", "Barneveld"),
    ),
    "member-counted": (
        "Zes gemeenten binnen de Regio Heidezand gaan de samenwerking versterken. Het gaat om de "
        "gemeenten Ede, Barneveld, Renkum, Wageningen, Rheden en Rozendaal.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum", "Wageningen", "Rheden", "Rozendaal"),
    ),
    "member-form-with": (
        "De gemeente Ede vormt samen met Barneveld, Renkum en Wageningen de Regio Heidezand.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum", "Wageningen"),
    ),
    "member-under-the-name": (
        f"In 2019 zijn {EBR} onder de naam Regio Heidezand een samenwerking gestart.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-listed": (
        f"De regio omvat de volgende gemeenten: {EBR}. Dat is de Regio Heidezand.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-forming": (
        "De gemeenten Ede en Barneveld ondertekenen een overeenkomst voor de oprichting van de Regio "
        "Heidezand.",
        _members("Regio Heidezand", "Ede", "Barneveld"),
    ),
    "member-founders": (
        f"{EBR} hebben in 2012 de Belastingsamenwerking Heidezand opgericht.",
        _members("Belastingsamenwerking Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-joined-too": (
        "Omgevingsdienst Heidezand groeit. Sinds 2018 is ook Renkum aangesloten.",
        _members("Omgevingsdienst Heidezand", "Renkum"),
    ),
    "member-participants-are": (
        "De Regio Heidezand is opgericht in 2010. Deelnemers zijn de gemeenten Ede en Barneveld.",
        _members("Regio Heidezand", "Ede", "Barneveld"),
    ),
    "member-where": (
        "De Metropoolregio Heidezand, waar Ede onderdeel van is, groeit.",
        [(M, "Ede", "Metropoolregio Heidezand")],
    ),
    "member-waarin": (
        f"De Regio Heidezand is een voorbeeld waarin {EBR} gaan samenwerken.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "member-list": (
        "Het programma Groene Kust\n\nLeden van de Regio Heidezand zijn:\n\n- gemeente Ede\n\n"
        "- gemeente Barneveld",
        _members("Regio Heidezand", "Ede", "Barneveld"),
    ),
    "member-board": (
        "De burgemeester van Ede, Pieter Vanderlaan, is ook voorzitter van de Regio Heidezand.",
        [(M, "Ede", "Regio Heidezand")],
    ),
    "member-board-person": (
        "Anke Pelgrim is wethouder van Zwolle. Zij is ook lid van het algemeen bestuur van de "
        "Omgevingsdienst Heidezand.",
        [(M, "Zwolle", "Omgevingsdienst Heidezand")],
    ),
    "member-board-seat": (
        "In het bestuur van de Veiligheidsregio Heidezand zitten burgemeesters, met burgemeester "
        "Pieter Vanderlaan van Ede als voorzitter.",
        [(M, "Ede", "Veiligheidsregio Heidezand")],
    ),
    "member-board-list": (
        "Het algemeen bestuur\n\nDe leden van het algemeen bestuur van de Regio Heidezand zijn:\n\n"
        "T. Brakenhoff, gemeente Ede\n\nR. Smeele, gemeente Barneveld",
        _members("Regio Heidezand", "Ede", "Barneveld"),
    ),
    # -- joint work (joint.py) ----------------------------------------------------------------
    "joint-samen-in": (
        "De gemeenten Zwolle en Kampen werken samen in de Regio Vechtzand.",
        _members("Regio Vechtzand", "Zwolle", "Kampen"),
    ),
    "joint-appositive": (
        f"De Regio Heidezand, de gezamenlijke organisatie van {EBR}, groeit.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "joint-parenthesis": (
        "Het samenwerkingsverband Regio Heidezand (Ede, Barneveld, Renkum en Wageningen) groeit.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum", "Wageningen"),
    ),
    "joint-samen-aan": (
        "Ede en Barneveld werken samen met Renkum aan het programma Groene Kust.",
        _members("programma Groene Kust", "Ede", "Barneveld", "Renkum", type_=P),
    ),
    "joint-deelnemers": (
        f"Deelnemers in de Regio Heidezand zijn {EBR}.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    "joint-waaronder": (
        "De Regio Heidezand is een samenwerking van veertien gemeenten, waaronder Ede en Barneveld.",
        _members("Regio Heidezand", "Ede", "Barneveld"),
    ),
    "joint-relative": (
        "Het programma Groene Kust, dat Ede samen met Barneveld en Renkum uitvoert, loopt.",
        _members("programma Groene Kust", "Ede", "Barneveld", "Renkum", type_=P),
    ),
    "joint-doen-mee": (
        f"{EBR} doen mee aan het programma Groene Kust.",
        _members("programma Groene Kust", "Ede", "Barneveld", "Renkum", type_=P),
    ),
    "joint-daarin": (
        f"De Regio Heidezand is opgericht in 2010. Daarin werken de gemeenten {EBR} samen.",
        _members("Regio Heidezand", "Ede", "Barneveld", "Renkum"),
    ),
    # -- participation (participation.py, groups.py, positions.py) ----------------------------
    "participates-organiser": (
        "Het VNG-congres is in juni. De VNG organiseert dit al jaren.",
        [(P, "VNG", "VNG-congres")],
    ),
    "participates-van": (
        "Het programma Groene Kust van de Stichting Waterkracht loopt goed.",
        [(P, "Stichting Waterkracht", "programma Groene Kust")],
    ),
    "participates-verb": (
        "De gemeente Ede is betrokken bij het programma Groene Kust.",
        [(P, "Ede", "programma Groene Kust")],
    ),
    "participates-als-van": (
        "Als voorzitter van de Stichting Waterkracht is Anke Pelgrim betrokken bij het programma "
        "Groene Kust.",
        [(P, "Stichting Waterkracht", "programma Groene Kust")],
    ),
    "participates-speaker": (
        '"We ontwikkelen het programma Groene Kust," zegt Anke Pelgrim, wethouder van Ede.',
        [(P, "Ede", "programma Groene Kust")],
    ),
    "participates-pronoun": (
        "Anke Pelgrim is wethouder van Ede. Zij is betrokken bij het programma Groene Kust.",
        [(P, "Anke Pelgrim", "programma Groene Kust")],
    ),
    "participates-betrokken-bij": (
        "Het programma Groene Kust is gestart. Ook de gemeente Ede is bij het programma betrokken.",
        [(P, "Ede", "programma Groene Kust")],
    ),
    "participates-door": (
        "Het congres Groene Daken, georganiseerd door de gemeente Ede en Stichting Waterkracht, was druk.",
        _members("congres Groene Daken", "Ede", "Stichting Waterkracht", type_=P),
    ),
    "participates-funds": (
        "De gemeenten Ede en Barneveld trekken geld uit voor het programma Groene Kust.",
        _members("programma Groene Kust", "Ede", "Barneveld", type_=P),
    ),
    "participates-acts-on": (
        "De gemeente Ede ontwikkelt samen met Barneveld het programma Groene Kust.",
        [(P, "Barneveld", "programma Groene Kust")],
    ),
    "participates-betrokken": (
        "Het programma Groene Kust loopt. De gemeente Ede is er nauw bij betrokken.",
        [(P, "Ede", "programma Groene Kust")],
    ),
    "participates-daar": (
        "Het congres Groene Daken was in Ede.\n\nDaar presenteert de Stichting Waterkracht een onderzoek.",
        [(P, "Stichting Waterkracht", "congres Groene Daken")],
    ),
    "participates-paragraph": (
        "Het programma Groene Kust\n\nDeelnemers zijn de gemeenten Ede en Barneveld.",
        _members("programma Groene Kust", "Ede", "Barneveld", type_=P),
    ),
    "participates-paragraph-speaker": (
        'Het programma Groene Kust\n\n"Wij doen ook mee," zegt wethouder Anke Pelgrim van Ede.',
        [(P, "Ede", "programma Groene Kust")],
    ),
    "participates-list": (
        "Het programma Groene Kust is opgezet.\n\nPartners zijn:\n\n- gemeente Ede\n\n"
        "- Stichting Waterkracht",
        _members("programma Groene Kust", "Ede", "Stichting Waterkracht", type_=P),
    ),
    "participates-role": (
        "Anke Pelgrim is programmamanager van het programma Groene Kust bij de gemeente Ede.",
        [(P, "Anke Pelgrim", "programma Groene Kust")],
    ),
    "participates-role-org": (
        "Anke Pelgrim is programmamanager van het programma Groene Kust bij de gemeente Ede.",
        [(P, "Ede", "programma Groene Kust")],
    ),
    "participates-project-role": (
        "Het programma Groene Kust begint. Projectleider is Anke Pelgrim.",
        [(P, "Anke Pelgrim", "programma Groene Kust")],
    ),
    "participates-partner-in": (
        "De provincie Gelderland is ook een belangrijke partner in de Regio Deal Heidezand.",
        [(P, "Gelderland", "Regio Deal Heidezand")],
    ),
    "participates-initiative-of": (
        "Het project Slimme Wijk is een initiatief van de gemeenten Ede en Barneveld.",
        _members("project Slimme Wijk", "Ede", "Barneveld", type_=P),
    ),
    "participates-deal-party": (
        "Ede, Barneveld en de provincie Gelderland ondertekenden de Regio Deal Heidezand.",
        _members("Regio Deal Heidezand", "Ede", "Barneveld", "Gelderland", type_=P),
    ),
    "participates-drafted-by": (
        "Het programma Groene Kust is gestart. Het programma is opgesteld door de gemeenten Ede, "
        "Barneveld en Renkum.",
        _members("programma Groene Kust", "Ede", "Barneveld", "Renkum", type_=P),
    ),
    # -- location (locations.py) --------------------------------------------------------------
    "located-waar-gevestigd": (
        "In Ede, Barneveld en Renkum, waar Stichting Waterkracht is gevestigd, wordt gewerkt.",
        [(L, "Stichting Waterkracht", "Ede"), (L, "Stichting Waterkracht", "Renkum")],
    ),
    "located-kind-in": (
        "De Veiligheidsregio Heidezand werkt hard. Er is nieuws over de veiligheidsregio in Gelderland.",
        [(L, "Veiligheidsregio Heidezand", "Gelderland")],
    ),
    "located-part-of-province": (
        f"{EBR} maken deel uit van de provincie Gelderland.",
        _members("Gelderland", "Ede", "Barneveld", "Renkum", type_=L),
    ),
    "located-parenthesis": (
        "Hengelo (Overijssel) heeft een nieuwe burgemeester.",
        [(L, "Hengelo (O.)", "Overijssel")],
    ),
    "located-in": (
        "Eemnes, in de provincie Utrecht, groeit.",
        [(L, "Eemnes", "provincie Utrecht")],
    ),
    "located-gemeente-in": (
        "Ede is de eerste gemeente in de Regio Heidezand die dat doet.",
        [(L, "Ede", "Regio Heidezand")],
    ),
    "located-ligt-in": (
        "De Omgevingsdienst Heidezand ligt in de provincie Gelderland.",
        [(L, "Omgevingsdienst Heidezand", "Gelderland")],
    ),
    "located-dat-in": (
        "De Omgevingsdienst Heidezand, dat in Ede is gevestigd, controleert bedrijven.",
        [(L, "Omgevingsdienst Heidezand", "Ede")],
    ),
    "located-gevestigd": (
        "De Omgevingsdienst Heidezand is gevestigd in Ede.",
        [(L, "Omgevingsdienst Heidezand", "Ede")],
    ),
    "located-ligt": (
        "Het project Slimme Wijk, dat in Ede ligt, groeit.",
        [(L, "project Slimme Wijk", "Ede")],
    ),
    "located-hoofdkantoor": (
        "Stichting Waterkracht, met het hoofdkantoor in Arnhem, helpt gemeenten.",
        [(L, "Stichting Waterkracht", "Arnhem")],
    ),
    "located-waaronder": (
        "De zestien gemeenten in Zuid-Limburg, waaronder Heerlen, Kerkrade en Brunssum, werken samen.",
        _members("Zuid-Limburg", "Heerlen", "Kerkrade", "Brunssum", type_=L),
    ),
    "located-in-lead": (
        "In Helmond wordt gebouwd aan het project Slimme Wijk.",
        [(L, "project Slimme Wijk", "Helmond")],
    ),
    "located-plaatsvinden": (
        "Op 1 mei vindt in Ede het congres Groene Daken plaats.",
        [(L, "congres Groene Daken", "Ede")],
    ),
    # -- positions (positions.py, groups.py): position-<how the person>-<how the employer> ------
    "position-adjacent-role-of": (
        "De burgemeester van Ede, Pieter Vanderlaan, is ook voorzitter van de Regio Heidezand.",
        [(H, "Pieter Vanderlaan", "Ede"), (H, "Pieter Vanderlaan", "Regio Heidezand")],
    ),
    "position-adjacent-appointing-body": (
        "Als het aan de gemeenteraad van Ede ligt, wordt Anke Pelgrim (D66) per 7 september benoemd als burgemeester.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-appointed-context-organisation": (
        "Anke Pelgrim voorgedragen als nieuwe directeur Veiligheidsregio / regionaal commandant Brandweer Heidezand",
        [(H, "Anke Pelgrim", "Brandweer Heidezand")],
    ),
    "position-pronoun-role-of-list": (
        "Pieter Vanderlaan kwam. Eerder was hij onder meer burgemeester van Epe en Ede.",
        [(H, "Pieter Vanderlaan", "Ede")],
    ),
    "position-college-list": (
        "De gemeente Ede presenteert haar college. De beoogde wethouders zijn: Anke Pelgrim (VVD) en "
        "Pieter Vanderlaan (SP).",
        [(H, "Anke Pelgrim", "Ede"), (H, "Pieter Vanderlaan", "Ede")],
    ),
    "position-adjacent-role-hyphen": (
        "VNG-voorzitter Anke Pelgrim opende het congres.",
        [(H, "Anke Pelgrim", "VNG")],
    ),
    "position-adjacent-role-adjective": (
        "In Zwolle is een nieuwe school. De Zwolse wethouder Anke Pelgrim opende de school.",
        [(H, "Anke Pelgrim", "Zwolle")],
    ),
    "position-adjacent-context-municipality": (
        "In Ede zijn burgemeester Pieter Vanderlaan en wethouder Anke Pelgrim aanwezig.",
        [(H, "Pieter Vanderlaan", "Ede"), (H, "Anke Pelgrim", "Ede")],
    ),
    "position-copula-role-of": (
        "Pieter Vanderlaan is burgemeester van Kampen.",
        [(H, "Pieter Vanderlaan", "Kampen")],
    ),
    "position-copula-role-of-list": (
        "Pieter Vanderlaan is gemeentesecretaris van Ede en Barneveld.",
        [(H, "Pieter Vanderlaan", "Barneveld")],
    ),
    "position-copula-context-municipality": (
        "De gemeente Ede zoekt een nieuwe griffier. Anke Pelgrim is de nieuwe griffier.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-copula-context-organisation": (
        "De Stichting Waterkracht heeft een nieuwe voorzitter. Anke Pelgrim is voorzitter.",
        [(H, "Anke Pelgrim", "Stichting Waterkracht")],
    ),
    "position-coordinated-role-of": (
        "Pieter Vanderlaan is burgemeester van Ede en voorzitter van de Regio Heidezand.",
        [(H, "Pieter Vanderlaan", "Regio Heidezand")],
    ),
    "position-appointed-appointing-body": (
        "De gemeenteraad van Ede heeft Anke Pelgrim benoemd tot griffier.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-pronoun-role-of": (
        "Anke Pelgrim is wethouder van Ede. Als wethouder ben zij trots. Zij is voorzitter van de "
        "Stichting Waterkracht.",
        [(H, "Anke Pelgrim", "Stichting Waterkracht")],
    ),
    "position-pronoun-there": (
        "Pieter Vanderlaan werd in 2010 gemeentesecretaris van Ede. In 2014 werd hij daar wethouder.",
        [(H, "Pieter Vanderlaan", "Ede")],
    ),
    "position-als-subject-role-of": (
        '"Ik doe dit als voorzitter van de Regio Heidezand," zegt Anke Pelgrim.',
        [(H, "Anke Pelgrim", "Regio Heidezand")],
    ),
    "position-als-subject-context-organisation": (
        "In het bestuur van de Veiligheidsregio Heidezand zitten burgemeesters, met burgemeester "
        "Pieter Vanderlaan van Ede als voorzitter.",
        [(H, "Pieter Vanderlaan", "Veiligheidsregio Heidezand")],
    ),
    "position-adjacent-context-organisation": (
        "In Ede werkt de Stichting Waterkracht. Burgemeester Pieter Vanderlaan, voorzitter Anke "
        "Pelgrim en de rest waren er.",
        [(H, "Anke Pelgrim", "Stichting Waterkracht")],
    ),
    "position-als-subject-context-municipality": (
        "Als burgemeester is Anke Pelgrim trots op Ede.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-appointed-context-municipality": (
        "De gemeente Ede heeft Anke Pelgrim benoemd tot wethouder.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-appointed-role-of": (
        "De gemeenteraad heeft Anke Pelgrim benoemd tot griffier van Ede.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-coordinated-context-municipality": (
        "In Ede is Pieter Vanderlaan burgemeester en wethouder.",
        [(H, "Pieter Vanderlaan", "Ede")],
    ),
    "position-coordinated-context-organisation": (
        "De Stichting Waterkracht heeft een nieuw bestuur. Anke Pelgrim is secretaris en voorzitter.",
        [(H, "Anke Pelgrim", "Stichting Waterkracht")],
    ),
    "position-coordinated-role-of-list": (
        "Pieter Vanderlaan is burgemeester van Ede en gemeentesecretaris van Renkum en Barneveld.",
        [(H, "Pieter Vanderlaan", "Barneveld")],
    ),
    "position-copula-appointing-body": (
        "Het college van Ede heeft besloten: Anke Pelgrim is benoemd tot griffier.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-pronoun-context-municipality": (
        "Anke Pelgrim komt uit Ede. Zij is wethouder.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-successor": (
        "Anke Pelgrim volgt Pieter Vanderlaan op als burgemeester van Ede.",
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-predecessor": (
        "Anke Pelgrim volgt Pieter Vanderlaan op als burgemeester van Ede.",
        [(H, "Pieter Vanderlaan", "Ede")],
    ),
    "position-works-at": (
        "Marieke Dorrestein werkte tien jaar bij de provincie Gelderland.",
        [(H, "Marieke Dorrestein", "Gelderland")],
    ),
    "position-speaker-als": (
        'Anke Pelgrim is wethouder van Ede. "Als wethouder van Ede ben ik blij," zegt zij.',
        [(H, "Anke Pelgrim", "Ede")],
    ),
    "position-listed-employer": (
        "De wethouders Anke Pelgrim (Zwolle), Gert Mulderink (Kampen) en Rik Vossema (Deventer) tekenden.",
        [(H, "Anke Pelgrim", "Zwolle"), (H, "Gert Mulderink", "Kampen"), (H, "Rik Vossema", "Deventer")],
    ),
    "position-listed-office": (
        "Aanwezig waren de burgemeesters Hoekstra van Capelle aan den IJssel, Brandsma van Oudstad en Kuipers van Nuth.",
        [(H, "Hoekstra", "Capelle aan den IJssel"), (H, "Kuipers", "Nuth")],
    ),
    "position-listed-context": (
        "Ede is een mooie gemeente. De wethouders Anke Pelgrim en Gert Mulderink tekenden.",
        [(H, "Anke Pelgrim", "Ede"), (H, "Gert Mulderink", "Ede")],
    ),
    "position-board-list": (
        "Het algemeen bestuur\n\nDe leden van het algemeen bestuur van de Regio Heidezand zijn:\n\n"
        "T. Brakenhoff, gemeente Ede\n\nR. Smeele, gemeente Barneveld",
        [(H, "T. Brakenhoff", "Regio Heidezand"), (H, "R. Smeele", "Regio Heidezand")],
    ),
}


def read_by_rule(extractor: Extractor, text: str, rule: str) -> set[Fact]:
    """The facts one rule read in `text`, by entity name (before calibration: the rule as written)."""
    state = extractor.read(text)
    names = {key: record.name for key, record in state.records.items()}
    return {
        (c.type, names.get(c.source, c.source), names.get(c.target, c.target))
        for c in state.relations
        if c.rule == rule
    }


def _canonical(fact: Fact) -> Fact:
    """COLLABORATES_WITH has no direction: compare its ends as a set."""
    t, a, b = fact
    return (t, *sorted((a, b))) if t == C else fact  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("rule", "text", "facts"), [(r, t, f) for r, (t, f) in EXAMPLES.items()], ids=list(EXAMPLES)
)
def test_rule_reads_its_example(extractor: Extractor, rule: str, text: str, facts: list[Fact]) -> None:
    read = {_canonical(f) for f in read_by_rule(extractor, text, rule)}
    missing = [f for f in facts if _canonical(f) not in read]
    assert not missing, f"rule {rule} did not read {missing} in {text!r}; it read {sorted(read)}"


def rule_names_in_source() -> set[str]:
    """Every literal rule name in the relation rules (string constants that look like one)."""
    names: set[str] = set()
    for path in [*sorted((LOADERS / "relations").glob("*.py")), LOADERS / "relation_model.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and RULE_NAME.match(node.value):
                names.add(node.value)
    return names


def calibrated_rule_names() -> set[str]:
    table = json.loads((LOADERS / "reference" / "calibration.json").read_text(encoding="utf-8"))
    return set(table["rules"])


def test_every_rule_has_an_example() -> None:
    literal = rule_names_in_source()
    assert len(literal) > 50, "the rule-name pattern no longer finds the rules: update RULE_NAME"
    missing = sorted((literal | calibrated_rule_names()) - set(EXAMPLES))
    assert not missing, f"rules without an example row in EXAMPLES: {missing}"


def test_every_position_part_has_an_example() -> None:
    """`position-<person>-<employer>` is composed at run time: each part needs a row of its own."""
    used = [name.removeprefix("position-") for name in EXAMPLES if name.startswith("position-")]
    missing = [p for p in PERSON_RULE_CONFIDENCE if not any(u.startswith(p + "-") for u in used)]
    missing += [o for o in ORG_RULE_CONFIDENCE if not any(u.endswith("-" + o) for u in used)]
    assert not missing, f"position rule parts without an example row: {missing}"


# -- entity rules (loaders/entities/, loaders/resolve.py) ------------------------------------------
ENTITY_RULE_NAME = re.compile(r"^(?:acronym|gazetteer|initiative|org|person|region|repeat)-[a-z0-9-]+$")
Found = tuple[str, str]  # (entity type, mention text)
O, I, R, MU, PR, PE = "Organization", "Initiative", "Region", "Municipality", "Province", "Person"

# rule -> (text, mentions the rule must read in it); read right after sg_entities or, for the rules
# of resolve.py, after sg_resolve
ENTITY_EXAMPLES: dict[str, tuple[str, list[Found]]] = {
    "acronym": ("De VNG helpt gemeenten.", [(O, "VNG")]),
    "acronym-hyphen": ("De VNG-voorzitter sprak.", [(O, "VNG")]),
    "acronym-compound": ("De VNG-regio vergaderde.", [(O, "VNG-regio")]),
    "acronym-joined": ("Het ZVN-NCW praat mee.", [(O, "ZVN-NCW")]),
    "acronym-network": ("De samenwerking van de G4-gemeenten groeit.", [(O, "G4")]),
    "acronym-expansion": ("Het Platform Groene Kust (PGK) groeit.", [(O, "Platform Groene Kust")]),
    "acronym-paren": ("Het programma Groene Kust (PGK) begint.", [(I, "PGK")]),
    "gazetteer-municipality": ("Ede groeit.", [(MU, "Ede")]),
    "gazetteer-gemeente": ("De gemeente Ede groeit.", [(MU, "Ede")]),
    "gazetteer-former": ("De gemeente Littenseradiel bestaat niet meer.", [(MU, "Littenseradiel")]),
    "gazetteer-province": ("De provincie Gelderland groeit.", [(PR, "provincie Gelderland")]),
    "gazetteer-province-list": (
        "De provincies Gelderland, Utrecht en Overijssel werken samen.",
        [(PR, "Gelderland"), (PR, "Utrecht"), (PR, "Overijssel")],
    ),
    "gazetteer-region": ("Twente en de Achterhoek groeien.", [(R, "Twente"), (R, "Achterhoek")]),
    "region-compass": ("Ook Zuidoost-Drenthe groeit.", [(R, "Zuidoost-Drenthe")]),
    "region-regio": ("De Regio Heidezand groeit.", [(R, "Regio Heidezand")]),
    "region-head": ("De Heidezand Groene Regio werkt.", [(R, "Heidezand Groene Regio")]),
    "region-places": ("Twente Salland groeit.", [(R, "Twente Salland")]),
    "region-area-compound": (
        "De gemeenten in de arbeidsmarktregio Heidezand werken samen.",
        [(R, "arbeidsmarktregio Heidezand")],
    ),
    "initiative-head": ("De Regio Deal Heidezand 2030 begint.", [(I, "Regio Deal Heidezand 2030")]),
    "initiative-lower-head": ("Het fietsprogramma Heidezand loopt.", [(I, "fietsprogramma Heidezand")]),
    "initiative-quoted": ("Het project 'Slimme Wijk' begint.", [(I, "Slimme Wijk")]),
    "initiative-appositive": (
        "Het Groene Kust, een programma van de provincie, loopt.",
        [(I, "Groene Kust")],
    ),
    "initiative-acronym": ("De VNG organiseert het VNG-congres.", [(I, "VNG-congres")]),
    "org-head": ("Stichting Waterkracht helpt gemeenten.", [(O, "Stichting Waterkracht")]),
    "org-head-number": ("Het Fonds 2030 helpt.", [(O, "Fonds 2030")]),
    "org-compound": ("Het GGDnetwerk groeit.", [(O, "GGDnetwerk")]),
    "org-acronym-name": ("Het ZVN Zandhuis werkt.", [(O, "ZVN Zandhuis")]),
    "org-appositive": ("Het Blauwe Huis, een stichting voor schoon water, groeit.", [(O, "Blauwe Huis")]),
    "org-single-appositive": ("Zandhuis, gevestigd in Ede, groeit.", [(O, "Zandhuis")]),
    "org-repeated-name": ("Het Blauwe Huis werkt. Het Blauwe Huis groeit.", [(O, "Blauwe Huis")]),
    "org-single": ("Wij werken met Zandkracht. Zandkracht helpt ons.", [(O, "Zandkracht")]),
    "org-typed": ("Wij werken met de woningcorporatie Zandhuis.", [(O, "Zandhuis")]),
    "org-body-slot": ("De gemeenten werken samen in Zandkring Oost.", [(O, "Zandkring Oost")]),
    "org-kind-named": (
        "Het waterschap Zandige Delta en de gemeenschappelijke regeling Werkplein Heide tekenen.",
        [(O, "Zandige Delta"), (O, "Werkplein Heide")],
    ),
    "org-ministry": ("Het ministerie van Groene Zaken helpt.", [(O, "ministerie van Groene Zaken")]),
    "org-national": ("Waterkracht Nederland groeit.", [(O, "Waterkracht Nederland")]),
    "org-camelcase": ("Wij werken met GroenKracht.", [(O, "GroenKracht")]),
    "org-domain": ("Meer informatie op www.zandkracht.nl. Zandkracht helpt.", [(O, "Zandkracht")]),
    "org-acronym-inside": (
        "Ook de Omgevingsdienst (OD) Heidezand helpt.",
        [(O, "Omgevingsdienst (OD) Heidezand")],
    ),
    "org-party": ("De fractie van de VVD is blij.", [(O, "VVD")]),
    "org-listed": (
        "Wij werken met Stichting Zandhuis, Groenwerk en Ambulancezorg Heidezand.",
        [(O, "Groenwerk")],
    ),
    "person-name": ("Anke Pelgrim is wethouder.", [(PE, "Anke Pelgrim")]),
    "person-titled-name": ("Burgemeester Zorbek Tamminga sprak.", [(PE, "Zorbek Tamminga")]),
    "person-titled-surname": ("Wethouder Pelgrim sprak.", [(PE, "Pelgrim")]),
    "person-listed-office": (
        "De wethouders Anke Pelgrim van Epe en Gert de Mulderink van Heerde tekenden.",
        [(PE, "Anke Pelgrim"), (PE, "Gert de Mulderink")],
    ),
    "person-initials-given-name": ("Voorzitter is mevrouw A.M. (Anke) Pelgrim.", [(PE, "A.M. (Anke) Pelgrim")]),
    "person-firstname": ("Pieter Vanderlaan kwam. Pieter lachte.", [(PE, "Pieter")]),
    "person-surname": ("Pieter Vanderlaan kwam. Vanderlaan lachte.", [(PE, "Vanderlaan")]),
    "repeat-name": ("Het Fonds Groene Daken helpt. Ook Groene Daken helpt.", [(O, "Groene Daken")]),
}

# rules no natural sentence was found to fire (possibly dead code), with what was tried
ENTITY_NOT_REACHED = {
    # a one-word organisation in capitals that is a municipality: capitals place names
    # ("met ASSEN", "ZWOLLE, ASSEN en EMMEN", "bij ASSEN") are read by no organisation rule first
    "gazetteer-municipality-caps",
}


def read_entities_by_rule(extractor: Extractor, text: str, rule: str) -> set[Found]:
    recognised = extractor.nlp(text, disable=["sg_resolve", "sg_relations"])._.sg.mentions
    resolved = extractor.read(text).mentions
    return {(m.type, m.text) for m in [*recognised, *resolved] if m.rule == rule}


@pytest.mark.parametrize(
    ("rule", "text", "found"),
    [(r, t, f) for r, (t, f) in ENTITY_EXAMPLES.items()],
    ids=list(ENTITY_EXAMPLES),
)
def test_entity_rule_reads_its_example(
    extractor: Extractor, rule: str, text: str, found: list[Found]
) -> None:
    read = read_entities_by_rule(extractor, text, rule)
    missing = [f for f in found if f not in read]
    assert not missing, f"rule {rule} did not read {missing} in {text!r}; it read {sorted(read)}"


def test_every_entity_rule_has_an_example() -> None:
    names: set[str] = set()
    for path in [*sorted((LOADERS / "entities").glob("*.py")), LOADERS / "resolve.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and ENTITY_RULE_NAME.match(node.value)
            ):
                names.add(node.value)
    assert len(names) > 30, "the entity rule-name pattern no longer finds the rules"
    missing = sorted(names - set(ENTITY_EXAMPLES) - ENTITY_NOT_REACHED)
    assert not missing, f"entity rules without an example row in ENTITY_EXAMPLES: {missing}"
    assert names >= ENTITY_NOT_REACHED, "a rule listed as not reached is gone: drop it from the list"
