"""The recogniser: every name rule over one text, then the best non-overlapping mentions."""

from __future__ import annotations

import re

from ..text import Mention, in_zones
from .common import select
from .filters import keep_stakeholders
from .gazetteer import Gazetteer
from .organisations import organisations
from .persons import initials_and_given_names, listed_officials, persons, titled_full_names, titled_surnames
from .places import places

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def recognise(
    gz: Gazetteer, text: str, zones: list[tuple[int, int]], extra: list[Mention] | None = None
) -> list[Mention]:
    """All name rules over `text` (plus `extra` candidates, e.g. a trained recogniser's), outside the
    excluded `zones`, filtered to stakeholders and resolved to non-overlapping mentions."""
    cands: list[Mention] = list(extra or [])
    cands += places(gz, text)
    cands += persons(gz, text)
    cands += titled_surnames(gz, text)
    cands += titled_full_names(gz, text)
    cands += listed_officials(gz, text)
    cands += initials_and_given_names(gz, text)
    cands += organisations(gz, text)
    cands = [m for m in cands if not in_zones(m.start, m.end, zones) and not _across_paragraphs(text, m)]
    return select(keep_stakeholders(text, cands, gz.ref))


def _across_paragraphs(text: str, m: Mention) -> bool:
    """No organisation's or place's name runs over a blank line: "... gezondste regio" ending a
    heading and the name opening the next paragraph are two things. (A single line break may wrap a
    name in a PDF, and a magazine profile may set a first name and surname as lines of their own.)"""
    return m.type != "Person" and PARAGRAPH_BREAK.search(text, m.start, m.end) is not None
