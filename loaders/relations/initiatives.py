"""The initiatives a sentence refers to: named ones, "het congres" for the document's one congress,
"het project" for the paragraph's topic. Several rule families ask this of the same sentence, so the
answers are kept on the document context.
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from ..vocabulary import INITIATIVE_HEADS
from .common import Context

GENERIC_INITIATIVE = re.compile(
    r"\b(?:het|de|dit|deze)\s+(?P<h>project|programma|congres|deal|akkoord|pilot|"
    r"leergang|lab|conferentie|campagne)\b",
    re.IGNORECASE,
)


def paragraph_topic(ctx: Context, i: int) -> str | None:
    """The initiative a paragraph is about: the last one named earlier in it, else the document's
    only initiative."""
    for j in range(i - 1, -1, -1):
        if ctx.paragraph[j] != ctx.paragraph[i] and j < i - 1:
            break
        inits = [m.key for m in ctx.in_sentence(j) if m.type == "Initiative"]
        if inits:
            return inits[-1]
    only = {m.key for m in ctx.by_type.get("Initiative", [])}
    return next(iter(only)) if len(only) == 1 else None


def initiative_refs(ctx: Context, i: int, s: Sentence, inits: list[Mention]) -> list[tuple[int, int, str]]:
    """Initiative mentions in the sentence, plus "het (jaarlijkse) congres" referring to the one
    initiative of the document with that head word. Several rules ask this of one sentence, so
    the answer is kept per sentence."""
    memo_key = ("initiative-refs", i, tuple((m.start, m.end) for m in inits))
    cached = ctx.memo.get(memo_key)
    if cached is None:
        cached = ctx.memo[memo_key] = _find_initiative_refs(ctx, i, s, inits)
    return list(cached)


def initiative_heads(ctx: Context) -> tuple[dict[str, set[str]], re.Pattern[str] | None]:
    """Per head word ("congres", "deal"), the document's initiatives named with it; and a pattern
    for "het/de/dit/deze (adjective) HEAD". Built once per document."""
    cached = ctx.memo.get(("initiative-heads",))
    if cached is None:
        doc_inits: dict[str, set[str]] = {}
        for m in ctx.by_type.get("Initiative", []):
            for w in re.split(r"[\s-]+", m.text.lower()):
                for h in INITIATIVE_HEADS:
                    if w == h or w.endswith(h):
                        doc_inits.setdefault(h, set()).add(m.id)
        pattern = (
            re.compile(
                rf"\b(?:[Hh]et|[Dd]e|[Dd]it|[Dd]eze)\s+(?:\w+\s+)?(?P<h>{'|'.join(sorted(doc_inits))})\b"
            )
            if doc_inits
            else None
        )
        cached = ctx.memo[("initiative-heads",)] = (doc_inits, pattern)
    return cached


def _find_initiative_refs(
    ctx: Context, i: int, s: Sentence, inits: list[Mention]
) -> list[tuple[int, int, str]]:
    refs = [(m.start, m.end, m.id) for m in inits]
    doc_inits, head_pattern = initiative_heads(ctx)
    for g in head_pattern.finditer(s.text) if head_pattern else []:
        keys = doc_inits.get(g.group("h"), set())
        a, b = s.start + g.start(), s.start + g.end()
        if len(keys) == 1 and not any(m.start < b and a < m.end for m in inits):
            refs.append((a, b, next(iter(keys))))
    # "Het project is een initiatief van ...": a generic head no initiative is named by refers to
    # the initiative the paragraph (or the whole document) is about
    topic = None
    for g in GENERIC_INITIATIVE.finditer(s.text):
        if g.group("h").lower() in doc_inits:
            continue
        a, b = s.start + g.start(), s.start + g.end()
        if any(a <= r[0] < b or r[0] <= a < r[1] for r in refs):
            continue
        topic = topic or paragraph_topic(ctx, i)
        # a reference points back: the initiative must have been named before this sentence
        if topic is not None and ctx.first_by_key[topic].start < s.start:
            refs.append((a, b, topic))
    return refs
