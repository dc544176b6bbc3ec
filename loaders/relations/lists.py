"""Coordination lists of organisations ("A, B en C") and the phrases that refer back to them.

News text lists parties with generic items mixed in ("32 gemeenten, de provincies Flevoland en
Noord-Holland en de Vervoerregio"), in parentheses ("de 4 Kop gemeenten (A, B, C en D)") and refers
to them a sentence later ("deze drie gemeenten", "beide gemeenten", "de deelnemende gemeenten").
The list grammar here skips the generic items and keeps the named ones; anaphors are resolved to
the latest list of the right size in the sentences just before. Lists are computed once per
sentence and kept in the document context's memo, so resolution stays linear in document length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text import Mention, literal_alternation
from ..vocabulary import ORG_TYPE_NOUNS
from .common import ORGLIKE, Context

NUMERALS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "beide": 2,
}
NUM = r"(?:\d{1,3}|" + "|".join(NUMERALS) + r")"

# plural nouns for kinds of parties: generic list items ("32 gemeenten", "waterschappen")
GROUP_NOUNS = (
    r"(?:[\w-]*gemeenten|provincies|waterschappen|partijen|partners|samenwerkingspartners|organisaties|"
    r"overheden|ministeries|bedrijven|ondernemers|kennisinstellingen|onderwijsinstellingen|instellingen|"
    r"corporaties|woningcorporaties|diensten|omgevingsdiensten|veiligheidsregio's|veiligheidsregio’s|"
    r"regio's|regio’s|deelnemers|leden|colleges|hoogheemraadschappen|zorgverzekeraars|zorgaanbieders|"
    r"scholen|ziekenhuizen|drinkwaterbedrijven|netbeheerders|maatschappelijke\s+organisaties)"
)
# singular generic parties the schema does not count as entities ("het Rijk", "de politie")
GENERIC_SINGULAR = (
    r"(?:rijk|rijksoverheid|politie|brandweer|defensie|bedrijfsleven|onderwijs|ggd|ghor|"
    r"gemeente|provincie|regio|waterschap|hoogheemraadschap|ambulancezorg|crisisbeheersing)"
)
GENERIC_NAMES = frozenset({"rijk", "het rijk", "rijksoverheid", "de rijksoverheid"})
TYPE_NOUN = r"[\w-]*" + literal_alternation(ORG_TYPE_NOUNS, ignore_case=True)

DET = (
    rf"(?:de|het|een|onze|hun|haar|alle|andere|overige|diverse|verschillende|enkele|voor|zowel|zoals|"
    rf"waaronder|dus|onder\s+meer|onder\s+andere|met|{NUM})"
)
ADJ = (
    r"(?!(?:met|in|van|voor|bij|aan|op|is|zijn|was|werd|wordt|die|dat|heeft|hebben|gaan|gaat|naar|uit|"
    r"door|om|te|tot|maar|ook|niet|geen|werken|werkt)\b)(?:[a-zà-ÿ][\w’'-]*|[A-Z][\w-]*(?:se|e))"
)
NOUN = rf"(?:{GROUP_NOUNS}|{GENERIC_SINGULAR}|{TYPE_NOUN}|gemeente|provincie)"
# what may stand between two names of a list, split at the separators: generic items and the
# "de gemeenten" / "provincie" that introduce the next name
CHUNK = re.compile(
    rf"(?:-{NOUN}\s+)?(?:(?:{DET})\s+){{0,3}}(?:(?:(?:{ADJ})\s+){{0,2}}{NOUN}\s+)?"
    r"(?:(?:zoals|waaronder|onder\s+meer|onder\s+andere)\s+)?",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r",|;|:|\ben\b|\bof\b|&|/|\bals\b|\(|\)|[‘’“”\"']", re.IGNORECASE)
REAL_SEPARATOR = re.compile(r",|;|:|\ben\b|\bof\b|&|/|\bals\b", re.IGNORECASE)

ANAPHOR = re.compile(
    rf"\b(?P<det>deze|die|de|beide|alle|al\s+deze)\s+(?:(?P<num>{NUM})\s+)?(?:(?P<adj>[\w’'-]+)\s+)??"
    r"(?P<noun>[\w-]*gemeenten|partijen|partners|organisaties|overheden|provincies|deelnemers|"
    r"samenwerkingspartners|[\w-]*instellingen|[\w-]*corporaties|waterschappen|diensten|omgevingsdiensten|"
    r"veiligheidsregio's|veiligheidsregio’s)\b",
    re.IGNORECASE,
)


@dataclass
class PartyList:
    """Named items of one coordination, with where the whole list (generic items included) lies."""

    items: list[Mention]
    start: int
    end: int
    others: int = 0  # generic items and names the recogniser missed

    @property
    def size(self) -> int:
        return len(self.items) + self.others


def _gap_ok(gap: str, need_separator: bool) -> bool:
    """Is `gap` only separators, generic items and name prefixes?"""
    parts = SEPARATOR.split(gap)
    if need_separator and not REAL_SEPARATOR.search(gap):
        return False
    return all(CHUNK.fullmatch(p.strip() + " " if p.strip() else "") for p in parts)


def _is_modifier(text: str, m: Mention) -> bool:
    """ "de F4-gemeenten": a name used as the first part of a compound is no item of the list."""
    return bool(re.match(r"-[a-zà-ÿ]", text[m.end : m.end + 2]))


UNKNOWN_NAME = re.compile(r"(?:[A-Z][\w&+.’'-]*\s+){0,2}[A-Z][\w&+.’'-]*\+?")


def _unknown_name(gap: str, glued: bool) -> bool:
    """A gap with names the recogniser did not know ("..., Rijkswaterstaat, ..."), between
    separators: the list goes on over them. The last part may be the head of a name the next
    mention only ends ("Ambulancezorg [Limburg]")."""
    if "(" in gap:
        return False  # "(Port of Rotterdam)": an alias in parentheses, no list items
    parts = [p.strip() for p in SEPARATOR.split(gap)]
    last_ok = (
        not parts[-1] or CHUNK.fullmatch(parts[-1] + " ") or (glued and UNKNOWN_NAME.fullmatch(parts[-1]))
    )
    return (
        bool(REAL_SEPARATOR.search(gap))
        and bool(last_ok)
        and all(CHUNK.fullmatch(p + " ") or UNKNOWN_NAME.fullmatch(p) for p in parts[:-1] if p)
    )


def _generic_items(gap: str) -> int:
    """How many items of a list a gap holds that are no recognised names ("de politie", "Rijkswaterstaat")."""
    return sum(
        1
        for p in (x.strip() for x in SEPARATOR.split(gap)[:-1])
        if p and (UNKNOWN_NAME.fullmatch(p) or re.search(rf"{NOUN}$", p, re.IGNORECASE))
    )


def _glued(text: str, m: Mention, starts: set[int]) -> bool:
    """The mention is only part of a longer name the recogniser cut: "[AgriFood] Capital",
    "Ambulancezorg [Limburg]", "het Havenbedrijf [Rotterdam]" (the word next to it is no mention)."""
    if (
        text[m.end : m.end + 1] == " "
        and re.match(r" [A-Z][\w-]*(?![\w-])", text[m.end : m.end + 30])
        and m.end + 1 not in starts
    ):
        return True
    lo = max(0, m.start - 40)
    before = re.search(r"(?P<prev>\S+)\s+(?P<w>[A-Z][\w-]*)\s+$", text[lo : m.start])
    if (
        before is None
        or any(lo + before.start("w") <= x < m.start for x in starts)
        or (before.group("prev").endswith(","))
    ):
        return False
    if before is None or re.fullmatch(r"De|Het|En|Gemeente|Provincie|Regio|Zowel|Ook", before.group("w")):
        return False
    return not before.group("prev").endswith((".", "!", "?", ":", "–", "-"))


def party_list(text: str, mentions: list[Mention], start: int, end: int) -> PartyList:
    """The list that starts at `start` (after "van", "tussen", "met", "uit", ...), read up to `end`.

    Items are organisation-like mentions; generic items between them are skipped."""
    items: list[Mention] = []
    pos = start
    last_end = start
    others = 0
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.start < pos or m.type not in ORGLIKE:
            continue
        if m.start >= end:
            break
        gap = text[pos : m.start]
        glued = _glued(text, m, starts)
        if not _gap_ok(gap, need_separator=bool(items)):
            both_municipal = items and items[-1].type == m.type == "Municipality" and not gap.strip()
            if not both_municipal and not _unknown_name(gap, glued):
                break
        others += _generic_items(gap)
        pos = last_end = m.end
        if _is_modifier(text, m) or glued:
            others += int(glued)
            continue
        if m.text.lower() in GENERIC_NAMES:
            continue
        if all(x.key != m.key for x in items):
            items.append(m)
    # generic items after the last name ("..., Prorail en twee waterschappen") belong to the list
    return PartyList(items, start, last_end, others)


def party_list_backwards(text: str, mentions: list[Mention], end: int, start: int) -> PartyList:
    """The list that ends at `end` (just before a verb), read back as far as `start`."""
    items: list[Mention] = []
    pos = end
    first = end
    for m in reversed(mentions):
        if m.end > pos or m.type not in ORGLIKE:
            continue
        if m.end <= start:
            break
        gap = text[m.end : pos]
        if items and not _gap_ok(gap, need_separator=True):
            both_municipal = items[0].type == m.type == "Municipality" and not gap.strip()
            if not both_municipal:
                break
        if not items and gap.strip() and not re.fullmatch(r"\s*(?:\([^()]{1,30}\))?\s*,?\s*", gap):
            break
        pos = first = m.start
        if _is_modifier(text, m) or m.text.lower() in GENERIC_NAMES:
            continue
        if all(x.key != m.key for x in items):
            items.insert(0, m)
    return PartyList(items, first, end)


def sentence_lists(ctx: Context, j: int) -> list[PartyList]:
    """All coordinations of two or more named parties in sentence j, computed once per sentence."""
    key = ("party-lists", j)
    cached = ctx.memo.get(key)
    if cached is None:
        s = ctx.sentences[j]
        ms = [m for m in ctx.in_sentence(j) if m.end <= s.end and m.type in ORGLIKE]
        found: list[PartyList] = []
        k = 0
        while k < len(ms):
            pl = party_list(ctx.text, ms[k:], ms[k].start, s.end)
            if len(pl.items) >= 2:
                found.append(pl)
            nxt = next((n for n in range(k + 1, len(ms)) if ms[n].start >= pl.end), len(ms))
            k = max(k + 1, nxt)
        cached = ctx.memo[key] = found
    return cached


def anaphor_count(m: re.Match[str]) -> int | None:
    num = m.group("num")
    if m.group("det").lower() == "beide":
        return 2
    if num is None:
        return None
    return int(num) if num.isdigit() else NUMERALS[num.lower()]


def is_list_anaphor(m: re.Match[str]) -> bool:
    """ "deze drie gemeenten", "beide gemeenten", "de zeven gemeenten", "de deelnemende gemeenten";
    not a bare "de gemeenten", which is as often all municipalities in general."""
    det = m.group("det").lower()
    adj = (m.group("adj") or "").lower()
    if det in {"deze", "die", "beide", "al deze"}:
        return True
    if det == "alle":
        return m.group("num") is not None
    return m.group("num") is not None or adj in {"deelnemende", "betrokken", "aangesloten", "samenwerkende"}


def resolve_anaphor(ctx: Context, i: int, m: re.Match[str], pos: int, back: int = 3) -> list[Mention]:
    """The named parties "deze drie gemeenten" (found at text offset `pos` in sentence i) refers to:
    the latest list before it in this or the `back` sentences before, of the stated size when a
    number is given; with a number and no list before, a list of that size in the next two
    sentences. "gemeenten" keeps the municipalities of a mixed list."""
    if not is_list_anaphor(m):
        return []
    count = anaphor_count(m)
    municipal = m.group("noun").lower().endswith("gemeenten")
    if count is not None:
        back = max(back, 8)  # a stated number is checked against the list: it may lie further back
    for pl in _lists_before(ctx, i, pos, back):
        items = _kept(pl, municipal)
        if len(items) >= 2 and (count is None or len(items) == count):
            return items
    if count is None:
        return []
    # "De zeven gemeenten ... hebben het akkoord ondertekend. De regio bestaat uit A, B, ... en G.":
    # with a number to check, the list may follow in the next sentences
    for pl in _lists_after(ctx, i, pos):
        items = _kept(pl, municipal)
        if len(items) == count:
            return items
    return []


def _kept(pl: PartyList, municipal: bool) -> list[Mention]:
    return [x for x in pl.items if x.type == "Municipality"] if municipal else pl.items


def _lists_before(ctx: Context, i: int, pos: int, back: int) -> Iterator[PartyList]:
    """The lists ending before `pos` in sentence i and the `back` sentences before, latest first."""
    for j in range(i, max(-1, i - back - 1), -1):
        for pl in reversed(sentence_lists(ctx, j)):
            if pl.end <= pos:
                yield pl


def _lists_after(ctx: Context, i: int, pos: int) -> Iterator[PartyList]:
    """The lists starting at or after `pos` in sentence i and the two after it, in text order."""
    for j in range(i, min(len(ctx.sentences), i + 3)):
        for pl in sentence_lists(ctx, j):
            if pl.start >= pos:
                yield pl


def anaphors_in(ctx: Context, i: int, lo: int, hi: int) -> list[Mention]:
    """Parties referred to by list anaphors between text offsets lo and hi of sentence i."""
    out: list[Mention] = []
    for m in ANAPHOR.finditer(ctx.text, lo, hi):
        for x in resolve_anaphor(ctx, i, m, m.start()):
            if all(x.key != y.key for y in out):
                out.append(x)
    return out
