"""The spaCy pipeline: `spacy.blank("nl")` plus stakegraph's components, registered by name.

Order: sentencizer -> sg_lines (line breaks end sentences: headings, captions and list items
have no full stop) -> [ner from a trained pipeline, when asked for] -> sg_entities -> sg_resolve
-> sg_relations. The components keep their findings in `doc._.sg` (an `Extraction`); sg_entities
also puts the mentions on `doc.spans["sg_mentions"]` as spans labelled with the entity type, and
sg_resolve replaces them with the resolved mentions (`span.kb_id_` is the entity's key).

Your own component slots in anywhere after sg_lines (`nlp.add_pipe("my_component",
before="sg_entities")`): before sg_entities it sees the sentences (`doc.sents`); a trained
recogniser there writes `doc.ents`, and sg_entities takes its PER/PERSON and ORG entities as
low-priority candidates (the rules win where they overlap; `use_ner=False` ignores them). Spans a
component writes under other `doc.spans` keys are left alone. After sg_entities a component sees
`doc.spans["sg_mentions"]` and `doc._.sg`, and may change `doc._.sg.mentions` before sg_resolve.

Each factory takes a typed config (spaCy validates it: a wrong type is a `ConfigValidationError`),
for example `nlp.add_pipe("sg_relations", config={"max_collaborators": 4})`; the defaults are the
behaviour of `stakegraph ingest`. The knobs and their meaning are the factories' arguments below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from .calibration import load_calibration
from .entities import Gazetteer, recognise
from .reference import load_reference
from .relation_model import load_model
from .relations import Candidate, extract_relations
from .resolve import EntityRecord, Resolver
from .text import Mention, Sentence, excluded_zones

PIPELINE = ("sentencizer", "sg_lines", "sg_entities", "sg_resolve", "sg_relations")


class PipelineError(ValueError):
    """The pipeline cannot be built as asked (e.g. --nlp names a pipeline that is not installed)."""


@dataclass
class Extraction:
    """What the components found in one document."""

    sentences: list[Sentence] = field(default_factory=list)
    zones: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    records: dict[str, EntityRecord] = field(default_factory=dict)
    relations: list[Candidate] = field(default_factory=list)
    settings: RelationSettings | None = None  # set by sg_relations: how its candidates become facts


# A list of more parties than this that "work together" is the membership of a body (annotated as
# such, or not at all), never a clique of pairwise collaborations: 23 municipalities would give 253.
MAX_COLLABORATORS = 6


@dataclass(frozen=True)
class RelationSettings:
    """How sg_relations' candidates become graph facts (applied by `Extractor.facts`)."""

    max_collaborators: int = MAX_COLLABORATORS
    calibration: dict[str, float] = field(default_factory=dict)  # rule -> measured confidence
    model: dict = field(default_factory=dict)  # relation type -> learned pair model


def trimmed_sentences(doc: Doc) -> list[Sentence]:
    """Sentences with their surrounding white space trimmed, so offsets cite the words exactly."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return _trimmed(doc, [(s.start, s.end) for s in doc.sents])
    # what doc.sents yields, read off the token arrays (a Span and its text per sentence cost more)
    starts = doc.to_array(SENT_START)
    bounds = [0, *(numpy.flatnonzero(starts[1:] == 1) + 1).tolist(), len(doc)]
    return _trimmed(doc, [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b])


def _trimmed(doc: Doc, spans: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences at these token spans, trimmed of surrounding white space."""
    text = doc_text(doc)
    arr = doc.to_array([IDX, LENGTH]).tolist()
    out = []
    for a, b in spans:
        raw = text[arr[a][0] : arr[b - 1][0] + arr[b - 1][1]]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            start = arr[a][0] + lead
            out.append(Sentence(start, start + len(body), body))
    return out


if not Doc.has_extension("sg"):
    Doc.set_extension("sg", default=None)


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document: spaCy joins it anew from every token on each access."""
    text = doc.user_data.get("sg_text")
    if text is None:
        text = doc.user_data["sg_text"] = doc.text
    return text


# Words a sentence does not end on: a line ending in one is hard-wrapped prose.
_RUNS_ON = frozenset(
    """de het een en of van voor met bij in op aan door over naar tot om te als dat die dan is zijn was
