"""Relation rules: positions, membership, collaboration, participation and location.

Rules work on one sentence at a time, over the resolved mentions in it and a few cue words.
Positions are anchored on role words ("gemeentesecretaris", "VNG-voorzitter") and bound to the
person and organisation next to them; first-person statements ("ik", "we", "onze gemeente") are
attached to the interviewee only where the document establishes who that is. Every candidate
carries its sentence, offsets, the rule that fired and a confidence."""

from ..prefilter import gate_package
from .common import Candidate, Context
from .extractor import PASSES, extract_relations

# every rule module's patterns skip the sentences that lack their cue words (same results, faster)
gate_package(__name__, __path__)

__all__ = ["PASSES", "Candidate", "Context", "extract_relations"]
