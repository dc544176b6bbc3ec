"""Documents in, facts stored: the one place that ties loaders, curation and a store together.

Change detection is by the hash of the *extracted* text at a path: an unchanged file is not
read into the pipeline again, a changed one has its facts replaced in one transaction, and a
file that cannot be read is skipped with a reason while the rest of the run goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .graph.curation import Curation
from .graph.model import Document
from .graph.store import Store, open_store
from .loaders.formats import LoadError, iter_document_paths, load_text
from .loaders.text import document_date


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    pruned: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = f"{len(self.ingested)} ingested, {len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        if self.pruned:
            line += f", {len(self.pruned)} pruned"
        return line


def document_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(
    paths: Iterable[str | Path],
    store: Store | str | None = None,
    *,
    curation: Curation | None = None,
    nlp: str | None = None,
    prune: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into a store (default ./stakegraph.db) and report what happened.

    `nlp` names an installed spaCy pipeline whose entity recogniser is added to the rules.
    `prune` forgets documents under the given folders whose files are gone.
    """
    from .loaders.extract import Extractor  # heavy: only when there is something to read

    own_store = not hasattr(store, "upsert")
    st: Store = open_store(store) if own_store else store  # type: ignore[assignment,arg-type]
    curation = curation or Curation()
    report = IngestReport()
    extractor: Extractor | None = None
    paths = [Path(p) for p in paths]
    seen: set[str] = set()
    try:
        for path, reason in iter_document_paths(paths):
            if progress:
                progress(path)
            key = str(path.resolve())
            if reason is not None:
                report.skipped.append((str(path), reason))
                continue
            seen.add(key)
            try:
                loaded = load_text(path)
            except LoadError as exc:
                report.skipped.append((str(path), str(exc)))
                continue
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
            try:
                facts = extractor.extract(loaded.text, document)
            except Exception as exc:  # noqa: BLE001 - one document's extraction bug must not end the run
                report.skipped.append((str(path), f"extraction failed ({type(exc).__name__}: {exc})"))
                continue
            st.upsert(curation.apply([facts])[0])
            report.ingested.append(str(path))
        if prune:
            folders = [str(p.resolve()) for p in paths if p.is_dir()]
            for doc in st.documents():
                inside = any(doc.path.startswith(f.rstrip("/") + "/") for f in folders)
                if inside and doc.path not in seen and not Path(doc.path).exists():
                    st.delete(doc.path)
                    report.pruned.append(doc.path)
    finally:
        if own_store:
            st.close()
    return report


def forget(paths: Iterable[str | Path], store: Store) -> tuple[list[str], list[str]]:
    """Remove documents (by file path, or every document under a folder); returns (removed, unknown)."""
    removed, unknown = [], []
    docs = store.documents()
    for p in paths:
        key = str(Path(p).resolve())
        hits = [d.path for d in docs if d.path == key or d.path.startswith(key.rstrip("/") + "/")]
        if not hits:
            hits = [d.path for d in docs if d.name == str(p)]
        if not hits:
            unknown.append(str(p))
        for h in hits:
            if store.delete(h):
                removed.append(h)
    return removed, unknown
