"""Positions (HOLDS_POSITION): role words bound to the person and organisation next to them, pronoun
and first-person subjects, predecessors, and who speaks in an interview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..resolve import political_party
from ..text import Mention, Sentence, is_sentence_initial
from ..vocabulary import FIRST_PERSON_SINGULAR, FORMER_CUES, FORMER_MODIFIERS, ROLES
from .common import (
    APPOINT,
    BEFORE_ROLE,
    COORDINATION,
    EMPLOYERS,
    MUNICIPAL_ROLES,
    ORG_GAP,
    ORG_GAP_DIRECT,
    ORGAN_GAP,
    POSITION_TARGETS,
    PROJECT_ROLES,
    PROVINCIAL_ROLES,
    ROLE_ALT,
    ROLE_RE,
    VERB,
    Candidate,
    Context,
    coordinated,
    generic_reference,
    role_head,
)
from .initiatives import initiative_refs, paragraph_topic
from .speakers import antecedent

# board and management roles whose employer a text often leaves implicit, with the kind of body
# the role implies (empty: the organisation the document is about)
BOARD_ROLES: dict[str, tuple[str, ...]] = {
    "dijkgraaf": ("waterschap", "hoogheemraadschap", "wetterskip"),
    "hoogheemraad": ("hoogheemraadschap",),
    "heemraad": ("waterschap", "hoogheemraadschap", "wetterskip"),
    "voorzitter": (),
    "vicevoorzitter": (),
    "directeur": (),
    "bestuurder": (),
    "directeur-bestuurder": (),
    "bestuurslid": (),
    "secretaris": (),
    "regiovoorzitter": (),
}

# a role followed by what it is of: the text names the employer, so the context must not guess it
OF_SOMETHING = re.compile(r"\s+(?:van|bij|voor)\s")

# the municipality's own bodies named before it: "de gemeenteraad van X", "het college van X"
COUNCIL_OF = re.compile(
    r"\b(?:gemeenteraad|raad|college(?:\s+van\s+b(?:urgemeester)?\s*(?:&|en)\s*w(?:ethouders)?)?|"
    r"provinciale\s+staten|gedeputeerde\s+staten)\s+van\s+(?:de\s+gemeente\s+)?$",
    re.IGNORECASE,
)

# "daar", "er" before a role: the place named before ("In 2014 werd hij daar wethouder")
THERE = re.compile(r"\b(?:daar|er|aldaar)\s+(?:[^\s,.;:]+\s+){0,4}?$", re.IGNORECASE)
DESTINATION = re.compile(r"\bnaar\s+(?:(?:de|het)\s+)?(?:(?:gemeente|provincie)\s+)?$", re.IGNORECASE)
PAST_YEAR = re.compile(r"\b(?:[Ii]n|[Vv]anaf|[Tt]ot)\s+(?:19|20)\d{2}\b")

# what introduces the person whose post someone takes over
PREDECESSOR_CUE = re.compile(
    r"\b(?:(?P<volgt>volg(?:t|de))|opvolg(?:er|ster)\s+van|(?:neemt|nam)\s+waar\s+voor|"
    r"(?:neemt|nam|namen|nemen)\s+(?:het|de)\s+[a-zà-ÿ-]+\s+over\s+van|"
    r"(?:heeft|hebben)\s+(?:het|de)\s+[a-zà-ÿ-]+\s+overgenomen\s+van)\b",
    re.IGNORECASE,
)


# plural role words that head a list of people: "de wethouders A (X) en B (Y)"
PLURAL_ROLES = {
    "wethouders": "wethouder",
    "burgemeesters": "burgemeester",
    "gedeputeerden": "gedeputeerde",
    "gemeentesecretarissen": "gemeentesecretaris",
    "raadsleden": "raadslid",
    "griffiers": "griffier",
    "directeuren": "directeur",
    "voorzitters": "voorzitter",
    "bestuurders": "bestuurder",
    "statenleden": "statenlid",
}
ROLE_LIST = re.compile(rf"(?<![\w-])(?P<role>{'|'.join(PLURAL_ROLES)}|{ROLE_ALT})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class RoleAt:
    """One role word in a sentence ("de nieuwe gemeentesecretaris"), with what the position rules
    read around it; offsets are the document's."""

    i: int  # the sentence's index
    s: Sentence
    ms: list[Mention]  # the sentence's mentions
    match: re.Match[str]  # ROLE_RE in s.text: the modifier and the role word
    next_role: tuple[int, int] | None = None  # the next role phrase in the sentence, if any

    @property
    def start(self) -> int:
        return self.s.start + self.match.start()

    @property
    def end(self) -> int:
        return self.s.start + self.match.end()

    @property
    def role_start(self) -> int:
        return self.s.start + self.match.start("role")

    @property
    def base(self) -> str:
        return self.match.group("role").lower()

    @cached_property
    def persons(self) -> list[Mention]:
        return [m for m in self.ms if m.type == "Person"]


