"""The embedded SQLite store: a document's facts are replaced all at once or not at all, forgetting
a document removes only its own support, and anything that is not a store is refused with one
line a user can act on (never a traceback, never a silently "converted" file)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from stakegraph.graph.export import dumps, interchange
from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.graph.store import (
    Store,
    StoreError,
    is_sqlite_url,
    open_store,
    resolve_store_url,
    store_label,
)
from stakegraph.knowledge import KnowledgeGraph

MARIEKE, BRAM, ZWOLLE, KAMPEN = ("person:marieke-van-dalen", "person:bram-koster", "gemeente:gm0193",
                                 "gemeente:gm0166")
WINDESHEIM = "org:hogeschool-windesheim"


def facts_for(name: str, people: dict[str, str], version: str = "1") -> DocumentFacts:
    """One document naming some people, each gemeentesecretaris of Zwolle, and Zwolle working with Kampen."""
    d = Document(id=f"sha256:{name}-{version}", name=name, path=f"/stukken/{name}", title=name, chars=500,
                 format="txt")
    entities = [Entity(pid, "Person", label, [label.split()[-1]], [name], 2) for pid, label in people.items()]
    entities += [Entity(ZWOLLE, "Municipality", "Zwolle", ["gemeente Zwolle"], [name], 3,
                        {"cbs_code": "GM0193"}),
                 Entity(KAMPEN, "Municipality", "Kampen", [], [name], 1)]
    relations = []
    for i, (pid, label) in enumerate(people.items()):
        s = f"{label} is gemeentesecretaris van Zwolle."
        relations.append(Relation("HOLDS_POSITION", pid, ZWOLLE, "gemeentesecretaris", "executive", "current",
                                  0.8, [Evidence(name, 50 * i, 50 * i + len(s), s, "role-of", 0.8)]))
    s = "De gemeente Zwolle werkt samen met de gemeente Kampen."
    relations.append(Relation("COLLABORATES_WITH", KAMPEN, ZWOLLE, confidence=0.7,
                              evidence=[Evidence(name, 400, 400 + len(s), s, "samen-met", 0.7)]))
    co = [CoMention(pid, ZWOLLE, 1, [name]) for pid in people]
    return DocumentFacts(d, entities, relations, co)


@pytest.fixture
def store(tmp_path: Path):
    st = open_store(str(tmp_path / "graph.db"))
    yield st
    st.close()


def export(st: Store) -> str:
    return dumps(interchange(st.documents(), st.entities(), st.relations(), st.co_mentions()))


def test_facts_round_trip_exactly(store) -> None:
    f = facts_for("benoeming.txt", {MARIEKE: "Marieke van Dalen"})
    store.upsert(f)
    [back] = list(store.facts())
    assert back.to_dict() == f.to_dict()
    assert isinstance(store, Store)


def test_facts_survive_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    with open_store(str(path)) as st:
        st.upsert(facts_for("benoeming.txt", {MARIEKE: "Marieke van Dalen"}))
        before = export(st)
    with open_store(str(path), create=False) as st:
        assert export(st) == before
        assert st.document_for_path("/stukken/benoeming.txt").id == "sha256:benoeming.txt-1"
        assert st.document_for_path("/stukken/nergens.txt") is None


def test_store_answers_like_the_in_memory_graph(store) -> None:
    facts = [facts_for("a.txt", {MARIEKE: "Marieke van Dalen"}), facts_for("b.txt", {BRAM: "Bram Koster"})]
    for f in facts:
        store.upsert(f)
    kg = KnowledgeGraph.from_facts(facts)
    assert export(store) == dumps(kg.to_json())
    stats = store.stats()
    assert stats["documents"] == 2 and stats["entities"] == 4 and stats["relations"] == 3
    assert stats["evidence"] == 4  # the collaboration is stated in both documents


def test_upsert_replaces_a_documents_facts(store) -> None:
    store.upsert(facts_for("benoeming.txt", {BRAM: "Bram Koster"}))
    store.upsert(facts_for("benoeming.txt", {MARIEKE: "Marieke van Dalen"}, version="2"))
    assert [d.id for d in store.documents()] == ["sha256:benoeming.txt-2"]
    ids = {e.id for e in store.entities()}
    assert MARIEKE in ids and BRAM not in ids
    assert all(BRAM not in (r.source, r.target) for r in store.relations())
    collab = [r for r in store.relations() if r.type == "COLLABORATES_WITH"]
    assert len(collab) == 1 and len(collab[0].evidence) == 1  # replaced, not added to


class FailingConnection:
    """A connection that fails while writing relations, as a full disk or a crash would."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self):
        return self.conn.__enter__()

    def __exit__(self, *exc):
        return self.conn.__exit__(*exc)

    def executemany(self, sql: str, rows):
        if "relation_records" in sql:
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.executemany(sql, rows)

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


