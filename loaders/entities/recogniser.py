"""The recogniser: every name rule over one text, then the best non-overlapping mentions."""

from __future__ import annotations

import re

from ..reference import Reference
from ..text import Mention, in_zones
from ..vocabulary import COMPASS
from .common import CAP, select
from .filters import keep_stakeholders
from .organisations import OrganisationRules
from .persons import PersonRules
from .places import PlaceRules


class Recogniser(PlaceRules, PersonRules, OrganisationRules):
    """All name recognisers over one reference; `recognise(text, zones)` gives the chosen mentions."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        muni_names = sorted((n for n in ref.municipality_names if "(" not in n), key=len, reverse=True)
        former = sorted(ref.former_names, key=len, reverse=True)
        prov_names = sorted(ref.province_names, key=len, reverse=True)
        alt = "|".join(re.escape(n) for n in muni_names)
        self.muni_re = re.compile(rf"(?<![\w-])(?:(?P<g>[Gg]emeente)\s+)?(?P<n>{alt})(?![\w-])")
        self.former_re = re.compile(
            r"(?<![\w-])(?:(?P<g>(?:[Vv]oormalige\s+)?[Gg]emeente)\s+)?"
            rf"(?P<n>{'|'.join(re.escape(n) for n in former)})(?![\w-])"
        )
        self.prov_re = re.compile(
            r"(?<![\w-])(?:(?P<g>[Pp]rovincie|(?:[Gg]edeputeerde|[Pp]rovinciale)\s+[Ss]taten\s+van)\s+)?"
            rf"(?P<n>{'|'.join(re.escape(n) for n in prov_names)})(?![\w-])"
        )
        region_names = sorted(
            (r for r in ref.regions if r not in ref.municipality_names and r not in ref.province_names),
            key=len,
            reverse=True,
        )
        self.region_list_re = re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(r) for r in region_names)})(?![\w-])"
        )
        place = "|".join(
            re.escape(n)
            for n in sorted(set(ref.province_names) | {"Holland", "Nederland"}, key=len, reverse=True)
        )
        self.compass_re = re.compile(
            rf"(?<![\w-])(?P<n>{COMPASS}(?:-|\s|-\s)(?:en\s+{COMPASS}(?:-|\s))?(?:{place}|{CAP}))(?![\w-])"
        )
        self.common = {w.lower() for w in ref.common_words}
        self.ambiguous_munis = {n for n in ref.municipality_names if n.lower() in self.common}

    # -- entry point --------------------------------------------------------------------------
    def recognise(
        self, text: str, zones: list[tuple[int, int]], extra: list[Mention] | None = None
    ) -> list[Mention]:
        cands: list[Mention] = list(extra or [])
        cands += self.places(text)
        cands += self.persons(text)
        cands += self._titled_surnames(text)
        cands += self._titled_full_names(text)
        cands += self.organisations(text)
        cands = [m for m in cands if not in_zones(m.start, m.end, zones)]
        return select(keep_stakeholders(text, cands, self.ref))
