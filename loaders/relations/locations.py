"""Locations (LOCATED_IN): parentheses after a name, 'in', 'gevestigd in', 'ligt in', headquarters,
events that take place somewhere.
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from .common import (
    PLACES,
    Candidate,
    Context,
    SentenceRule,
    coordinated,
    coordinated_backwards,
    generic_reference,
    run_rules,
)
from .initiatives import initiative_refs

# "Zowel A als B maakt deel uit van de provincie Y", "A en B behoren tot de provincie Y"
PART_OF_PROVINCE = re.compile(
    r"\b(?:maakt|maken|maakte|maakten)\s+(?:\w+\s+)?deel\s+uit\s+van\s+de\s+provincie\s+|"
    r"\b(?:behoort|behoren|hoort|horen)\s+(?:\w+\s+)?(?:tot|bij)\s+de\s+provincie\s+",
    re.IGNORECASE,
)


def _seated_where(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "in Enschede, Deventer en Apeldoorn, waar Saxion is gevestigd": the body is in each place."""
    out = []
    for w in re.finditer(r",?\s+waar\s+(?:de\s+|het\s+)?", s.text):
        at = s.start + w.end()
        body = next(
            (m for m in ms if m.type in {"Organization", "Initiative"} and 0 <= m.start - at <= 1), None
        )
        if body is None or not re.match(
            r"\s+(?:is\s+|zijn\s+)?(?:gevestigd|zit|zitten|ligt|liggen)\b", ctx.text[body.end : s.end]
        ):
            continue
        places = [m for m in ms if m.type == "Municipality" and m.end <= s.start + w.start()]
        for p in coordinated_backwards(ctx.text, places) if places else []:
            out.append(Candidate("LOCATED_IN", body.id, p.id, s, "located-waar-gevestigd", 0.75))
    return out


