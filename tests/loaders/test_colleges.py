"""A college or council presented as a list: every person of the list holds the office."""

from __future__ import annotations

import pytest


def held(facts):
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.source], names[r.target], r.role) for r in facts.relations if r.type == "HOLDS_POSITION"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De gemeente Dalfsen presenteert haar college. Het bestaat naast burgemeester Erik Bos uit twee "
            "nieuwe wethouders: Anna Smit (PvdA) en Gert Mulder (GroenLinks).",
            {("Anna Smit", "Dalfsen", "wethouder"), ("Gert Mulder", "Dalfsen", "wethouder")},
        ),
        (
            "In Dalfsen worden drie nieuwe raadsleden beëdigd die de plaatsen innemen: Bart Vos (VVD), "
            "Rob Ros (PvdA) en Jarno Volmer (ChristenUnie).",
            {("Bart Vos", "Dalfsen", "raadslid"), ("Rob Ros", "Dalfsen", "raadslid"), ("Jarno Volmer", "Dalfsen", "raadslid")},
        ),
        (
            "In Dalfsen zijn vijf wethouders benoemd. Adriaan van der Wulp (SGP) en Robin Heij (VVD) zijn nieuw als wethouder.",
            {("Adriaan van der Wulp", "Dalfsen", "wethouder"), ("Robin Heij", "Dalfsen", "wethouder")},
        ),
    ],
)
def test_every_person_of_the_list_holds_the_office(extract, text, expected):
    assert expected <= held(extract(text))


def test_a_list_of_persons_without_an_office_before_it_holds_nothing(extract):
    f = extract("In Dalfsen spraken Anna Smit (PvdA) en Gert Mulder (GroenLinks) over de begroting.")
    assert not held(f)


def test_a_list_in_a_text_about_two_municipalities_equally_has_no_employer(extract):
    f = extract("Ede en Epe hebben nieuwe wethouders: Anna Smit (PvdA) en Gert Mulder (GroenLinks).")
    assert not {h for h in held(f) if h[2] == "wethouder" and h[0] == "Gert Mulder"}
