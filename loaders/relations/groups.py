"""Group relations: which organisations belong to a body, take part in a deal, or work together,
read from coordination lists and the phrases that refer back to lists and bodies.

Membership (SCHEMA Conventions): municipalities that work together in, set up, make up, or have
their work carried out by a named body are MEMBER_OF it; so is a municipality whose mayor or
alderman sits on the body's board. A multi-party agreement gets PARTICIPATES_IN from each party.
COLLABORATES_WITH is kept for lists that "gaan samenwerken" without a named body.
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from .common import MUNICIPAL_ROLES, ORGLIKE, PROVINCIAL_ROLES, Candidate, Context
from .lists import ANAPHOR, anaphors_in, party_list, party_list_backwards, resolve_anaphor, sentence_lists

BODY_TYPES = {"Organization", "Region"}
MEMBER_TYPES = {"Organization", "Municipality", "Province"}

# a body carrying out work for its members, or a cooperation area: what a council sends a board
# member to. General vocabulary of Dutch public cooperation, not names.
COOPERATION_BODY = re.compile(
    r"dienst|regio|ggd|ghor|samenwerking|gemeenschappelijke|verband|veiligheid|belasting|"
    r"werkbedrijf|schap\b|afval|recreatie|netwerk|platform|overleg|raad\b|coalitie|alliantie",
    re.IGNORECASE,
)

# predicates with the members before them and the body right after
MEMBER_PREDICATE = re.compile(
    r"\b(?:is|zijn|werd|werden|was|waren|blijft|blijven)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:lid|aangesloten|deelnemer|onderdeel)\s+(?:van|bij)\s+"
    r"|\blid\s+(?:werd|werden|is|was|zijn|geworden)\s+van\s+"
    r"|\b(?:maakt|maken|maakte|maakten)\s+(?:[\w-]+\s+){0,4}?deel\s+uit\s+van\s+"
    r"|\b(?:sluit|sluiten|sloot|sloten)\s+(?:[\w-]+\s+){0,3}?aan\s+bij\s+"
    r"|\b(?:werken|werkt|werkten|werkte)\s+(?:[\w-]+\s+){0,5}?samen\s+(?:in|binnen)\s+"
    r"|\b(?:samenwerken|samenwerkt|samenwerkten|samen\s+te\s+werken)\s+(?:in|binnen)\s+"
    r"|\b(?:vormen|vormden)\s+(?:(?:zij|ze|samen)\s+){0,2}(?:(?:de|het)\s+(?:nieuwe\s+)?"
    r"(?:organisatie|samenwerkingsverband)\s+van\s+)?",
    re.IGNORECASE,
)

# "X is een samenwerkingsverband van A, B en C": the body first, the members after
BODY_OF = re.compile(
    r"\b(?:is|was|zijn|vormt)\s+(?:[\w-]+\s+){0,3}?(?:een|het|de)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:samenwerkingsverband|gemeenschappelijke\s+regeling|samenwerking|netwerk|verband|"
    r"uitvoeringsorganisatie|organisatie|uitvoeringsdienst|overleg|platform|coalitie|alliantie|"
    r"partnerschap|deal|akkoord|convenant)\s+(?:van|tussen)\s+",
    re.IGNORECASE,
)
CONSISTS_OF = re.compile(
    r"\b(?:bestaat|bestaan|bestond|bestonden|bestaande)\s+uit\s+"
    r"|\b(?:wordt|werd|worden|werden|is|zijn|was)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:bestuurd|gevormd|opgericht|samengesteld|gedragen)\s+(?:door|uit)\s+"
    r"|,\s*(?:gevormd|opgericht|samengesteld|bestuurd)\s+(?:door|uit)\s+",
    re.IGNORECASE,
)
# the body does the members' work: "OD X voert taken uit voor de gemeenten A en B"
WORKS_FOR_STRONG = re.compile(
    r"\b(?:voert|voeren|voerde|voerden)\s+(?:[\w-]+\s+){0,4}?uit\s+(?:voor|namens)\s+"
    r"|\btaken\s+(?:uitvoert\s+|uitvoeren\s+)?(?:voor|namens)\s+"
    r"|\b(?:ondersteunt|ondersteunen|ondersteunde)\s+(?=[^.;]{0,120}\bbij\s+(?:de\s+)?uitvoering)",
    re.IGNORECASE,
)
WORKS_FOR_WEAK = re.compile(
    r"\bin\s+opdracht\s+van\s+|\b(?:werkt|werken)\s+(?:[\w-]+\s+){0,2}?voor\s+",
    re.IGNORECASE,
)
# a body referred to by its kind: "het samenwerkingsverband", "deze jonge organisatie"
BODY_NP = re.compile(
    r"\b(?:het|de|deze|dit|die)\s+(?:(?:jonge|nieuwe|regionale|gezamenlijke)\s+)?"
    r"(?P<h>samenwerkingsverband|gemeenschappelijke\s+regeling|organisatie|omgevingsdienst|"
    r"veiligheidsregio|uitvoeringsdienst|dienst|regio|regeling|netwerk|ggd)\b",
    re.IGNORECASE,
)
GENERIC_HEADS = {"samenwerkingsverband", "organisatie", "regeling", "netwerk", "gemeenschappelijke regeling"}


def cooperation_body(ctx: Context, m: Mention) -> bool:
    """A Region, or an organisation whose name (or the type word just before it: "Omgevingsdienst
    [X]") says it is a body of public cooperation."""
    if m.type == "Region":
        return True
    before = ctx.text[max(0, m.start - 25) : m.start].split()
    return bool(COOPERATION_BODY.search(" ".join(before[-1:]) + " " + m.text))


BOARD = re.compile(
    r"\b(?:(?:vice-?)?voorzitter|bestuurslid|lid)\s+(?:\([^()]{1,40}\)\s+)?(?:van|in)\s+",
    re.IGNORECASE,
)
ORGAN = re.compile(
    r"(?:db|ab|(?:algemeen|dagelijks)\s+bestuur|bestuur|raad\s+van\s+toezicht|stuurgroep)", re.IGNORECASE
)
OFFICE = re.compile(
    r"\b(?P<role>burgemeester|wethouder|loco-?burgemeester|gedeputeerde|commissaris\s+van\s+de\s+koning)"
    r"\s+(?:van|in|bij)\s+(?:(?:de|het)\s+)?(?:(?:gemeente|provincie)\s+)?",
    re.IGNORECASE,
)
REPRESENTATIVE_ROLES = (MUNICIPAL_ROLES | PROVINCIAL_ROLES) - {
    "gemeentesecretaris",
    "griffier",
    "raadsgriffier",
    "raadslid",
    "gemeenteraadslid",
    "statengriffier",
    "statenlid",
    "provinciesecretaris",
    "fractievoorzitter",
    "gemeentedirecteur",
    "stadssecretaris",
    "gemeentesecretaris/algemeen directeur",
    "gemeentesecretaris en algemeen directeur",
}

SIGNING = re.compile(
    r"\b(?:ondertek\w+|tekenden|tekende|getekend|sloten|gesloten|meegewerkt\s+aan|deelnemers?\s+(?:in|aan)|"
    r"verbonden\s+aan|doen\s+mee\s+aan|nemen\s+deel\s+aan)\b",
    re.IGNORECASE,
)
DRAFTED_BY = re.compile(
    r"^\s*(?:Dit|Deze|Dat|Die|Het|De)\s+[\w-]+\s+(?:is|werd|wordt|zijn|werden)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:opgesteld|ontwikkeld|opgezet|ondertekend|gesloten|bedacht|geschreven|gemaakt|getekend)\s+"
    r"(?:[\w-]+\s+){0,3}?door\s+",
)
GO_TOGETHER = re.compile(
    r"^(?P<gap>[^.;:!?]{0,60}?)\b(?:samenwerken|samenwerkten|samen\s+(?:te\s+)?werken|samen\s+optrekken)\b",
    re.IGNORECASE,
)
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|te|uit|naar|van|bij|voor|op|rond|rondom|door|aan)\s+(?:de\s+|het\s+)?$"
)


