"""Cooperation: collaboration, membership of bodies and participation in initiatives, in one sentence
(lists, relative clauses, appositions) and across a paragraph (its topic initiative).
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from ..vocabulary import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR
from .common import (
    ORGLIKE,
    Candidate,
    Context,
    SentenceRule,
    coordinated,
    coordinated_backwards,
    run_rules,
)
from .initiatives import initiative_refs
from .lists import anaphors_in, party_list
from .speakers import speaking_org

# -- collaboration, membership, participation, location ---------------------------------
COLLAB_TRIGGER = re.compile(
    r"\b(?:(?:werkt|werken|werkte|werkten)\b[^.]{0,60}?\bsamen met|samen met|in samenwerking met|"
    r"samenwerken met|"
    r"(?:de\s+)?handen ineen(?:\s+\w+)?\s+met|samenwerking met|samenwerkingsovereenkomst met|"
    r"convenant met|"
    r"partnerschap met|samenwerkt met|optrekken met|trekt op met|trekken op met|"
    r"(?:gesloten|getekend|ondertekend|aangegaan)\s+met|samengewerkt\s+met|"
    r"trek\w*\s+(?:\w+\s+){0,3}samen\s+op\s+met)\b",
    re.IGNORECASE,
)


def collaborations(
    ctx: Context, i: int, s: Sentence, ms: list[Mention], pairwise: bool = True
) -> list[Candidate]:
    """Pairwise collaboration. With `pairwise` off (the sentence names members of a body), only the
    "A werkt samen met B" rules that do not read "samen met" as joint membership."""
    out = _with_partners(ctx, i, s, ms, pairwise)
    if pairwise:  # "De Regio Deal X is een samenwerking tussen A en B": parties, no pairs
        out += _between(ctx, i, s, ms) + _work_together(ctx, i, s, ms)
    out += _with_us(ctx, i, s, ms)
    out += _speaker_context(ctx, i, s, ms)
    return out


def _first_person(t: str) -> bool:
    return bool(set(re.findall(r"\w+", t)) & (FIRST_PERSON_PLURAL | FIRST_PERSON_SINGULAR))


def _about_initiative(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> bool:
    return (
        any(m.type == "Initiative" for m in ms)
        or bool(initiative_refs(ctx, i, s, []))
        or bool(
            re.search(
                r"\b(?:het|de|dit|deze)\s+(?:\w+\s+)?(?:project|programma|congres|initiatief|pilot|"
                r"leergang|deal|akkoord|lab|conferentie|campagne|proeftuin)\b",
                s.text,
                re.IGNORECASE,
            )
        )
    )


def _with_partners(ctx: Context, i: int, s: Sentence, ms: list[Mention], pairwise: bool) -> list[Candidate]:
    """ "A werkt samen met B en C", "in samenwerking met", "convenant gesloten met"."""
    out: list[Candidate] = []
    about_initiative = _about_initiative(ctx, i, s, ms)
    for trig in COLLAB_TRIGGER.finditer(s.text):
        together = bool(re.search(r"samen\s+met", trig.group(), re.IGNORECASE))
        if about_initiative and together:
            continue  # "A ontwikkelt samen met B het project P": both take part in P
        if not pairwise and together:
            continue  # "A vormt samen met B de regio X": both are members of X
        if re.search(r"\bvorm(?:t|en|de|den)\b", s.text, re.IGNORECASE):
            continue  # "A vormt samen met B en C de regio X": membership of X, not pairwise work
        out += _partners_of(ctx, i, s, ms, trig)
    return out


def _partners_of(
    ctx: Context, i: int, s: Sentence, ms: list[Mention], trig: re.Match[str]
) -> list[Candidate]:
    """The parties on both sides of one trigger; the speaker's organisation when the left is "we".
    Example: "De gemeente Zwolle werkt samen met de gemeente Kampen aan betere fietspaden"."""
    orgs = [m for m in ms if m.type in ORGLIKE]
    te = s.start + trig.end()
    # "samen met onze 21 gemeenten, provincie X en ...": generic items are skipped
    right = party_list(ctx.text, [m for m in orgs if m.start >= te], te, s.end).items
    left = _left_partners(ctx, i, s, orgs, trig)
    if not right:
        return []
    if left:
        subjects, conf, rule = [m.key for m in coordinated_backwards(ctx.text, left)], 0.8, "collab-samen-met"
    elif _first_person(s.text):
        subjects, conf, rule = [speaking_org(ctx, i, ms)], 0.6, "collab-speaker"
    else:
        return []
    return [
        Candidate("COLLABORATES_WITH", subject, r.id, s, rule, conf)
        for subject in subjects
        for r in right
        if subject and subject != r.key
    ]


def _left_partners(
    ctx: Context, i: int, s: Sentence, orgs: list[Mention], trig: re.Match[str]
) -> list[Mention]:
    """Who works together with the parties after the trigger: those before it (not a place "in X")."""
    ts, te = s.start + trig.start(), s.start + trig.end()
    left = [
        m
        for m in orgs
        if m.end <= ts
        and not re.search(
            r"\b(?:in|te|uit)\s+(?:de\s+|het\s+)?$",
            ctx.text[max(s.start, m.start - 12) : m.start],
            re.IGNORECASE,
        )
    ]
    if not left:  # "Daarnaast werkt de HU samen met ...": the subject after the verb
        left = [m for m in orgs if ts <= m.start and m.end <= s.start + trig.end() - len("samen met")]
    if not left and re.search(r"samenwerk|\bwerk\w*\b.*\bsamen met", trig.group(), re.IGNORECASE):
        left = anaphors_in(ctx, i, s.start, te)  # "Daarbij zullen de twee instellingen samenwerken met X"
    return left


def _pairs(group: list[Mention], s: Sentence, rule: str, conf: float) -> list[Candidate]:
    """Every pair of a group works together."""
    return [
        Candidate("COLLABORATES_WITH", group[a].id, group[b].id, s, rule, conf)
        for a in range(len(group))
        for b in range(a + 1, len(group))
    ]


def _between(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "de samenwerking tussen A, B en C", "onderzoek van A en B": every pair."""
    out: list[Candidate] = []
    orgs = [m for m in ms if m.type in ORGLIKE]
    for m in re.finditer(
        r"\b(?:samenwerking\s+(?:tussen|van)|(?:gezamenlijk\s+)?(?:onderzoek|studie|rapport|"
        r"evaluatie)\s+van)\s+(?:(?:de|het)\s+)?",
        s.text,
        re.IGNORECASE,
    ):
        pos = s.start + m.end()
        group = party_list(ctx.text, [o for o in orgs if o.start >= pos], pos, s.end).items
        out += _pairs(group, s, "collab-tussen", 0.85)
    return out


