"""What the name rules know before they read a text: the reference lists and the patterns built from
them once (municipality, province and region names as alternations), shared by every document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reference import Reference
from ..text import literal_alternation
from ..vocabulary import COMPASS
from .common import CAP


@dataclass(frozen=True)
class Gazetteer:
    """The reference plus its compiled name patterns; the entity rules read, never change, it."""

    ref: Reference
    muni_re: re.Pattern[str]  # "(gemeente) Leiden"
    former_re: re.Pattern[str]  # "(voormalige gemeente) Haaren"
    prov_re: re.Pattern[str]  # "(provincie | Gedeputeerde Staten van) Utrecht"
    region_list_re: re.Pattern[str]  # regions that are neither municipality nor province
    compass_re: re.Pattern[str]  # "Zuidoost-Brabant", "Noord- en Midden-Limburg"
    common: set[str]  # common Dutch words, lower case
    ambiguous_munis: set[str]  # municipality names that are also common words ("Best")
    # answers of word tests that depend on the lists only, kept across documents (see persons.py)
    memo: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_reference(cls, ref: Reference) -> Gazetteer:
        """Compile the patterns; longest names first, so "Bergen op Zoom" wins over "Bergen"."""
        muni_names = sorted((n for n in ref.municipality_names if "(" not in n), key=len, reverse=True)
        former = sorted(ref.former_names, key=len, reverse=True)
        prov_names = sorted(ref.province_names, key=len, reverse=True)
        alt = literal_alternation(muni_names)  # a trie: re tries a plain alternation name by name
        region_names = sorted(
            (r for r in ref.regions if r not in ref.municipality_names and r not in ref.province_names),
            key=len,
            reverse=True,
        )
        place = literal_alternation(set(ref.province_names) | {"Holland", "Nederland"})
        common = {w.lower() for w in ref.common_words}
        return cls(
            ref=ref,
            muni_re=re.compile(rf"(?<![\w-])(?:(?P<g>[Gg]emeente)\s+)?(?P<n>{alt})(?![\w-])"),
            former_re=re.compile(
                r"(?<![\w-])(?:(?P<g>(?:[Vv]oormalige\s+)?[Gg]emeente)\s+)?"
                rf"(?P<n>{literal_alternation(former)})(?![\w-])"
            ),
            prov_re=re.compile(
                r"(?<![\w-])(?:(?P<g>[Pp]rovincie|[Pp]rovinsje|(?:[Gg]edeputeerde|[Pp]rovinciale)\s+[Ss]taten\s+van)\s+)?"
                rf"(?P<n>{literal_alternation(prov_names)})(?![\w-])"
            ),
            region_list_re=re.compile(
                rf"(?<![\w-])(?:{literal_alternation(region_names)})(?![\w-])"
            ),
            compass_re=re.compile(
                rf"(?<![\w-])(?P<n>{COMPASS}(?:-|\s|-\s)(?:en\s+{COMPASS}(?:-|\s))?(?:{place}|{CAP}))(?![\w-])"
            ),
            common=common,
            ambiguous_munis={n for n in ref.municipality_names if n.lower() in common},
        )
