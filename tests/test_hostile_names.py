"""Hostile names stay data everywhere: quotes, backslashes, braces, SQL and Cypher injection text,
HTML with a script and newlines go into a SQLite store and come back unchanged from every way out
of it: the CLI listing, JSON, Turtle/JSON-LD/N-Triples/TriG (parsed back with rdflib), GraphML and
GEXF (read back with networkx), the neo4j-admin CSV, a Bolt store (FalkorDB's parameter-header
encoding included) and the HTML page, where headless Chromium shows them as text and runs no
script from them."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from stakegraph.graph.model import Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.sqlite import SQLiteStore

EXE = str(Path(sys.executable).with_name("stakegraph"))
REPO = Path(__file__).resolve().parents[1]
NAMES = [
    'Jan "de" Vries',
    "Back\\slash \\n \\u0041 Bakker",
    "{Accolade} ${x} %s {{template}}",
    "Gemeente'); DROP TABLE documents; --",
    '"}) DETACH DELETE n //',
    "<img src=x onerror=\"document.title='owned'\"><script>window.owned=1</script>",
    "Regel een\nregel twee",
]
IDS = [f"org:hostile-{i}" for i in range(len(NAMES))]
RDF = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "trig": "trig"}


def _facts() -> DocumentFacts:
    doc = Document("sha256:" + "e" * 64, "vijandig.txt", "/docs/vijandig.txt", title=NAMES[5], chars=100)
    ents = [Entity(i, "Organization", n, [n + " (alias)"], [doc.name], 1) for i, n in zip(IDS, NAMES, strict=True)]
    rels = [Relation("COLLABORATES_WITH", IDS[i], IDS[i + 1], None, None, None, 0.7,
                     [Evidence(doc.name, 0, 20, f"{NAMES[i]} werkt samen met {NAMES[i + 1]}.", "regel", 0.7)])
            for i in range(len(IDS) - 1)]
    return DocumentFacts(doc, ents, rels)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("hostile") / "g.db"
    st = SQLiteStore(path)
    st.upsert(_facts())
    st.close()
    return str(path)


def cli(*args: str) -> str:
    done = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_sqlite_and_the_cli_listing_give_the_names_back(store):
    st = SQLiteStore(store, create=False)
    assert [e.name for e in next(iter(st.facts())).entities] == NAMES
    st.close()
    listed = json.loads(cli("entities", "--store", store, "--format", "json"))
    assert sorted(e["name"] for e in listed) == sorted(NAMES)
    exported = json.loads(cli("export", "json", "--store", store))
    assert sorted(e["name"] for e in exported["entities"]) == sorted(NAMES)


@pytest.mark.parametrize("fmt", sorted(RDF))
def test_rdf_exports_parse_back_to_the_same_literals(store, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    cli("export", fmt, "--store", store, "-o", str(out))
    graph = rdflib.Dataset() if fmt == "trig" else rdflib.Graph()
    graph.parse(out, format=RDF[fmt])
    literals = {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)}
    assert set(NAMES) <= literals


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back_with_the_same_names(store, tmp_path, fmt, read):
    out = tmp_path / f"g.{fmt}"
    cli("export", fmt, "--store", store, "-o", str(out))
    graph = read(out)
    names = {data.get("name") or data.get("label") for _, data in graph.nodes(data=True)}
    assert set(NAMES) <= names


def test_csv_reads_back_with_the_same_names(store, tmp_path):
    listed = list(csv.DictReader(cli("entities", "--store", store, "--format", "csv").splitlines(keepends=True)))
    assert sorted(r["name"] for r in listed) == sorted(NAMES)
    # neo4j-admin's CSV keeps each cell on one line (it reads multi-line cells only with
    # --multiline-fields), so there whitespace runs fold to one space and nothing else changes.
    cli("export", "csv", "--store", store, "-o", str(tmp_path / "csv"))
    nodes = next((tmp_path / "csv").glob("*nodes*.csv"))
    with open(nodes, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {" ".join(n.split()) for n in NAMES} <= {r["name"] for r in rows}


def test_a_bolt_store_keeps_the_names_and_cypher_returns_them(store, bolt, neo4j_store):
    neo4j_store.upsert(_facts())
    assert [e.name for e in next(iter(neo4j_store.facts())).entities] == NAMES
    _, rows = neo4j_store.run_read("MATCH (e:Entity) WHERE e.id STARTS WITH $p RETURN e.name ORDER BY e.id",
                                   {"p": "org:hostile-"})
    assert [r[0] for r in rows] == NAMES
    _, rows = neo4j_store.run_read("MATCH (e:Entity {name: $n}) RETURN e.id", {"n": NAMES[4]})
    assert rows == [[IDS[4]]]


def test_the_html_page_shows_the_names_as_text_and_runs_no_script_from_them(store, tmp_path, browser):
    from selenium.webdriver.common.by import By

    page = tmp_path / "g.html"
    subprocess.run([EXE, "viz", "--store", store, "-o", str(page)], check=True, capture_output=True)
    with browser.chromium() as driver:
        browser.open_page(driver, page)
        for eid, name in zip(IDS, NAMES, strict=True):
            driver.find_element(By.CSS_SELECTOR, f'.node[data-id="{eid}"]').click()
            heading = driver.find_element(By.ID, "panel").find_element(By.TAG_NAME, "h2").text
            assert " ".join(heading.split()) == " ".join(name.split())  # rendered text: whitespace folds
        assert driver.find_elements(By.CSS_SELECTOR, "#panel img, #panel script") == []
        assert driver.title != "owned"
        assert driver.execute_script("return window.owned === undefined")
