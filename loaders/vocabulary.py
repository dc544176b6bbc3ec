"""Dutch (and some English) vocabulary of the governance genre: roles, organisation heads, cues.

Only general words live here — job titles, words that head organisation and initiative names,
words that signal a former position — never names of particular people or organisations.
"""

from __future__ import annotations

import re

# role word -> normalised role class. Longer phrases are matched first.
ROLES: dict[str, str] = {}


def _roles(cls: str, words: str) -> None:
    for w in words.split(","):
        w = w.strip()
        if w:
            ROLES[w] = cls


_roles(
    "executive",
    """gemeentesecretaris, gemeentesecretaris/algemeen directeur, gemeentesecretaris en algemeen
    directeur, algemeen directeur, directeur, directrice, secretaris-directeur, provinciesecretaris,
    directeur-bestuurder, bestuursvoorzitter, concerndirecteur, algemeen secretaris, hoofddirecteur,
    directeur-generaal, secretaris-generaal, ceo, cfo, cio, coo, cto, topman, topvrouw, griffier,
    statengriffier, raadsgriffier, stadssecretaris, gemeentedirecteur, directievoorzitter,
    chief executive officer""",
)
_roles(
    "elected",
    """burgemeester, eerste burger, loco-burgemeester, wethouder, gedeputeerde, commissaris van de koning,
    commissaris van de koningin, raadslid, gemeenteraadslid, fractievoorzitter, statenlid, minister,
    staatssecretaris, dijkgraaf, heemraad, hoogheemraad, kamerlid, tweede kamerlid, eerste kamerlid,
    europarlementariër, gemeenteraadslid, waarnemend burgemeester, dagelijks bestuurder""",
)
_roles(
    "board",
    """voorzitter, vicevoorzitter, vice-voorzitter, penningmeester, secretaris, bestuurslid,
    bestuurder, lid van de raad van bestuur, lid van de raad van toezicht,
    voorzitter van de raad van toezicht, voorzitter van de raad van bestuur, toezichthouder, commissaris,
    oprichter, medeoprichter, mede-oprichter,
    initiatiefnemer, lid, founder, co-founder, chair, chairman, president, ambassadeur, boegbeeld""",
)
_roles(
    "research",
    """onderzoeker, senior onderzoeker, hoofdonderzoeker, hoogleraar, bijzonder hoogleraar, lector,
    docent, hoofddocent, universitair docent, universitair hoofddocent, promovendus, postdoc,
    wetenschappelijk medewerker, opleidingsmanager, opleidingsdirecteur, decaan, rector magnificus,
    programmadirecteur, researcher, professor, lecturer""",
)
_roles(
    "staff",
    """manager, adviseur, senior adviseur, strategisch adviseur, beleidsadviseur, beleidsmedewerker,
    projectleider, projectmanager, programmamanager, programmaleider, programmasecretaris, teamleider,
    teammanager, afdelingshoofd, afdelingsmanager, hoofd, coördinator, kwartiermaker, consultant, partner,
    concerncontroller, controller, accountant, medewerker, ambtenaar, trainee, woordvoerder, clustermanager,
    sectormanager,
    directeur bedrijfsvoering, manager bedrijfsvoering, hoofd bedrijfsvoering, adjunct-directeur,
    plaatsvervangend directeur, plaatsvervangend gemeentesecretaris, locoburgemeester, ondernemer, eigenaar,
    rijksambtenaar, procesregisseur, verandermanager, interim-manager, accountmanager, regisseur,
    netwerkcoördinator, secretaris van het bestuur, griffiemedewerker""",
)

# Modifiers that can precede a role word without changing it ("waarnemend burgemeester").
ROLE_MODIFIERS = (
    r"(?:interim[- ]|waarnemend(?:e)?[- ]|plaatsvervangend(?:e)?[- ]|adjunct-|loco-|kersverse |nieuwe |"
    r"huidige |toenmalige |voormalige? |oud-|ex-|senior |junior |tijdelijke? |eerste |algemeen )"
)
FORMER_MODIFIERS = ("oud-", "ex-", "voormalig", "voormalige", "toenmalige")

