"""`Extractor.extract`: text in, `DocumentFacts` out — how findings become graph facts.

A relation stated twice is one relation with two pieces of evidence; the co-mention network
(entities named in one sentence) is kept apart from the typed relations; mentions without any
relation are still entities; an unknown `--nlp` pipeline is one clear line, not a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import main
from stakegraph.graph.model import DocumentFacts


def co_mentions(facts: DocumentFacts) -> dict[tuple[str, str], int]:
    return {(c.source, c.target): c.weight for c in facts.co_mentions}


def test_the_document_is_passed_through(extract) -> None:
    facts = extract("Lotte Verbeek, burgemeester van Deventer, opende de tentoonstelling.")
    assert facts.document.id == "sha256:test"
    assert facts.document.name == "t.txt"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Er gebeurde vandaag weinig.", "12345 -- ... !!!"])
def test_text_without_names_gives_no_facts(extract, text: str) -> None:
    facts = extract(text)
    assert (facts.entities, facts.relations, facts.co_mentions) == ([], [], [])


def test_a_relation_stated_twice_is_one_relation_with_two_evidence(extract) -> None:
    first = "Lotte Verbeek, burgemeester van Deventer, opende de dag."
    second = "Later sprak burgemeester Lotte Verbeek van Deventer de raad toe."
    facts = extract(f"{first} {second}")
    (rel,) = facts.relations
    assert (rel.type, rel.source, rel.target, rel.role) == (
        "HOLDS_POSITION",
        "person:lotte-verbeek",
        "gemeente:gm0150",
        "burgemeester",
    )
    assert [ev.sentence for ev in rel.evidence] == [first, second]
    assert rel.evidence[0].start < rel.evidence[1].start
    # the fact takes its strongest reading: a second sentence read by the same rules adds evidence,
    # not certainty (on unseen pages such repeats were no more often right; see calibration.py)
    assert rel.confidence == max(ev.confidence for ev in rel.evidence)


def test_mentions_count_every_naming(extract) -> None:
    facts = extract("Deventer groeit. In Deventer wordt gebouwd. De gemeente Deventer zoekt grond.")
    (e,) = facts.entities
    assert (e.id, e.mentions) == ("gemeente:gm0150", 3)


# -- co-mentions ------------------------------------------------------------------------------
def test_co_mentions_are_kept_apart_from_typed_relations(extract) -> None:
    facts = extract("De gemeente Tilburg en de Universiteit Utrecht publiceerden elk een rapport.")
    assert facts.relations == []
    assert co_mentions(facts) == {("gemeente:gm0855", "org:universiteit-utrecht"): 1}
    # an entity named without any relation is still an entity
    assert {e.id for e in facts.entities} == {"gemeente:gm0855", "org:universiteit-utrecht"}


def test_co_mentions_count_sentences_and_stay_within_one(extract) -> None:
    facts = extract(
        "De gemeente Tilburg en de Universiteit Utrecht publiceerden een rapport. "
        "Later reageerde de Universiteit Utrecht op kritiek uit Tilburg. "
        "Lotte Verbeek woont in Zwolle."
    )
    assert co_mentions(facts) == {
        ("gemeente:gm0855", "org:universiteit-utrecht"): 2,
        ("gemeente:gm0193", "person:lotte-verbeek"): 1,
    }


def test_related_entities_are_also_co_mentioned(extract) -> None:
    facts = extract("Lotte Verbeek, burgemeester van Deventer, opende de dag.")
    assert [r.type for r in facts.relations] == ["HOLDS_POSITION"]
    assert co_mentions(facts) == {("gemeente:gm0150", "person:lotte-verbeek"): 1}


def test_a_line_break_ends_a_heading(extract) -> None:
    facts = extract("Nieuwe koers in Deventer\nLotte Verbeek opende gisteren de tentoonstelling.")
    assert {e.id for e in facts.entities} == {"gemeente:gm0150", "person:lotte-verbeek"}
    assert co_mentions(facts) == {}


# -- evidence offsets -------------------------------------------------------------------------
def test_evidence_offsets_cite_the_text_despite_irregular_whitespace(extract) -> None:
    text = (
        "Nieuws uit de regio\n\n\tDe gemeente Tilburg   werkt samen met de Universiteit Utrecht.\n\n"
        "Lotte Verbeek,  burgemeester van Deventer, opende de dag."
    )
    facts = extract(text)
    assert len(facts.relations) == 2
    for r in facts.relations:
        (ev,) = r.evidence
        assert text[ev.start : ev.end].split() == ev.sentence.split()
        assert "  " not in ev.sentence


def test_english_text_does_not_break_extraction(extract) -> None:
    facts = extract(
        "The University of Twente works together with the municipality of Enschede. "
        "Professor Anna Smith leads the project."
    )
    found = {e.id for e in facts.entities}
    assert {"org:university-of-twente", "gemeente:gm0153", "person:anna-smith"} <= found


# -- the optional spaCy pipeline ------------------------------------------------------------------
def test_unknown_nlp_pipeline_is_one_clear_line_on_the_command_line(tmp_path: Path) -> None:
    doc = tmp_path / "bericht.txt"
    doc.write_text("Lotte Verbeek, burgemeester van Deventer, opende de dag.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", str(doc), "--store", str(tmp_path / "g.db"), "--nlp", "nonexistent_pkg"]
    )
    assert result.exit_code == 2
    assert "nonexistent_pkg" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "g.db").exists()
