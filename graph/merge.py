"""Derive the merged graph (one entity, one relation with all its evidence) from per-document facts.

Every store keeps facts per document and calls these functions to answer reads, so SQLite,
Neo4j and a JSON file give byte-identical exports for the same input. All choices here are
deterministic (ties broken by fixed orders), never by insertion order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from .model import ENTITY_TYPES, CoMention, DocumentFacts, Entity, Evidence, Relation

_TYPE_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}


def combine_confidence(values: Iterable[float]) -> float:
    """Noisy-or: independent pieces of evidence make a fact more likely, never less."""
    miss = 1.0
    for v in values:
        miss *= 1.0 - max(0.0, min(1.0, v))
    return round(1.0 - miss, 4)


def remap_facts(
    f: DocumentFacts, mapping: dict[str, str], rejected: set[str] | frozenset[str] = frozenset()
) -> DocumentFacts:
    """One document's facts with entity ids renamed (merged) and some entities dropped."""
    if not mapping and not rejected:
        return f

    def m(eid: str) -> str:
        return mapping.get(eid, eid)

    entities: dict[str, Entity] = {}
    for e in sorted(f.entities, key=lambda e: e.id in mapping):  # a target keeps its own name and type
        if e.id in rejected or m(e.id) in rejected:
            continue
        new_id = m(e.id)
        if new_id in entities:
            kept = entities[new_id]
            kept.aliases = sorted((set(kept.aliases) | set(e.aliases) | {e.name}) - {kept.name})
            kept.mentions += e.mentions
        else:
            entities[new_id] = Entity(
                new_id, e.type, e.name, list(e.aliases), list(e.documents), e.mentions, dict(e.attributes)
            )
    relations: dict[tuple, Relation] = {}
    for r in f.relations:
        s, t = m(r.source), m(r.target)
        if s == t or {s, t} & rejected or {r.source, r.target} & rejected:
            continue
        nr = Relation(r.type, s, t, r.role, r.role_class, r.status, r.confidence, list(r.evidence))
        if nr.key in relations:
            relations[nr.key].evidence += [e for e in nr.evidence if e not in relations[nr.key].evidence]
            relations[nr.key].confidence = max(relations[nr.key].confidence, nr.confidence)
        else:
            relations[nr.key] = nr
    co: dict[tuple[str, str], CoMention] = {}
    for c in f.co_mentions:
        s, t = m(c.source), m(c.target)
        if s == t or {s, t} & rejected or {c.source, c.target} & rejected:
            continue
        nc = CoMention(s, t, c.weight, list(c.documents))
        if (nc.source, nc.target) in co:
            co[(nc.source, nc.target)].weight += nc.weight
        else:
            co[(nc.source, nc.target)] = nc
    return DocumentFacts(f.document, list(entities.values()), list(relations.values()), list(co.values()))


def _is_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}(?:/[a-z])?", name))


def acronym_claims(entities: Iterable[Entity]) -> Iterator[tuple[str, str, str]]:
    """(acronym, entity id, kind) for one document's organisations: kind "full" where a full name
    carries the acronym as an alias, "short" where the acronym is all the document calls it."""
    for e in entities:
        if e.type != "Organization":
            continue
        if " " in e.name:
            for a in e.aliases:
                if _is_acronym(a):
                    yield a, e.id, "full"
        if _is_acronym(e.name):
            yield e.name, e.id, "short"


