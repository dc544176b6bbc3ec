"""Ingesting folders of documents: an unchanged corpus changes nothing (byte-identical export), a
changed file replaces exactly its own facts, deleted files can be pruned or forgotten, unreadable
files are skipped with a reason while the run goes on, and every relation points at the sentence
it was read from."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from stakegraph.graph.export import dumps
from stakegraph.graph.store import open_store
from stakegraph.ingest import IngestReport, build, document_id, forget
from stakegraph.knowledge import KnowledgeGraph
from stakegraph.loaders.formats import load_text

BENOEMING = """Nieuwe gemeentesecretaris voor Zwolle

Het college van de gemeente Zwolle heeft Marieke van Dalen benoemd tot gemeentesecretaris. Van Dalen is \
nu directeur bij de Vereniging van Nederlandse Gemeenten (VNG). Zij volgt Bram Koster op, die met \
pensioen gaat.

De gemeente Zwolle werkt samen met de gemeente Kampen aan de woningbouw in de regio.
"""
INTERVIEW = """# Interview met Joris Hendriks

Joris Hendriks is lector aan Hogeschool Windesheim. Hendriks werkt samen met de gemeente Zwolle aan het \
programma Wijk aan Zet.

"De VNG is voor ons een belangrijke partner", zegt Hendriks. Marieke van Dalen, gemeentesecretaris van \
Zwolle, steunt het programma.
"""
NIEUWS = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>GGD IJsselland start Gezond Kampen</title></head>
<body><article><h1>GGD IJsselland start Gezond Kampen</h1>
<p>GGD IJsselland en de gemeente Kampen starten samen het project Gezond Kampen. Tessa Wolters, directeur
publieke gezondheid bij GGD IJsselland, leidt het project.</p>
<p>Ook Hogeschool Windesheim doet mee aan Gezond Kampen.</p>
</article></body></html>
"""


NAMES = ["benoeming_zwolle.txt", "gezond_kampen.html", "interview_windesheim.md"]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "benoeming_zwolle.txt").write_text(BENOEMING, encoding="utf-8")
    (folder / "interview_windesheim.md").write_text(INTERVIEW, encoding="utf-8")
    sub = folder / "nieuws"
    sub.mkdir(exist_ok=True)
    (sub / "gezond_kampen.html").write_text(NIEUWS, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "stukken")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "graph.db")


def exported(db: str) -> str:
    return dumps(KnowledgeGraph(db).to_json())


def names(db: str) -> set[str]:
    return {e.name for e in KnowledgeGraph(db).entities()}


def test_first_ingest_reads_every_document(corpus: Path, db: str) -> None:
    seen: list[Path] = []
    report = build([corpus], db, progress=seen.append)
    assert report.skipped == [] and len(report.ingested) == 3
    assert report.summary() == "3 ingested, 0 unchanged, 0 skipped"
    assert sorted(p.name for p in seen) == NAMES
    kg = KnowledgeGraph(db)
    docs = {d.name: d for d in kg.documents()}
    assert sorted(docs) == NAMES
    text = load_text(corpus / "benoeming_zwolle.txt").text
    d = docs["benoeming_zwolle.txt"]
    assert d.id == "sha256:" + hashlib.sha256(text.encode()).hexdigest() == document_id(text)
    assert d.path == str((corpus / "benoeming_zwolle.txt").resolve()) and d.chars == len(text)
    marieke = kg.find("Marieke van Dalen")
    assert marieke is not None and marieke.type == "Person"
    assert marieke.documents == ["benoeming_zwolle.txt", "interview_windesheim.md"]
    assert kg.find("gemeente Zwolle").type == "Municipality"


def test_ingesting_the_same_folder_twice_changes_nothing(corpus: Path, db: str) -> None:
    build([corpus], db)
    first = exported(db)
    (corpus / "benoeming_zwolle.txt").write_text(BENOEMING, encoding="utf-8")  # touched, same text
    report = build([corpus], db)
    assert report.ingested == [] and len(report.unchanged) == 3 and report.skipped == []
    assert report.summary() == "0 ingested, 3 unchanged, 0 skipped"
    assert exported(db) == first


