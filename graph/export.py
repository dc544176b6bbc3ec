"""The JSON interchange format (`stakegraph-graph/1`, see docs in the README).

One function builds the dict, one writes it; output is deterministic (sorted, fixed key order)
so that ingesting the same input twice gives a byte-identical file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .model import CoMention, Document, Entity, Relation

__all__ = ["FORMAT", "dumps", "interchange", "load", "write_atomic"]

FORMAT = "stakegraph-graph/1"


def interchange(
    documents: Iterable[Document],
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    co_mentions: Iterable[CoMention] = (),
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "documents": [
            {"id": d.id, "name": d.name, "path": d.path, "title": d.title, "chars": d.chars}
            | ({"date": d.date} if d.date else {})
            for d in sorted(documents, key=lambda d: (d.name, d.path))
        ],
        "entities": [e.to_dict() for e in sorted(entities, key=lambda e: e.id)],
        "relations": [r.to_dict() for r in sorted(relations, key=lambda r: r.key)],
        "co_mentions": [c.to_dict() for c in sorted(co_mentions, key=lambda c: (c.source, c.target))],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def load(path: str | Path) -> dict[str, Any]:
    """Read an interchange file (the inverse of `dumps`), checking it is one."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "entities" not in data or "relations" not in data:
        raise ValueError(f"{path} is not a stakegraph graph JSON file")
    return data
