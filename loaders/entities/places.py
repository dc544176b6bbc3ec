"""Municipalities (CBS list, former municipalities, 'gemeente X', a province in parentheses), provinces
and regions (compass + province, 'regio X', the region list).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..reference import common_word
from ..text import Mention, is_sentence_initial
from ..vocabulary import COMPASS
from .common import CAP, followed_by_cap, from_match, org_head, place_context
from .gazetteer import Gazetteer

# capitalised words that may stand before a region's name without being part of a longer name
NOT_NAME_HEADS = frozenset(
    "In De Het Een En Of Uit Van Voor Naar Bij Met Op Heel Geheel Ook Zowel Noord Oost Zuid West".split()
)

# a first name and a surname inside a region's name: "Regio X Peter Smit", "Regio X Anna de Vries"
NAME_INSIDE = re.compile(r"\s(?=([A-Z][a-zà-ÿ]+)\s(?:(?:van|de|der|den|ter|ten)\s)*[A-Z])")


# -- places -------------------------------------------------------------------------------
def _municipalities(gz: Gazetteer, text: str) -> list[Mention]:
    """Municipality names from the CBS list, "gemeente X"; a province in parentheses picks
    among namesakes."""
    out: list[Mention] = []
    for m in gz.muni_re.finditer(text):
        name = m.group("n")
        start = m.start("g") if m.group("g") else m.start("n")
        if (
            not m.group("g")
            and name in gz.ambiguous_munis
            and not place_context(text, m.start("n"))
            and (len(name) <= 3 or is_sentence_initial(text, m.start("n")))
        ):
            continue
        if not m.group("g") and is_sentence_initial(text, m.start("n")) and followed_by_cap(text, m.end()):
            continue
        codes = sorted(gz.ref.municipality_names[name])
        paren = re.match(r"\s*\((?P<p>[^()\n]{1,30})\)", text[m.end() :])
        if paren and gz.ref.province_code(paren.group("p")):
            pv = gz.ref.province_code(paren.group("p"))
            codes = [c for c in codes if gz.ref.province_of(c) == pv] or codes
        out.append(
            Mention(
                start=m.start("n"),
                end=m.end("n"),
                text=name,
                type="Municipality",
                rule="gazetteer-gemeente" if m.group("g") else "gazetteer-municipality",
                priority=65 if m.group("g") else 50,
                confidence=0.95 if m.group("g") else 0.85,
                surface=text[start : m.end()],
                attrs={"codes": codes},
            )
        )
        if paren and gz.ref.province_code(paren.group("p")):
            out[-1].attrs["paren"] = paren.group("p").strip()
    return out


def _former_municipalities(gz: Gazetteer, text: str) -> list[Mention]:
    """Municipalities merged away (the former names list; it holds no name a current municipality
    still has, see load_reference)."""
    out: list[Mention] = []
    for m in gz.former_re.finditer(text):
        name = m.group("n")
        out.append(
            Mention(
                start=m.start("n"),
                end=m.end("n"),
                text=name,
                type="Municipality",
                rule="gazetteer-former",
                priority=55,
                confidence=0.8,
                surface=text[m.start() : m.end()],
                attrs={"codes": [gz.ref.former_names[name]]},
            )
        )
    return out


def _provinces(gz: Gazetteer, text: str) -> list[Mention]:
    """ "provincie Drenthe", "Gedeputeerde Staten van Gelderland", or the bare name when no
    municipality is called so."""
    out: list[Mention] = []
    for m in gz.prov_re.finditer(text):
        name = m.group("n")
        if not m.group("g") and name in gz.ref.municipality_names:
            continue  # "Groningen": the city unless "provincie" says otherwise
        start = m.start("g") if m.group("g") else m.start("n")
        out.append(
            Mention(
                start=start if m.group("g") else m.start("n"),
                end=m.end("n"),
                text=text[start : m.end("n")],
                type="Province",
                rule="gazetteer-province",
                priority=62 if m.group("g") else 48,
                confidence=0.9,
                canonical=gz.ref.provinces[gz.ref.province_names[name]].name,
                attrs={"code": gz.ref.province_names[name]},
            )
        )
    return out


def _compass_regions(gz: Gazetteer, text: str) -> list[Mention]:
    """ "Zuidoost-Drenthe", "Noord- en Midden-Gelderland": a compass word and a place."""
    out: list[Mention] = []
    for m in gz.compass_re.finditer(text):
        name = m.group("n")
        before = text[max(0, m.start() - 40) : m.start()]
        glued = re.search(rf"(?<![\w-])({CAP})[ ]$", before)
        if glued and glued.group(1) not in NOT_NAME_HEADS and not common_word(glued.group(1)):
            continue  # "Rijkswaterstaat Noord-Nederland": the end of an organisation's name
        last = name.split()[-1].split("-")[-1]
        if (
            name in gz.ref.province_names
            or name in gz.ref.municipality_names
            or org_head(last)
            or re.search(r"(?:se|er|s)$", last)
            and re.match(r"\s+[a-z]", text[m.end() :])
        ):
            continue  # ... or an adjective: "de Oost-Groninger gemeenten", "de Noord Hollandse kust"
        out.append(Mention(m.start(), m.end(), name, "Region", "region-compass", priority=60, confidence=0.8))
    return out


def _regio_regions(gz: Gazetteer, text: str) -> list[Mention]:
    """ "regio Twente", "Regio Foodvalley"."""
    out: list[Mention] = []
    for m in re.finditer(
        rf"(?<![\w-])(?P<r>[Rr]egio|[Rr]egion|Cluster)\s+"
        rf"(?P<n>{CAP}(?:(?:\s(?:van|en|de|aan))?[ -]{CAP}){{0,3}})",
        text,
    ):
        if m.group("n").split()[0].lower() in {"deal", "deals"}:
            continue
        if m.group("r") == "Cluster" and not _place_or_acronym(gz, m.group("n").split()[0]):
            continue  # "Cluster ABC", "Cluster Noord"; not a department ("Cluster Zorg")
        prev = text[max(0, m.start() - 30) : m.start()].split()
        if prev and org_head(prev[-1]) and prev[-1][:1].isupper():
            continue
        end = m.end("n")
        person = next(
            (p for p in NAME_INSIDE.finditer(m.group("n")) if p.group(1) in gz.ref.first_names), None
        )
        if person:
            end = m.start("n") + person.start()  # "de voorzitter van Regio X Peter Smit": a name follows
        out.append(
            Mention(
                m.start(),
                end,
                text[m.start() : end],
                "Region",
                "region-regio",
                priority=63,
                confidence=0.85,
            )
        )
    return out


# lower-case compounds naming a cooperation area: "arbeidsmarktregio X", "waterketensamenwerking X"
_AREA_COMPOUND = re.compile(
    rf"(?<![\w-])(?P<h>[a-z]{{3,}}(?:regio|samenwerking))[ \t]+"
    rf"(?P<n>{CAP}(?:(?:[ \t](?:van|en|de|aan))?[ -]{CAP}){{0,3}})"
)
BODY_COMPOUNDS = frozenset({"veiligheidsregio", "metropoolregio", "vervoerregio"})  # bodies, see org rules


def _area_compounds(gz: Gazetteer, text: str) -> list[Mention]:
    """ "de arbeidsmarktregio Heidezand", "de werkregio Zandwaard", "de
    waterketensamenwerking Oost-Zeeland": a lower-case compound ending in "regio" or "samenwerking"
    before a name is a cooperation area, named with its compound; after "...samenwerking" the name
    must be a place's ("de samenwerking Jeugd" names no area)."""
    out: list[Mention] = []
    for m in _AREA_COMPOUND.finditer(text):
        head, words = m.group("h"), m.group("n").split()
        first = words[0].split("-")[0]
        if head in BODY_COMPOUNDS or words[0] in NOT_NAME_HEADS or first in gz.ref.first_names:
            continue
        if head.endswith("samenwerking") and not _place_or_acronym(gz, first):
            continue
        out.append(from_match(m, "Region", "region-area-compound", 64, 0.75))
    return out


