"""The user's corrections: each operation does what it says, by id or by name, applying them twice
is applying them once, they do not change the caller's facts, the file round-trips, a broken file
is one clear error, and corrections made once hold on ingest, on read and after a re-ingest."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from stakegraph.graph.curation import CURATION_FILE, Curation, CurationError
from stakegraph.graph.model import CoMention, Document, DocumentFacts, Entity, Evidence, Relation
from stakegraph.graph.store import open_store
from stakegraph.ingest import build
from stakegraph.knowledge import KnowledgeGraph

MARIEKE, M_DALEN, JORIS = "person:marieke-van-dalen", "person:m-van-dalen", "person:joris-hendriks"
ZWOLLE, WINDESHEIM, VNG = "gemeente:gm0193", "org:hogeschool-windesheim", "org:vng"


def ev(document: str, sentence: str, start: int = 0) -> Evidence:
    return Evidence(document, start, start + len(sentence), sentence, "test", 0.8)


def base_facts() -> list[DocumentFacts]:
    a = DocumentFacts(
        Document("sha256:a", "benoeming.txt", "/stukken/benoeming.txt"),
        entities=[Entity(MARIEKE, "Person", "Marieke van Dalen", ["Van Dalen"], ["benoeming.txt"], 3),
                  Entity(ZWOLLE, "Municipality", "Zwolle", ["gemeente Zwolle"], ["benoeming.txt"], 2),
                  Entity(VNG, "Organization", "VNG", [], ["benoeming.txt"], 1),
                  Entity("person:brandjes", "Person", "Brandjes", [], ["benoeming.txt"], 1)],
        relations=[Relation("HOLDS_POSITION", MARIEKE, ZWOLLE, "gemeentesecretaris", status="current",
                            confidence=0.9,
                            evidence=[ev("benoeming.txt", "Marieke van Dalen wordt secretaris.")]),
                   Relation("MEMBER_OF", ZWOLLE, VNG, confidence=0.7,
                            evidence=[ev("benoeming.txt", "Zwolle is lid van de VNG.", 100)]),
                   Relation("HOLDS_POSITION", "person:brandjes", VNG, "adviseur", confidence=0.5,
                            evidence=[ev("benoeming.txt", "Brandjes adviseert de VNG.", 200)])],
        co_mentions=[CoMention(MARIEKE, ZWOLLE, 2), CoMention("person:brandjes", VNG, 1)],
    )
    b = DocumentFacts(
        Document("sha256:b", "interview.md", "/stukken/interview.md"),
        entities=[Entity(M_DALEN, "Person", "M. van Dalen", [], ["interview.md"], 1),
                  Entity(JORIS, "Person", "Joris Hendriks", ["Hendriks"], ["interview.md"], 4),
                  Entity(WINDESHEIM, "Organization", "Windesheim", [], ["interview.md"], 2),
                  Entity(ZWOLLE, "Municipality", "Zwolle", [], ["interview.md"], 1)],
        relations=[Relation("HOLDS_POSITION", JORIS, WINDESHEIM, "lector", status="current", confidence=0.8,
                            evidence=[ev("interview.md", "Joris Hendriks is lector aan Windesheim.")]),
                   Relation("HOLDS_POSITION", M_DALEN, ZWOLLE, "gemeentesecretaris", status="current",
                            confidence=0.5, evidence=[ev("interview.md", "M. van Dalen van Zwolle.", 90)]),
                   Relation("COLLABORATES_WITH", WINDESHEIM, ZWOLLE, confidence=0.6,
                            evidence=[ev("interview.md", "Windesheim werkt samen met Zwolle.", 150)])],
        co_mentions=[CoMention(JORIS, WINDESHEIM, 1), CoMention(M_DALEN, ZWOLLE, 1)],
    )
    return [a, b]


def curation(**ops: list[dict]) -> Curation:
    cur = Curation()
    for op, items in ops.items():
        cur.ops[op] = items
    return cur


def graph(cur: Curation) -> KnowledgeGraph:
    return KnowledgeGraph.from_facts(base_facts(), curation=cur)


EVERYTHING = dict(
    merge=[{"into": "Marieke van Dalen", "from": ["M. van Dalen"]}],
    reject=[{"entity": "Brandjes"}],
    rename=[{"entity": VNG, "name": "Vereniging van Nederlandse Gemeenten"}],
    alias=[{"entity": WINDESHEIM, "alias": "Hogeschool Windesheim"}],
    retype=[{"entity": "Windesheim", "type": "Organization"}, {"entity": JORIS, "type": "Person"}],
    split=[{"entity": ZWOLLE, "documents": ["interview.md"], "into": "gemeente:zwolle-interview"}],
)


def test_merge_by_name_joins_entities_relations_and_evidence() -> None:
    kg = graph(curation(merge=[{"into": "Marieke van Dalen", "from": ["M. van Dalen"]}]))
    assert kg.entity(M_DALEN) is None
    m = kg.entity(MARIEKE)
    assert m.documents == ["benoeming.txt", "interview.md"] and "M. van Dalen" in m.aliases
    assert m.name == "Marieke van Dalen"
    [r] = kg.relations("HOLDS_POSITION", MARIEKE)
    assert [e.document for e in r.evidence] == ["benoeming.txt", "interview.md"]
    assert kg.find("M. van Dalen").id == MARIEKE


def test_merge_by_id_and_a_single_string() -> None:
    kg = graph(curation(merge=[{"into": MARIEKE, "from": M_DALEN}]))
    assert kg.entity(M_DALEN) is None and "interview.md" in kg.entity(MARIEKE).documents


def test_merge_chains_are_followed() -> None:
    kg = graph(curation(merge=[{"into": MARIEKE, "from": [M_DALEN]}, {"into": M_DALEN, "from": [JORIS]}]))
    ids = {e.id for e in kg.entities()}
    assert M_DALEN not in ids and JORIS not in ids  # Joris -> M. van Dalen -> Marieke


def test_reject_removes_the_entity_with_its_relations_and_co_mentions() -> None:
    kg = graph(curation(reject=[{"entity": "Brandjes"}]))
    assert kg.find("Brandjes") is None
    assert all("person:brandjes" not in (r.source, r.target) for r in kg.relations())
    assert all("person:brandjes" not in (c.source, c.target) for c in kg.co_mentions())
    assert kg.entity(VNG) is not None  # the other end stays


def test_rename_keeps_the_old_name_as_an_alias() -> None:
    kg = graph(curation(rename=[{"entity": "VNG", "name": "Vereniging van Nederlandse Gemeenten"}]))
    e = kg.entity(VNG)
    assert e.name == "Vereniging van Nederlandse Gemeenten" and e.aliases == ["VNG"]
    assert kg.find("VNG").id == VNG


def test_alias_and_retype() -> None:
    kg = graph(curation(alias=[{"entity": "Windesheim", "alias": "Hogeschool Windesheim"}],
                        retype=[{"entity": "Windesheim", "type": "Initiative"}]))
    e = kg.find("Hogeschool Windesheim")
    assert e.id == WINDESHEIM and e.type == "Initiative"


def test_split_gives_the_documents_entity_its_own_id() -> None:
    kg = graph(curation(split=[{"entity": "Zwolle", "documents": ["interview.md"],
                                "into": "gemeente:zwolle-interview"}]))
    assert kg.entity(ZWOLLE).documents == ["benoeming.txt"]
    other = kg.entity("gemeente:zwolle-interview")
    assert other.documents == ["interview.md"]
    assert {(r.source, r.target) for r in kg.relations("COLLABORATES_WITH")} == \
        {("gemeente:zwolle-interview", WINDESHEIM)}


def test_split_without_into_derives_a_readable_id() -> None:
    kg = graph(curation(split=[{"entity": ZWOLLE, "documents": ["interview.md"]}]))
    assert kg.entity("gemeente:gm0193-interview-md").documents == ["interview.md"]


def test_applying_twice_is_applying_once() -> None:
    cur = curation(**EVERYTHING)
    once = cur.apply(base_facts())
    twice = cur.apply(copy.deepcopy(once))
    assert [f.to_dict() for f in twice] == [f.to_dict() for f in once]


@pytest.mark.parametrize("ops", [EVERYTHING, {k: EVERYTHING[k] for k in ("rename", "alias", "retype")}])
def test_apply_leaves_the_callers_facts_alone(ops: dict) -> None:
    facts = base_facts()
    before = [f.to_dict() for f in facts]
    curation(**ops).apply(facts)
    assert [f.to_dict() for f in facts] == before


def test_an_empty_curation_changes_nothing() -> None:
    facts = base_facts()
    assert not Curation()
    assert [f.to_dict() for f in Curation().apply(facts)] == [f.to_dict() for f in base_facts()]


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    cur = curation(**copy.deepcopy(EVERYTHING))
    cur.path = tmp_path / CURATION_FILE
    cur.add("rename", entity="org:x", name='Stichting "De Brug" \\ Zwolle')
    cur.add("rename", entity="org:x", name='Stichting "De Brug" \\ Zwolle')  # added once
    cur.save()
    again = Curation.load(cur.path)
    assert again.ops == cur.ops
    assert len(again.ops["rename"]) == 2


def test_missing_file_is_an_empty_curation(tmp_path: Path) -> None:
    cur = Curation.load(tmp_path / "nog-niet.toml")
    assert not cur and cur.path == tmp_path / "nog-niet.toml"
    assert not Curation.load(None)


@pytest.mark.parametrize(("text", "message"), [
    ("[[merge]\ninto = 'x'\n", "cannot read"),
    ("[[samenvoegen]]\ninto = 'x'\n", "unknown operation"),
    ("merge = 'x'\n", "list of tables"),
    ("[[retype]]\nentity = 'x'\ntype = 'Gemeente'\n", "unknown type"),
    ("[[reject]]\nentity = 3\n", "reject"),
    ("[[merge]]\ninto = 'x'\nfrom = [1, 2]\n", "merge"),
    ("[[split]]\nentity = 'x'\ndocuments = 'a.txt'\n", "split"),
    ("[[rename]]\nentiteit = 'x'\nname = 'y'\n", "rename"),
])
def test_a_broken_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / CURATION_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError, match=message) as err:
        Curation.load(path)
    assert str(path) in str(err.value)


def test_a_binary_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / CURATION_FILE
    path.write_bytes(b"\xff\xfe\x00\x89PNG")
    with pytest.raises(CurationError, match="cannot read"):
        Curation.load(path)


# -- with real documents -------------------------------------------------------------------------
BENOEMING = """Nieuwe gemeentesecretaris voor Zwolle

