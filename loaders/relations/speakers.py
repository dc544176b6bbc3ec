"""Who speaks: the interviewee behind "ik", the person behind "hij"/"zij", the organisation behind
"wij". Positions found in the first pass tell who speaks for which organisation.
"""

from __future__ import annotations

from ..text import Mention
from .common import Context, quoted


def antecedent(ctx: Context, i: int, pronoun: str) -> Mention | None:
    """Who "hij"/"zij" or "ik" is: the interviewee for "ik", else the last person named before."""
    if pronoun == "ik":
        key = ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
        return ctx.first_by_key.get(key) if key else None
    lo = ctx.sentences[max(0, i - 3)].start
    here = ctx.sentences[i].start
    prev = [m for m in ctx.starting_in(lo, here) if m.type == "Person"]
    return prev[-1] if prev else None


def assign_speakers(ctx: Context, per_sentence: list[list[Mention]]) -> None:
    """Per sentence, the person who speaks in the first person: the latest person with a position."""
    with_role = set(ctx.positions)
    persons = [m.key for m in ctx.by_type.get("Person", [])]
    fallback = max(set(persons), key=lambda k: (persons.count(k), -persons.index(k))) if persons else None
    if fallback and len(set(persons)) > 1 and fallback not in with_role:
        fallback = None
    current = None
    for ms in per_sentence:
        for m in ms:
            if m.type == "Person" and m.key in with_role:
                current = m.key
        ctx.speaker_at.append(current or (next(iter(with_role)) if len(with_role) == 1 else fallback))


def speaking_org(ctx: Context, i: int, ms: list[Mention]) -> str | None:
    """Who "wij"/"onze organisatie" is: the interviewee's organisation, else the organisation the
    whole document speaks for (an annual report, a council letter, a press release)."""
    speaker = ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
    if ctx.own_org and not quoted(ctx, i):
        return ctx.own_org
    orgs = ctx.positions.get(speaker, []) if speaker else []
    munis = [o for o in orgs if ctx.types.get(o) == "Municipality"]
    fallback: list[str | None] = [ctx.own_org]
    return (munis or orgs or fallback)[0]
