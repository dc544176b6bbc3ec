"""Joint work: several parties working together *in* something, as members of a body or participants
in an initiative. "A werkt met B en C samen in de regio X", "Deelnemers in X zijn A, B en C",
"X, waaronder A en B", "INIT, dat A samen met B uitvoert", "A en B doen mee aan INIT", "Daarin werken
A en B samen" (the initiative just named).
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from .common import Candidate, Context, SentenceRule, coordinated, coordinated_backwards, run_rules

# rule -> confidence
CONFIDENCE = {
    "joint-samen-in": 0.75,
    "joint-appositive": 0.7,
    "joint-parenthesis": 0.7,
    "joint-samen-aan": 0.75,
    "joint-deelnemers": 0.75,
    "joint-waaronder": 0.7,
    "joint-relative": 0.75,
    "joint-doen-mee": 0.75,
    "joint-daarin": 0.65,
}


def _actors(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type in {"Organization", "Municipality"}]


def _bodies(
    ms: list[Mention], types: frozenset[str] = frozenset({"Organization", "Region", "Initiative"})
) -> list[Mention]:
    return [m for m in ms if m.type in types]


def _inits(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type == "Initiative"]


def _join(ctx: Context, s: Sentence, members: list[Mention], target: str, rule: str) -> list[Candidate]:
    """Each member takes part in an initiative, or is a member of a body (a region is no member)."""
    rtype = "PARTICIPATES_IN" if ctx.types.get(target) == "Initiative" else "MEMBER_OF"
    return [
        Candidate(rtype, m.id, target, s, rule, CONFIDENCE[rule])
        for m in members
        if m.id != target and not (rtype == "MEMBER_OF" and ctx.types.get(m.id) == "Region")
    ]


def _together_in(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "... samen(werken) in (de|het) X" / "trekt ... op in de X"."""
    out: list[Candidate] = []
    t = s.text
    bodies = _bodies(ms)
    for m in re.finditer(
        r"\b(?:samen|samenwerken|samenwerkt|op|deel|mee)\s+(?:\w+\s+){0,2}?(?:in|binnen|aan)\s+"
        r"(?:(?:de|het)\s+)?(?:(?:regio|programma|project)\s+)?",
        t,
    ):
        pos = s.start + m.end()
        body = next((b for b in bodies if b.start == pos or (b.start < pos < b.end)), None)
        if body is None or not re.search(
            r"\b(?:werk\w*|trek\w*|doe[nt]|neem\w*|nemen|zitten|zit)\b", t[: m.start()]
        ):
            continue
        members = [a for a in _actors(ms) if a.end <= body.start and a.key != body.key]
        if len(members) >= 1:
            out += _join(ctx, s, members, body.id, "joint-samen-in")
    return out