waren heeft hebben had wordt worden werd kan zal zou moet wil gaat ook nog niet zich haar hun
onze ons mijn uw deze dit wat wie waar hoe maar want omdat toen terwijl sinds tussen tegen zonder
binnen onder""".split()
)


@Language.component("sg_lines")
def sg_lines(doc: Doc) -> Doc:
    """Line breaks that end a sentence: a blank line, or a line that reads as a whole (a heading, a
    caption, a list item: short, or ending in punctuation). Hard-wrapped prose runs on."""
    text = doc_text(doc)
    starts = doc.to_array([SENT_START])  # set in one go: Token.is_sent_start rescans the doc per call
    changed = False
    # token offsets and lengths from arrays: a Token object for every word cost more than the test
    arr = doc.to_array([IDX, LENGTH, IS_SPACE])
    for i in (numpy.flatnonzero(arr[:-1, 2]) + 1).tolist():  # tokens after a white-space token
        prev_idx, prev_len = int(arr[i - 1, 0]), int(arr[i - 1, 1])
        prev_text = text[prev_idx : prev_idx + prev_len]
        if "\n" not in prev_text:
            continue
        if prev_text.count("\n") < 2:
            line_start = text.rfind("\n", 0, prev_idx) + 1
            line = text[line_start:prev_idx].strip()
            last = line.split()[-1] if line else ""
            if last.lower() in _RUNS_ON:
                continue  # "De gemeenteraad van X heeft\nY benoemd": the sentence goes on
            reads_whole = not line or line[-1] in ".!?:;’”\"'»)>" or len(line.split()) <= 8
            if not (reads_whole or not text[int(arr[i, 0]) : int(arr[i, 0]) + 1].islower()):
                continue
        starts[i] = 1
        changed = True
    if changed:
        doc.from_array([SENT_START], cast(Ints2d, starts))  # to_array's stub says floats; it gives ints
    return doc


SPANS_KEY = "sg_mentions"  # the doc.spans key of the mentions (sg_entities, then sg_resolve)


@Language.factory("sg_entities", default_config={"use_ner": True, "ner_priority": 15, "ner_confidence": 0.6})
def make_entities(
    nlp: Language, name: str, use_ner: bool, ner_priority: int, ner_confidence: float
) -> object:
    """The rule-based recogniser.

    use_ner: take a trained recogniser's PER/PERSON and ORG entities (`doc.ents`) as candidates.
    ner_priority: their priority against the rules' mentions (15: below every rule, so rules win).
    ner_confidence: the confidence their mentions carry.
    """
    gazetteer = Gazetteer.from_reference(load_reference())

    def sg_entities(doc: Doc) -> Doc:
        state = doc._.sg = Extraction(sentences=trimmed_sentences(doc))
        state.zones = excluded_zones(doc_text(doc))
        ents = doc.ents if use_ner else ()
        extra = [_from_ner(e, ner_priority, ner_confidence) for e in ents if e.label_ in _NER_TYPES]
        state.mentions = recognise(gazetteer, doc_text(doc), state.zones, extra=[m for m in extra if m])
        doc.spans[SPANS_KEY] = mention_spans(doc, state.mentions)
        return doc

    return sg_entities


def mention_spans(doc: Doc, mentions: list[Mention]) -> list[Span]:
    """The mentions as spans labelled with their entity type (expanded to whole tokens; the kb_id
    is the resolved entity's key, once sg_resolve has set it)."""
    spans = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand", kb_id=m.key or "")
        if span is not None:
            spans.append(span)
    return spans


_NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization"}


def _from_ner(span: Span, priority: int = 15, confidence: float = 0.6) -> Mention | None:
    """A trained recogniser's entity as a low-priority candidate: the rules win where they agree."""
    etype = _NER_TYPES.get(span.label_)
    if etype is None:
        return None
    text = span.text.strip()
    if etype == "Person" and len(text.split()) < 2:
        return None
    start = span.start_char
    return Mention(
        start,
        start + len(text),
        text,
        etype,
        "ner-" + span.label_.lower(),
        priority=priority,
        confidence=confidence,
        canonical=" ".join(text.split()) if etype == "Person" else None,
        attrs={"first": text.split()[0], "last": " ".join(text.split()[1:])} if etype == "Person" else {},
    )


@Language.factory("sg_resolve")
def make_resolve(nlp: Language, name: str) -> object:
    """Mentions to entities; `doc.spans["sg_mentions"]` becomes the resolved mentions."""
    resolver = Resolver(load_reference())

    def sg_resolve(doc: Doc) -> Doc:
        state: Extraction = doc._.sg
        state.mentions, state.records = resolver.resolve(doc_text(doc), state.mentions)
        doc.spans[SPANS_KEY] = mention_spans(doc, state.mentions)
        return doc

    return sg_resolve


@Language.factory(
    "sg_relations",
    default_config={"max_collaborators": MAX_COLLABORATORS, "calibrate": True, "learned": True},
)
def make_relations(
    nlp: Language, name: str, max_collaborators: int, calibrate: bool, learned: bool
) -> object:
    """The relation rules (loaders/relations/extractor.py's PASSES).

    max_collaborators: a rule that reads more parties than this working together in one sentence
        gives no pairwise COLLABORATES_WITH (that is a body's membership, not a clique).
    calibrate: rate each rule by the confidence measured on annotated real pages
        (loaders/reference/calibration.json) and drop rules measured below the floor.
    learned: add what the learned pair model reads (loaders/reference/relation_model.json).
    """
    ref = load_reference()
    adjectives: dict[str, set[str]] = {a: {c} for a, c in ref.municipality_adjectives.items()}
    for a, c in ref.province_adjectives.items():
        adjectives.setdefault(a, set()).add(c)
    for a, codes in ref.ambiguous_adjectives.items():
        adjectives.setdefault(a, set()).update(codes)
    settings = RelationSettings(
        max_collaborators=max_collaborators,
        calibration=load_calibration() if calibrate else {},
        model=load_model() if learned else {},
    )
    return RelationRules(adjectives, settings)


class RelationRules:
    """The sg_relations component: the rule candidates of a document, and on it the settings they
    become facts with (`settings` may be replaced between documents, as `Extractor` does)."""

    def __init__(self, adjectives: dict[str, set[str]], settings: RelationSettings) -> None:
        self.adjectives = adjectives
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        state: Extraction = doc._.sg
        types = {k: r.type for k, r in state.records.items()}
        text = doc_text(doc)
        state.relations = extract_relations(text, state.sentences, state.mentions, types, self.adjectives)
        state.settings = self.settings
        return doc


def build_nlp(ner_model: str | None = None, config: dict[str, dict] | None = None) -> Language:
    """The pipeline; with `ner_model`, that installed spaCy pipeline's entity recogniser is added;
    `config` maps a component's name to its settings (`{"sg_relations": {"learned": False}}`)."""
    config = config or {}
    nlp = spacy.blank("nl")
    nlp.max_length = 5_000_000
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sg_lines")
    if ner_model:
        try:
            source = spacy.load(ner_model)
        except OSError as exc:
            raise PipelineError(
                f"spaCy pipeline '{ner_model}' cannot be loaded: install it or leave out --nlp "
                f"({str(exc).splitlines()[0][:120]})"
            ) from None
        if "ner" not in source.pipe_names:
            raise PipelineError(f"spaCy pipeline '{ner_model}' has no entity recogniser ('ner')")
        for dep in ("tok2vec",):
            if dep in source.pipe_names:
                nlp.add_pipe(dep, source=source, name=f"ner_{dep}")
        nlp.add_pipe("ner", source=source)
    for component in ("sg_entities", "sg_resolve", "sg_relations"):
        nlp.add_pipe(component, config=config.get(component, {}))
    return nlp