def test_the_same_corpus_gives_the_same_bytes_in_a_fresh_store(corpus: Path, tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    build([corpus], a)
    build([corpus / "nieuws", corpus / "interview_windesheim.md", corpus / "benoeming_zwolle.txt"], b)
    assert exported(a) == exported(b)  # ingest order does not matter


def test_a_changed_file_replaces_its_facts(corpus: Path, db: str) -> None:
    build([corpus], db)
    assert "Bram Koster" in names(db)
    old_id = KnowledgeGraph(db).find("Marieke van Dalen").id
    path = corpus / "benoeming_zwolle.txt"
    path.write_text(BENOEMING.replace("Bram Koster", "Sanne Mulder"), encoding="utf-8")
    report = build([corpus], db)
    assert report.ingested == [str(path)] and len(report.unchanged) == 2
    kg = KnowledgeGraph(db)
    assert kg.find("Bram Koster") is None and kg.find("Sanne Mulder") is not None
    assert kg.find("Marieke van Dalen").id == old_id
    assert len(kg.documents()) == 3
    assert all("Bram Koster" not in ev.sentence for r in kg.relations() for ev in r.evidence)


def test_prune_forgets_files_deleted_from_the_folder(corpus: Path, db: str) -> None:
    build([corpus], db)
    gone = corpus / "interview_windesheim.md"
    gone.unlink()
    report = build([corpus], db)  # without --prune the document stays
    assert "Joris Hendriks" in names(db) and report.pruned == []
    report = build([corpus], db, prune=True)
    assert report.pruned == [str(gone.resolve())]
    assert report.summary().endswith("1 pruned")
    kg = KnowledgeGraph(db)
    assert kg.find("Joris Hendriks") is None
    assert kg.find("Marieke van Dalen").documents == ["benoeming_zwolle.txt"]


def test_prune_leaves_documents_of_other_folders_alone(tmp_path: Path, db: str) -> None:
    first = write_corpus(tmp_path / "eerste")
    second = tmp_path / "tweede"
    second.mkdir()
    (second / "ggd.html").write_text(NIEUWS, encoding="utf-8")
    build([first, second], db)
    (first / "nieuws" / "gezond_kampen.html").unlink()
    report = build([second], db, prune=True)
    assert report.pruned == []
    assert len(KnowledgeGraph(db).documents()) == 4


def test_forget_a_file_a_folder_and_by_name(corpus: Path, db: str) -> None:
    build([corpus], db)
    with open_store(db) as st:
        removed, unknown = forget([corpus / "interview_windesheim.md", corpus / "bestaat-niet.txt"], st)
        assert [Path(p).name for p in removed] == ["interview_windesheim.md"]
        assert unknown == [str(corpus / "bestaat-niet.txt")]
        removed, _ = forget([corpus / "nieuws"], st)
        assert [Path(p).name for p in removed] == ["gezond_kampen.html"]
        removed, _ = forget(["benoeming_zwolle.txt"], st)
        assert len(removed) == 1
        assert st.documents() == []
    assert names(db) == set()


def test_forgetting_one_of_two_documents_keeps_a_shared_stakeholder(corpus: Path, db: str) -> None:
    build([corpus], db)
    with open_store(db) as st:
        forget([corpus / "benoeming_zwolle.txt"], st)
    kg = KnowledgeGraph(db)
    assert kg.find("Bram Koster") is None
    marieke = kg.find("Marieke van Dalen")
    assert marieke.documents == ["interview_windesheim.md"]
    for r in kg.relations(entity=marieke.id):
        assert {e.document for e in r.evidence} == {"interview_windesheim.md"}


def test_unreadable_files_are_skipped_with_reasons_and_the_run_goes_on(corpus: Path, db: str) -> None:
    (corpus / "leeg.txt").write_text("  \n\n", encoding="utf-8")
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer rommel")
    (corpus / "notities.xyz").write_text("Gemeente Zwolle", encoding="utf-8")
    (corpus / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # inside a folder: silently not a document
    report = build([corpus, corpus / "notities.xyz", corpus / "bestaat-niet.docx"], db)
    reasons = {Path(p).name: r for p, r in report.skipped}
    assert sorted(reasons) == ["bestaat-niet.docx", "kapot.pdf", "leeg.txt", "notities.xyz"]
    assert "empty" in reasons["leeg.txt"]
    assert "pdf" in reasons["kapot.pdf"].lower()
    assert "unsupported" in reasons["notities.xyz"] and ".xyz" in reasons["notities.xyz"]
    assert "no such file" in reasons["bestaat-niet.docx"]
    assert len(report.ingested) == 3
    assert all("\n" not in r for r in reasons.values())


def test_an_extraction_failure_skips_only_that_document(corpus: Path, db: str, monkeypatch) -> None:
    from stakegraph.loaders.extract import Extractor

    real = Extractor.extract

    def flaky(self, text, document):
        if document.name == "interview_windesheim.md":
            raise RuntimeError("spaCy had een slechte dag")
        return real(self, text, document)

    monkeypatch.setattr(Extractor, "extract", flaky)
    report = build([corpus], db)
    assert [(Path(p).name, r) for p, r in report.skipped] == [
        ("interview_windesheim.md", "extraction failed (internal error RuntimeError; please report it with the file)")]
    assert len(report.ingested) == 2
    monkeypatch.setattr(Extractor, "extract", real)
    report = build([corpus], db)  # the next run picks the skipped document up
    assert [Path(p).name for p in report.ingested] == ["interview_windesheim.md"]


def test_every_relation_has_evidence_that_slices_its_sentence(corpus: Path, db: str) -> None:
    build([corpus], db)
    kg = KnowledgeGraph(db)
    texts = {d.name: load_text(d.path).text for d in kg.documents()}
    relations = kg.relations()
    assert len(relations) >= 3
    for r in relations:
        assert r.evidence, r
        for ev in r.evidence:
            assert ev.document in texts
            piece = texts[ev.document][ev.start:ev.end]
            assert 0 <= ev.start < ev.end <= len(texts[ev.document])
            assert " ".join(piece.split()) == " ".join(ev.sentence.split()), (r.key, ev)
            assert 0 < ev.confidence <= 1 and ev.rule


def test_an_empty_run_reports_nothing(tmp_path: Path, db: str) -> None:
    (tmp_path / "leeg").mkdir()
    report = build([tmp_path / "leeg"], db)
    assert report == IngestReport()
    assert report.summary() == "0 ingested, 0 unchanged, 0 skipped"


def test_build_writes_into_an_open_store_without_closing_it(corpus: Path, db: str) -> None:
    st = open_store(db)
    build([corpus / "nieuws"], st)
    assert [d.name for d in st.documents()] == ["gezond_kampen.html"]  # still open and usable
    st.close()


def _age(folder: Path, seconds: float = 3600) -> None:
    """Make files look as if written an hour ago (fresh files are always re-hashed)."""
    import os
    import time

    for f in folder.rglob("*.*"):
        os.utime(f, (time.time() - seconds, time.time() - seconds))


def test_untouched_files_are_not_even_read_again(corpus: Path, db: str, monkeypatch) -> None:
    _age(corpus)
    build([corpus], db)
    before = exported(db)

    def unreadable(path):
        raise AssertionError(f"{path} was read although size and mtime are unchanged")

    monkeypatch.setattr("stakegraph.ingest_worker.load_text", unreadable)
    report = build([corpus], db)
    assert len(report.unchanged) == 3 and report.ingested == [] and report.skipped == []
    assert exported(db) == before


def test_a_touched_file_with_the_same_text_is_hashed_and_kept(corpus: Path, db: str) -> None:
    _age(corpus)
    build([corpus], db)
    before = exported(db)
    _age(corpus / "nieuws", seconds=60)  # a new mtime, the same text
    report = build([corpus], db)
    assert len(report.unchanged) == 3 and report.ingested == []
    assert exported(db) == before


def test_a_changed_file_of_the_same_size_is_read_again(corpus: Path, db: str) -> None:
    _age(corpus)
    build([corpus], db)
    f = corpus / "benoeming_zwolle.txt"
    f.write_text(BENOEMING.replace("Kampen", "Kempen"), encoding="utf-8")  # same size, new mtime
    report = build([corpus], db)
    assert [Path(p).name for p in report.ingested] == ["benoeming_zwolle.txt"]


def test_an_unchanged_re_ingest_imports_no_nlp_library(corpus: Path, db: str) -> None:
    import subprocess
    import sys

    _age(corpus)
    build([corpus], db)
    code = (
        "import sys\n"
        "from stakegraph.cli import main\n"
        f"try:\n    main(['ingest', {str(corpus)!r}, '--store', {db!r}])\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('spacy', 'deduce', 'thinc') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-2:] == ["0 ingested, 3 unchanged, 0 skipped", "[]"]
