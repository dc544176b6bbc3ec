"""Documents in, facts stored: the one place that ties loaders, curation and a store together.

A run has three parts. Planning (here): walk the paths and compare each file's size and mtime
with what the store recorded; an untouched file is not even opened. Work (`ingest_worker`, run by
`dispatch` inline, in local worker processes or on a Dask cluster): read the file, hash its text,
extract facts when the hash differs. Writing (here, one writer): apply curation and store the facts,
one transaction per batch of documents. The merged graph does not depend on the order in which
workers finish, so any number of workers gives the same export.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from .dispatch import outcomes
from .graph.curation import Curation
from .graph.model import DocumentFacts
from .graph.store import Store, open_store
from .ingest_worker import INGESTED, UNCHANGED, Outcome, Task, document_id
from .loaders.formats import iter_document_paths
from .loaders.limits import Limits

__all__ = ["IngestReport", "build", "document_id", "forget"]

BATCH = 64  # documents per write transaction
RACY_SECONDS = 2.0  # a file modified this recently may change again within the same mtime tick


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    pruned: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, caveat): read all the same

    def summary(self) -> str:
        line = f"{len(self.ingested)} ingested, {len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        if self.pruned:
            line += f", {len(self.pruned)} pruned"
        return line


def build(
    paths: Iterable[str | Path],
    store: Store | str | Path | None = None,
    *,
    curation: Curation | None = None,
    nlp: str | None = None,
    prune: bool = False,
    progress: Callable[[Path], None] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    limits: Limits | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest files and folders into a store (default ./stakegraph.db) and report what happened.

    `nlp` names an installed spaCy pipeline whose entity recogniser is added to the rules.
    `prune` forgets documents under the given folders whose files are gone. `workers` > 1 reads
    and extracts in that many local processes; `scheduler` (a Dask scheduler address such as
    tcp://host:8786) sends that work to a Dask cluster instead. Either way one writer stores it.
    `limits` bound file size and text length (default: `Limits()`). A caller that passes
    its own `report` gets it filled in even when the run is interrupted (Ctrl-C) part way.
    """
    own_store = not hasattr(store, "upsert")
    st: Store = open_store(store) if own_store else store  # type: ignore[assignment,arg-type]
    curation = curation or Curation()
    paths = [Path(p) for p in paths]
    limits = limits or Limits()
    report = report if report is not None else IngestReport()
    seen: set[str] = set()
    results: list[tuple[int, str, str, str | None]] = []  # (index, kind, path, reason)
    try:
        stamps = _stamps(st)
        tasks = list(_plan(paths, stamps, nlp, seen, results, progress, limits))
        # closed here, in the main thread, also when Ctrl-C unwinds through `_write`: left to the
        # garbage collector, the worker pool would be shut down from whichever thread ran it
        with closing(outcomes(tasks, workers=workers, scheduler=scheduler)) as done:
            _write(st, done, curation, results, progress, report.warnings)
        for _, kind, path, reason in sorted(results, key=lambda r: r[0]):
            if kind == INGESTED:
                report.ingested.append(path)
            elif kind == UNCHANGED:
                report.unchanged.append(path)
            else:
                report.skipped.append((path, reason or ""))
        if prune:
            _prune(st, paths, seen, report)
        if hasattr(st, "stored_view"):  # bring the merged view up to date now, not on the first read
            st.stored_view(curation)
    finally:
        if own_store:
            st.close()
    return report


def _stamps(st: Store) -> dict[str, tuple[str, int | None, int | None]]:
    """path -> (document id, size, mtime_ns) as the store last saw the file."""
    if hasattr(st, "stamps"):
        return st.stamps()
    return {d.path: (d.id, None, None) for d in st.documents()}


