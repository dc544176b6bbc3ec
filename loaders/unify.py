"""One entity per name in a document: records the resolver kept apart although they share a name.

The resolver keys a name by its first form, so "Regio Twente" and a later "regio Twente"/"Twente"
can end up as two records that each list the other's name as an alias, and a surname the
organisation rules took for a body ("Vlecken") stands beside the person who carries it. To an
analyst that is one stakeholder counted twice, with its relations split between the two. Here
records of compatible types whose names (as the scorer and the merged graph compare them, with a
leading "regio" dropped) meet are merged, and so is an acronym ("OD NHN") with the one name in the
text whose initials it spells; every mention and rule candidate follows.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..graph.names import name_key
from .relations import Candidate
from .resolve import EntityRecord, acronym_matches
from .text import Mention

BODIES = {"Organization", "Region", "Initiative"}
# "OVIJ", "OD NHN", "DG&J", "G&V": capitals (a digit or "&" among them), at most one space
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}(?: [A-Z][A-Z0-9&]{1,5})?")

# which types may turn out to be one entity, and which type the merged one takes: a person wins
# over the body the organisation rules made of their surname; a region and a body of the same
# name are one cooperation (the type of the more often named wins, a region on a tie)
_MERGEABLE = {
    frozenset({"Organization"}),
    frozenset({"Region"}),
    frozenset({"Initiative"}),
    frozenset({"Person"}),
    frozenset({"Organization", "Region"}),
    frozenset({"Person", "Organization"}),
}


class _Read(Protocol):
    mentions: list[Mention]
    records: dict[str, EntityRecord]
    relations: list[Candidate]


def _names(rec: EntityRecord) -> set[str]:
    out = set()
    for form in (rec.name, *rec.aliases):
        key = name_key(form)
        if rec.type in {"Region", "Organization"} and key.startswith("regio "):
            key = key[len("regio ") :]
        if key:
            out.add(key)
    return out


def _winner(a: EntityRecord, b: EntityRecord) -> EntityRecord:
    if a.type != b.type:
        if "Person" in (a.type, b.type):
            return a if a.type == "Person" else b
        if a.mentions != b.mentions:
            return a if a.mentions > b.mentions else b
        return a if a.type == "Region" else b
    if a.mentions != b.mentions:
        return a if a.mentions > b.mentions else b
    return min(a, b, key=lambda r: r.key)


def same_entities(records: dict[str, EntityRecord]) -> dict[str, str]:
    """key -> the key of the record it is merged into, for every record that is merged away."""
    by_name: dict[tuple[str, str], list[EntityRecord]] = {}
    for rec in sorted(records.values(), key=lambda r: r.key):
        if rec.type in {"Municipality", "Province"}:
            continue  # official names: the resolver already gives each one key
        for n in _names(rec):
            by_name.setdefault(("Person" if rec.type == "Person" else "body", n), []).append(rec)
            if rec.type == "Person" and " " not in n:  # a bare surname may have been read as a body
                by_name.setdefault(("body", n), []).append(rec)
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while k in parent:
            k = parent[k]
        return k

    for (_, n), recs in by_name.items():
        full_names = [r for r in recs if r.type == "Person" and name_key(r.name) != n]
        if len(full_names) > 1:
            continue  # "De Vries" with both Jan and Piet de Vries in the text: nobody in particular
        for other in recs[1:]:
            a, b = records[root(recs[0].key)], records[root(other.key)]
            if a.key == b.key or frozenset({a.type, b.type}) not in _MERGEABLE:
                continue
            win = _winner(a, b)
            lose = b if win is a else a
            parent[lose.key] = win.key
    # an acronym standing apart from the one name in the text whose initials it spells
    for rec in sorted(records.values(), key=lambda r: r.key):
        if rec.type not in BODIES or not ACRONYM.fullmatch(rec.name) or rec.key in parent:
            continue
        spelled = {
            root(o.key)
            for o in records.values()
            if o.type in BODIES and o.key != rec.key
            and any(" " in f and acronym_matches(rec.name, f) for f in (o.name, *o.aliases))
        } - {rec.key}
        if len(spelled) == 1:
            parent[rec.key] = spelled.pop()
    return {k: root(k) for k in parent}


def unify(read: _Read) -> None:
    """Merge the document's records that share a name, and point mentions and candidates at them."""
    into = same_entities(read.records)
    if not into:
        return
    for old, new in into.items():
        gone, kept = read.records.pop(old), read.records[new]
        kept.aliases |= ({gone.name} | gone.aliases) - {kept.name}
        kept.mentions += gone.mentions
        for k, v in gone.attributes.items():
            kept.attributes.setdefault(k, v)
    for m in read.mentions:
        if m.key in into:
            m.key = into[m.key]
            m.type = read.records[m.key].type
    for c in read.relations:
        c.source = into.get(c.source, c.source)
        c.target = into.get(c.target, c.target)
