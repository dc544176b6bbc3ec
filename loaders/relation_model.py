"""A learned second reader: scores every pair of entities named in one sentence, per relation type.

The rules read the sentence shapes they were written for and miss the rest; on pages nobody had
read they found about a quarter of the facts an analyst annotates. This layer looks at every pair
of resolved entities in a sentence whose types fit a relation type, describes the pair by plain
features (the words between and around the two names, the kinds of names between them, distance,
order, role words), and scores it with a logistic model per relation type. It reads independently
of the rules: trained on what the rules say, it would learn to trust them as far as they were right
on the pages they were tuned on, which is further than they deserve elsewhere. The weights are a
JSON table trained on the annotated development pages by `train_relation_model.py`; applying them
needs no machine-learning library.

Features never contain names: words inside entity mentions are replaced by the mention's type, so
the model learns "X , burgemeester van Y" and not who was mayor where.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..graph.model import RELATION_ENDS, SYMMETRIC_RELATIONS
from .reference import common_word
from .relations import Candidate
from .text import Mention, Sentence, resolved_by_sentence
from .vocabulary import ORG_HEADS, ORG_TYPE_NOUNS, REGION_WORDS, ROLES

MODEL_FILE = Path(__file__).parent / "reference" / "relation_model.json"
MODEL_RULE = "model"  # evidence of a fact only the model read is cited under "model:<TYPE>"

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_ROLE_WORDS = {w: c for w, c in ROLES.items() if " " not in w}
WINDOW = 3  # words of context on the outside of the pair
MAX_BETWEEN = 25  # a pair further apart than this many tokens is not read as related
MAX_MENTIONS = 80  # a "sentence" naming more is a table or a run-on list: the list rules read those


@dataclass(frozen=True)
class PairCandidate:
    """Two entities named in one sentence, with the features the model reads them by."""

    type: str
    source: Mention
    target: Mention
    sentence: Sentence
    features: tuple[str, ...]


@cache
def _word(token: str) -> str:
    """A token as a feature: lower case; numbers as "0"; a capitalised word that is no everyday
    Dutch word (a name the recogniser missed) as "<Cap>", so no name ever becomes a weight."""
    low = token.lower()
    if low.isdigit():
        return "0"
    if token[:1].isupper() and low not in _ROLE_WORDS and not common_word(low):
        return "<Cap>"
    return low


def _tokens(text: str) -> list[str]:
    return [_word(t) for t in _TOKEN.findall(text)]


def _bucket(n: int) -> str:
    for limit, label in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12")):
        if n <= limit:
            return label
    return "13+"


def _masked(text: str, offset: int, mentions: list[Mention], start: int, end: int) -> list[str]:
    """The tokens of text[start:end], each mention inside it replaced by its type."""
    out: list[str] = []
    pos = start
    for m in mentions:
        if m.end <= start or m.start >= end:
            continue
        out += _tokens(text[pos - offset : max(pos, m.start) - offset])
        out.append(f"<{m.type}>")
        pos = max(pos, m.end)
    out += _tokens(text[pos - offset : end - offset])
    return out


_LIST_GLUE = frozenset(
    {",", ";", "en", "of", "&", "de", "het", "gemeente", "gemeenten", "provincie", "provincies"}
)


def coordinated(text: str, offset: int, mentions: list[Mention]) -> dict[int, list[Mention]]:
    """id(mention) -> the coordination list it stands in ("de gemeenten A, B en C"), in text order.

    A list is a run of names of one kind (bodies, or persons) joined only by commas, "en", "of" and
    articles or "gemeente(n)"/"provincie(s)": what is said of the list is said of each member, and
    the member nearest to the other end of a pair stands for all of them.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    groups: list[list[Mention]] = []
    for m in ordered:
        last = groups[-1][-1] if groups else None
        glue = _tokens(text[last.end - offset : m.start - offset]) if last and last.end <= m.start else None
        same_kind = last is not None and (last.type == "Person") == (m.type == "Person")
        if glue is not None and same_kind and len(glue) <= 3 and all(t in _LIST_GLUE for t in glue):
            groups[-1].append(m)
        else:
            groups.append([m])
    return {id(m): g for g in groups if len(g) > 1 for m in g}


