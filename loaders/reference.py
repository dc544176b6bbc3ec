"""Reference data the recognisers look names up in: official lists, never names from example texts.

- Municipalities, provinces, their aliases and former municipalities: CBS lists packaged in
  `loaders/reference/` (sources in its SOURCES.md).
- Dutch first names, surnames, tussenvoegsels, titles and common words: the maintained lookup
  lists shipped inside the `deduce` package, read as plain files (building deduce's own
  de-identification pipeline takes minutes and is not needed).
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

# The abbreviations CBS, the Kiesraad and newspapers put after a municipality's name.
PROVINCE_ABBREVIATIONS = {
    "GR": "PV20",
    "GRON": "PV20",
    "FR": "PV21",
    "F": "PV21",
    "DR": "PV22",
    "D": "PV22",
    "OV": "PV23",
    "O": "PV23",
    "FL": "PV24",
    "FLEV": "PV24",
    "GLD": "PV25",
    "G": "PV25",
    "GE": "PV25",
    "U": "PV26",
    "UT": "PV26",
    "UTR": "PV26",
    "NH": "PV27",
    "N-H": "PV27",
    "ZH": "PV28",
    "Z-H": "PV28",
    "Z": "PV29",
    "ZLD": "PV29",
    "ZL": "PV29",
    "NB": "PV30",
    "N-B": "PV30",
    "L": "PV31",
    "LB": "PV31",
    "LIMB": "PV31",
}


@dataclass(frozen=True)
class Municipality:
    code: str  # GM0546
    name: str  # official CBS name, e.g. "Bergen (L.)"
    province: str  # province name as CBS writes it
    wikidata: str | None


@dataclass(frozen=True)
class Province:
    code: str  # PV28
    name: str
    english_name: str
    wikidata: str | None


@dataclass
class Reference:
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    provinces: dict[str, Province] = field(default_factory=dict)
    municipality_names: dict[str, set[str]] = field(default_factory=dict)  # surface -> codes
    former: dict[str, Municipality] = field(default_factory=dict)  # dissolved municipalities by code
    former_names: dict[str, str] = field(default_factory=dict)  # former name -> its own (old) code
    successors: dict[str, str] = field(default_factory=dict)  # old code -> successor code, where one
    province_names: dict[str, str] = field(default_factory=dict)  # surface -> PV code
    adjectives: set[str] = field(default_factory=set)
    municipality_adjectives: dict[str, str] = field(default_factory=dict)  # "Rotterdamse" -> GM0599
    regions: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # towns and villages (woonplaatsen), not municipalities
    streets: set[str] = field(default_factory=set)
    first_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    interfixes: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    common_words: set[str] = field(default_factory=set)

    def province_code(self, text: str) -> str | None:
        """ "Limburg", "L.", "NH": a province named or abbreviated, as in "Bergen (L.)"."""
        t = text.strip().rstrip(".")
        return self.province_names.get(t) or PROVINCE_ABBREVIATIONS.get(t.replace(".", "").upper())

    def municipality(self, code: str) -> Municipality:
        """A current or former municipality by CBS code."""
        return self.municipalities.get(code) or self.former[code]

    def province_of(self, code: str) -> str | None:
        """The PV code of a municipality's province."""
        m = self.municipalities.get(code) or self.former.get(code)
        if m is None:
            return None
        return next((p.code for p in self.provinces.values() if p.name == m.province), None)