def _appositive(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X, de gezamenlijke organisatie van A, B en C" / "X, waarin (onder meer) A en B samenwerken"."""
    out: list[Candidate] = []
    for body in _bodies(ms, frozenset({"Organization", "Region"})):
        app = re.match(
            r"\s*(?:\([^()]{1,20}\)\s*)?,\s*(?:(?:de|het|een)\s+(?:[\w-]+\s+){0,4}?(?:organisatie|"
            r"samenwerkingsverband|samenwerking|regeling|verband|netwerk|vereniging|coalitie|uitvoeringsorganisatie)"
            r"\s+van\s+(?:(?:de|het)\s+)?(?:\w+\s+)?(?:gemeenten\s+)?|[^,.;]{0,80}?\bwaar(?:in|aan)\s+(?:onder\s+meer\s+)?)",
            ctx.text[body.end : s.end],
        )
        if app is None:
            continue
        start = body.end + app.end()
        if re.search(r"waar(?:in|aan)", app.group()) and not re.search(
            r"\b(?:samen\w*|deelne\w*|nemen\s+deel|doen\s+mee)\b", ctx.text[start : s.end]
        ):
            continue
        group = coordinated(ctx.text, [a for a in _actors(ms) if a.start >= start], start)
        out += _join(ctx, s, group, body.id, "joint-appositive")
    return out


def _parenthesis(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "het samenwerkingsverband X (A, B, C en D)": members listed in parentheses."""
    out: list[Candidate] = []
    for body in _bodies(ms, frozenset({"Organization", "Region"})):
        if not re.match(r"\s*\(", ctx.text[body.end : s.end]):
            continue
        start = ctx.text.index("(", body.end) + 1
        close = ctx.text.find(")", start)
        inside = [a for a in _actors(ms) if start <= a.start and a.end <= close and a.type == "Municipality"]
        if len(inside) >= 2:
            out += _join(ctx, s, inside, body.id, "joint-parenthesis")
    return out


def _together_on(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A en B werken samen met C aan het programma P": all of them take part in P."""
    out: list[Candidate] = []
    for m in re.finditer(r"\bsamen\s+met\b[^.;]{0,120}?\baan\s+(?:(?:het|de)\s+)?", s.text):
        pos = s.start + m.end()
        init = next((b for b in _inits(ms) if b.start == pos or b.start < pos < b.end), None)
        if init is not None:
            out += _join(ctx, s, [a for a in _actors(ms) if a.end <= init.start], init.id, "joint-samen-aan")
    return out


def _participants_of(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Deelnemers in X zijn A, B en C"."""
    out: list[Candidate] = []
    for m in re.finditer(
        r"\b(?:deelnemers|leden|partners|deelnemende gemeenten)\s+(?:in|van|aan)\s+"
        r"(?:(?:de|het)\s+)?",
        s.text,
        re.IGNORECASE,
    ):
        pos = s.start + m.end()
        body = next((b for b in _bodies(ms) if b.start == pos), None)
        if body:
            out += _join(ctx, s, [a for a in _actors(ms) if a.start > body.end], body.id, "joint-deelnemers")
    return out


def _including(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X is een samenwerking van ... waaronder A, B"."""
    out: list[Candidate] = []
    for m in re.finditer(
        r"\b(?:samenwerking|samenwerkingsverband|verband|netwerk|regeling|vereniging|coalitie|alliantie)\s+van\b"
        r"[^.]*?\bwaaronder\s+",
        s.text,
    ):
        subj = [b for b in _bodies(ms) if b.end <= s.start + m.start()]
        if subj:
            members = [a for a in _actors(ms) if a.start >= s.start + m.end()]
            out += _join(ctx, s, members, subj[0].id, "joint-waaronder")
    return out


def _relative_clause(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Relative clauses on an initiative: "INIT, dat X samen met A en B uitvoert", "..., waarin A en B"."""
    out: list[Candidate] = []
    for init in _inits(ms):
        rel = re.match(
            r"\s*\)?\s*,\s*(?:dat|die|waarin|waarbij|waaraan)\b(?P<c>[^.;]*)", ctx.text[init.end : s.end]
        )
        if rel and re.search(
            r"\b(?:uitvoer\w*|voert|voeren|organiseer\w*|ontwikkel\w*|samen\w*|deel\w*|"
            r"trekken|leid\w*|financier\w*|werken|werkt)\b",
            rel.group("c"),
        ):
            lo, hi = init.end, init.end + rel.end()
            out += _join(ctx, s, [a for a in _actors(ms) if lo <= a.start < hi], init.id, "joint-relative")
    return out


def _take_part(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A, B en C doen mee aan (de tweede ronde van) INIT", "..., die (ook) deelnemen aan INIT"."""
    out: list[Candidate] = []
    for m in re.finditer(
        r"\b(?:doe[nt]\s+(?:\w+\s+)?mee|nemen\s+(?:\w+\s+)?deel|neemt\s+(?:\w+\s+)?deel|"
        r"deelnemen|deelneemt|participeren|participeert)\s+(?:aan|in)\b",
        s.text,
    ):
        after = [b for b in _inits(ms) if b.start >= s.start + m.end()]
        if not after:
            continue
        before = [a for a in _actors(ms) if a.end <= s.start + m.start()]
        group = coordinated_backwards(ctx.text, before) if before else []
        out += _join(ctx, s, group or before[-1:], after[0].id, "joint-doen-mee")
    return out


def _therein(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Daarin werken A en B samen": the initiative or body of the previous sentence."""
    t = s.text
    if (
        re.match(r"\s*(?:Daarin|Hierin|Daarbinnen|Binnen dat \w+|In dat \w+)\b", t)
        and re.search(r"\bsamen|\bmee\b|\bdeel\b", t)
        and i > 0
    ):
        prev = [m for m in ctx.in_sentence(i - 1) if m.type in {"Initiative", "Organization", "Region"}]
        if prev:
            return _join(ctx, s, _actors(ms), prev[-1].id, "joint-daarin")
    return []


JOINT_RULES: tuple[SentenceRule, ...] = (
    _together_in,
    _appositive,
    _parenthesis,
    _together_on,
    _participants_of,
    _including,
    _relative_clause,
    _take_part,
    _therein,
)


def joint_work(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Every joint-work rule over one sentence."""
    return run_rules(JOINT_RULES, ctx, i, s, ms)