def _place_or_acronym(gz: Gazetteer, word: str) -> bool:
    return (
        word.isupper()
        or word in gz.ref.municipality_names
        or word in gz.ref.province_names
        or word in gz.ref.regions
        or re.fullmatch(COMPASS, word) is not None
    )


def _listed_regions(gz: Gazetteer, text: str) -> list[Mention]:
    """Regions of the reference list."""
    out: list[Mention] = []
    for m in gz.region_list_re.finditer(text):
        out.append(from_match(m, "Region", "gazetteer-region", 45, 0.7))
    return out


def _listed_provinces(gz: Gazetteer, text: str) -> list[Mention]:
    """ "de provincies Groningen en Gelderland": every name in the list is a province, also one a
    city shares."""
    out = []
    for lst in re.finditer(r"\b[Pp]rovincies\s+((?:[^\s,.;:]+(?:\s*,\s*|\s+en\s+|\s+)){1,12})", text):
        for m in re.finditer(rf"{CAP}(?:-{CAP})*", lst.group(1)):
            code = gz.ref.province_names.get(m.group())
            if code is None:
                continue
            start = lst.start(1) + m.start()
            out.append(
                Mention(
                    start,
                    start + len(m.group()),
                    m.group(),
                    "Province",
                    "gazetteer-province-list",
                    priority=62,
                    confidence=0.9,
                    canonical=gz.ref.provinces[code].name,
                    attrs={"code": code},
                )
            )
    return out


PLACE_RULES: tuple[Callable[[Gazetteer, str], list[Mention]], ...] = (
    _municipalities,
    _former_municipalities,
    _provinces,
    _listed_provinces,
    _compass_regions,
    _regio_regions,
    _area_compounds,
    _listed_regions,
)


def places(gz: Gazetteer, text: str) -> list[Mention]:
    """Every place rule over the text: municipalities, provinces and regions."""
    out: list[Mention] = []
    for rule in PLACE_RULES:
        out += rule(gz, text)
    current = [m for m in out if m.rule in {"gazetteer-municipality", "gazetteer-gemeente"}]
    return [m for m in out if m.rule != "gazetteer-former" or not _inside_longer(m, current)]


def _inside_longer(m: Mention, others: list[Mention]) -> bool:
    """A former municipality's name inside a current one's ("Oud-Zandwaard" in "Nieuw Oud-Zandwaard") is
    no mention of it."""
    return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in others)