def _kind_in_place(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "de Veiligheidsregio in Fryslân": the one body of that kind in the document is there."""
    out = []
    for g in re.finditer(r"\b(?:de|het)\s+([A-Za-zà-ÿ]+)\s+in\s+(?:de\s+(?:provincie|regio)\s+)?", s.text):
        body = generic_reference(ctx, g.group(1).lower())
        at = s.start + g.end()
        place = next((m for m in ms if m.type in PLACES and m.start == at), None)
        if body is not None and place is not None and body.type in {"Organization", "Initiative"}:
            out.append(Candidate("LOCATED_IN", body.id, place.id, s, "located-kind-in", 0.7))
    return out


def _part_of_province(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Municipalities said to be part of a province: every one named before the verb."""
    out = []
    for m in PART_OF_PROVINCE.finditer(s.text):
        at = s.start + m.end()
        province = next((p for p in ms if p.type == "Province" and p.start <= at < p.end + 1), None)
        if province is None:
            province = next((p for p in ms if p.type == "Province" and 0 <= p.start - at <= 1), None)
        if province is None:
            continue
        for x in ms:
            if x.type == "Municipality" and x.end <= s.start + m.start():
                out.append(Candidate("LOCATED_IN", x.id, province.id, s, "located-part-of-province", 0.75))
    return out


def _in_parenthesis(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Bergen (NH)", "Hengelo (Overijssel)": the municipality lies in the province after it."""
    out = []
    for m in ms:
        if m.type == "Municipality" and m.attrs.get("paren"):
            prov = next(
                (p for p in ms if p.type == "Province" and p.start > m.end and p.start - m.end <= 3), None
            )
            if prov:
                out.append(Candidate("LOCATED_IN", m.id, prov.id, s, "located-parenthesis", 0.9))
    return out


def _places(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type in PLACES]


def _in_place(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X, gevestigd in Y", "A en B uit Y"; a municipality lies in a province or region ("Eemnes, in
    de provincie Utrecht")."""
    out = []
    things = [m for m in ms if m.type in {"Organization", "Initiative"}]
    for p in _places(ms):
        gap_re = re.search(
            r"(?:,?\s*(?:gevestigd|actief|gelegen)\s+in|\s(?:in|uit))\s+(?:de\s+(?:regio|provincie)\s+|"
            r"(?:de|het)\s+)?$",
            ctx.text[s.start : p.start],
        )
        if not gap_re:
            continue
        pos = s.start + gap_re.start()
        subjects = things + (
            [x for x in ms if x.type == "Municipality"] if p.type in {"Province", "Region"} else []
        )
        before = sorted((x for x in subjects if x.end <= pos), key=lambda x: x.start)
        group = coordinated_backwards(ctx.text, before) if before and pos - before[-1].end <= 1 else []
        for g in group:
            out.append(Candidate("LOCATED_IN", g.id, p.id, s, "located-in", 0.7))
    return out


def _municipality_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X is de eerste gemeente in de regio Y"."""
    out = []
    places = _places(ms)
    for m in re.finditer(
        r"\b(?:gemeente|stad|dorp|kern|eiland)\s+(?:in|van)\s+(?:(?:de|het)\s+)?(?:(?:regio|provincie)\s+)?",
        s.text,
        re.IGNORECASE,
    ):
        pos = s.start + m.end()
        place = next(
            (p for p in places if p.start in (pos, pos - len("regio ")) or (p.start <= pos < p.end)), None
        )
        subj = [x for x in ms if x.type == "Municipality" and x.end <= s.start + m.start()]
        if place and subj and place.type in {"Province", "Region"}:
            out.append(Candidate("LOCATED_IN", subj[0].id, place.id, s, "located-gemeente-in", 0.7))
    return out


def _lies_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X ligt (nu) in de provincie Y", "X hoorde bij Zuid-Holland"."""
    out = []
    places = _places(ms)
    for m in re.finditer(
        r"\b(?:ligt|lag|liggen|lagen|hoort|hoorde|hoorden|valt|viel)\s+(?:\w+\s+){0,2}?(?:in|bij|onder)\s+"
        r"(?:(?:de|het)\s+)?(?:(?:provincie|regio)\s+)?",
        s.text,
    ):
        pos = s.start + m.end()
        place = next((p for p in places if p.start == pos or p.start <= pos < p.end), None)
        if place is None:
            continue
        subj = [
            x
            for x in ms
            if x.type in {"Municipality", "Organization", "Initiative"} and x.end <= s.start + m.start()
        ]
        for g in coordinated_backwards(ctx.text, subj) if subj else []:
            out.append(Candidate("LOCATED_IN", g.id, place.id, s, "located-ligt-in", 0.75))
        out += _lies_in_too(ctx, s, ms, places, place)
    return out


def _lies_in_too(
    ctx: Context, s: Sentence, ms: list[Mention], places: list[Mention], place: Mention
) -> list[Candidate]:
    """ "Leerdam en Zederik hoorden bij Zuid-Holland, Vianen al bij Utrecht": the clauses after it."""
    out = []
    for extra in re.finditer(
        r",\s*(?P<x>[^,]{2,40}?)\s+(?:al\s+|nu\s+|toen\s+)?(?:bij|in)\s+",
        ctx.text[place.end : s.end],
    ):
        a = place.end + extra.start("x")
        subj2 = next((x for x in ms if x.start == a and x.type == "Municipality"), None)
        pos2 = place.end + extra.end()
        place2 = next((p for p in places if p.start == pos2), None)
        if subj2 and place2:
            out.append(Candidate("LOCATED_IN", subj2.id, place2.id, s, "located-ligt-in", 0.7))
    return out


def _that_is_seated_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X, dat in Y is gevestigd"."""
    out = []
    places = _places(ms)
    for m in re.finditer(r"\b(?:dat|die)\s+in\s+", s.text):
        place = next((p for p in places if p.start == s.start + m.end()), None)
        if place and re.match(r"\s+(?:is\s+|zijn\s+)?gevestigd\b", ctx.text[place.end :]):
            subj = [x for x in ms if x.type in {"Organization"} and x.end <= s.start + m.start()]
            if subj:
                out.append(Candidate("LOCATED_IN", subj[-1].id, place.id, s, "located-dat-in", 0.7))
    return out


def _is_seated_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X is gevestigd in Y"."""
    out = []
    places = _places(ms)
    for m in re.finditer(r"\b(?:is|zijn)\s+gevestigd\s+in\s+", s.text):
        place = next((p for p in places if p.start == s.start + m.end()), None)
        subj = [x for x in ms if x.type in {"Organization", "Initiative"} and x.end <= s.start + m.start()]
        if place and subj:
            out.append(Candidate("LOCATED_IN", subj[0].id, place.id, s, "located-gevestigd", 0.7))
    return out


def _in_place_lies(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "... die in de provincie Y liggen": what is named before lies in Y."""
    out = []
    places = _places(ms)
    for m in re.finditer(r"\bin\s+(?:de\s+)?(?:(?:provincie|regio)\s+)?", s.text):
        place = next((p for p in places if p.start == s.start + m.end()), None)
        if place is None or not re.match(r"\s+(?:ligt|liggen|lag|lagen)\b", ctx.text[place.end :]):
            continue
        subj = [
            x
            for x in ms
            if x.type in {"Municipality", "Organization", "Initiative"}
            and x.end <= s.start + m.start()
            and x.key != place.key
        ]
        for x in subj[:2]:
            out.append(Candidate("LOCATED_IN", x.id, place.id, s, "located-ligt", 0.65))
    return out


def _headquarters(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "met het hoofdkantoor in Y"."""
    out = []
    places = _places(ms)
    for m in re.finditer(r"\b(?:hoofdkantoor|hoofdzetel|zetel|vestiging|kantoor)\s+(?:\w+\s+)?in\s+", s.text):
        place = next((p for p in places if p.start == s.start + m.end()), None)
        subj = [x for x in ms if x.type in {"Organization"} and x.end <= s.start + m.start()]
        if place and subj:
            out.append(Candidate("LOCATED_IN", subj[-1].id, place.id, s, "located-hoofdkantoor", 0.7))
    return out


def _municipalities_including(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "de zestien gemeenten in Zuid-Limburg, waaronder A, B en C"."""
    out = []
    places = _places(ms)
    for m in re.finditer(r"\bgemeenten\s+(?:in|uit|van)\s+(?:de\s+)?(?:(?:regio|provincie)\s+)?", s.text):
        pos = s.start + m.end()
        place = next((p for p in places if p.start == pos), None)
        if place is None:
            continue
        tail = re.match(r"\s*,?\s*(?:waaronder|zoals|namelijk|:)\s+", ctx.text[place.end : s.end])
        if tail:
            start = place.end + tail.end()
            for g in coordinated(
                ctx.text, [x for x in ms if x.type == "Municipality" and x.start >= start], start
            ):
                out.append(Candidate("LOCATED_IN", g.id, place.id, s, "located-waaronder", 0.7))
    return out


def _built_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "In Helmond wordt gebouwd aan INIT"."""
    t = s.text
    lead = re.match(r"\s*(?:In|Te)\s+", t)
    if lead and re.search(
        r"\b(?:wordt|worden)\s+(?:\w+\s+)?(?:gebouwd|gerealiseerd|aangelegd|ontwikkeld|"
        r"geopend|gehouden)\b|\b(?:ligt|komt|verrijst|opent)\b",
        t,
    ):
        place = next((p for p in _places(ms) if p.start == s.start + lead.end()), None)
        inits = [x for x in ms if x.type == "Initiative"]
        if place and inits:
            return [Candidate("LOCATED_IN", inits[0].id, place.id, s, "located-in-lead", 0.55)]
    return []


def _takes_place(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Op 1 mei vindt in X het congres plaats"."""
    t = s.text
    if not re.search(r"\bvind(?:t|en)\b.*\bplaats\b|\bwordt\s+gehouden\b|\bwerd\s+gehouden\b", t):
        return []
    refs = initiative_refs(ctx, i, s, [m for m in ms if m.type == "Initiative"])
    loc = re.search(r"\b(?:in|te)\s+", t)
    if refs and loc:
        place = next((p for p in _places(ms) if p.start == s.start + loc.end()), None)
        if place:
            return [
                Candidate("LOCATED_IN", key, place.id, s, "located-plaatsvinden", 0.75)
                for _, _, key in refs[:1]
            ]
    return []


# the location rules, in the order their candidates are listed
LOCATION_RULES: tuple[SentenceRule, ...] = (
    _in_parenthesis,
    _in_place,
    _part_of_province,
    _seated_where,
    _kind_in_place,
    _municipality_in,
    _lies_in,
    _that_is_seated_in,
    _is_seated_in,
    _in_place_lies,
    _headquarters,
    _municipalities_including,
    _built_in,
    _takes_place,
)


def locations(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Every location rule over one sentence."""
    return run_rules(LOCATION_RULES, ctx, i, s, ms)
