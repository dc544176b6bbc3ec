"""What a recogniser may find but an analyst does not count as a stakeholder (SCHEMA Conventions).

Run over the candidate mentions before selection: organs inside an organisation ("Algemeen Bestuur
van X" keeps X), laws and policy themes written with a capital in a list ("Energie & Duurzaamheid",
"de Omgevingswet"), administrative acronyms (AB, DB, B&W, FTE), demonym adjectives ("Twentse",
"Zuid-Limburgs") and municipality names set in capitals in a heading ("ZWOLLE", which is the
municipality, not an organisation).
"""

from __future__ import annotations

import re

from ..reference import Reference, common_word
from ..text import Mention, SpanIndex, is_sentence_initial
from ..vocabulary import NOT_ORG_ACRONYMS, ROLES
from .common import initiative_head, org_head

# single words with these endings name a theme, a law or a task, not a body: Duurzaamheid,
# Mobiliteit, Toerisme, Volkshuisvesting, Dienstverlening, Brandweerzorg, Omgevingswet, Omgevingsrecht
THEME_ENDING = re.compile(
    r"(?:heid|teit|isme|ing|zorg|recht|wet|wetgeving|beleid|omgeving|ondersteuning|verlening|"
    r"huisvesting|adaptatie|transitie|economie|markt|participatie)$"
)
# "de Samenwerkingsovereenkomst": a document, not a body (an initiative, if anything)
AGREEMENT_ENDING = re.compile(r"(?:overeenkomst|verklaring)$")

# organs, units and measures written as acronyms: not stakeholders of their own
# "van de Beek", "v/d Velden": a surname's particles right before a municipality's name
SURNAME_PARTICLES = re.compile(r"(?:\b[A-Z][\w.]*\s+|[–-]\s+)(?:van\s+de[nr]?|v/d)\s+$")

ADMINISTRATIVE_ACRONYMS = frozenset(
    "AB DB B&W B&amp;W CdK CvdK GS PS CvB RvB RvT RvC MT OR GR FTE fte DPG VTH PFAS MR OZB WOZ AVG "
    "MPA MBA MSc BSc PhD".split()  # organs, measures, and degrees after a name ("J. Smit MPA")
)

# "Algemeen Bestuur van GGD X", "Raad van Toezicht van Y": the organ's name ends where the body's begins
ORGAN = re.compile(
    r"(?:(?:het|de)\s+)?(?:algemeen|dagelijks)\s+bestuur|college\s+van\s+bestuur|raad\s+van\s+"
    r"(?:toezicht|bestuur|commissarissen)|stuurgroep|regiegroep|werkgroep|\w*directie|bestuurscommissie|"
    r"provinciale\s+staten|gedeputeerde\s+staten|bestuurlijk\s+(?:platform|overleg)|\w+bestuur|"
    r"ondernemingsraad|cliëntenraad|medezeggenschapsraad|adviesraad|rekenkamercommissie|\w+commissie",
    re.IGNORECASE,
)
ORGAN_OF = re.compile(rf"(?:{ORGAN.pattern})\s+(?:van|der)\s+(?:(?:de|het)\s+)?", re.IGNORECASE)

BODY_TYPES = frozenset({"Organization", "Initiative", "Region"})

# the kind of body, not a body: "de GGD" explaining what a GGD does, "een gemeenschappelijke regeling"
GENERIC_BODY_NAMES = frozenset(
    {
        "ggd",
        "ghor",
        "rud",
        "dpg",
        "gemeentelijke gezondheidsdienst",
        "omgevingsdienst",
        "veiligheidsregio",
        "waterschap",
        "gemeenschappelijke regeling",
        "regionale uitvoeringsdienst",
        "geneeskundige hulpverleningsorganisatie in de regio",
        "provinciehuis",
        "gemeentehuis",
        "stadhuis",
        "raadhuis",
        "koninklijk besluit",
        "rijksoverheid",
    }
)

# "minister van Binnenlandse Zaken en Koninkrijksrelaties": a portfolio, not a body (SCHEMA)
PORTFOLIO = re.compile(r"\b(?:minister|staatssecretaris|bewindspersoon)\s+(?:van|voor)\s+[^.,;:()]{0,45}$")

# words that open a sentence and never a name
DISCOURSE_OPENERS = frozenset(
    """Zoals Ook Volgens Daarnaast Bovendien Tevens Zo Dan Nu Toen Verder Dus Maar Want Hierbij
    Daarom Namens Sinds Tijdens Na Voor Met Door In Op Bij Naast Binnen Vanuit Vanaf Onder Over Uit
    Tot Om Als""".split()
)


