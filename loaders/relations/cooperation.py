"""Cooperation: collaboration, membership of bodies and participation in initiatives, in one sentence
(lists, relative clauses, appositions) and across a paragraph (its topic initiative).
"""

from __future__ import annotations

import re

from ..text import Mention, Sentence
from ..vocabulary import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, INITIATIVE_HEADS
from .common import (
    ACTS_ON,
    ORGLIKE,
    PARTICIPATION_CUE,
    Candidate,
    Context,
    coordinated,
    coordinated_backwards,
    dateline,
)
from .lists import anaphors_in, party_list


class CooperationRules:
    """Cooperation rules, mixed into RelationExtractor."""

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
                r"samenwerken met|"
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
            if not pairwise and re.search(r"samen\s+met", trig.group(), re.IGNORECASE):
                continue  # "A vormt samen met B de regio X": both are members of X
            if re.search(r"\bvorm(?:t|en|de|den)\b", t, re.IGNORECASE):
                continue  # "A vormt samen met B en C de regio X": membership of X, not pairwise work
            # "samen met onze 21 gemeenten, provincie X en ...": generic items are skipped
            right = party_list(ctx.text, [m for m in orgs if m.start >= te], te, s.end).items
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
                left = anaphors_in(
                    ctx, i, s.start, te
                )  # "Daarbij zullen de twee instellingen samenwerken met X"
            if not right:
                continue
            if left:
                subjects, conf, rule = (
                    [m.key for m in coordinated_backwards(ctx.text, left)],
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
            t if pairwise else "",  # "De Regio Deal X is een samenwerking tussen A en B": parties, no pairs
            re.IGNORECASE,
        ):
            group = party_list(
                ctx.text, [o for o in orgs if o.start >= s.start + m.end()], s.start + m.end(), s.end
            ).items
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
            r"\b(?:(?:werken|werkten|slaan|sloegen|bundelen|trekken|trokken)\b(?:(?!\b(?:niet|geen|nooit)\b)[^.]){0,40}?"
            r"\b(?:samen(?!\s+met)|(?:de\s+)?handen ineen(?!\s+\w*\s*met)|hun krachten)"
            r"|(?:hebben|sloten|tekenden)\s+(?:\w+\s+){0,2}een\s+(?:samenwerkingsovereenkomst|convenant|"
            r"intentieverklaring|partnerschap)(?![^.]{0,40}\bmet\b))",
            t if pairwise else "",
            re.IGNORECASE,
        ):
            start = s.start + m.start()
            before = [o for o in orgs if o.end <= start]
            group = coordinated_backwards(ctx.text, before)
            if len(group) > 2 and not re.search(r"samen|handen|krachten", m.group(), re.IGNORECASE):
                continue  # a convenant of three or more parties: each takes part in it, no pairs (SCHEMA)
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
            group = coordinated(ctx.text, [a for a in actors if a.start >= start], start)
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
            group = coordinated_backwards(ctx.text, before) if before else []
            add(group or before[-1:], after[0].key, "joint-doen-mee", 0.75)
        # "Daarin werken A en B samen": the initiative or body of the previous sentence
        if (
            re.match(r"\s*(?:Daarin|Hierin|Daarbinnen|Binnen dat \w+|In dat \w+)\b", t)
            and re.search(r"\bsamen|\bmee\b|\bdeel\b", t)
            and i > 0
        ):
            prev = [m for m in ctx.in_sentence(i - 1) if m.type in {"Initiative", "Organization", "Region"}]
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
                    for g in coordinated_backwards(
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
            group = coordinated(
                ctx.text, [x for x in members if x.start >= s.start + m.end()], s.start + m.end()
            )
            for g in group:
                out.append(Candidate("MEMBER_OF", g.key, before[-1].key, s, "member-consists-of", 0.75))
        for m in re.finditer(r"^\s*(?:In|Binnen)\s+(?:(?:de|het)\s+)?", t):
            body = next((b for b in bodies if b.start == s.start + m.end()), None)
            if body and re.search(r"\bwerken\b.*\bsamen\b", t):
                after = [x for x in members if x.start > body.end]
                rtype = "PARTICIPATES_IN" if body.type == "Initiative" else "MEMBER_OF"
                for g in coordinated(ctx.text, after, after[0].start if after else 0):
                    out.append(Candidate(rtype, g.key, body.key, s, "member-in-x-werken-samen", 0.7))
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
                for a in coordinated(
                    ctx.text, [a for a in actors if a.start >= pos and a.type != "Region"], pos
                ):
                    out.append(Candidate("PARTICIPATES_IN", a.key, init_key, s, "participates-door", 0.75))
            # "Met het initiatief INIT zorgde zij ervoor": the person just mentioned
            if re.search(
                r"\b(?:met|via)\s+(?:het|de|dit)\s+(?:initiatief|project|programma)\s+\S*$",
                ctx.text[s.start : ref_start + 1],
                re.IGNORECASE,
            ) and re.search(r"\b(?:zij|hij|ze)\b", ctx.text[ref_end : s.end]):
                since = ctx.sentences[max(0, i - 2)].start
                prev = [m for m in ctx.starting_in(since, s.start) if m.type == "Person" and m.end <= s.start]
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
                for a in coordinated_backwards(ctx.text, subj[:2]) if subj else []:
                    out.append(Candidate("PARTICIPATES_IN", a.key, init.key, s, "participates-funds", 0.65))
        # broad rule: a sentence that names an initiative and says someone acts on it
        if refs and ACTS_ON.search(t):
            already = {c.source for c in out}
            for a in actors:
                if a.type not in {"Organization", "Municipality"} or a.key in already:
                    continue
                before = ctx.text[max(s.start, a.start - 30) : a.start]
                if re.search(
                    r"\b(?:in|te|uit|naar|van|voor|om|zonder|behalve|dan|tegen)\s+(?:de\s+|het\s+)?"
                    r"(?:gemeente\s+)?$",
                    before,
                ) or dateline(ctx, a):
                    continue  # a place, a qualifier ("directeur van X"), one left out, a dateline
                if a.type == "Municipality" and a.text in _initiative_name(ctx, refs[0][2]):
                    continue  # "het Akkoord van Groningen": the place an initiative is named after
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
        if not PARTICIPATION_CUE.search(s.text) or ctx.types.get(topic) != "Initiative":
            return []
        if topic is None:
            return []
        rtype = "PARTICIPATES_IN" if ctx.types.get(topic) == "Initiative" else "MEMBER_OF"
        actors = [
            a
            for a in ms
            if a.type in {"Organization", "Municipality", "Province"}
            and a.key != topic
            and not re.search(r"\b(?:in|te|uit|naar)\s+(?:de\s+|het\s+)?$", ctx.text[s.start : a.start])
            and not dateline(ctx, a)
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
            named = [m for m in ctx.in_sentence(j) if m.type in {"Initiative", "Organization", "Region"}]
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
            inits = [m.key for m in ctx.in_sentence(j) if m.type == "Initiative"]
            if inits:
                return inits[-1]
        only = {m.key for m in ctx.by_type.get("Initiative", [])}
        return next(iter(only)) if len(only) == 1 else None

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
        initiative of the document with that head word. Several rules ask this of one sentence, so
        the answer is kept per sentence."""
        memo_key = ("initiative-refs", i, tuple((m.start, m.end) for m in inits))
        cached = ctx.memo.get(memo_key)
        if cached is None:
            cached = ctx.memo[memo_key] = self._find_initiative_refs(ctx, i, s, inits)
        return list(cached)  # type: ignore[call-overload]

    def _initiative_heads(self, ctx: Context) -> tuple[dict[str, set[str]], re.Pattern[str] | None]:
        """Per head word ("congres", "deal"), the document's initiatives named with it; and a pattern
        for "het/de/dit/deze (adjective) HEAD". Built once per document."""
        cached = ctx.memo.get(("initiative-heads",))
        if cached is None:
            doc_inits: dict[str, set[str]] = {}
            for m in ctx.by_type.get("Initiative", []):
                for w in re.split(r"[\s-]+", m.text.lower()):
                    for h in INITIATIVE_HEADS:
                        if w == h or w.endswith(h):
                            doc_inits.setdefault(h, set()).add(m.key)  # type: ignore[arg-type]
            pattern = (
                re.compile(
                    rf"\b(?:[Hh]et|[Dd]e|[Dd]it|[Dd]eze)\s+(?:\w+\s+)?(?P<h>{'|'.join(sorted(doc_inits))})\b"
                )
                if doc_inits
                else None
            )
            cached = ctx.memo[("initiative-heads",)] = (doc_inits, pattern)
        return cached  # type: ignore[return-value]

    def _find_initiative_refs(
        self, ctx: Context, i: int, s: Sentence, inits: list[Mention]
    ) -> list[tuple[int, int, str]]:
        refs = [(m.start, m.end, m.key) for m in inits]
        doc_inits, head_pattern = self._initiative_heads(ctx)
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
            topic = topic or self._topic(ctx, i)
            # a reference points back: the initiative must have been named before this sentence
            if topic is not None and ctx.first_by_key[topic].start < s.start:
                refs.append((a, b, topic))
        return refs  # type: ignore[return-value]


def _initiative_name(ctx: Context, key: str) -> str:
    """The name an initiative goes by in the document (its first mention)."""
    first = ctx.first_by_key.get(key)
    return first.text if first is not None else ""


GENERIC_INITIATIVE = re.compile(
    r"\b(?:het|de|dit|deze)\s+(?P<h>project|programma|congres|deal|akkoord|pilot|"
    r"leergang|lab|conferentie|campagne)\b",
    re.IGNORECASE,
)