def _outside_clauses(s: Sentence, ms: list[Mention]) -> list[Mention]:
    """The sentence's organisations outside its relative clauses (", dat ... ,")."""
    clauses = [
        (s.start + c.start(), s.start + c.end()) for c in re.finditer(r",\s*(?:dat|die|waar)\b[^,]*,", s.text)
    ]
    return [o for o in ms if o.type in ORGLIKE and not any(a <= o.start < b for a, b in clauses)]


def _work_together(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A, B en C werken samen", "bundelen hun krachten", "sloten een convenant": every pair."""
    out: list[Candidate] = []
    t = s.text
    orgs = _outside_clauses(s, ms)
    for m in re.finditer(
        r"\b(?:(?:werken|werkten|slaan|sloegen|bundelen|trekken|trokken)\b(?:(?!\b(?:niet|geen|nooit)\b)[^.]){0,40}?"
        r"\b(?:samen(?!\s+met)|(?:de\s+)?handen ineen(?!\s+\w*\s*met)|hun krachten)"
        r"|(?:hebben|sloten|tekenden)\s+(?:\w+\s+){0,2}een\s+(?:samenwerkingsovereenkomst|convenant|"
        r"intentieverklaring|partnerschap)(?![^.]{0,40}\bmet\b))",
        t,
        re.IGNORECASE,
    ):
        start = s.start + m.start()
        group = coordinated_backwards(ctx.text, [o for o in orgs if o.end <= start])
        if len(group) > 2 and not re.search(r"samen|handen|krachten", m.group(), re.IGNORECASE):
            continue  # a convenant of three or more parties: each takes part in it, no pairs (SCHEMA)
        if len(group) >= 2 and not re.search(r"\bin\s+(?:het|de)\s*$", t[: m.start()]):
            out += _pairs(group, s, "collab-en-samen", 0.75)
    return out


def _with_us(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Met X hebben we een convenant gesloten": the speaker's organisation works with X."""
    t = s.text
    lead = re.match(r"\s*(?:Met|Samen met)\s+", t)
    if not (
        lead
        and re.search(r"\b(?:we|wij)\b", t, re.IGNORECASE)
        and re.search(
            r"convenant|overeenkomst|samengewerkt|samenwerking|partnerschap|intentieverklaring|samen", t
        )
    ):
        return []
    orgs = _outside_clauses(s, ms)
    partner = next(
        (o for o in orgs if o.start >= s.start + lead.end() and o.start - s.start - lead.end() < 40),
        None,
    )
    org = speaking_org(ctx, i, ms)
    if partner is not None and org and org != partner.key:
        return [Candidate("COLLABORATES_WITH", org, partner.id, s, "collab-met-wij", 0.6)]
    return []


def _speaker_context(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "... de samenwerking in X waar we ... optrekken": the speaker's organisation works with X."""
    t = s.text
    if not (
        re.search(r"samenwerking|samenwerken|optrekken", t, re.IGNORECASE)
        and set(re.findall(r"\w+", t)) & FIRST_PERSON_PLURAL
        and not COLLAB_TRIGGER.search(t)
    ):
        return []
    out: list[Candidate] = []
    speaker_org = speaking_org(ctx, i, ms)
    for o in _outside_clauses(s, ms):
        if o.type == "Organization" and speaker_org and o.key != speaker_org:
            out.append(Candidate("COLLABORATES_WITH", speaker_org, o.id, s, "collab-speaker-context", 0.55))
    return out


MEMBER_VERBS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:is|zijn|werd|werden)\s+(?:\w+\s+)?(?:lid|aangesloten|deelnemer|partner)\s+(?:van|bij)\s+"
        r"(?:(?:de|het)\s+)?",
        r"\b(?:maakt|maken)\s+(?:\w+\s+)?deel\s+uit\s+van\s+(?:(?:de|het)\s+)?",
        r"\b(?:werken|werkt|werkten)\s+(?:\w+\s+){0,3}?samen\s+(?:in|binnen)\s+(?:(?:de|het)\s+)?",
        r"\b(?:nemen|neemt)\s+(?:\w+\s+)?deel\s+aan\s+(?:(?:de|het)\s+)?",
        r"\b(?:vormen|vormden)\s+(?:samen\s+)?(?:(?:de|het)\s+)?",
    )
]


