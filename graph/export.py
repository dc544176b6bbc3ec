"""The JSON interchange format (`stakegraph-graph/1`, see docs in the README).

One function builds the dict, one writes it; output is deterministic (sorted, fixed key order)
so that ingesting the same input twice gives a byte-identical file.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from .atomic import atomic_binary, write_atomic
from .model import CoMention, Document, Entity, Relation

__all__ = ["FORMAT", "dumps", "interchange", "load", "write_atomic"]

FORMAT = "stakegraph-graph/1"


def _document_dict(d: Document) -> dict[str, Any]:
    return {"id": d.id, "name": d.name, "path": d.path, "title": d.title, "chars": d.chars} | (
        {"date": d.date} if d.date else {}
    )


def interchange(
    documents: Iterable[Document],
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    co_mentions: Iterable[CoMention] = (),
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "documents": [_document_dict(d) for d in sorted(documents, key=lambda d: (d.name, d.path))],
        "entities": [e.to_dict() for e in sorted(entities, key=lambda e: e.id)],
        "relations": [r.to_dict() for r in sorted(relations, key=lambda r: r.key)],
        "co_mentions": [c.to_dict() for c in sorted(co_mentions, key=lambda c: (c.source, c.target))],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_interchange(
    out: TextIO,
    documents: Iterable[Document],
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    co_mentions: Iterable[CoMention] = (),
) -> None:
    """`dumps(interchange(...))`, byte for byte, written piece by piece: the inputs must already be
    in export order (documents by name and path, entities by id, relations by key, co-mentions by
    ends), as a store's view yields them, and are never held in memory together."""
    out.write('{\n "format": ' + json.dumps(FORMAT) + ",")
    sections: list[tuple[str, Iterable[Any]]] = [
        ("documents", (_document_dict(d) for d in documents)),
        ("entities", (e.to_dict() for e in entities)),
        ("relations", (r.to_dict() for r in relations)),
        ("co_mentions", (c.to_dict() for c in co_mentions)),
    ]
    for i, (name, items) in enumerate(sections):
        out.write(f'\n "{name}": [')
        first = True
        for item in items:
            body = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            out.write(("\n  " if first else ",\n  ") + body)
            first = False
        out.write("]" if first else "\n ]")
        out.write("," if i < len(sections) - 1 else "")
    out.write("\n}\n")


@contextmanager
def atomic_file(path: str | Path) -> Iterator[TextIO]:
    """A text file that appears under its name only when complete (graph/atomic.py)."""
    with atomic_binary(path) as raw:
        fh = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        yield fh
        fh.flush()
        fh.detach()  # atomic_binary syncs and closes the file itself


def load(path: str | Path) -> dict[str, Any]:
    """Read an interchange file (the inverse of `dumps`), checking it is one."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "entities" not in data or "relations" not in data:
        raise ValueError(f"{path} is not a stakegraph graph JSON file")
    return data
