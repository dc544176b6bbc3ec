"""Faults of the Bolt store, against the real test server: rows over 64 KB, and a read timeout.

FalkorDB 1.4.1 never finishes sending a result row over 64 KB; before the store paged long
lists, an entity named in a few hundred documents with long names, or a fact with many evidence
sentences, hung every read for good (found by a hostile probe).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stakegraph.graph.model import Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.neo4j import Neo4jStore
from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.graph.store import StoreError

LONG = "Gemeente Ëindhoven-Noord en de Samenwerkende Partners van de Regio " * 3  # non-ASCII on purpose


def _document(i: int) -> Document:
    name = f"{i:04d}_{LONG.replace(' ', '_')[:180]}.txt"
    return Document(id=f"sha256:{i:064x}", name=name, path=f"/corpus/{name}", title=f"Verslag {i}", chars=900)


def _facts(i: int, evidence: int = 1, sentence: str = "Anna de Vries is wethouder van Leiden.") -> DocumentFacts:
    d = _document(i)
    people = Entity("person:anna-de-vries", "Person", "Anna de Vries", [f"A. de Vries {i}"], [d.name], 2)
    town = Entity("gemeente:gm0546", "Municipality", "Leiden", [], [d.name], 1, {"cbs_code": "GM0546"})
    ev = [Evidence(d.name, k * 100, k * 100 + len(sentence), f"{sentence} ({k})", "position.rule", 0.8)
          for k in range(evidence)]
    rel = Relation("HOLDS_POSITION", people.id, town.id, "wethouder", "alderman", "current", 0.8, ev)
    return DocumentFacts(d, [people, town], [rel])


def _same_as_sqlite(store, facts: list[DocumentFacts], tmp_path) -> None:
    reference = SQLiteStore(tmp_path / "ref.db")
    for f in facts:
        reference.upsert(f)
    try:
        assert list(store.facts()) == list(reference.facts())
        assert store.entities() == reference.entities()
        assert store.relations() == reference.relations()
    finally:
        reference.close()


def test_an_entity_with_aliases_over_64_kb_reads_back(neo4j_store, tmp_path):
    neo4j_store.read_timeout = 30  # a regression fails in time instead of hanging the suite
    f = _facts(1)
    f.entities[0].aliases = sorted(f"A. de Vries ({k}) {LONG}" for k in range(400))  # about 85 KB
    neo4j_store.upsert(f)
    neo4j_store.upsert(_facts(2))  # refreshes the shared node: reads its long alias list back
    _same_as_sqlite(neo4j_store, [f, _facts(2)], tmp_path)


def test_an_entity_named_in_many_long_named_documents_reads_back(neo4j_store, tmp_path):
    """The hang the probe found (320 documents with long names); with the page size lowered to
    2,000 characters 40 documents exercise the same paging that 360 need at FalkorDB's limit."""
    neo4j_store.read_timeout = 30
    neo4j_store._dialect.max_row_chars = 2_000
    facts = [_facts(i) for i in range(40)]
    for f in facts:
        neo4j_store.upsert(f)
    person = next(e for e in neo4j_store.entities() if e.id == "person:anna-de-vries")
    assert len(person.documents) == 40 and sum(len(n) for n in person.documents) > 2 * 2_000
    _same_as_sqlite(neo4j_store, facts, tmp_path)


def test_a_fact_with_many_evidence_sentences_and_one_huge_sentence_reads_back(neo4j_store, tmp_path):
    neo4j_store.read_timeout = 30
    facts = [_facts(1, evidence=500, sentence="Zij is " + LONG), _facts(2, sentence="Ë" + "é" * 70_000 + ".")]
    for f in facts:
        neo4j_store.upsert(f)
    _same_as_sqlite(neo4j_store, facts, tmp_path)
    neo4j_store.upsert(facts[0])  # rewriting reads the node back: unchanged, and still no hang
    _same_as_sqlite(neo4j_store, facts, tmp_path)


# -- a server of the test's own: stopped, killed, listening ---------------------------------------
EXE = str(Path(sys.executable).with_name("stakegraph"))


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of listening TCP sockets on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(address)
    return found


LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net")
def test_the_test_bolt_server_listens_on_loopback_only(bolt_server, tmp_path):
    if bolt_server.loopback_shim() is None:
        pytest.skip("no C compiler for the loopback bind shim (tests/loopback_bind.c)")
    with bolt_server.falkordb_server() as target:
        port = int(target.url.rsplit(":", 1)[1])
        addresses = _listening_addresses(port)
        assert addresses and addresses <= LOOPBACK, addresses
        assert _listening_addresses(target.redis_port) <= LOOPBACK


