"""Relation rules: positions, membership, collaboration, participation and location.

Rules work on one sentence at a time, over the resolved mentions in it and a few cue words.
Positions are anchored on role words ("gemeentesecretaris", "VNG-voorzitter") and bound to the
person and organisation next to them; first-person statements ("ik", "we", "onze gemeente") are
attached to the interviewee only where the document establishes who that is. Every candidate
carries its sentence, offsets, the rule that fired and a confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Mention, Sentence, is_sentence_initial
from .vocabulary import (
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    FORMER_CUES,
    FORMER_MODIFIERS,
    INITIATIVE_HEADS,
    ORG_TYPE_NOUNS,
    ROLE_MODIFIERS,
    ROLES,
)

ORGLIKE = {"Organization", "Municipality", "Province", "Region"}
EMPLOYERS = {"Organization", "Municipality", "Province"}
PLACES = {"Municipality", "Province", "Region"}
_TYPE_NOUNS = "|".join(sorted(ORG_TYPE_NOUNS, key=len, reverse=True))
_PARTICIPATION_CUE = re.compile(
    r"\b(?:doe[nt]\s+(?:\w+\s+){0,2}mee|deelne\w*|deelnemers\s+zijn|partners\s+zijn|ontwikkel\w*\s+(?:het|dit|dat)|"
    r"(?:het|dit|dat)\s+samen\s+met|betrokken|voer\w*\s+(?:het|dit)|financier\w*|financiering\s+komt|"
    r"ondersteun\w*\s+(?:het|dit)|werk(?:en|t)\s+(?:\w+\s+)?mee|uitvoering\s+ligt\s+bij|uitgevoerd\s+door|"
    r"georganiseerd\s+door|namens|ondertek\w*|handtekening|penvoerder|trekker|namen\s+(?:\w+\s+){0,6}deel|"
    r"nemen\s+(?:\w+\s+){0,3}deel|stelden\s+\w+\s+\w+\s+beschikbaar)\b",
    re.IGNORECASE,
)
_ACTS_ON = re.compile(
    r"\b(?:neem\w*|nam|namen|doe[nt]|deden|betrokken|organiseer\w*|organiseren|ontwikkel\w*|voer\w*|"
    r"financier\w*|investe\w+|onderteken\w*|tekenen|tekende|tekenden|sloten|sluiten|start\w*|lanceer\w*|"
    r"presenteer\w*|leid\w*|coördineer\w*|ondersteun\w*|bouw\w*|werk\w*\s+(?:\w+\s+){0,3}(?:aan|mee|in)|"
    r"bijdra\w*|draagt|dragen|steun\w*|trekt|trekken|partner\w*|penvoerder|initiatiefnemer\w*|gastheer|"
    r"gastvrouw|sluit\w*\s+aan|aangesloten|deelne\w*|deel)\b",
    re.IGNORECASE,
)
PROVINCIAL_ROLES = {
    "gedeputeerde",
    "provinciesecretaris",
    "statengriffier",
    "statenlid",
    "commissaris van de koning",
    "commissaris van de koningin",
}
MUNICIPAL_ROLES = {
    "gemeentesecretaris",
    "burgemeester",
    "wethouder",
    "griffier",
    "raadsgriffier",
    "raadslid",
    "gemeenteraadslid",
    "gemeentesecretaris/algemeen directeur",
    "gemeentedirecteur",
    "loco-burgemeester",
    "locoburgemeester",
    "stadssecretaris",
    "waarnemend burgemeester",
    "gemeentesecretaris en algemeen directeur",
    "fractievoorzitter",
}

_ROLE_ALT = "|".join(re.escape(r) for r in sorted(ROLES, key=len, reverse=True))
# productive role heads that form compounds: "regiodirecteur", "raadsadviseur", "innovatiemanager"
_COMPOUND_HEADS = (
    "directeur",
    "adviseur",
    "manager",
    "medewerker",
    "coördinator",
    "leider",
    "voorzitter",
    "secretaris",
    "bestuurder",
    "onderzoeker",
    "docent",
    "specialist",
    "consultant",
    "regisseur",
    "controller",
    "accountant",
    "hoofd",
    "griffier",
    "ambtenaar",
    "jurist",
    "strateeg",
    "analist",
)
_COMPOUND = rf"[a-zà-ÿ]{{3,}}(?:{'|'.join(_COMPOUND_HEADS)})"
ROLE_RE = re.compile(
    rf"(?<![\w])(?P<mod>{ROLE_MODIFIERS}*)(?P<role>{_ROLE_ALT}|{_COMPOUND})(?![\w])", re.IGNORECASE
)


def _role_head(role: str) -> str:
    """ "regiodirecteur" -> "directeur"; a listed role stays as it is."""
    if role in ROLES:
        return role
    return next((h for h in _COMPOUND_HEADS if role.endswith(h)), role)


_VERB = (
    r"(?:is|wordt|was|werd|blijft|bleef|werkt|werkte|begon|begint|start|startte|zit|zat|trad|treedt|ben|bent|"
    r"zijn|worden|waren|werden)"
)
# between a person and their role: ", ", " (49) is sinds 2021 ", " nieuwe ", " op, die per 1 mei ",
# " werkt nu als ", " was tot de opheffing "
_BEFORE_ROLE = re.compile(
    r"\s*(?:\(\d{1,3}\)\s*)?(?:op\s*)?(?:,\s*(?:die\s+(?:[^\s,.;:()]+\s+){0,3}?)?|\(\s*)?"
    r"(?:(?:voorheen|eerder|daarvoor|toen|destijds|nu|thans|inmiddels|sindsdien)\s+)?"
    rf"(?:(?:{_VERB})(?:\s+(?!(?:en|maar|of|dat|die|met|voor|bij|van|een)\b)[^\s,.;:()]+){{0,5}}?\s+|"
    r"(?:(?:per|vanaf|sinds|met ingang van|op)\s+[^,.;:()]{1,25}?\s+)|\s*)"
    r"(?:als\s+)?(?:(?:de|het|onze|hun)\s+)?(?:(?:nieuwe|huidige|kersverse|eerste|laatste|vorige)\s+)?"
)
_COORDINATION = re.compile(
    r"\s*(?:,|\ben\b|&|/)\s*(?:(?:daarvoor|eerder|daarnaast|ook|inmiddels|nu|toen)\s+)?"
    r"(?:(?:is|was|wordt|werd|werkte|werkt)\b(?:\s+[^\s,.;:]+){0,3}\s+)?"
    r"(?:als\s+)?(?:(?:de|het)\s+)?"
)
_ORG_GAP_DIRECT = re.compile(r"\s+(?:(?:de|het|the)\s+)?(?:(?:gemeente|provincie)\s+)?|\s*\(\s*")
_ORG_GAP = re.compile(
    r"(?:\s+(?!(?:maar|of|dat|die|met|is|was|heeft|zegt)\b)[\w/’'-]+){0,5}?\s*,?\s+"
    r"(?:van|bij|aan|in|voor|binnen|namens|of|at)\s+(?:(?:de|het|the)\s+)?"
    r"(?:(?:voormalige\s+)?(?:gemeente|provincie|woningcorporatie|stichting)\s+)?"
)
_APPOINT = re.compile(
    r"\b(?:benoemd|aangesteld|gekozen|voorgedragen|geïnstalleerd|beëdigd|aangenomen)\s+"
    r"(?:(?:per\s+\S+(?:\s+\S+)?|met ingang van\s+\S+(?:\s+\S+)?)\s+)?(?:tot|als)\s+"
    r"(?:(?:de|het)\s+)?(?:nieuwe\s+)?$",
    re.IGNORECASE,
)


@dataclass
class Candidate:
    type: str
    source: str
    target: str
    sentence: Sentence
    rule: str
    confidence: float
    role: str | None = None
    role_class: str | None = None
    status: str | None = None


@dataclass
class Context:
    """What the rules know about the document beyond the sentence at hand."""

    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    types: dict[str, str]  # entity key -> type
    positions: dict[str, list[str]] = field(default_factory=dict)  # person key -> employer keys, in order
    speaker_at: list[str | None] = field(default_factory=list)  # per sentence: the interviewee, if known
    last_initiative: list[str | None] = field(default_factory=list)
    paragraph: list[int] = field(default_factory=list)  # per sentence: which blank-line block it is in
    own_org: str | None = None  # the organisation the document speaks for ("wij" in a report or letter)


class RelationExtractor:
    def __init__(self, adjectives: dict[str, str] | None = None) -> None:
        self.adjectives = adjectives or {}  # "Rotterdamse" -> GM0599

    def extract(
        self, text: str, sentences: list[Sentence], mentions: list[Mention], types: dict[str, str]
    ) -> list[Candidate]:
        ctx = Context(text, sentences, mentions, types)
        ctx.paragraph = [text.count("\n\n", 0, s.start) for s in sentences]
        ctx.own_org = _own_organisation(text, mentions)
        out: list[Candidate] = []
        per_sentence = [[m for m in mentions if s.start <= m.start and m.end <= s.end] for s in sentences]
        # pass 1: positions (they tell who speaks for which organisation)
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            out += self.positions(ctx, i, s, ms)
            for c in out:
                if c.type == "HOLDS_POSITION":
                    lst = ctx.positions.setdefault(c.source, [])
                    if c.target not in lst:
                        lst.append(c.target)
        self._speakers(ctx, per_sentence)
        # pass 1b: first-person and pronoun positions, now that speakers are known
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            out += self.pronoun_positions(ctx, i, s, ms)
            out += self._works_at(ctx, i, s, ms)
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            out += self._predecessors(ctx, i, s, ms, out)
        last_init = None
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            refs = self._initiative_refs(ctx, i, s, [m for m in ms if m.type == "Initiative"])
            if refs:
                last_init = max(refs)[2]
            ctx.last_initiative.append(last_init)
        for i, (s, ms) in enumerate(zip(sentences, per_sentence, strict=True)):
            group = self.joint_work(ctx, i, s, ms)
            out += group
            # "A, B en C werken samen in X" is membership of X, not pairwise collaboration
            members = any(c.type == "MEMBER_OF" for c in group)
            out += self.collaborations(ctx, i, s, ms, pairwise=not members)
            out += self.memberships(ctx, i, s, ms)
            out += self.participations(ctx, i, s, ms)
            out += self.paragraph_participation(ctx, i, s, ms)
            out += self.locations(ctx, i, s, ms)
        return [c for c in out if c.source != c.target]

    # -- positions ----------------------------------------------------------------------------
    def _roles_in(self, s: Sentence, ms: list[Mention]) -> list[re.Match]:
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

    def positions(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        out = []
        text = ctx.text
        roles = self._roles_in(s, ms)
        persons = [m for m in ms if m.type == "Person"]
        prev_end = s.start
        last_bound: tuple[Mention, int] | None = None  # (person, where the previous role phrase ended)
        for idx, r in enumerate(roles):
            rs, re_ = s.start + r.start(), s.start + r.end()
            mod = (r.group("mod") or "").lower()
            org, org_rule, role_end, init = self._role_org(ctx, i, ms, s.start + r.start("role"), re_, s)
            role = " ".join(text[s.start + r.start("role") : role_end].lower().split())
            base = r.group("role").lower()
            person, p_rule = self._role_person(ctx, i, ms, persons, rs, re_, org, roles, idx, s)
            if person is None and last_bound is not None:
                glue = org.start if org_rule == "role-hyphen" and org is not None else rs
                if _COORDINATION.fullmatch(text[last_bound[1] : glue]):
                    person, p_rule = last_bound[0], "coordinated"
            if person is None:
                prev_end = re_
                continue
            if init is not None:  # "programmamanager van INIT (bij ORG)": both take part in it
                out.append(Candidate("PARTICIPATES_IN", person.key, init.key, s, "participates-role", 0.75))
                if org is not None and ctx.types.get(org.key) in EMPLOYERS:
                    out.append(
                        Candidate("PARTICIPATES_IN", org.key, init.key, s, "participates-role-org", 0.7)
                    )
                org, org_rule = self._appointing_body(text, ms, s, rs)
            if org is None and _role_head(base) in MUNICIPAL_ROLES:
                org = self._nearby_municipality(ctx, i, ms)
                org_rule = "context-municipality"
            if org is None and base in PROVINCIAL_ROLES:
                org = self._nearby_municipality(ctx, i, ms, type_="Province")
                org_rule = "context-municipality"
            if org is None or ctx.types.get(org.key) not in EMPLOYERS:
                prev_end = re_
                continue
            window = text[max(prev_end, s.start) : re_]
            former = (
                any(mod.startswith(f) for f in FORMER_MODIFIERS)
                or bool(FORMER_CUES.search(window))
                or self._predecessor(text, person, s)
            )
            conf = {
                "role-hyphen": 0.85,
                "role-of": 0.9,
                "role-adjective": 0.8,
                "appointing-body": 0.8,
                "context-municipality": 0.55,
            }.get(org_rule, 0.7)
            conf = round(
                min(
                    conf,
                    {
                        "adjacent": 0.95,
                        "appointed": 0.9,
                        "copula": 0.85,
                        "coordinated": 0.85,
                        "pronoun": 0.7,
                        "als-subject": 0.75,
                    }.get(p_rule, 0.7),
                ),
                2,
            )
            out.append(
                Candidate(
                    "HOLDS_POSITION",
                    person.key,
                    org.key,
                    s,
                    f"position-{p_rule}-{org_rule}",
                    conf,
                    role=role,
                    role_class=ROLES.get(base) or ROLES.get(_role_head(base)),
                    status="former" if former else "current",
                )
            )
            succ = re.search(r"\bvolg(?:t|de)\s+(?:\S+\s+){0,3}$", text[s.start : person.start])
            if former and succ and re.match(r"\s+op\s+als\b", text[person.end :]):
                successor = [p for p in persons if p.end <= s.start + succ.start()]
                if successor:
                    out.append(
                        Candidate(
                            "HOLDS_POSITION",
                            successor[-1].key,
                            org.key,
                            s,
                            "position-successor",
                            conf,
                            role=role,
                            role_class=ROLES.get(base),
                            status="current",
                        )
                    )
            last_bound = (person, max(role_end, org.end if org.start >= rs else role_end))
            prev_end = re_
        return out

    def _role_org(
        self, ctx: Context, i: int, ms: list[Mention], role_start: int, role_end: int, s: Sentence
    ) -> tuple[Mention | None, str, int, Mention | None]:
        """The organisation a role is held at, the rule that found it, where the role phrase (with its
        specifier) ends, and the initiative the role belongs to, if any ("programmamanager van INIT")."""
        text = ctx.text
        initiative: Mention | None = None
        # "VNG-voorzitter": the organisation glued to the role word
        if role_start > 0 and text[role_start - 1] == "-":
            hit = next((m for m in ms if m.end == role_start - 1 and m.type in EMPLOYERS), None)
            if hit:
                return hit, "role-hyphen", role_end, None
        # "de Rotterdamse wethouder": a municipality's adjective
        before = text[max(s.start, role_start - 40) : role_start]
        adj = re.search(r"(?P<a>[A-Z][\w-]+)\s+$", before) or re.search(
            r"(?P<a>[A-Z][\w-]+)\s+[a-z]+\s+$", before
        )
        if adj and adj.group("a") in self.adjectives:
            muni = next(
                (
                    m
                    for m in ctx.mentions
                    if m.type == "Municipality" and m.attrs.get("code") == self.adjectives[adj.group("a")]
                ),
                None,
            )
            if muni is not None:
                return muni, "role-adjective", role_end, None
        # a person may stand between role and organisation: "lector Anna Smit van de Hogeschool X"
        cursor = role_end
        person_after = next(
            (
                m
                for m in ms
                if m.type == "Person"
                and m.start >= role_end
                and re.fullmatch(r"\s*,?\s*", text[role_end : m.start])
            ),
            None,
        )
        generic = re.match(
            r"\s*,?\s*(?:[A-Z][\w’'-]+\s+){1,4}van\s+(?:de|het)\s+(?P<h>[a-z]+)\b|"
            r"\s+van\s+(?:de|het)\s+(?P<h2>[a-z]+)\b",
            text[role_end : s.end],
        )
        if generic:
            ref = _generic_reference(ctx, generic.group("h") or generic.group("h2"))
            if ref is not None:
                return ref, "role-of", role_end, None
        for m in sorted((m for m in ms if m.start >= role_end and m.start < s.end), key=lambda m: m.start):
            gap = text[cursor : m.start]
            if (
                m.type == "Initiative"
                and (_ORG_GAP_DIRECT.fullmatch(gap) or _ORG_GAP.fullmatch(gap))
                and (cursor > role_end or person_after is None)
            ):
                initiative = m
                cursor = m.end
                continue
            if m.type in EMPLOYERS | {"Region"}:
                if _ORG_GAP_DIRECT.fullmatch(gap) or _ORG_GAP.fullmatch(gap):
                    if m.type == "Region":
                        return None, "", role_end, initiative
                    spec_end = role_end
                    spec = re.match(
                        r"(?:\s+(?!(?:van|bij|aan|in|voor|binnen|namens|of|at|de|het|wordt|is|"
                        r"was)\b)[a-zà-ÿ][\w/-]*){0,3}",
                        text[role_end : m.start],
                    )
                    if spec and cursor == role_end:
                        spec_end = role_end + spec.end()
                    return m, "role-of", spec_end, initiative
                return None, "", role_end, initiative
            if m is person_after or m.type == "Initiative":
                if not re.fullmatch(r"[^.;:!?]{0,60}", gap):
                    break
                if m.type == "Initiative" and (_ORG_GAP.fullmatch(gap) or _ORG_GAP_DIRECT.fullmatch(gap)):
                    initiative = m
                cursor = m.end
                continue
            break
        return None, "", role_end, initiative

    def _appointing_body(
        self, text: str, ms: list[Mention], s: Sentence, rs: int
    ) -> tuple[Mention | None, str]:
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

    def _role_person(
        self,
        ctx: Context,
        i: int,
        ms: list[Mention],
        persons: list[Mention],
        rs: int,
        re_: int,
        org: Mention | None,
        roles: list,
        idx: int,
        s: Sentence,
    ) -> tuple[Mention | None, str]:
        text = ctx.text
        # person right after the role: "burgemeester Anna de Boer", "lector Ravi Smit van ..."
        after = [p for p in persons if p.start >= re_]
        if after and re.fullmatch(
            r"\s*,?\s*|(?:\s+(?!(?:is|was|wordt|werd|heeft|zegt|en|van|bij|met|of|die|dat|"
            r"de|het)\b)[a-zà-ÿ]+){1,2}\s+",
            text[re_ : after[0].start],
        ):
            return after[0], "adjacent"
        # person right after the role and its organisation: "burgemeester van Ede, Jan de Boer"
        if org is not None and org.start >= re_:
            after = [p for p in persons if p.start >= org.end]
            if after and re.fullmatch(r"\s*,?\s*(?:(?:de|het)\s+)?", text[org.end : after[0].start]):
                return after[0], "adjacent"
        # "Projectleider is Anna Smit", "Secretaris van P10 is Jan de Vries"
        tail = org.end if org is not None and org.start >= re_ else re_
        after_cop = [p for p in persons if p.start >= tail]
        if (
            after_cop
            and re.fullmatch(r"\s+(?:is|was|wordt|werd)\s+", text[tail : after_cop[0].start])
            and is_sentence_initial(text, rs)
        ):
            return after_cop[0], "adjacent"
        # coordinated roles before one person: "programmamanager en onderzoeker Lotte Smit"
        if idx + 1 < len(roles) and after:
            nxt, nxt_end = s.start + roles[idx + 1].start(), s.start + roles[idx + 1].end()
            tail = org.end if org is not None and org.start >= re_ else re_
            if re.fullmatch(r"\s+(?:en|&|/)\s+", text[tail:nxt]) and re.fullmatch(
                r"\s*,?\s*", text[nxt_end : after[0].start]
            ):
                return after[0], "adjacent"
        # person before: "Anna de Boer, burgemeester van ...", "X (49) is sinds 2021 wethouder", headlines
        before = [p for p in persons if p.end <= rs]
        if before:
            p = before[-1]
            gap = text[p.end : rs]
            if _BEFORE_ROLE.fullmatch(gap):
                return p, "adjacent" if re.match(r"\s*(?:\(\d+\)\s*)?[,(]", gap) else "copula"
        # "... heeft Anna de Boer benoemd tot burgemeester"
        if _APPOINT.search(text[s.start : rs]) and before:
            return before[-1], "appointed"
        # "Eerder was hij directeur ...", "Als voorzitter van X is Y betrokken ...", "ben ik ..."
        pron = re.search(
            r"\b(?P<p>hij|zij|ze|ik)\b(?P<gap>[^,.;:]{0,60})$", text[s.start : rs], re.IGNORECASE
        )
        inverted = (
            pron
            and re.search(rf"\b{_VERB}\s+$", text[s.start : s.start + pron.start()])
            and re.fullmatch(
                r"(?:\s+(?!(?:en|maar|of|dat|die|met|voor|bij|van)\b)[^\s,.;:()]+){0,4}\s+(?:als\s+)?"
                r"(?:(?:de|het)\s+)?",
                pron.group("gap"),
            )
        )
        if (
            pron
            and not before
            and (
                inverted
                or _BEFORE_ROLE.fullmatch(
                    " " + pron.group("gap").strip() + " " if pron.group("gap").strip() else " "
                )
            )
        ):
            who = self._antecedent(ctx, i, pron.group("p").lower())
            if who is not None:
                return who, "pronoun"
        if re.search(
            r"(?:^|\W)als\s+(?:(?:de|het)\s+)?\S*$", text[max(s.start, rs - 30) : rs], re.IGNORECASE
        ):
            others = [p for p in persons if not (rs <= p.start < re_)]
            if len({p.key for p in others}) == 1:
                return others[0], "als-subject"
        return None, ""

    def _antecedent(self, ctx: Context, i: int, pronoun: str) -> Mention | None:
        """Who "hij"/"zij" or "ik" is: the interviewee for "ik", else the last person named before."""
        if pronoun == "ik":
            key = ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
            return next((m for m in ctx.mentions if m.key == key), None) if key else None
        lo = ctx.sentences[max(0, i - 3)].start
        here = ctx.sentences[i].start
        prev = [m for m in ctx.mentions if m.type == "Person" and lo <= m.start < here]
        return prev[-1] if prev else None

    def _predecessors(
        self, ctx: Context, i: int, s: Sentence, ms: list[Mention], found: list[Candidate]
    ) -> list[Candidate]:
        """ "Zij volgt Jan Smit op": Jan Smit held the post she is taking, until now."""
        out = []
        for succ in re.finditer(r"\bvolg(?:t|de)\b", s.text):
            pos = s.start + succ.end()
            pred = next(
                (p for p in ms if p.type == "Person" and p.start >= pos and p.start - pos <= 20), None
            )
            if pred is None or not re.match(r"\s+op\b", ctx.text[pred.end :]):
                continue
            subj = [p for p in ms if p.type == "Person" and p.end <= s.start + succ.start()]
            who = subj[-1] if subj else None
            if who is None and re.search(r"\b(?:zij|ze|hij)\b", s.text[: succ.start()], re.IGNORECASE):
                who = self._antecedent(ctx, i, "zij")
            if who is None:
                continue
            posts = [
                c
                for c in found
                if c.type == "HOLDS_POSITION" and c.source == who.key and c.status == "current"
            ]
            if posts:
                post = posts[0]
                out.append(
                    Candidate(
                        "HOLDS_POSITION",
                        pred.key,
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

    def _predecessor(self, text: str, person: Mention, s: Sentence) -> bool:
        """ "... volgt Anna Smit op, die met pensioen gaat": the person succeeded held the post."""
        return bool(
            re.search(r"\bvolg(?:t|de|en)\s+(?:\S+\s+){0,3}$", text[s.start : person.start])
            and re.match(r"\s+op\b", text[person.end :])
            and not re.search(r"\bdie\b[^.]{0,80}\bwordt\b", text[person.end : s.end])
        )

    def _works_at(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """ "Zij werkte tien jaar bij de provincie X", "ben ik werkzaam bij gemeente Y"."""
        out = []
        text = ctx.text
        for w in re.finditer(
            r"\b(?P<v>werk(?:t|te|ten|en)|werkzaam)\b(?P<mid>[^.;]{0,80}?)\bbij\s+(?:o\.a\.\s+|"
            r"onder andere\s+)?(?:(?:de|het)\s+)?",
            s.text,
        ):
            pos = s.start + w.end()
            org = next((m for m in ms if m.start <= pos + 9 and m.end > pos and m.type in EMPLOYERS), None)
            if org is None:
                continue
            head = text[s.start : s.start + w.start()]
            subj = [m for m in ms if m.type == "Person" and m.end <= s.start + w.start()]
            pron = re.search(r"\b(hij|zij|ze)\b", head + " " + w.group("mid"), re.IGNORECASE) or re.search(
                r"\b(ik)\b", s.text, re.IGNORECASE
            )
            if subj:
                person = subj[-1]
            elif pron:
                person = self._antecedent(ctx, i, pron.group(1).lower())
            else:
                continue
            if person is None:
                continue
            als = re.search(rf"\bals\s+(?P<r>(?:{_ROLE_ALT}))\b", s.text, re.IGNORECASE)
            role = als.group("r").lower() if als else "medewerker"
            former = w.group("v") in {"werkte", "werkten"} or bool(
                re.search(r"\b(?:eerder|daarvoor|voorheen|vroeger|was|geweest)\b", head + w.group("mid"))
            )
            out.append(
                Candidate(
                    "HOLDS_POSITION",
                    person.key,
                    org.key,
                    s,
                    "position-works-at",
                    0.7,
                    role=role,
                    role_class=ROLES.get(role, "staff"),
                    status="former" if former else "current",
                )
            )
        return out

    def pronoun_positions(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """ "Als gemeentesecretaris van X ben ik ..." / "doet ze dit als voorzitter van Y": the speaker."""
        speaker = ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
        if speaker is None or any(m.type == "Person" for m in ms):
            return []
        words = set(re.findall(r"\w+", s.text))
        if not words & (FIRST_PERSON_SINGULAR | {"ze", "zij", "hij", "Ze", "Zij", "Hij"}):
            return []
        out = []
        for r in self._roles_in(s, ms):
            if not re.search(
                r"(?:^|\W)als\s+(?:\S+\s+)?$", s.text[max(0, r.start() - 25) : r.start()], re.IGNORECASE
            ):
                continue
            org, _, role_end, _ = self._role_org(ctx, i, ms, s.start + r.start("role"), s.start + r.end(), s)
            if org is None or ctx.types.get(org.key) not in EMPLOYERS:
                continue
            role = r.group("role").lower()
            former = bool(FORMER_CUES.search(s.text[: r.end()]))
            out.append(
                Candidate(
                    "HOLDS_POSITION",
                    speaker,
                    org.key,
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
        self, ctx: Context, i: int, ms: list[Mention], type_: str = "Municipality"
    ) -> Mention | None:
        """The municipality (or province) a role without a named employer belongs to: the one in the
        sentence, else the one mentioned most in the sentences around it, if there is a clear one."""
        here = [m for m in ms if m.type == type_]
        if len({m.key for m in here}) == 1:
            return here[0]
        window = [
            m
            for m in ctx.mentions
            if m.type == type_
            and ctx.sentences[max(0, i - 3)].start
            <= m.start
            < ctx.sentences[min(len(ctx.sentences) - 1, i + 3)].end
        ]
        pool = window + [m for m in ctx.mentions if m.type == type_]
        if not pool:
            return None
        counts: dict[str, int] = {}
        for m in pool:
            counts[m.key] = counts.get(m.key, 0) + 1
        first = next((m for m in ctx.mentions if m.type == type_), None)  # the headline's place
        if first is not None:
            counts[first.key] += 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return next(m for m in pool if m.key == ranked[0][0])

    def _speakers(self, ctx: Context, per_sentence: list[list[Mention]]) -> None:
        """Per sentence, the person who speaks in the first person: the latest person with a position."""
        with_role = set(ctx.positions)
        persons = [m.key for m in ctx.mentions if m.type == "Person"]
        fallback = max(set(persons), key=lambda k: (persons.count(k), -persons.index(k))) if persons else None
        if fallback and len(set(persons)) > 1 and fallback not in with_role:
            fallback = None
        current = None
        for ms in per_sentence:
            for m in ms:
                if m.type == "Person" and m.key in with_role:
                    current = m.key
            ctx.speaker_at.append(current or (next(iter(with_role)) if len(with_role) == 1 else fallback))

    def _speaker_org(self, ctx: Context, i: int, ms: list[Mention]) -> str | None:
        """Who "wij"/"onze organisatie" is: the interviewee's organisation, else the organisation the
        whole document speaks for (an annual report, a council letter, a press release)."""
        speaker = ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
        if ctx.own_org and not _quoted(ctx, i):
            return ctx.own_org
        orgs = ctx.positions.get(speaker, []) if speaker else []
        munis = [o for o in orgs if ctx.types.get(o) == "Municipality"]
        return (munis or orgs or [ctx.own_org])[0]

    # -- collaboration, membership, participation, location ---------------------------------
    def collaborations(
        self, ctx: Context, i: int, s: Sentence, ms: list[Mention], pairwise: bool = True
    ) -> list[Candidate]:
        out = []
        orgs = [m for m in ms if m.type in ORGLIKE]
        t = s.text
        first_person = bool(set(re.findall(r"\w+", t)) & (FIRST_PERSON_PLURAL | FIRST_PERSON_SINGULAR))
        triggers = list(
            re.finditer(
                r"\b(?:(?:werkt|werken|werkte|werkten)\b[^.]{0,60}?\bsamen met|samen met|in samenwerking met|"
                r"(?:de\s+)?handen ineen(?:\s+\w+)?\s+met|samenwerking met|samenwerkingsovereenkomst met|"
                r"convenant met|"
                r"partnerschap met|samenwerkt met|optrekken met|trekt op met|trekken op met|"
                r"(?:gesloten|getekend|ondertekend|aangegaan)\s+met|samengewerkt\s+met|"
                r"trek\w*\s+(?:\w+\s+){0,3}samen\s+op\s+met)\b",
                t,
                re.IGNORECASE,
            )
        )
        about_initiative = (
            any(m.type == "Initiative" for m in ms)
            or bool(self._initiative_refs(ctx, i, s, []))
            or bool(
                re.search(
                    r"\b(?:het|de|dit|deze)\s+(?:\w+\s+)?(?:project|programma|congres|initiatief|pilot|"
                    r"leergang|deal|akkoord|lab|conferentie|campagne|proeftuin)\b",
                    t,
                    re.IGNORECASE,
                )
            )
        )
        for trig in triggers:
            ts, te = s.start + trig.start(), s.start + trig.end()
            if about_initiative and re.search(r"samen\s+met", trig.group(), re.IGNORECASE):
                continue  # "A ontwikkelt samen met B het project P": both take part in P
            right = _coordinated(ctx.text, [m for m in orgs if m.start >= te], te)
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
            if not right:
                continue
            if left:
                subjects, conf, rule = (
                    [m.key for m in _coordinated_backwards(ctx.text, left)],
                    0.8,
                    "collab-samen-met",
                )
            elif first_person:
                subjects, conf, rule = [self._speaker_org(ctx, i, ms)], 0.6, "collab-speaker"
            else:
                continue
            for subject in subjects:
                for r in right:
                    if subject and subject != r.key:
                        out.append(Candidate("COLLABORATES_WITH", subject, r.key, s, rule, conf))
        for m in re.finditer(
            r"\b(?:samenwerking\s+(?:tussen|van)|(?:gezamenlijk\s+)?(?:onderzoek|studie|rapport|"
            r"evaluatie)\s+van)\s+(?:(?:de|het)\s+)?",
            t,
            re.IGNORECASE,
        ):
            group = _coordinated(
                ctx.text, [o for o in orgs if o.start >= s.start + m.end()], s.start + m.end()
            )
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    out.append(
                        Candidate("COLLABORATES_WITH", group[a].key, group[b].key, s, "collab-tussen", 0.85)
                    )
        clauses = [
            (s.start + c.start(), s.start + c.end()) for c in re.finditer(r",\s*(?:dat|die|waar)\b[^,]*,", t)
        ]
        orgs = [o for o in orgs if not any(a <= o.start < b for a, b in clauses)]
        for m in re.finditer(
            r"\b(?:(?:werken|werkten|slaan|sloegen|bundelen|trekken|trokken)\b[^.]{0,40}?"
            r"\b(?:samen(?!\s+met)|(?:de\s+)?handen ineen(?!\s+\w*\s*met)|hun krachten)"
            r"|(?:hebben|sloten|tekenden)\s+(?:\w+\s+){0,2}een\s+(?:samenwerkingsovereenkomst|convenant|"
            r"intentieverklaring|partnerschap)(?![^.]{0,40}\bmet\b))",
            t if pairwise else "",
            re.IGNORECASE,
        ):
            start = s.start + m.start()
            before = [o for o in orgs if o.end <= start]
            group = _coordinated_backwards(ctx.text, before)
            if len(group) >= 2 and not re.search(r"\bin\s+(?:het|de)\s*$", t[: m.start()]):
                for a in range(len(group)):
                    for b in range(a + 1, len(group)):
                        out.append(
                            Candidate(
                                "COLLABORATES_WITH", group[a].key, group[b].key, s, "collab-en-samen", 0.75
                            )
                        )
        lead = re.match(r"\s*(?:Met|Samen met)\s+", t)
        if (
            lead
            and re.search(r"\b(?:we|wij)\b", t, re.IGNORECASE)
            and re.search(
                r"convenant|overeenkomst|samengewerkt|samenwerking|partnerschap|intentieverklaring|samen", t
            )
        ):
            partner = next(
                (o for o in orgs if o.start >= s.start + lead.end() and o.start - s.start - lead.end() < 40),
                None,
            )
            org = self._speaker_org(ctx, i, ms)
            if partner is not None and org and org != partner.key:
                out.append(Candidate("COLLABORATES_WITH", org, partner.key, s, "collab-met-wij", 0.6))
        # "... de samenwerking in X waar we ... optrekken": the speaker's organisation works with X
        if (
            re.search(r"samenwerking|samenwerken|optrekken", t, re.IGNORECASE)
            and set(re.findall(r"\w+", t)) & FIRST_PERSON_PLURAL
            and not triggers
        ):
            speaker_org = self._speaker_org(ctx, i, ms)
            for o in orgs:
                if o.type == "Organization" and speaker_org and o.key != speaker_org:
                    out.append(
                        Candidate("COLLABORATES_WITH", speaker_org, o.key, s, "collab-speaker-context", 0.55)
                    )
        return out

    def joint_work(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """Several parties working together *in* something: members of a body, participants in an
        initiative. "A werkt met B en C samen in de regio X", "Deelnemers in X zijn A, B en C",
        "X, waaronder A en B", "INIT, dat A samen met B uitvoert", "A en B doen mee aan INIT",
        "Daarin werken A en B samen" (the initiative just named)."""
        out: list[Candidate] = []
        t = s.text
        actors = [m for m in ms if m.type in {"Organization", "Municipality"}]
        bodies = [m for m in ms if m.type in {"Organization", "Region", "Initiative"}]
        inits = [m for m in ms if m.type == "Initiative"]

        def add(members: list[Mention], target: str, rule: str, conf: float) -> None:
            ttype = ctx.types.get(target)
            rtype = "PARTICIPATES_IN" if ttype == "Initiative" else "MEMBER_OF"
            for m in members:
                if m.key != target and not (rtype == "MEMBER_OF" and ctx.types.get(m.key) == "Region"):
                    out.append(Candidate(rtype, m.key, target, s, rule, conf))

        # "... samen(werken) in (de|het) X" / "trekt ... op in de X"
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
            members = [a for a in actors if a.end <= body.start and a.key != body.key]
            if len(members) >= 1:
                add(members, body.key, "joint-samen-in", 0.75)
        # "X, de gezamenlijke organisatie van A, B en C" / "X, waarin (onder meer) A en B samenwerken"
        for body in [b for b in bodies if b.type in {"Organization", "Region"}]:
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
            group = _coordinated(ctx.text, [a for a in actors if a.start >= start], start)
            add(group, body.key, "joint-appositive", 0.7)
        # "het samenwerkingsverband X (A, B, C en D)": members listed in parentheses
        for body in [b for b in bodies if b.type in {"Organization", "Region"}]:
            if not re.match(r"\s*\(", ctx.text[body.end : s.end]):
                continue
            start = ctx.text.index("(", body.end) + 1
            close = ctx.text.find(")", start)
            inside = [a for a in actors if start <= a.start and a.end <= close and a.type == "Municipality"]
            if len(inside) >= 2:
                add(inside, body.key, "joint-parenthesis", 0.7)
        # "A en B werken samen met C aan het programma P": all of them take part in P
        for m in re.finditer(r"\bsamen\s+met\b[^.;]{0,120}?\baan\s+(?:(?:het|de)\s+)?", t):
            pos = s.start + m.end()
            init = next((b for b in inits if b.start == pos or b.start < pos < b.end), None)
            if init is not None:
                add([a for a in actors if a.end <= init.start], init.key, "joint-samen-aan", 0.75)
        # "Deelnemers in X zijn A, B en C", "X is een samenwerking van ... waaronder A, B"
        for m in re.finditer(
            r"\b(?:deelnemers|leden|partners|deelnemende gemeenten)\s+(?:in|van|aan)\s+"
            r"(?:(?:de|het)\s+)?",
            t,
            re.IGNORECASE,
        ):
            pos = s.start + m.end()
            body = next((b for b in bodies if b.start == pos), None)
            if body:
                add([a for a in actors if a.start > body.end], body.key, "joint-deelnemers", 0.75)
        for m in re.finditer(
            r"\b(?:samenwerking|samenwerkingsverband|verband|netwerk|regeling|vereniging|coalitie|alliantie)\s+van\b"
            r"[^.]*?\bwaaronder\s+",
            t,
        ):
            subj = [b for b in bodies if b.end <= s.start + m.start()]
            if subj:
                add([a for a in actors if a.start >= s.start + m.end()], subj[0].key, "joint-waaronder", 0.7)
        # relative clauses on an initiative: "INIT, dat X samen met A en B uitvoert", "..., waarin A en B ..."
        for init in inits:
            rel = re.match(
                r"\s*\)?\s*,\s*(?:dat|die|waarin|waarbij|waaraan)\b(?P<c>[^.;]*)", ctx.text[init.end : s.end]
            )
            if rel and re.search(
                r"\b(?:uitvoer\w*|voert|voeren|organiseer\w*|ontwikkel\w*|samen\w*|deel\w*|"
                r"trekken|leid\w*|financier\w*|werken|werkt)\b",
                rel.group("c"),
            ):
                lo, hi = init.end, init.end + rel.end()
                add([a for a in actors if lo <= a.start < hi], init.key, "joint-relative", 0.75)
        # "A, B en C doen mee aan (de tweede ronde van) INIT", "..., die (ook) deelnemen aan INIT"
        for m in re.finditer(
            r"\b(?:doe[nt]\s+(?:\w+\s+)?mee|nemen\s+(?:\w+\s+)?deel|neemt\s+(?:\w+\s+)?deel|"
            r"deelnemen|deelneemt|participeren|participeert)\s+(?:aan|in)\b",
            t,
        ):
            after = [b for b in inits if b.start >= s.start + m.end()]
            if not after:
                continue
            before = [a for a in actors if a.end <= s.start + m.start()]
            group = _coordinated_backwards(ctx.text, before) if before else []
            add(group or before[-1:], after[0].key, "joint-doen-mee", 0.75)
        # "Daarin werken A en B samen": the initiative or body of the previous sentence
        if (
            re.match(r"\s*(?:Daarin|Hierin|Daarbinnen|Binnen dat \w+|In dat \w+)\b", t)
            and re.search(r"\bsamen|\bmee\b|\bdeel\b", t)
            and i > 0
        ):
            prev = [
                m
                for m in ctx.mentions
                if ctx.sentences[i - 1].start <= m.start < ctx.sentences[i - 1].end
                and m.type in {"Initiative", "Organization", "Region"}
            ]
            if prev:
                add(actors, prev[-1].key, "joint-daarin", 0.65)
        return out

    def memberships(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        out = []
        t = s.text
        bodies = [m for m in ms if m.type in {"Organization", "Region", "Initiative"}]
        members = [m for m in ms if m.type in {"Organization", "Municipality"}]
        pats = [
            r"\b(?:is|zijn|werd|werden)\s+(?:\w+\s+)?(?:lid|aangesloten|deelnemer|partner)\s+(?:van|bij)\s+"
            r"(?:(?:de|het)\s+)?",
            r"\b(?:maakt|maken)\s+(?:\w+\s+)?deel\s+uit\s+van\s+(?:(?:de|het)\s+)?",
            r"\b(?:werken|werkt|werkten)\s+(?:\w+\s+){0,3}?samen\s+(?:in|binnen)\s+(?:(?:de|het)\s+)?",
            r"\b(?:nemen|neemt)\s+(?:\w+\s+)?deel\s+aan\s+(?:(?:de|het)\s+)?",
            r"\b(?:vormen|vormden)\s+(?:samen\s+)?(?:(?:de|het)\s+)?",
        ]
        for p in pats:
            for m in re.finditer(p, t, re.IGNORECASE):
                pos = s.start + m.end()
                body = next((b for b in bodies if b.start == pos), None)
                if body is None:
                    continue
                group = [
                    g.key
                    for g in _coordinated_backwards(
                        ctx.text, [x for x in members if x.end <= s.start + m.start()]
                    )
                ]
                if not group and re.search(r"\b(?:we|wij)\b", t[: m.start()], re.IGNORECASE):
                    group = [k for k in [self._speaker_org(ctx, i, ms)] if k]
                rtype = "PARTICIPATES_IN" if body.type == "Initiative" else "MEMBER_OF"
                if rtype == "MEMBER_OF" and "partner" in m.group() and body.type == "Organization":
                    rtype = "COLLABORATES_WITH"
                for g in group:
                    out.append(Candidate(rtype, g, body.key, s, "member-verb", 0.8))
        # "X bestaat uit A, B en C" / "in X werken A, B en C samen" / "X, een samenwerking van A, B en C"
        for m in re.finditer(
            r"\b(?:bestaat|bestaan)\s+uit\s+(?:de\s+(?:gemeenten|organisaties)\s+)?|"
            r"\bsamenwerkingsverband\s+van\s+(?:de\s+(?:gemeenten\s+)?)?|"
            r"\b(?:leden|deelnemers|deelnemende\s+gemeenten)\s+(?:van\s+\S+\s+)?(?:zijn\s+)?",
            t,
            re.IGNORECASE,
        ):
            before = [b for b in bodies if b.end <= s.start + m.start()]
            if not before:
                continue
            group = _coordinated(
                ctx.text, [x for x in members if x.start >= s.start + m.end()], s.start + m.end()
            )
            for g in group:
                out.append(Candidate("MEMBER_OF", g.key, before[-1].key, s, "member-consists-of", 0.75))
        for m in re.finditer(r"^\s*(?:In|Binnen)\s+(?:(?:de|het)\s+)?", t):
            body = next((b for b in bodies if b.start == s.start + m.end()), None)
            if body and re.search(r"\bwerken\b.*\bsamen\b", t):
                after = [x for x in members if x.start > body.end]
                for g in _coordinated(ctx.text, after, after[0].start if after else 0):
                    out.append(Candidate("MEMBER_OF", g.key, body.key, s, "member-in-x-werken-samen", 0.7))
        # first person: "Dat doen we in het Overleg X" after "werken we ... samen"
        words = set(re.findall(r"\w+", t))
        if words & FIRST_PERSON_PLURAL:
            prev = ctx.sentences[i - 1].text if i > 0 else ""
            if re.search(r"samen(?:werk|\b)", t + " " + prev, re.IGNORECASE):
                speaker_org = self._speaker_org(ctx, i, ms)
                for m in re.finditer(
                    r"(?:\b(?:doen|werken|zitten|participeren|zijn|nemen)\s+(?:we|wij)\b|\b(?:we|wij)\s+"
                    r"(?:doen|werken|zitten|participeren|zijn|nemen))[^.]{0,40}?\b(?:in|binnen|deel aan)"
                    r"\s+(?:(?:het|de)\s+)",
                    t,
                ):
                    body = next(
                        (b for b in bodies if b.start == s.start + m.end() and b.type == "Organization"), None
                    )
                    if body and speaker_org:
                        out.append(Candidate("MEMBER_OF", speaker_org, body.key, s, "member-speaker", 0.6))
        return out

    def participations(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        out = []
        t = s.text
        inits = [m for m in ms if m.type == "Initiative"]
        actors = [m for m in ms if m.type in ORGLIKE | {"Person"} and m.type != "Region"]
        # the organiser in an acronym-prefixed initiative: "VNG-congres"
        for m in inits:
            org = m.attrs.get("organiser")
            if org:
                hit = next(
                    (
                        a
                        for a in ctx.mentions
                        if a.type == "Organization" and (a.attrs.get("acronym") == org or a.text == org)
                    ),
                    None,
                )
                if hit:
                    out.append(
                        Candidate("PARTICIPATES_IN", hit.key, m.key, s, "participates-organiser", 0.75)
                    )
        refs = self._initiative_refs(ctx, i, s, inits)
        for ref_start, ref_end, init_key in refs:
            # "INIT van (de) ORG": the organisation runs it
            after = re.match(r"\s+(?:van|door)\s+(?:(?:de|het)\s+)?", ctx.text[ref_end:])
            if after:
                pos = ref_end + after.end()
                org = next((a for a in actors if a.start == pos and a.type in ORGLIKE), None)
                if org:
                    out.append(Candidate("PARTICIPATES_IN", org.key, init_key, s, "participates-van", 0.75))
            # "X is betrokken bij INIT", "X ontwikkelt (samen met ...) INIT"
            verb = re.search(
                r"\b(?:betrokken\s+bij|ontwikkel\w*|organiseer\w*|organiseren|start\w*|lanceer\w*|"
                r"leid(?:t|en)|coördineer\w*|financier\w*|ondersteun\w*|initieer\w*|nemen\s+deel\s+aan|"
                r"neemt\s+deel\s+aan|doe[tn]\s+mee\s+aan|participe\w+\s+in|opgezet|opgericht|bedacht|"
                r"werk(?:t|en)\s+(?:\w+\s+){0,2}aan|volg(?:t|en)|begeleid\w*|evalue\w*|onderzoek(?:t|en)|"
                r"verantwoordelijk\s+voor(?:\s+de\s+uitvoering\s+van)?|trekker\s+van|penvoerder\s+van|"
                r"voer(?:t|en)\s+(?:\w+\s+)?uit|uitvoer\w*)\b"
                r"[^.]{0,80}$",
                ctx.text[s.start : ref_start],
                re.IGNORECASE,
            )
            if verb:
                vpos = s.start + verb.start()
                subj = [a for a in actors if a.end <= vpos]
                subj = (
                    subj[-1:]
                    if subj
                    else [
                        a
                        for a in actors
                        if vpos <= a.start < ref_start
                        and not re.search(r"\bmet\s+(?:\S+\s+)?$", ctx.text[s.start : a.start])
                    ]
                )
                if not subj:
                    speaker = self._first_person_actor(ctx, i, t)
                    pron = re.search(r"\b(?:hij|zij|ze)\b", ctx.text[s.start : ref_start], re.IGNORECASE)
                    if speaker:
                        out.append(
                            Candidate("PARTICIPATES_IN", speaker, init_key, s, "participates-speaker", 0.6)
                        )
                    elif pron:
                        who = self._antecedent(ctx, i, pron.group().lower())
                        if who is not None:
                            out.append(
                                Candidate(
                                    "PARTICIPATES_IN", who.key, init_key, s, "participates-pronoun", 0.6
                                )
                            )
                for a in subj[:1]:
                    out.append(Candidate("PARTICIPATES_IN", a.key, init_key, s, "participates-verb", 0.8))
                    # "Als voorzitter van X is Y betrokken bij INIT": X takes part too
                    als = re.search(r"\bals\s+\S+(?:\s+\S+)?\s+van\s+(?:(?:de|het)\s+)?", t, re.IGNORECASE)
                    if als and a.type == "Person":
                        org = next(
                            (o for o in actors if o.start == s.start + als.end() and o.type in ORGLIKE), None
                        )
                        if org:
                            out.append(
                                Candidate(
                                    "PARTICIPATES_IN", org.key, init_key, s, "participates-als-van", 0.65
                                )
                            )
            # "Ook X is bij de deal betrokken", "X voert het programma Y uit": the verb after it
            if re.match(r"\s+(?:\w+\s+){0,3}?(?:betrokken|uit)\b", ctx.text[ref_end : s.end]) and re.search(
                r"\b(?:is|zijn|raakt|raakten|bij|voert|voeren)\s+(?:\w+\s+)?$|\bbij\s+(?:de|het)?\s*$",
                ctx.text[s.start : ref_start],
            ):
                for a in [a for a in actors if a.end <= ref_start and a.type != "Region"][-1:]:
                    out.append(
                        Candidate("PARTICIPATES_IN", a.key, init_key, s, "participates-betrokken-bij", 0.7)
                    )
            # "INIT, georganiseerd door A en B" / "wordt uitgevoerd door A"
            by = re.match(
                r"[^.;]{0,40}?\b(?:georganiseerd|uitgevoerd|ontwikkeld|gefinancierd|opgezet|gedragen|"
                r"geleid|getrokken|geïnitieerd)\s+door\s+(?:(?:de|het)\s+)?",
                ctx.text[ref_end : s.end],
            )
            if by:
                pos = ref_end + by.end()
                for a in _coordinated(
                    ctx.text, [a for a in actors if a.start >= pos and a.type != "Region"], pos
                ):
                    out.append(Candidate("PARTICIPATES_IN", a.key, init_key, s, "participates-door", 0.75))
            # "Met het initiatief INIT zorgde zij ervoor": the person just mentioned
            if re.search(
                r"\b(?:met|via)\s+(?:het|de|dit)\s+(?:initiatief|project|programma)\s+\S*$",
                ctx.text[s.start : ref_start + 1],
                re.IGNORECASE,
            ) and re.search(r"\b(?:zij|hij|ze)\b", ctx.text[ref_end : s.end]):
                prev = [
                    m
                    for m in ctx.mentions
                    if m.type == "Person"
                    and m.end <= s.start
                    and m.start >= ctx.sentences[max(0, i - 2)].start
                ]
                if prev:
                    out.append(
                        Candidate("PARTICIPATES_IN", prev[-1].key, init_key, s, "participates-pronoun", 0.6)
                    )
        # "A en B trekken geld uit voor INIT", "A financiert INIT", "A doet onderzoek binnen INIT"
        for init in inits:
            head = ctx.text[s.start : init.start]
            if re.search(
                r"\b(?:uit\s+voor|financier\w*|subsidie\w*|investeer\w*|investeren|beschikbaar\s+voor|"
                r"betaalt|betalen|bijdrage\s+aan)\s+(?:(?:het|de)\s+)?(?:(?:programma|project)\s+)?$",
                head,
            ) or re.search(r"\b(?:binnen|in het kader van)\s+(?:(?:het|de)\s+)?$", head):
                subj = [a for a in actors if a.end <= init.start and a.type in ORGLIKE and a.type != "Region"]
                for a in _coordinated_backwards(ctx.text, subj[:2]) if subj else []:
                    out.append(Candidate("PARTICIPATES_IN", a.key, init.key, s, "participates-funds", 0.65))
        # broad rule: a sentence that names an initiative and says someone acts on it
        if refs and _ACTS_ON.search(t):
            already = {c.source for c in out}
            for a in actors:
                if a.type not in {"Organization", "Municipality"} or a.key in already:
                    continue
                before = ctx.text[max(s.start, a.start - 30) : a.start]
                if re.search(r"\b(?:in|te|uit|naar|van|voor)\s+(?:de\s+|het\s+)?$", before):
                    continue  # a place, or a qualifier ("directeur van X", "in Zwolle")
                for _, _, init_key in refs[:1]:
                    out.append(Candidate("PARTICIPATES_IN", a.key, init_key, s, "participates-acts-on", 0.5))
        # "X is (met ...) betrokken." without an object: the initiative just talked about
        if not refs and re.search(r"\bbetrokken\s*[.!]?\s*$", t.strip()):
            init = ctx.last_initiative[i - 1] if i > 0 else None
            if init:
                subj = [a for a in actors if a.type in ORGLIKE]
                if subj:
                    out.append(
                        Candidate("PARTICIPATES_IN", subj[0].key, init, s, "participates-betrokken", 0.6)
                    )
        # "Daar wordt ook het X-onderzoek gepresenteerd": taking part in the event just named
        if (
            not refs
            and re.match(r"\s*(?:Daar|Tijdens\s+(?:het|de|dit)\s+\w+)\b", t)
            and re.search(r"\b(?:gepresenteerd|presenteert|presenteren|spreekt|verzorgt)\b", t)
        ):
            init = ctx.last_initiative[i - 1] if i > 0 else None
            for a in actors:
                if init and a.type == "Organization":
                    out.append(Candidate("PARTICIPATES_IN", a.key, init, s, "participates-daar", 0.55))
        return out

    def paragraph_participation(
        self, ctx: Context, i: int, s: Sentence, ms: list[Mention]
    ) -> list[Candidate]:
        """Participation stated about the paragraph's initiative without naming it again: "Deelnemers
        zijn A en B.", "De uitvoering ligt bij C.", "Ook D doet mee.", "Namens E ondertekende F.",
        "Het onderzoek wordt uitgevoerd door G." Where the paragraph is about a body rather than an
        initiative, "Deelnemers zijn ..." and "maken deel uit van de regeling" are membership."""
        if any(m.type == "Initiative" for m in ms):
            return []
        topic = self._topic(ctx, i)
        if topic is None:
            return []
        intro = self._list_intro(ctx, i)
        if intro is not None:
            kind, topic_key = intro
            rtype = "PARTICIPATES_IN" if ctx.types.get(topic_key) == "Initiative" else "MEMBER_OF"
            return [
                Candidate(
                    rtype,
                    a.key,
                    topic_key,
                    s,
                    "participates-list" if rtype == "PARTICIPATES_IN" else "member-list",
                    0.55,
                )
                for a in ms
                if a.type in {"Organization", "Municipality"}
                and a.key != topic_key
                and not re.search(r"\b(?:in|te|uit|naar)\s+(?:de\s+|het\s+)?$", ctx.text[s.start : a.start])
            ]
        if not _PARTICIPATION_CUE.search(s.text) or ctx.types.get(topic) != "Initiative":
            return []
        if topic is None:
            return []
        rtype = "PARTICIPATES_IN" if ctx.types.get(topic) == "Initiative" else "MEMBER_OF"
        actors = [
            a
            for a in ms
            if a.type in {"Organization", "Municipality"}
            and a.key != topic
            and not re.search(r"\b(?:in|te|uit|naar)\s+(?:de\s+|het\s+)?$", ctx.text[s.start : a.start])
        ]
        if rtype == "PARTICIPATES_IN" and re.search(
            r"\b(?:namens|ondertek\w*|handtekening|tekende|leidt|leiden)\b", s.text, re.IGNORECASE
        ):
            actors += [a for a in ms if a.type == "Person"]
        out = [
            Candidate(
                rtype,
                a.key,
                topic,
                s,
                "participates-paragraph" if rtype == "PARTICIPATES_IN" else "member-paragraph",
                0.5,
            )
            for a in actors
        ]
        if re.search(r"\b(?:we|wij|onze|ons)\b", s.text, re.IGNORECASE):
            org = self._speaker_org(ctx, i, ms)
            if org and org != topic:
                out.append(Candidate(rtype, org, topic, s, "participates-paragraph-speaker", 0.5))
        return out

    def _list_intro(self, ctx: Context, i: int) -> tuple[str, str] | None:
        """A bullet item under an intro line ending in a colon that names partners, members or
        participants of something: ("participants" | "members", the initiative or body)."""
        if not re.match(
            r"\s*[•·*\-–]\s",
            ctx.text[ctx.sentences[i].start - 2 if ctx.sentences[i].start >= 2 else 0 : ctx.sentences[i].end],
        ) and not re.match(r"[•·*\-–]\s", ctx.sentences[i].text):
            return None
        for j in range(i - 1, max(-1, i - 12), -1):
            t = ctx.sentences[j].text
            if re.match(r"[•·*\-–]\s", t):
                continue
            if not t.rstrip().endswith(":") or not re.search(
                r"\b(?:partners|deelnemers|leden|betrokken|ondertekenaars|aangesloten|doen mee|nemen deel)\b",
                t,
                re.IGNORECASE,
            ):
                return None
            named = [
                m
                for m in ctx.mentions
                if ctx.sentences[j].start <= m.start < ctx.sentences[j].end
                and m.type in {"Initiative", "Organization", "Region"}
            ]
            inits = [m.key for m in named if m.type == "Initiative"]
            if inits:
                return "participants", inits[-1]
            if named:
                return "members", named[-1].key
            topic = self._topic(ctx, j + 1)
            return ("participants", topic) if topic else None
        return None

    def _topic(self, ctx: Context, i: int) -> str | None:
        """The initiative a paragraph is about: the last one named earlier in it, else the document's
        only initiative."""
        for j in range(i - 1, -1, -1):
            if ctx.paragraph[j] != ctx.paragraph[i] and j < i - 1:
                break
            inits = [
                m.key
                for m in ctx.mentions
                if ctx.sentences[j].start <= m.start < ctx.sentences[j].end and m.type == "Initiative"
            ]
            if inits:
                return inits[-1]
        inits = {m.key for m in ctx.mentions if m.type == "Initiative"}
        return next(iter(inits)) if len(inits) == 1 else None

    def _first_person_actor(self, ctx: Context, i: int, t: str) -> str | None:
        words = set(re.findall(r"\w+", t))
        if words & FIRST_PERSON_PLURAL:
            return self._speaker_org(ctx, i, [])
        if words & FIRST_PERSON_SINGULAR:
            return ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
        return None

    def _initiative_refs(
        self, ctx: Context, i: int, s: Sentence, inits: list[Mention]
    ) -> list[tuple[int, int, str]]:
        """Initiative mentions in the sentence, plus "het (jaarlijkse) congres" referring to the one
        initiative of the document with that head word."""
        refs = [(m.start, m.end, m.key) for m in inits]
        doc_inits: dict[str, set[str]] = {}
        for m in ctx.mentions:
            if m.type == "Initiative":
                for w in re.split(r"[\s-]+", m.text.lower()):
                    for h in INITIATIVE_HEADS:
                        if w == h or w.endswith(h):
                            doc_inits.setdefault(h, set()).add(m.key)
        for g in (
            re.finditer(rf"\b(?:het|de|dit|deze)\s+(?:\w+\s+)?(?P<h>{'|'.join(sorted(doc_inits))})\b", s.text)
            if doc_inits
            else []
        ):
            keys = doc_inits.get(g.group("h"), set())
            a, b = s.start + g.start(), s.start + g.end()
            if len(keys) == 1 and not any(m.start < b and a < m.end for m in inits):
                refs.append((a, b, next(iter(keys))))
        return refs

    def locations(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        out = []
        t = s.text
        for m in ms:
            if m.type == "Municipality" and m.attrs.get("paren"):
                prov = next(
                    (p for p in ms if p.type == "Province" and p.start > m.end and p.start - m.end <= 3), None
                )
                if prov:
                    out.append(Candidate("LOCATED_IN", m.key, prov.key, s, "located-parenthesis", 0.9))
        places = [m for m in ms if m.type in PLACES]
        things = [m for m in ms if m.type in {"Organization", "Initiative"}]
        for p in places:
            gap_re = re.search(
                r"(?:,?\s*(?:gevestigd|actief|gelegen)\s+in|\s(?:in|uit))\s+(?:de\s+(?:regio|provincie)\s+|"
                r"(?:de|het)\s+)?$",
                ctx.text[s.start : p.start],
            )
            if not gap_re:
                continue
            pos = s.start + gap_re.start()
            # a municipality lies in a province or region ("Eemnes, in de provincie Utrecht")
            subjects = things + (
                [x for x in ms if x.type == "Municipality"] if p.type in {"Province", "Region"} else []
            )
            before = sorted((x for x in subjects if x.end <= pos), key=lambda x: x.start)
            group = _coordinated_backwards(ctx.text, before) if before and pos - before[-1].end <= 1 else []
            for g in group:
                out.append(Candidate("LOCATED_IN", g.key, p.key, s, "located-in", 0.7))
        # "X is de eerste gemeente in de regio Y"
        for m in re.finditer(
            r"\b(?:gemeente|stad|dorp|kern)\s+(?:in|van)\s+(?:(?:de|het)\s+)?(?:(?:regio|provincie)\s+)?",
            t,
            re.IGNORECASE,
        ):
            pos = s.start + m.end()
            place = next(
                (p for p in places if p.start in (pos, pos - len("regio ")) or (p.start <= pos < p.end)), None
            )
            subj = [x for x in ms if x.type == "Municipality" and x.end <= s.start + m.start()]
            if place and subj and place.type in {"Province", "Region"}:
                out.append(Candidate("LOCATED_IN", subj[0].key, place.key, s, "located-gemeente-in", 0.7))
        # "X ligt (nu) in de provincie Y", "X hoorde bij Zuid-Holland", "met het hoofdkantoor in Y"
        for m in re.finditer(
            r"\b(?:ligt|lag|liggen|lagen|hoort|hoorde|hoorden|valt|viel)\s+(?:\w+\s+){0,2}?(?:in|bij|onder)\s+"
            r"(?:(?:de|het)\s+)?(?:(?:provincie|regio)\s+)?",
            t,
        ):
            pos = s.start + m.end()
            place = next((p for p in places if p.start == pos or p.start <= pos < p.end), None)
            subj = [
                x
                for x in ms
                if x.type in {"Municipality", "Organization", "Initiative"} and x.end <= s.start + m.start()
            ]
            if place and subj:
                for g in _coordinated_backwards(ctx.text, subj):
                    out.append(Candidate("LOCATED_IN", g.key, place.key, s, "located-ligt-in", 0.75))
            # "Leerdam en Zederik hoorden bij Zuid-Holland, Vianen al bij Utrecht"
            if place:
                for extra in re.finditer(
                    r",\s*(?P<x>[^,]{2,40}?)\s+(?:al\s+|nu\s+|toen\s+)?(?:bij|in)\s+",
                    ctx.text[place.end : s.end],
                ):
                    a = place.end + extra.start("x")
                    subj2 = next((x for x in ms if x.start == a and x.type == "Municipality"), None)
                    pos2 = place.end + extra.end()
                    place2 = next((p for p in places if p.start == pos2), None)
                    if subj2 and place2:
                        out.append(Candidate("LOCATED_IN", subj2.key, place2.key, s, "located-ligt-in", 0.7))
        for m in re.finditer(r"\b(?:dat|die)\s+in\s+", t):
            place = next((p for p in places if p.start == s.start + m.end()), None)
            if place and re.match(r"\s+(?:is\s+|zijn\s+)?gevestigd\b", ctx.text[place.end :]):
                subj = [x for x in ms if x.type in {"Organization"} and x.end <= s.start + m.start()]
                if subj:
                    out.append(Candidate("LOCATED_IN", subj[-1].key, place.key, s, "located-dat-in", 0.7))
        for m in re.finditer(r"\b(?:is|zijn)\s+gevestigd\s+in\s+", t):
            place = next((p for p in places if p.start == s.start + m.end()), None)
            subj = [
                x for x in ms if x.type in {"Organization", "Initiative"} and x.end <= s.start + m.start()
            ]
            if place and subj:
                out.append(Candidate("LOCATED_IN", subj[0].key, place.key, s, "located-gevestigd", 0.7))
        for m in re.finditer(r"\bin\s+(?:de\s+)?(?:(?:provincie|regio)\s+)?", t):
            place = next((p for p in places if p.start == s.start + m.end()), None)
            if place is None or not re.match(r"\s+(?:ligt|liggen|lag|lagen)\b", ctx.text[place.end :]):
                continue
            subj = [
                x
                for x in ms
                if x.type in {"Municipality", "Organization", "Initiative"}
                and x.end <= s.start + m.start()
                and x.key != place.key
            ]
            for x in subj[:2]:
                out.append(Candidate("LOCATED_IN", x.key, place.key, s, "located-ligt", 0.65))
        for m in re.finditer(r"\b(?:hoofdkantoor|hoofdzetel|zetel|vestiging|kantoor)\s+(?:\w+\s+)?in\s+", t):
            place = next((p for p in places if p.start == s.start + m.end()), None)
            subj = [x for x in ms if x.type in {"Organization"} and x.end <= s.start + m.start()]
            if place and subj:
                out.append(Candidate("LOCATED_IN", subj[-1].key, place.key, s, "located-hoofdkantoor", 0.7))
        # "de zestien gemeenten in Zuid-Limburg, waaronder A, B en C"
        for m in re.finditer(r"\bgemeenten\s+(?:in|uit|van)\s+(?:de\s+)?(?:(?:regio|provincie)\s+)?", t):
            pos = s.start + m.end()
            place = next((p for p in places if p.start == pos), None)
            if place is None:
                continue
            tail = re.match(r"\s*,?\s*(?:waaronder|zoals|namelijk|:)\s+", ctx.text[place.end : s.end])
            if tail:
                start = place.end + tail.end()
                for g in _coordinated(
                    ctx.text, [x for x in ms if x.type == "Municipality" and x.start >= start], start
                ):
                    out.append(Candidate("LOCATED_IN", g.key, place.key, s, "located-waaronder", 0.7))
        # "In Helmond wordt gebouwd aan INIT"
        lead = re.match(r"\s*(?:In|Te)\s+", t)
        if lead and re.search(
            r"\b(?:wordt|worden)\s+(?:\w+\s+)?(?:gebouwd|gerealiseerd|aangelegd|ontwikkeld|"
            r"geopend|gehouden)\b|\b(?:ligt|komt|verrijst|opent)\b",
            t,
        ):
            place = next((p for p in places if p.start == s.start + lead.end()), None)
            inits = [x for x in ms if x.type == "Initiative"]
            if place and inits:
                out.append(Candidate("LOCATED_IN", inits[0].key, place.key, s, "located-in-lead", 0.55))
        # "Op 1 mei vindt in X het congres plaats"
        if re.search(r"\bvind(?:t|en)\b.*\bplaats\b|\bwordt\s+gehouden\b|\bwerd\s+gehouden\b", t):
            refs = self._initiative_refs(ctx, i, s, [m for m in ms if m.type == "Initiative"])
            loc = re.search(r"\b(?:in|te)\s+", t)
            if refs and loc:
                place = next((p for p in places if p.start == s.start + loc.end()), None)
                if place:
                    for _, _, key in refs[:1]:
                        out.append(Candidate("LOCATED_IN", key, place.key, s, "located-plaatsvinden", 0.75))
        return out


def _coordinated(text: str, mentions: list[Mention], start: int) -> list[Mention]:
    """ "A, B en C" from `start`: mentions separated only by commas, "en", "of" and articles."""
    out: list[Mention] = []
    pos = start
    for m in sorted(mentions, key=lambda x: x.start):
        gap = text[pos : m.start]
        if out and not re.fullmatch(
            r"\)?(?:\s*\([^()]{1,20}\))?\s*(?:,|\ben\b|\bof\b|&|/)\s*\(?(?:(?:de|het)\s+)?"
            r"(?:(?:gemeente|provincie|[a-zà-ÿ-]*(?:" + _TYPE_NOUNS + r"))\s+)?",
            gap,
        ):
            break
        if not out and not re.fullmatch(
            r"\s*(?:(?:de|het|onze|hun)\s+)?(?:(?:gemeente|gemeenten|provincie|"
            r"organisaties|partners|[a-zà-ÿ-]*(?:" + _TYPE_NOUNS + r"))\s+)?"
            r"(?:(?:de|het)\s+)?",
            gap,
        ):
            break
        out.append(m)
        pos = m.end
    return out


def _coordinated_backwards(text: str, mentions: list[Mention]) -> list[Mention]:
    """The list "A, B en C" ending at the last of `mentions`."""
    ordered = sorted(mentions, key=lambda x: x.start)
    if not ordered:
        return []
    out = [ordered[-1]]
    for m in reversed(ordered[:-1]):
        gap = text[m.end : out[0].start]
        if not re.fullmatch(
            r"\)?(?:\s*\([^()]{1,20}\))?\s*(?:,|\ben\b|&|/)\s*\(?(?:(?:de|het)\s+)?"
            r"(?:(?:gemeente|provincie)\s+)?",
            gap,
        ):
            break
        out.insert(0, m)
    return out


def _own_organisation(text: str, mentions: list[Mention]) -> str | None:
    """The organisation a document speaks for: the one in its title line (a report's running title, a
    letter head), else one named far more than any other."""
    first_line_end = text.find("\n")
    head = [
        m
        for m in mentions
        if m.type == "Organization" and m.start < (first_line_end if first_line_end > 0 else len(text))
    ]
    if head:
        return head[0].key
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type == "Organization" and m.key:
            counts[m.key] = counts.get(m.key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _quoted(ctx: Context, i: int) -> bool:
    """Is sentence i inside a quotation or an interview answer (someone speaking, not the document)?"""
    s = ctx.sentences[i]
    para_start = ctx.text.rfind("\n\n", 0, s.start) + 2 if ctx.text.rfind("\n\n", 0, s.start) >= 0 else 0
    before = ctx.text[para_start : s.end]
    return bool(re.search(r"[‘“\"«]|<<|^\s*[-–—]\s", before))


def _generic_reference(ctx: Context, head: str) -> Mention | None:
    """ "het waterschap", "de hogeschool": the one organisation of the document with that head word."""
    if head in {"gemeente", "provincie"}:
        wanted = {"gemeente": "Municipality", "provincie": "Province"}[head]
        keys = {m.key for m in ctx.mentions if m.type == wanted}
    else:
        keys = {
            m.key
            for m in ctx.mentions
            if m.type == "Organization" and any(w.lower().endswith(head) for w in re.split(r"[\s-]+", m.text))
        }
    if len(keys) != 1 or len(head) < 5:
        return None
    key = keys.pop()
    return next(m for m in ctx.mentions if m.key == key)
