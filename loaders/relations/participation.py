"""Participation in initiatives (PARTICIPATES_IN): the organiser of an acronym-prefixed initiative,
verbs before and after an initiative's name ("X ontwikkelt INIT", "INIT, georganiseerd door A en B"),
funding, and statements about the paragraph's initiative that do not name it again.
"""

from __future__ import annotations

import re

from ..resolve import political_party
from ..text import Mention, Sentence
from ..vocabulary import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR
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
from .initiatives import initiative_refs, paragraph_topic
from .speakers import antecedent, speaking_org

# an initiative reference in a sentence: (start, end, initiative key)
Ref = tuple[int, int, str]

# "X is betrokken bij INIT", "X ontwikkelt (samen met ...) INIT": a verb before the initiative
VERB_BEFORE = re.compile(
    r"\b(?:betrokken\s+bij|ontwikkel\w*|organiseer\w*|organiseren|start\w*|lanceer\w*|"
    r"leid(?:t|en)|coördineer\w*|financier\w*|ondersteun\w*|initieer\w*|nemen\s+deel\s+aan|"
    r"neemt\s+deel\s+aan|doe[tn]\s+mee\s+aan|participe\w+\s+in|opgezet|opgericht|bedacht|"
    r"werk(?:t|en)\s+(?:\w+\s+){0,2}aan|volg(?:t|en)|begeleid\w*|evalue\w*|onderzoek(?:t|en)|"
    r"verantwoordelijk\s+voor(?:\s+de\s+uitvoering\s+van)?|trekker\s+van|penvoerder\s+van|"
    r"voer(?:t|en)\s+(?:\w+\s+)?uit|uitvoer\w*|vastgelegd\s+in|leg(?:t|gen|den)\s+vast\s+in|"
    r"(?:slaan|sloegen|slaat|sloeg)\s+(?:\w+\s+)?de\s+handen\s+ineen\s+(?:in|voor)|"
    r"slu(?:it|iten|iten)\s+zich\s+aan\s+bij)\b"
    r"[^.]{0,80}$",
    re.IGNORECASE,
)

# a place or a qualifier before a name: "in X", "directeur van X", "behalve X"
NOT_A_PARTY_BEFORE = re.compile(
    r"\b(?:in|te|uit|naar|van|voor|om|zonder|behalve|dan|tegen)\s+(?:de\s+|het\s+)?(?:gemeente\s+)?$"
)

# where a name is a place, not a party: "in X", "uit de X"
PLACE_BEFORE = re.compile(r"\b(?:in|te|uit|naar)\s+(?:de\s+|het\s+)?$")


def _actors(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type in ORGLIKE | {"Person"} and m.type != "Region"]


def _inits(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.type == "Initiative"]