# a capitalised chunk of one to four words in a comma/"en" list
_LIST_ITEM = r"[A-Z][\w&'’.-]*(?:[ ][A-Z0-9][\w&'’.-]*){0,3}"
LIST = re.compile(
    rf"(?<![\w-])({_LIST_ITEM})((?:,[ ]{_LIST_ITEM}){{1,12}}),?[ ](?:en|&)[ ]({_LIST_ITEM})(?![\w-])"
)


def listed_organisations(text: str, mentions: list[Mention], ref: Reference) -> list[Mention]:
    """ "Circulus Berkel, AVU en ROVA", "waterschappen, Rijkswaterstaat, Ambulancezorg Limburg-Noord":
    a capitalised name listed beside organisations the rules know is an organisation too."""
    orgs = {(m.start, m.end) for m in mentions if m.type == "Organization"}
    others = SpanIndex([m for m in mentions if m.type != "Organization"])
    found = []
    for lst in LIST.finditer(text):
        items = [(lst.start(1), lst.group(1))]
        pos = lst.start(2)
        for part in lst.group(2).split(", ")[1:]:
            pos = text.index(part, pos)
            items.append((pos, part))
            pos += len(part)
        items.append((lst.start(3), lst.group(3)))
        known = [(a, a + len(t)) in orgs for a, t in items]
        if sum(known) < 1:
            continue
        for (start, item), is_org in zip(items, known, strict=True):
            end = start + len(item)
            if is_org or others.overlapping(start, end):
                continue  # known already, or a place or person
            words = item.split()
            if words[0] in ref.first_names or words[0] in DISCOURSE_OPENERS or common_word(words[0]):
                continue
            found.append(Mention(start, end, item, "Organization", "org-listed", priority=45, confidence=0.6))
    return found


def keep_stakeholders(text: str, mentions: list[Mention], ref: Reference) -> list[Mention]:
    """The mentions that name stakeholders, with organs cut off the bodies they belong to."""
    mentions = mentions + listed_organisations(text, mentions, ref)
    out = []
    # "GGD Drenthe" makes "de GGD" that one, to be linked when names are resolved
    named = {
        w[0]
        for w in (m.text.split() for m in mentions)
        if len(w) > 1 and w[1][:1].isupper() and not w[1].isupper()  # not a heading in capitals
    }
    for m in mentions:
        if m.type == "Person":
            out.append(_person_not_employer(m, ref))
            continue
        if m.type not in BODY_TYPES:
            # "Lenie Dwarshuis – van de Beek": the end of a surname, not the municipality Beek
            before = text[max(0, m.start - 40) : m.start]
            if not (m.type == "Municipality" and SURNAME_PARTICLES.search(before)):
                out.append(m)
            continue
        if m.text.isupper() and m.text in named and m.text not in ADMINISTRATIVE_ACRONYMS:
            out.append(m)
            continue
        for part in _two_bodies(m):
            kept = _judge(part, ref, text)
            if kept is not None:
                out.append(kept)
    return out


def _two_bodies(m: Mention) -> list[Mention]:
    """ "Waterschap Vallei en Veluwe en Waterschap Rivierenland": two bodies joined by "en", each
    starting with a name's head word, not one name."""
    two = next((g for g in re.finditer(r"\s+en\s+(?=(\S+))", m.text) if org_head(g.group(1))), None)
    if two is None or m.type != "Organization" or not org_head(m.text.split()[0]):
        return [m]
    return [_part(m, 0, two.start()), _part(m, two.end())]


def _person_not_employer(m: Mention, ref: Reference) -> Mention:
    """ "(burgemeester) Kees Jansen van Kampen": a full name followed by "van" and a municipality is a
    person and the municipality they serve, not a surname "Jansen van Kampen"."""
    cut = re.match(r"((?:\S+\s+){2,3}?)van\s+(\S+(?:\s+\S+)?)$", m.text)
    if cut and cut.group(2) in ref.municipality_names and cut.group(1).split()[0] in ref.first_names:
        name = cut.group(1).rstrip()
        return Mention(
            m.start,
            m.start + len(name),
            name,
            m.type,
            m.rule,
            m.priority,
            m.confidence,
            canonical=name,
            attrs={**m.attrs, "last": name.split(None, 1)[1]},
        )
    return m


def _part(m: Mention, a: int, b: int | None = None) -> Mention:
    """The mention cut to its text[a:b] (offsets into the mention), keeping rule and ranking."""
    end = len(m.text) if b is None else b
    return Mention(m.start + a, m.start + end, m.text[a:end], m.type, m.rule, m.priority, m.confidence)


