"""The relation extractor: runs the rule families in the order they depend on each other."""

from __future__ import annotations

from ..text import Mention, Sentence
from .common import Candidate, Context, own_organisation
from .cooperation import CooperationRules
from .groups import GroupRules
from .locations import LocationRules
from .membership_cues import membership_cues
from .positions import PositionRules


class RelationExtractor(PositionRules, CooperationRules, GroupRules, LocationRules):
    """All relation rules over one document's sentences and resolved mentions."""

    def __init__(self, adjectives: dict[str, set[str]] | None = None) -> None:
        self.adjectives = adjectives or {}  # "Rotterdamse" -> {GM0599}; "Utrechtse" -> {GM0344, PV26}

    def extract(
        self, text: str, sentences: list[Sentence], mentions: list[Mention], types: dict[str, str]
    ) -> list[Candidate]:
        ctx = Context(text, sentences, mentions, types)
        ctx.own_org = own_organisation(text, mentions)
        out: list[Candidate] = []
        per_sentence = [[m for m in ctx.in_sentence(i) if m.end <= s.end] for i, s in enumerate(sentences)]
        # pass 1: positions (they tell who speaks for which organisation)
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            found = self.positions(ctx, i, s, ms)
            out += found
            for c in found:
                if c.type == "HOLDS_POSITION":
                    lst = ctx.positions.setdefault(c.source, [])
                    if c.target not in lst:
                        lst.append(c.target)
        self._speakers(ctx, per_sentence)
        # pass 1b: first-person and pronoun positions, now that speakers are known
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            out += self.pronoun_positions(ctx, i, s, ms)
            out += self._works_at(ctx, i, s, ms)
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            out += self._predecessors(ctx, i, s, ms, out)
        last_init = None
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            refs = self._initiative_refs(ctx, i, s, [m for m in ms if m.type == "Initiative"])
            if refs:
                last_init = max(refs)[2]
            ctx.last_initiative.append(last_init)
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            group = self.joint_work(ctx, i, s, ms) + self.group_relations(ctx, i, s, ms)
            out += group
            # "A, B en C werken samen in X" is membership of X, not pairwise collaboration
            members = any(c.type in {"MEMBER_OF", "PARTICIPATES_IN"} for c in group)
            out += self.collaborations(ctx, i, s, ms, pairwise=not members)
            if not members:
                out += self.go_together(ctx, i, s, ms) + self.agreement_with(ctx, i, s, ms)
            out += self.memberships(ctx, i, s, ms)
            out += membership_cues(ctx, i, s, ms)
            out += self.participations(ctx, i, s, ms)
            if not any(c.type == "MEMBER_OF" for c in group):  # "Deelnemers zijn ..." of a body
                out += self.paragraph_participation(ctx, i, s, ms)
            out += self.locations(ctx, i, s, ms)
        out += self.board_memberships(ctx, out)
        return [c for c in out if c.source != c.target]