def participations(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Every participation rule over one sentence: per initiative reference the rules around it, then
    the sentence-wide ones (the broad "acts on" rule skips parties already found)."""
    out = _organiser(ctx, i, s, ms)
    refs = initiative_refs(ctx, i, s, _inits(ms))
    for ref in refs:
        out += _run_by(ctx, s, ms, ref)
        out += _verb_before(ctx, i, s, ms, ref)
        out += _involved_after(ctx, s, ms, ref)
        out += _done_by(ctx, s, ms, ref)
        out += _with_the_initiative(ctx, i, s, ref)
    out += _funds(ctx, s, ms)
    if refs and ACTS_ON.search(s.text):
        out += _acts_on(ctx, s, ms, refs, {c.source for c in out})
    if not refs:
        out += _involved(ctx, i, s, ms) + _presented_there(ctx, i, s, ms)
    return out


def _organiser(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """The organiser in an acronym-prefixed initiative: "VNG-congres"."""
    out = []
    for m in _inits(ms):
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
                out.append(Candidate("PARTICIPATES_IN", hit.id, m.id, s, "participates-organiser", 0.75))
    return out


def _run_by(ctx: Context, s: Sentence, ms: list[Mention], ref: Ref) -> list[Candidate]:
    """ "INIT van (de) ORG": the organisation runs it."""
    _, ref_end, init_key = ref
    after = re.match(r"\s+(?:van|door)\s+(?:(?:de|het)\s+)?", ctx.text[ref_end:])
    if after:
        pos = ref_end + after.end()
        org = next((a for a in _actors(ms) if a.start == pos and a.type in ORGLIKE), None)
        if org:
            return [Candidate("PARTICIPATES_IN", org.id, init_key, s, "participates-van", 0.75)]
    return []


def _verb_before(ctx: Context, i: int, s: Sentence, ms: list[Mention], ref: Ref) -> list[Candidate]:
    """ "X is betrokken bij INIT", "X ontwikkelt (samen met ...) INIT": the subject of the verb, else
    the speaker ("we ontwikkelen INIT") or the person a pronoun points back to."""
    ref_start, _, init_key = ref
    verb = VERB_BEFORE.search(ctx.text[s.start : ref_start])
    if not verb:
        return []
    actors = _actors(ms)
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
        return _unnamed_subject(ctx, i, s, ref)
    out = [
        Candidate("PARTICIPATES_IN", a.id, init_key, s, "participates-verb", 0.8)
        for a in _coordinated_with(ctx, actors, subj[0])
    ]
    # "Als voorzitter van X is Y betrokken bij INIT": X takes part too
    als = re.search(r"\bals\s+\S+(?:\s+\S+)?\s+van\s+(?:(?:de|het)\s+)?", s.text, re.IGNORECASE)
    if als and subj[0].type == "Person":
        org = next((o for o in actors if o.start == s.start + als.end() and o.type in ORGLIKE), None)
        if org:
            out.append(Candidate("PARTICIPATES_IN", org.id, init_key, s, "participates-als-van", 0.65))
    return out


# what joins the parties of one subject: "A, B en C", "A samen met B", "A en de provincie B"
_COORDINATION = re.compile(
    r"\s*(?:,\s*(?:en\s+)?|en\s+|&\s*|samen\s+met\s+|met\s+)(?:(?:de|het)\s+)?"
    r"(?:(?:gemeenten?|provincies?|waterschappen|waterschap)\s+)?"
)


def _coordinated_with(ctx: Context, actors: list[Mention], last: Mention) -> list[Mention]:
    """The subject ending in `last` with the parties coordinated before it ("Goes, Kapelle en Tholen
    doen mee aan ..."): every one of them is a subject of the verb."""
    subject = [last]
    before = [a for a in actors if a.end <= last.start and a.type != "Person"]
    for a in reversed(before):
        if not _COORDINATION.fullmatch(ctx.text[a.end : subject[0].start]):
            break
        subject.insert(0, a)
    return subject if last.type != "Person" else [last]


def _unnamed_subject(ctx: Context, i: int, s: Sentence, ref: Ref) -> list[Candidate]:
    """The verb's subject is "we", "ik" or "hij"/"zij": the speaker, else the person meant."""
    ref_start, _, init_key = ref
    speaker = _first_person_actor(ctx, i, s.text)
    if speaker:
        return [Candidate("PARTICIPATES_IN", speaker, init_key, s, "participates-speaker", 0.6)]
    pron = re.search(r"\b(?:hij|zij|ze)\b", ctx.text[s.start : ref_start], re.IGNORECASE)
    who = antecedent(ctx, i, pron.group().lower()) if pron else None
    if who is not None:
        return [Candidate("PARTICIPATES_IN", who.id, init_key, s, "participates-pronoun", 0.6)]
    return []


def _involved_after(ctx: Context, s: Sentence, ms: list[Mention], ref: Ref) -> list[Candidate]:
    """ "Ook X is bij de deal betrokken", "X voert het programma Y uit": the verb after it."""
    ref_start, ref_end, init_key = ref
    if re.match(r"\s+(?:\w+\s+){0,3}?(?:betrokken|uit)\b", ctx.text[ref_end : s.end]) and re.search(
        r"\b(?:is|zijn|raakt|raakten|bij|voert|voeren)\s+(?:\w+\s+)?$|\bbij\s+(?:de|het)?\s*$",
        ctx.text[s.start : ref_start],
    ):
        return [
            Candidate("PARTICIPATES_IN", a.id, init_key, s, "participates-betrokken-bij", 0.7)
            for a in [a for a in _actors(ms) if a.end <= ref_start and a.type != "Region"][-1:]
        ]
    return []


def _done_by(ctx: Context, s: Sentence, ms: list[Mention], ref: Ref) -> list[Candidate]:
    """ "INIT, georganiseerd door A en B" / "wordt uitgevoerd door A"."""
    _, ref_end, init_key = ref
    by = re.match(
        r"[^.;]{0,40}?\b(?:georganiseerd|uitgevoerd|ontwikkeld|gefinancierd|opgezet|gedragen|"
        r"geleid|getrokken|geïnitieerd)\s+door\s+(?:(?:de|het)\s+)?",
        ctx.text[ref_end : s.end],
    )
    if not by:
        return []
    pos = ref_end + by.end()
    return [
        Candidate("PARTICIPATES_IN", a.id, init_key, s, "participates-door", 0.75)
        for a in coordinated(ctx.text, [a for a in _actors(ms) if a.start >= pos and a.type != "Region"], pos)
    ]


def _with_the_initiative(ctx: Context, i: int, s: Sentence, ref: Ref) -> list[Candidate]:
    """ "Met het initiatief INIT zorgde zij ervoor": the person just mentioned."""
    ref_start, ref_end, init_key = ref
    if re.search(
        r"\b(?:met|via)\s+(?:het|de|dit)\s+(?:initiatief|project|programma)\s+\S*$",
        ctx.text[s.start : ref_start + 1],
        re.IGNORECASE,
    ) and re.search(r"\b(?:zij|hij|ze)\b", ctx.text[ref_end : s.end]):
        since = ctx.sentences[max(0, i - 2)].start
        prev = [m for m in ctx.starting_in(since, s.start) if m.type == "Person" and m.end <= s.start]
        if prev:
            return [Candidate("PARTICIPATES_IN", prev[-1].id, init_key, s, "participates-pronoun", 0.6)]
    return []


def _funds(ctx: Context, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "A en B trekken geld uit voor INIT", "A financiert INIT", "A doet onderzoek binnen INIT"."""
    out = []
    actors = _actors(ms)
    for init in _inits(ms):
        head = ctx.text[s.start : init.start]
        if re.search(
            r"\b(?:uit\s+voor|financier\w*|subsidie\w*|investeer\w*|investeren|beschikbaar\s+voor|"
            r"betaalt|betalen|bijdrage\s+aan)\s+(?:(?:het|de)\s+)?(?:(?:programma|project)\s+)?$",
            head,
        ) or re.search(r"\b(?:binnen|in het kader van)\s+(?:(?:het|de)\s+)?$", head):
            subj = [a for a in actors if a.end <= init.start and a.type in ORGLIKE and a.type != "Region"]
            for a in coordinated_backwards(ctx.text, subj[:2]) if subj else []:
                out.append(Candidate("PARTICIPATES_IN", a.id, init.id, s, "participates-funds", 0.65))
    return out


def _acts_on(
    ctx: Context, s: Sentence, ms: list[Mention], refs: list[Ref], already: set[str]
) -> list[Candidate]:
    """Broad rule: a sentence that names an initiative and says someone acts on it; the parties not
    found by a narrower rule take part in its first initiative."""
    out = []
    for a in _actors(ms):
        if a.type not in {"Organization", "Municipality"} or a.key in already:
            continue
        if NOT_A_PARTY_BEFORE.search(ctx.text[max(s.start, a.start - 30) : a.start]) or dateline(ctx, a):
            continue  # a place, a qualifier ("directeur van X"), one left out, a dateline
        if a.type == "Municipality" and a.text in _initiative_name(ctx, refs[0][2]):
            continue  # "het Akkoord van Groningen": the place an initiative is named after
        out.append(Candidate("PARTICIPATES_IN", a.id, refs[0][2], s, "participates-acts-on", 0.5))
    return out


def _involved(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "X is (met ...) betrokken." without an object: the initiative just talked about."""
    if not re.search(r"\bbetrokken\s*[.!]?\s*$", s.text.strip()):
        return []
    init = ctx.last_initiative[i - 1] if i > 0 else None
    subj = [a for a in _actors(ms) if a.type in ORGLIKE]
    if init and subj:
        return [Candidate("PARTICIPATES_IN", subj[0].id, init, s, "participates-betrokken", 0.6)]
    return []


def _presented_there(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """ "Daar wordt ook het X-onderzoek gepresenteerd": taking part in the event just named."""
    t = s.text
    if not (
        re.match(r"\s*(?:Daar|Tijdens\s+(?:het|de|dit)\s+\w+)\b", t)
        and re.search(r"\b(?:gepresenteerd|presenteert|presenteren|spreekt|verzorgt)\b", t)
    ):
        return []
    init = ctx.last_initiative[i - 1] if i > 0 else None
    if not init:
        return []
    return [
        Candidate("PARTICIPATES_IN", a.id, init, s, "participates-daar", 0.55)
        for a in _actors(ms)
        if a.type == "Organization"
    ]


def paragraph_participation(ctx: Context, i: int, s: Sentence, ms: list[Mention]) -> list[Candidate]:
    """Participation stated about the paragraph's initiative without naming it again: "Deelnemers
    zijn A en B.", "De uitvoering ligt bij C.", "Ook D doet mee.", "Namens E ondertekende F.",
    "Het onderzoek wordt uitgevoerd door G." Under an intro line about a body rather than an
    initiative ("Deelnemers aan de regeling zijn:"), the listed items are members."""
    if any(m.type == "Initiative" for m in ms):
        return []
    topic = paragraph_topic(ctx, i)
    if topic is None:
        return []
    intro = _list_intro(ctx, i)
    if intro is not None:
        return _listed_under_intro(ctx, s, ms, intro[1])
    if not PARTICIPATION_CUE.search(s.text) or ctx.types.get(topic) != "Initiative":
        return []
    actors = [
        a
        for a in ms
        if a.type in {"Organization", "Municipality", "Province"}
        and a.key != topic
        and not PLACE_BEFORE.search(ctx.text[s.start : a.start])
        and not dateline(ctx, a)
        and not political_party(a)  # "heemraad namens ‘Water Wonen en Natuur’": a party, no participant
    ]
    # "ondertekende de deal met gedeputeerde Y": the persons who sign; not those who speak, lead or
    # are named in a contract's header for a party ("namens deze: de heer Y")
    if re.search(r"\b(?:ondertek\w*|handtekening|tekende|tekenden)\b", s.text, re.IGNORECASE):
        actors += [a for a in ms if a.type == "Person"]
    out = [Candidate("PARTICIPATES_IN", a.id, topic, s, "participates-paragraph", 0.5) for a in actors]
    if re.search(r"\b(?:we|wij|onze|ons)\b", s.text, re.IGNORECASE):
        org = speaking_org(ctx, i, ms)
        if org and org != topic:
            out.append(Candidate("PARTICIPATES_IN", org, topic, s, "participates-paragraph-speaker", 0.5))
    return out


def _listed_under_intro(ctx: Context, s: Sentence, ms: list[Mention], topic_key: str) -> list[Candidate]:
    """A bullet item under "Partners zijn:": each organisation or municipality in it."""
    rtype = "PARTICIPATES_IN" if ctx.types.get(topic_key) == "Initiative" else "MEMBER_OF"
    rule = "participates-list" if rtype == "PARTICIPATES_IN" else "member-list"
    return [
        Candidate(rtype, a.id, topic_key, s, rule, 0.55)
        for a in ms
        if a.type in {"Organization", "Municipality"}
        and a.key != topic_key
        and not PLACE_BEFORE.search(ctx.text[s.start : a.start])
    ]


def _list_intro(ctx: Context, i: int) -> tuple[str, str] | None:
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
        inits = [m.id for m in named if m.type == "Initiative"]
        if inits:
            return "participants", inits[-1]
        if named:
            return "members", named[-1].id
        topic = paragraph_topic(ctx, j + 1)
        return ("participants", topic) if topic else None
    return None


def _first_person_actor(ctx: Context, i: int, t: str) -> str | None:
    words = set(re.findall(r"\w+", t))
    if words & FIRST_PERSON_PLURAL:
        return speaking_org(ctx, i, [])
    if words & FIRST_PERSON_SINGULAR:
        return ctx.speaker_at[i] if i < len(ctx.speaker_at) else None
    return None


def _initiative_name(ctx: Context, key: str) -> str:
    """The name an initiative goes by in the document (its first mention)."""
    first = ctx.first_by_key.get(key)
    return first.text if first is not None else ""
