"""Memberships told by small cues the sentence rules do not read.

- "De gemeenten A, B en C (ABC) zetten hun samenwerking voort": the acronym in parentheses after a
  list of municipalities names the cooperation they form.
- "Het Servicecentrum X bundelt de inkoop. Daarin werken de gemeenten A, B en C samen.": "daarin"
  points back to the body the sentence before named.
- "Zij doet dit voor alle regiogemeenten: A, B en C.": a body doing the work of the municipalities
  after the colon, named in this sentence or (a pronoun) in the one before.
- "X is een samenwerkingsverband van acht gemeenten. Het gaat om A, B, ...": the counted members,
  named in the next sentence.
- "A, B en C hebben hun samenwerking verlengd. De bestuurders van de zogeheten werkregio X ...": the
  name the next sentence gives their cooperation.
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from .common import Candidate, Context
from .lists import party_list, sentence_lists

BODY_TYPES = {"Organization", "Region"}
MEMBER_TYPES = {"Municipality", "Organization"}

ACRONYM_AFTER = re.compile(r"\s*\((?P<a>[A-Z][A-Za-z0-9&-]{1,8})\)")
THEREIN = re.compile(
    r"^\s*(?:Daarin|Daarbinnen|Hierin|Hierbinnen)\b[^.;]{0,80}?\b(?:werken|werkten|zitten|zaten|"
    r"participeren|nemen|namen)\b",
)
WORK_FOR = re.compile(
    r"\b(?:doet|doen|deed|werkt|werken|voert|voeren)\b[^.;:]{0,60}?\bvoor\s+(?:alle\s+|de\s+)?"
    r"(?:\w+\s+)?(?:\w*gemeenten)\s*:\s*"
)
NAMED_NEXT = re.compile(r"^\s*(?:Het\s+gaat\s+om|Het\s+betreft|Dit\s+zijn|Dat\s+zijn|Deze\s+zijn)\b")
COUNTED = re.compile(
    r"\b(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
    r"zestien|zeventien|achttien|negentien|twintig)\s+(?:\w+\s+)?gemeenten\b",
    re.IGNORECASE,
)
SO_CALLED = re.compile(r"\b(?:de|het)\s+(?:zogeheten|zogenoemde|zogenaamde)\s+", re.IGNORECASE)
THEIR_COOPERATION = re.compile(r"\b(?:hun\s+samenwerking|werken\s+(?:\w+\s+){0,3}samen|samenwerken)\b")
PRONOUN_SUBJECT = re.compile(r"^\s*(?:Zij|Ze|Hij|Het|Die|Deze(?:\s+\w+)?)\b")


def _previous_body(ctx: Context, i: int) -> Mention | None:
    """The body the sentence before (or the one before that) names first: its subject, which a
    pronoun or "daarin" refers back to."""
    for j in (i - 1, i - 2):
        if j < 0:
            break
        s = ctx.sentences[j]
        named = [m for m in ctx.in_sentence(j) if m.end <= s.end and m.key and m.type in BODY_TYPES]
        if named:
            return named[0]
    return None


def _members(items: list[Mention], body: Mention, s: Sentence, rule: str, conf: float) -> list[Candidate]:
    return [
        Candidate("MEMBER_OF", m.key, body.key, s, rule, conf)
        for m in items
        if m.key and body.key and m.key != body.key and m.type in MEMBER_TYPES
    ]


def acronym_after_list(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "De gemeenten A, B en C (ABC)": members of the body the acronym names."""
    out: list[Candidate] = []
    for pl in sentence_lists(ctx, i):
        if len(pl.items) < 2 or any(m.type != "Municipality" for m in pl.items):
            continue
        a = ACRONYM_AFTER.match(ctx.text, pl.end)
        if a is None:
            continue
        body = next((m for m in ms if m.start == a.start("a") and m.key and m.type in BODY_TYPES), None)
        if body is not None:
            out += _members(pl.items, body, s, "member-list-acronym", 0.7)
    return out


def therein(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Daarin werken de gemeenten A, B en C samen": members of the body the sentence before named."""
    if THEREIN.match(s.text) is None or any(m.type in BODY_TYPES for m in ms):
        return []
    body = _previous_body(ctx, i)
    if body is None:
        return []
    items = [m for pl in sentence_lists(ctx, i) for m in pl.items]
    return _members(items, body, s, "member-therein", 0.65)


def work_for_list(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Zij doet dit voor alle regiogemeenten: A, B en C": the body does its members' work."""
    w = WORK_FOR.search(s.text)
    if w is None:
        return []
    pos = s.start + w.end()
    items = party_list(ctx.text, [m for m in ms if m.start >= pos], pos, s.end).items
    before = [m for m in ms if m.end <= s.start + w.start() and m.key and m.type in BODY_TYPES]
    body = before[-1] if before else _previous_body(ctx, i) if PRONOUN_SUBJECT.match(s.text) else None
    if body is None or len(items) < 2:
        return []
    return _members(items, body, s, "member-work-for-list", 0.65)


def named_next(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X is een samenwerkingsverband van acht gemeenten. Het gaat om A, B en C.": the members."""
    if i == 0 or NAMED_NEXT.match(s.text) is None or not COUNTED.search(ctx.sentences[i - 1].text):
        return []
    body = _previous_body(ctx, i)
    items = [m for pl in sentence_lists(ctx, i) for m in pl.items]
    if body is None or len(items) < 2:
        return []
    return _members(items, body, s, "member-named-next", 0.65)


def so_called(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A, B en C hebben hun samenwerking verlengd. ... de zogeheten werkregio X": the parties of the
    cooperation the sentence before told of are members of the body this one names."""
    if i == 0 or ctx.paragraph[i] != ctx.paragraph[i - 1]:
        return []
    cue = SO_CALLED.search(s.text)
    if cue is None or not THEIR_COOPERATION.search(ctx.sentences[i - 1].text):
        return []
    at = s.start + cue.end()
    body = next((m for m in ms if at <= m.start <= at + 30 and m.key and m.type in BODY_TYPES), None)
    items = [m for pl in sentence_lists(ctx, i - 1) for m in pl.items]
    if body is None or len(items) < 2:
        return []
    return _members(items, body, s, "member-so-called", 0.65)


def membership_cues(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """All the cues of one sentence."""
    return (
        acronym_after_list(ctx, i, s, ms)
        + therein(ctx, i, s, ms)
        + work_for_list(ctx, i, s, ms)
        + named_next(ctx, i, s, ms)
        + so_called(ctx, i, s, ms)
    )
