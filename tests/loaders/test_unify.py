"""One entity per name in a document: which records are merged, and which are left apart."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from stakegraph.graph.model import Document
from stakegraph.loaders.relations import Candidate
from stakegraph.loaders.resolve import EntityRecord
from stakegraph.loaders.text import Mention, Sentence
from stakegraph.loaders.unify import same_entities, unify


def _records(*specs: tuple[str, str, str, list[str], int]) -> dict[str, EntityRecord]:
    return {k: EntityRecord(k, t, n, set(a), mentions) for k, t, n, a, mentions in specs}


@pytest.mark.parametrize("specs, merged", [
    (  # "Regio Kempenland", later "regio Kempenland" and "Kempenland": one cooperation
        [("region:regio-kempenland", "Region", "Regio Kempenland", ["Kempenland"], 2),
         ("region:kempenland", "Region", "Kempenland", ["regio Kempenland"], 1)],
        {"region:kempenland": "region:regio-kempenland"},
    ),
    (  # a surname the organisation rules took for a body is the person
        [("person:teuntje-hazeleger", "Person", "Teuntje Hazeleger", ["Hazeleger"], 1),
         ("org:hazeleger", "Organization", "Hazeleger", [], 3)],
        {"org:hazeleger": "person:teuntje-hazeleger"},
    ),
    (  # a body and a region of one name: the more often named type wins
        [("org:heuvelstad", "Organization", "Heuvelstad", [], 1),
         ("region:regio-heuvelstad", "Region", "Regio Heuvelstad", ["Heuvelstad"], 3)],
        {"org:heuvelstad": "region:regio-heuvelstad"},
    ),
    (  # an acronym with the one name whose initials it spells, the IJ counted as one initial or two
        [("org:omgevingsdienst-waddenkust-ijsselmonde", "Organization",
          "Omgevingsdienst Waddenkust IJsselmonde", [], 1),
         ("org:od-wij", "Organization", "OD WIJ", [], 2),
         ("org:owi", "Organization", "OWI", [], 1)],
        {"org:od-wij": "org:omgevingsdienst-waddenkust-ijsselmonde",
         "org:owi": "org:omgevingsdienst-waddenkust-ijsselmonde"},
    ),
    (  # "DZ&W" and "Dienst Zorg & Welzijn"; an initiative and its acronym
        [("org:dienst-zorg-welzijn", "Organization", "Dienst Zorg & Welzijn", [], 1),
         ("org:dz-w", "Organization", "DZ&W", [], 1),
         ("initiative:regionale-woonagenda", "Initiative", "Regionale Woonagenda", [], 1),
         ("org:rwa", "Organization", "RWA", [], 1)],
        {"org:dz-w": "org:dienst-zorg-welzijn", "org:rwa": "initiative:regionale-woonagenda"},
    ),
])
def test_records_of_one_name_are_merged_into_the_one_that_wins(specs, merged):
    assert same_entities(_records(*specs)) == merged


@pytest.mark.parametrize("specs", [
    # Jan and Piet de Vries: "De Vries" is neither of them, and they are not one person
    [("person:jan-de-vries", "Person", "Jan de Vries", ["De Vries"], 1),
     ("person:piet-de-vries", "Person", "Piet de Vries", ["De Vries"], 1),
     ("person:de-vries", "Person", "De Vries", [], 1)],
    # a municipality and the region named after it are two stakeholders
    [("gemeente:gm9999", "Municipality", "Heuvelstad", [], 2),
     ("region:regio-heuvelstad", "Region", "Regio Heuvelstad", ["Heuvelstad"], 1)],
    # an acronym two names could spell stays apart
    [("org:stichting-groene-daken", "Organization", "Stichting Groene Daken", [], 1),
     ("org:samenwerking-gezonde-dorpen", "Organization", "Samenwerking Gezonde Dorpen", [], 1),
     ("org:sgd", "Organization", "SGD", [], 1)],
    # a person and an initiative never merge
    [("person:anna-kolk", "Person", "Anna Kolk", ["Kolk"], 1),
     ("initiative:kolk", "Initiative", "Kolk", [], 1)],
])
def test_records_that_only_look_alike_stay_apart(specs):
    assert same_entities(_records(*specs)) == {}


@dataclass
class _Read:
    mentions: list[Mention]
    records: dict[str, EntityRecord]
    relations: list[Candidate] = field(default_factory=list)


def test_unify_moves_mentions_aliases_and_candidates_to_the_kept_record():
    records = _records(
        ("person:teuntje-hazeleger", "Person", "Teuntje Hazeleger", ["Hazeleger"], 1),
        ("org:hazeleger", "Organization", "Hazeleger", [], 1),
        ("gemeente:gm9999", "Municipality", "Heuvelstad", [], 1),
    )
    m = Mention(0, 9, "Hazeleger", "Organization", "org-test", key="org:hazeleger")
    s = Sentence(0, 30, "Hazeleger leidt Heuvelstad al.")
    c = Candidate("HOLDS_POSITION", "org:hazeleger", "gemeente:gm9999", s, "test", 0.8)
    read = _Read([m], records, [c])
    unify(read)
    assert set(read.records) == {"person:teuntje-hazeleger", "gemeente:gm9999"}
    assert (m.key, m.type) == ("person:teuntje-hazeleger", "Person")
    assert c.source == "person:teuntje-hazeleger"
    assert read.records["person:teuntje-hazeleger"].mentions == 2


@pytest.mark.parametrize("text, kept", [
    ("De Omgevingsdienst Waddenkust IJsselmonde krijgt een nieuwe directeur. Volgens de OD WIJ is dat "
     "nodig.", "org:omgevingsdienst-waddenkust-ijsselmonde"),
    ("De Regionale Woonagenda is vastgesteld. De RWA loopt tot 2030.", "initiative:regionale-woonagenda"),
])
def test_an_extracted_document_names_a_body_and_its_acronym_once(extractor, text, kept):
    facts = extractor.extract(text, Document("t.txt", "t.txt", "t.txt"))
    assert [e.id for e in facts.entities] == [kept]