# Words that head an organisation name: "Vereniging van X", "X Campus", "Universiteit Y".
ORG_HEADS: frozenset[str] = frozenset(
    """
vereniging stichting school universiteit university hogeschool college campus park overleg ministerie raad
fonds bureau taskforce netwerk instituut institute academie academy centrum center centre platform
federatie bond coöperatie cooperatie genootschap kamer dienst inspectie autoriteit agentschap rijksdienst
omgevingsdienst
veiligheidsregio ggd waterschap hoogheemraadschap woningcorporatie woonstichting bank groep group company
consultants adviseurs partners alliantie coalitie collectief unie samenwerkingsverband kenniscentrum lab hub
kennisnetwerk zorggroep ziekenhuis gemeenschap parlement kabinet rechtbank hof tribunaal politie brandweer
association foundation council agency authority office trust network partnership consortium society
corporation holding bv nv vof cooperation zorgverzekeraar verzekeraar omroep krant dagblad uitgeverij
werkbedrijf werkgeversorganisatie vakbond ondernemersvereniging woningbouwvereniging sportclub
kennisinstituut expertisecentrum planbureau rekenkamer ombudsman provincie bedrijf board metropoolregio
samenwerking archief bibliotheek museum recreatieschap veiligheidshuis scholengroep onderwijsgroep
zorginstelling woningstichting huurdersvereniging wetterskip werkorganisatie samenwerkingsorganisatie
uitvoeringsorganisatie fusieorganisatie verband
""".split()
)

# Heads of initiative names: a project, programme, course, event or site organisations take part in.
INITIATIVE_HEADS: frozenset[str] = frozenset(
    """
leergang programma project congres conferentie symposium festival energielandgoed proeftuin pilot campagne
regiodeal deal traject initiatief prijs award week dag top summit challenge hackathon masterclass
opleiding cursus training netwerkdag werkconferentie beurs expo tentoonstelling akkoord convenant pact
agenda plan fonds landgoed zonnepark windpark innovatieprogramma actieprogramma kennisprogramma lab
onderzoeksproject living-lab wijkaanpak strategie aanpak ronde fondsronde oefening
charter manifest overeenkomst
""".split()
) - {"fonds"}

# Region heads: named areas that are not legal bodies.
REGION_WORDS: frozenset[str] = frozenset({"regio", "region", "valley", "delta", "corridor", "streek"})
COMPASS = r"(?:Noord|Zuid|Oost|West|Midden|Noordoost|Noordwest|Zuidoost|Zuidwest|Centraal)"

# Small words allowed inside an organisation name between capitalised words.
NAME_CONNECTORS: frozenset[str] = frozenset(
    "van voor de der den het en of 't for and the & la le du des del".split()
)

# Capitalised words that are not names even mid-sentence (Dutch capitalises few common nouns).
NOT_NAMES: frozenset[str] = frozenset(
    """
Nederland Nederlands Nederlandse Nederlander Nederlanders Holland Europa Europese België Duitsland Engeland
Frankrijk Amerika Azië Afrika Rijk Kamer Koning Koningin God Corona COVID Covid Internet Google Facebook
LinkedIn Twitter Instagram YouTube WhatsApp Zoom Teams Excel Word PowerPoint Engels Engelse Frans Franse Duits
Duitse Fries Friese Limburgs Limburgse Brabants Brabantse Zeeuws Zeeuwse Gronings Drents Twents Randstad
Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December Maandag Dinsdag
Woensdag Donderdag Vrijdag Zaterdag Zondag Kerst Pasen Pinksteren Oud Nieuw
I II III IV V VI VII VIII IX X XI XII
""".split()
)