def _member_bodies(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type in {"Organization", "Region", "Initiative"}]


def _members(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type in {"Organization", "Municipality"}]


def _member_verb(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A en B zijn lid van X", "maken deel uit van", "werken samen in", "vormen (samen) X"."""
    out: list[Candidate] = []
    for p in MEMBER_VERBS:
        for m in p.finditer(s.text):
            out += _members_before_verb(ctx, i, s, ms, m)
    return out


def _members_before_verb(
    ctx: Context, i: int, s: Sentence, ms: list[Mention], m: re.Match[str]
) -> list[Candidate]:
    """A list before a membership verb and its body.
    Example: "De gemeenten Ede en Barneveld zijn lid van de Regio Heidezand"."""
    t = s.text
    pos = s.start + m.end()
    body = next((b for b in _member_bodies(ms) if b.start == pos), None)
    if body is None:
        return []
    group = [
        g.id
        for g in coordinated_backwards(ctx.text, [x for x in _members(ms) if x.end <= s.start + m.start()])
    ]
    if not group and re.search(r"\b(?:we|wij)\b", t[: m.start()], re.IGNORECASE):
        group = [k for k in [speaking_org(ctx, i, ms)] if k]
    rtype = "PARTICIPATES_IN" if body.type == "Initiative" else "MEMBER_OF"
    if rtype == "MEMBER_OF" and "partner" in m.group() and body.type == "Organization":
        rtype = "COLLABORATES_WITH"
    return [Candidate(rtype, g, body.id, s, "member-verb", 0.8) for g in group]


def _consists_of(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X bestaat uit A, B en C" / "X, een samenwerkingsverband van A, B en C" / "leden zijn A en B"."""
    out: list[Candidate] = []
    for m in re.finditer(
        r"\b(?:bestaat|bestaan)\s+uit\s+(?:de\s+(?:gemeenten|organisaties)\s+)?|"
        r"\bsamenwerkingsverband\s+van\s+(?:de\s+(?:gemeenten\s+)?)?|"
        r"\b(?:leden|deelnemers|deelnemende\s+gemeenten)\s+(?:van\s+\S+\s+)?(?:zijn\s+)?",
        s.text,
        re.IGNORECASE,
    ):
        before = [b for b in _member_bodies(ms) if b.end <= s.start + m.start()]
        if not before:
            continue
        pos = s.start + m.end()
        group = coordinated(ctx.text, [x for x in _members(ms) if x.start >= pos], pos)
        out += [Candidate("MEMBER_OF", g.id, before[-1].id, s, "member-consists-of", 0.75) for g in group]
    return out


def _in_x_together(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "In X werken A, B en C samen"."""
    out: list[Candidate] = []
    t = s.text
    for m in re.finditer(r"^\s*(?:In|Binnen)\s+(?:(?:de|het)\s+)?", t):
        body = next((b for b in _member_bodies(ms) if b.start == s.start + m.end()), None)
        if body and re.search(r"\bwerken\b.*\bsamen\b", t):
            after = [x for x in _members(ms) if x.start > body.end]
            rtype = "PARTICIPATES_IN" if body.type == "Initiative" else "MEMBER_OF"
            for g in coordinated(ctx.text, after, after[0].start if after else 0):
                out.append(Candidate(rtype, g.id, body.id, s, "member-in-x-werken-samen", 0.7))
    return out


def _we_take_part(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """First person: "Dat doen we in het Overleg X" after "werken we ... samen"."""
    t = s.text
    if not set(re.findall(r"\w+", t)) & FIRST_PERSON_PLURAL:
        return []
    prev = ctx.sentences[i - 1].text if i > 0 else ""
    if not re.search(r"samen(?:werk|\b)", t + " " + prev, re.IGNORECASE):
        return []
    out: list[Candidate] = []
    speaker_org = speaking_org(ctx, i, ms)
    for m in re.finditer(
        r"(?:\b(?:doen|werken|zitten|participeren|zijn|nemen)\s+(?:we|wij)\b|\b(?:we|wij)\s+"
        r"(?:doen|werken|zitten|participeren|zijn|nemen))[^.]{0,40}?\b(?:in|binnen|deel aan)"
        r"\s+(?:(?:het|de)\s+)",
        t,
    ):
        body = next(
            (b for b in _member_bodies(ms) if b.start == s.start + m.end() and b.type == "Organization"), None
        )
        if body and speaker_org:
            out.append(Candidate("MEMBER_OF", speaker_org, body.id, s, "member-speaker", 0.6))
    return out


MEMBERSHIP_RULES: tuple[SentenceRule, ...] = (_member_verb, _consists_of, _in_x_together, _we_take_part)


def memberships(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Every membership rule over one sentence."""
    return run_rules(MEMBERSHIP_RULES, ctx, i, s, ms)
