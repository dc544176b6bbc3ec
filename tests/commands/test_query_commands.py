"""`stakegraph query ...` end to end on a SQLite store: JSON equals networkx on the exported
graph, names resolve by alias, mistakes give one line and exit 2, "no path" is an answer."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from stakegraph.cli import main
from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.store import open_store

PEOPLE = {"person:lotte-smit": "Lotte Smit", "person:daan-de-vries": "Daan de Vries",
          "person:noor-hendriks": "Noor Hendriks", "person:bram-kok": "Bram Kok"}
BODIES = {"gemeente:gm0014": ("Municipality", "Groningen", ["gemeente Groningen"]),
          "gemeente:gm0599": ("Municipality", "Rotterdam", ["gemeente Rotterdam"]),
          "org:hanzehogeschool": ("Organization", "Hanzehogeschool Groningen", ["Hanze"]),
          "org:netwerk-gemeentesecretarissen": ("Organization", "Netwerk Gemeentesecretarissen", ["NGS"]),
          "org:stichting-polderwerk": ("Organization", "Stichting Polderwerk", [])}
TIES = [  # (document, type, source, target, role)
    ("x.txt", "HOLDS_POSITION", "person:lotte-smit", "gemeente:gm0014", "burgemeester"),
    ("x.txt", "HOLDS_POSITION", "person:lotte-smit", "org:netwerk-gemeentesecretarissen", "voorzitter"),
    ("x.txt", "HOLDS_POSITION", "person:daan-de-vries", "gemeente:gm0599", "gemeentesecretaris"),
    ("x.txt", "HOLDS_POSITION", "person:daan-de-vries", "org:netwerk-gemeentesecretarissen", "lid"),
    ("y.txt", "COLLABORATES_WITH", "org:hanzehogeschool", "gemeente:gm0014", None),
    ("y.txt", "HOLDS_POSITION", "person:noor-hendriks", "org:hanzehogeschool", "lector"),
    ("y.txt", "MEMBER_OF", "gemeente:gm0599", "org:netwerk-gemeentesecretarissen", None),
    ("y.txt", "HOLDS_POSITION", "person:bram-kok", "org:stichting-polderwerk", "directeur"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("query") / "graph.db")
    st = open_store(path, create=True)
    for name, date in (("x.txt", "2022-01-10"), ("y.txt", "2024-05-02")):
        ties = [t for t in TIES if t[0] == name]
        ids = sorted({i for t in ties for i in t[2:4]})
        entities = []
        for i in ids:
            etype, label, aliases = BODIES.get(i) or ("Person", PEOPLE[i], [PEOPLE[i].split()[-1]])
            entities.append(Entity(id=i, type=etype, name=label, aliases=aliases, documents=[name],
                                   mentions=1))
        relations = [
            Relation(type=t, source=s, target=g, role=role, confidence=0.9,
                     evidence=[Evidence(name, 5 * k, 5 * k + 4, f"Zin {k}: {s} {t} {g}.", "test", 0.9)])
            for k, (_, t, s, g, role) in enumerate(ties)
        ]
        co = [CoMention("person:lotte-smit", "person:noor-hendriks", 3)] if name == "y.txt" else []
        if co:
            entities.append(Entity(id="person:lotte-smit", type="Person", name="Lotte Smit",
                                   documents=[name]))
        st.upsert(DocumentFacts(Document(id=f"sha256:{name}", name=name, path=f"/docs/{name}", date=date),
                                entities, relations, co))
    st.close()
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["query", *args], catch_exceptions=False)


def exported(store: str) -> nx.Graph:
    result = CliRunner().invoke(main, ["export", "json", "--store", store])
    data = json.loads(result.stdout)
    G = nx.Graph()
    G.add_nodes_from(e["id"] for e in data["entities"])
    G.add_edges_from((r["source"], r["target"]) for r in data["relations"] if r["source"] != r["target"])
    return G


REFERENCE = {"degree": nx.degree_centrality, "betweenness": nx.betweenness_centrality,
             "closeness": nx.closeness_centrality, "eigenvector": nx.eigenvector_centrality,
             "pagerank": nx.pagerank, "harmonic": nx.harmonic_centrality}


@pytest.mark.parametrize("measure", sorted(REFERENCE))
def test_centrality_json_equals_networkx_on_export(store, measure):
    result = run("centrality", "--measure", measure, "--top", "5", "--format", "json", "--store", store)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    want = REFERENCE[measure](exported(store))
    order = sorted(want, key=lambda v: (-round(want[v], 10), v))[:5]
    assert [r["id"] for r in rows] == order
    for r in rows:
        assert r["score"] == pytest.approx(want[r["id"]], abs=1e-9)
        assert {"id", "name", "type", "score", "rank"} <= set(r)
    assert result.stderr == ""  # notes are for people reading tables


def test_centrality_table_says_backend_and_csv(store):
    result = run("centrality", "-m", "betweenness", "--type", "person", "--store", store)
    assert result.exit_code == 0
    assert "betweenness by networkx, exact" in result.stderr
    assert "Lotte Smit" in result.stdout and "Groningen" not in result.stdout.split("\n", 2)[-1]
    sampled = run("centrality", "-m", "betweenness", "--k", "3", "--format", "csv", "--store", store)
    assert "approximate: 3 sampled sources" in sampled.stderr
    assert sampled.stdout.splitlines()[0] == "rank,name,type,score,id"
    forced = run("centrality", "--backend", "igraph", "--store", store)
    assert "by igraph" in forced.stderr


def test_projection_options(store):
    plain = json.loads(run("centrality", "--top", "0", "--format", "json", "--store", store).stdout)
    with_co = json.loads(run("centrality", "--top", "0", "--format", "json", "--with-comentions",
                             "--store", store).stdout)
    noor = {r["id"]: r["score"] for r in plain}["person:noor-hendriks"]
    assert {r["id"]: r["score"] for r in with_co}["person:noor-hendriks"] > noor
    orgs = json.loads(run("centrality", "--format", "json", "--entity-types", "Organization,municipality",
                          "--store", store).stdout)
    assert {r["type"] for r in orgs} == {"Organization", "Municipality"}
    late = json.loads(run("centrality", "--format", "json", "--since", "2023", "--store", store).stdout)
    assert "person:daan-de-vries" not in {r["id"] for r in late}  # only in x.txt (2022)
    weighted = run("centrality", "-m", "pagerank", "--weighted", "--relation-types", "HOLDS_POSITION",
                   "--store", store)
    assert weighted.exit_code == 0


@pytest.mark.parametrize("args", [
    ["centrality", "--entity-types", "Company"],
    ["centrality", "--relation-types", "KNOWS"],
    ["centrality", "--since", "gisteren"],
    ["centrality", "-m", "degree", "--k", "5"],
    ["path", "Lotte Smitt", "Rotterdam"],
    ["ego", "Hanze Hogeschool Zwolle"],
    ["bridges", "Municipality"],
])
def test_mistakes_are_one_line_exit_2(store, args):
    result = run(*args, "--store", store)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("stakegraph: error:")
    assert "Traceback" not in result.output


def test_unknown_name_suggests(store):
    result = run("path", "Lotte Smitt", "Rotterdam", "--store", store)
    assert "did you mean: Lotte Smit" in result.stderr


def test_missing_store_is_an_error(tmp_path):
    result = run("brokers", "--store", str(tmp_path / "nowhere.db"))
    assert result.exit_code == 2 and "no graph at" in result.stderr


def test_path_with_evidence(store):
    result = run("path", "Smit", "gemeente Rotterdam", "--store", store)
    assert result.exit_code == 0
    assert "1 shortest path(s) of 2 hop(s) between Lotte Smit and Rotterdam" in result.stdout
    assert "Zin 1:" in result.stdout  # Lotte Smit HOLDS_POSITION NGS, the first hop's sentence
    rows = json.loads(run("path", "Smit", "Rotterdam", "--format", "json", "--store", store).stdout)
    assert [r["relation"] for r in rows] == ["HOLDS_POSITION", "MEMBER_OF"]
    assert [r["document"] for r in rows] == ["x.txt", "y.txt"]
    assert rows[1]["reversed"] is True and rows[0]["sentence"].startswith("Zin 1:")
    assert rows[1]["sentence"] == "Zin 2: gemeente:gm0599 MEMBER_OF org:netwerk-gemeentesecretarissen."


def test_no_path_exits_0(store):
    result = run("path", "Lotte Smit", "Bram Kok", "--store", store)
    assert result.exit_code == 0
    assert result.stdout.strip() == "no path between Lotte Smit and Bram Kok"
    as_json = run("path", "Lotte Smit", "Bram Kok", "--format", "json", "--store", store)
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == []
    assert "no path" in as_json.stderr


def test_ego(store):
    one = json.loads(run("ego", "NGS", "--format", "json", "--store", store).stdout)
    assert {r["name"] for r in one if r["distance"] == 1} == {"Lotte Smit", "Daan de Vries", "Rotterdam"}
    two = json.loads(run("ego", "NGS", "--radius", "2", "--format", "json", "--store", store).stdout)
    assert {r["name"] for r in two if r["distance"] == 2} == {"Groningen"}
    assert run("ego", "NGS", "--radius", "3", "--store", store).exit_code == 2


def test_brokers_bridges_communities_interlocks(store):
    brokers = json.loads(run("brokers", "--format", "json", "--store", store).stdout)
    assert {"id", "name", "type", "score", "liaison", "constraint"} <= set(brokers[0])
    assert all(r["score"] is None or isinstance(r["score"], float) for r in brokers)
    table = run("brokers", "--by", "liaison", "--store", store)
    assert table.exit_code == 0 and "roles with symmetric ties" in table.stderr
    bridges = json.loads(run("bridges", "Municipality", "Organization", "--format", "json",
                             "--store", store).stdout)
    assert bridges[0]["score"] >= 1 and bridges[0]["examples"]
    first = run("communities", "--format", "json", "--seed", "3", "--store", store)
    again = run("communities", "--format", "json", "--seed", "3", "--store", store)
    assert first.stdout == again.stdout and json.loads(first.stdout)[0]["central"]
    leiden = run("communities", "--method", "leiden", "--store", store)
    assert leiden.exit_code == 0 and "modularity" in leiden.stderr
    locks = json.loads(run("interlocks", "--format", "json", "--store", store).stdout)
    assert {(r["source"], r["target"], r["weight"]) for r in locks} >= {
        ("Groningen", "Netwerk Gemeentesecretarissen", 1), ("Rotterdam", "Netwerk Gemeentesecretarissen", 1)}
    people = json.loads(run("interlocks", "--mode", "people", "--format", "json", "--store", store).stdout)
    assert [(r["source"], r["target"], r["shared"]) for r in people] == [
        ("Daan de Vries", "Lotte Smit", ["Netwerk Gemeentesecretarissen"])]


def test_help_lists_every_query():
    result = CliRunner().invoke(main, ["query", "--help"])
    for name in ("centrality", "brokers", "bridges", "communities", "path", "ego", "interlocks"):
        assert name in result.stdout


# -- readable answers: whole sentences, communities with members and bridges ------------------------
LONG = ("Tijdens de drukbezochte regiodag in het provinciehuis, waar ook vertegenwoordigers van woningcorporaties, "
        "zorgaanbieders en onderwijsinstellingen aanwezig waren, maakte Lotte Smit bekend dat zij per 1 juni "
        "voorzitter wordt van het Netwerk Gemeentesecretarissen, een rol die zij naast haar burgemeesterschap vervult.")


def facts_of(name: str, ties: list[tuple[str, str, str, str]], sentence: str | None = None) -> DocumentFacts:
    ids = sorted({i for t in ties for i in t[1:3]})
    entities = [Entity(id=i, type="Person" if i.startswith("person:") else "Organization",
                       name=i.split(":")[1].replace("-", " ").title(), documents=[name], mentions=1) for i in ids]
    relations = [Relation(type=t, source=s, target=g, role=role, confidence=0.9,
                          evidence=[Evidence(name, 0, 10, sentence or f"{s} {t} {g}.", "test", 0.9)])
                 for t, s, g, role in ties]
    return DocumentFacts(Document(id=f"sha256:{name}", name=name, path=f"/docs/{name}"), entities, relations)


def test_path_prints_every_evidence_sentence_in_full(tmp_path):
    path = str(tmp_path / "lang.db")
    with open_store(path, create=True) as st:
        st.upsert(facts_of("lang.txt", [("HOLDS_POSITION", "person:lotte-smit", "org:ngs", "voorzitter")], LONG))
    result = run("path", "person:lotte-smit", "org:ngs", "--store", path)
    assert result.exit_code == 0
    assert "[1]" in result.stdout
    assert " ".join(LONG.split()) in " ".join(result.stdout.split())  # wrapped, never cut
    assert all(len(line) <= 110 for line in result.stdout.splitlines() if line.startswith(("[1]", "    ")))
    rows = json.loads(run("path", "person:lotte-smit", "org:ngs", "--format", "json", "--store", path).stdout)
    assert rows[0]["sentence"] == LONG


def two_clusters(path: str) -> None:
    """Two triangles joined by one tie (C-D), and one stakeholder without any tie (Z)."""
    ties = [("COLLABORATES_WITH", "org:a", "org:b", None), ("COLLABORATES_WITH", "org:b", "org:c", None),
            ("COLLABORATES_WITH", "org:a", "org:c", None), ("COLLABORATES_WITH", "org:d", "org:e", None),
            ("COLLABORATES_WITH", "org:e", "org:f", None), ("COLLABORATES_WITH", "org:d", "org:f", None),
            ("COLLABORATES_WITH", "org:c", "org:d", None)]
    facts = facts_of("twee.txt", ties)
    facts.entities.append(Entity(id="org:z", type="Organization", name="Z", documents=["twee.txt"], mentions=1))
    with open_store(path, create=True) as st:
        st.upsert(facts)


def test_communities_show_members_bridges_and_what_was_left_out(tmp_path):
    path = str(tmp_path / "twee.db")
    two_clusters(path)
    table = run("communities", "--store", path)
    assert table.exit_code == 0
    assert "3 communities" in table.stderr and "1 smaller left out (1 single stakeholders without ties)" \
        in table.stderr
    blocks = table.stdout.strip().split("\n\n")
    assert len(blocks) == 2 and all(b.startswith(f"community {i}: 3 stakeholders") for i, b in
                                    enumerate(blocks, start=1))
    members = [set(b.split("members: ")[1].split("\n")[0].split(", ")) for b in blocks]
    assert sorted(map(sorted, members)) == [["A", "B", "C"], ["D", "E", "F"]]
    first_is_abc = members[0] == {"A", "B", "C"}
    assert ("bridges: to 2 (1 tie): C \u2014 D" if first_is_abc else "bridges: to 2 (1 tie): D \u2014 C") \
        in blocks[0]
    data = json.loads(run("communities", "--format", "json", "--store", path).stdout)
    assert [len(r["bridges"]) for r in data] == [1, 1]
    assert "note: the typed graph is sparse" not in table.stderr  # six of seven are in triangles: no hint


def test_a_sparse_graph_suggests_co_mentions(tmp_path):
    path = str(tmp_path / "dun.db")
    ties = [("HOLDS_POSITION", f"person:p{i}", f"org:o{i}", "lid") for i in range(6)]
    with open_store(path, create=True) as st:
        st.upsert(facts_of("dun.txt", ties))
    table = run("communities", "--store", path)
    assert table.exit_code == 0 and "add --with-comentions" in table.stderr
    assert "12 of them in communities of 3 or fewer" in table.stderr
    assert "--with-comentions" not in run("communities", "--with-comentions", "--store", path).stderr