def test_a_failed_upsert_leaves_the_old_facts_intact(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    store = open_store(str(path))
    store.upsert(facts_for("benoeming.txt", {BRAM: "Bram Koster"}))
    store.upsert(facts_for("interview.md", {MARIEKE: "Marieke van Dalen"}))
    before = export(store)
    real = store.conn
    store.conn = FailingConnection(real)
    with pytest.raises(sqlite3.OperationalError):
        store.upsert(facts_for("benoeming.txt", {"person:sanne-mulder": "Sanne Mulder"}, version="2"))
    store.conn = real
    assert export(store) == before
    store.close()
    with open_store(str(path), create=False) as again:  # and on disk, for another process
        assert export(again) == before


def test_delete_removes_only_that_documents_support(store) -> None:
    store.upsert(facts_for("a.txt", {MARIEKE: "Marieke van Dalen", BRAM: "Bram Koster"}))
    store.upsert(facts_for("b.txt", {MARIEKE: "Marieke van Dalen"}))
    assert store.delete("/stukken/a.txt") is True
    ents = {e.id: e for e in store.entities()}
    assert BRAM not in ents
    assert ents[MARIEKE].documents == ["b.txt"] and ents[MARIEKE].mentions == 2
    rels = {r.key: r for r in store.relations()}
    held = rels[("HOLDS_POSITION", MARIEKE, ZWOLLE, "gemeentesecretaris")]
    assert [e.document for e in held.evidence] == ["b.txt"]
    assert all(BRAM not in (c.source, c.target) for c in store.co_mentions())
    assert store.delete("/stukken/a.txt") is False
    # no rows of the deleted document are left behind
    for table in ("entity_records", "relation_records", "co_mention_records", "acronym_records"):
        left = store.conn.execute(f"SELECT count(*) FROM {table} WHERE doc NOT IN (SELECT key FROM documents)")
        assert left.fetchone() == (0,), table
    assert store.conn.execute("SELECT count(DISTINCT doc) FROM entity_records").fetchone() == (1,)


def test_clear_empties_the_store(store) -> None:
    store.upsert(facts_for("a.txt", {MARIEKE: "Marieke van Dalen"}))
    store.clear()
    assert store.documents() == [] and store.entities() == [] and store.relations() == []


@pytest.mark.parametrize("content", [
    b"Dit is een gewoon tekstbestand over de gemeente Zwolle.\n" * 20,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    b"SQLite format 3\x00" + b"\xff" * 200,  # a damaged store
])
def test_a_file_that_is_not_a_store_is_refused_in_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notities.db"
    path.write_bytes(content)
    for create in (True, False):
        with pytest.raises(StoreError) as err:
            open_store(str(path), create=create)
        msg = str(err.value)
        assert "\n" not in msg and str(path) in msg
    assert path.read_bytes() == content  # untouched


def test_another_programs_sqlite_database_is_not_turned_into_a_store(tmp_path: Path) -> None:
    path = tmp_path / "agenda.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE afspraken (wie TEXT, wanneer TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a stakegraph store"):
        open_store(str(path), create=False)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == {"afspraken"}


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.db"
    path.touch()
    with open_store(str(path)) as st:
        assert st.documents() == []


def test_missing_file_with_create_false_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tikfout.db"
    with pytest.raises(StoreError, match="no graph at"):
        open_store(str(path), create=False)
    assert not path.exists()


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        open_store(str(tmp_path))


