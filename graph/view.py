"""The merged, curated view recomputed a few entities at a time, with exactly the result of a full merge.

A merged entity depends only on the per-document records whose ids become its id (through the
acronym mapping and the curation's splits and merges); a merged relation or co-mention only on the
records whose ends become its ends. So a store can keep the view in tables and, when documents
change, recompute just the entities and relations they touch: `IdMap` says which stored ids feed a
merged id, `recompute` runs the very functions a full read runs (`remap_facts`, `Curation.apply`,
`merge_*`) over those records only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

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


def ops_hash(curation: Curation) -> str:
    """A hash of the curation file's operations: a view built with other operations is stale."""
    return hashlib.sha256(_dumps(curation.ops if curation else {}).encode("utf-8")).hexdigest()


def signature(curation: Curation, lookup: RefLookup | None, idmap: IdMap) -> str:
    """Everything global a kept view depends on: the acronym mapping and the curation file as
    resolved against the store. A view computed under another signature is rebuilt."""
    resolved: dict[str, Any] = {}
    if lookup is not None:
        refs = sorted(curation.references())
        ids = {lookup.resolve(r) for r in refs} | set(idmap.merges.values())
        resolved = {
            "refs": {r: lookup.resolve(r) for r in refs},
            "names": {i: lookup.names.get(i) for i in sorted(i for i in ids if i)},
            "ops": curation.ops,
        }
    data = {
        "acronyms": sorted(idmap.acronyms.items()),
        "merges": sorted(idmap.merges.items()),
        "rejected": sorted(idmap.rejected),
        "splits": sorted(idmap.splits),
        **resolved,
    }
    return hashlib.sha256(_dumps(data).encode("utf-8")).hexdigest()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def weighted_chunks(
    ids: list[str], record_counts: Callable[[list[str]], dict[str, int]], batch: int, most_ids: int,
    most_records: int,
) -> Iterator[set[str]]:
    """The ids in chunks of at most `most_ids`, fewer where they bring many records along (a
    municipality named in thousands of documents brings thousands of records and co-mentions), so
    one recompute step stays bounded in memory. `record_counts` answers `batch` ids at a time."""
    chunk: set[str] = set()
    weight = 0
    for i in range(0, len(ids), batch):
        part = ids[i : i + batch]
        counts = record_counts(part)
        for eid in part:
            chunk.add(eid)
            weight += counts.get(eid, 1)
            if len(chunk) >= most_ids or weight >= most_records:
                yield chunk
                chunk, weight = set(), 0
    if chunk:
        yield chunk
