"""Recognise person, municipality, province, region, organisation and initiative names.

Each recogniser proposes candidate `Mention`s with a priority; `select` keeps the best
non-overlapping ones (a longer organisation name beats the town inside it: "Universiteit
Leiden" is one organisation, not Leiden). Names come from reference lists (municipalities,
provinces, Dutch first names) and from the shape of Dutch names (tussenvoegsels, initials,
organisation heads, acronyms) — never from a list of particular organisations."""

from ..prefilter import gate_package
from .common import initiative_head, org_head, select
from .gazetteer import Gazetteer
from .recogniser import recognise

# every recogniser module's patterns skip the text that lacks their cue words (same results, faster)
gate_package(__name__, __path__)

__all__ = ["Gazetteer", "initiative_head", "org_head", "recognise", "select"]
