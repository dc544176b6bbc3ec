"""`stakegraph export turtle|jsonld|ntriples|trig|graphml|gexf|csv` and `stakegraph validate` end to end."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from stakegraph.cli import main
from stakegraph.graph.model import Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.store import open_store

PARSE = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "trig": "trig"}


def sentence(doc: str, start: int, text: str) -> Evidence:
    return Evidence(doc, start, start + len(text), text, "rule", 0.8)


@pytest.fixture()
def store(tmp_path: Path) -> str:
    path = tmp_path / "graph.db"
    docs = [Document(id=f"sha256:{c * 64}", name=f"00{i}_nieuws.txt", path=f"/c/00{i}_nieuws.txt", chars=400)
            for i, c in enumerate("de")]
    anna = Entity("person:anna-de-boer", "Person", "Anna de Boer", mentions=2)
    ams = Entity("gemeente:gm0363", "Municipality", "Amsterdam", mentions=2,
                 attributes={"cbs_code": "GM0363"})
    vng = Entity("org:vereniging-van-noordelijke-gemeenten", "Organization",
                 "Vereniging van Noordelijke Gemeenten", aliases=["VNG-Noord"], mentions=1)
    st = open_store(str(path), create=True)
    st.upsert(DocumentFacts(docs[0], [anna, ams], [
        Relation("HOLDS_POSITION", anna.id, ams.id, role="gemeentesecretaris", status="current",
                 confidence=0.9,
                 evidence=[sentence(docs[0].name, 0, "Anna de Boer, gemeentesecretaris van Amsterdam.")])]))
    st.upsert(DocumentFacts(docs[1], [ams, vng], [
        Relation("MEMBER_OF", ams.id, vng.id, confidence=0.7,
                 evidence=[sentence(docs[1].name, 10, "Amsterdam is lid van de VNG-Noord.")])]))
    st.close()
    return str(path)


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("fmt", list(PARSE))
@pytest.mark.parametrize("stream", ["--stream", "--no-stream"])
def test_export_rdf_to_a_file(store: str, tmp_path: Path, fmt: str, stream: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = run("export", fmt, "--store", store, "-o", str(out), stream)
    assert result.exit_code == 0, result.output
    graph = rdflib.Dataset() if fmt == "trig" else rdflib.Graph()
    graph.parse(out, format=PARSE[fmt])
    count = sum(len(g) for g in graph.graphs()) if fmt == "trig" else len(graph)
    assert f"({count} {'quads' if fmt == 'trig' else 'triples'}" in result.stderr
    assert ("streamed" in result.stderr) == (stream == "--stream")
    foaf_person = (None, rdflib.RDF.type, rdflib.FOAF.Person)
    assert len(list(graph.triples(foaf_person))) >= 1


def test_export_to_standard_output_with_a_base(store: str) -> None:
    result = run("export", "ntriples", "--store", store, "--base", "https://data.example.nl/sg")
    assert result.exit_code == 0
    g = rdflib.Graph().parse(data=result.stdout, format="nt")
    assert (rdflib.URIRef("https://data.example.nl/sg/entity/gemeente:gm0363"), rdflib.OWL.sameAs,
            rdflib.URIRef("https://identifier.overheid.nl/tooi/id/gemeente/gm0363")) in g


def test_validate_an_export_conforms(store: str, tmp_path: Path) -> None:
    for fmt in ("turtle", "trig"):
        out = tmp_path / f"graph.{'ttl' if fmt == 'turtle' else 'trig'}"
        assert run("export", fmt, "--store", store, "-o", str(out)).exit_code == 0
        result = run("validate", str(out))
        assert result.exit_code == 0, result.output
        assert "conforms" in result.stdout


def test_validate_a_broken_file_fails_readably(store: str, tmp_path: Path) -> None:
    out = tmp_path / "graph.nt"
    assert run("export", "ntriples", "--store", store, "-o", str(out)).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    broken = [line for line in lines if "http://www.w3.org/ns/org#role>" not in line]
    assert len(broken) < len(lines)
    out.write_text("\n".join(broken) + "\n", encoding="utf-8")
    result = run("validate", str(out))
    assert result.exit_code == 1
    assert "violation: relation:" in result.stdout
    assert "HOLDS_POSITION membership has no org:role" in result.stdout
    assert "1 violation(s)" in result.stderr and "Traceback" not in result.output


def test_validate_limits_the_listing(store: str, tmp_path: Path) -> None:
    out = tmp_path / "graph.nt"
    assert run("export", "ntriples", "--store", store, "-o", str(out)).exit_code == 0
    kept = [line for line in out.read_text(encoding="utf-8").splitlines() if "schema.org/name>" not in line]
    out.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = run("validate", str(out), "--limit", "1")
    assert result.exit_code == 1
    assert result.stdout.count("violation: ") == 1 and "more (--limit 0 shows all)" in result.stdout


@pytest.mark.parametrize("content,name", [("<a> <b> \"unterminated .\n", "bad.nt"),
                                          ("@prefix : <x> . :a :b", "bad.ttl"),
                                          ("{not json", "bad.jsonld")])
def test_validate_unreadable_input_exits_2_with_one_line(tmp_path: Path, content: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for target in (path, tmp_path / "missing.ttl"):
        result = run("validate", str(target))
        assert result.exit_code == 2
        assert result.stderr.startswith("stakegraph: error: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.output


def test_bad_options_give_one_line(store: str, tmp_path: Path) -> None:
    for args in (["export", "turtle", "--store", store, "--base", "not an iri"],
                 ["export", "turtle", "--store", str(tmp_path / "missing.db")],
                 ["export", "turtle", "--store", store, "-o", str(tmp_path / "no" / "such" / "dir.ttl")],
                 ["export", "csv", "--store", store, "-o", str(tmp_path / "x"), "--prefix", "../up-"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("stakegraph: error: "), result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_network_formats(store: str, tmp_path: Path, fmt: str, read) -> None:  # noqa: ANN001
    out = tmp_path / f"graph.{fmt}"
    assert run("export", fmt, "--store", store, "-o", str(out)).exit_code == 0
    g = read(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == (3, 2)
    stdout = run("export", fmt, "--store", store, "--no-co-mentions").stdout
    assert stdout.startswith("<?xml")
    assert read(io.BytesIO(stdout.encode("utf-8"))).number_of_nodes() == 3


def test_export_csv_for_neo4j_admin(store: str, tmp_path: Path) -> None:
    folder = tmp_path / "import"
    result = run("export", "csv", "--store", store, "-o", str(folder))
    assert result.exit_code == 0, result.output
    nodes = (folder / "nodes.csv").read_text(encoding="utf-8").splitlines()
    rels = (folder / "relationships.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[0].startswith("id:ID,:LABEL,") and len(nodes) == 4
    assert rels[0].startswith(":START_ID,:END_ID,:TYPE,") and len(rels) == 3
