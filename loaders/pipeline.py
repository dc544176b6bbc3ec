"""The spaCy pipeline: `spacy.blank("nl")` plus stakegraph's components, registered by name.

Order: sentencizer -> sg_lines (line breaks end sentences: headings, captions and list items
have no full stop) -> [ner from a trained pipeline, when asked for] -> sg_entities -> sg_resolve
-> sg_relations. Each component reads and writes `doc._.sg`, so a user can insert their own
component between them (`nlp.add_pipe("my_component", before="sg_relations")`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .entities import Recogniser
from .reference import load_reference
from .relations import Candidate, RelationExtractor
from .resolve import EntityRecord, Resolver
from .text import Mention, Sentence, excluded_zones

PIPELINE = ("sentencizer", "sg_lines", "sg_entities", "sg_resolve", "sg_relations")


@dataclass
class Extraction:
    """What the components found in one document."""

    zones: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    records: dict[str, EntityRecord] = field(default_factory=dict)
    relations: list[Candidate] = field(default_factory=list)

    def sentences(self, doc: Doc) -> list[Sentence]:
        return [Sentence(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]


if not Doc.has_extension("sg"):
    Doc.set_extension("sg", default=None)


@Language.component("sg_lines")
def sg_lines(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and captions carry no full stop."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and (prev.is_space or prev.whitespace_ == "" and "\n" in prev.text):
            tok.is_sent_start = True
        elif prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc


@Language.factory("sg_entities")
def make_entities(nlp: Language, name: str) -> object:
    recogniser = Recogniser(load_reference())

    def sg_entities(doc: Doc) -> Doc:
        state = doc._.sg = Extraction()
        state.zones = excluded_zones(doc.text)
        extra = [_from_ner(e) for e in doc.ents if e.label_ in _NER_TYPES]
        state.mentions = recogniser.recognise(doc.text, state.zones, extra=[m for m in extra if m])
        return doc

    return sg_entities


_NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization"}


def _from_ner(span: object) -> Mention | None:
    """A trained recogniser's entity as a low-priority candidate: the rules win where they agree."""
    etype = _NER_TYPES.get(span.label_)  # type: ignore[attr-defined]
    if etype is None:
        return None
    text = span.text.strip()  # type: ignore[attr-defined]
    if etype == "Person" and len(text.split()) < 2:
        return None
    start = span.start_char  # type: ignore[attr-defined]
    return Mention(start, start + len(text), text, etype, "ner-" + span.label_.lower(),  # type: ignore[attr-defined]
                   priority=15, confidence=0.6, canonical=" ".join(text.split()) if etype == "Person" else None,
                   attrs={"first": text.split()[0], "last": " ".join(text.split()[1:])} if etype == "Person" else {})


@Language.factory("sg_resolve")
def make_resolve(nlp: Language, name: str) -> object:
    resolver = Resolver(load_reference())

    def sg_resolve(doc: Doc) -> Doc:
        state: Extraction = doc._.sg
        state.mentions, state.records = resolver.resolve(doc.text, state.mentions)
        return doc

    return sg_resolve


@Language.factory("sg_relations")
def make_relations(nlp: Language, name: str) -> object:
    extractor = RelationExtractor(load_reference().municipality_adjectives)

    def sg_relations(doc: Doc) -> Doc:
        state: Extraction = doc._.sg
        types = {k: r.type for k, r in state.records.items()}
        state.relations = extractor.extract(doc.text, state.sentences(doc), state.mentions, types)
        return doc

    return sg_relations


def build_nlp(ner_model: str | None = None) -> Language:
    """The pipeline; with `ner_model`, that installed spaCy pipeline's entity recogniser is added."""
    nlp = spacy.blank("nl")
    nlp.max_length = 5_000_000
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sg_lines")
    if ner_model:
        source = spacy.load(ner_model)
        for dep in ("tok2vec",):
            if dep in source.pipe_names:
                nlp.add_pipe(dep, source=source, name=f"ner_{dep}")
        nlp.add_pipe("ner", source=source)
    nlp.add_pipe("sg_entities")
    nlp.add_pipe("sg_resolve")
    nlp.add_pipe("sg_relations")
    return nlp
