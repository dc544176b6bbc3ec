"""A college or council presented as a list: "De beoogde wethouders zijn: Anna Smit (VVD), Gert
Mulder (SP) en Peter Schot (D66)"; "Jan Vos (SGP) en Eva Bos (VVD) zijn nieuw als wethouder".

News about a new college, council or board names its members in one list after the office in the
plural, or before the office with "als". The role rules bind one person to one role word; here every
person the list names holds the office, at the municipality (or province) the text is about.
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from ..vocabulary import ROLES
from .common import Candidate, Context
from .positions import _nearby_municipality

# office in the plural -> (the office, the kind of government it is held at)
PLURAL_OFFICES = {
    "wethouders": ("wethouder", "Municipality"),
    "raadsleden": ("raadslid", "Municipality"),
    "burgerleden": ("burgerlid", "Municipality"),
    "gedeputeerden": ("gedeputeerde", "Province"),
    "statenleden": ("statenlid", "Province"),
}
SINGULAR_OFFICES = {office: kind for office, kind in PLURAL_OFFICES.values()}

# "uit twee nieuwe wethouders: ", "De beoogde wethouders zijn: ", "drie raadsleden beëdigd die ...: "
OFFICE_THEN_LIST = re.compile(
    rf"\b(?P<office>{'|'.join(PLURAL_OFFICES)})\b(?:[^.;:!?]{{0,100}}:|\s+zijn:?)\s*", re.IGNORECASE
)
# "... zijn nieuw als wethouder", "werden geïnstalleerd als raadslid"
LIST_THEN_OFFICE = re.compile(
    rf"\s+(?:zijn|waren|worden|werden)\s+(?:[\w-]+\s+){{0,5}}?als\s+(?P<office>{'|'.join(SINGULAR_OFFICES)})\b",
    re.IGNORECASE,
)
# between two persons of the list: their party ("(VVD)", "namens de SP", "voor D66"), a comma or "en"
ITEM_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)|(?:namens|voor)\s[^,;:()]{1,60}?\)?)?\s*(?:,|\ben\b)?\s*")
CONFIDENCE = 0.7


def college_lists(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Each person of a list that an office in the plural opens, or that "zijn ... als <office>"
    closes, holds that office at the municipality (or province) of the text."""
    persons = [m for m in ms if m.type == "Person"]
    if not persons:
        return []
    out: list[Candidate] = []
    for cue in OFFICE_THEN_LIST.finditer(s.text):
        office, kind = PLURAL_OFFICES[cue.group("office").lower()]
        listed = _persons_from(ctx.text, persons, s.start + cue.end())
        if listed:
            out += _holders(s, listed, office, _employer(ctx, i, ms, kind))
    for cue in LIST_THEN_OFFICE.finditer(s.text):
        office = cue.group("office").lower()
        listed = _persons_until(ctx.text, persons, s.start + cue.start())
        if len(listed) >= 2:  # one person before "als wethouder" the role rules read already
            out += _holders(s, listed, office, _employer(ctx, i, ms, SINGULAR_OFFICES[office]))
    return out


def _persons_from(text: str, persons: list[Mention], pos: int) -> list[Mention]:
    """The persons listed from `pos` on, each after the previous one's party and a comma or "en"."""
    out: list[Mention] = []
    for p in persons:
        if p.start < pos:
            continue
        if not ITEM_GAP.fullmatch(text, pos, p.start) or (not out and p.start - pos > 3):
            break
        out.append(p)
        pos = p.end
    return out


def _persons_until(text: str, persons: list[Mention], end: int) -> list[Mention]:
    """The persons listed up to `end`, read backwards from the last one before it."""
    out: list[Mention] = []
    for p in reversed(persons):
        if p.end > end:
            continue
        if not ITEM_GAP.fullmatch(text, p.end, end):
            break
        out.insert(0, p)
        end = p.start
    return out


def _employer(ctx: Context, i: int, ms: list[Mention], kind: str) -> Mention | None:
    """The municipality (province) of the text; none where the sentence names several."""
    if len({m.key for m in ms if m.type == kind}) > 1:
        return None  # "Ede en Epe hebben nieuwe wethouders: ...": whose is whose is not said
    return _nearby_municipality(ctx, i, ms, kind)


def _holders(s: Sentence, listed: list[Mention], office: str, employer: Mention | None) -> list[Candidate]:
    if employer is None or employer.key is None:
        return []
    return [
        Candidate(
            "HOLDS_POSITION", p.id, employer.id, s, "position-college-list", CONFIDENCE,
            role=office, role_class=ROLES.get(office, "staff"), status="current",
        )
        for p in listed
    ]
