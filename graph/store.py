"""One `Store` interface, several implementations chosen by URL (like rdflib's Store plugins).

A store persists `DocumentFacts` per document and answers reads with the merged view from
`graph.merge`. Implementations only have to persist and return per-document facts; `FactStore`
derives everything else, so a new backend cannot drift from the others in what it answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .merge import merge_co_mentions, merge_entities, merge_relations, summarize, unify_acronyms
from .model import CoMention, Document, DocumentFacts, Entity, Relation

DEFAULT_STORE = "stakegraph.db"


class StoreError(Exception):
    """A store cannot be opened or used; the message is one line a user can act on."""


@runtime_checkable
class Store(Protocol):
    url: str

    def document_for_path(self, path: str) -> Document | None: ...
    def upsert(self, facts: DocumentFacts) -> None: ...
    def delete(self, path: str) -> bool: ...
    def clear(self) -> None: ...
    def documents(self) -> list[Document]: ...
    def facts(self) -> Iterator[DocumentFacts]: ...
    def entities(self) -> list[Entity]: ...
    def relations(self) -> list[Relation]: ...
    def co_mentions(self) -> list[CoMention]: ...
    def stats(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


class FactStore:
    """Shared behaviour: reads are the merge of the stored per-document facts."""

    url: str = ""

    def facts(self) -> Iterator[DocumentFacts]:  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    def documents(self) -> list[Document]:
        return [f.document for f in self.facts()]

    def document_for_path(self, path: str) -> Document | None:
        return next((d for d in self.documents() if d.path == path), None)

    def view(self) -> list[DocumentFacts]:
        """The per-document facts as reads see them (cross-document acronyms unified)."""
        return unify_acronyms(list(self.facts()))

    def entities(self) -> list[Entity]:
        return merge_entities(self.view())

    def relations(self) -> list[Relation]:
        return merge_relations(self.view())

    def co_mentions(self) -> list[CoMention]:
        return merge_co_mentions(self.view())

    def stats(self) -> dict[str, Any]:
        facts = self.view()
        summary = summarize(
            len(facts), merge_entities(facts), merge_relations(facts), merge_co_mentions(facts)
        )
        return {"store": store_label(self.url), **summary}

    def close(self) -> None:
        pass

    def __enter__(self) -> FactStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


StoreFactory = Callable[..., Store]
_SCHEMES: dict[str, Callable[[], StoreFactory]] = {}


def register_store(scheme: str, loader: Callable[[], StoreFactory]) -> None:
    """Register a store for a URL scheme; `loader` imports lazily so unused drivers cost nothing."""
    _SCHEMES[scheme] = loader


def _sqlite() -> StoreFactory:
    from .sqlite import SQLiteStore

    return SQLiteStore


def _neo4j() -> StoreFactory:
    from .neo4j import Neo4jStore

    return Neo4jStore


register_store("sqlite", _sqlite)
for _scheme in ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"):
    register_store(_scheme, _neo4j)


def resolve_store_url(url: str | None) -> str:
    """The store URL given, else ./stakegraph.db.

    The library reads no environment variables: $STAKEGRAPH_STORE is the command line's business
    (its --store option), so a program embedding stakegraph gets the store it names and no other.
    """
    return url or DEFAULT_STORE


def open_store(url: str | None = None, *, create: bool = True, **options: Any) -> Store:
    """Open a store by URL: a file path or sqlite:///path (embedded), bolt:// or neo4j:// (server).

    With `create=False` a missing SQLite file is an error instead of a new empty graph, so a
    mistyped --store on a read command says so rather than showing nothing.
    """
    url = resolve_store_url(url)
    scheme = url.split("://", 1)[0].lower() if "://" in url else None
    if scheme is None:
        return _sqlite()(url, create=create, **options)
    if scheme not in _SCHEMES:
        known = ", ".join(sorted(_SCHEMES))
        raise StoreError(f"unknown store URL scheme '{scheme}://' (known: {known}, or a file path)")
    if scheme == "sqlite":
        return _sqlite()(sqlite_path(url), create=create, **options)
    return _SCHEMES[scheme]()(url, **options)


def sqlite_path(url: str) -> str:
    """The file of a SQLite URL, by SQLAlchemy's convention: sqlite:///rel.db -> rel.db (relative to
    the working folder), sqlite:////abs/x.db -> /abs/x.db; a plain path as is.

    `sqlite://x.db` (two slashes, a host part in URL terms) is refused rather than guessed at.
    """
    if "://" not in url:
        return url
    path = url.split("://", 1)[1]
    if not path.startswith("/") or path == "/":
        raise StoreError(f"'{url}' names no file: write sqlite:///relative.db or sqlite:////absolute/path.db")
    return path[1:]


def is_sqlite_url(url: str | None) -> bool:
    url = resolve_store_url(url)
    return "://" not in url or url.lower().startswith("sqlite://")


def store_label(url: str) -> str:
    """A URL fit for printing: never shows a password embedded in it."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{rest.split('@', 1)[1]}"
    return str(Path(url)) if "://" not in url else url