class RoleOrg(NamedTuple):
    """Where a role is held: the employer, the rule that found it, where the role phrase (with its
    specifier) ends, and the initiative the role belongs to ("programmamanager van INIT")."""

    org: Mention | None
    rule: str
    role_end: int
    initiative: Mention | None


@dataclass(frozen=True)
class Binding:
    """A role bound to a person and an employer, and the rules that bound them."""

    person: Mention
    person_rule: str
    org: Mention
    org_rule: str
    role: str  # the role phrase, lower case ("gemeentesecretaris/algemeen directeur")
    role_end: int
    former: bool

    @property
    def confidence(self) -> float:
        """The weaker of the two bindings."""
        org_conf = ORG_RULE_CONFIDENCE.get(self.org_rule, 0.7)
        return round(min(org_conf, PERSON_RULE_CONFIDENCE.get(self.person_rule, 0.7)), 2)


# how the employer was found -> confidence
ORG_RULE_CONFIDENCE = {
    "there": 0.7,
    "context-organisation": 0.6,
    "role-hyphen": 0.85,
    "role-of": 0.9,
    "role-adjective": 0.8,
    "appointing-body": 0.8,
    "context-municipality": 0.55,
}

# how the person was found -> confidence
PERSON_RULE_CONFIDENCE = {
    "adjacent": 0.95,
    "appointed": 0.9,
    "copula": 0.85,
    "coordinated": 0.85,
    "pronoun": 0.7,
    "als-subject": 0.75,
}


# -- positions ----------------------------------------------------------------------------
def _roles_in(s: Sentence, ms: list[Mention]) -> list[re.Match[str]]:
    roles = []
    for r in ROLE_RE.finditer(s.text):
        a, b = s.start + r.start("role"), s.start + r.end("role")
        inside = [m for m in ms if m.start <= a and b <= m.end and m.type != "Person"]
        if inside and not any(m.rule.startswith("acronym") for m in inside):
            continue
        if any(m.start <= a < m.end and m.type == "Person" for m in ms):
            continue
        roles.append(r)
    return roles


