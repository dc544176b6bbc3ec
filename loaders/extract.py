"""Text in, `DocumentFacts` out: run the pipeline and turn its findings into graph facts.

Relations found more than once in a document become one relation with several pieces of
evidence; entities that take part in no relation are kept (a mention is a fact too), and every
pair of entities named in one sentence adds to the separate co-mention network.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import combinations
from typing import cast

from ..graph.model import RELATION_ENDS, CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .calibration import RELATION_FLOOR, UNSEEN_RATIO
from .pipeline import MAX_COLLABORATORS, Extraction, RelationRules, RelationSettings, build_nlp
from .relation_model import MODEL_RULE, model_candidates
from .relations import Candidate
from .text import resolved_by_sentence
from .unify import unify

# MAX_COLLABORATORS (sg_relations' default, now in pipeline.py) stays importable from here
__all__ = ["MAX_COLLABORATORS", "Extractor", "document_facts"]


def _without_crowds(candidates: list[Candidate], most: int = MAX_COLLABORATORS) -> list[Candidate]:
    """The candidates less the pairwise collaborations one rule read among too many parties at once.
    A star is no crowd: "X werkt samen met A, B, ... en H" pairs X with each, however long the list."""
    pairs: dict[tuple[int, str], list[frozenset[str]]] = defaultdict(list)
    for c in candidates:
        if c.type == "COLLABORATES_WITH":
            pairs[(c.sentence.start, c.rule)].append(frozenset((c.source, c.target)))
    crowded = {
        key
        for key, found in pairs.items()
        if len(frozenset.union(*found)) > most and not frozenset.intersection(*found)
    }
    return [
        c for c in candidates if c.type != "COLLABORATES_WITH" or (c.sentence.start, c.rule) not in crowded
    ]


def _members_do_not_pair(relations: list[Relation]) -> list[Relation]:
    """ "De samenwerking tussen A, B en C" where A, B and C are members of one named body: the text
    speaks of that body's cooperation, and its parties are its members, not each other's
    collaborators (SCHEMA: no pairwise COLLABORATES_WITH for that pattern)."""
    bodies: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        if r.type == "MEMBER_OF":
            bodies[r.source].add(r.target)
    return [
        r
        for r in relations
        if r.type != "COLLABORATES_WITH"
        or not bodies[r.source] & bodies[r.target]
        or any(ev.rule != "collab-tussen" for ev in r.evidence)
    ]


def _learned(c: Candidate) -> bool:
    return c.rule.startswith(MODEL_RULE)


def _strongest(rated: tuple[float, Candidate]) -> tuple[float, str]:
    return (-rated[0], rated[1].rule)


class Extractor:
    def __init__(
        self,
        nlp: str | None = None,
        calibrate: bool = True,
        learned: bool = True,
        config: dict[str, dict] | None = None,
    ) -> None:
        """`nlp`: an installed spaCy pipeline whose recogniser to add; `calibrate`, `learned`: the
        sg_relations settings of those names; `config`: further settings by component name (the
        factories in pipeline.py document them)."""
        config = {name: dict(settings) for name, settings in (config or {}).items()}
        config.setdefault("sg_relations", {}).update(calibrate=calibrate, learned=learned)
        self.nlp = build_nlp(nlp, config)

    @property
    def _rules(self) -> RelationRules:
        return cast(RelationRules, self.nlp.get_pipe("sg_relations"))

    @property
    def calibration(self) -> dict[str, float]:
        """Rule -> confidence measured on annotated real pages (see calibration.py); settable."""
        return self._rules.settings.calibration

    @calibration.setter
    def calibration(self, table: dict[str, float]) -> None:
        self._rules.settings = replace(self._rules.settings, calibration=table)

    @property
    def model(self) -> dict:
        """Relation type -> the learned pair model that reads what the rules miss; settable."""
        return self._rules.settings.model

    @model.setter
    def model(self, models: dict) -> None:
        self._rules.settings = replace(self._rules.settings, model=models)

    def extract(self, text: str, document: Document) -> DocumentFacts:
        return self.facts(self.read(text), document)

    def read(self, text: str) -> Extraction:
        """What the pipeline found in the text: sentences, mentions, entities and rule candidates."""
        doc = self.nlp.make_doc(text)
        doc.user_data["sg_text"] = text  # the text the doc was made of: spaCy's doc.text rebuilds it
        state: Extraction = self.nlp(doc)._.sg
        return state

    def facts(self, state: Extraction, document: Document) -> DocumentFacts:
        return document_facts(state, document)


def document_facts(state: Extraction, document: Document) -> DocumentFacts:
    """The graph facts of one read document: rule candidates, plus what the learned model reads,
    under the settings sg_relations read it with."""
    settings = state.settings or RelationSettings()
    unify(state)
    entities = [
        Entity(
            id=r.key,
            type=r.type,
            name=r.name,
            aliases=sorted(r.aliases),
            documents=[document.name],
            mentions=r.mentions,
            attributes=dict(sorted(r.attributes.items())),
        )
        for r in sorted(state.records.values(), key=lambda r: r.key)
    ]
    types = {e.id: e.type for e in entities}
    # named, never related: political parties, and the coalition agreement they sign
    parties = {e.id for e in entities if {"political_party", "coalition_agreement"} & set(e.attributes)}
    groups: dict[tuple, list] = defaultdict(list)
    learned = model_candidates(state.sentences, state.mentions, state.relations, settings.model)
    for c in _without_crowds(state.relations, settings.max_collaborators) + learned:
        ends = RELATION_ENDS[c.type]
        if (
            types.get(c.source) in ends[0]
            and types.get(c.target) in ends[1]
            and not {c.source, c.target} & parties
        ):
            rel = Relation(c.type, c.source, c.target, c.role)
            groups[rel.key].append(c)
    read = (_relation(key, cands, document, settings.calibration) for key, cands in sorted(groups.items()))
    relations = _members_do_not_pair([r for r in read if r is not None])
    co_mentions = _co_mentions(state, document)
    return DocumentFacts(document=document, entities=entities, relations=relations, co_mentions=co_mentions)


def _relation(
    key: tuple, cands: list[Candidate], document: Document, calibration: dict[str, float]
) -> Relation | None:
    """One relation from its candidates: rated by calibration, one piece of evidence per sentence."""
    # one piece of evidence per sentence: the strongest rule that read it there
    evidence: dict[int, Evidence] = {}
    # a rule measured to be right less often than RELATION_FLOOR on real pages gives no fact
    rated = [(calibration.get(c.rule, c.confidence), c) for c in cands]
    rated = [(v, c) for v, c in rated if c.rule not in calibration or v >= RELATION_FLOOR]
    if calibration:  # what the confidence means on pages the rules were not tuned on
        # (the model's confidence was measured on pages held out from its training)
        rated = [(v if _learned(c) else round(v * UNSEEN_RATIO, 4), c) for v, c in rated]
    rated.sort(key=_strongest)
    if not rated:
        return None
    for confidence, c in rated:
        ev = Evidence(
            document.name,
            c.sentence.start,
            c.sentence.end,
            " ".join(c.sentence.text.split()),
            c.rule,
            confidence,
        )
        evidence.setdefault(ev.start, ev)
    # the strongest reading: on unseen pages a fact read in several sentences was no more often
    # right than one read once (the same rule repeats the same mistake), so no noisy-or boost
    confidence = max(e.confidence for e in evidence.values())
    statuses = [c.status for c in cands if c.status]
    best = rated[0][1]
    return Relation(
        type=key[0],
        source=key[1],
        target=key[2],
        role=best.role,
        role_class=best.role_class,
        status=("current" if "current" in statuses else "former") if statuses else None,
        confidence=confidence,
        evidence=sorted(evidence.values(), key=lambda e: (e.start, e.rule)),
    )


def _co_mentions(state: Extraction, document: Document) -> list[CoMention]:
    """Every pair of entities named in one sentence, with how many sentences name both."""
    co: dict[tuple[str, str], int] = defaultdict(int)
    for here in resolved_by_sentence(state.sentences, state.mentions):
        keys = sorted({str(m.key) for m in here})
        for a, b in combinations(keys, 2):
            co[(a, b)] += 1
    return [CoMention(a, b, w, [document.name]) for (a, b), w in sorted(co.items())]
