"""One SQLite store used by several processes at once: ingests into it together all complete
(WAL, busy timeout, BEGIN IMMEDIATE with retries), and readers during an ingest see whole
documents only (`facts()` in one read transaction; before, `stats` crashed with a KeyError on a
document path in 19 of 24 calls, found by a hostile probe)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from stakegraph.graph.sqlite import SQLiteStore
from stakegraph.knowledge import KnowledgeGraph

EXE = str(Path(sys.executable).with_name("stakegraph"))


def _ingest(folder: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([EXE, "ingest", str(folder), "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingests_into_one_store_at_once_both_complete(tmp_path, synthetic):
    folders = [tmp_path / f"map{i}" for i in range(2)]
    for i, folder in enumerate(folders):
        synthetic.write_corpus(folder, 50, start=50 * i)
    store = tmp_path / "graph.db"
    procs = [_ingest(f, store) for f in folders]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert out.startswith("50 ingested, 0 unchanged, 0 skipped"), out
        assert "locked" not in err and "Traceback" not in err, err
    st = SQLiteStore(store, create=False)
    try:
        assert len(st.documents()) == 100
    finally:
        st.close()


def test_a_second_writer_waits_with_a_message_instead_of_failing(tmp_path):
    store = tmp_path / "graph.db"
    SQLiteStore(store).close()
    holder = subprocess.Popen(  # another process in the middle of a write, for a second
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\n"
         "print('held', flush=True)\ntime.sleep(1.5)\nc.execute('COMMIT')", str(store)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    messages: list[str] = []
    waiter = SQLiteStore(store, busy_timeout=0.2, on_wait=messages.append)
    try:
        waiter.clear()  # was "database is locked"
    finally:
        waiter.close()
        holder.communicate(timeout=30)
    assert messages == [f"waiting for another process writing to {store}"]


def test_readers_during_an_ingest_see_whole_documents_only(tmp_path, synthetic):
    folder = tmp_path / "docs"
    synthetic.write_corpus(folder, 200)
    reference = tmp_path / "reference.db"
    subprocess.run([EXE, "ingest", str(folder), "--store", str(reference)], check=True, capture_output=True)
    ref = SQLiteStore(reference, create=False)
    expected = {f.document.path: f for f in ref.facts()}
    ref.close()

    store = tmp_path / "graph.db"
    SQLiteStore(store).close()
    proc = _ingest(folder, store)
    reads = seen = 0
    try:
        while proc.poll() is None:
            st = SQLiteStore(store, create=False)
            try:
                for facts in st.facts():
                    assert facts == expected[facts.document.path], facts.document.path
                    seen += 1
                KnowledgeGraph(st).stats()  # what `stakegraph stats` runs
            finally:
                st.close()
            reads += 1
            time.sleep(0.01)
    finally:
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert reads >= 3 and seen > 0, (reads, seen)
    stats = subprocess.run([EXE, "stats", "--store", str(store), "--format", "json"], capture_output=True, text=True)
    assert stats.returncode == 0 and '"documents": 200' in stats.stdout, stats.stderr
