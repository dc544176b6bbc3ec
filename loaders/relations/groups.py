"""Group relations: which organisations belong to a body, take part in a deal, or work together,
read from coordination lists and the phrases that refer back to lists and bodies.

Membership (SCHEMA Conventions): municipalities that work together in, set up, make up, or have
their work carried out by a named body are MEMBER_OF it; so is a municipality whose mayor or
alderman sits on the body's board. A multi-party agreement gets PARTICIPATES_IN from each party.
COLLABORATES_WITH is kept for lists that "gaan samenwerken" without a named body.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text import Mention, Sentence
from .common import MUNICIPAL_ROLES, ORGLIKE, PROVINCIAL_ROLES, Candidate, Context
from .initiatives import initiative_heads, initiative_refs
from .lists import (
    ANAPHOR,
    NUM,
    NUMERALS,
    anaphors_in,
    party_list,
    party_list_backwards,
    resolve_anaphor,
    sentence_lists,
)
from .speakers import antecedent, speaking_org

BODY_TYPES = {"Organization", "Region"}

# a line of a board list: "T. van Houwelingen, gemeente Giessenlanden", "mw. P. Tanja (Strijen)"
BOARD_ITEM = re.compile(
    r"(?:(?:mw|mevr|dhr)\.?\s+)?[^,()\n]{2,50}(?:,\s*|\s*\()(?:(?:de\s+)?(?:gemeente|provincie)\s+)?"
    r"[A-Z][^,()\n]{1,40}\)?"
)

# the phrase before a list of a body's members
LISTED_MEMBERS = re.compile(
    r"\b(?P<omvat>omvat|omvatten|beslaat)\s+(?:de\s+)?(?:volgende\s+)?(?:\w+\s+)?gemeenten\s*:?\s*|"
    r"\baangesloten\s+bij\s+[^,.;]{2,80},\s+met\s+(?:onder\s+meer|o\.a\.)?\s*|"
    r"\bdie\s+dat\s+ook\s+doet\s+(?:in|voor)\s+(?:onder\s+meer\s+|o\.a\.\s+)?|"
    r"\bbij\s+ons\s+en\s+in\s+",
    re.IGNORECASE,
)
# "... ondertekenen een intentieovereenkomst voor de vorming van een nieuwe GGD Haaglanden"
FORMING = re.compile(
    r"\b(?:vorming|oprichting)\s+van\s+(?:een\s+|de\s+|het\s+)?(?:nieuwe\s+)?", re.IGNORECASE
)
MEMBER_TYPES = {"Organization", "Municipality", "Province"}

# a body carrying out work for its members, or a cooperation area: what a council sends a board
# member to. General vocabulary of Dutch public cooperation, not names.
COOPERATION_BODY = re.compile(
    r"dienst|regio|ggd|ghor|samenwerking|gemeenschappelijke|verband|veiligheid|belasting|"
    r"werkbedrijf|schap\b|afval|recreatie|netwerk|platform|overleg|coalitie|alliantie",
    re.IGNORECASE,
)

# predicates with the members before them and the body right after
MEMBER_PREDICATE = re.compile(
    r"\b(?:is|zijn|werd|werden|was|waren|blijft|blijven)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:lid|aangesloten|deelnemer|onderdeel)\s+(?:van|bij|in)\s+"
    r"|\blid\s+(?:werd|werden|is|was|zijn|geworden)\s+van\s+"
    r"|\b(?:een\s+)?(?:(?:integraal|volwaardig|vast)\s+)?onderdeel\s+van\s+"
    r"|\b(?:toegetreden|treedt\s+(?:[\w-]+\s+){0,3}?toe|treden\s+(?:[\w-]+\s+){0,3}?toe|trad\s+(?:[\w-]+\s+){0,3}?toe)\s+tot\s+"
    r"|\b(?:heeft|hebben|had|hadden)\s+(?:[\w-]+\s+){0,3}?aangesloten\s+bij\s+"
    r"|\b(?:hebben|heeft)\s+(?:[\w-]+\s+){0,4}?(?:ondergebracht|belegd)\s+bij\s+"
                   r"|\b(?:besteden|besteedt|besteedden)\s+(?:[\w-]+\s+){0,4}?uit\s+aan\s+"
    r"|\b(?:hebben|heeft|had|hadden)\s+(?:[\w-]+\s+){0,5}?uitbesteed\s+aan\s+"
    r"|\b(?:gebundeld|verenigd|georganiseerd)\s+in\s+"
    r"|\b(?:neemt|nemen|nam|namen)\s+(?:[\w-]+\s+){0,5}?deel\s+(?:aan|in)\s+"
    r"|\b(?:doet|doen|deed|deden)\s+(?:[\w-]+\s+){0,5}?mee\s+(?:aan|in)\s+"
    r"|\b(?:participeert|participeren)\s+(?:[\w-]+\s+){0,2}?in\s+"
    r"|\b(?:maakt|maken|maakte|maakten)\s+(?:[\w-]+\s+){0,4}?deel\s+uit\s+van\s+"
    r"|\b(?:sluit|sluiten|sloot|sloten)\s+(?:[\w-]+\s+){0,3}?aan\s+bij\s+"
    r"|\b(?:werken|werkt|werkten|werkte)\s+(?:[\w-]+\s+){0,5}?samen\s+(?:in|binnen)\s+"
    r"|\b(?:samenwerken|samenwerkt|samenwerkten|samen\s+te\s+werken)\s+(?:in|binnen)\s+"
    r"|\b(?:vormen|vormden)\s+(?:(?:zij|ze|samen|al|nu|inmiddels|sinds\s+\d{4}|sinds\s+\w+)\s+){0,3}"
    r"(?:(?:de|het)\s+(?:nieuwe\s+)?"
    r"(?:organisatie|samenwerkingsverband)\s+van\s+)?",
    re.IGNORECASE,
)

# "X is een samenwerkingsverband van A, B en C": the body first, the members after
BODY_OF = re.compile(
    r"(?:\b(?:is|was|zijn|vormt)\s+(?:[\w-]+\s+){0,3}?|,\s*)(?:een|het|de)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:samenwerkingsverband|gemeenschappelijke\s+regeling|samenwerking|netwerk|verband|"
    r"uitvoeringsorganisatie|organisaties?|uitvoeringsdienst|overleg|platform|coalitie|alliantie|"
    r"partnerschap|deal|akkoord|convenant)\s+(?:van|tussen)\s+",
    re.IGNORECASE,
)
CONSISTS_OF = re.compile(
    r"\b(?:bestaat|bestaan|bestond|bestonden|bestaande)\s+uit\s+(?:(?:de\s+)?(?:wethouders|burgemeesters|"
    r"vertegenwoordigers|bestuurders|colleges)\s+(?:van|uit)\s+)?"
    r"|\b(?:wordt|werd|worden|werden|is|zijn|was)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:bestuurd|gevormd|opgericht|samengesteld|gedragen)\s+(?:door|uit)\s+"
    r"|,\s*(?:gevormd|opgericht|samengesteld|bestuurd)\s+(?:door|uit)\s+",
    re.IGNORECASE,
)
# the body does the members' work: "OD X voert taken uit voor de gemeenten A en B"
WORKS_FOR_STRONG = re.compile(
    r"\b(?:voert|voeren|voerde|voerden)\s+(?:[\w-]+,?\s+){0,6}?uit\s+(?:voor|namens)\s+"
    r"|\b(?:voert|voeren|voerde|voerden|verleent|verlenen)\s+namens\s+"
    r"|\b(?:voert|voeren|voerde|voerden)\s+(?:[\w-]+\s+){0,2}?voor\s+(?=[^.;]*\buit\b)"
    r"|\btaken\s+(?:uitvoert\s+|uitvoeren\s+)?(?:voor|namens)\s+"
    r"|\b(?:ondersteunt|ondersteunen|ondersteunde)\s+(?=[^.;]{0,120}\bbij\s+(?:de\s+)?uitvoering)",
    re.IGNORECASE,
)
WORKS_FOR_WEAK = re.compile(
    r"\bin\s+opdracht\s+van\s+|\b(?:werkt|werken)\s+(?:[\w-]+\s+){0,2}?voor\s+"
    # "De dienst werkt op basis van een gemeenschappelijke regeling voor de gemeenten A en B"
    r"|\b(?:werkt|werken)\s+[^.;:!?]{0,90}?\bvoor\s+(?=(?:de\s+)?(?:\w+\s+)?gemeenten\b)",
    re.IGNORECASE,
)
# "Sinds 2018 is ook A aangesloten.": joined, the body named just before
JOINED_TOO = re.compile(
    r"\b(?:is|zijn|werd|werden)\s+(?:[\w-]+\s+){0,4}?(?:aangesloten|toegetreden)\s*[.!]?\s*$",
    re.IGNORECASE,
)
WHERE_MEMBER = re.compile(
    r"\)?\s*,\s*waar(?:van|in|bij|aan)?\s+(?P<members>[^.;]{2,400}?)\s+(?:(?:ook|al|sinds\s+\d{4})\s+)*"
    r"(?:(?:een\s+)?onderdeel\s+van\s+(?:is|zijn)|deel\s+van\s+uit(?:maakt|maken)|"
    r"deel\s+uit(?:maakt|maken)|lid\s+(?:van\s+)?(?:is|zijn)|(?:bij\s+)?aangesloten\s+(?:is|zijn)|"
    r"participeren|participeert|samenwerken|samenwerkt|deelnemen|deelneemt|verenigd\s+zijn)\b",
)
# a body referred to by its kind: "het samenwerkingsverband", "deze jonge organisatie"
BODY_NP = re.compile(
    r"\b(?:het|de|deze|dit|die)\s+(?:(?:jonge|nieuwe|regionale|gezamenlijke)\s+)?"
    r"(?P<h>samenwerkingsverband|gemeenschappelijke\s+regeling|organisatie|omgevingsdienst|"
    r"veiligheidsregio|uitvoeringsdienst|dienst|regio|regeling|netwerk|ggd)\b",
    re.IGNORECASE,
)
GENERIC_HEADS = {"samenwerkingsverband", "organisatie", "regeling", "netwerk", "gemeenschappelijke regeling"}


# rule -> confidence of the membership or participation it reads
CONFIDENCE = {
    "member-board": 0.6,
    "member-board-list": 0.7,
    "member-board-seat": 0.6,
    "member-body-of": 0.7,
    "member-consists-of-list": 0.7,
    "member-counted": 0.6,
    "member-form-with": 0.75,
    "member-joined-too": 0.7,
    "member-forming": 0.75,
    "member-founders": 0.7,
    "member-listed": 0.75,
    "member-participants-are": 0.6,
    "member-predicate": 0.75,
    "member-under-the-name": 0.7,
    "member-waarin": 0.65,
    "member-we-in": 0.65,
    "member-where": 0.7,
    "member-works-for": 0.7,
    "participates-deal-party": 0.65,
    "participates-drafted-by": 0.7,
    "participates-initiative-of": 0.7,
    "participates-partner-in": 0.7,
}


def cooperation_body(ctx: Context, m: Mention) -> bool:
    """A Region, or an organisation whose name (or the type word just before it: "Omgevingsdienst
    [X]") says it is a body of public cooperation."""
    if m.type == "Region":
        return True
    before = ctx.text[max(0, m.start - 25) : m.start].split()
    return bool(COOPERATION_BODY.search(" ".join(before[-1:]) + " " + m.text))


BOARD = re.compile(
    r"\b(?:(?P<chair>(?:vice-?)?voorzitter)|bestuurslid|lid(?=\s+van\s+het\s+(?:algemeen|dagelijks)?\s*bestuur))"
    r"\s+(?:\([^()]{1,40}\)\s+)?(?:van|in)\s+",
    re.IGNORECASE,
)
ORGAN = re.compile(
    r"(?:db|ab|(?:algemeen|dagelijks)\s+bestuur|bestuur|raad\s+van\s+toezicht|stuurgroep)", re.IGNORECASE
)
OFFICE = re.compile(
    r"(?<!oud-)(?<!ex-)(?<!voormalig )(?<!voormalige )(?<!vorige )(?<!oud )"
    r"\b(?P<role>burgemeester|wethouder|loco-?burgemeester|gedeputeerde|commissaris\s+van\s+de\s+koning)"
    r"\s+(?:van|in|bij)\s+(?:(?:de|het)\s+)?(?:(?:gemeente|provincie)\s+)?",
    re.IGNORECASE,
)
WE_ARE = re.compile(
    r"\b[Aa]ls\s+(?:(?:de\s+)?(?:gemeente|gemeenteraad|college|raad|provincie|provinciale\s+staten)\s+(?:van\s+)?)"
)
PARTNER_IN = re.compile(
    r"\b(?:is|zijn|was|waren|werd|werden)\s+(?:[\w-]+\s+){0,3}?(?:partner|partners|deelnemer|deelnemers|"
    r"ondertekenaar|ondertekenaars|mede-?ondertekenaar)\s+(?:in|van|aan|bij)\s+",
    re.IGNORECASE,
)
PARTICIPANTS_ARE = re.compile(
    r"^\s*(?:De\s+)?(?:deelnemers|leden|partners|aangesloten\s+gemeenten|deelnemende\s+gemeenten|"
    r"deelnemende\s+partijen)\s+zijn\s+(?:(?:dus|onder\s+meer|onder\s+andere|verder|nu|inmiddels)\s+)*",
    re.IGNORECASE,
)
JOIN_TOO = re.compile(
    r"\b(?:nemen|neemt)\s+(?:ook\s+)?deel\s*[.!]?$|\b(?:doen|doet)\s+(?:ook\s+)?mee\s*[.!]?$"
)
AGREEMENT_AFTER = re.compile(
    r"\s*(?:(?:een|de|het)\s+)(?:[\w-]+\s+){0,2}?(?:intentieverklaring|overeenkomst|samenwerkingsovereenkomst|"
    r"convenant|contract|partnerschap|samenwerking)\s+(?:[\w-]+\s+){0,3}?(?:gesloten|getekend|ondertekend|"
    r"afgesloten|aangegaan|gestart)\b"
)
FORM_WITH = re.compile(r"\b(?:vormt|vormen|vormde|vormden)\s+samen\s+met\s+", re.IGNORECASE)
UNDER_THE_NAME = re.compile(r"\bonder\s+de\s+naam\s+", re.IGNORECASE)
SINGULAR_VERB = (
    r"\b(?:is|was|werd|wordt|maakt|maakte|werkt|werkte|sluit|sloot|vormt|vormde|heeft|had|blijft|"
    r"treedt|trad)\b"
)
INITIATIVE_OF = re.compile(
    r"\b(?:is|was)\s+(?:[\w-]+\s+){0,2}?(?:een|het|de)\s+(?:[\w-]+\s+){0,2}?(?:initiatief|project|programma|"
    r"samenwerkingsproject)\s+van\s+"
    r"|\b(?:ontwikkeld|uitgevoerd|georganiseerd|opgezet|gerealiseerd|bedacht)\s+samen\s+met\s+",
    re.IGNORECASE,
)
COUNTED_IN = re.compile(
    rf"\b(?P<num>{NUM})\s+(?:[\w-]+\s+)?gemeenten\s+(?:binnen|in|van|uit)\s+(?:de\s+|het\s+)?", re.IGNORECASE
)
NEGATION = re.compile(r"\b(?:geen|niet|nooit|nimmer)\b", re.IGNORECASE)
SEAT = re.compile(r"\b(?:in|binnen)\s+het\s+(?:(?:algemeen|dagelijks)\s+)?bestuur\s+van\s+", re.IGNORECASE)
OFFICE_NAMED = re.compile(r"\b(?:burgemeester|wethouder|loco-?burgemeester|gedeputeerde)\s+", re.IGNORECASE)
REPRESENTATIVE_ROLES = (MUNICIPAL_ROLES | PROVINCIAL_ROLES) - {
    "gemeentesecretaris",
    "griffier",
    "raadsgriffier",
    "raadslid",
    "gemeenteraadslid",
    "statengriffier",
    "statenlid",
    "provinciesecretaris",
    "fractievoorzitter",
    "gemeentedirecteur",
    "stadssecretaris",
    "gemeentesecretaris/algemeen directeur",
    "gemeentesecretaris en algemeen directeur",
}

SIGNING = re.compile(
    r"\b(?:ondertek\w+|tekenden|tekende|getekend|sloten|gesloten|meegewerkt\s+aan|deelnemers?\s+(?:in|aan)|"
    r"verbonden\s+aan|doen\s+mee\s+aan|nemen\s+deel\s+aan)\b",
    re.IGNORECASE,
)
DRAFTED_BY = re.compile(
    r"^\s*(?:Dit|Deze|Dat|Die|Het|De)\s+(?P<noun>[\w-]+)\s+(?:is|werd|wordt|zijn|werden)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:opgesteld|ontwikkeld|opgezet|ondertekend|gesloten|bedacht|geschreven|gemaakt|getekend)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:door|tussen)\s+",
)
GO_TOGETHER = re.compile(
    r"^(?P<gap>[^.;:!?]{0,60}?)\b(?:samenwerken|samenwerkten|samen\s+(?:te\s+)?werken|samen\s+optrekken|"
    r"(?:gestart|begonnen|starten|beginnen|startten)\s+met\s+(?:een\s+|de\s+)?samenwerking(?:spilot)?|"
    r"(?:zetten|zet|zetten\s+hun|zetten\s+de)\s+(?:de\s+|hun\s+)?samenwerking\s+voort|"
    r"(?:gaan|gingen)\s+(?:een\s+)?samenwerking\s+aan|"
    r"(?:een\s+)?samenwerking\s+aangegaan|"
    r"(?:de\s+)?onderlinge\s+samenwerking\s+(?:\w+\s+)?verbeteren|"
    r"om\s+tot\s+(?:een\s+)?(?:\w+\s+)?samenwerking\s+te\s+komen)\b",
    re.IGNORECASE,
)
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|te|uit|naar|van|bij|voor|op|rond|rondom|door|aan)\s+(?:de\s+|het\s+)?$"
)


