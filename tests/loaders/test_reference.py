"""The adjectives of municipalities and provinces: demonyms.csv, its generator, and how reference.py
files them (one place each, or ambiguous)."""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from stakegraph.graph.model import DocumentFacts
from stakegraph.loaders.reference import Reference, load_reference

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "loaders" / "reference"


def _load_generator() -> ModuleType:
    # loaders/reference/ is a data folder, not a package (reference.py owns that module name).
    spec = importlib.util.spec_from_file_location("make_demonyms", REFERENCE_DIR / "make_demonyms.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference()


DEMONYMS = _csv("demonyms.csv")


def test_committed_csv_is_what_the_generator_produces() -> None:
    rows, _ = gen.build()
    assert (REFERENCE_DIR / "demonyms.csv").read_text(encoding="utf-8") == gen.render(rows)


def test_rows_are_well_formed() -> None:
    codes = {r["cbs_code"] for r in _csv("municipalities.csv")} | {r["code"] for r in _csv("provinces.csv")}
    seen = set()
    for r in DEMONYMS:
        assert r["code"] in codes, r
        assert r["form"] in ("inflected", "uninflected"), r
        assert (r["form"] == "inflected") == r["adjective"].endswith(("se", "sche")), r
        assert r["adjective"][0].isupper() and r["adjective"] == r["adjective"].strip(), r
        assert (r["code"], r["adjective"]) not in seen, r
        seen.add((r["code"], r["adjective"]))


def test_every_simple_municipality_name_has_an_adjective() -> None:
    """A one-word name is covered unless it is listed, with its reason, as left out."""
    covered = {r["code"] for r in DEMONYMS}
    missing = [
        (m["cbs_code"], m["name"])
        for m in _csv("municipalities.csv")
        if gen.short_name(m["name"]).isalpha()
        and m["name"] not in gen.OMITTED
        and m["cbs_code"] not in covered
    ]
    assert missing == []
    assert len(covered & {m["cbs_code"] for m in _csv("municipalities.csv")}) >= 280


def test_every_province_has_an_inflected_adjective() -> None:
    inflected = {r["code"] for r in DEMONYMS if r["form"] == "inflected"}
    assert {p["code"] for p in _csv("provinces.csv")} <= inflected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zwolle", ["Zwolse", "Zwols"]),
        ("Delft", ["Delftse", "Delfts"]),
        ("Hoorn", ["Hoornse", "Hoorns"]),
        ("Heerlen", ["Heerlense", "Heerlens"]),
        ("Wageningen", ["Wageningse", "Wagenings"]),
        ("Venlo", ["Venlose", "Venloos"]),
        ("Veere", ["Veerse", "Veers"]),
        ("Overbetuwe", ["Overbetuwse", "Overbetuws"]),
        ("Oss", ["Osse"]),
        ("Goes", ["Goese"]),
        # no rule is sure of these: the table decides, or the name is left out
        ("Gouda", None),
        ("Ede", None),
        ("Heemstede", None),
        ("Eemnes", None),
        ("Wijk bij Duurstede", None),
    ],
)
def test_spelling_rules(name: str, expected: list[str] | None) -> None:
    assert gen.rule_forms(name) == expected


@pytest.mark.parametrize(
    ("adjective", "code"),
    [
        ("Bossche", "GM0796"),  # 's-Hertogenbosch
        ("Haagse", "GM0518"),  # 's-Gravenhage / Den Haag
        ("Helderse", "GM0400"),  # Den Helder
        ("Zwolse", "GM0193"),
        ("Leidse", "GM0546"),
        ("Goudse", "GM0513"),
        ("Almeerse", "GM0034"),
        ("Bredase", "GM0758"),
        ("Delftse", "GM0503"),
        ("Hoornse", "GM0405"),
        ("Enschedese", "GM0153"),
        ("Heerlense", "GM0917"),
        ("Nijmeegse", "GM0268"),
        ("Tilburgse", "GM0855"),
        ("Arnhemse", "GM0202"),
        ("Maastrichtse", "GM0935"),
        ("Amsterdamse", "GM0363"),
        ("Heemsteedse", "GM0397"),
        ("Kerkraadse", "GM0928"),
        ("Thoolse", "GM0716"),
        ("Hulsterse", "GM0677"),
        ("Zeister", "GM0355"),
        ("Leeuwarder", "GM0080"),
        ("Zeewoldse", "GM0050"),
        ("Sittard-Geleense", "GM1883"),
        ("Hoeksche Waardse", "GM1963"),  # from aliases.csv only: its adjective rows still count
    ],
)
def test_municipality_adjectives(ref: Reference, adjective: str, code: str) -> None:
    assert ref.municipality_adjectives[adjective] == code
    assert adjective in ref.adjectives


