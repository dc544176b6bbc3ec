"""The spaCy components as a user assembles them: typed settings that spaCy validates, the mentions
on `doc.spans["sg_mentions"]`, and a user's own component before or after the rules."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from thinc.api import ConfigValidationError

from stakegraph.graph.model import Document, DocumentFacts
from stakegraph.loaders.extract import MAX_COLLABORATORS, Extractor, document_facts
from stakegraph.loaders.pipeline import SPANS_KEY, Extraction

DOCUMENT = Document(id="sha256:cfg", name="cfg.txt", path="/cfg.txt")
CROWD = "De gemeenten Zwolle, Kampen en Dalfsen werken samen op het gebied van afval."
TEXT = "Pieter Vanderlaan is burgemeester van Kampen. De gemeente Kampen werkt samen met Zwolle."

# what the custom components below saw, by name
SEEN: dict[str, dict] = {}


@Language.component("test_cfg_before")
def _before(doc: Doc) -> Doc:
    SEEN["before"] = {"sentences": [s.text for s in doc.sents], "spans": SPANS_KEY in doc.spans}
    return doc


@Language.component("test_cfg_after")
def _after(doc: Doc) -> Doc:
    SEEN["after"] = {"spans": [(s.text, s.label_) for s in doc.spans[SPANS_KEY]]}
    return doc


@Language.component("test_cfg_ner")
def _fake_ner(doc: Doc) -> Doc:
    """A stand-in for a trained recogniser: the person the rules cannot read (an unknown first name)."""
    span = doc.char_span(doc.text.index("Zyrbo"), doc.text.index("Zyrbo") + len("Zyrbo Quell"), label="PER")
    doc.ents = filter_spans([*doc.ents, span])
    return doc


def assemble(*before: str, relations: dict | None = None, entities: dict | None = None) -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sg_lines")
    for name in before:
        nlp.add_pipe(name)
    nlp.add_pipe("sg_entities", config=entities or {})
    nlp.add_pipe("sg_resolve")
    nlp.add_pipe("sg_relations", config={"calibrate": False, "learned": False, **(relations or {})})
    return nlp


def collaborations(facts: DocumentFacts) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in facts.relations if r.type == "COLLABORATES_WITH"}


@pytest.mark.parametrize(
    ("component", "config"),
    [
        ("sg_relations", {"max_collaborators": "veel"}),
        ("sg_relations", {"max_collaborators": 2.5}),
        ("sg_relations", {"learned": "misschien"}),
        ("sg_entities", {"use_ner": "ja graag"}),
        ("sg_entities", {"ner_priority": "laag"}),
        ("sg_relations", {"windows": 3}),  # no such setting
    ],
)
def test_a_wrong_setting_is_spacys_validation_error(component: str, config: dict) -> None:
    nlp = spacy.blank("nl")
    with pytest.raises(ConfigValidationError):
        nlp.add_pipe(component, config=config)


def test_max_collaborators_changes_what_is_read() -> None:
    """Three parties working together are a clique of three collaborations by default; with the
    limit set to two they are a crowd, and no pair is read."""
    default = document_facts(assemble()(CROWD)._.sg, DOCUMENT)
    strict = document_facts(assemble(relations={"max_collaborators": 2})(CROWD)._.sg, DOCUMENT)
    assert MAX_COLLABORATORS >= 3
    assert len(collaborations(default)) == 3
    assert collaborations(strict) == set()


def test_extractor_passes_component_settings_on() -> None:
    ex = Extractor(calibrate=False, learned=False, config={"sg_relations": {"max_collaborators": 2}})
    assert ex.nlp.get_pipe_config("sg_relations")["max_collaborators"] == 2
    assert collaborations(ex.extract(CROWD, DOCUMENT)) == set()


def test_calibrate_and_learned_are_settings_of_sg_relations() -> None:
    off = assemble()(TEXT)._.sg.settings
    on = assemble(relations={"calibrate": True, "learned": True})(TEXT)._.sg.settings
    assert off.calibration == {} and off.model == {}
    assert on.calibration and on.model  # the shipped tables are loaded
    assert on.max_collaborators == MAX_COLLABORATORS


def test_defaults_are_what_ingest_uses() -> None:
    """`stakegraph ingest` builds its Extractor with the defaults: the same facts either way."""
    nlp = spacy.blank("nl")
    for name in ("sentencizer", "sg_lines", "sg_entities", "sg_resolve", "sg_relations"):
        nlp.add_pipe(name)
    by_hand = document_facts(nlp(TEXT)._.sg, DOCUMENT)
    assert by_hand == Extractor().extract(TEXT, DOCUMENT)
    assert by_hand.relations


def test_components_before_and_after_sg_entities() -> None:
    """Before sg_entities a component sees the sentences and no mentions yet; after it, the mentions
    as spans labelled with their entity type."""
    SEEN.clear()
    nlp = assemble("test_cfg_before")
    nlp.add_pipe("test_cfg_after", after="sg_entities")
    doc = nlp(TEXT)
    assert SEEN["before"] == {
        "sentences": ["Pieter Vanderlaan is burgemeester van Kampen.", "De gemeente Kampen werkt samen met Zwolle."],
        "spans": False,
    }
    assert ("Pieter Vanderlaan", "Person") in SEEN["after"]["spans"]
    assert ("Zwolle", "Municipality") in SEEN["after"]["spans"]
    state: Extraction = doc._.sg
    assert state.relations  # sg_relations still reads doc._.sg


def test_spans_match_the_mentions_and_carry_the_entity_key() -> None:
    doc = assemble()(TEXT + " Zij ontmoette burgemeester Pieter Vanderlaan (Kampen).")
    state: Extraction = doc._.sg
    spans = list(doc.spans[SPANS_KEY])
    assert len(spans) == len(state.mentions)
    for span, m in zip(spans, state.mentions, strict=True):
        expected = doc.char_span(m.start, m.end, alignment_mode="expand")
        assert (span.start_char, span.end_char) == (expected.start_char, expected.end_char)
        assert span.label_ == m.type
        assert span.kb_id_ == m.key and m.key in state.records  # set by sg_resolve


def test_a_trained_recogniser_before_sg_entities_adds_people() -> None:
    text = "Zyrbo Quell opende het gemeentehuis van Kampen."
    with_ner = assemble("test_cfg_ner")(text)
    without = assemble("test_cfg_ner", entities={"use_ner": False})(text)
    found = {(s.text, s.label_) for s in with_ner.spans[SPANS_KEY]}
    assert ("Zyrbo Quell", "Person") in found
    assert "Zyrbo Quell" not in {s.text for s in without.spans[SPANS_KEY]}
    assert isinstance(with_ner.spans[SPANS_KEY][0], Span)
