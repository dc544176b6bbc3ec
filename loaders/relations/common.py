"""What every relation rule shares: candidates, the document context, role and gap patterns, list parsing."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ...graph.model import BODIES, EntityType
from ...graph.model import PLACES as PLACE_TYPES
from ..text import Mention, Sentence, literal_alternation
from ..vocabulary import ORG_TYPE_NOUNS, ROLE_MODIFIERS, ROLES

ORGLIKE = set(BODIES)

EMPLOYERS = {EntityType.ORGANIZATION, EntityType.MUNICIPALITY, EntityType.PROVINCE}

# where a position can be held: employers, and a regional cooperation's board ("voorzitter van de
# Regio Zwolle"; SCHEMA: positions on a Region are kept)
POSITION_TARGETS = EMPLOYERS | {"Region"}

PLACES = set(PLACE_TYPES)

# a trie: the same matches as the sorted "|".join of the nouns, faster
TYPE_NOUNS = literal_alternation(ORG_TYPE_NOUNS, ignore_case=True)

PARTICIPATION_CUE = re.compile(
    r"\b(?:doe[nt]\s+(?:\w+\s+){0,2}mee|deelne\w*|deelnemers\s+zijn|partners\s+zijn|ontwikkel\w*\s+(?:het|dit|dat)|"
    r"(?:het|dit|dat)\s+samen\s+met|betrokken|voer\w*\s+(?:het|dit)|financier\w*|financiering\s+komt|"
    r"ondersteun\w*\s+(?:het|dit)|werk(?:en|t)\s+(?:\w+\s+)?mee|uitvoering\s+ligt\s+bij|uitgevoerd\s+door|"
    r"georganiseerd\s+door|namens|ondertek\w*|handtekening|penvoerder|trekker|namen\s+(?:\w+\s+){0,6}deel|"
    r"nemen\s+(?:\w+\s+){0,3}deel|stel(?:den|len|t)\s+(?:\w+\s+){1,4}beschikbaar)\b",
    re.IGNORECASE,
)

ACTS_ON = re.compile(
    r"\b(?:neem\w*|nam|namen|doe[nt]|deden|betrokken|organiseer\w*|organiseren|ontwikkel\w*|voer\w*|"
    r"financier\w*|investe\w+|onderteken\w*|tekenen|tekende|tekenden|sloten|sluiten|start\w*|lanceer\w*|"
    r"presenteer\w*|leid\w*|coördineer\w*|ondersteun\w*|bouw\w*|werk\w*\s+(?:\w+\s+){0,3}(?:aan|mee|in)|"
    r"bijdra\w*|draagt|dragen|steun\w*|trekt|trekken|partner\w*|penvoerder|initiatiefnemer\w*|gastheer|"
    r"gastvrouw|sluit\w*\s+aan|aangesloten|deelne\w*|deel)\b",
    re.IGNORECASE,
)

# posts held in a project or programme rather than at an organisation
PROJECT_ROLES = frozenset(
    {
        "projectleider",
        "projectmanager",
        "kwartiermaker",
        "programmamanager",
        "programmaleider",
        "programmadirecteur",
        "penvoerder",
        "trekker",
        "projectcoördinator",
        "programmasecretaris",
    }
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
    "eerste burger",
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

ROLE_ALT = literal_alternation(ROLES, ignore_case=True)  # the roles, longest first (as a trie)

# productive role heads that form compounds: "regiodirecteur", "raadsadviseur", "innovatiemanager"
COMPOUND_HEADS = (
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
    "gedeputeerde",
    "wethouder",
    "jurist",
    "strateeg",
    "analist",
)

COMPOUND = rf"[a-zà-ÿ]{{3,}}(?:{'|'.join(COMPOUND_HEADS)})"

ROLE_RE = re.compile(
    rf"(?<![\w])(?P<mod>{ROLE_MODIFIERS}*)(?P<role>{ROLE_ALT}|{COMPOUND})(?![\w])", re.IGNORECASE
)


def role_head(role: str) -> str:
    """ "regiodirecteur" -> "directeur"; a listed role stays as it is."""
    if role in ROLES:
        return role
    return next((h for h in COMPOUND_HEADS if role.endswith(h)), role)


VERB = (
    r"(?:is|wordt|was|werd|blijft|bleef|werkt|werkte|begon|begint|start|startte|zit|zat|trad|treedt|ben|bent|"
    r"zijn|worden|waren|werden)"
)

# between a person and their role: ", ", " (49) is sinds 2021 ", " nieuwe ", " op, die per 1 mei ",
# " werkt nu als ", " was tot de opheffing "
BEFORE_ROLE = re.compile(
    # a parenthesis after the name: "(47)", "(Tiel, 1961)", "(VVD)"; where the person comes from
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:,?\s*uit\s+(?:[A-Z][\w'’-]+\s+){1,3}?,?\s*)?(?::\s*)?"
    r"(?:op\s*)?(?:,\s*(?:die\s+(?:[^\s,.;:()]+\s+){0,3}?)?|\(\s*)?"
    r"(?:(?:voorheen|eerder|daarvoor|toen|destijds|nu|thans|inmiddels|sindsdien|tevens|ook|daarnaast)\s+)?"
    rf"(?:(?:{VERB})(?:\s+(?:tot\s+en\s+met|(?!(?:en|maar|of|dat|die|met|voor|bij|van|een)\b)"
    r"[^\s,.;:()]+)){0,7}?\s+|"
    r"(?:(?:per|vanaf|sinds|met ingang van|op)\s+[^,.;:()]{1,25}?\s+)|\s*)"
    r"(?:als\s+)?(?:(?:de|het|onze|hun)\s+)?(?:(?:nieuwe|huidige|kersverse|eerste|laatste|vorige)\s+)?"
)

COORDINATION = re.compile(
    r"\s*(?:,|\ben\b|&|/)\s*(?:(?:daarvoor|eerder|daarnaast|ook|inmiddels|nu|toen)\s+)?"
    r"(?:(?:is|was|wordt|werd|werkte|werkt)\b(?:\s+[^\s,.;:]+){0,3}\s+)?"
    r"(?:als\s+)?(?:(?:de|het)\s+)?"
)

# "het Gelderse Zaltbommel", "de Friese gemeente Heerenveen": a demonym between article and name
DEMONYM = r"(?:[A-Z][\w-]+(?:se|s)\s+)?"

ORG_GAP_DIRECT = re.compile(
    rf"\s+(?:(?:de|het|the)\s+)?{DEMONYM}(?:(?:buur)?(?:gemeente|provincie)\s+)?|\s*\(\s*"
)

# "voorzitter van het dagelijks en algemeen bestuur van de X": the post is at X, not at its organ
ORGAN_GAP = re.compile(
    r"\s+(?:van|in)\s+(?:het|de|ons|onze)\s+(?:[\w-]+\s+){0,4}?(?:bestuur|directie|stuurgroep|"
    r"bestuurscommissie|college\s+van\s+bestuur|raad\s+van\s+(?:toezicht|bestuur|commissarissen))"
    r"\s+(?:van|bij)\s+(?:(?:de|het)\s+)?"
)

ORG_GAP = re.compile(
    r"(?:\s+(?!(?:maar|of|dat|die|met|is|was|heeft|zegt)\b)[\w/’'-]+){0,5}?\s*,?\s+"
    r"(?:van|bij|aan|in|voor|binnen|namens|of|at)\s+(?:(?:de|het|the)\s+)?"
    r"(?:(?:landelijke|regionale|nieuwe|huidige|gezamenlijke)\s+)?" + DEMONYM + r"(?:(?:voormalige\s+)?"
    r"(?:(?:buur)?gemeente|provincie|woningcorporatie|stichting)\s+)?"
)

APPOINT = re.compile(
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
    """What the rules know about the document beyond the sentence at hand.

    The indexes below are built once per document, so rules look mentions up by sentence, type or
    key instead of scanning every mention of the document for every sentence: that scan made
    extraction time grow with the square of a document's length.
    """

    text: str
    sentences: list[Sentence]
    mentions: list[Mention]  # in text order
    types: dict[str, str]  # entity key -> type
    positions: dict[str, list[str]] = field(default_factory=dict)  # person key -> employer keys, in order
    speaker_at: list[str | None] = field(default_factory=list)  # per sentence: the interviewee, if known
    last_initiative: list[str | None] = field(default_factory=list)
    paragraph: list[int] = field(default_factory=list)  # per sentence: which blank-line block it is in
    own_org: str | None = None  # the organisation the document speaks for ("wij" in a report or letter)
    by_type: dict[str, list[Mention]] = field(default_factory=dict)  # in text order
    first_by_key: dict[str, Mention] = field(default_factory=dict)
    # per-document results of costly lookups, keyed by (what, *arguments); each kind has its own type
    memo: dict[tuple, Any] = field(default_factory=dict)
    # "Rotterdamse" -> {GM0599}; "Utrechtse" -> {GM0344, PV26}: adjectives that name a place
    adjectives: dict[str, set[str]] = field(default_factory=dict)
    # per sentence: the mentions that start and end in it (what the sentence rules read)
    in_sentences: list[list[Mention]] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)  # for "which sentence holds offset x?"
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: m.start)  # lookups bisect on the starts
        self._starts = [m.start for m in self.mentions]
        for m in self.mentions:
            self.by_type.setdefault(m.type, []).append(m)
            if m.key is not None:
                self.first_by_key.setdefault(m.key, m)
        self.paragraph = paragraph_numbers(self.text, self.sentences)
        self.sentence_starts = [s.start for s in self.sentences]
        self.in_sentences = [
            [m for m in self.in_sentence(i) if m.end <= s.end] for i, s in enumerate(self.sentences)
        ]

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """Mentions that start at or after `lo` and before `hi`, in text order."""
        return self.mentions[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]

    def in_sentence(self, j: int) -> list[Mention]:
        """Mentions that start in sentence j."""
        s = self.sentences[j]
        return self.starting_in(s.start, s.end)


def paragraph_numbers(text: str, sentences: list[Sentence]) -> list[int]:
    """Per sentence, how many blank-line breaks precede it: one pass over the text."""
    out: list[int] = []
    count, pos = 0, 0
    for s in sentences:
        while True:
            hit = text.find("\n\n", pos, s.start)
            if hit < 0:
                break
            count += 1
            pos = hit + 2  # non-overlapping, as str.count counts
        out.append(count)
    return out


def coordinated(text: str, mentions: list[Mention], start: int) -> list[Mention]:
    """ "A, B en C" from `start`: mentions separated only by commas, "en", "of" and articles."""
    out: list[Mention] = []
    pos = start
    for m in sorted(mentions, key=lambda x: x.start):
        gap = text[pos : m.start]
        if out and not re.fullmatch(
            r"\)?(?:\s*\([^()]{1,20}\))?\s*(?:,|\ben\b|\bof\b|&|/)\s*\(?(?:(?:de|het)\s+)?"
            r"(?:(?:gemeente|provincie|[a-zà-ÿ-]*(?:" + TYPE_NOUNS + r"))\s+)?",
            gap,
        ):
            break
        if not out and not re.fullmatch(
            r"\s*(?:(?:de|het|onze|hun)\s+)?(?:(?:gemeente|gemeenten|provincie|"
            r"organisaties|partners|[a-zà-ÿ-]*(?:" + TYPE_NOUNS + r"))\s+)?"
            r"(?:(?:de|het)\s+)?",
            gap,
        ):
            break
        out.append(m)
        pos = m.end
    return out


def coordinated_backwards(text: str, mentions: list[Mention]) -> list[Mention]:
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


def own_organisation(text: str, mentions: list[Mention]) -> str | None:
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


def quoted(ctx: Context, i: int) -> bool:
    """Is sentence i inside a quotation or an interview answer (someone speaking, not the document)?"""
    s = ctx.sentences[i]
    para_start = ctx.text.rfind("\n\n", 0, s.start) + 2 if ctx.text.rfind("\n\n", 0, s.start) >= 0 else 0
    before = ctx.text[para_start : s.end]
    return bool(re.search(r"[‘“\"«]|<<|^\s*[-–—]\s", before))


def generic_reference(ctx: Context, head: str) -> Mention | None:
    """ "het waterschap", "de hogeschool": the one organisation of the document with that head word.
    Asked of many sentences, answered once per document and head word."""
    key = ("generic-reference", head)
    if key not in ctx.memo:
        ctx.memo[key] = _generic_reference(ctx, head)
    return ctx.memo[key]


def _generic_reference(ctx: Context, head: str) -> Mention | None:
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


def dateline(ctx: Context, m: Mention) -> bool:
    """ "Hillegom/streek – Op maandag ...", "ZWOLLE - ...": a place heading a news item, no party."""
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    return not ctx.text[line_start : m.start].strip() and bool(
        re.match(r"(?:/[\w-]+)?\s*[–—-]\s", ctx.text[m.end : m.end + 14])
    )


# a sentence rule: (context, sentence index, sentence, its mentions) -> candidates
SentenceRule = Callable[[Context, int, Sentence, list[Mention]], list[Candidate]]


def run_rules(
    rules: Iterable[SentenceRule], ctx: Context, i: int, s: Sentence, ms: list[Mention]
) -> list[Candidate]:
    """Every rule of a family over one sentence, their candidates in the order of the rules."""
    out: list[Candidate] = []
    for rule in rules:
        out += rule(ctx, i, s, ms)
    return out