def test_a_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    open_store(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value='999' WHERE key='schema'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema 999") as err:
        open_store(str(path), create=False)
    assert "\n" not in str(err.value)


def test_create_makes_missing_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "projecten" / "zwolle" / "graph.db"
    open_store(str(path)).close()
    assert path.is_file()


def test_sqlite_url_with_three_slashes_is_relative(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    st = open_store("sqlite:///rel.db")
    st.close()
    assert (tmp_path / "rel.db").is_file()
    assert isinstance(st, SQLiteStore) and st.path == Path("rel.db")


def test_sqlite_url_with_four_slashes_is_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "abs" / "graph.db"
    st = open_store(f"sqlite:///{target}")
    st.close()
    assert target.is_file()
    assert st.path == target
    assert store_label(st.url) == str(target)


def test_the_library_ignores_the_environment(tmp_path: Path, monkeypatch) -> None:
    """$STAKEGRAPH_STORE is the CLI's (tests/test_cli.py); a program gets the store it names."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STAKEGRAPH_STORE", str(tmp_path / "uit-env.db"))
    assert resolve_store_url(None) == "stakegraph.db"
    assert resolve_store_url("expliciet.db") == "expliciet.db"
    open_store().close()
    assert (tmp_path / "stakegraph.db").is_file() and not (tmp_path / "uit-env.db").exists()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite://rel.db", "sqlite:///"])
def test_a_sqlite_url_without_a_file_is_refused(url: str) -> None:
    with pytest.raises(StoreError, match="sqlite:///relative.db or sqlite:////absolute/path.db"):
        open_store(url)


def test_unknown_scheme_is_one_line_listing_the_known_ones() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgres://localhost/graph")
    assert "postgres://" in str(err.value) and "sqlite" in str(err.value) and "bolt" in str(err.value)


@pytest.mark.parametrize(("url", "sqlite"), [
    ("graph.db", True), ("sqlite:///graph.db", True), ("SQLITE:////tmp/g.db", True),
    ("bolt://localhost:7687", False), ("neo4j+s://db.example.org", False),
])
def test_is_sqlite_url(url: str, sqlite: bool) -> None:
    assert is_sqlite_url(url) is sqlite


def test_store_label_never_shows_a_password() -> None:
    assert store_label("bolt://neo4j:geheim@localhost:7687") == "bolt://localhost:7687"
    assert "geheim" not in store_label("neo4j+s://u:geheim@db.example.org")


# The layouts of earlier schema versions, as stores written by earlier releases have them.
_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (path TEXT PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, title TEXT,
    chars INTEGER NOT NULL, format TEXT, date TEXT);
CREATE TABLE entity_records (doc_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL, attributes TEXT NOT NULL);
CREATE TABLE relation_records (doc_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, role TEXT, role_class TEXT,
    status TEXT, confidence REAL NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE co_mention_records (doc_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    source TEXT NOT NULL, target TEXT NOT NULL, weight INTEGER NOT NULL);
"""
_V2 = _V1.replace("date TEXT);", "date TEXT, size INTEGER, mtime_ns INTEGER);") + """
CREATE TABLE acronym_records (doc_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    acronym TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL);
"""


def _write_old_store(path: Path, version: str, facts: list[DocumentFacts]) -> None:
    import json

    from stakegraph.graph.merge import acronym_claims

    conn = sqlite3.connect(path)
    conn.executescript(_V1 if version == "1" else _V2)
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (version,))
    for f in facts:
        d = f.document
        row = (d.path, d.id, d.name, d.title, d.chars, d.format, d.date)
        conn.execute(f"INSERT INTO documents VALUES ({','.join('?' * (len(row) + 2 * (version == '2')))})",
                     row + ((123, 456) if version == "2" else ()))
        for e in f.entities:
            conn.execute("INSERT INTO entity_records VALUES (?,?,?,?,?,?,?)",
                         (d.path, e.id, e.type, e.name, json.dumps(e.aliases), e.mentions, json.dumps(e.attributes)))
        for r in f.relations:
            conn.execute("INSERT INTO relation_records VALUES (?,?,?,?,?,?,?,?,?)",
                         (d.path, r.type, r.source, r.target, r.role, r.role_class, r.status, r.confidence,
                          json.dumps([e.to_dict() for e in r.evidence], sort_keys=True)))
        for c in f.co_mentions:
            conn.execute("INSERT INTO co_mention_records VALUES (?,?,?,?)", (d.path, c.source, c.target, c.weight))
        if version == "2":
            for claim in acronym_claims(f.entities):
                conn.execute("INSERT INTO acronym_records VALUES (?,?,?,?)", (d.path, *claim))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", ["1", "2"])
def test_a_store_of_an_earlier_schema_is_upgraded_in_place(tmp_path: Path, version: str) -> None:
    hnw = Entity("org:hogeschool-noordwest", "Organization", "Hogeschool Noordwest", ["HNW"], [], 1)
    facts = [facts_for("a.txt", {MARIEKE: "Marieke van Dalen"}), facts_for("b.txt", {BRAM: "Bram Koster"})]
    facts[0].entities.append(hnw)
    facts[1].entities.append(Entity("org:hnw", "Organization", "HNW", [], [], 1))  # the acronym alone
    facts[1].relations[0].evidence.append(Evidence("a.txt", 1, 9, "Elders.", "r", 0.5))  # another document's
    _write_old_store(tmp_path / "oud.db", version, facts)
    fresh = open_store(str(tmp_path / "nieuw.db"))
    for f in facts:
        fresh.upsert(f)
    old = open_store(str(tmp_path / "oud.db"), create=False)
    assert old.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("4",)
    assert old.conn.execute("PRAGMA freelist_count").fetchone() == (0,)  # compacted after the copy
    assert list(old.facts()) == list(fresh.facts())
    assert dumps(KnowledgeGraph(old).to_json()) == dumps(KnowledgeGraph(fresh).to_json())
    assert KnowledgeGraph(old).find("HNW").id == "org:hogeschool-noordwest"  # acronym claims kept or backfilled
    assert old.delete("/stukken/a.txt") and [d.name for d in old.documents()] == ["b.txt"]
    assert old.conn.execute("SELECT count(*) FROM entity_records").fetchone()[0] == len(facts[1].entities)
    old.close()
    fresh.close()


def test_a_sentence_is_stored_once_per_span_and_reads_back_exactly(tmp_path: Path) -> None:
    """Evidence quotes the document's `sentences` once per span; a second sentence on the same span
    and evidence from another document keep their own text, and the view reads all back."""
    f = facts_for("a.txt", {MARIEKE: "Marieke van Dalen", BRAM: "Bram Koster"})
    same = f.relations[0].evidence[0]
    f.relations[1].evidence = [Evidence("a.txt", same.start, same.end, same.sentence, "r2", 0.6),  # shared
                               Evidence("a.txt", same.start, same.end, "Een andere zin.", "r3", 0.5),
                               Evidence("elders.txt", 3, 9, "Uit een ander stuk.", "r4", 0.4)]
    store = open_store(str(tmp_path / "g.db"))
    store.upsert(f)
    [back] = list(store.facts())
    assert back.relations == f.relations
    texts = [t for (t,) in store.conn.execute("SELECT text FROM sentences")]
    assert texts.count(same.sentence) == 1 and "Een andere zin." not in texts
    kept = KnowledgeGraph(store)
    full = KnowledgeGraph(store)
    full.__dict__["_stored"] = None
    assert dumps(kept.to_json()) == dumps(full.to_json())
    view = [json.loads(d)[3] for (d,) in store.conn.execute("SELECT data FROM view_relations")]
    assert any(len(e) == 6 for evs in view for e in evs)  # the view quotes the stored sentence too
    assert not any(same.sentence in d for (d,) in store.conn.execute("SELECT data FROM view_relations"))
    store.close()


DATA = Path(__file__).parent / "data"


def test_a_schema_3_store_written_by_the_previous_release_is_upgraded_and_exports_the_same(
    tmp_path: Path,
) -> None:
    import io
    import shutil

    path = tmp_path / "v3.db"
    shutil.copy(DATA / "store_v3.db", path)
    with open_store(str(path), create=False) as old:
        assert old.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("4",)
        columns = {r[1]: r[2] for r in old.conn.execute("PRAGMA table_info(relation_records)")}
        assert columns["source"] == "INTEGER"  # entities named by number now
        out = io.StringIO()
        KnowledgeGraph(old).write_json(out)
        assert out.getvalue() == (DATA / "store_v3.export.json").read_text(encoding="utf-8")
        # the upgraded store takes changes, and its view follows them as a full merge would
        gone = old.documents()[0]
        assert old.delete(gone.path)
        kept = KnowledgeGraph(old)
        full = KnowledgeGraph(old)
        full.__dict__["_stored"] = None
        assert dumps(kept.to_json()) == dumps(full.to_json())
        assert gone.name not in dumps(kept.to_json())


def test_an_upgrade_that_fails_half_way_leaves_the_store_as_it_was(tmp_path: Path, monkeypatch) -> None:
    import shutil

    from stakegraph.graph import sqlite as sqlite_module

    path = tmp_path / "v3.db"
    shutil.copy(DATA / "store_v3.db", path)
    before = path.read_bytes()
    real = sqlite_module._UPGRADES["3"]

    def fails_after_copying(conn: sqlite3.Connection) -> None:
        real(conn)  # type: ignore[operator]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setitem(sqlite_module._UPGRADES, "3", fails_after_copying)
    with pytest.raises(StoreError) as err:
        open_store(str(path), create=False)
    assert "\n" not in str(err.value)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("3",)
    assert "entity_ids" not in tables and not any(t.endswith("_v4") for t in tables)
    assert {r[1]: r[2] for r in conn.execute("PRAGMA table_info(entity_records)")}["id"] == "TEXT"
    conn.close()
    monkeypatch.setitem(sqlite_module._UPGRADES, "3", real)
    with open_store(str(path), create=False) as again:  # and the next open upgrades it after all
        assert len(again.documents()) == 3 and before