def positions(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Each role word of the sentence bound to its person and employer; a role right after a bound
    one ("burgemeester van X en voorzitter van Y") may share its person."""
    out: list[Candidate] = []
    roles = _roles_in(s, ms)
    prev_end = s.start
    last_bound: tuple[Mention, int] | None = None  # (person, where the previous role phrase ended)
    for idx, r in enumerate(roles):
        nxt = roles[idx + 1] if idx + 1 < len(roles) else None
        at = RoleAt(i, s, ms, r, (s.start + nxt.start(), s.start + nxt.end()) if nxt else None)
        found, binding = _position_at(ctx, at, prev_end, last_bound)
        out += found
        if binding is not None:
            org = binding.org
            last_bound = (
                binding.person,
                max(binding.role_end, org.end if org.start >= at.start else binding.role_end),
            )
        prev_end = at.end
    return out + _listed_with_employer(ctx, s, ms, i)


def _position_at(
    ctx: Context, at: RoleAt, prev_end: int, last_bound: tuple[Mention, int] | None
) -> tuple[list[Candidate], Binding | None]:
    """The candidates one role word gives, and its binding when it has a person and an employer."""
    found = _role_org(ctx, at)
    org, org_rule, role_end, _ = found
    person, p_rule = _role_person(ctx, at, org)
    if person is None and last_bound is not None:
        glue = org.start if org_rule == "role-hyphen" and org is not None else at.start
        if COORDINATION.fullmatch(ctx.text[last_bound[1] : glue]):
            person, p_rule = last_bound[0], "coordinated"
    if person is None:
        return [], None
    out = _initiative_posts(ctx, at, person, found)
    if org is None:
        org, org_rule = _implicit_employer(ctx, at, role_end)
    if org is None or ctx.types.get(org.id) not in POSITION_TARGETS:
        return out, None
    role = " ".join(ctx.text[at.role_start : role_end].lower().split())
    if _wrong_tier(role, ctx.types.get(org.id)):
        return out, None
    binding = Binding(
        person, p_rule, org, org_rule, role, role_end, _is_former(ctx, at, person, org_rule, prev_end)
    )
    return out + _held_posts(ctx, at, binding) + _successor(ctx, at, binding), binding


def _wrong_tier(role: str, org_type: str | None) -> bool:
    """A provincial post is held at no municipality, a municipal one at no province: "door
    commissaris van de Koning X beëdigd als burgemeester van Epe" ties X to no municipality."""
    head = role_head(role.removeprefix("waarnemend ").removeprefix("wnd. "))
    if org_type == "Municipality":
        return head in PROVINCIAL_ROLES
    return org_type == "Province" and head in MUNICIPAL_ROLES and head != "griffier"


def _initiative_posts(ctx: Context, at: RoleAt, person: Mention, found: RoleOrg) -> list[Candidate]:
    """ "programmamanager van INIT (bij ORG)": both take part in it; "Projectleider is Anna Smit",
    "kwartiermaker van het congres": a post in the initiative the sentence or paragraph is about."""
    s, (org, _, role_end, init) = at.s, found
    out = []
    if init is not None:
        out.append(Candidate("PARTICIPATES_IN", person.id, init.id, s, "participates-role", 0.75))
        if org is not None and ctx.types.get(org.id) in EMPLOYERS:
            out.append(Candidate("PARTICIPATES_IN", org.id, init.id, s, "participates-role-org", 0.7))
    if org is None and init is None and at.base in PROJECT_ROLES:
        refs = initiative_refs(ctx, at.i, s, [m for m in at.ms if m.type == "Initiative"])
        after = [r for r in refs if r[0] >= at.end and r[0] - role_end <= 12]
        target = after[0][2] if after else (paragraph_topic(ctx, at.i) if not refs else None)
        if target is not None:
            out.append(Candidate("PARTICIPATES_IN", person.id, target, s, "participates-project-role", 0.6))
    return out


def _implicit_employer(ctx: Context, at: RoleAt, role_end: int) -> tuple[Mention | None, str]:
    """An employer the text does not name next to the role: the appointing body, the place "daar"
    points to, the municipality or province of the context, the body a board role implies."""
    text, s, base = ctx.text, at.s, at.base
    if APPOINT.search(text[s.start : at.start]):
        org, org_rule = _appointing_body(text, at.ms, s, at.start)
        if org is not None:
            return org, org_rule
    if THERE.search(text[max(s.start, at.start - 40) : at.start]):
        # "In 2014 werd hij daar wethouder": the employer named just before
        org = _named_before(ctx, at.i, base)
        if org is not None:
            return org, "there"
    if role_head(base) in MUNICIPAL_ROLES:
        org = _nearby_municipality(ctx, at.i, at.ms)
        if org is not None:
            return org, "context-municipality"
    if base in PROVINCIAL_ROLES:
        org = _nearby_municipality(ctx, at.i, at.ms, type_="Province")
        if org is not None:
            return org, "context-municipality"
    if role_head(base) in BOARD_ROLES and not OF_SOMETHING.match(text[role_end : s.end]):
        return _context_organisation(ctx, at.ms, base, s), "context-organisation"
    return None, ""


def _is_former(ctx: Context, at: RoleAt, person: Mention, org_rule: str, prev_end: int) -> bool:
    """A post held before: "oud-burgemeester", "was tot 2020", the person succeeded, a career history
    ("In 2014 werd hij daar wethouder")."""
    s = at.s
    window = ctx.text[max(prev_end, s.start) : at.end]
    mod = (at.match.group("mod") or "").lower()
    former = (
        any(mod.startswith(f) for f in FORMER_MODIFIERS)
        or bool(FORMER_CUES.search(window))
        or _predecessor(ctx.text, person, s)
    )
    return former or bool(org_rule == "there" and re.search(r"\bwerd\b", window) and PAST_YEAR.search(s.text))


def _held_posts(ctx: Context, at: RoleAt, b: Binding) -> list[Candidate]:
    """The post at the employer; "gemeentesecretaris van Venlo en Weert": the same post at each
    listed employer."""
    org, base = b.org, at.base
    employers = [org]
    if b.org_rule == "role-of" and org.start >= at.end:
        later = [m for m in at.ms if m.start >= org.start]
        employers = [m for m in coordinated(ctx.text, later, org.start) if m.type == org.type] or [org]
    conf = b.confidence
    return [
        Candidate(
            "HOLDS_POSITION",
            b.person.id,
            employer.id,
            at.s,
            f"position-{b.person_rule}-{b.org_rule}" + ("" if employer is org else "-list"),
            conf if employer is org else round(conf - 0.05, 2),
            role=b.role,
            role_class=ROLES.get(base) or ROLES.get(role_head(base)),
            status="former" if b.former else "current",
        )
        for employer in employers
    ]


def _successor(ctx: Context, at: RoleAt, b: Binding) -> list[Candidate]:
    """ "Zij volgt Jan Smit op als burgemeester": she holds the post he held."""
    s, text = at.s, ctx.text
    succ = re.search(r"\bvolg(?:t|de)\s+(?:\S+\s+){0,3}$", text[s.start : b.person.start])
    if not (b.former and succ and re.match(r"\s+op\s+als\b", text[b.person.end :])):
        return []
    successor = [p for p in at.persons if p.end <= s.start + succ.start()]
    if not successor:
        return []
    return [
        Candidate(
            "HOLDS_POSITION",
            successor[-1].id,
            b.org.id,
            s,
            "position-successor",
            b.confidence,
            role=b.role,
            role_class=ROLES.get(at.base),
            status="current",
        )
    ]


def _parenthesised_employer(ms: list[Mention], at: int) -> Mention | None:
    """The employer named at `at`, inside a listed person's parenthesis; a party there ("de
    wethouders A (VVD) en B (CDA)") is no employer."""
    return next(
        (o for o in ms if o.start == at and o.type in POSITION_TARGETS and not political_party(o)), None
    )


def _listed_with_employer(
    ctx: Context, s: Sentence, ms: list[Mention], i: int | None = None
) -> list[Candidate]:
    """ "wethouders Anke Pol (Zwolle), Gert Mulder (Kampen) en Rik de Vos (Deventer)", "burgemeester
    Els Kok (Ommen)": each person holds the role at the employer in their parenthesis."""
    out: list[Candidate] = []
    text = ctx.text
    for r in ROLE_LIST.finditer(s.text):
        word = r.group("role").lower()
        role = PLURAL_ROLES.get(word, word)
        pos = s.start + r.end()
        for m in ms:
            if m.start < pos:  # before the role, or inside what the last person's parenthesis took
                continue
            if m.type != "Person" or not re.fullmatch(r"\s*(?:,|\ben\b|&|\bals\b)?\s*", text[pos : m.start]):
                break  # "A (X), B (Y) en C (Z)"; "zowel A (X) als B (Y)"
            pos = m.end
            paren = re.match(r"\s*\(\s*(?:[^()]{1,15},\s*)?", text[pos:])
            employer = _parenthesised_employer(ms, pos + paren.end()) if paren else None
            if employer is None or not re.match(r"\s*(?:,[^()]{1,15})?\)", text[employer.end :]):
                aside = re.match(r"\s*\([^()]{1,40}\)", text[pos:])  # "(VVD)", "(54)": read on after it
                pos += aside.end() if aside else 0
                # "de wethouders A, B en C" of a document about one municipality
                if word in PLURAL_ROLES and role in MUNICIPAL_ROLES and i is not None:
                    place = _nearby_municipality(ctx, i, [])
                    if place is not None:
                        out.append(
                            Candidate(
                                "HOLDS_POSITION",
                                m.id,
                                place.id,
                                s,
                                "position-listed-context",
                                0.6,
                                role=role,
                                role_class=ROLES.get(role),
                                status="current",
                            )
                        )
                continue
            pos = text.index(")", employer.end) + 1
            out.append(
                Candidate(
                    "HOLDS_POSITION",
                    m.id,
                    employer.id,
                    s,
                    "position-listed-employer",
                    0.85,
                    role=role,
                    role_class=ROLES.get(role) or ROLES.get(role_head(role)),
                    status="current",
                )
            )
    return out


def _role_org(ctx: Context, at: RoleAt) -> RoleOrg:
    """The organisation a role is held at, the rule that found it, where the role phrase (with its
    specifier) ends, and the initiative the role belongs to, if any ("programmamanager van INIT")."""
    glued = _glued_org(ctx, at)
    if glued is not None:
        return RoleOrg(glued[0], glued[1], at.end, None)
    # "lector Anna Smit van de hogeschool": the one body of the document with that head word
    generic = re.match(
        r"\s*,?\s*(?:[A-Z][\w’'-]+\s+){1,4}van\s+(?:de|het)\s+(?P<h>[a-z]+)\b|"
        r"\s+van\s+(?:de|het)\s+(?P<h2>[a-z]+)\b",
        ctx.text[at.end : at.s.end],
    )
    if generic:
        ref = generic_reference(ctx, generic.group("h") or generic.group("h2"))
        if ref is not None:
            return RoleOrg(ref, "role-of", at.end, None)
    return _org_after(ctx, at)


def _glued_org(ctx: Context, at: RoleAt) -> tuple[Mention, str] | None:
    """ "VNG-voorzitter": the organisation glued to the role word; "de Rotterdamse wethouder": a
    place's adjective."""
    text, role_start = ctx.text, at.role_start
    if role_start > 0 and text[role_start - 1] == "-":
        hit = next((m for m in at.ms if m.end == role_start - 1 and m.type in EMPLOYERS), None)
        if hit:
            return hit, "role-hyphen"
    before = text[max(at.s.start, role_start - 40) : role_start]
    adj = re.search(r"(?P<a>[A-Z][\w-]+)\s+$", before) or re.search(
        r"(?P<a>[A-Z][\w-]+)\s+[a-z]+\s+$", before
    )
    if adj and adj.group("a") in ctx.adjectives:
        place = _adjective_place(ctx, adj.group("a"), text[role_start : at.end].lower())
        if place is not None:
            return place, "role-adjective"
    return None


def _org_gap(gap: str) -> bool:
    """What may stand between a role (or person) and the organisation: "van de", "bij het", ", "."""
    return bool(ORG_GAP_DIRECT.fullmatch(gap) or ORG_GAP.fullmatch(gap))


def _org_after(ctx: Context, at: RoleAt) -> RoleOrg:
    """The employer named after the role, past a person ("lector Anna Smit van de Hogeschool X"), a
    party in parentheses and an initiative ("programmamanager van INIT bij ORG")."""
    text, role_end = ctx.text, at.end
    person_after = next(
        (
            p
            for p in at.persons
            if p.start >= role_end and re.fullmatch(r"\s*,?\s*", text[role_end : p.start])
        ),
        None,
    )
    cursor, initiative = role_end, None
    for m in sorted((m for m in at.ms if m.start >= role_end and m.start < at.s.end), key=lambda m: m.start):
        gap = text[cursor : m.start]
        if m.rule == "org-party" and re.fullmatch(r"\s*\(\s*", gap):
            cursor = m.end + 1  # "burgemeester Jaap Kool (VVD)": the party is no employer
            continue
        if m.type == "Initiative" and _org_gap(gap) and (cursor > role_end or person_after is None):
            initiative, cursor = m, m.end
            continue
        if m.type in POSITION_TARGETS:
            org, spec_end = _employer_after(ctx, at, m, cursor, person_after)
            return RoleOrg(org, "role-of" if org is not None else "", spec_end, initiative)
        if (m is not person_after and m.type != "Initiative") or not re.fullmatch(r"[^.;:!?]{0,60}", gap):
            break
        if m.type == "Initiative" and _org_gap(gap):
            initiative = m
        cursor = m.end
    return RoleOrg(None, "", role_end, initiative)


def _employer_after(
    ctx: Context, at: RoleAt, m: Mention, cursor: int, person_after: Mention | None
) -> tuple[Mention | None, int]:
    """Is `m`, read from `cursor` on, the role's employer, and where does the role phrase end
    ("directeur sociaal domein van X": the specifier belongs to the role)?"""
    text, role_end = ctx.text, at.end
    gap = text[cursor : m.start]
    after_person = person_after is not None and cursor == person_after.end
    # "Dijkgraaf Co Verdaas, Waterschap Rivierenland:": the body named after the person
    named_after = after_person and re.fullmatch(r"\s*,\s*", gap) and re.match(r"\s*[:,]", text[m.end :])
    if not (_org_gap(gap) or ORGAN_GAP.fullmatch(gap) or named_after):
        return None, role_end
    spec = re.match(
        r"(?:\s+(?!(?:van|bij|aan|in|voor|binnen|namens|of|at|de|het|wordt|is|gemeente|provincie|"
        r"was)\b)[a-zà-ÿ][\w/-]*){0,3}",
        text[role_end : m.start],
    )
    return m, role_end + spec.end() if spec and cursor == role_end else role_end


def _adjective_place(ctx: Context, adjective: str, role: str) -> Mention | None:
    """The place "de Zwolse burgemeester" or "de Friese gedeputeerde" belongs to, when the text
    names it; an adjective of a city and a province alike ("Utrechtse") is decided by the office."""
    codes = ctx.adjectives[adjective]
    places = [
        m
        for m in ctx.by_type.get("Municipality", []) + ctx.by_type.get("Province", [])
        if m.attrs.get("code") in codes
    ]
    if len({m.key for m in places}) > 1:
        wanted = "Province" if role_head(role) in PROVINCIAL_ROLES else "Municipality"
        places = [m for m in places if m.type == wanted]
    return places[0] if len({m.key for m in places}) == 1 else None


def _context_organisation(ctx: Context, ms: list[Mention], role: str, sentence: Sentence) -> Mention | None:
    """The body a board or management role without a named employer belongs to ("Dijkgraaf X:",
    "oud-voorzitter Y"): the one body of the kind the role implies (a water board for a dijkgraaf),
    else the organisation the document is about, when the sentence names no other organisation."""
    kinds = BOARD_ROLES[role_head(role)]
    if kinds:
        bodies = {
            m.key: m for m in ctx.by_type.get("Organization", []) if any(k in m.text.lower() for k in kinds)
        }
        return next(iter(bodies.values())) if len(bodies) == 1 else None
    others = [m for m in ms if m.type in {"Organization", "Region"} and m.key != ctx.own_org]
    if not others:
        # "Voorzitter X wijst erop dat de Veiligheidsregio ...": the one body the text calls so
        named = {ref.key: ref for ref in _generic_references(ctx, sentence)}
        if len(named) == 1:
            return next(iter(named.values()))
    if ctx.own_org is None or others:
        return None
    return ctx.first_by_key.get(ctx.own_org)


def _generic_references(ctx: Context, sentence: Sentence) -> list[Mention]:
    """Bodies the sentence names by their kind ("de veiligheidsregio", "het waterschap")."""
    found = []
    for g in re.finditer(r"\b(?:de|het)\s+([A-Za-zà-ÿ]+)\b", sentence.text):
        ref = generic_reference(ctx, g.group(1).lower())
        if ref is not None and ref.type in POSITION_TARGETS:
            found.append(ref)
    return found


def _named_before(ctx: Context, i: int, role: str) -> Mention | None:
    """The employer "daar"/"er" points back to: the last one named in this or the two sentences
    before; a municipality for a municipal office."""
    lo = ctx.sentences[max(0, i - 2)].start
    wanted = {"Municipality"} if role_head(role) in MUNICIPAL_ROLES else POSITION_TARGETS
    before = [m for m in ctx.starting_in(lo, ctx.sentences[i].start) if m.type in wanted]
    return before[-1] if before else None


def _appointing_body(text: str, ms: list[Mention], s: Sentence, rs: int) -> tuple[Mention | None, str]:
    """ "Het college van B en W van Middelburg heeft X benoemd tot Y": the municipality appoints."""
    for m in ms:
        if (
            m.end <= rs
            and m.type in EMPLOYERS
            and re.search(
                r"\b(?:college|gemeenteraad|raad|bestuur|provinciale staten|gedeputeerde staten)\b"
                r"[^.]{0,60}$",
                text[s.start : m.start],
                re.IGNORECASE,
            )
        ):
            return m, "appointing-body"
    return None, ""


def _role_person(ctx: Context, at: RoleAt, org: Mention | None) -> tuple[Mention | None, str]:
    """The person who holds the role, and how they were found: next to it, before it with a copula,
    appointed, a pronoun's antecedent, or the one person of an "als ..." sentence."""
    after = _person_after(ctx, at, org)
    if after is not None:
        return after, "adjacent"
    persons = at.persons
    before = [p for p in persons if p.end <= at.start and not _agent(ctx.text, at.s.start, p)]
    if before:
        # "Anna de Boer, burgemeester van ...", "X (49) is sinds 2021 wethouder", headlines
        p = before[-1]
        gap = ctx.text[p.end : at.start]
        if BEFORE_ROLE.fullmatch(gap):
            return p, "adjacent" if re.match(r"\s*(?:\(\d+\)\s*)?[,(]", gap) else "copula"
        if APPOINT.search(ctx.text[at.s.start : at.start]):
            return p, "appointed"  # "... heeft Anna de Boer benoemd tot burgemeester"
    who = _pronoun_person(ctx, at, before)
    if who is not None:
        return who, "pronoun"
    if re.search(
        r"(?:^|\W)als\s+(?:(?:de|het)\s+)?\S*$",
        ctx.text[max(at.s.start, at.start - 30) : at.start],
        re.IGNORECASE,
    ):
        others = [p for p in persons if not (at.start <= p.start < at.end)]
        if len({p.key for p in others}) == 1:
            return others[0], "als-subject"
    return None, ""


_AGENT = re.compile(r"\bdoor\s+(?:[\w-]+\s+){0,5}$", re.IGNORECASE)


def _agent(text: str, sentence_start: int, person: Mention) -> bool:
    """The person acts in a passive clause ("is door burgemeester X benoemd tot ..."): not the one
    appointed."""
    return _AGENT.search(text[max(sentence_start, person.start - 50) : person.start]) is not None


def _person_after(ctx: Context, at: RoleAt, org: Mention | None) -> Mention | None:
    """The person named right after the role: "burgemeester Anna de Boer", "burgemeester van Ede, Jan
    de Boer", "Projectleider is Anna Smit", "programmamanager en onderzoeker Lotte Smit"."""
    text, persons, re_ = ctx.text, at.persons, at.end
    after = [p for p in persons if p.start >= re_]
    if after and re.fullmatch(
        r"\s*,?\s*|(?:\s+(?!(?:is|was|wordt|werd|heeft|zegt|en|van|bij|met|of|die|dat|"
        r"de|het)\b)[a-zà-ÿ]+){1,2}\s+",
        text[re_ : after[0].start],
    ):
        return after[0]
    org_after = org is not None and org.start >= re_
    if org is not None and org_after:
        after_org = [p for p in persons if p.start >= org.end]
        honorific = r"\s*,?\s*(?:(?:de|het)\s+)?(?:(?:de heer|mevrouw|dhr\.|mw\.)\s+)?"
        if after_org and re.fullmatch(honorific, text[org.end : after_org[0].start]):
            return after_org[0]
    tail = org.end if org is not None and org_after else re_
    after_cop = [p for p in persons if p.start >= tail]
    if (
        after_cop
        and re.fullmatch(r"\s+(?:is|was|wordt|werd)\s+", text[tail : after_cop[0].start])
        and is_sentence_initial(text, at.start)
    ):
        return after_cop[0]
    # coordinated roles before one person
    if at.next_role is not None and after:
        nxt, nxt_end = at.next_role
        if re.fullmatch(r"\s+(?:en|&|/)\s+", text[tail:nxt]) and re.fullmatch(
            r"\s*,?\s*", text[nxt_end : after[0].start]
        ):
            return after[0]
    return None


def _pronoun_person(ctx: Context, at: RoleAt, before: list[Mention]) -> Mention | None:
    """ "Eerder was hij directeur ...", "Als voorzitter van X is Y betrokken ...", "ben ik ...": the
    person the pronoun points to; "Voordat X in Oldenzaal werd benoemd, was hij burgemeester van
    Goor": the one person named before."""
    text, s = ctx.text, at.s
    pron = re.search(
        r"\b(?P<p>hij|zij|ze|ik)\b(?P<gap>[^,.;:]{0,60})$", text[s.start : at.start], re.IGNORECASE
    )
    if not pron:
        return None
    inverted = re.search(rf"\b{VERB}\s+$", text[s.start : s.start + pron.start()]) and re.fullmatch(
        r"(?:\s+(?!(?:en|maar|of|dat|die|met|voor|bij|van)\b)[^\s,.;:()]+){0,4}\s+(?:als\s+)?"
        r"(?:(?:de|het)\s+)?",
        pron.group("gap"),
    )
    gap = pron.group("gap").strip()
    if not before and (inverted or BEFORE_ROLE.fullmatch(" " + gap + " " if gap else " ")):
        return antecedent(ctx, at.i, pron.group("p").lower())
    if before and inverted and len({p.key for p in before}) == 1 and pron.group("p").lower() != "ik":
        return before[-1]
    return None


def predecessors(
    ctx: Context, i: int, s: Sentence, ms: list[Mention], found: list[Candidate]
) -> list[Candidate]:
    """ "Zij volgt Jan Smit op", "de opvolger van Jan Smit", "neemt het voorzitterschap over van
    Jan Smit": Jan Smit held the post she is taking, until now."""
    out = []
    for cue in PREDECESSOR_CUE.finditer(s.text):
        pos = s.start + cue.end()
        pred = next((p for p in ms if p.type == "Person" and p.start >= pos and p.start - pos <= 40), None)
        # "volgt Jan Smit op", "volgt de vorig jaar overleden Jan Smit op", "volgt hij Jan Smit op"
        if pred is None or not re.fullmatch(
            r"\s*(?:(?:de|het)\s+)?(?:[a-zà-ÿ0-9-]+\s+){0,5}", ctx.text[pos : pred.start]
        ):
            continue
        if cue.group("volgt") and not re.match(r"\s*(?:\([^()]{1,40}\)\s*)?op\b", ctx.text[pred.end :]):
            continue
        subj = [p for p in ms if p.type == "Person" and p.end <= s.start + cue.start()]
        who = subj[-1] if subj else None
        if who is None and re.search(
            r"\b(?:zij|ze|hij)\b", s.text[: cue.start()] + " " + ctx.text[pos : pred.start], re.IGNORECASE
        ):
            who = antecedent(ctx, i, "zij")
        if who is None:
            continue
        posts = [
            c for c in found if c.type == "HOLDS_POSITION" and c.source == who.key and c.status == "current"
        ]
        if posts:
            post = posts[0]
            out.append(
                Candidate(
                    "HOLDS_POSITION",
                    pred.id,
                    post.target,
                    s,
                    "position-predecessor",
                    0.6,
                    role=post.role,
                    role_class=post.role_class,
                    status="former",
                )
            )
    return out


def _predecessor(text: str, person: Mention, s: Sentence) -> bool:
    """ "... volgt Anna Smit op, die met pensioen gaat": the person succeeded held the post."""
    return bool(
        re.search(r"\bvolg(?:t|de|en)\s+(?:\S+\s+){0,3}$", text[s.start : person.start])
        and re.match(r"\s+op\b", text[person.end :])
        and not re.search(r"\bdie\b[^.]{0,80}\bwordt\b", text[person.end : s.end])
    )


def works_at(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Zij werkte tien jaar bij de provincie X", "ben ik werkzaam bij gemeente Y"."""
    out = []
    text = ctx.text
    for w in re.finditer(
        r"\b(?P<v>werk(?:t|te|ten|en)|werkzaam)\b(?P<mid>[^.;]{0,80}?)\bbij\s+(?:o\.a\.\s+|"
        r"onder andere\s+)?(?:(?:de|het)\s+)?(?:gemeenten\s+)?",
        s.text,
    ):
        pos = s.start + w.end()
        org = next(
            (
                m
                for m in ms
                if m.end > pos and m.type in EMPLOYERS and _opens_list(text[pos : max(pos, m.start)])
            ),
            None,
        )
        if org is None:
            continue
        # "bij de gemeenten Zeewolde, Dronten en Lingewaard": each of the list
        employers = [
            m
            for m in coordinated(text, [m for m in ms if m.start >= org.start], org.start)
            if m.type == org.type
        ] or [org]
        head = text[s.start : s.start + w.start()]
        subj = [m for m in ms if m.type == "Person" and m.end <= s.start + w.start()]
        pron = re.search(r"\b(hij|zij|ze)\b", head + " " + w.group("mid"), re.IGNORECASE) or re.search(
            r"\b(ik)\b", s.text, re.IGNORECASE
        )
        person: Mention | None
        if subj:
            person = subj[-1]
        elif pron:
            person = antecedent(ctx, i, pron.group(1).lower())
        else:
            continue
        if person is None:
            continue
        als = re.search(rf"\bals\s+(?P<r>(?:{ROLE_ALT}))\b", s.text, re.IGNORECASE)
        role = als.group("r").lower() if als else "medewerker"
        former = w.group("v") in {"werkte", "werkten"} or bool(
            re.search(r"\b(?:eerder|daarvoor|voorheen|vroeger|was|geweest)\b", head + w.group("mid"))
        )
        out += [
            Candidate(
                "HOLDS_POSITION",
                person.id,
                employer.id,
                s,
                "position-works-at",
                0.7,
                role=role,
                role_class=ROLES.get(role, "staff"),
                status="former" if former else "current",
            )
            for employer in employers
        ]
    return out


# list items the recogniser did not know, before the first it did ("bij de gemeenten Oudstad, Epe")
_UNKNOWN_ITEMS = re.compile(r"(?:[A-Z][\w'’-]*(?:\s[a-z]{1,3}\s[A-Z][\w-]*)?,\s)+")


def _opens_list(gap: str) -> bool:
    """What stands between "bij" and the employer: a few characters (an article, "gemeente"), or
    unknown names of a list."""
    return len(gap) <= 9 or _UNKNOWN_ITEMS.fullmatch(gap) is not None


def pronoun_positions(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Als gemeentesecretaris van X ben ik ..." / "doet ze dit als voorzitter van Y": the speaker."""
    speaker = ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
    if speaker is None or any(m.type == "Person" for m in ms):
        return []
    words = set(re.findall(r"\w+", s.text))
    if not words & (FIRST_PERSON_SINGULAR | {"ze", "zij", "hij", "Ze", "Zij", "Hij"}):
        return []
    out = []
    for r in _roles_in(s, ms):
        if not re.search(
            r"(?:^|\W)als\s+(?:\S+\s+)?$", s.text[max(0, r.start() - 25) : r.start()], re.IGNORECASE
        ):
            continue
        org, _, role_end, _ = _role_org(ctx, RoleAt(i, s, ms, r))
        if org is None or ctx.types.get(org.id) not in POSITION_TARGETS:
            continue
        role = r.group("role").lower()
        former = bool(FORMER_CUES.search(s.text[: r.end()]))
        out.append(
            Candidate(
                "HOLDS_POSITION",
                speaker,
                org.id,
                s,
                "position-speaker-als",
                0.7,
                role=role,
                role_class=ROLES.get(role),
                status="former" if former else "current",
            )
        )
    return out


def _nearby_municipality(
    ctx: Context, i: int, ms: list[Mention], type_: str = "Municipality"
) -> Mention | None:
    """The municipality (or province) a role without a named employer belongs to: the one in the
    sentence, else the one mentioned most in the sentences around it, if there is a clear one."""
    # "maakte de overstap naar Tholen": where someone goes is not where the role was held
    here = [
        m for m in ms if m.type == type_ and not DESTINATION.search(ctx.text[max(0, m.start - 40) : m.start])
    ]
    if len({m.key for m in here}) == 1:
        return here[0]
    # "heeft de gemeenteraad van Hollands Kroon laten weten": the council's municipality
    council = [m for m in here if COUNCIL_OF.search(ctx.text[max(0, m.start - 40) : m.start])]
    if len({m.key for m in council}) == 1:
        return council[0]
    lo = ctx.sentences[max(0, i - 3)].start
    hi = ctx.sentences[min(len(ctx.sentences) - 1, i + 3)].end
    window = [m for m in ctx.starting_in(lo, hi) if m.type == type_]
    pool = window + ctx.by_type.get(type_, [])
    if not pool:
        return None
    counts: dict[str, int] = {}
    for m in pool:
        counts[m.id] = counts.get(m.id, 0) + 1
    first = pool[len(window)] if len(pool) > len(window) else None  # the headline's place
    if first is not None:
        counts[first.id] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return next(m for m in pool if m.key == ranked[0][0])


_OFFICE_SINGULAR = {
    "burgemeesters": "burgemeester",
    "wethouders": "wethouder",
    "gedeputeerden": "gedeputeerde",
    "loco-burgemeesters": "loco-burgemeester",
}
_PLURAL_OFFICE_BEFORE = re.compile(r"\b(" + "|".join(_OFFICE_SINGULAR) + r")\b", re.IGNORECASE)


def listed_offices(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "de burgemeesters Hoekstra van Capelle aan den IJssel, Brandsma van Epe": each person the
    list names holds the office at the place named after "van"."""
    out = []
    for k, p in enumerate(ms):
        if p.rule != "person-listed-office" or k + 1 >= len(ms):
            continue
        place = ms[k + 1]
        gap = ctx.text[p.end : place.start]
        if place.type not in {"Municipality", "Province"} or not re.fullmatch(r" van (?:de gemeente )?", gap):
            continue
        offices = list(_PLURAL_OFFICE_BEFORE.finditer(ctx.text, s.start, p.start))
        if not offices:
            continue
        role = _OFFICE_SINGULAR[offices[-1].group(1).lower()]
        out.append(
            Candidate(
                "HOLDS_POSITION", p.id, place.id, s, "position-listed-office", 0.7,
                role=role, role_class=ROLES.get(role, "staff"), status="current",
            )
        )
    return out
