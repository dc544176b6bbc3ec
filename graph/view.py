"""The merged, curated view recomputed a few entities at a time, with exactly the result of a full merge.

A merged entity depends only on the per-document records whose ids become its id (through the
acronym mapping and the curation's splits and merges); a merged relation or co-mention only on the
records whose ends become its ends. So a store can keep the view in tables and, when documents
change, recompute just the entities and relations they touch: `IdMap` says which stored ids feed a
merged id, `recompute` runs the very functions a full read runs (`remap_facts`, `Curation.apply`,
`merge_*`) over those records only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .curation import Curation, Lookup
from .merge import merge_co_mentions, merge_entities, merge_relations, remap_facts
from .model import CoMention, DocumentFacts, Entity, Relation
from .names import name_key


class RefLookup(Lookup):
    """A curation lookup that only remembers the names the curation file refers to (memory stays
    small however large the store); ids and each id's first name are kept for all."""

    def __init__(self, refs: Iterable[str]) -> None:
        super().__init__()
        self.wanted = {name_key(r) for r in refs}

    def add(self, f: DocumentFacts) -> None:
        for e in f.entities:
            self.ids.add(e.id)
            self.names.setdefault(e.id, e.name)
            for n in [e.name, *e.aliases]:
                k = name_key(n)
                if k in self.wanted:
                    self.by_name.setdefault(k, e.id)


@dataclass
class IdMap:
    """What a stored id becomes in the view: acronym mapping, then curation split, merge and reject."""

    acronyms: dict[str, str]
    merges: dict[str, str]
    rejected: set[str]
    splits: list[tuple[str, str]]  # (id, the id it becomes in some documents)

    def finals(self, raw: str) -> set[str]:
        """Every merged id records of `raw` can end up under (any document)."""
        a = self.acronyms.get(raw, raw)
        out = {self.merges.get(a, a)}
        for eid, into in self.splits:
            if eid == a:
                out.add(self.merges.get(into, into))
        return out

    def sources(self, finals: set[str]) -> set[str]:
        """The stored ids whose records may end up under any of `finals`; includes `finals`."""
        candidates = set(finals) | set(self.acronyms) | set(self.merges) | {eid for eid, _ in self.splits}
        out = set(finals)
        for c in candidates:
            if self.finals(c) & finals:
                out.add(c)
        return out

    def closure(self, finals: set[str]) -> set[str]:
        """`finals` plus every merged id that shares stored records with them (splits), so a
        recomputation never writes half of what a stored id feeds."""
        finals = set(finals)
        while True:
            more = {f for raw in self.sources(finals) for f in self.finals(raw)} - finals
            if not more:
                return finals
            finals |= more


def recompute(
    facts: list[DocumentFacts], acronyms: dict[str, str], curation: Curation, lookup: Lookup | None
) -> tuple[list[Entity], list[Relation], list[CoMention], dict[tuple[str, ...], list[str]]]:
    """The merged view of these (partial) documents' records, as a full read would compute it,
    and for each relation the names of the documents that state it (RDF provenance)."""
    facts = [remap_facts(f, acronyms) for f in facts] if acronyms else facts
    if curation:
        facts = curation.apply(facts, lookup=lookup)
    sources: dict[tuple[str, ...], set[str]] = {}
    for f in facts:
        for r in f.relations:
            sources.setdefault(r.key, set()).add(f.document.name)
    named = {k: sorted(v) for k, v in sources.items()}
    return merge_entities(facts), merge_relations(facts), merge_co_mentions(facts), named