def _judge(m: Mention, ref: Reference, text: str) -> Mention | None:
    """The mention as kept (possibly cut to the name inside it, or retyped), or None when it is no
    stakeholder's name."""
    cut = _name_inside(m, ref)
    if cut is not None:
        return _judge(cut, ref, text)
    if _not_a_name(m, text):
        return None
    cut = _after_opener(m, text)
    if cut is not None:
        return _judge(cut, ref, text)
    if m.text in ADMINISTRATIVE_ACRONYMS or ORGAN.fullmatch(m.text):
        return None
    organ = ORGAN_OF.match(m.text)
    if organ:
        rest = m.text[organ.end() :]
        start = m.start + organ.end()
        return Mention(
            start, start + len(rest), rest, m.type, m.rule + "-organ-cut", m.priority, m.confidence
        )
    if _theme_or_demonym(m, ref) or _among_themes(m, text):
        return None
    return _capitals_place(m, ref, text)


def _name_inside(m: Mention, ref: Reference) -> Mention | None:
    """The part of a run that is the name, where the run glued something to it: a dateline, a place,
    a surname, a second body, a person before "van"."""
    words = m.text.split()
    if len(words) >= 2 and words[-1] in DISCOURSE_OPENERS:
        # "GELDERMALSEN Met ...": a dateline glued to the sentence's first word
        return _part(m, 0, m.text.rfind(" "))
    if m.type != "Organization":
        return None
    place_and = re.match(r"(?:'s-)?(\S+(?:\s\S+)?)\s+en\s+", m.text)
    if place_and and (
        place_and.group(0).split(" en ")[0] in ref.municipality_names
        or "'s-" + place_and.group(1) in ref.municipality_names
    ):
        # "'s-Hertogenbosch en HAS Hogeschool": a place and a body, the body kept here
        return _part(m, place_and.end())
    of_body = re.match(r"((?:[A-Z][\w'’-]+\s+){1,2})van\s+(?=(\S+))", m.text)
    if of_body and org_head(of_body.group(2)) and not org_head(words[0]):
        # "[Peter van] Dongen van Hogeschool VHL": a surname and the body after "van"
        return _part(m, of_body.end())
    glued = re.search(r"\s+en\s+(?:de|het)\s+", m.text)
    if glued:
        # "Ambulancezorg Limburg-Noord en de GGD": two bodies, not one name
        return _part(m, 0, glued.start())
    staff = re.match(
        r"((?:[A-Z][\w'’-]+\s+){2,3}(?:en\s+(?:[A-Z][\w'’-]+\s+){1,3})?)van\s+(?:(?:de|het)\s+)?(?=[A-Z])",
        m.text,
    )
    if staff and words[0] in ref.first_names:
        # "Sanne Vos van GGD Twente": a person and the body they work for, not one name
        return _part(m, staff.end())
    return None


def _not_a_name(m: Mention, text: str) -> bool:
    """A generic body, a portfolio, a title, a heading in capitals."""
    words = m.text.split()
    if m.text.lower() in GENERIC_BODY_NAMES or PORTFOLIO.search(text[max(0, m.start - 60) : m.start]):
        return True
    if len(words) >= 2 and words[0].lower() in ROLES and m.type == "Organization":
        return True  # "Directeur Publieke Gezondheid", "Hoogheemraad Jeroen Haan": a title, not a body
    if m.type == "Region" and words[-1].lower() in ROLES:
        return True  # "de regio Burgemeester ...": a title after "regio", no region
    if len(words) == 1 and m.text.isupper() and len(m.text) >= 4 and (common_word(m.text) or _alone(m, text)):
        return True  # "INPUT", "RIJEN": a word of a heading set in capitals
    if len(words) >= 2 and words[0] == "Wet" and m.type != "Person":
        return True  # "de Wet maatschappelijke ondersteuning": a law, not a body
    law = len(words) == 1 and not m.text.isupper() and m.text.upper() in NOT_ORG_ACRONYMS
    if law and m.rule != "org-party":
        return True  # "de Wmo": a law, written as a word ("PvdA" is a party)
    # "STRATEGISCHE AGENDA": a heading in capitals, not a name (acronyms are short)
    return len(words) >= 2 and m.text.isupper() and all(len(w) > 4 and not org_head(w) for w in words)


def _after_opener(m: Mention, text: str) -> Mention | None:
    """ "Zoals de Bereikbaarheidsagenda", "Verlenging Regiodeal": the sentence's first word is no part."""
    words = m.text.split()
    # "verenigd in ‘Zandkring X’": a quoted name inside a sentence, not the first word of a quotation
    quoted_name = re.search(r"[a-zà-ÿ,]\s*[‘'“\"]$", text[max(0, m.start - 20) : m.start])
    if len(words) >= 2 and is_sentence_initial(text, m.start) and _opener(words[0]) and not quoted_name:
        rest = re.match(r"\S+\s+(?:(?:de|het|een)\s+)?", m.text)
        cut = rest.end() if rest else 0
        if cut and m.text[cut : cut + 1].isupper():
            return _part(m, cut)
    return None


