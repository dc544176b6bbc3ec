"""`KnowledgeGraph`: the merged, curated view of a store that queries, exports and the CLI read.

It reads a store's per-document facts once, applies the user's curation and merges them; every
consumer goes through here so the CLI, notebooks and exports agree on what the graph is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any, TextIO

from .graph.curation import Curation
from .graph.export import dumps, interchange, write_interchange
from .graph.merge import merge_co_mentions, merge_entities, merge_relations, summarize, unify_acronyms
from .graph.model import CoMention, Document, DocumentFacts, Entity, Relation
from .graph.names import fold, name_key
from .graph.similar import closest
from .graph.store import Store, open_store

if TYPE_CHECKING:
    import networkx as nx

    from .graph.network_stream import NetworkSource
    from .graph.sqlite_view import StoredView


class KnowledgeGraph:
    def __init__(
        self,
        store: Store | str | None = None,
        *,
        curation: Curation | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        self.store = (
            store if store is not None and not isinstance(store, str) else open_store(store, create=False)
        )
        self.curation = curation or Curation()
        self.min_confidence = min_confidence

    @classmethod
    def from_facts(cls, facts: list[DocumentFacts], **kwargs: Any) -> KnowledgeGraph:
        """A graph over facts held in memory (tests, notebooks, other tools)."""
        kg = cls.__new__(cls)
        kg.store = None  # type: ignore[assignment]
        kg.curation = kwargs.get("curation") or Curation()
        kg.min_confidence = kwargs.get("min_confidence", 0.0)
        kg.__dict__["facts"] = kg.curation.apply(unify_acronyms(facts))
        return kg

    @cached_property
    def _stored(self) -> StoredView | None:
        """The store's own merged view when it keeps one (SQLite): reads then need not load
        and merge every document."""
        make = getattr(self.store, "stored_view", None)
        return make(self.curation) if make is not None else None

    @cached_property
    def facts(self) -> list[DocumentFacts]:
        return self.curation.apply(unify_acronyms(list(self.store.facts())))

    @cached_property
    def _entities(self) -> list[Entity]:
        if self._stored is not None:
            return list(self._stored.entities())
        return merge_entities(self.facts)

    @cached_property
    def _relations(self) -> list[Relation]:
        if self._stored is not None:
            return list(self._stored.relations(min_confidence=self.min_confidence))
        return [r for r in merge_relations(self.facts) if r.confidence >= self.min_confidence]

    @cached_property
    def _by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self._entities}

    def documents(self) -> list[Document]:
        if self._stored is not None:
            return self._stored.documents()
        return sorted((f.document for f in self.facts), key=lambda d: (d.name, d.path))

    def entities(self, type: str | None = None) -> list[Entity]:
        if self._stored is not None and "_entities" not in self.__dict__:
            return list(self._stored.entities(type))
        return [e for e in self._entities if type is None or e.type == type]

    def relations(self, type: str | None = None, entity: str | None = None) -> list[Relation]:
        eid = None
        if entity is not None:
            found = self.find(entity)
            if found is None:
                return []
            eid = found.id
        if self._stored is not None and "_relations" not in self.__dict__:
            return list(self._stored.relations(type, eid, self.min_confidence))
        return [
            r
            for r in self._relations
            if (type is None or r.type == type) and (eid is None or eid in (r.source, r.target))
        ]

    def co_mentions(self) -> list[CoMention]:
        if self._stored is not None:
            return list(self._stored.co_mentions())
        return merge_co_mentions(self.facts)

    def ties(self) -> Iterator[tuple[tuple[str, str, str, str], int]]:
        """(relation key, number of pieces of evidence) of every relation, in key order: what an
        analysis graph is built from. From a store's view only the key columns are read."""
        if self._stored is not None and "_relations" not in self.__dict__:
            return self._stored.ties(self.min_confidence)
        return ((r.key, len(r.evidence)) for r in self._relations)

    def relation(self, key: tuple[str, str, str, str]) -> Relation | None:
        """One relation by its key (type, source, target, role or ""), evidence included."""
        if self._stored is not None and "_relations" not in self.__dict__:
            found = self._stored.relation(key)
            return found if found is not None and found.confidence >= self.min_confidence else None
        return self._relation_index.get(key)

    @cached_property
    def _relation_index(self) -> dict[tuple[str, str, str, str], Relation]:
        return {r.key: r for r in self._relations}

    def co_mention_weights(self) -> Iterator[tuple[str, str, int]]:
        """(source, target, weight) of every co-mention, without their documents."""
        if self._stored is not None:
            return self._stored.co_mention_weights()
        return ((c.source, c.target, c.weight) for c in self._co_mention_index.values())

    def co_mention(self, a: str, b: str) -> CoMention | None:
        """The co-mention of two entities (either order), with the documents that make it."""
        if self._stored is not None:
            return self._stored.co_mention(a, b)
        return self._co_mention_index.get((a, b) if a <= b else (b, a))

    @cached_property
    def _co_mention_index(self) -> dict[tuple[str, str], CoMention]:
        return {(c.source, c.target): c for c in self.co_mentions()}

    # -- streamed reads, for exports of a graph larger than memory ---------------------------------
    def iter_entities(self) -> Iterator[Entity]:
        """`entities()`, one at a time from a store's view (same order)."""
        if self._stored is not None and "_entities" not in self.__dict__:
            return self._stored.entities()
        return iter(self._entities)

    def iter_relations_with_sources(self) -> Iterator[tuple[Relation, list[str]]]:
        """`relations()` in the same order, each with the names of the documents that state it
        (`relation_sources`), one at a time from a store's view."""
        if self._stored is not None and "_relations" not in self.__dict__:
            return self._stored.relations_with_sources(self.min_confidence)
        sources = self.relation_sources()
        return ((r, sources.get(r.key, [])) for r in self._relations)

    def iter_co_mentions(self) -> Iterator[CoMention]:
        """`co_mentions()`, one at a time from a store's view."""
        if self._stored is not None:
            return self._stored.co_mentions()
        return iter(self.co_mentions())

    def network_source(self) -> NetworkSource:
        """The elements of the network exports (`graph.network_stream`), each call a fresh pass
        over a store's view: entities, relations reduced to what those formats keep, co-mentions."""
        from .graph.network_stream import NetworkEdge

        kg = self

        class Source:
            def entities(self) -> Iterator[Entity]:
                return kg.iter_entities()

            def relations(self, by_source: bool) -> Iterator[NetworkEdge]:
                stored = kg._stored
                if stored is not None and "_relations" not in kg.__dict__:
                    return stored.network_relations(kg.min_confidence, by_source)
                edges = (NetworkEdge.of(r) for r in kg._relations)
                if by_source:
                    return iter(sorted(edges, key=lambda r: (r.source, r.type, r.target, r.role or "")))
                return edges

            def co_mentions(self) -> Iterator[CoMention]:
                return kg.iter_co_mentions()

        return Source()

    def iter_document_facts(
        self, select: Callable[[Document], bool] | None = None
    ) -> Iterator[DocumentFacts]:
        """Each document's curated facts (`facts`), one document at a time, ordered by id; with
        `select`, only those of the documents it accepts (a store's view reads no others)."""
        if self._stored is not None and "facts" not in self.__dict__:
            return self._stored.document_facts(select)
        ordered = sorted(self.facts, key=lambda f: f.document.id)  # stable: store order within an id
        return (f for f in ordered if select is None or select(f.document))

    def weak_relation_keys(self) -> set[tuple[str, str, str, str]]:
        """Keys of the relations the confidence threshold leaves out of `relations()`."""
        if self.min_confidence <= 0:
            return set()
        if self._stored is not None and "_relations" not in self.__dict__:
            return self._stored.weak_relation_keys(self.min_confidence)
        return {r.key for r in merge_relations(self.facts) if r.confidence < self.min_confidence}

    def relation_sources(self) -> dict[tuple[str, ...], list[str]]:
        """For each relation key, the names of the documents that state it (RDF provenance)."""
        if self._stored is not None:
            return dict(self._stored.relation_sources(self.min_confidence))
        sources: dict[tuple[str, ...], set[str]] = {}
        for f in self.facts:
            for r in f.relations:
                sources.setdefault(r.key, set()).add(f.document.name)
        return {k: sorted(v) for k, v in sources.items()}

    def entity(self, entity_id: str) -> Entity | None:
        if self._stored is not None and "_by_id" not in self.__dict__:
            return self._stored.entity(entity_id)
        return self._by_id.get(entity_id)

    @cached_property
    def _name_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for e in self._entities:
            for n in {e.name, *e.aliases}:
                index.setdefault(name_key(n), []).append(e.id)
        return index

    def matches(self, name: str) -> list[Entity]:
        """Every entity `name` may mean, the most mentioned first: an id is one; a name or alias
        written out in full ("gemeente Groningen", "provincie Groningen") beats the looser match
        that ignores a leading "gemeente" or article, which may find several ("Groningen")."""
        if self._stored is not None and "_by_id" not in self.__dict__:
            exact_id = self._stored.entity(name)
            if exact_id is not None:
                return [exact_id]
            lookup = self._stored.by_name_key
        else:
            if name in self._by_id:
                return [self._by_id[name]]

            def lookup(key: str) -> list[Entity]:
                return [self._by_id[i] for i in dict.fromkeys(self._name_index.get(key, []))]

        key = name_key(name)
        candidates = lookup(key)
        exact = [e for e in candidates if fold(name) in {fold(e.name), *(fold(a) for a in e.aliases)}]
        found = exact or candidates
        if not fold(name).startswith(("gemeente ", "provincie ")):
            # "Groningen" also means the province that goes by "provincie Groningen": a bare place
            # name is ambiguous when both exist (name_key drops a leading "gemeente", not "provincie")
            seen = {e.id for e in found}
            found += [e for e in lookup(f"provincie {key}") if e.type == "Province" and e.id not in seen]
        return sorted(found, key=lambda e: (-e.mentions, e.id))

    def find(self, name: str) -> Entity | None:
        """An entity by id, name or alias, with the same normalisation extraction uses.

        Where a name is ambiguous ("Bergen"), the most mentioned entity wins; `matches` gives all.
        """
        found = self.matches(name)
        return found[0] if found else None

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """The closest known stakeholders by string similarity, one name each, for 'did you mean'."""
        if self._stored is not None and "_entities" not in self.__dict__:
            table = self._stored.names_by_id()
        else:
            table = {e.id: (e.name, *e.aliases) for e in self._entities}
        ids = closest(name, table, n=n)
        shown = [(i, table[i][0]) for i in ids]
        twice = {nm for _, nm in shown if sum(o == nm for _, o in shown) > 1}
        return [f"{nm} ({i})" if nm in twice else nm for i, nm in shown]

    def to_json(self) -> dict[str, Any]:
        """The interchange dict (`stakegraph export json`)."""
        return interchange(self.documents(), self._entities, self._relations, self.co_mentions())

    def write_json(self, out: TextIO) -> None:
        """`dumps(self.to_json())`, streamed: from a store's view nothing is held in memory at once."""
        if self._stored is None or {"_entities", "_relations"} & self.__dict__.keys():
            out.write(dumps(self.to_json()))
            return
        sv = self._stored
        relations = sv.relations(min_confidence=self.min_confidence)
        write_interchange(out, sv.documents(), sv.entities(), relations, sv.co_mentions())

    def to_networkx(self, **options: Any) -> nx.Graph:
        """The default analysis projection (see queries.projection); options as `project`."""
        from .queries.projection import project

        return project(self, **options)

    def stats(self) -> dict[str, Any]:
        if self._stored is not None:
            return self._stored.stats(self.min_confidence)
        return summarize(len(self.facts), self._entities, self._relations, self.co_mentions())
