"""What a recogniser may find but an analyst does not count as a stakeholder (SCHEMA Conventions).

Run over the candidate mentions before selection: organs inside an organisation ("Algemeen Bestuur
van X" keeps X), laws and policy themes written with a capital in a list ("Energie & Duurzaamheid",
"de Omgevingswet"), administrative acronyms (AB, DB, B&W, FTE), demonym adjectives ("Twentse",
"Zuid-Limburgs") and municipality names set in capitals in a heading ("ZWOLLE", which is the
municipality, not an organisation).
"""

from __future__ import annotations

import re

from ..reference import Reference
from ..text import Mention

# single words with these endings name a theme, a law or a task, not a body: Duurzaamheid,
# Mobiliteit, Toerisme, Volkshuisvesting, Dienstverlening, Brandweerzorg, Omgevingswet, Omgevingsrecht
THEME_ENDING = re.compile(
    r"(?:heid|teit|isme|ing|zorg|recht|wet|wetgeving|beleid|omgeving|ondersteuning|verlening|"
    r"huisvesting|adaptatie|transitie|economie|markt)$"
)

# organs, units and measures written as acronyms: not stakeholders of their own
ADMINISTRATIVE_ACRONYMS = frozenset(
    "AB DB B&W B&amp;W CdK CvB RvB RvT RvC MT OR GR FTE fte DPG VTH PFAS MR OZB WOZ AVG".split()
)

# "Algemeen Bestuur van GGD X", "Raad van Toezicht van Y": the organ's name ends where the body's begins
ORGAN = re.compile(
    r"(?:(?:het|de)\s+)?(?:algemeen|dagelijks)\s+bestuur|college\s+van\s+bestuur|raad\s+van\s+"
    r"(?:toezicht|bestuur|commissarissen)|stuurgroep|directie|bestuurscommissie",
    re.IGNORECASE,
)
ORGAN_OF = re.compile(rf"(?:{ORGAN.pattern})\s+(?:van|der)\s+(?:(?:de|het)\s+)?", re.IGNORECASE)

BODY_TYPES = frozenset({"Organization", "Initiative", "Region"})


def keep_stakeholders(text: str, mentions: list[Mention], ref: Reference) -> list[Mention]:
    """The mentions that name stakeholders, with organs cut off the bodies they belong to."""
    out = []
    for m in mentions:
        if m.type not in BODY_TYPES:
            out.append(m)
            continue
        kept = _judge(m, ref)
        if kept is not None:
            out.append(kept)
    return out


def _judge(m: Mention, ref: Reference) -> Mention | None:
    words = m.text.split()
    if m.text in ADMINISTRATIVE_ACRONYMS:
        return None
    if ORGAN.fullmatch(m.text):
        return None
    organ = ORGAN_OF.match(m.text)
    if organ:
        rest = m.text[organ.end() :]
        start = m.start + organ.end()
        return Mention(
            start, start + len(rest), rest, m.type, m.rule + "-organ-cut", m.priority, m.confidence
        )
    if len(words) == 1 and not m.text.isupper():
        word = m.text
        brand = any(c.isupper() for c in word[1:])  # "ZuidZorg", "AgriFood": a name, not a theme
        named_as_such = m.rule.startswith(("acronym", "org-typed"))  # "woningcorporatie Woonzorg"
        if THEME_ENDING.search(word.lower()) and not brand and not named_as_such:
            return None
        if _demonym(word, ref):
            return None
    if m.text.isupper() and len(words) == 1 and m.type == "Organization":
        titled = m.text.title()
        codes = ref.municipality_names.get(titled)
        if codes:
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
    return m


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