KIND_WORDS = ORG_HEADS | frozenset(ORG_TYPE_NOUNS) | REGION_WORDS


def mention_kind(m: Mention) -> str:
    """What kind of body a name says it is, by its head word ("Omgevingsdienst X" -> omgevingsdienst),
    never the name itself; an acronym is "<acronym>"."""
    words = m.text.split()
    kind = next((w.lower() for w in words if w.lower() in KIND_WORDS), None)
    if kind is not None:
        return kind
    if len(words) == 1 and words[0].isupper():
        return "<acronym>"
    return "-"


def pair_features(
    sentence: Sentence, mentions: list[Mention], a: Mention, b: Mention,
    lists: dict[int, list[Mention]] | None = None,
) -> tuple[str, ...]:
    """What the model sees of the pair (a, b): a the would-be source, b the would-be target.

    A member of a coordination list is read through the member nearest to the other end, so "de
    gemeenten A, B, C en D werken samen in X" reads every member as "<list> werken samen in X".
    """
    lists = lists or {}
    group_a, group_b = lists.get(id(a), [a]), lists.get(id(b), [b])
    shared = group_a is group_b and len(group_a) > 1
    pa = a if shared else min(group_a, key=lambda m: abs(m.start - b.start))
    pb = b if shared else min(group_b, key=lambda m: abs(m.start - pa.start))
    first, second = (pa, pb) if pa.start < pb.start else (pb, pa)
    text, off = sentence.text, sentence.start
    others = [m for m in mentions if m is not pa and m is not pb]
    between = _masked(text, off, others, first.end, second.start)
    before = _masked(text, off, others, off, first.start)[-WINDOW:]
    after = _masked(text, off, others, second.end, sentence.end)[:WINDOW]
    feats = [
        f"types={a.type}>{b.type}",
        "order=source-first" if first is pa else "order=target-first",
        f"dist={_bucket(len(between))}",
        f"ents={_bucket(len(mentions))}",
        f"inner={_bucket(sum(1 for t in between if t.startswith('<')))}",
        f"skind={mention_kind(a)}",
        f"tkind={mention_kind(b)}",
    ]
    if len(group_a) > 1:
        feats.append("source-list=same" if shared else f"source-list={_bucket(len(group_a))}")
    if len(group_b) > 1 and not shared:
        feats.append(f"target-list={_bucket(len(group_b))}")
    feats += sorted({f"bw={t}" for t in between})
    feats += sorted({f"brole={_ROLE_WORDS[t]}" for t in between if t in _ROLE_WORDS})
    if len(between) <= 4:
        feats.append("bseq=" + " ".join(between))
    if between:
        feats += [f"b1={between[0]}", f"bn={between[-1]}"]
    feats += [f"pre{i}={t}" for i, t in enumerate(reversed(before), 1)]
    feats += [f"post{i}={t}" for i, t in enumerate(after, 1)]
    return tuple(feats)


def pair_candidates(
    sentence: Sentence, mentions: list[Mention], types: frozenset[str] | None = None,
    skip: frozenset[tuple[str, str, str]] | set[tuple[str, str, str]] = frozenset(),
) -> Iterator[PairCandidate]:
    """Every (type, source, target) the sentence's resolved mentions could stand in (of `types`, or
    of every relation type), read at the nearest pair of their mentions; those in `skip` (already
    read) are left out without working out their features."""
    keyed = [m for m in mentions if m.key]
    if len(keyed) > MAX_MENTIONS:
        return
    lists = coordinated(sentence.text, sentence.start, keyed)
    seen: set[tuple[str, str, str]] = set()
    reader = _PairReader(sentence, mentions, lists)
    pairs = sorted(
        ((a, b) for a in keyed for b in keyed if a.key != b.key),
        key=lambda p: abs(p[0].start - p[1].start),
    )
    for a, b in pairs:
        for rtype, (sources, targets) in RELATION_ENDS.items():
            if (types is not None and rtype not in types) or a.type not in sources or b.type not in targets:
                continue
            if rtype in SYMMETRIC_RELATIONS and str(a.key) > str(b.key):
                continue
            key = (rtype, str(a.key), str(b.key))
            if key in seen:
                continue
            seen.add(key)
            if skip and (str(rtype), key[1], key[2]) in skip:
                continue
            features = reader.read(a, b)
            if features is not None:
                yield PairCandidate(str(rtype), a, b, sentence, features)