class ReferenceDataError(RuntimeError):
    """A reference table that ships with stakegraph is missing or unreadable: a broken installation.

    Never answered with empty data: extraction would miss every municipality and an RDF export
    every TOOI and Wikidata link, without a word.
    """


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of one packaged reference table (`loaders/reference/<name>`): the project's one
    reader of these files, used by extraction (`load_reference`) and the RDF export alike."""
    try:
        text = resources.files("stakegraph.loaders").joinpath("reference", name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceDataError(
            f"reference table loaders/reference/{name} cannot be read ({exc.strerror or exc}); "
            "the installation is incomplete: reinstall stakegraph"
        ) from None
    return list(csv.DictReader(text.splitlines()))


_rows = read_table


def _deduce_list(*parts: str) -> set[str]:
    # Locate the package without importing it: importing deduce reconfigures the root logger.
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the deduce package (Dutch name lists) is not installed")
    base = Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"
    path = base.joinpath(*parts, "items.txt")
    if not path.exists():
        return set()
    items = {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    exceptions = path.with_name("exceptions.txt")
    if exceptions.exists():
        items -= {line.strip() for line in exceptions.read_text(encoding="utf-8").splitlines()}
    return items


def common_word(word: str) -> bool:
    """Is this an everyday Dutch word (a theme, a department, a noun in a title), by its frequency in
    wordfreq's Dutch data? Brand and organisation names are rarer than everyday nouns."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "nl") >= 4.3


def _short_name(official: str) -> str:
    """ "Bergen (L.)" -> "Bergen": the form a text usually uses."""
    return official.split(" (", 1)[0]


@cache
def load_reference() -> Reference:
    ref = Reference()
    for r in _rows("municipalities.csv"):
        m = Municipality(r["cbs_code"], r["name"], r["province"], r.get("wikidata") or None)
        ref.municipalities[m.code] = m
        for surface in {m.name, _short_name(m.name)}:
            ref.municipality_names.setdefault(surface, set()).add(m.code)
    for r in _rows("provinces.csv"):
        p = Province(r["code"], r["name"], r["english_name"], r.get("wikidata") or None)
        ref.provinces[p.code] = p
        ref.province_names[p.name] = p.code
        ref.province_names[p.english_name] = p.code
    for r in _rows("aliases.csv"):
        code, alias, kind = r["cbs_code"], r["alias"], r["kind"]
        if kind == "adjective":
            ref.adjectives.add(alias)
            if code.startswith("GM"):
                ref.municipality_adjectives[alias] = code
        elif code.startswith("PV"):
            if not alias.lower().startswith("provincie "):
                ref.province_names[alias] = code
        elif code in ref.municipalities and "(gemeente)" not in alias:
            ref.municipality_names.setdefault(alias, set()).add(code)
            ref.municipality_names.setdefault(_short_name(alias), set()).add(code)
    ambiguous = {
        a
        for a, c in ref.municipality_adjectives.items()
        if sum(1 for r in _rows("aliases.csv") if r["alias"] == a) > 1
    }
    for a in ambiguous:  # "Utrechtse": the city or the province; context must decide, so no rule uses it
        del ref.municipality_adjectives[a]
    for r in _rows("former_municipalities.csv"):
        old = Municipality(r["cbs_code"], r["name"], r["province"], None)
        ref.former[old.code] = old
        if r["name"] not in ref.municipality_names:
            ref.former_names[r["name"]] = old.code
        if r.get("successor_cbs_code"):
            ref.successors[old.code] = r["successor_cbs_code"]
    ref.regions = {
        r
        for r in _deduce_list("locations", "lst_placename", "lst_region")
        if " " in r or "-" in r or r[0].isupper()
    }
    ref.places = _deduce_list("locations", "lst_placename", "lst_residence")
    ref.streets = {s for s in _deduce_list("locations", "lst_street") if " " not in s}
    ref.first_names = _deduce_list("names", "lst_first_name")
    ref.surnames = _deduce_list("names", "lst_surname") | _deduce_list("names", "lst_interfix_surname")
    ref.interfixes = _deduce_list("names", "lst_interfix")
    ref.titles = {t.lower() for t in _deduce_list("names", "lst_prefix")}
    ref.common_words = _deduce_list("whitelist", "lst_common_word") | _deduce_list(
        "whitelist", "lst_stop_word"
    )
    return ref
