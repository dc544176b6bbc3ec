"""The part of ingest that runs away from the store: read one file, hash its text, extract its facts.

Everything here is a top-level function over plain picklable values, so the same code runs inline,
in a local process pool (spawned, not forked) or on a Dask worker on another machine. A worker never
touches the store: it gets the id the store knows for the path and returns an `Outcome` that the
single writer in `ingest.py` applies.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .graph.model import Document, DocumentFacts
from .loaders.formats import LoadError, load_text
from .loaders.limits import Limits
from .loaders.text import document_date

if TYPE_CHECKING:
    from .loaders.extract import Extractor

INGESTED, UNCHANGED, SKIPPED = "ingested", "unchanged", "skipped"


@dataclass(frozen=True)
class Task:
    """One file to look at. `known_id` is the id the store has for this path (None: new path)."""

    index: int  # position in the run's file order, so reports come out in that order
    path: str  # as the user named it (for messages)
    key: str  # the resolved path the store keys the document by
    known_id: str | None
    size: int
    mtime_ns: int | None  # None when the file is too fresh to trust its timestamp next time
    nlp: str | None = None
    limits: Limits | None = None  # None: the defaults


@dataclass
class Outcome:
    task: Task
    kind: str  # INGESTED, UNCHANGED or SKIPPED
    reason: str | None = None
    facts: DocumentFacts | None = None
    warnings: tuple[str, ...] = ()  # read, but with a caveat for the user (bytes replaced)


def document_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


# One extractor per process and pipeline name: building the spaCy pipeline is the costly part.
_EXTRACTORS: dict[str | None, Extractor] = {}


def extractor(nlp: str | None) -> Extractor:
    if nlp not in _EXTRACTORS:
        from .loaders.extract import Extractor  # heavy (spaCy): only when a file needs extraction

        _EXTRACTORS[nlp] = Extractor(nlp=nlp)
    return _EXTRACTORS[nlp]


def run_task(task: Task) -> Outcome:
    """Load, hash and (when the text changed) extract one file; never raises for a bad document."""
    limits = task.limits or Limits()
    try:
        loaded = load_text(task.key, limits)
    except LoadError as exc:
        return Outcome(task, SKIPPED, str(exc))
    doc_id = document_id(loaded.text)
    if doc_id == task.known_id:
        return Outcome(task, UNCHANGED, warnings=loaded.warnings)
    document = Document(
        id=doc_id,
        name=Path(task.path).name,
        path=task.key,
        title=loaded.title,
        chars=len(loaded.text),
        format=loaded.format,
        date=document_date(loaded.text),
    )
    try:
        ex = extractor(task.nlp)
        # the length limit is ours (loaders/limits.py), so spaCy's own (E088) must never come first
        ex.nlp.max_length = max(ex.nlp.max_length, limits.max_text_chars + 1)
        facts = ex.extract(loaded.text, document)
    except Exception as exc:  # noqa: BLE001 - one document's extraction bug must not end the run
        return Outcome(task, SKIPPED, _extraction_failure(exc))
    return Outcome(task, INGESTED, facts=facts, warnings=loaded.warnings)


def _extraction_failure(exc: Exception) -> str:
    """A skip reason that names the failure without passing on a library's advice to its own users."""
    return f"extraction failed (internal error {type(exc).__name__}; please report it with the file)"


def run_tasks(tasks: list[Task]) -> list[Outcome]:
    """A chunk of tasks in one call: fewer round trips to a pool or a cluster."""
    return [run_task(t) for t in tasks]