@dataclass
class _PairReader:
    """A sentence's pairs read once each: a pair of mentions is as near and reads the same (its
    features) whatever relation types it could stand in."""

    sentence: Sentence
    mentions: list[Mention]
    lists: dict[int, list[Mention]]
    featured: dict[tuple[int, int], tuple[str, ...] | None] = field(default_factory=dict)

    def read(self, a: Mention, b: Mention) -> tuple[str, ...] | None:
        """The pair's features, or None when its nearest mentions are too far apart."""
        key = (id(a), id(b))
        if key not in self.featured:
            s, lists = self.sentence, self.lists
            pa = min(lists.get(id(a), [a]), key=lambda m: abs(m.start - b.start))
            gap = _masked(s.text, s.start, [], min(pa.end, b.end), max(pa.start, b.start))
            near = len(gap) <= MAX_BETWEEN
            self.featured[key] = pair_features(s, self.mentions, a, b, lists) if near else None
        return self.featured[key]


@dataclass(frozen=True)
class TypeModel:
    """One relation type's weights; `threshold` and `confidence` were measured on held-out pages."""

    bias: float
    threshold: float
    confidence: float
    weights: dict[str, float]

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_model(path: Path = MODEL_FILE) -> dict[str, TypeModel]:
    """Relation type -> its model; empty when none has been trained."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        t: TypeModel(
            float(m["bias"]), float(m["threshold"]), float(m["confidence"]),
            {k: float(v) for k, v in m["weights"].items()},
        )
        for t, m in data["types"].items()
    }


def sentence_candidates(
    sentences: list[Sentence], mentions: list[Mention], types: frozenset[str] | None = None,
    skip: frozenset[tuple[str, str, str]] | set[tuple[str, str, str]] = frozenset(),
) -> Iterator[PairCandidate]:
    """All pair candidates of a document, sentence by sentence.

    Pairs across sentences were tried ("Jan Smit wordt directeur. De dienst ..."): on held-out
    batches they added a little, on pages with a missed organisation they tied the person to the
    wrong body with high confidence, so the model reads one sentence at a time, as the rules do.
    """
    for s, here in zip(sentences, resolved_by_sentence(sentences, mentions), strict=True):
        yield from pair_candidates(s, here, types, skip)


def role_near(sentence: Sentence, person: Mention) -> tuple[str | None, str | None]:
    """The single-word role nearest to the person in the sentence, for a position only the model read."""
    found = [
        (abs(m.start() + sentence.start - person.start), m.group().lower())
        for m in _TOKEN.finditer(sentence.text)
        if m.group().lower() in _ROLE_WORDS
    ]
    if not found:
        return None, None
    word = min(found)[1]
    return word, _ROLE_WORDS[word]


def model_candidates(
    sentences: list[Sentence], mentions: list[Mention], rules: list[Candidate],
    model: dict[str, TypeModel] | None = None,
) -> list[Candidate]:
    """Facts the rules did not read and the model reads with at least its type's threshold, as
    candidates citing the sentence it read them in most surely."""
    model = load_model() if model is None else model
    if not model:
        return []
    read = {(str(c.type), c.source, c.target) for c in rules}
    read |= {(t, b, a) for t, a, b in read if t in SYMMETRIC_RELATIONS}  # the rules' reading stands
    best: dict[tuple[str, str, str], tuple[float, PairCandidate]] = {}
    for pc in sentence_candidates(sentences, mentions, frozenset(model), skip=read):
        key = (pc.type, str(pc.source.key), str(pc.target.key))
        if key in read:
            continue
        p = model[pc.type].probability(pc.features)
        if p >= model[pc.type].threshold and (key not in best or p > best[key][0]):
            best[key] = (p, pc)
    out = []
    for (rtype, s, t), (_, pc) in sorted(best.items()):
        role, role_class = role_near(pc.sentence, pc.source) if rtype == "HOLDS_POSITION" else (None, None)
        rule = f"{MODEL_RULE}:{rtype}"
        out.append(Candidate(rtype, s, t, pc.sentence, rule, model[rtype].confidence, role, role_class))
    return out
