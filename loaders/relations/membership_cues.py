"""Memberships told by small cues the sentence rules do not read.

- "De gemeenten A, B en C (ABC) zetten hun samenwerking voort": the acronym in parentheses after a
  list of municipalities names the cooperation they form.
- "Het Servicecentrum X bundelt de inkoop. Daarin werken de gemeenten A, B en C samen.": "daarin"
  points back to the body the sentence before named.
- "Zij doet dit voor alle regiogemeenten: A, B en C.": a body doing the work of the municipalities
  after the colon, named in this sentence or (a pronoun) in the one before.
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


def membership_cues(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """All three cues of one sentence."""
    return acronym_after_list(ctx, i, s, ms) + therein(ctx, i, s, ms) + work_for_list(ctx, i, s, ms)
