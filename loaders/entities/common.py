"""What the name recognisers share: token patterns, word tests and the choice among overlapping
candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..text import QUOTES, Mention, SpanIndex
from ..vocabulary import INITIATIVE_HEADS, ORG_HEADS, ROLES

CAP = r"[A-ZÀ-ÖØ-ÞĲ][\w’'&-]*"

TOKEN = re.compile(r"[\w’‘'&-]+|[^\w\s]", re.UNICODE)

ROLE_WORDS = {w for r in ROLES for w in r.split()}

DEPARTMENT_WORDS = {
    "afdeling",
    "team",
    "directie",
    "cluster",
    "sector",
    "domein",
    "portefeuille",
    "dienst",
    "programma's",
    "werkgroep",
}

PREPOSITIONS = {
    "bij",
    "met",
    "van",
    "voor",
    "door",
    "via",
    "naar",
    "aan",
    "binnen",
    "tussen",
    "zoals",
    "en",
    "als",
    "vanuit",
    "namens",
    "over",
    "uit",
    "op",
    "tegen",
    "richting",
    "partner",
}

ARTICLES = {"de", "het", "een", "'t", "the"}

FUNCTION_AFTER = {
    "en",
    "of",
    "in",
    "op",
    "bij",
    "van",
    "voor",
    "met",
    "is",
    "zijn",
    "heeft",
    "hebben",
    "wordt",
    "worden",
    "dat",
    "die",
    "te",
    "om",
    "als",
    "aan",
    "uit",
    "door",
    "naar",
    "tot",
    "over",
    "was",
    "werd",
    "kan",
    "gaat",
    "wil",
    "zal",
    "moet",
    "mag",
    "heb",
    "ook",
    "nog",
    "al",
    "niet",
    "zelf",
    "samen",
    "werkt",
    "spreken",
    "doet",
    "zegt",
    "noemt",
    "krijgt",
    "biedt",
    "maakt",
    "laat",
}


def has_word(text: str, words: Iterable[str]) -> bool:
    return any(w in words for w in text.lower().split())


def compound_head(word: str, heads: Iterable[str]) -> bool:
    """ "Omgevingsdienst", "Rabobank", "Woonstichting": a head at the end of a compound word."""
    w = word.lower().strip(".,")
    if isinstance(heads, frozenset):  # look up the word's endings, not every head in turn
        return any(w[-n:] in heads for n in _head_lengths(heads) if len(w) > n + 2)
    return any(w.endswith(h) and len(w) > len(h) + 2 for h in heads if len(h) >= 4)


@lru_cache(maxsize=64)
def _head_lengths(heads: frozenset[str]) -> tuple[int, ...]:
    """The lengths of the heads compound_head looks for (four letters or more)."""
    return tuple(sorted({len(h) for h in heads if len(h) >= 4}))


@lru_cache(maxsize=1 << 16)  # asked for the same words over and over, by many rules
def org_head(word: str) -> bool:
    w = word.lower().strip(".,")
    return w in ORG_HEADS or compound_head(w, ORG_HEADS)


@lru_cache(maxsize=1 << 16)
def initiative_head(word: str) -> bool:
    w = word.lower().strip(".,")
    return w in INITIATIVE_HEADS or compound_head(w, INITIATIVE_HEADS)


# streets, squares and neighbourhoods: places, not organisations
PLACE_SUFFIX = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|markt|wijk|buurt|kwartier|polder|"
    r"steeg|dreef|hof|veld)$",
    re.IGNORECASE,
)

SURNAME_PREFIXES = {
    "Oude",
    "Olde",
    "Ten",
    "Ter",
    "Te",
    "Op",
    "In",
    "Groot",
    "Klein",
    "Lange",
    "Korte",
    "Nieuwe",
}


def is_role_word(word: str) -> bool:
    w = word.lower().removesuffix("s")
    return w in ROLES or any(
        w.endswith(h)
        for h in (
            "directeur",
            "manager",
            "adviseur",
            "voorzitter",
            "onderzoeker",
            "secretaris",
            "wethouder",
            "burgemeester",
            "lector",
        )
    )


def from_match(m: re.Match[str], type_: str, rule: str, priority: int, confidence: float) -> Mention:
    """A candidate mention spanning a regex match."""
    return Mention(m.start(), m.end(), m.group(), type_, rule, priority=priority, confidence=confidence)


def place_context(text: str, pos: int) -> bool:
    before = [w.strip(QUOTES + "(,") for w in text[max(0, pos - 25) : pos].split()]
    return bool(before) and before[-1].lower() in {
        "in",
        "uit",
        "van",
        "te",
        "naar",
        "bij",
        "gemeente",
        "gemeenten",
        "buurgemeente",
        "en",
        "met",
        "regio",
        "voor",
        "rond",
        "om",
    }


def followed_by_cap(text: str, pos: int) -> bool:
    return bool(re.match(rf"\s{CAP}", text[pos : pos + 30]))


def is_generic(words: list[str]) -> bool:
    """ "College van B en W", "Raad van Bestuur": institutions named by their function, not a name."""
    joined = " ".join(words).lower()
    return bool(
        re.fullmatch(
            r"(college van b(urgemeester)? en w(ethouders)?|raad van (bestuur|toezicht|"
            r"commissarissen)|(tweede|eerste) kamer der staten-generaal)",
            joined,
        )
    )


def clean_name(name: str) -> str:
    return " ".join(name.split())


def select(cands: list[Mention]) -> list[Mention]:
    """Best non-overlapping mentions: higher priority first, then longer, then earlier."""
    chosen = SpanIndex()
    for c in sorted(cands, key=lambda m: (-m.priority, -(m.end - m.start), m.start)):
        if not chosen.overlapping(c.start, c.end):
            chosen.add(c)
    return list(chosen)