Het college van de gemeente Zwolle heeft Marieke van Dalen benoemd tot gemeentesecretaris. Van Dalen \
is nu directeur bij de Vereniging van Nederlandse Gemeenten. Zij volgt Bram Koster op.
"""
INTERVIEW = """# Interview met Joris Hendriks

Joris Hendriks is lector aan Hogeschool Windesheim. Hendriks werkt samen met de gemeente Zwolle.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "stukken"
    folder.mkdir()
    (folder / "benoeming.txt").write_text(BENOEMING, encoding="utf-8")
    (folder / "interview.md").write_text(INTERVIEW, encoding="utf-8")
    return folder


def test_curation_applies_on_ingest_on_read_and_survives_reingest(corpus: Path, tmp_path: Path) -> None:
    cur = curation(reject=[{"entity": "Bram Koster"}],
                   rename=[{"entity": "Joris Hendriks", "name": "dr. Joris Hendriks"}])
    db = str(tmp_path / "graph.db")
    build([corpus], db, curation=cur)
    with open_store(db) as st:  # on ingest: the stored facts are already curated
        names = {e.name for e in st.entities()}
    assert "Bram Koster" not in names and "dr. Joris Hendriks" in names

    plain = str(tmp_path / "plain.db")
    build([corpus], plain)
    kg = KnowledgeGraph(plain, curation=cur)  # on read: the same corrections over uncurated facts
    assert {e.name for e in kg.entities()} == names

    changed = BENOEMING + "\nBram Koster blijft adviseur van de gemeente Zwolle.\n"
    (corpus / "benoeming.txt").write_text(changed, encoding="utf-8")
    report = build([corpus], db, curation=cur)
    assert report.ingested == [str(corpus / "benoeming.txt")]
    with open_store(db) as st:
        assert "Bram Koster" not in {e.name for e in st.entities()}
        assert "dr. Joris Hendriks" in {e.name for e in st.entities()}


