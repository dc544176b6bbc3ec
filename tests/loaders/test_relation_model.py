"""The learned pair model: what it reads of a pair, how it joins the rules, and how it is trained."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from stakegraph.graph.model import Document
from stakegraph.loaders.calibration import SINGLE_SENTENCE_CEILING
from stakegraph.loaders.extract import Extractor
from stakegraph.loaders.reference import common_word
from stakegraph.loaders.relation_model import (
    KIND_WORDS,
    MODEL_FILE,
    TypeModel,
    coordinated,
    load_model,
    mention_kind,
    model_candidates,
    pair_candidates,
)
from stakegraph.loaders.relations import Candidate
from stakegraph.loaders.text import Mention, Sentence

REALSET_DEV = Path(__file__).parents[1] / "realset" / "dev"


def _sentence(text: str, names: dict[str, str]) -> tuple[Sentence, list[Mention]]:
    """A sentence and its mentions, each name resolved to a key of its own."""
    mentions = []
    for name, type_ in names.items():
        start = text.index(name)
        key = name.lower().replace(" ", "-")
        mentions.append(Mention(start, start + len(name), name, type_, "test", key=key))
    return Sentence(0, len(text), text), mentions


def test_a_coordination_list_is_one_group_and_its_member_nearest_the_body_reads_for_all():
    s, ms = _sentence(
        "De gemeenten Oosterwolde, Mariahout en Kleinzand werken samen in de Regio Heideland.",
        {"Oosterwolde": "Municipality", "Mariahout": "Municipality", "Kleinzand": "Municipality",
         "Regio Heideland": "Region"},
    )
    groups = coordinated(s.text, s.start, ms)
    assert [m.text for m in groups[id(ms[0])]] == ["Oosterwolde", "Mariahout", "Kleinzand"]
    assert id(ms[3]) not in groups
    member = {c.source.text: c.features for c in pair_candidates(s, ms) if c.type == "MEMBER_OF"}
    # every member is read as "<list> werken samen in de <Region>", however far it stands from the body
    assert member["Oosterwolde"] == member["Kleinzand"]
    assert "bseq=werken samen in de" in member["Oosterwolde"]


def test_a_body_is_described_by_its_kind_never_its_name():
    s, ms = _sentence(
        "Epe en Heerde zijn aangesloten bij de Omgevingsdienst Veluwe IJssel.",
        {"Epe": "Municipality", "Heerde": "Municipality", "Omgevingsdienst Veluwe IJssel": "Organization"},
    )
    assert mention_kind(ms[2]) == "omgevingsdienst"
    assert mention_kind(Mention(0, 4, "ODRU", "Organization", "test")) == "<acronym>"
    assert mention_kind(ms[0]) == "-"
    member = next(p for p in pair_candidates(s, ms) if p.type == "MEMBER_OF" and p.source.text == "Epe")
    assert {"skind=-", "tkind=omgevingsdienst"} <= set(member.features)
    assert not any("veluwe" in f or "ijssel" in f for f in member.features)


def test_features_carry_no_names_not_even_of_a_person_the_recogniser_missed():
    s, ms = _sentence(
        "Volgens Wubbe Tjalsma, burgemeester van Oosterwolde, kiest Regio Heideland voor Kleinzand.",
        {"Wubbe Tjalsma": "Person", "Oosterwolde": "Municipality", "Regio Heideland": "Region",
         "Kleinzand": "Municipality"},
    )
    unrecognised, ms2 = _sentence(
        "Burgemeester Tjalsma en Hoogerzeil spraken in Oosterwolde met elkaar.",
        {"Oosterwolde": "Municipality", "Tjalsma": "Person"},
    )
    features = [f for c in [*pair_candidates(s, ms), *pair_candidates(unrecognised, ms2)] for f in c.features]
    assert features
    words = " ".join(features).lower()
    for name in ("wubbe", "tjalsma", "oosterwolde", "heideland", "kleinzand", "hoogerzeil"):
        assert name not in words
    assert any(f.endswith("<Cap>") for f in features)  # the unrecognised name, as a capitalised word
    assert "brole=elected" in next(c.features for c in pair_candidates(s, ms) if c.type == "HOLDS_POSITION")


def _role_model(threshold: float = 0.5) -> dict[str, TypeModel]:
    return {"HOLDS_POSITION": TypeModel(-3.0, threshold, 0.61, {"brole=elected": 5.0, "bw=van": 1.0})}


def test_the_model_adds_what_the_rules_did_not_read_with_its_measured_confidence_and_a_role():
    s, ms = _sentence(
        "Wubbe Tjalsma blijft tot de zomer burgemeester van Oosterwolde.",
        {"Wubbe Tjalsma": "Person", "Oosterwolde": "Municipality"},
    )
    found = model_candidates([s], ms, [], _role_model())
    assert [(c.type, c.source, c.target, c.rule, c.confidence, c.role) for c in found] == [
        ("HOLDS_POSITION", "wubbe-tjalsma", "oosterwolde", "model:HOLDS_POSITION", 0.61, "burgemeester")
    ]
    assert model_candidates([s], ms, [], _role_model(threshold=0.999)) == []  # below its threshold
    rule = Candidate("HOLDS_POSITION", "wubbe-tjalsma", "oosterwolde", s, "position-x-van", 0.8, "burgemeester")
    assert model_candidates([s], ms, [rule], _role_model()) == []  # the rules' reading stands


def test_an_extractor_cites_the_model_as_evidence_and_reports_its_confidence_unscaled():
    extractor = Extractor()
    extractor.model = _role_model()
    text = "Wubbe Tjalsma blijft tot de zomer burgemeester van de gemeente Oosterwolde."
    facts = extractor.extract(text, Document("t.txt", "t.txt", "t.txt"))
    learned = [r for r in facts.relations if r.evidence[0].rule.startswith("model:")]
    rules_only = Extractor(learned=False).extract(text, Document("t.txt", "t.txt", "t.txt"))
    assert len(facts.relations) == len(rules_only.relations) + len(learned)
    for r in learned:
        assert r.confidence == 0.61 and r.evidence[0].text == text


def test_the_shipped_model_is_measured_and_capped():
    model = load_model(MODEL_FILE)
    assert "HOLDS_POSITION" in model
    for m in model.values():
        assert 0.0 < m.threshold <= 1.0
        assert 0.5 <= m.confidence <= SINGLE_SENTENCE_CEILING
        for feature in (f for f in m.weights if not f.startswith("types=")):
            # words in lower case; names only as their kind ("<Person>", "<Cap>")
            assert all(w.startswith("<") or w == w.lower() for w in feature.split("=", 1)[1].split())


@pytest.mark.skipif(not REALSET_DEV.is_dir(), reason="tests/realset/dev not present")
def test_training_on_two_batches_writes_a_model_without_the_names_of_its_pages(tmp_path, capsys):
    pytest.importorskip("sklearn")
    from stakegraph.loaders.train_relation_model import main

    pages = tmp_path / "pages"
    pages.mkdir()
    for p in sorted(REALSET_DEV.glob("r[ab]_*")):
        shutil.copy(p, pages / p.name)
    out = tmp_path / "model.json"
    assert main([str(pages), "-o", str(out)]) == 0
    table = capsys.readouterr().out
    assert "held out batch by batch" in table and "HOLDS_POSITION" in table
    data = json.loads(out.read_text(encoding="utf-8"))
    words = {w for t in data["types"].values() for f in t["weights"] for w in f.split("=", 1)[-1].split()}
    for gold in pages.glob("*.json"):
        for e in json.loads(gold.read_text(encoding="utf-8"))["entities"]:
            for part in e["name"].split():
                # kind words ("GGD", "Omgevingsdienst") say what a body is, not which one
                if part[:1].isupper() and not common_word(part) and part.lower() not in KIND_WORDS:
                    assert part.lower() not in words, (part, gold.name)


def test_training_refuses_a_missing_folder_with_one_line(tmp_path, capsys):
    from stakegraph.loaders.train_relation_model import main

    assert main([str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