class GroupRules:
    """Group rules, mixed into RelationExtractor."""

    def group_relations(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        out: list[Candidate] = []
        out += self._member_predicates(ctx, i, s, ms)
        out += self._body_of(ctx, i, s, ms)
        out += self._we_in_body(ctx, i, s, ms)
        out += self._board_in_sentence(ctx, i, s, ms)
        out += self._deal_parties(ctx, i, s, ms)
        return out

    # -- helpers -------------------------------------------------------------------------------
    def _subjects(
        self, ctx: Context, i: int, s: Sentence, ms: list[Mention], hi: int, predicate: str = ""
    ) -> list[Mention]:
        """The parties a predicate at `hi` is said of: the list (or list anaphor, or "zij") before it,
        or "zij" inside the predicate ("vormen zij")."""
        lo = s.start
        semi = ctx.text.rfind(";", s.start, hi)
        if semi >= 0:
            lo = semi + 1
        out = anaphors_in(ctx, i, lo, hi + len(predicate))  # "werken deze drie gemeenten samen in"
        pronoun = re.search(r"\b(?:zij|ze)\b", ctx.text[lo:hi] + " " + predicate, re.IGNORECASE)
        if pronoun and not out and i > 0:
            lists = sentence_lists(ctx, i - 1)
            if lists:
                out = max(lists, key=lambda pl: len(pl.items)).items
        if out:
            return out
        cands = [
            m
            for m in ms
            if lo <= m.start
            and m.end <= hi
            and m.type in MEMBER_TYPES
            and not PREPOSITION_BEFORE.search(ctx.text[max(s.start, m.start - 15) : m.start])
        ]
        if not cands:
            return []
        last = cands[-1]
        pl = party_list_backwards(ctx.text, [m for m in ms if m.end <= last.end], last.end, lo)
        return pl.items or [last]

    def _bodies_at(self, ctx: Context, ms: list[Mention], pos: int, end: int) -> list[Mention]:
        """The body named right at `pos` ("de Regio X", "het netwerk X") and any coordinated with it."""
        lead = re.match(r"(?:(?:de|het)\s+)?(?:[a-zà-ÿ-]+\s+){0,2}", ctx.text[pos:end])
        first = next(
            (
                m
                for m in ms
                if pos <= m.start <= pos + (lead.end() if lead else 0) and m.type in ORGLIKE | {"Initiative"}
            ),
            None,
        )
        if first is None:
            return []
        if first.type == "Initiative":
            return [first]
        pl = party_list(ctx.text, [m for m in ms if m.start >= first.start], first.start, end)
        return [b for b in (pl.items or [first]) if b.type in BODY_TYPES]

    def _body_before(self, ctx: Context, i: int, s: Sentence, ms: list[Mention], hi: int) -> Mention | None:
        """The subject body of "X is een samenwerkingsverband van ...": a body named before `hi`, else
        one referred to by its kind ("het samenwerkingsverband", "de veiligheidsregio")."""
        named = [m for m in ms if m.end <= hi and m.type in BODY_TYPES | {"Initiative"}]
        if named:
            return named[0] if named[0].start - s.start < 40 else named[-1]
        np = BODY_NP.search(ctx.text, s.start, hi)
        return self._resolve_body(ctx, i, np) if np else None

    def _resolve_body(self, ctx: Context, i: int, np: re.Match[str]) -> Mention | None:
        head = np.group("h").lower()
        for j in range(i - 1, max(-1, i - 4), -1):
            if ctx.paragraph[j] != ctx.paragraph[i] and j < i - 1:
                break
            bodies = [m for m in ctx.in_sentence(j) if m.type in BODY_TYPES]
            if head in GENERIC_HEADS:
                if bodies:
                    return bodies[0]
                continue
            hits = [m for m in bodies if head in m.text.lower()]
            if hits:
                return hits[-1]
        if head in GENERIC_HEADS:
            return None
        return self._only_body_with(ctx, head)

    def _only_body_with(self, ctx: Context, head: str) -> Mention | None:
        """The one body of the document whose name has `head` in it; computed once per head."""
        key = ("only-body", head)
        if key not in ctx.memo:
            keys = {m.key for t in BODY_TYPES for m in ctx.by_type.get(t, []) if head in m.text.lower()}
            ctx.memo[key] = ctx.first_by_key.get(keys.pop()) if len(keys) == 1 else None  # type: ignore[arg-type]
        return ctx.memo[key]  # type: ignore[return-value]

    @staticmethod
    def _add(
        out: list[Candidate],
        members: list[Mention],
        body: Mention,
        s: Sentence,
        rule: str,
        conf: float,
        ctx: Context,
    ) -> None:
        btype = ctx.types.get(body.key or "", body.type)
        rtype = "PARTICIPATES_IN" if btype == "Initiative" else "MEMBER_OF"
        for m in members:
            mtype = ctx.types.get(m.key or "", m.type)
            if m.key == body.key or m.key is None or body.key is None:
                continue
            if rtype == "MEMBER_OF" and (mtype not in MEMBER_TYPES or btype not in BODY_TYPES):
                continue
            if rtype == "PARTICIPATES_IN" and mtype not in ORGLIKE:
                continue
            out.append(Candidate(rtype, m.key, body.key, s, rule, conf))

    # -- rules ---------------------------------------------------------------------------------
    def _member_predicates(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """ "A, B en C werken samen in X", "deze drie gemeenten vormen X", "Y maakt deel uit van X",
        "Z, dat al snel lid werd van X", "vormen zij de nieuwe organisatie van X"."""
        out: list[Candidate] = []
        for m in MEMBER_PREDICATE.finditer(s.text):
            pos = s.start + m.end()
            bodies = self._bodies_at(ctx, ms, pos, s.end)
            if not bodies:
                continue
            members = self._subjects(ctx, i, s, ms, s.start + m.start(), m.group())
            # "werken A en B samen met C in X": C is a member too
            if re.search(r"samen\s+(?:in|binnen)", m.group(), re.IGNORECASE):
                met = re.search(r"\bmet\s+", m.group())
                if met:
                    mpos = s.start + m.start() + met.end()
                    members += party_list(ctx.text, [x for x in ms if x.start >= mpos], mpos, pos).items
            for body in bodies:
                self._add(out, members, body, s, "member-predicate", 0.75, ctx)
        return out

    def _body_of(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """The body first: "X is een samenwerkingsverband van A, B en C", "X bestaat uit / wordt
        bestuurd door A en B", "OD X voert taken uit voor de gemeenten A en B"."""
        out: list[Candidate] = []
        for pattern, rule, need, strong in (
            (BODY_OF, "member-body-of", 2, True),
            (CONSISTS_OF, "member-consists-of-list", 1, True),
            (WORKS_FOR_STRONG, "member-works-for", 1, True),
            (WORKS_FOR_WEAK, "member-works-for", 1, False),
        ):
            for m in pattern.finditer(s.text):
                pos = s.start + m.end()
                items = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end).items
                if rule == "member-works-for":
                    items = [x for x in items if x.type in {"Municipality", "Province"}]
                if len(items) < need:
                    continue
                hi = s.start + (m.end() if pattern is BODY_OF else m.start())
                body = self._body_before(ctx, i, s, ms, hi)
                if body is None or body.key in {x.key for x in items}:
                    continue
                if not strong and not cooperation_body(ctx, body):
                    continue
                self._add(out, items, body, s, rule, 0.7, ctx)
        return out

    def _we_in_body(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """ "Dit doen we in Regio X met gemeente A, B en C" (after "samenwerken" in the sentence
        before): the speaker's organisation and the listed ones are members of X."""
        out: list[Candidate] = []
        t = s.text
        prev = ctx.sentences[i - 1].text if i > 0 else ""
        if not re.search(r"samen", t + " " + prev, re.IGNORECASE):
            return out
        for m in re.finditer(
            r"\b(?:doen|werken|zitten|participeren)\s+(?:we|wij)\b[^.;]{0,30}?\b(?:in|binnen)\s+", t
        ):
            pos = s.start + m.end()
            bodies = self._bodies_at(ctx, ms, pos, s.end)
            if not bodies:
                continue
            body = bodies[0]
            members: list[Mention] = []
            after = re.match(r"\s+(?:samen\s+)?met\s+", ctx.text[body.end : s.end])
            if after:
                p2 = body.end + after.end()
                members = party_list(ctx.text, [x for x in ms if x.start >= p2], p2, s.end).items
            org = self._speaker_org(ctx, i, ms)  # type: ignore[attr-defined]
            if org and org in ctx.first_by_key:
                members.append(ctx.first_by_key[org])
            self._add(out, members, body, s, "member-we-in", 0.65, ctx)
        return out

    def _board_in_sentence(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """ "De burgemeester van A is ook voorzitter van de Regio X", "wethouder in A en bestuurslid
        van de Omgevingsdienst X": the municipality is represented on the body's board."""
        out: list[Candidate] = []
        offices = []
        for o in OFFICE.finditer(s.text):
            pos = s.start + o.end()
            seat = next((m for m in ms if m.start == pos and m.type in {"Municipality", "Province"}), None)
            if seat is not None:
                offices.append(seat)
        if not offices:
            return out
        for body in self._boards(ctx, s, ms):
            self._add(out, offices[:1], body, s, "member-board", 0.6, ctx)
        return out

    def _boards(self, ctx: Context, s: Sentence, ms: list[Mention]) -> list[Mention]:
        """Cooperation bodies someone in the sentence is chair or board member of."""
        found = []
        for b in BOARD.finditer(s.text):
            pos = s.start + b.end()
            for m in ms:
                if m.start < pos:
                    continue
                gap = ctx.text[pos : m.start]
                if m.start - pos > 80 or re.search(r"[,;.]", gap.replace("(", "").replace(")", "")):
                    break
                if ORGAN.fullmatch(m.text.strip()):
                    continue  # "vicevoorzitter van het DB en AB van de Veiligheidsregio X"
                if m.type in BODY_TYPES and cooperation_body(ctx, m):
                    found.append(m)
                break
        return found

    def board_memberships(self, ctx: Context, found: list[Candidate]) -> list[Candidate]:
        """Across sentences: a person who is mayor, alderman or deputy of A (from the positions found)
        and chair or board member of a cooperation body X ("Ik ben lid van het algemeen bestuur van
        de Omgevingsdienst X", "Hij is ... voorzitter van de Regio X") puts A in X."""
        seats: dict[str, list[str]] = {}
        for c in found:
            if (
                c.type == "HOLDS_POSITION"
                and c.status != "former"
                and (c.role or "") in REPRESENTATIVE_ROLES
                and ctx.types.get(c.target) in {"Municipality", "Province"}
            ):
                lst = seats.setdefault(c.source, [])
                if c.target not in lst:
                    lst.append(c.target)
        out: list[Candidate] = []
        if not seats:
            return out
        for i, s in enumerate(ctx.sentences):
            ms = [m for m in ctx.in_sentence(i) if m.end <= s.end]
            bodies = self._boards(ctx, s, ms)
            if not bodies:
                continue
            holder = self._board_holder(ctx, i, s, ms)
            for seat in seats.get(holder or "", [])[:1]:
                for body in bodies:
                    if body.key and seat != body.key:
                        out.append(Candidate("MEMBER_OF", seat, body.key, s, "member-board-person", 0.55))
        return out

    def _board_holder(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> str | None:
        persons = [m for m in ms if m.type == "Person"]
        if persons:
            return persons[0].key
        pron = re.search(r"\b(?:ik|hij|zij)\b", s.text, re.IGNORECASE)
        if pron is None:
            return None
        who = self._antecedent(ctx, i, pron.group().lower())  # type: ignore[attr-defined]
        return who.key if who is not None else None

    def _deal_parties(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """Every party of a multi-party agreement takes part in it: "A, B en de provincie C
        ondertekenden de Regio Deal X", "deze partijen hebben meegewerkt aan de deal", "Dit
        ambitiedocument is opgesteld door de gemeenten A, B en C" (the initiative just named)."""
        out: list[Candidate] = []
        t = s.text
        inits = [m for m in ms if m.type == "Initiative"]
        refs = self._initiative_refs(ctx, i, s, inits)  # type: ignore[attr-defined]
        d = DRAFTED_BY.match(t)
        if d and i > 0:
            init = ctx.last_initiative[i - 1] if i - 1 < len(ctx.last_initiative) else None
            if init and not refs:
                pos = s.start + d.end()
                items = party_list(ctx.text, [x for x in ms if x.start >= pos], pos, s.end).items
                body = ctx.first_by_key.get(init)
                if body is not None:
                    self._add(out, items, body, s, "participates-drafted-by", 0.65, ctx)
        if not refs or not SIGNING.search(t):
            return out
        parties: list[Mention] = []
        for pl in sentence_lists(ctx, i):
            parties += [x for x in pl.items if x.type != "Initiative"]
        for m in ANAPHOR.finditer(t):
            parties += resolve_anaphor(ctx, i, m, s.start + m.start())
        if len({p.key for p in parties}) < 2:
            return out
        init_key = refs[0][2]
        body = ctx.first_by_key.get(init_key)
        if body is not None:
            self._add(out, parties, body, s, "participates-deal-party", 0.65, ctx)
        return out

    def go_together(self, ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
        """ "De vier gemeenten (A, B, C en D) en de provincie E gaan weer samenwerken op ...": a list
        that will work together, with no body named to work in, collaborates pairwise."""
        out: list[Candidate] = []
        for pl in sentence_lists(ctx, i):
            rest = ctx.text[pl.end : s.end]
            g = GO_TOGETHER.match(rest)
            if g is None or re.search(r"\b(?:geen|niet|nooit|hoe|of)\b", g.group("gap"), re.IGNORECASE):
                continue
            if re.match(r"\s+(?:in|binnen)\s+(?:de\s+|het\s+)?[A-Z]", rest[g.end() :]):
                continue  # "samenwerken in Regio X" is membership
            if re.search(r"\b(?:waarin|waarbinnen|daarin|hierin)\s+$", ctx.text[s.start : pl.start]):
                # "X is een voorbeeld waarin A, B en C samenwerken": members of X, not pairs
                body = next((b for b in ms if b.end <= pl.start and b.type in BODY_TYPES), None)
                if body is not None:
                    self._add(out, pl.items, body, s, "member-waarin", 0.65, ctx)
                continue
            items = [x for x in pl.items if x.type in MEMBER_TYPES | {"Region"}]
            for a in range(len(items)):
                for b in range(a + 1, len(items)):
                    out.append(
                        Candidate(
                            "COLLABORATES_WITH", items[a].key, items[b].key, s, "collab-list-samenwerken", 0.7
                        )
                    )
        return out