@pytest.mark.parametrize(
    ("adjective", "code"),
    [
        ("Friese", "PV21"),
        ("Brabantse", "PV30"),
        ("Noord-Brabantse", "PV30"),
        ("Zeeuwse", "PV29"),
        ("Drentse", "PV22"),
        ("Gelderse", "PV25"),
        ("Limburgse", "PV31"),
        ("Overijsselse", "PV23"),
        ("Flevolandse", "PV24"),
        ("Noord-Hollandse", "PV27"),
        ("Zuid-Hollandse", "PV28"),
    ],
)
def test_province_adjectives(ref: Reference, adjective: str, code: str) -> None:
    assert ref.province_adjectives[adjective] == code
    assert adjective not in ref.municipality_adjectives


@pytest.mark.parametrize(
    ("adjective", "codes"),
    [
        ("Utrechtse", {"GM0344", "PV26"}),
        ("Utrechts", {"GM0344", "PV26"}),
        ("Groningse", {"GM0014", "PV20"}),
        ("Groninger", {"GM0014", "PV20"}),
        ("Bergense", {"GM0373", "GM0893"}),  # Bergen (NH.) and Bergen (L.)
    ],
)
def test_ambiguous_adjectives_are_set_apart(ref: Reference, adjective: str, codes: set[str]) -> None:
    assert ref.ambiguous_adjectives[adjective] == codes
    assert adjective not in ref.municipality_adjectives
    assert adjective not in ref.province_adjectives
    assert adjective in ref.adjectives


def test_unambiguous_maps_name_one_place_each(ref: Reference) -> None:
    """Every adjective of the two files is in exactly one of the three maps, by how many places it
    names; the municipality and province maps hold only codes of their kind."""
    places: dict[str, set[str]] = {}
    for r in DEMONYMS:
        places.setdefault(r["adjective"], set()).add(r["code"])
    for r in _csv("aliases.csv"):
        if r["kind"] == "adjective":
            places.setdefault(r["alias"], set()).add(r["cbs_code"])
    for adjective, codes in places.items():
        maps = [
            m
            for m in (ref.municipality_adjectives, ref.province_adjectives, ref.ambiguous_adjectives)
            if adjective in m
        ]
        assert len(maps) == 1, adjective
        if len(codes) > 1:
            assert ref.ambiguous_adjectives[adjective] == codes
        else:
            assert maps[0] is not ref.ambiguous_adjectives
            assert maps[0][adjective] == next(iter(codes))
    assert all(c.startswith("GM") and c in ref.municipalities for c in ref.municipality_adjectives.values())
    assert all(c.startswith("PV") and c in ref.provinces for c in ref.province_adjectives.values())


def test_adjective_names_the_municipality_of_a_role(extract: Callable[[str], DocumentFacts]) -> None:
    """With two municipalities in the text, the adjective decides whose wethouder this is (without
    it, the nearest municipality, Dronten, was taken)."""
    facts = extract(
        "De gemeenten Dronten en Zeewolde werken samen aan de nieuwe haven. "
        "De Zeewoldse wethouder Karin Bosma noemde het plan een goede stap."
    )
    positions = {(r.source, r.target) for r in facts.relations if r.type == "HOLDS_POSITION"}
    assert positions == {("person:karin-bosma", "gemeente:gm0050")}
