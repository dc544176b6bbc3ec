"""stakegraph: read documents into an evidence-backed knowledge graph of stakeholders.

    import stakegraph
    stakegraph.build(["interviews/"], store="graph.db")
    kg = stakegraph.KnowledgeGraph("graph.db")
    kg.entities(type="Person"); kg.to_networkx()
"""

from .graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from .graph.store import Store, StoreError, open_store
from .ingest import IngestReport, build
from .knowledge import KnowledgeGraph

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
