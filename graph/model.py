"""The stakeholder graph's data model, shared by loaders, stores, queries and exports.

Facts are kept *per document* (`DocumentFacts`): that is what makes re-ingesting a changed
file replace exactly its own facts, and forgetting a file remove only what it alone supported.
The merged, cross-document view (one entity with all its evidence) is derived from these
records by `graph.merge`, so every store gives the same answer for the same input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EntityType(StrEnum):
    """The stakeholder kinds of ../shared/gold/SCHEMA.md: one definition for loaders and graph.
    Members are strings, so stored and exported values stay the plain names."""

    PERSON = "Person"
    MUNICIPALITY = "Municipality"
    PROVINCE = "Province"
    REGION = "Region"
    ORGANIZATION = "Organization"
    INITIATIVE = "Initiative"


class RelationType(StrEnum):
    HOLDS_POSITION = "HOLDS_POSITION"
    MEMBER_OF = "MEMBER_OF"
    COLLABORATES_WITH = "COLLABORATES_WITH"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    LOCATED_IN = "LOCATED_IN"


ENTITY_TYPES: tuple[str, ...] = tuple(t.value for t in EntityType)  # plain strings: click shows them
RELATION_TYPES: tuple[str, ...] = tuple(t.value for t in RelationType)
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({RelationType.COLLABORATES_WITH})
STATUSES: tuple[str, ...] = ("current", "former")

E = EntityType
# bodies: what can be a member, collaborate, employ (with Region: a regional cooperation's board)
BODIES: frozenset[str] = frozenset({E.ORGANIZATION, E.MUNICIPALITY, E.PROVINCE, E.REGION})
PLACES: frozenset[str] = frozenset({E.MUNICIPALITY, E.PROVINCE, E.REGION})
# Which entity types each relation may connect (source types, target types), as the schema defines.
RELATION_ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    RelationType.HOLDS_POSITION: (frozenset({E.PERSON}), BODIES),
    RelationType.MEMBER_OF: (
        frozenset({E.ORGANIZATION, E.MUNICIPALITY}),
        frozenset({E.ORGANIZATION, E.REGION}),
    ),
    RelationType.COLLABORATES_WITH: (BODIES, BODIES),
    # SCHEMA Conventions: every party of a multi-party agreement takes part, provinces included,
    # and a regional cooperation that signs as a party
    RelationType.PARTICIPATES_IN: (BODIES | {E.PERSON}, frozenset({E.INITIATIVE})),
    RelationType.LOCATED_IN: (frozenset({E.ORGANIZATION, E.INITIATIVE, E.MUNICIPALITY}), PLACES),
}


@dataclass(frozen=True)
class Document:
    """A source document. `id` is the hash of its extracted text, so the same text has the same id."""

    id: str
    name: str
    path: str
    title: str | None = None
    chars: int = 0
    format: str | None = None
    date: str | None = None  # ISO date when the document states one; enables --since/--until

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "path": self.path,
            "title": self.title,
            "chars": self.chars,
            "format": self.format,
            "date": self.date,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            id=d["id"],
            name=d["name"],
            path=d.get("path", d["name"]),
            title=d.get("title"),
            chars=int(d.get("chars") or 0),
            format=d.get("format"),
            date=d.get("date"),
        )


@dataclass(frozen=True)
class Evidence:
    """Where a relation was read: the sentence, its offsets in the document text and the rule."""

    document: str  # document file name, as in the interchange format
    start: int
    end: int
    sentence: str
    rule: str
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "rule": self.rule,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            document=d["document"],
            start=int(d["start"]),
            end=int(d["end"]),
            sentence=d.get("sentence", ""),
            rule=d.get("rule", ""),
            confidence=float(d.get("confidence", 0.5)),
        )


@dataclass
class Entity:
    """A stakeholder. Per document it records how that document names it; merged, all of them."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: int = 0
    attributes: dict[str, Any] = field(default_factory=dict)  # cbs_code, province, wikidata, ...

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "documents": list(self.documents),
            "mentions": self.mentions,
        }
        d.update(self.attributes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        known = {"id", "type", "name", "aliases", "documents", "mentions"}
        return cls(
            id=d["id"],
            type=d["type"],
            name=d["name"],
            aliases=list(d.get("aliases") or []),
            documents=list(d.get("documents") or []),
            mentions=int(d.get("mentions") or 0),
            attributes={k: v for k, v in d.items() if k not in known and v is not None},
        )


@dataclass
class Relation:
    """A typed relation between two entities, never without evidence."""

    type: str
    source: str
    target: str
    role: str | None = None  # the document's own words, lower case (HOLDS_POSITION)
    role_class: str | None = None  # normalised role, e.g. "executive", "chair", "researcher"
    status: str | None = None  # "current" | "former" (HOLDS_POSITION)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A symmetric relation has one canonical direction so that A~B and B~A are one fact.
        if self.type in SYMMETRIC_RELATIONS and self.target < self.source:
            self.source, self.target = self.target, self.source

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.type, self.source, self.target, self.role or "")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type, "source": self.source, "target": self.target}
        if self.role is not None:
            d["role"] = self.role
        if self.role_class is not None:
            d["role_class"] = self.role_class
        if self.status is not None:
            d["status"] = self.status
        d["confidence"] = self.confidence
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(
            type=d["type"],
            source=d["source"],
            target=d["target"],
            role=d.get("role"),
            role_class=d.get("role_class"),
            status=d.get("status"),
            confidence=float(d.get("confidence", 0.5)),
            evidence=[Evidence.from_dict(e) for e in d.get("evidence") or []],
        )


@dataclass
class CoMention:
    """Two entities named in the same sentence: a weak, weighted tie kept apart from typed relations."""

    source: str
    target: str
    weight: int = 1
    documents: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.target < self.source:
            self.source, self.target = self.target, self.source

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "weight": self.weight,
            "documents": self.documents,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CoMention:
        return cls(
            source=d["source"],
            target=d["target"],
            weight=int(d.get("weight", 1)),
            documents=list(d.get("documents") or []),
        )


@dataclass
class DocumentFacts:
    """Everything read from one document: the unit a store writes atomically and replaces as a whole."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    co_mentions: list[CoMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "co_mentions": [c.to_dict() for c in self.co_mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentFacts:
        return cls(
            document=Document.from_dict(d["document"]),
            entities=[Entity.from_dict(e) for e in d.get("entities") or []],
            relations=[Relation.from_dict(r) for r in d.get("relations") or []],
            co_mentions=[CoMention.from_dict(c) for c in d.get("co_mentions") or []],
        )