def _plan(
    paths: list[Path],
    stamps: dict[str, tuple[str, int | None, int | None]],
    nlp: str | None,
    seen: set[str],
    results: list[tuple[int, str, str, str | None]],
    progress: Callable[[Path], None] | None,
    limits: Limits | None = None,
) -> Iterator[Task]:
    """The files that need a worker; unchanged ones (same size and mtime) are settled here."""
    for index, (path, reason) in enumerate(iter_document_paths(paths)):
        if reason is None:
            try:
                key = str(path.resolve())
            except (OSError, RuntimeError) as exc:  # a symlink loop, a forbidden folder on the way
                reason = f"cannot resolve the path ({type(exc).__name__})"
        if reason is not None:
            results.append((index, "skipped", str(path), reason))
            if progress:
                progress(path)
            continue
        seen.add(key)
        known = stamps.get(key)
        try:
            st = os.stat(key)
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            size, mtime = -1, None  # the worker reports why it cannot be read
        if mtime is not None and time.time() - mtime / 1e9 < RACY_SECONDS:
            mtime = None  # racily fresh: hash it next time rather than trust the timestamp
        if known is not None and mtime is not None and known[1:] == (size, mtime):
            results.append((index, UNCHANGED, str(path), None))
            if progress:
                progress(path)
            continue
        yield Task(index, str(path), key, known[0] if known else None, size, mtime, nlp, limits)


def _write(
    st: Store,
    done: Iterator[Outcome],
    curation: Curation,
    results: list[tuple[int, str, str, str | None]],
    progress: Callable[[Path], None] | None,
    warnings: list[tuple[str, str]] | None = None,
) -> None:
    """The single writer: curated facts and file stamps, one transaction per batch of documents."""
    batch: list[tuple[DocumentFacts | None, str, int, int | None]] = []
    for out in done:
        t = out.task
        results.append((t.index, out.kind, t.path, out.reason))
        if warnings is not None:
            warnings += [(t.path, w) for w in out.warnings]
        if progress:
            progress(Path(t.path))
        if out.kind == INGESTED and out.facts is not None:
            batch.append((curation.apply([out.facts])[0], t.key, t.size, t.mtime_ns))
        elif out.kind == UNCHANGED:
            batch.append((None, t.key, t.size, t.mtime_ns))
        if len(batch) >= BATCH:
            _flush(st, batch)
    _flush(st, batch)


def _flush(st: Store, batch: list[tuple[DocumentFacts | None, str, int, int | None]]) -> None:
    if not batch:
        return
    if hasattr(st, "write_batch"):
        st.write_batch(batch)
    else:
        for facts, *_ in batch:
            if facts is not None:
                st.upsert(facts)
    batch.clear()


def _prune(st: Store, paths: list[Path], seen: set[str], report: IngestReport) -> None:
    """Forget documents under the given folders whose files are gone. A file that cannot be looked
    at (a folder without permission) is not gone: it is kept, with a warning."""
    folders = []
    for p in paths:
        try:
            if p.is_dir():
                folders.append(str(p.resolve()))
        except (OSError, RuntimeError):
            continue
    for doc in st.documents():
        inside = any(doc.path.startswith(f.rstrip("/") + "/") for f in folders)
        if not inside or doc.path in seen:
            continue
        gone = _is_gone(doc.path)
        if gone is None:
            report.warnings.append((doc.path, "kept: cannot tell whether the file is still there"))
        elif gone:
            st.delete(doc.path)
            report.pruned.append(doc.path)


def _is_gone(path: str) -> bool | None:
    """True when the file is missing, False when it is there, None when access is denied."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return None
    return False


def forget(
    paths: Iterable[str | Path], store: Store, ambiguous: list[tuple[str, list[str]]] | None = None
) -> tuple[list[str], list[str]]:
    """Remove documents (by file path, or every document under a folder); returns (removed, unknown).

    A bare file name that is no path stands for a document only when exactly one has that name:
    with several (`verslag.txt` in two folders) nothing is removed and the name and its candidates
    are added to `ambiguous`, so the caller can ask for the full path.
    """
    removed, unknown = [], []
    docs = store.documents()
    for p in paths:
        key = str(Path(p).resolve())
        hits = [d.path for d in docs if d.path == key or d.path.startswith(key.rstrip("/") + "/")]
        if not hits:
            hits = [d.path for d in docs if d.name == str(p)]
            if len(hits) > 1:
                if ambiguous is not None:
                    ambiguous.append((str(p), hits))
                else:
                    unknown.append(str(p))
                continue
        if not hits:
            unknown.append(str(p))
        for h in hits:
            if store.delete(h):
                removed.append(h)
    return removed, unknown
