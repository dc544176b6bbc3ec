"""The user's corrections (merge, split, rename, alias, retype, reject), kept in a TOML file.

No extractor is perfect on unseen text, so users fix it once and it stays fixed: the file is
applied to every document's facts on ingest *and* to every read, and each operation is
idempotent, so applying it twice, or to facts already curated, changes nothing.

File format (`stakegraph.toml` next to the store, or --curation FILE)::

    [[merge]]            # the second entity becomes the first
    into = "person:jan-de-vries"
    from = ["person:j-de-vries"]
    [[rename]]
    entity = "org:vng"
    name = "Vereniging van Nederlandse Gemeenten"
    [[alias]]
    entity = "org:vng"
    alias = "de Vereniging"
    [[retype]]
    entity = "org:regio-twente"
    type = "Region"
    [[reject]]
    entity = "Brandjes"   # ids or names
    [[split]]            # the entity as read from these documents is someone else
    entity = "person:anna-smit"
    documents = ["interview-2019.txt"]
    into = "person:anna-smit-2"

Entities are named by id, or by a name or alias (matched like the scorer does).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .merge import remap_facts
from .model import ENTITY_TYPES, DocumentFacts
from .names import name_key, slugify

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

OPERATIONS = ("merge", "split", "rename", "alias", "retype", "reject")
CURATION_FILE = "stakegraph.toml"


class CurationError(ValueError):
    """The curation file cannot be read or names an operation it does not know."""


@dataclass
class Curation:
    path: Path | None = None
    ops: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {op: [] for op in OPERATIONS})

    # -- file ------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None) -> Curation:
        """Read the file; a missing file is an empty curation (nothing to correct yet)."""
        if path is None:
            return cls()
        path = Path(path)
        cur = cls(path=path)
        if not path.exists():
            return cur
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CurationError(f"cannot read curation file {path}: {exc}") from None
        except RecursionError:  # tomllib recurses once per nesting level of arrays and tables
            raise CurationError(f"cannot read curation file {path}: nested too deeply") from None
        for op, items in data.items():
            if op not in OPERATIONS:
                raise CurationError(f"{path}: unknown operation [[{op}]] (known: {', '.join(OPERATIONS)})")
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise CurationError(f"{path}: [[{op}]] must be a list of tables")
            cur.ops[op] = items
        for op, items in cur.ops.items():
            for item in items:
                _check_item(path, op, item)
        for item in cur.ops["retype"]:
            if item.get("type") not in ENTITY_TYPES:
                raise CurationError(f"{path}: retype to unknown type {item.get('type')!r}")
        return cur

    def save(self) -> None:
        if self.path is None:
            raise CurationError("no curation file to write to")
        lines = ["# stakegraph curation: applied on every ingest and read. See `stakegraph --help`.", ""]
        for op in OPERATIONS:
            for item in self.ops[op]:
                lines.append(f"[[{op}]]")
                lines += [f"{k} = {_toml_value(v)}" for k, v in item.items()]
                lines.append("")
        write_atomic(self.path, "\n".join(lines))

    def add(self, op: str, **item: Any) -> None:
        if item not in self.ops[op]:
            self.ops[op].append(item)

    def __bool__(self) -> bool:
        return any(self.ops.values())

    # -- application -----------------------------------------------------------------------
    def apply(self, facts: list[DocumentFacts], lookup: Lookup | None = None) -> list[DocumentFacts]:
        """Apply every operation, in a fixed order, to a set of documents' facts.

        Names in the file are resolved over these facts, or over `lookup` when the facts are only
        part of a store (the stored view recomputes a few entities at a time).
        """
        if not self:
            return facts
        lookup = lookup or Lookup(facts)
        mapping, rejected = self._merge_map(lookup), self._rejected(lookup)
        out = []
        for f in facts:
            f = _apply_split(f, self.ops["split"], lookup)
            f = remap_facts(f, mapping, rejected)
            _keep_target_names(f, mapping, lookup)
            out.append(_apply_entity_edits(f, self.ops, lookup))
        return out

    def _merge_map(self, lookup: Lookup) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for item in self.ops["merge"]:
            into = lookup.resolve(item.get("into", ""))
            sources = item.get("from", [])
            for src in [sources] if isinstance(sources, str) else sources:
                sid = lookup.resolve(src)
                if into and sid and sid != into:
                    mapping[sid] = into
        for sid in list(mapping):  # follow chains a->b->c, stopping at cycles
            seen = {sid}
            while mapping[sid] in mapping and mapping[sid] not in seen:
                seen.add(mapping[sid])
                mapping[sid] = mapping[mapping[sid]]
        return mapping

    def _rejected(self, lookup: Lookup) -> set[str]:
        return {eid for item in self.ops["reject"] if (eid := lookup.resolve(item.get("entity", "")))}

    def references(self) -> set[str]:
        """Every entity reference (id, name or alias) the file makes."""
        refs: set[str] = set()
        for op, items in self.ops.items():
            for item in items:
                for key in ("entity", "into", "from"):
                    if op == "split" and key == "into":
                        continue  # a split's "into" is a new id, not a reference
                    value = item.get(key)
                    refs.update([value] if isinstance(value, str) else value or [])
        return refs

    def mapping(self, lookup: Lookup) -> tuple[dict[str, str], set[str], list[tuple[str, str]]]:
        """(merge mapping, rejected ids, splits as (id, new id)): what stored ids can become."""
        splits = []
        for item in self.ops["split"]:
            eid = lookup.resolve(item.get("entity", ""))
            if eid:
                intos = [item["into"]] if item.get("into") else [
                    f"{eid}-{slugify(d)}" for d in item.get("documents", [])
                ]
                splits += [(eid, into) for into in intos]
        return self._merge_map(lookup), self._rejected(lookup), splits


# The fields each operation needs; "from" and "documents" name several things, the others one.
_FIELDS = {
    "merge": ("into", "from"),
    "split": ("entity", "documents"),
    "rename": ("entity", "name"),
    "alias": ("entity", "alias"),
    "retype": ("entity", "type"),
    "reject": ("entity",),
}
_LISTS = {"from", "documents"}


def _check_item(path: Path, op: str, item: dict[str, Any]) -> None:
    """A hand-edited file must fail here with its own name, not later with a traceback."""
    for key in _FIELDS[op]:
        value = item.get(key)
        ok = isinstance(value, str) and value != ""
        if key in _LISTS:
            strings = isinstance(value, list) and all(isinstance(v, str) for v in value)
            ok = (ok and key == "from") or strings
        if not ok:
            kind = "a list of strings" if key in _LISTS else "a string"
            raise CurationError(f"{path}: [[{op}]] needs {key} = {kind} (got {item!r})")


class Lookup:
    """Resolve an id, name or alias to an entity id over the facts being curated."""

    def __init__(self, facts: list[DocumentFacts] = ()) -> None:  # type: ignore[assignment]
        self.ids: set[str] = set()
        self.by_name: dict[str, str] = {}
        self.names: dict[str, str] = {}  # id -> the name its own records give it
        for f in sorted(facts, key=lambda f: (f.document.name, f.document.path)):
            self.add(f)

    def add(self, f: DocumentFacts) -> None:
        """One more document, in (name, path) order: the first document to use a name wins."""
        for e in f.entities:
            self.ids.add(e.id)
            self.names.setdefault(e.id, e.name)
            for n in [e.name, *e.aliases]:
                self.by_name.setdefault(name_key(n), e.id)

    def resolve(self, ref: str) -> str | None:
        if ref in self.ids or ":" in ref:
            return ref
        return self.by_name.get(name_key(ref))


def _apply_split(f: DocumentFacts, items: list[dict], lookup: Lookup) -> DocumentFacts:
    mapping = {}
    for item in items:
        eid = lookup.resolve(item.get("entity", ""))
        if eid and f.document.name in item.get("documents", []):
            mapping[eid] = item.get("into") or f"{eid}-{slugify(f.document.name)}"
    return remap_facts(f, mapping, set()) if mapping else f


def _keep_target_names(f: DocumentFacts, mapping: dict[str, str], lookup: Lookup) -> None:
    """After "merge B into A", every record of the merged entity is named as A is, in every document,
    so A's name wins over B's however often B was mentioned; B's name stays an alias."""
    targets = set(mapping.values())
    for e in f.entities:
        name = lookup.names.get(e.id)
        if e.id in targets and name and e.name != name:
            e.aliases = sorted((set(e.aliases) | {e.name}) - {name})
            e.name = name