def _theme_or_demonym(m: Mention, ref: Reference) -> bool:
    """One lower-case-ending word that names a theme ("Duurzaamheid") or a people ("Friezen")."""
    if len(m.text.split()) != 1 or m.text.isupper():
        return False
    word = m.text
    brand = any(c.isupper() for c in word[1:])  # "ZuidZorg", "AgriFood": a name, not a theme
    named_as_such = m.rule.startswith(("acronym", "org-typed"))  # "woningcorporatie Woonzorg"
    if THEME_ENDING.search(word.lower()) and not brand and not named_as_such:
        return True
    if m.type == "Organization" and AGREEMENT_ENDING.search(word.lower()) and not named_as_such:
        return True
    return _demonym(word, ref)


# what joins the items of a list of themes: "Energie & Duurzaamheid, Klimaatadaptatie en Watersport"
_THEME_GLUE = re.compile(r"\s*(?:,|&|\||\ben\b|•)\s*")
WEAK_NAME_RULES = ("org-single", "org-listed")


def _among_themes(m: Mention, text: str) -> bool:
    """A name only a weak rule read, coordinated with a theme ("Toerisme en Watersport", "Mobiliteit,
    Gezondheid en Kunstzinnigheid"): one more theme of the list, no body."""
    if not m.rule.startswith(WEAK_NAME_RULES) or len(m.text.split()) > 2:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    items = [w for w in _THEME_GLUE.split(line) if w]
    themes = [w for w in items if len(w.split()) <= 2 and THEME_ENDING.search(w.split()[-1].lower())]
    glue, name = _THEME_GLUE.pattern, re.escape(m.text)
    return bool(themes) and (
        m.text in themes
        or any(re.search(rf"{re.escape(t)}{glue}{name}|{name}{glue}{re.escape(t)}", line) for t in themes)
    )


def _capitals_place(m: Mention, ref: Reference, text: str) -> Mention | None:
    """A one-word organisation in capitals that is a place: a dateline (no body), or a municipality."""
    if not (m.text.isupper() and len(m.text.split()) == 1 and m.type == "Organization"):
        return m
    glued = re.match(r" ([A-Z]{2,})\b", text[m.end : m.end + 20])
    if glued and f"{m.text} {glued.group(1)}".title() in ref.municipality_names:
        return None  # "DEN BOSCH - ...": the first word of a place in a capitals dateline
    before = re.search(r"\b([A-Z]{2,}) $", text[max(0, m.start - 20) : m.start])
    if before and f"{before.group(1)} {m.text}".title() in ref.municipality_names:
        return None  # "DE BILT -": the second word of a place in a capitals dateline
    beside = re.match(r" [A-Z]{4,}\b", text[m.end : m.end + 30]) or re.search(
        r"\b[A-Z]{4,} $", text[max(0, m.start - 30) : m.start]
    )
    if len(m.text) >= 4 and beside:
        return None  # "VOORLOPIGE CONCLUSIE": a heading in capitals, no acronym
    titled = m.text.title()
    if titled in ref.former_names or titled in ref.places:
        return None  # a dateline in capitals: a place, no body
    codes = ref.municipality_names.get(titled)
    if not codes:
        return m
    return Mention(
        m.start,
        m.end,
        titled,
        "Municipality",
        "gazetteer-municipality-caps",
        priority=m.priority,
        confidence=0.8,
        attrs={"codes": sorted(codes)},
    )


def _alone(m: Mention, text: str) -> bool:
    """Is the mention the whole of its line (a heading)?"""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    return text[start : end if end >= 0 else len(text)].strip() == m.text


def _opener(word: str) -> bool:
    """A sentence's first word that cannot begin a name: a discourse word ("Zoals", "Ook") or an
    action noun ("Verlenging", "Ondertekening"), not a name's head ("Stichting", "Vereniging")."""
    if word in DISCOURSE_OPENERS:
        return True
    return word.endswith("ing") and len(word) > 6 and not org_head(word) and not initiative_head(word)


def _demonym(word: str, ref: Reference) -> bool:
    """ "Twentse", "Oost-Groningse", "Zuid-Limburgs", "Friese": an adjective of a place, not a name."""
    if word in ref.adjectives:
        return True
    if word.endswith("se") and len(word) > 5:
        return True
    stem = word[:-1] if word.endswith("s") else ""
    return bool(stem) and (
        stem in ref.province_names or stem in ref.municipality_names or stem in ref.regions
    )