def acronym_mapping(claims: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Which acronym-only entities are the one organisation named in full with that acronym."""
    full: dict[str, set[str]] = defaultdict(set)
    short: list[tuple[str, str]] = []
    for acronym, eid, kind in claims:
        if kind == "full":
            full[acronym].add(eid)
        else:
            short.append((acronym, eid))
    mapping = {}
    for acronym, eid in short:
        if len(full.get(acronym, ())) == 1:
            target = next(iter(full[acronym]))
            if target != eid:
                mapping[eid] = target
    return mapping


def unify_acronyms(facts: list[DocumentFacts]) -> list[DocumentFacts]:
    """An organisation one document knows only by its acronym ("HAN") is the one another document
    names in full with that acronym ("Hogeschool Arnhem en Nijmegen (HAN)"), when exactly one does.

    Done at read time over all documents, so the result does not depend on ingest order.
    """
    mapping = acronym_mapping(c for f in facts for c in acronym_claims(f.entities))
    return [remap_facts(f, mapping) for f in facts] if mapping else facts


def _in_document_order(facts: Iterable[DocumentFacts]) -> list[DocumentFacts]:
    """A fixed order for "first one wins" choices, so every store gives the same merged graph."""
    return sorted(facts, key=lambda f: (f.document.name, f.document.path, f.document.id))


def merge_entities(facts: Iterable[DocumentFacts]) -> list[Entity]:
    """One entity per id: the most used name, the most mentioned type, all surface forms as aliases."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    documents: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    attributes: dict[str, dict] = defaultdict(dict)
    for f in _in_document_order(facts):  # the first document's attribute wins: never a store's row order
        for e in f.entities:
            names[e.id][e.name] += max(1, e.mentions)
            types[e.id][e.type] += max(1, e.mentions)
            aliases[e.id].update(e.aliases)
            aliases[e.id].add(e.name)
            documents[e.id].update(e.documents or [f.document.name])
            mentions[e.id] += e.mentions
            for k, v in sorted(e.attributes.items()):
                attributes[e.id].setdefault(k, v)
    merged = []
    for eid in sorted(names):
        name = max(names[eid].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        etype = max(types[eid].items(), key=lambda kv: (kv[1], -_TYPE_ORDER.get(kv[0], 99)))[0]
        merged.append(
            Entity(
                id=eid,
                type=etype,
                name=name,
                aliases=sorted(aliases[eid] - {name}),
                documents=sorted(documents[eid]),
                mentions=mentions[eid],
                attributes=dict(sorted(attributes[eid].items())),
            )
        )
    return merged


def merge_relations(facts: Iterable[DocumentFacts]) -> list[Relation]:
    """One relation per (type, source, target, role), with the evidence of every document that states it.

    Status: "current" if any document states it as current, since a former position is usually
    mentioned *because* there is a newer one, which then carries its own relation.
    """
    groups: dict[tuple[str, str, str, str], list[Relation]] = defaultdict(list)
    for f in _in_document_order(facts):
        for r in f.relations:
            groups[r.key].append(r)
    merged = []
    for key in sorted(groups):
        rels = groups[key]
        evidence: dict[tuple, Evidence] = {}
        for r in rels:
            for ev in r.evidence:
                evidence.setdefault((ev.document, ev.start, ev.end, ev.rule), ev)
        statuses = {r.status for r in rels if r.status}
        status = "current" if "current" in statuses else (sorted(statuses)[0] if statuses else None)
        role_classes = sorted({r.role_class for r in rels if r.role_class})
        merged.append(
            Relation(
                type=key[0],
                source=key[1],
                target=key[2],
                role=rels[0].role,
                role_class=role_classes[0] if role_classes else None,
                status=status,
                confidence=combine_confidence(r.confidence for r in rels),
                evidence=sorted(evidence.values(), key=lambda e: (e.document, e.start, e.end, e.rule)),
            )
        )
    return merged


def merge_co_mentions(facts: Iterable[DocumentFacts]) -> list[CoMention]:
    """Sum same-sentence co-mention weights over documents."""
    weight: Counter[tuple[str, str]] = Counter()
    documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in facts:
        for c in f.co_mentions:
            weight[(c.source, c.target)] += c.weight
            documents[(c.source, c.target)].update(c.documents or [f.document.name])
    return [
        CoMention(source=s, target=t, weight=weight[(s, t)], documents=sorted(documents[(s, t)]))
        for s, t in sorted(weight)
    ]


def summarize(
    documents: int, entities: list[Entity], relations: list[Relation], co_mentions: list[CoMention]
) -> dict[str, Any]:
    """Counts by kind and type: what `stakegraph stats` prints for any store."""
    return {
        "documents": documents,
        "entities": len(entities),
        "relations": len(relations),
        "evidence": sum(len(r.evidence) for r in relations),
        "co_mentions": len(co_mentions),
        "entity_types": dict(sorted(Counter(e.type for e in entities).items())),
        "relation_types": dict(sorted(Counter(r.type for r in relations).items())),
    }