def test_every_operation_gives_the_same_graph_on_ingest_as_on_read(corpus: Path, tmp_path: Path) -> None:
    cur = curation(
        merge=[{"into": "Marieke van Dalen", "from": ["Bram Koster"]}],
        reject=[{"entity": "Vereniging van Nederlandse Gemeenten"}],
        rename=[{"entity": "Hogeschool Windesheim", "name": "Windesheim"}],
        alias=[{"entity": "Joris Hendriks", "alias": "J. Hendriks"}],
        retype=[{"entity": "gemeente Zwolle", "type": "Region"}],
        split=[{"entity": "Zwolle", "documents": ["interview.md"], "into": "gemeente:zwolle-uit-interview"}],
    )
    curated, plain = str(tmp_path / "curated.db"), str(tmp_path / "plain.db")
    build([corpus], curated, curation=cur)
    build([corpus], plain)
    on_ingest = KnowledgeGraph(curated, curation=cur)
    on_read = KnowledgeGraph(plain, curation=cur)
    assert on_ingest.to_json() == on_read.to_json()
    kg = on_read
    assert kg.find("Bram Koster").id == kg.find("Marieke van Dalen").id
    assert kg.find("VNG") is None and kg.find("Vereniging van Nederlandse Gemeenten") is None
    assert kg.find("Hogeschool Windesheim").name == "Windesheim"
    assert kg.find("J. Hendriks").name == "Joris Hendriks"
    assert kg.entity("gemeente:gm0193").type == "Region"
    assert kg.entity("gemeente:gm0193").documents == ["benoeming.txt"]
    assert kg.entity("gemeente:zwolle-uit-interview").documents == ["interview.md"]


def test_merge_keeps_the_target_name_even_when_the_other_is_mentioned_more() -> None:
    from stakegraph.graph.model import Document, DocumentFacts, Entity
    from stakegraph.knowledge import KnowledgeGraph

    def doc(name: str) -> Document:
        return Document(id=f"sha256:{name}", name=name, path=f"/{name}")

    first = DocumentFacts(doc("a.txt"), [Entity("person:anna-smit", "Person", "Anna Smit", [], ["a.txt"], 1),
                                         Entity("person:a-smit", "Person", "A. Smit", [], ["a.txt"], 1)])
    second = DocumentFacts(doc("b.txt"), [Entity("person:a-smit", "Person", "A. Smit", [], ["b.txt"], 9)])
    curation = Curation()
    curation.add("merge", into="person:anna-smit", **{"from": ["person:a-smit"]})
    (merged,) = KnowledgeGraph.from_facts([first, second], curation=curation).entities()
    assert (merged.id, merged.name, merged.aliases, merged.mentions) == ("person:anna-smit", "Anna Smit",
                                                                       ["A. Smit"], 11)
