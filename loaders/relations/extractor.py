"""The relation extractor: an ordered list of rule-family passes over one document's context.

The order is what the families depend on: positions first (they tell who speaks for which
organisation), then the speakers, first-person and pronoun positions, predecessors, each sentence's
initiative, the group, cooperation and location rules, and board memberships from all of that.
Each pass appends its candidates to the list so far; later passes may read it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..text import Mention, Sentence
from .colleges import college_lists
from .common import Candidate, Context, own_organisation
from .cooperation import collaborations, memberships
from .groups import agreement_with, board_memberships, go_together, group_relations
from .initiatives import initiative_refs
from .joint import joint_work
from .locations import locations
from .membership_cues import membership_cues
from .participation import paragraph_participation, participations
from .positions import listed_offices, positions, predecessors, pronoun_positions, works_at
from .speakers import assign_speakers

Pass = Callable[[Context, list[Candidate]], None]


def position_pass(ctx: Context, out: list[Candidate]) -> None:
    """Role words bound to people and employers; each person's employers recorded in `ctx.positions`."""
    for i, (s, ms) in enumerate(zip(ctx.sentences, ctx.in_sentences, strict=True)):
        listed = listed_offices(ctx, i, s, ms) + college_lists(ctx, i, s, ms)
        found = _listed_first(positions(ctx, i, s, ms), listed)
        out += found
        for c in found:
            if c.type == "HOLDS_POSITION":
                lst = ctx.positions.setdefault(c.source, [])
                if c.target not in lst:
                    lst.append(c.target)


def _listed_first(found: list[Candidate], listed: list[Candidate]) -> list[Candidate]:
    """A person a list of office holders names ("de burgemeesters X van A, Y van B") holds that office
    there; what other rules bind them to in the same sentence is a misreading of the list."""
    named = {c.source for c in listed}
    return listed + [c for c in found if c.source not in named or c.type != "HOLDS_POSITION"]


def speaker_pass(ctx: Context, out: list[Candidate]) -> None:
    """Who speaks in each sentence, now that positions are known (adds no candidates)."""
    assign_speakers(ctx, ctx.in_sentences)


def pronoun_pass(ctx: Context, out: list[Candidate]) -> None:
    """First-person and pronoun positions, and "werkt bij X"."""
    for i, (s, ms) in enumerate(zip(ctx.sentences, ctx.in_sentences, strict=True)):
        out += pronoun_positions(ctx, i, s, ms)
        out += works_at(ctx, i, s, ms)


def predecessor_pass(ctx: Context, out: list[Candidate]) -> None:
    """ "Zij volgt Jan Smit op": the post held so far (read from `out`, as it grows)."""
    for i, (s, ms) in enumerate(zip(ctx.sentences, ctx.in_sentences, strict=True)):
        out += predecessors(ctx, i, s, ms, out)


def initiative_pass(ctx: Context, out: list[Candidate]) -> None:
    """Per sentence, the last initiative referred to so far (adds no candidates)."""
    last_init = None
    for i, (s, ms) in enumerate(zip(ctx.sentences, ctx.in_sentences, strict=True)):
        refs = initiative_refs(ctx, i, s, [m for m in ms if m.type == "Initiative"])
        if refs:
            last_init = max(refs)[2]
        ctx.last_initiative.append(last_init)


def cooperation_pass(ctx: Context, out: list[Candidate]) -> None:
    """Groups, collaboration, membership, participation and location, sentence by sentence."""
    for i, (s, ms) in enumerate(zip(ctx.sentences, ctx.in_sentences, strict=True)):
        out += _cooperation_in(ctx, i, s, ms)


def _cooperation_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    out = joint_work(ctx, i, s, ms) + group_relations(ctx, i, s, ms)
    # "A, B en C werken samen in X" is membership of X, not pairwise collaboration
    members = any(c.type in {"MEMBER_OF", "PARTICIPATES_IN"} for c in out)
    body_members = any(c.type == "MEMBER_OF" for c in out)
    out += collaborations(ctx, i, s, ms, pairwise=not members)
    if not members:
        out += go_together(ctx, i, s, ms) + agreement_with(ctx, i, s, ms)
    out += memberships(ctx, i, s, ms)
    out += membership_cues(ctx, i, s, ms)
    out += participations(ctx, i, s, ms)
    if not body_members:  # "Deelnemers zijn ..." of a body
        out += paragraph_participation(ctx, i, s, ms)
    out += locations(ctx, i, s, ms)
    return out


def board_pass(ctx: Context, out: list[Candidate]) -> None:
    """Board seats read off the positions and memberships found so far."""
    out += board_memberships(ctx, out)


# "A, B en C werken samen" read pairwise: the rules that read no body in the sentence
PAIRWISE_TOGETHER = {"collab-en-samen", "collab-list-samenwerken"}


def members_not_pairs(ctx: Context, out: list[Candidate]) -> None:
    """ "A en B werken samen op het terrein van de zorg. Zij hebben hiervoor X ingesteld.": where
    the text names the body both work together in, they are its members, not a pair of
    collaborators (the convention: no pairwise collaboration for that pattern)."""
    bodies: dict[str, set[str]] = {}
    for c in out:
        if c.type == "MEMBER_OF":
            bodies.setdefault(c.source, set()).add(c.target)
    out[:] = [
        c
        for c in out
        if not (c.rule in PAIRWISE_TOGETHER and bodies.get(c.source, set()) & bodies.get(c.target, set()))
    ]


# in the order they depend on each other; (name, pass)
PASSES: tuple[tuple[str, Pass], ...] = (
    ("positions", position_pass),
    ("speakers", speaker_pass),
    ("pronoun-positions", pronoun_pass),
    ("predecessors", predecessor_pass),
    ("initiatives", initiative_pass),
    ("cooperation", cooperation_pass),
    ("boards", board_pass),
    ("members-not-pairs", members_not_pairs),
)


def extract_relations(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    types: dict[str, str],
    adjectives: dict[str, set[str]] | None = None,
) -> list[Candidate]:
    """Every relation candidate in one document: the passes in order over one shared context."""
    ctx = Context(text, sentences, mentions, types, adjectives=adjectives or {})
    ctx.own_org = own_organisation(text, mentions)
    out: list[Candidate] = []
    for _name, run in PASSES:
        run(ctx, out)
    return [c for c in out if c.source != c.target]