def _apply_entity_edits(f: DocumentFacts, ops: dict[str, list[dict]], lookup: Lookup) -> DocumentFacts:
    renames = {lookup.resolve(i.get("entity", "")): i.get("name") for i in ops["rename"]}
    retypes = {lookup.resolve(i.get("entity", "")): i.get("type") for i in ops["retype"]}
    aliases: dict[str | None, set[str]] = {}
    for i in ops["alias"]:
        aliases.setdefault(lookup.resolve(i.get("entity", "")), set()).add(i.get("alias", ""))
    entities = []
    for e in f.entities:  # edited copies: the caller's facts stay as they were
        e = replace(e, aliases=list(e.aliases))
        new_name, new_type = renames.get(e.id), retypes.get(e.id)
        if new_name and new_name != e.name:
            e.aliases = sorted((set(e.aliases) | {e.name}) - {new_name})
            e.name = new_name
        if new_type:
            e.type = new_type
        if e.id in aliases:
            e.aliases = sorted(set(e.aliases) | (aliases[e.id] - {e.name, ""}))
        entities.append(e)
    return DocumentFacts(f.document, entities, f.relations, f.co_mentions)


@contextmanager
def editing(path: str | Path) -> Iterator[Curation]:
    """Read-modify-write the curation file under an exclusive lock.

    Two `merge`/`reject`/`rename` commands at once would otherwise each read the file, add their
    operation and write it back, and the later write would drop the earlier one. The lock is an
    advisory `flock` on a `.lock` file beside it (never on the file itself, which is replaced);
    the file is read again once the lock is held, and written atomically before it is released.
    """
    path = Path(path)
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError as exc:
        raise CurationError(f"cannot lock curation file {path}: {exc.strerror or exc}") from None
    try:
        _lock(fd)
        cur = Curation.load(path)
        yield cur
        cur.save()
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: msvcrt locks a byte range instead
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]  # Windows only
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


# TOML basic strings may hold no control character but tab: the others are written as escapes,
# so any name a user gives (even one with a newline or ESC in it) reads back unchanged.
_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
                 "\r": "\\r"}


def _toml_value(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    out = []
    for ch in str(v):
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(f"\\u{ord(ch) if ord(ch) < 0xD800 else 0xFFFD:04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
