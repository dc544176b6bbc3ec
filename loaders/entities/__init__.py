"""Recognise person, municipality, province, region, organisation and initiative names.

Each recogniser proposes candidate `Mention`s with a priority; `select` keeps the best
non-overlapping ones (a longer organisation name beats the town inside it: "Universiteit
Leiden" is one organisation, not Leiden). Names come from reference lists (municipalities,
provinces, Dutch first names) and from the shape of Dutch names (tussenvoegsels, initials,
organisation heads, acronyms) — never from a list of particular organisations."""

from .common import initiative_head, org_head, select
from .gazetteer import Gazetteer
from .recogniser import recognise

__all__ = ["Gazetteer", "initiative_head", "org_head", "recognise", "select"]