def _documents(url: str) -> int:
    try:
        st = Neo4jStore(url, connection_timeout=1)
    except StoreError:
        return 0
    try:
        return len(st.documents())
    finally:
        st.close()


def test_a_server_stopped_mid_load_is_one_line_and_a_rerun_completes_without_duplicates(bolt_server, tmp_path,
                                                                                        synthetic):
    """The server stops answering in the middle of a batch (SIGSTOP: it keeps whatever it had
    written, and FalkorDB does not roll back); the ingest ends with one line once the read timeout
    passes; after the server resumes, the same ingest completes the load with every document once."""
    folder = tmp_path / "docs"
    total = 200  # several write batches (64 documents each), so the stop lands in the middle of the load
    synthetic.write_corpus(folder, total)
    reference = tmp_path / "ref.db"
    subprocess.run([EXE, "ingest", str(folder), "--store", str(reference)], check=True, capture_output=True)
    with bolt_server.falkordb_server() as target:
        url = target.url
        env = {**os.environ, "STAKEGRAPH_NEO4J_READ_TIMEOUT": "2"}
        ingest = subprocess.Popen([EXE, "ingest", str(folder), "--store", url], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.monotonic() + 60
        while _documents(url) < 3:
            assert ingest.poll() is None and time.monotonic() < deadline, ingest.communicate()
            time.sleep(0.05)
        os.kill(target.pid, signal.SIGSTOP)  # the server drops out in the middle of the load
        try:
            _, err = ingest.communicate(timeout=120)
        finally:
            os.kill(target.pid, signal.SIGCONT)
        assert ingest.returncode == 2, err
        assert len(err.strip().splitlines()) == 1 and err.startswith(f"stakegraph: error: cannot write to {url}: ")
        assert "Traceback" not in err
        before = _documents(url)
        assert 3 <= before < total
        rerun = subprocess.run([EXE, "ingest", str(folder), "--store", url], capture_output=True, text=True,
                               timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert rerun.stdout.startswith(f"{total - before} ingested, {before} unchanged")
        st = Neo4jStore(url)
        try:
            _, rows = st.run_read("MATCH (e:Entity) RETURN count(e), count(DISTINCT e.id)")
            assert rows[0][0] == rows[0][1]
            _, rows = st.run_read("MATCH (d:Document) RETURN count(d), count(DISTINCT d.path)")
            assert rows == [[total, total]]
        finally:
            st.close()
        export = subprocess.run([EXE, "export", "json", "--store", url], capture_output=True, text=True)
        expected = subprocess.run([EXE, "export", "json", "--store", str(reference)], capture_output=True,
                                  text=True)
        assert export.stdout == expected.stdout


def test_a_server_that_stops_answering_mid_read_is_one_error_in_bounded_time(bolt_server):
    with bolt_server.falkordb_server() as target:
        st = Neo4jStore(target.url, connection_timeout=1, read_timeout=1)
        st.upsert(_facts(1))
        os.kill(target.pid, signal.SIGSTOP)
        try:
            started = time.monotonic()
            with pytest.raises(StoreError) as info:
                st.stats()
            assert time.monotonic() - started < 30
            assert str(info.value).startswith(f"cannot read from {target.url}: ")
            assert "\n" not in str(info.value)
        finally:
            os.kill(target.pid, signal.SIGCONT)
            st.close()


def test_wrong_credentials_and_an_unreachable_server_are_one_line(bolt_url, tmp_path):
    (tmp_path / "a.txt").write_text("Anna de Vries is wethouder van de gemeente Leiden.")
    for args, start in [
        (["--store", bolt_url, "--user", "neo4j", "--password", "fout"], f"stakegraph: error: {bolt_url} refused"),
        (["--store", "bolt://127.0.0.1:1"], "stakegraph: error: cannot connect to bolt://127.0.0.1:1: connection "
                                            "refused (is the server running?)"),
    ]:
        done = subprocess.run([EXE, "ingest", str(tmp_path / "a.txt"), *args], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 2
        assert done.stderr.startswith(start) and done.stderr.count("\n") == 1, done.stderr
        assert "fout" not in done.stderr  # the password never shows