def group_relations(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    out: list[Candidate] = []
    out += _member_predicates(ctx, i, s, ms)
    out += _body_of(ctx, i, s, ms)
    out += _where_member(ctx, i, s, ms)
    out += _founders(ctx, i, s, ms)
    out += _partner_in(ctx, i, s, ms)
    out += _participants_are(ctx, i, s, ms)
    out += _form_together(ctx, i, s, ms)
    out += _initiative_parties(ctx, i, s, ms)
    out += _counted_members(ctx, i, s, ms)
    out += _board_seat(ctx, i, s, ms)
    out += _we_in_body(ctx, i, s, ms)
    out += _board_in_sentence(ctx, i, s, ms)
    out += _deal_parties(ctx, i, s, ms)
    out += _members_listed(ctx, i, s, ms)
    out += _board_list_item(ctx, i, s, ms)
    out += _joined_too(ctx, i, s, ms)
    return out


def _joined_too(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Sinds 2018 is ook A aangesloten.": the municipalities of a sentence that ends in joining
    are members of the cooperation body the sentences before are about."""
    cue = JOINED_TOO.search(s.text)
    if cue is None or NEGATION.search(s.text) or any(m.type in BODY_TYPES for m in ms):
        return []
    body = _context_body(ctx, i)
    if body is None or not cooperation_body(ctx, body):
        return []
    members = [m for m in ms if m.type == "Municipality" and m.end <= s.start + cue.end()]
    return _joined(ctx, s, members, body, "member-joined-too")


def _board_list_item(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """A line of a board list under "De leden van het algemeen bestuur zijn:": "T. van Dam,
    gemeente Giessenlanden" — the person sits on the body's board, the municipality is a member."""
    item = BOARD_ITEM.fullmatch(s.text)
    person = next((m for m in ms if m.type == "Person" and m.start == s.start), None)
    place = next((m for m in ms if m.type in {"Municipality", "Province"} and m.end == s.end), None)
    if item is None or person is None or place is None:
        return []
    intro = _board_intro(ctx, i)
    if intro is None:
        return []
    body = next((m for m in ctx.in_sentence(intro) if m.type in BODY_TYPES), None)
    if body is None and ctx.own_org is not None:
        body = ctx.first_by_key.get(ctx.own_org)
    if body is None:
        return []
    organ = re.search(r"(algemeen|dagelijks)\s+bestuur", ctx.sentences[intro].text, re.IGNORECASE)
    role = f"lid {organ.group(1).lower()} bestuur" if organ else "bestuurslid"
    out = [
        Candidate(
            "HOLDS_POSITION",
            person.id,
            body.id,
            s,
            "position-board-list",
            0.7,
            role=role,
            role_class="board",
            status="current",
        )
    ]
    out += _joined(ctx, s, [place], body, "member-board-list")
    return out


def _board_intro(ctx: Context, i: int) -> int | None:
    """The sentence that opens the board list sentence i belongs to, if it does belong to one."""
    for j in range(i - 1, max(-1, i - 30), -1):
        t = ctx.sentences[j].text
        if t.rstrip().endswith(":") and re.search(r"\bbestuur\b", t, re.IGNORECASE):
            return j
        if not BOARD_ITEM.fullmatch(t):
            return None
    return None


def _members_listed(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """A body and the municipalities it is made of or works for, listed after a phrase that says
    so: "De regio omvat de volgende gemeenten: A, B en C"; "aangesloten bij netwerk X, met onder
    meer A en B"; "uitbesteed aan X, die dat ook doet in A en B"; "de gemeenten A en B ondertekenen
    een overeenkomst voor de vorming van X"."""
    out: list[Candidate] = []
    t = s.text
    for cue in LISTED_MEMBERS.finditer(t):
        at = s.start + cue.end()
        bodies = [m for m in ms if m.type in BODY_TYPES and m.end <= at]  # before the list, or in the cue
        body = bodies[-1] if bodies else _context_body(ctx, i) if cue.group("omvat") else None
        if body is None and cue.group("omvat"):
            body = _only_body_with(ctx, "regio")
        if body is None:
            continue
        members = party_list(ctx.text, ms, at, s.end).items
        out += _joined(ctx, s, members, body, "member-listed")
    forming = FORMING.search(t)
    if forming:
        body = next((m for m in ms if m.type in BODY_TYPES and m.start >= s.start + forming.end() - 1), None)
        subjects = [m for m in ms if m.type == "Municipality" and m.end <= s.start + forming.start()]
        if body is not None and len(subjects) >= 2:
            out += _joined(ctx, s, subjects, body, "member-forming")
    return out


# -- helpers -------------------------------------------------------------------------------
def _subjects(ctx: Context, i: int, ms: list[Mention], hi: int, predicate: str = "") -> list[Mention]:
    """The parties a predicate at `hi` is said of: the list (or list anaphor, or "zij") before it,
    or inside the predicate ("vormen zij", "neemt ook de gemeente A deel aan")."""
    s = ctx.sentences[i]
    lo = s.start
    semi = ctx.text.rfind(";", s.start, hi)
    if semi >= 0:
        lo = semi + 1
    out = anaphors_in(ctx, i, lo, hi + len(predicate))  # "werken deze drie gemeenten samen in"
    pronoun = re.search(r"\b(?:zij|ze)\b", ctx.text[lo:hi] + " " + predicate, re.IGNORECASE)
    # "zij" is a list only with a plural verb ("vormen zij"); "Zij is lid van" is a person
    singular = re.search(SINGULAR_VERB, ctx.text[lo:hi] + " " + predicate, re.IGNORECASE)
    if pronoun and not singular and not out and i > 0:
        lists = sentence_lists(ctx, i - 1)
        if lists:
            out = max(lists, key=lambda pl: len(pl.items)).items
    if out:
        return out
    cands = [
        m
        for m in ms
        if lo <= m.start
        and m.end <= hi + len(predicate)  # "neemt ook de gemeente A deel aan": inside the predicate
        and m.type in MEMBER_TYPES
        and not re.match(r"-[a-zà-ÿ]", ctx.text[m.end : m.end + 2])  # "de BAR-gemeenten"
        and not PREPOSITION_BEFORE.search(ctx.text[max(s.start, m.start - 15) : m.start])
    ]
    if not cands:
        return []
    last = cands[-1]
    pl = party_list_backwards(ctx.text, [m for m in ms if m.end <= last.end], last.end, lo)
    return pl.items or [last]


def _bodies_at(ctx: Context, ms: list[Mention], pos: int, end: int) -> list[Mention]:
    """The body named right at `pos` ("de Regio X", "het netwerk X") and any coordinated with it."""
    lead = re.match(r"(?:(?:de|het)\s+)?(?:[a-zà-ÿ-]+\s+){0,2}", ctx.text[pos:end])
    first = next(
        (
            m
            for m in ms
            if pos <= m.start <= pos + (lead.end() if lead else 0) and m.type in ORGLIKE | {"Initiative"}
        ),
        None,
    )
    if first is None:
        # "binnen Parkstad [Limburg]": a body the recogniser cut, named in full elsewhere
        cut = re.match(r"(?:(?:de|het)\s+)?(?:[A-Z][\w-]*\s+){1,3}", ctx.text[pos:end])
        tail = next((m for m in ms if cut and pos < m.start < pos + cut.end()), None)
        whole = _whole(ctx, tail) if tail is not None else None
        if whole is not None and whole is not tail and whole.type in BODY_TYPES:
            return [whole]
        np = BODY_NP.match(ctx.text, pos, end)
        body = _resolve_body(ctx, _sentence_of(ctx, pos), np) if np else None
        return [body] if body is not None else []
    if first.type == "Initiative":
        return [first]
    bodies = [first]
    for m in ms:  # "de provincie X en de regio Y": bodies coordinated with no other words between
        if m.start > bodies[-1].start and m.start >= bodies[-1].end:
            if not re.fullmatch(
                r"\s*(?:,|\ben\b)\s*(?:(?:de|het)\s+)?(?:(?:regio|provincie|gemeente)\s+)?",
                ctx.text[bodies[-1].end : m.start],
            ):
                break
            bodies.append(m)
    return [_whole(ctx, b) for b in bodies if b.type in BODY_TYPES]


def _whole(ctx: Context, m: Mention) -> Mention:
    """A body the recogniser cut here ("De inkoopsamenwerking Gooi en [Vechtstreek]") is the body the
    document names in full elsewhere ("Inkoopsamenwerking Gooi en Vechtstreek") when the words
    before the cut make up the rest of that name."""
    names = _body_names(ctx)
    before = ctx.text[max(0, m.start - 60) : m.start].split()
    for k in range(1, min(5, len(before)) + 1):
        words = " ".join(before[-k:] + m.text.split()).lower()
        whole = names.get(words) or names.get("regio " + words)
        if whole is not None:
            return whole
    return m


def _body_names(ctx: Context) -> dict[str, Mention]:
    """The document's bodies by their names in lower case, built once per document."""
    key = ("full-names",)
    names = ctx.memo.get(key)
    if names is None:
        names = ctx.memo[key] = {
            " ".join(x.text.lower().split()): x for t in BODY_TYPES for x in ctx.by_type.get(t, [])
        }
    return names


def _sentence_of(ctx: Context, pos: int) -> int:
    return max(0, bisect_right(ctx.sentence_starts, pos) - 1)


def _body_before(ctx: Context, i: int, s: Sentence, ms: list[Mention], hi: int) -> Mention | None:
    """The subject body of "X is een samenwerkingsverband van ...": a body named before `hi`, else
    one referred to by its kind ("het samenwerkingsverband", "de veiligheidsregio")."""
    named = [m for m in ms if m.end <= hi and m.type in BODY_TYPES | {"Initiative"}]
    if named and re.fullmatch(r"\s*,?\s*", ctx.text[named[-1].end : hi]):
        return named[-1]  # "A en samenwerking X, bestaande uit ...": the clause is on the name it follows
    if named:
        return named[0] if named[0].start - s.start < 40 else named[-1]
    np = BODY_NP.search(ctx.text, s.start, hi)
    if np:
        return _resolve_body(ctx, i, np)
    if re.match(r"\s*(?:Wij|We)\b", ctx.text[s.start : hi]):  # "Wij voeren taken uit voor ..."
        org = _we_identity(ctx) or ctx.own_org
        return ctx.first_by_key.get(org) if org else None
    # "Regio X is het samenwerkingsverband van ...": a name the recogniser missed here but read
    # elsewhere in the document
    subject = re.match(
        r"\s*((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+(?:is|was|vormt)\b", ctx.text[s.start : hi]
    )
    return _body_names(ctx).get(subject.group(1).lower()) if subject else None


def _resolve_body(ctx: Context, i: int, np: re.Match[str]) -> Mention | None:
    head = np.group("h").lower()
    for j in range(i - 1, max(-1, i - 4), -1):
        if ctx.paragraph[j] != ctx.paragraph[i] and j < i - 1:
            break
        bodies = [m for m in ctx.in_sentence(j) if m.type in BODY_TYPES]
        if head in GENERIC_HEADS:
            if bodies:
                return bodies[0]
            continue
        hits = [m for m in bodies if head in m.text.lower()]
        if hits:
            return hits[-1]
    if head in GENERIC_HEADS:
        return None
    return _only_body_with(ctx, head)


def _only_body_with(ctx: Context, head: str) -> Mention | None:
    """The one body of the document whose name has `head` in it; computed once per head."""
    key = ("only-body", head)
    if key not in ctx.memo:
        keys = {m.id for t in BODY_TYPES for m in ctx.by_type.get(t, []) if head in m.text.lower()}
        ctx.memo[key] = ctx.first_by_key.get(keys.pop()) if len(keys) == 1 else None
    return ctx.memo[key]


def _joined(ctx: Context, s: Sentence, members: list[Mention], body: Mention, rule: str) -> list[Candidate]:
    """Each member takes part in an initiative or is a member of a body: only parties of the right
    types, never the body itself."""
    out: list[Candidate] = []
    btype = ctx.types.get(body.key or "", body.type)
    rtype = "PARTICIPATES_IN" if btype == "Initiative" else "MEMBER_OF"
    if rtype == "MEMBER_OF" and AGREEMENT_NAME.search(body.text):
        return out  # "Citydeal X, een samenwerkingsverband van ...": a deal read as a body
    for m in members:
        mtype = ctx.types.get(m.key or "", m.type)
        if m.key == body.key or m.key is None or body.key is None:
            continue
        if rtype == "MEMBER_OF" and (mtype not in MEMBER_TYPES or btype not in BODY_TYPES):
            continue
        if rtype == "PARTICIPATES_IN" and mtype not in ORGLIKE:
            continue
        out.append(Candidate(rtype, m.key, body.key, s, rule, CONFIDENCE[rule]))
    return out


def _partner_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "De provincie X is ook een belangrijke partner in de Regio Deal Y": a party of the deal."""
    out: list[Candidate] = []
    for m in PARTNER_IN.finditer(s.text):
        pos = s.start + m.end()
        inits = [b for b in _bodies_at(ctx, ms, pos, s.end) if b.type == "Initiative"]
        if not inits:
            continue
        members = _subjects(ctx, i, ms, s.start + m.start(), m.group())
        out += _joined(ctx, s, members, inits[0], "participates-partner-in")
    return out


# -- rules ---------------------------------------------------------------------------------
def _member_predicates(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A, B en C werken samen in X", "deze drie gemeenten vormen X", "Y maakt deel uit van X",
    "Z, dat al snel lid werd van X", "vormen zij de nieuwe organisatie van X"."""
    out: list[Candidate] = []
    for m in MEMBER_PREDICATE.finditer(s.text):
        pos = s.start + m.end()
        bodies = _bodies_at(ctx, ms, pos, s.end)
        if not bodies or NEGATION.search(s.text[max(0, m.start() - 30) : m.end()]):
            continue  # "Zo is A geen onderdeel van X", "A wil niet langer lid zijn van X"
        members = _subjects(ctx, i, ms, s.start + m.start(), m.group())
        if not members and re.search(r"\b(?:we|wij)\b", s.text[: m.end()], re.IGNORECASE):
            members = _we_group(ctx, i, ms)
        if "onderdeel" in m.group().lower():
            # "PIANOo, onderdeel van het ministerie": a department, not a member
            bodies = [b for b in bodies if cooperation_body(ctx, b)]
        # "werken A en B samen met C in X": C is a member too
        if re.search(r"samen\s+(?:in|binnen)", m.group(), re.IGNORECASE):
            met = re.search(r"\bmet\s+", m.group())
            if met:
                mpos = s.start + m.start() + met.end()
                members += party_list(ctx.text, [x for x in ms if x.start >= mpos], mpos, pos).items
        for body in bodies:
            out += _joined(ctx, s, members, body, "member-predicate")
    return out


def _participants_are(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Deelnemers zijn de gemeenten A en B.", "Aangesloten gemeenten zijn onder meer A en B.",
    "Ook C en D nemen deel.": the body (or initiative) the sentences before are about."""
    out: list[Candidate] = []
    lead = PARTICIPANTS_ARE.match(s.text)
    tail = JOIN_TOO.search(s.text)
    if lead is None and tail is None:
        return out
    if any(m.type in BODY_TYPES | {"Initiative"} for m in ms):
        return out  # the body is named here: the sentence rules read it
    if lead is not None:
        pos = s.start + lead.end()
        items = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end).items
    elif tail is not None:
        items = _subjects(ctx, i, ms, s.start + tail.start())
    body = _context_body(ctx, i)
    if body is not None:
        out += _joined(ctx, s, items, body, "member-participants-are")
    return out


def _context_body(ctx: Context, i: int) -> Mention | None:
    """The body or initiative the previous two sentences of the paragraph are about: the first one
    named in the nearest sentence that names one."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if ctx.paragraph[j] != ctx.paragraph[i] and j < i - 1:
            break
        named = [m for m in ctx.in_sentence(j) if m.type in BODY_TYPES | {"Initiative"}]
        if named:
            return named[0]
    return None


def _form_together(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "De gemeente A vormt samen met B, C en D de regio X", "zijn A, B en C onder de naam X een
    samenwerking gestart": all of them are members of X."""
    out: list[Candidate] = []
    for m in FORM_WITH.finditer(s.text):
        pos = s.start + m.end()
        pl = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end)
        if not pl.items:
            continue
        bodies = _bodies_at(ctx, ms, pl.end + 1, s.end)
        if not bodies or bodies[0].start - pl.end > 12:
            continue
        members = _subjects(ctx, i, ms, s.start + m.start()) + pl.items
        out += _joined(ctx, s, members, bodies[0], "member-form-with")
    for m in UNDER_THE_NAME.finditer(s.text):
        body = next((b for b in ms if b.start == s.start + m.end() and b.type in BODY_TYPES), None)
        if body is None or not re.match(
            r"\s+(?:een\s+)?samenwerking\w*\s+(?:\w+\s+)?(?:gestart|begonnen|aangegaan|opgericht)",
            ctx.text[body.end : s.end],
        ):
            continue
        members = _subjects(ctx, i, ms, s.start + m.start())
        out += _joined(ctx, s, members, body, "member-under-the-name")
    return out


def _initiative_parties(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Het project is een initiatief van de gemeente A en B, en wordt ontwikkeld samen met C en D":
    every party named takes part in the initiative the sentence is about."""
    out: list[Candidate] = []
    matches = list(INITIATIVE_OF.finditer(s.text))
    if not matches:
        return out
    inits = [m for m in ms if m.type == "Initiative"]
    refs = initiative_refs(ctx, i, s, inits)
    for m in matches:
        before = [r for r in refs if r[1] <= s.start + m.start()]
        if not before:
            continue
        init = ctx.first_by_key.get(before[0][2])
        pos = s.start + m.end()
        items = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end).items
        if init is not None:
            out += _joined(ctx, s, items, init, "participates-initiative-of")
    return out


def _counted_members(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Zes gemeenten binnen Parkstad Limburg gaan de samenwerking versterken. ... Het gaat om de
    gemeenten A, B, C, D, E en F.": a counted group in a body, named by a list of that size in the
    next sentences."""
    out: list[Candidate] = []
    if not re.search(r"samenwerk|samen\b", s.text, re.IGNORECASE):
        return out
    for m in COUNTED_IN.finditer(s.text):
        num = m.group("num").lower()
        count = int(num) if num.isdigit() else NUMERALS.get(num)
        bodies = _bodies_at(ctx, ms, s.start + m.end(), s.end)
        if not bodies or not count:
            continue
        for j in range(i, min(len(ctx.sentences), i + 4)):
            hits = [
                pl
                for pl in sentence_lists(ctx, j)
                if pl.start > s.start + m.end() and sum(x.type == "Municipality" for x in pl.items) == count
            ]
            if hits:
                members = [x for x in hits[0].items if x.type == "Municipality"]
                out += _joined(ctx, s, members, bodies[0], "member-counted")
                break
    return out


def _founders(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A, B en C hebben in 2012 de Belastingsamenwerking X opgericht", "richtten X op": the
    founders of a body are its members."""
    out: list[Candidate] = []
    for body in ms:
        if body.type not in BODY_TYPES:
            continue
        after = re.match(
            r"\s+(?:\([^()]{1,20}\)\s+)?(?:samen\s+)?(?:opgericht|ingesteld|in\s+het\s+leven\s+geroepen|op)\b",
            ctx.text[body.end : s.end],
        )
        verb = re.search(
            r"\b(?:hebben|heeft|hadden|richtten|richtte|richten|richt)\b(?:\s+[\w-]+){0,5}?\s+(?:(?:de|het)\s+)?"
            r"(?:[a-zà-ÿ-]+\s+){0,2}$",
            ctx.text[s.start : body.start],
        )
        if after is None or verb is None:
            continue
        if after.group().strip().endswith("op") and not re.match(r"richt", verb.group()):
            continue
        members = _subjects(ctx, i, ms, s.start + verb.start(), verb.group())
        out += _joined(
            ctx,
            s,
            [m for m in members if m.type in {"Municipality", "Province", "Organization"}],
            body,
            "member-founders",
        )
    return out


def _where_member(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Metropoolregio X (MRA), waar Lelystad onderdeel van is": a relative clause on the body."""
    out: list[Candidate] = []
    for m in WHERE_MEMBER.finditer(s.text):
        lo, hi = s.start + m.start("members"), s.start + m.end("members")
        items = party_list(ctx.text, [x for x in ms if x.start >= lo], lo, hi).items
        body = [b for b in ms if b.end <= s.start + m.start() and b.type in BODY_TYPES]
        if body and items:
            out += _joined(ctx, s, items, _whole(ctx, body[-1]), "member-where")
    return out


def _body_of(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """The body first: "X is een samenwerkingsverband van A, B en C", "X bestaat uit / wordt
    bestuurd door A en B", "OD X voert taken uit voor de gemeenten A en B"."""
    out: list[Candidate] = []
    for pattern, rule, need, strong in (
        (BODY_OF, "member-body-of", 2, True),
        (CONSISTS_OF, "member-consists-of-list", 1, True),
        (WORKS_FOR_STRONG, "member-works-for", 1, True),
        (WORKS_FOR_WEAK, "member-works-for", 1, False),
    ):
        for m in pattern.finditer(s.text):
            pos = s.start + m.end()
            pl = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end)
            items = pl.items
            if rule == "member-works-for":
                items = [x for x in items if x.type in {"Municipality", "Province"}]
            if not items or pl.size < need:
                continue
            hi = s.start + (m.end() if pattern is BODY_OF else m.start())
            if m.group().startswith(","):  # "X, de gezamenlijke organisatie van A en B": X, the name before
                hi = s.start + m.start()
                body = next((b for b in ms if b.end == hi and b.type in BODY_TYPES), None)
            else:
                body = _body_before(ctx, i, s, ms, hi)
            if body is None or body.key in {x.key for x in items}:
                continue
            if not strong and not cooperation_body(ctx, body):
                continue
            out += _joined(ctx, s, items, body, rule)
    return out


def _we_in_body(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Dit doen we in Regio X met gemeente A, B en C" (after "samenwerken" in the sentence
    before): the speaker's organisation and the listed ones are members of X."""
    out: list[Candidate] = []
    t = s.text
    prev = ctx.sentences[i - 1].text if i > 0 else ""
    if not re.search(r"samen", t + " " + prev, re.IGNORECASE):
        return out
    for m in re.finditer(
        r"\b(?:doen|werken|zitten|participeren)\s+(?:we|wij)\b[^.;]{0,30}?\b(?:in|binnen)\s+", t
    ):
        pos = s.start + m.end()
        bodies = _bodies_at(ctx, ms, pos, s.end)
        if not bodies:
            continue
        body = bodies[0]
        members: list[Mention] = []
        after = re.match(r"\s+(?:samen\s+)?met\s+", ctx.text[body.end : s.end])
        if after:
            p2 = body.end + after.end()
            members = party_list(ctx.text, [x for x in ms if x.start >= p2], p2, s.end).items
        org = _we_identity(ctx) or speaking_org(ctx, i, ms)
        if org and org in ctx.first_by_key:
            members.append(ctx.first_by_key[org])
        out += _joined(ctx, s, members, body, "member-we-in")
    return out


def _we_group(ctx: Context, i: int, ms: list[Mention]) -> list[Mention]:
    """Who "we" are: the speaker's organisation, and the group it was just said to work with
    ("Zwijndrecht werkt met A, B en C samen in de Drechtsteden. ... Zo zijn we deelnemer in X")."""
    org = _we_identity(ctx) or speaking_org(ctx, i, ms)
    if not org or org not in ctx.first_by_key:
        return []
    group = [ctx.first_by_key[org]]
    for j in range(i - 1, max(-1, i - 3), -1):
        if not re.search(r"\bsamen", ctx.sentences[j].text):
            continue
        here = ctx.in_sentence(j)
        if any(x.key == org for x in here):
            for pl in sentence_lists(ctx, j):
                group += [x for x in pl.items if x.key != org]
            break
    return group


def _we_identity(ctx: Context) -> str | None:
    """Who "wij" is where the text says so itself: "Als gemeenteraad van Leusden zijn wij ...".
    Looked up once per document."""
    key = ("we-identity",)
    if key not in ctx.memo:
        found = None
        for m in WE_ARE.finditer(ctx.text):
            who = next(
                (
                    x
                    for x in ctx.starting_in(m.end(), m.end() + 1)
                    if x.type in {"Municipality", "Province", "Organization"}
                ),
                None,
            )
            if who is not None and re.match(
                r"[\s,]+(?:zijn|willen|hebben|staan|kunnen|moeten)?\s*(?:wij|we)\b",
                ctx.text[who.end : who.end + 25],
            ):
                found = who.key
                break
        ctx.memo[key] = found
    return ctx.memo[key]


def _board_in_sentence(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "De burgemeester van A is ook voorzitter van de Regio X", "wethouder in A en bestuurslid
    van de Omgevingsdienst X": the municipality is represented on the body's board."""
    out: list[Candidate] = []
    offices = []
    for o in OFFICE.finditer(s.text):
        pos = s.start + o.end()
        seat = next((m for m in ms if m.start == pos and m.type in {"Municipality", "Province"}), None)
        if seat is not None:
            offices.append(seat)
    if not offices:
        return out
    for body in _boards(ctx, s, ms):
        out += _joined(ctx, s, offices[:1], body, "member-board")
    return out


def _board_seat(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "In het bestuur van de Veiligheidsregio zitten burgemeesters, met burgemeester Jan Smit van
    A als voorzitter": the municipalities whose officers sit on the body's board."""
    out: list[Candidate] = []
    seat = SEAT.search(s.text)
    if seat is None or not re.search(r"\b(?:zit|zitten|zat|zaten|zetelen|zetelt|zitting)\b", s.text):
        return out
    pos = s.start + seat.end()
    bodies = _bodies_at(ctx, ms, pos, s.end)
    if not bodies:
        return out
    seats = []
    for o in OFFICE_NAMED.finditer(s.text):
        at = s.start + o.end()
        who = next((m for m in ms if m.start == at and m.type == "Person"), None)
        if who is not None:
            at = who.end
        gap = re.match(r"\s+(?:van|in|uit)\s+(?:(?:de\s+)?gemeente\s+)?", ctx.text[at : s.end])
        if gap:
            seats += [m for m in ms if m.start == at + gap.end() and m.type in {"Municipality", "Province"}]
    out += _joined(ctx, s, seats, bodies[0], "member-board-seat")
    return out


def _boards(ctx: Context, s: Sentence, ms: list[Mention]) -> list[Mention]:
    """Cooperation bodies someone in the sentence is a board member of, and cooperation areas
    (Regions) someone chairs: the gold counts a mayor chairing an organisation (a GGD, a
    veiligheidsregio) as a personal post more often than as the municipality's seat."""
    found = []
    for b in BOARD.finditer(s.text):
        pos = s.start + b.end()
        for m in ms:
            if m.start < pos:
                continue
            gap = ctx.text[pos : m.start]
            if m.start - pos > 80 or re.search(r"[,;.]", gap.replace("(", "").replace(")", "")):
                break
            if ORGAN.fullmatch(m.text.strip()):
                continue  # "vicevoorzitter van het DB en AB van de Veiligheidsregio X"
            if (
                m.type in BODY_TYPES
                and cooperation_body(ctx, m)
                and (not b.group("chair") or m.type == "Region")
            ):
                found.append(m)
            break
    return found


def board_memberships(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """Across sentences: a person who is mayor, alderman or deputy of A (from the positions found)
    and chair or board member of a cooperation body X ("Ik ben lid van het algemeen bestuur van
    de Omgevingsdienst X", "Hij is ... voorzitter van de Regio X") puts A in X."""
    seats: dict[str, list[str]] = {}
    for c in found:
        if (
            c.type == "HOLDS_POSITION"
            and c.status != "former"
            and (c.role or "") in REPRESENTATIVE_ROLES
            and ctx.types.get(c.target) in {"Municipality", "Province"}
        ):
            lst = seats.setdefault(c.source, [])
            if c.target not in lst:
                lst.append(c.target)
    out: list[Candidate] = []
    if not seats:
        return out
    for i, s in enumerate(ctx.sentences):
        ms = [m for m in ctx.in_sentence(i) if m.end <= s.end]
        bodies = _boards(ctx, s, ms)
        if not bodies:
            continue
        holder = _board_holder(ctx, i, s, ms)
        for seat in seats.get(holder or "", [])[:1]:
            for body in bodies:
                if body.key and seat != body.key:
                    out.append(Candidate("MEMBER_OF", seat, body.key, s, "member-board-person", 0.55))
    return out


def _board_holder(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> str | None:
    persons = [m for m in ms if m.type == "Person"]
    if persons:
        return persons[0].key
    pron = re.search(r"\b(?:ik|hij|zij)\b", s.text, re.IGNORECASE)
    if pron is None:
        return None
    who = antecedent(ctx, i, pron.group().lower())
    return who.key if who is not None else None


AGREEMENT_NAME = re.compile(r"deal|akkoord|convenant|pact", re.IGNORECASE)
# a coalition agreement is signed by political parties, which take part in no relation
COALITION = re.compile(
    r"\bcoalitie(?:partij\w*|akkoord\w*|programma\w*)|\bfractievoorzitters?\b", re.IGNORECASE
)


def _deal_parties(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Every party of a multi-party agreement takes part in it: "A, B en de provincie C
    ondertekenden de Regio Deal X", "deze partijen hebben meegewerkt aan de deal", "Dit
    ambitiedocument is opgesteld door de gemeenten A, B en C" (the initiative just named)."""
    refs = initiative_refs(ctx, i, s, [m for m in ms if m.type == "Initiative"])
    out = _drafted_by(ctx, i, s, ms, refs)
    if not refs or not SIGNING.search(s.text) or COALITION.search(s.text):
        return out
    parties: list[Mention] = []
    for pl in sentence_lists(ctx, i):
        parties += [x for x in pl.items if x.type != "Initiative"]
    for m in ANAPHOR.finditer(s.text):
        parties += resolve_anaphor(ctx, i, m, s.start + m.start())
    if len({p.key for p in parties}) < 2:
        return out
    body = ctx.first_by_key.get(refs[0][2])
    if body is not None:
        out += _joined(ctx, s, parties, body, "participates-deal-party")
    return out


def _drafted_by(
    ctx: Context, i: int, s: Sentence, ms: list[Mention], refs: list[tuple[int, int, str]]
) -> list[Candidate]:
    """ "X is opgesteld door A, B en C": the parties of the initiative the sentence opens with, else
    of the one just named, else of the document's one initiative with that head word."""
    d = DRAFTED_BY.match(s.text)
    if not d:
        return []
    subject = [r for r in refs if r[0] - s.start < d.end()]
    init = subject[0][2] if subject else None
    if init is None and not refs and 0 < i <= len(ctx.last_initiative):
        init = ctx.last_initiative[i - 1]  # "Dit ambitiedocument is opgesteld door ..."
    if init is None and not refs:  # "Het akkoord werd gesloten door ...": the document's one akkoord
        doc_inits, _ = initiative_heads(ctx)
        keys = doc_inits.get(d.group("noun").lower(), set())
        init = next(iter(keys)) if len(keys) == 1 else None
    body = ctx.first_by_key.get(init) if init else None
    if body is None:
        return []
    pos = s.start + d.end()
    items = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end).items
    return _joined(ctx, s, items, body, "participates-drafted-by")


def agreement_with(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Op 8 mei hebben wij met gemeente A een intentieverklaring gesloten": an unnamed agreement of
    two parties is collaboration; one of more parties is a multi-party agreement (SCHEMA
    Conventions), no pairwise collaboration."""
    out: list[Candidate] = []
    for m in re.finditer(r"\bmet\s+", s.text):
        pos = s.start + m.end()
        pl = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end)
        if not pl.items or not AGREEMENT_AFTER.match(ctx.text, pl.end, s.end):
            continue
        subjects = [x for x in _subjects(ctx, i, ms, s.start + m.start()) if x.type in ORGLIKE]
        if not subjects and re.search(r"\b(?:we|wij)\b", s.text[: m.start()], re.IGNORECASE):
            org = _we_identity(ctx) or speaking_org(ctx, i, ms)
            subjects = [ctx.first_by_key[org]] if org in ctx.first_by_key else []
        if len({x.key for x in subjects} | {x.key for x in pl.items}) != 2:
            break  # an agreement of more parties is a multi-party agreement: no pairwise collaboration
        for a in subjects:
            for b in pl.items:
                if a.key != b.key:
                    out.append(Candidate("COLLABORATES_WITH", a.id, b.id, s, "collab-agreement-with", 0.7))
        break  # "met A en B en met C": one list, read from the first "met"
    return out


def go_together(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "De vier gemeenten (A, B, C en D) en de provincie E gaan weer samenwerken op ...": a list
    that will work together, with no body named to work in, collaborates pairwise; after "waarin"
    they are members. Example: "De Regio X is een voorbeeld waarin A, B en C gaan samenwerken"."""
    out: list[Candidate] = []
    for pl in sentence_lists(ctx, i):
        rest = ctx.text[pl.end : s.end]
        g = GO_TOGETHER.match(rest)
        if g is None or re.search(r"\b(?:geen|niet|nooit|hoe|of)\b", g.group("gap"), re.IGNORECASE):
            continue
        if re.match(r"\s+(?:in|binnen)\s+(?:de\s+|het\s+)?[A-Z]", rest[g.end() :]):
            continue  # "samenwerken in Regio X" is membership
        if re.match(r"\s+(?:\w+\s+)?met\b", rest[g.end() :]):
            continue  # "A en B willen samenwerken met C": each with C, read by the "met" rule
        if re.search(r"\b(?:waarin|waarbinnen|daarin|hierin)\s+$", ctx.text[s.start : pl.start]):
            # "X is een voorbeeld waarin A, B en C samenwerken": members of X, not pairs
            body = next((b for b in ms if b.end <= pl.start and b.type in BODY_TYPES), None)
            if body is not None:
                out += _joined(ctx, s, pl.items, body, "member-waarin")
            continue
        items = [x for x in pl.items if x.type in MEMBER_TYPES | {"Region"}]
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                out.append(
                    Candidate(
                        "COLLABORATES_WITH", items[a].id, items[b].id, s, "collab-list-samenwerken", 0.7
                    )
                )
    return out
