"""RDF export: vocabulary mapping, round trips in every format, streaming = rdflib, IRI safety, SHACL."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import FOAF, OWL, PROV, SKOS

from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.rdf import (
    RDF_FORMATS,
    VOCAB,
    RdfError,
    RdfMapping,
    Reference,
    load_rdf,
    segment,
    serialize,
    to_rdflib,
    validate,
)
from stakegraph.graph.rdf_stream import stream, write_rdf
from stakegraph.knowledge import KnowledgeGraph

ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SDO = rdflib.Namespace("https://schema.org/")
SG = rdflib.Namespace(VOCAB)
TOOI = "https://identifier.overheid.nl/tooi/id/"
PARSE = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "trig": "trig"}
HOSTILE = 'Jan "de" <Vries>\n\t\\ """ \'\'\' }{|^` ü 😀 \u2028 ></'
REPO = Path(__file__).resolve().parents[2]

REFERENCE = Reference.from_csv(
    "cbs_code,name,province,wikidata\n"
    "GM0363,Amsterdam,Noord-Holland,Q1001\nGM0014,Groningen,Groningen,Q1002\n",
    "code,name,english_name,wikidata\n"
    "PV27,Noord-Holland,North Holland,Q2001\nPV20,Groningen,Groningen,Q2002\n",
)


def ev(doc: str, start: int, sentence: str, rule: str = "role-comma-title") -> Evidence:
    return Evidence(document=doc, start=start, end=start + len(sentence), sentence=sentence, rule=rule,
                    confidence=0.8)


def facts() -> list[DocumentFacts]:
    d1 = Document(id="sha256:" + "a" * 64, name="001_interview.txt", path="c/001_interview.txt",
                  title="Interview", chars=900, date="2023-05-01")
    d2 = Document(id="sha256:" + "b" * 64, name="002_nieuws.txt", path="c/002_nieuws.txt", chars=500)
    anna = Entity("person:anna-de-boer", "Person", "Anna de Boer", aliases=["De Boer"], mentions=3)
    ams = Entity("gemeente:gm0363", "Municipality", "Amsterdam", aliases=["gemeente Amsterdam"], mentions=2,
                 attributes={"cbs_code": "GM0363"})
    gron = Entity("gemeente:gm0014", "Municipality", "Groningen", mentions=1)  # code only in the id
    rug = Entity("org:rijksuniversiteit-groningen", "Organization", "Rijksuniversiteit Groningen",
                 aliases=["RUG"], mentions=1)
    nh = Entity("provincie:pv27", "Province", "Noord-Holland", mentions=1, attributes={"code": "PV27"})
    reg = Entity("region:regio-noord", "Region", "Regio Noord", mentions=1)
    ini = Entity("initiative:energielandgoed-zuid", "Initiative", "Energielandgoed Zuid", mentions=1)
    piet = Entity("person:piet-bakker", "Person", "Piet Bakker", mentions=1)
    f1 = DocumentFacts(d1, [anna, ams, gron, rug, nh, reg, piet], [
        Relation("HOLDS_POSITION", anna.id, ams.id, role="gemeentesecretaris", role_class="executive",
                 status="current", confidence=0.9,
                 evidence=[ev(d1.name, 10, "Anna de Boer, gemeentesecretaris van Amsterdam, zegt ...")]),
        Relation("HOLDS_POSITION", anna.id, rug.id, role="voorzitter", status="former", confidence=0.7,
                 evidence=[ev(d1.name, 200, "Eerder was zij voorzitter van de RUG.")]),
        Relation("HOLDS_POSITION", piet.id, rug.id, role="voorzitter", role_class="chair", status="current",
                 confidence=0.6, evidence=[ev(d1.name, 300, "Piet Bakker is voorzitter van de RUG.")]),
        Relation("HOLDS_POSITION", piet.id, gron.id, confidence=0.2,  # no role words: still an org:role
                 evidence=[ev(d1.name, 350, "Piet Bakker werkt bij Groningen.")]),
        Relation("MEMBER_OF", ams.id, reg.id, confidence=0.8,
                 evidence=[ev(d1.name, 400, "Amsterdam is lid van Regio Noord.", "member-of")]),
        Relation("LOCATED_IN", ams.id, nh.id, confidence=0.9,
                 evidence=[ev(d1.name, 500, "Amsterdam in Noord-Holland.", "located-in")]),
    ], [CoMention(anna.id, ams.id, 2)])
    f2 = DocumentFacts(d2, [Entity(ams.id, "Municipality", "Amsterdam", mentions=1,
                                   attributes={"cbs_code": "GM0363"}), rug, ini, Entity(anna.id, "Person",
                                                                                        "Anna de Boer")], [
        Relation("COLLABORATES_WITH", rug.id, ams.id, confidence=0.6,
                 evidence=[ev(d2.name, 5, "De RUG werkt samen met Amsterdam.", "collab")]),
        Relation("PARTICIPATES_IN", ams.id, ini.id, confidence=0.7,
                 evidence=[ev(d2.name, 50, "Amsterdam doet mee aan Energielandgoed Zuid.", "participates")]),
        Relation("HOLDS_POSITION", anna.id, ams.id, role="gemeentesecretaris", status="current",
                 confidence=0.5, evidence=[ev(d2.name, 90, "gemeentesecretaris Anna de Boer")]),
        Relation("HOLDS_POSITION", anna.id, ams.id, role="adviseur", status="current",  # same org:memberOf
                 confidence=0.5, evidence=[ev(d2.name, 130, "Anna de Boer is ook adviseur.")]),
    ], [CoMention(rug.id, ams.id, 1)])
    return [f1, f2]


