"""Documents in, facts stored: the one place that ties loaders, curation and a store together.

Change detection is by the hash of the *extracted* text at a path: an unchanged file is not
read into the pipeline again, a changed one has its facts replaced in one transaction, and a
file that cannot be read is skipped with a reason while the rest of the run goes on.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .graph.curation import Curation
from .graph.model import Document
from .graph.store import Store, open_store
from .loaders.formats import LoadError, iter_document_paths, load_text
from .loaders.limits import Limits
from .loaders.text import document_date


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


def document_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(
    paths: Iterable[str | Path],
    store: Store | str | Path | None = None,
    *,
    curation: Curation | None = None,
    nlp: str | None = None,
    prune: bool = False,
    progress: Callable[[Path], None] | None = None,
    limits: Limits | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest files and folders into a store (default ./stakegraph.db) and report what happened.

    `nlp` names an installed spaCy pipeline whose entity recogniser is added to the rules.
    `prune` forgets documents under the given folders whose files are gone. `limits` bound file
    size and text length (default: `Limits.from_env()`). A caller that passes its own `report`
    still knows what was done when the run is interrupted (Ctrl-C) part way.
    """
    from .loaders.extract import Extractor  # heavy: only when there is something to read

    own_store = not hasattr(store, "upsert")
    st: Store = open_store(store) if own_store else store  # type: ignore[assignment,arg-type]
    curation = curation or Curation()
    limits = limits or Limits.from_env()
    report = report if report is not None else IngestReport()
    extractor: Extractor | None = None
    paths = [Path(p) for p in paths]
    seen: set[str] = set()
    try:
        for path, reason in iter_document_paths(paths):
            if progress:
                progress(path)
            if reason is not None:
                report.skipped.append((str(path), reason))
                continue
            try:
                key = str(path.resolve())
                seen.add(key)
                loaded = load_text(path, limits)
            except LoadError as exc:
                report.skipped.append((str(path), str(exc)))
                continue
            except (OSError, RuntimeError) as exc:  # resolve(): a symlink loop, a forbidden folder
                report.skipped.append((str(path), f"cannot resolve the path ({type(exc).__name__})"))
                continue
            report.warnings += [(str(path), w) for w in loaded.warnings]
            doc_id = document_id(loaded.text)
            known = st.document_for_path(key)
            if known is not None and known.id == doc_id:
                report.unchanged.append(str(path))
                continue
            document = Document(
                id=doc_id,
                name=path.name,
                path=key,
                title=loaded.title,
                chars=len(loaded.text),
                format=loaded.format,
                date=document_date(loaded.text),
            )
            if extractor is None:
                extractor = Extractor(nlp=nlp)
                # the length limit is ours (see loaders/limits.py), so spaCy's own must not come first
                extractor.nlp.max_length = max(extractor.nlp.max_length, limits.max_text_chars + 1)
            try:
                facts = extractor.extract(loaded.text, document)
            except Exception as exc:  # noqa: BLE001 - one document's extraction bug must not end the run
                report.skipped.append((str(path), _extraction_failure(exc)))
                continue
            st.upsert(curation.apply([facts])[0])
            report.ingested.append(str(path))
        if prune:
            _prune(st, paths, seen, report)
    finally:
        if own_store:
            st.close()
    return report


def _extraction_failure(exc: Exception) -> str:
    """A skip reason that names the failure without passing on a library's advice to its own users."""
    return f"extraction failed (internal error {type(exc).__name__}; please report it with the file)"


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