# Acronyms that name a sector, school level, law or job, not an organisation.
NOT_ORG_ACRONYMS: frozenset[str] = frozenset(
    """
ICT IT AI HR MBO HBO WO VMBO HAVO VWO PO VO CEO CFO CIO COO CTO NB PS BV NV ZZP WMO WLZ BTW OZB GGZ OV
PDF URL FAQ KPI ROI ESG CO2 HRM DNA EHBO OK TV PR CV MT DT GR BSN WOZ AVG WOO WOB BRP RO APV ICT-
CAO BBP MKB VVE VVD CDA PVDA PVV SP GL D66 JA NEE OFF ON VS USA UK EUR ZZP'ER COVID
""".split()
)
# Dutch political parties, national and historical (SCHEMA: parties are Organization entities
# without relations). Written as the parties write themselves; matched as whole words.
POLITICAL_PARTIES: frozenset[str] = frozenset(
    """CDA VVD PvdA D66 GroenLinks SP ChristenUnie SGP PVV PvdD 50PLUS DENK JA21 FvD BBB Volt NSC ARP KVP
CHU GPV RPF PPR PSP CPN""".split()
    + [
        "Partij van de Arbeid",
        "Partij voor de Dieren",
        "Forum voor Democratie",
        "BoerBurgerBeweging",
        "Nieuw Sociaal Contract",
        "GroenLinks-PvdA",
        "GL-PvdA",
    ]
)
# short forms parties use inside joint lists ("CU-SGP", "GL/PvdA")
PARTY_ABBREVIATIONS: frozenset[str] = frozenset({"CU", "GL"})

# Lines that are credits, not content: names there are writers and photographers.
CREDIT_LINE = re.compile(
    r"^\s*(?:tekst|beeld|foto|foto's|fotografie|illustratie|interview|door|redactie|eindredactie|vormgeving|"
    r"text|photo|photography|image)\s*[:|]",
    re.IGNORECASE,
)
CREDIT_FIELD = re.compile(
    r"(?:^|\|)\s*(?:tekst|beeld|foto|fotografie|illustratie)\s*(?::|\s+[A-Z][^|]*\|)|"
    r"\|\s*(?:tekst|beeld|foto|fotografie|illustratie)\s+[A-Z]",
    re.IGNORECASE,
)
# an inline credit after a caption: "Anna Smit in het stadhuis. Foto: Piet Jansen" (the rest of the line)
INLINE_CREDIT = re.compile(
    r"(?:^|[.|(]\s*)(?:foto|beeld|fotografie|illustratie|tekst)\s*:[^\n]*", re.IGNORECASE
)
# lower-case nouns that say what kind of organisation the following name is: "woningcorporatie Elkien"
ORG_TYPE_NOUNS = (
    "organisatie",
    "instituut",
    "instelling",
    "bureau",
    "bedrijf",
    "corporatie",
    "bank",
    "fonds",
    "vereniging",
    "stichting",
    "hogeschool",
    "universiteit",
    "platform",
    "coöperatie",
    "dienst",
    "maatschappij",
    "ziekenhuis",
    "verzekeraar",
    "netbeheerder",
    "leverancier",
    "uitgeverij",
    "omroep",
    "museum",
    "waterschap",
    "wetterskip",
    "denktank",
    "adviesbureau",
    "ingenieursbureau",
    "kennisinstituut",
    "kenniscentrum",
    "onderzoeksinstituut",
    "opleider",
    "zorgaanbieder",
    "werkgever",
    "federatie",
    "koepel",
    "brancheorganisatie",
    "partij",
)
MASTHEAD_LINE = re.compile(r"\b(?:nummer|nr\.?|editie|jaargang|issue)\s*\d+", re.IGNORECASE)

# Cues that a position is no longer held.
FORMER_CUES = re.compile(
    r"\b(?:was|waren|eerder|voorheen|daarvoor|vroeger|toenmalig(?:e)?|voormalig(?:e)?|oud-|ex-|"
    r"werkte|werkzaam te zijn geweest|heeft gewerkt|is geweest|"
    r"tot (?:en met )?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|\d{4})|afscheid|vertrekt|vertrok|"
    r"met pensioen|stopte|gestopt|nam .{0,20} afscheid|volgt .{0,60} op|opgevolgd)\b",
    re.IGNORECASE,
)

FIRST_PERSON_SINGULAR = frozenset({"ik", "mij", "me", "mijn", "Ik", "Mij", "Me", "Mijn"})
FIRST_PERSON_PLURAL = frozenset({"we", "wij", "ons", "onze", "We", "Wij", "Ons", "Onze"})