@pytest.fixture()
def kg() -> KnowledgeGraph:
    return KnowledgeGraph.from_facts(facts())


@pytest.fixture()
def mapping() -> RdfMapping:
    return RdfMapping(reference=REFERENCE)


def parse(data: bytes, fmt: str) -> rdflib.Graph:
    graph = rdflib.Dataset() if fmt == "trig" else rdflib.Graph()
    return graph.parse(data=data, format=PARSE[fmt])


def streamed(kg: KnowledgeGraph, fmt: str, mapping: RdfMapping) -> bytes:
    buf = io.BytesIO()
    stream(kg, fmt, buf, mapping)
    return buf.getvalue()


def graphs_of(ds: rdflib.Dataset) -> dict[str | None, set]:
    """A parsed dataset as {graph name (None: default): set of triples}, empty graphs left out."""
    default = ds.default_graph.identifier
    return {(None if g.identifier == default else str(g.identifier)): set(g) for g in ds.graphs() if len(g)}


# -- round trips ---------------------------------------------------------------------------------
def test_every_format_parses_back_to_the_same_triples(kg: KnowledgeGraph, mapping: RdfMapping) -> None:
    reference = set(parse(serialize(kg, "ntriples", mapping), "ntriples"))
    assert len(reference) > 100
    for fmt in ("turtle", "jsonld"):
        assert set(parse(serialize(kg, fmt, mapping), fmt)) == reference, fmt
    # TriG, defined precisely: its default graph is exactly the triples of the other formats; it has
    # one named graph per document (named by the document IRI) holding exactly what
    # `document_triples` maps from that document's facts; its quad count is the sum of both.
    graphs = graphs_of(parse(serialize(kg, "trig", mapping), "trig"))
    assert graphs.pop(None) == reference
    documents = {mapping.document_iri(f.document.id).value: f for f in kg.facts}
    assert set(graphs) == set(documents)
    keep = {r.key for r in kg.relations()}
    for name, triples in graphs.items():
        expected = to_rdflib_triples(mapping.document_triples(documents[name], keep))
        assert triples == expected, name
    report = write_rdf(kg, "trig", io.BytesIO(), mapping, streaming=False)
    assert report.triples == len(reference) + sum(len(t) for t in graphs.values())


def to_rdflib_triples(triples) -> set:  # noqa: ANN001
    g = rdflib.Graph()
    g.parse(data="\n".join(f"{s} {p} {o} ." for s, p, o in triples), format="nt")
    return set(g)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_streaming_writes_the_same_triples_as_rdflib(kg: KnowledgeGraph, mapping: RdfMapping,
                                                     fmt: str) -> None:
    via_rdflib = parse(serialize(kg, fmt, mapping), fmt)
    via_stream = parse(streamed(kg, fmt, mapping), fmt)
    if fmt == "trig":
        assert graphs_of(via_stream) == graphs_of(via_rdflib)
    else:
        assert set(via_stream) == set(via_rdflib)
        assert len(via_stream) > 100
    # The generator never repeats a triple, so the streamed count is the rdflib graph's size.
    streamed_report = write_rdf(kg, fmt, io.BytesIO(), mapping, streaming=True)
    rdflib_report = write_rdf(kg, fmt, io.BytesIO(), mapping, streaming=False)
    assert (streamed_report.streamed, rdflib_report.streamed) == (True, False)
    assert streamed_report.triples == rdflib_report.triples


