"""stakegraph: read documents into an evidence-backed knowledge graph of stakeholders.

    import stakegraph
    stakegraph.build(["interviews/"], store="graph.db")
    kg = stakegraph.KnowledgeGraph("graph.db")
    kg.entities(type="Person"); kg.to_networkx()
"""

from __future__ import annotations

import importlib
from typing import Any

from .graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .graph.store import Store, StoreError, open_store

# Imported on first use (PEP 562): ingesting pulls in the document loaders, which the CLI's start-up
# (and `import stakegraph.graph...`) should not pay for.
_LAZY = {"IngestReport": "ingest", "build": "ingest", "KnowledgeGraph": "knowledge"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "CoMention",
    "Document",
    "DocumentFacts",
    "Entity",
    "Evidence",
    "IngestReport",
    "KnowledgeGraph",
    "Relation",
    "Store",
    "StoreError",
    "build",
    "open_store",
]
__version__ = "0.1.0"
