"""One extractor for the whole session, and `extract(text)` that checks what every result must satisfy.

Building an `Extractor` loads the name lists (about a second), so the rule tests share one, without
the calibration table, so that a rule is tested on what it reads. Every
call of `extract` also checks the invariants of the public output — relation ends are entities of
the document, types come from the vocabulary, evidence cites the document text exactly — so each
sentence in the suite tests those too, not only what its own test asserts.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stakegraph.graph.model import ENTITY_TYPES, RELATION_TYPES, Document, DocumentFacts
from stakegraph.loaders.extract import Extractor

DOCUMENT = Document(id="sha256:test", name="t.txt", path="/t.txt")


def check_invariants(text: str, facts: DocumentFacts) -> None:
    """What holds for any text: the checks a store and the scorer rely on."""
    ids = [e.id for e in facts.entities]
    assert len(ids) == len(set(ids)), f"duplicate entity ids: {ids}"
    for e in facts.entities:
        assert e.type in ENTITY_TYPES, e
        assert e.name and e.name not in e.aliases, e
        assert e.documents == [DOCUMENT.name], e
    known = set(ids)
    for r in facts.relations:
        assert r.type in RELATION_TYPES, r
        assert r.source in known and r.target in known and r.source != r.target, r
        assert 0 < r.confidence <= 1, r
        assert r.evidence, f"relation without evidence: {r}"
        for ev in r.evidence:
            assert ev.document == DOCUMENT.name, ev
            assert ev.rule, ev
            assert 0 < ev.confidence <= 1, ev
            assert 0 <= ev.start < ev.end <= len(text), ev
            assert text[ev.start : ev.end].split() == ev.sentence.split(), (
                text[ev.start : ev.end],
                ev.sentence,
            )
        if r.type == "HOLDS_POSITION":
            assert r.status in ("current", "former") and r.role and r.role == r.role.lower(), r
    for c in facts.co_mentions:
        assert c.source in known and c.target in known and c.source < c.target and c.weight >= 1, c


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """Rules as written: what each rule reads is tested here; how far its facts are trusted on real
    pages (the calibration table, which may set a rule below the reporting floor) is tested in
    test_calibration.py and by the quality floors."""
    return Extractor(calibrate=False, learned=False)  # the rules alone: their tests name the rule


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Callable[[str], DocumentFacts]:
    """`extract(text)`: the facts of `text` as document t.txt, invariants already checked."""

    def run(text: str) -> DocumentFacts:
        facts = extractor.extract(text, DOCUMENT)
        check_invariants(text, facts)
        return facts

    return run