def test_streaming_output_is_deterministic(kg: KnowledgeGraph) -> None:
    first = streamed(kg, "ntriples", RdfMapping(reference=REFERENCE))
    reordered = KnowledgeGraph.from_facts(list(reversed(facts())))
    assert first == streamed(reordered, "ntriples", RdfMapping(reference=REFERENCE))


def test_streaming_is_chosen_automatically_for_large_graphs(kg: KnowledgeGraph, mapping: RdfMapping,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import stakegraph.graph.rdf_stream as rdf_stream

    assert not write_rdf(kg, "turtle", io.BytesIO(), mapping).streamed
    monkeypatch.setattr(rdf_stream, "STREAM_THRESHOLD", 10)
    assert write_rdf(kg, "turtle", io.BytesIO(), mapping).streamed
    assert not write_rdf(kg, "turtle", io.BytesIO(), mapping, streaming=False).streamed


def test_write_rdf_to_a_path_is_atomic_and_complete(kg: KnowledgeGraph, mapping: RdfMapping,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    report = write_rdf(kg, "turtle", out, mapping, streaming=True)
    assert len(parse(out.read_bytes(), "turtle")) == report.triples
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]  # no temporary file left


# -- the mapping -----------------------------------------------------------------------------------
def test_municipalities_and_provinces_link_to_tooi_and_wikidata(kg: KnowledgeGraph,
                                                                 mapping: RdfMapping) -> None:
    g = to_rdflib(kg, mapping)
    municipalities = [e for e in kg.entities() if e.type == "Municipality"]
    assert len(municipalities) == 2
    for e in municipalities:
        s = URIRef(mapping.entity_iri(e.id).value)
        code = str(g.value(s, SG.cbsCode))
        assert code.startswith("GM")  # from the attribute, or from the id gemeente:gm0014
        assert (s, OWL.sameAs, URIRef(f"{TOOI}gemeente/{code.lower()}")) in g
    ams = URIRef(mapping.entity_iri("gemeente:gm0363").value)
    assert (ams, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1001")) in g  # reference table
    assert (ams, SDO.containedInPlace, URIRef(f"{TOOI}provincie/pv27")) in g
    assert (ams, RDF.type, URIRef("https://identifier.overheid.nl/tooi/def/ont/Gemeente")) in g
    nh = URIRef(mapping.entity_iri("provincie:pv27").value)
    assert (nh, OWL.sameAs, URIRef(f"{TOOI}provincie/pv27")) in g
    assert (nh, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q2001")) in g
    assert str(g.value(nh, SG.cbsCode)) == "PV27"


def test_an_entity_attribute_wins_over_the_reference_table(mapping: RdfMapping) -> None:
    f = facts()[0]
    f.entities[1] = Entity("gemeente:gm0363", "Municipality", "Amsterdam",
                           attributes={"cbs_code": "GM0363", "wikidata": "Q42", "province": "PV20"})
    g = to_rdflib(KnowledgeGraph.from_facts([f]), mapping)
    ams = URIRef(mapping.entity_iri("gemeente:gm0363").value)
    assert set(g.objects(ams, OWL.sameAs)) == {URIRef(f"{TOOI}gemeente/gm0363"),
                                               URIRef("http://www.wikidata.org/entity/Q42")}
    assert set(g.objects(ams, SDO.containedInPlace)) == {URIRef(f"{TOOI}provincie/pv20")}


def test_without_reference_data_the_wikidata_link_is_left_out(kg: KnowledgeGraph) -> None:
    mapping = RdfMapping(reference=Reference())
    g = to_rdflib(kg, mapping)
    ams = URIRef(mapping.entity_iri("gemeente:gm0363").value)
    assert set(g.objects(ams, OWL.sameAs)) == {URIRef(f"{TOOI}gemeente/gm0363")}


def test_shipped_reference_data_is_read_by_the_one_loader() -> None:
    from stakegraph.graph.rdf import default_reference
    from stakegraph.loaders.reference import load_reference, read_table

    ref = default_reference()
    assert len(ref.municipality_wikidata) > 100
    assert all(code.startswith("PV") for code in ref.municipality_province.values())
    # the same tables extraction reads, through the same function
    rows = read_table("municipalities.csv")
    assert {r["cbs_code"] for r in rows} == set(load_reference().municipalities)
    assert ref.municipality_wikidata == {r["cbs_code"]: r["wikidata"] for r in rows if r.get("wikidata")}


def test_a_missing_reference_table_is_an_error_not_an_export_without_links(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from stakegraph.cli import main
    from stakegraph.graph import rdf
    from stakegraph.graph.store import open_store
    from stakegraph.loaders import reference

    open_store(str(tmp_path / "leeg.db")).close()
    monkeypatch.setattr(reference.resources, "files", lambda package: tmp_path / "geen-installatie")
    rdf.default_reference.cache_clear()
    try:
        with pytest.raises(reference.ReferenceDataError) as info:
            RdfMapping()
        assert "loaders/reference/municipalities.csv" in str(info.value) and "\n" not in str(info.value)
        result = CliRunner().invoke(main, ["export", "turtle", "--store", str(tmp_path / "leeg.db")])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.strip().startswith("stakegraph: error: reference table loaders/reference/")
        assert result.stderr.count("\n") == 1
    finally:
        rdf.default_reference.cache_clear()


def test_people_positions_and_chairs(kg: KnowledgeGraph, mapping: RdfMapping) -> None:
    g = to_rdflib(kg, mapping)
    for e in kg.entities("Person"):
        s = URIRef(mapping.entity_iri(e.id).value)
        assert (s, RDF.type, FOAF.Person) in g
        assert (s, FOAF.name, Literal(e.name)) in g
        assert (s, SDO.name, Literal(e.name)) in g
    anna = URIRef(mapping.entity_iri("person:anna-de-boer").value)
    assert (anna, SKOS.altLabel, Literal("De Boer")) in g
    positions = list(g.subjects(SG.relationType, Literal("HOLDS_POSITION")))
    assert len(positions) == len(kg.relations("HOLDS_POSITION")) == 5
    for m in positions:
        assert (m, RDF.type, ORG.Membership) in g
        role = g.value(m, ORG.role)
        assert role is not None and (role, RDF.type, ORG.Role) in g and g.value(role, SKOS.prefLabel)
    rug = URIRef(mapping.entity_iri("org:rijksuniversiteit-groningen").value)
    piet = URIRef(mapping.entity_iri("person:piet-bakker").value)
    assert (piet, ORG.headOf, rug) in g and (piet, ORG.memberOf, rug) in g  # current chair
    assert (anna, ORG.memberOf, rug) not in g and (anna, ORG.headOf, rug) not in g  # former position


def test_relations_carry_provenance_and_reachable_evidence(kg: KnowledgeGraph, mapping: RdfMapping) -> None:
    g = to_rdflib(kg, mapping)
    nodes = set(g.subjects(SG.relationType, None))
    assert len(nodes) == len(kg.relations())
    sentences = set()
    for node in nodes:
        sources = set(g.objects(node, PROV.wasDerivedFrom))
        assert sources and all((d, RDF.type, PROV.Entity) in g for d in sources)
        for evidence in g.objects(node, SG.evidence):
            assert g.value(evidence, PROV.wasQuotedFrom) in sources
            assert int(g.value(evidence, SG.start)) <= int(g.value(evidence, SG.end))
            sentences.add(str(g.value(evidence, PROV.value)))
    assert sentences == {e.sentence for r in kg.relations() for e in r.evidence}
    for d in kg.documents():
        s = URIRef(mapping.document_iri(d.id).value)
        assert (s, RDF.type, SDO.CreativeWork) in g
        assert (s, SDO.name, Literal(d.name)) in g
        assert (s, SDO.sha256, Literal(d.id.split(":", 1)[1])) in g
    # A non-membership relation: a direct triple plus an rdf:Statement with the provenance.
    statement = next(n for n in nodes if (n, SG.relationType, Literal("COLLABORATES_WITH")) in g)
    a, b = g.value(statement, RDF.subject), g.value(statement, RDF.object)
    assert (a, SG.collaboratesWith, b) in g


def test_trig_named_graphs_follow_min_confidence(kg: KnowledgeGraph, mapping: RdfMapping) -> None:
    strict = KnowledgeGraph.from_facts(facts(), min_confidence=0.65)
    dropped = [r for r in kg.relations() if r.confidence < 0.65]
    assert dropped and len(strict.relations()) == len(kg.relations()) - len(dropped)
    graphs = graphs_of(parse(serialize(strict, "trig", mapping), "trig"))
    assert set(graphs) - {None} == {mapping.document_iri(d.id).value for d in kg.documents()}
    kept = {s for s, p, _ in graphs[None] if p == SG.relationType}
    assert len(kept) == len(strict.relations())
    for name, triples in graphs.items():
        assert {s for s, p, _ in triples if p == SG.relationType} <= kept, name
        objects = {o for _, _, o in triples}
        assert not any(Literal(e.sentence) in objects for r in dropped for e in r.evidence), name


def test_a_document_stating_a_fact_twice_still_conforms(mapping: RdfMapping) -> None:
    f = facts()[0]
    repeated = ev(f.document.name, 700, "Nogmaals: Anna de Boer, gemeentesecretaris.")
    again = dataclasses.replace(f.relations[0], confidence=0.3, evidence=[repeated])
    f.relations.append(again)
    f.entities.append(Entity("person:anna-de-boer", "Person", "Anna de Boer", aliases=["Anna"], mentions=1))
    dataset = to_rdflib(KnowledgeGraph.from_facts([f]), mapping, dataset=True)
    result = validate(dataset)
    assert result.conforms, [str(v) for v in result.violations]
    named = dataset.graph(URIRef(mapping.document_iri(f.document.id).value))
    node = URIRef(mapping.relation_iri(f.relations[0].key).value)
    assert len(list(named.objects(node, SG.evidence))) == 2


def test_co_mentions_can_be_left_out(kg: KnowledgeGraph) -> None:
    with_co = to_rdflib(kg, RdfMapping(reference=REFERENCE))
    without = to_rdflib(kg, RdfMapping(reference=REFERENCE, co_mentions=False))
    assert len(list(with_co.subjects(RDF.type, SG.CoMention))) == 2
    assert not list(without.subjects(RDF.type, SG.CoMention))
    assert not list(without.triples((None, SG.coMentionedWith, None)))


# -- IRI and literal safety --------------------------------------------------------------------------
def hostile_facts() -> list[DocumentFacts]:
    doc = Document(id='sha256:"> <x> .\n', name='we"ird <name>.txt', path="x", title=HOSTILE)
    ids = ['person:x"y', "person:<a b>", "person:line\nbreak", "org:back\\slash", 'org:"""', "org:ü😀",
           "org:a/b", "org:a%2Fb", "..", ".", "org:\udcff"]
    ents = [Entity(i, "Person" if i.startswith("person") else "Organization", HOSTILE + i,
                   aliases=[HOSTILE, "\udcff broken"]) for i in ids]
    rels = [Relation("HOLDS_POSITION", ids[0], ids[3], role=HOSTILE, confidence=0.5,
                     evidence=[Evidence(doc.name, 0, 5, HOSTILE, rule=HOSTILE)]),
            Relation("COLLABORATES_WITH", ids[1], ids[4], confidence=0.5,
                     evidence=[Evidence(doc.name, 0, 5, HOSTILE + '"', rule="r")])]
    return [DocumentFacts(doc, ents, rels, [CoMention(ids[2], ids[5], 1)])]


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_no_id_or_name_can_break_out_of_an_iri_or_literal(fmt: str) -> None:
    kg = KnowledgeGraph.from_facts(hostile_facts())
    mapping = RdfMapping(reference=REFERENCE)
    via_rdflib = parse(serialize(kg, fmt, mapping), fmt)
    via_stream = parse(streamed(kg, fmt, mapping), fmt)
    g = via_rdflib.default_graph if fmt == "trig" else via_rdflib
    assert set(g) == set(via_stream.default_graph if fmt == "trig" else via_stream)
    entities = set(g.subjects(URIRef("http://purl.org/dc/terms/identifier"), None))
    iris = {str(s) for s in entities}
    assert len(iris) == len(kg.entities()) + len(kg.documents())  # distinct ids stay distinct
    for iri in iris:
        assert not set(iri) & set(' <>"{}|\\^`\n\t'), iri
        assert "/entity/./" not in iri + "/" and "/entity/../" not in iri + "/"
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert HOSTILE + 'person:x"y' in names and HOSTILE + "org:ü😀" in names
    assert HOSTILE in {str(o) for o in g.objects(None, PROV.value)}


def test_segments_are_injective_and_never_dot_segments() -> None:
    values = ["a/b", "a%2Fb", "a b", "a+b", ".", "..", "...", "", "person:x", "person%3Ax"]
    assert len({segment(v) for v in values}) == len(values)
    assert segment(".") not in (".", "..") and segment("..") not in (".", "..")
    assert segment("person:anna-de-boer") == "person:anna-de-boer"


def test_base_is_checked_and_used(kg: KnowledgeGraph) -> None:
    mapping = RdfMapping("https://data.example.nl/stakeholders", reference=REFERENCE)
    assert mapping.base == "https://data.example.nl/stakeholders/"
    g = to_rdflib(kg, mapping)
    assert (URIRef("https://data.example.nl/stakeholders/entity/person:anna-de-boer"), RDF.type,
            FOAF.Person) in g
    for bad in ("not an iri", "relative/path/", "https://x.example/?q="):
        with pytest.raises(RdfError):
            RdfMapping(bad)


# -- SHACL -----------------------------------------------------------------------------------------
def test_the_export_of_a_realistic_graph_conforms(kg: KnowledgeGraph, mapping: RdfMapping) -> None:
    result = validate(to_rdflib(kg, mapping))
    assert result.conforms, [str(v) for v in result.violations]
    dataset = validate(to_rdflib(kg, mapping, dataset=True))
    assert dataset.conforms, [str(v) for v in dataset.violations]
    assert dataset.triples > result.triples


def test_validation_fails_readably_on_a_broken_graph(kg: KnowledgeGraph, mapping: RdfMapping) -> None:
    g = to_rdflib(kg, mapping)
    ams = URIRef(mapping.entity_iri("gemeente:gm0363").value)
    g.remove((None, ORG.role, None))
    g.remove((ams, OWL.sameAs, URIRef(f"{TOOI}gemeente/gm0363")))
    g.remove((None, PROV.wasDerivedFrom, None))
    result = validate(g)
    assert not result.conforms
    lines = [str(v) for v in result.violations]
    assert sum("HOLDS_POSITION membership has no org:role" in line for line in lines) == len(
        kg.relations("HOLDS_POSITION"))
    tooi = "GM0363 has no owl:sameAs link to its TOOI identifier"
    assert any(tooi in line and "entity:gemeente:gm0363" in line for line in lines)
    assert sum("prov:wasDerivedFrom" in line for line in lines) >= len(kg.relations())
    assert all(line.startswith("violation: ") and "\n" not in line for line in lines)


def test_validation_reports_the_named_graph_of_a_problem(kg: KnowledgeGraph, mapping: RdfMapping,
                                                         tmp_path: Path) -> None:
    data = serialize(kg, "trig", mapping).replace(b'sg:cbsCode "GM0363"', b'sg:cbsCode "AMS"')
    path = tmp_path / "broken.trig"
    path.write_bytes(data)
    result = validate(load_rdf(path))
    assert not result.conforms
    assert {v.graph for v in result.violations} >= {None, "document:sha256:" + "a" * 64}
    assert any("GM followed by four digits" in str(v) for v in result.violations)


def test_unreadable_rdf_raises_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b \"unterminated .\n", encoding="utf-8")
    for path in (bad, tmp_path / "missing.ttl"):
        with pytest.raises(RdfError) as info:
            load_rdf(path)
        assert "\n" not in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize("corpus", ["samples", pytest.param("shared", marks=pytest.mark.shared("corpus"))])
def test_the_export_of_a_real_corpus_conforms(tmp_path: Path, corpus: str, shared: Path) -> None:
    corpus = REPO / "samples" if corpus == "samples" else shared / "corpus"
    from stakegraph import build

    store = tmp_path / "corpus.db"
    build([corpus], store=str(store))
    kg = KnowledgeGraph(str(store))
    for fmt in ("turtle", "trig"):
        out = tmp_path / f"corpus.{fmt}"
        write_rdf(kg, fmt, out, RdfMapping())
        result = validate(load_rdf(out))
        assert result.conforms, [str(v) for v in result.violations[:20]]
