"""Organisations and initiatives: names with heads, acronyms, type nouns ('woningcorporatie X'),
CamelCase brands, quoted project names, domain names and capitalised single words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..reference import common_word
from ..text import QUOTES, Mention, WholeWord, is_all_caps, is_sentence_initial, literal_alternation
from ..vocabulary import (
    COMPASS,
    INITIATIVE_HEADS,
    NAME_CONNECTORS,
    NOT_NAMES,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ORG_TYPE_NOUNS,
    POLITICAL_PARTIES,
    REGION_WORDS,
    ROLES,
)
from .common import (
    ARTICLES,
    CAP,
    DEPARTMENT_WORDS,
    FUNCTION_AFTER,
    PLACE_SUFFIX,
    PREPOSITIONS,
    compound_head,
    from_match,
    initiative_head,
    is_generic,
    is_role_word,
    org_head,
)
from .gazetteer import Gazetteer

# type nouns that are the first word of official names ("Omgevingsdienst Rivierenland heeft ..."),
# unlike descriptions ("Woningcorporatie Woonzorg bouwt ...", where the name is Woonzorg)
NAME_PART_TYPES = frozenset(
    "omgevingsdienst veiligheidsregio waterschap hoogheemraadschap wetterskip hogeschool universiteit "
    "werkorganisatie samenwerkingsorganisatie uitvoeringsorganisatie".split()
)
_PARTY_NAMES = literal_alternation(POLITICAL_PARTIES)
PARTY = re.compile(rf"(?<![\w-])(?:{_PARTY_NAMES})(?![\w-])")
# the head words and type nouns, longest first, as tries (the same matches as a sorted "|".join)
_INITIATIVE_HEADS_ALT = literal_alternation(INITIATIVE_HEADS, ignore_case=True)
_TYPE_NOUNS_ALT = literal_alternation(ORG_TYPE_NOUNS, ignore_case=True)
NATIONAL_NAME = re.compile(rf"(?<![\w-])(?:{CAP}[ ]){{1,3}}Nederland(?![\w-])")

# capitalised words that open a sentence rather than continue a name
SENTENCE_OPENERS = frozenset(
    "De Het Een Deze Dit Die Dat Er In Op Met Voor Bij Na Naast Ook Zo Als Wij We Zij Ze Hij Ik".split()
)


# -- organisations and initiatives --------------------------------------------------------
def organisations(gz: Gazetteer, text: str) -> list[Mention]:
    out: list[Mention] = []
    out += _capitalised_runs(gz, text)
    out += _acronyms(gz, text)
    out += _lowercase_head_names(gz, text)
    out += _quoted_initiatives(gz, text)
    out += _domain_names(gz, text)
    out += _typed_names(gz, text)
    out += _camel_case(gz, text)
    out += _national_names(gz, text)
    out += _licensed_names(gz, text)
    out += _kind_named_bodies(gz, text)
    out += _acronym_inside_names(text)
    out += [from_match(m, "Organization", "org-party", 75, 0.9) for m in PARTY.finditer(text)]
    for m in re.finditer(rf"(?<![\w-])(?P<h>{CAP})\s(?P<n>\d{{2,4}})(?![\w.,]\d)", text):
        if org_head(m.group("h")) and m.group("h").lower() not in {"provincie", "raad"}:
            out.append(from_match(m, "Organization", "org-head-number", 61, 0.7))
    out += _single_names(gz, text)
    return out


_RUN = re.compile(rf"{CAP}(?:(?:\s(?:{'|'.join(sorted(NAME_CONNECTORS, key=len, reverse=True))}))*\s{CAP})*")
_ARTICLE_SPLIT = re.compile(r"\s(?:(?:van|voor|bij|met|in|op|aan|uit|en|of)\s)?(?:de|het|der|den)\s")
_EN_SPLIT = re.compile(r"\s(?:en|&)\s")
_LINE_SPLIT = re.compile(r"[ \t]*\n\s*")


def _capitalised_runs(gz: Gazetteer, text: str) -> list[Mention]:
    """Runs of capitalised words (with connectors) that contain an organisation/initiative head."""
    out = []
    run_re = _RUN  # compiled once: the patterns below are asked of every run
    for m in run_re.finditer(text):
        pieces = [(m.start(), m.group())]
        # "Samen Sterk van de Hogeschool Utrecht": an article inside ends one name
        splits = [
            sp
            for sp in _ARTICLE_SPLIT.finditer(m.group())
            if _stands_alone(gz, m.group()[sp.end() :].split())
        ]
        en_splits = [
            sp
            for sp in _EN_SPLIT.finditer(m.group())
            if org_head(m.group()[: sp.start()].split()[-1])
            and (
                " " not in m.group()[: sp.start()] or any(org_head(w) for w in m.group()[sp.end() :].split())
            )
            or len(m.group()[sp.end() :].split()) >= 2
            and " van " in m.group()[: sp.start()]
            # "Wetterskip Fryslân en Provinsje Fryslân": each side opens with its own head word
            or _opens_with_head(m.group()[: sp.start()]) and _opens_with_head(m.group()[sp.end() :])
        ]
        line_splits = [  # a heading line and the sentence under it are not one name
            sp
            for sp in _LINE_SPLIT.finditer(m.group())
            if _line_ends(text, m.start() + sp.start(), m.group()[sp.end() :])
        ]
        splits = sorted(splits + en_splits + line_splits, key=lambda sp: sp.start())
        if en_splits:  # "Belastingdienst en Rijkswaterstaat" are two names: the whole is none
            pieces = []
        last = 0
        for sp in splits:
            pieces.append((m.start() + last, m.group()[last : sp.start()]))
            last = sp.end()
        if splits:
            pieces.append((m.start() + last, m.group()[last:]))
        for n, (start, chunk) in enumerate(pieces):
            found = _judge_run(gz, text, start, chunk.split())
            if found:
                if n == 0 and splits and not en_splits:
                    found.priority -= 15  # a name rarely runs on over "van de": the pieces come first
                out.append(found)
    return out


def _opens_with_head(words: str) -> bool:
    """Does this part of a run start with an organisation head or a province word ("Provinsje")?"""
    first = words.split()[0] if words.split() else ""
    return first.lower() in {"provincie", "provinsje", "gemeente"} or org_head(first)


def _line_ends(text: str, pos: int, rest: str) -> bool:
    """Does the line ending at `pos` end there (a heading, or the next line starts a sentence
    with an article or pronoun), rather than run on in hard-wrapped prose?"""
    line = text[text.rfind("\n", 0, pos) + 1 : pos].split()
    first = rest.split()[0] if rest.split() else ""
    return len(line) <= 8 or first in SENTENCE_OPENERS


def _stands_alone(gz: Gazetteer, words: list[str]) -> bool:
    """Is what follows "van de" a name of its own ("... van de Hogeschool Utrecht"), rather than the
    end of one name ("Centraal Bureau voor de Statistiek")?"""
    lead = words[
        : next(
            (k for k, w in enumerate(words) if w.lower() in {"van", "voor", "en", "de", "het"}),
            len(words),
        )
    ]
    return (
        any(org_head(w) or initiative_head(w) for w in words)
        or (len(lead) >= 2 and any(is_all_caps(w) for w in lead))
        or (bool(lead) and (lead[0] in gz.ref.municipality_names or lead[0] in gz.ref.province_names))
    )


# function words a run of capitalised words may start with in a sentence: no part of the name
RUN_OPENERS = ARTICLES | {
    "als",
    "bij",
    "in",
    "met",
    "voor",
    "over",
    "door",
    "namens",
    "vanuit",
    "volgens",
    "sinds",
    "zo",
    "ook",
}


@dataclass(frozen=True)
class Run:
    """A run of capitalised words, trimmed to what may be a name."""

    text: str  # the document
    start: int
    words: list[str]

    @cached_property
    def name(self) -> str:
        return " ".join(self.words)

    @cached_property
    def end(self) -> int:
        return self.start + len(self.name)

    @cached_property
    def content(self) -> list[str]:
        """The words other than connectors ("van", "de", "en")."""
        return [w for w in self.words if w.lower() not in NAME_CONNECTORS]

    @cached_property
    def heads(self) -> list[str]:
        return [w for w in self.words if org_head(w)]

    @cached_property
    def plain(self) -> bool:
        """At least two words, none of them a connector."""
        return len(self.content) >= 2 and self.words == self.content


def _judge_run(gz: Gazetteer, text: str, start: int, words: list[str]) -> Mention | None:
    """What a run of capitalised words names, if anything: the first run rule that reads it wins."""
    start, words = _trim_run(gz, text, start, words)
    if not words or not words[0][:1].isupper():
        return None
    prev = text[max(0, start - 30) : start].split()
    if (
        prev
        and (prev[-1].lower() in ROLES or is_role_word(prev[-1]))
        and prev[-1][:1].islower()
        and not any(org_head(w) for w in words)
    ):
        return None
    run = Run(text, start, words)
    if text[start : run.end] != run.name:  # whitespace inside was a newline etc.
        return None
    for rule in RUN_RULES:
        found = rule(gz, run)
        if found is not None:
            return found
    return None


def _trim_run(gz: Gazetteer, text: str, start: int, words: list[str]) -> tuple[int, list[str]]:
    """Strip a sentence-initial article, function word or role word, "Studenten van" before an
    organisation, and trailing connectors."""
    while words and (
        words[0].lower() in RUN_OPENERS
        or (
            is_role_word(words[0])
            # "Werkorganisatie Twee Meren gaat ...": an organisation head opening a sentence stays
            or (words[0].lower() in gz.common and is_sentence_initial(text, start) and not org_head(words[0]))
        )
        and len([w for w in words[1:] if w.lower() not in NAME_CONNECTORS]) >= 2
    ):
        start += len(words[0]) + 1
        words = words[1:]
    # "Studenten van NHL Stenden Hogeschool": a plain word, then "van" and an organisation;
    # "directeur Strategie van Samenwerking X": a department after a role word
    prev = text[max(0, start - 30) : start].split()
    after_role = bool(prev) and prev[-1][:1].islower() and is_role_word(prev[-1])
    if (
        len(words) > 2
        and words[1] == "van"
        and not org_head(words[0])
        and (after_role or not initiative_head(words[0]))
        and any(org_head(w) for w in words[2:])
    ):
        start += len(words[0]) + len(words[1]) + 2
        words = words[2:]
    while words and words[-1].lower() in NAME_CONNECTORS:
        words = words[:-1]
    return start, words


def _initiative_run(gz: Gazetteer, run: Run) -> Mention | None:
    """ "Regio Deal Achterhoek", "Klimaatakkoord 2030": an initiative head word; a year after it
    belongs to the name."""
    text, end = run.text, run.end
    if not any(initiative_head(w) for w in run.words):
        return None
    if len(run.content) < 2 and not re.search(r"\d{4}", text[end : end + 6]):
        return None
    year = re.match(r"\s(\d{4}(?:\s?[–-]\s?\d{2,4})?)\b", text[end:])
    if year:
        end += year.end()
    return Mention(
        run.start, end, text[run.start : end], "Initiative", "initiative-head", priority=70, confidence=0.8
    )


def _org_head_run(gz: Gazetteer, run: Run) -> Mention | None:
    """ "Hogeschool Utrecht", "Omgevingsdienst Regio Utrecht": an organisation head word."""
    if (
        run.heads
        and len(run.content) >= 2
        and not is_generic(run.words)
        and not _first_name_and_head(gz, run)
        and run.name not in gz.ref.municipality_names  # "Hof van Twente" is a municipality
    ):
        return Mention(run.start, run.end, run.name, "Organization", "org-head", priority=60, confidence=0.85)
    return None


def _first_name_and_head(gz: Gazetteer, run: Run) -> bool:
    """ "Sanne Hof", "Anne Bank": a first name and one head word is a person whose surname is an
    ordinary word, not an organisation (those name a place or a purpose: "Hof van Twente")."""
    return len(run.words) == 2 and run.words[0] in gz.ref.first_names and run.words[1] in run.heads


def _acronym_run(gz: Gazetteer, run: Run) -> Mention | None:
    """ "HAS Hogeschool", "GGD Twente": an acronym leading a segment of the run."""
    name, offset = run.name, 0
    for segment in re.split(r"\s(?:en|&|of)\s", name):
        lead = segment.split()
        lead = lead[: next((k for k, w in enumerate(lead) if w.lower() in NAME_CONNECTORS), len(lead))]
        acronyms = [w for w in lead if is_all_caps(w) and w not in NOT_ORG_ACRONYMS]
        seg_start = run.start + name.index(segment, offset)
        offset = name.index(segment, offset) + len(segment)
        if acronyms and len(lead) >= 2 and not any(w in gz.ref.first_names for w in lead[:1]):
            acr_name = " ".join(lead)
            return Mention(
                seg_start,
                seg_start + len(acr_name),
                acr_name,
                "Organization",
                "org-acronym-name",
                priority=55,
                confidence=0.75,
            )
    return None


def _compound_run(gz: Gazetteer, run: Run) -> Mention | None:
    """ "Waterschapshuis": one word ending in an organisation head, not at a sentence start."""
    words = run.words
    if (
        run.heads
        and len(run.content) == 1
        and compound_head(words[0], ORG_HEADS)
        and words[0].lower() not in ORG_HEADS
        and not is_sentence_initial(run.text, run.start)
    ):
        return Mention(
            run.start, run.end, run.name, "Organization", "org-compound", priority=40, confidence=0.6
        )
    return None


def _region_run(gz: Gazetteer, run: Run) -> Mention | None:
    """ "Metropoolregio Amsterdam" (a region word inside), "Twente Salland" (only region names)."""
    words, content = run.words, run.content
    regions = [w for w in words if w.lower() in REGION_WORDS]
    if regions and len(content) >= 2 and words[0].lower() not in REGION_WORDS:
        return Mention(run.start, run.end, run.name, "Region", "region-head", priority=58, confidence=0.75)
    if run.plain and all(
        w in gz.ref.regions or w in gz.ref.province_names or w == "Holland" for w in content
    ):
        return Mention(run.start, run.end, run.name, "Region", "region-places", priority=59, confidence=0.7)
    return None


def _appositive_run(gz: Gazetteer, run: Run) -> Mention | None:
    """ "Noorderlicht, een samenwerkingsverband van ...": the apposition says what the name is."""
    text, end = run.text, run.end
    appositive = re.match(
        r",\s+(?:een|het|de)\s+(?:[a-zà-ÿ-]+\s+){0,2}?(?P<h>[a-zà-ÿ-]+)\b", text[end : end + 60]
    )
    if not (
        appositive
        and run.plain
        and not any(w in gz.ref.first_names or w in NOT_NAMES for w in run.content[:1])
    ):
        return None
    words_after = re.findall(r"[a-zà-ÿ-]+", text[end : end + 60].split(",", 2)[1])[:4]
    head = next(
        (w for w in words_after if initiative_head(w) or org_head(w) or w.endswith(ORG_TYPE_NOUNS)),
        appositive.group("h"),
    )
    if initiative_head(head):
        return Mention(
            run.start, end, run.name, "Initiative", "initiative-appositive", priority=56, confidence=0.7
        )
    if org_head(head) or head.endswith(ORG_TYPE_NOUNS):
        return Mention(
            run.start, end, run.name, "Organization", "org-appositive", priority=56, confidence=0.7
        )
    return None


def _repeated_run(gz: Gazetteer, run: Run) -> Mention | None:
    """A plain two-word name the text repeats, not a person's or place's name."""
    content = run.content
    if (
        run.plain
        and not is_sentence_initial(run.text, run.start)
        and run.text.count(run.name) >= 2
        and not any(w in gz.ref.first_names for w in content[:1])
        and not any(w in NOT_NAMES or w in gz.ref.municipality_names for w in content)
    ):
        return Mention(
            run.start, run.end, run.name, "Organization", "org-repeated-name", priority=35, confidence=0.55
        )
    return None


# the rules that read a run, in order: the first that gives a mention wins
RUN_RULES: tuple[Callable[[Gazetteer, Run], Mention | None], ...] = (
    _initiative_run,
    _org_head_run,
    _acronym_run,
    _compound_run,
    _region_run,
    _appositive_run,
    _repeated_run,
)


def _acronyms(gz: Gazetteer, text: str) -> list[Mention]:
    """All-capital acronyms (VNG, GGD), also inside hyphenated words ("VNG-voorzitter"), and the
    compounds and initiatives they head ("VNG-congres")."""
    out = []
    for m in re.finditer(r"(?<![\w-])([A-Z][A-Z0-9&]{1,7}(?:/[a-z])?s?)(?=$|[^\w/]|-|/[A-Z])", text):
        base = _acronym_base(gz, text, m)
        if base is None:
            continue
        hyphen = text[m.end() : m.end() + 1] == "-"
        # "KPMG adviseurs": an acronym followed by a lower-case organisation noun
        tail = re.match(r"\s(consultants|adviseurs|partners|groep|group|advies|bv|b\.v\.)\b", text[m.end() :])
        end = m.start() + len(base) + (tail.end() if tail and base == m.group(1) else 0)
        rule = "acronym-hyphen" if hyphen else "acronym"
        out.append(
            Mention(
                m.start(),
                end,
                text[m.start() : end],
                "Organization",
                rule,
                priority=45,
                confidence=0.75,
                attrs={"acronym": base},
            )
        )
        joined = re.match(r"[-/](?:[A-Z]{2,8}|[A-Z][a-zà-ÿ]{2,})(?![\w-])", text[m.end() :])
        if joined and base == m.group(1):  # "VNO-NCW", "VNO/NCW", "LTO-Noord": one organisation's name
            end = m.end() + joined.end()
            out.append(
                Mention(
                    m.start(),
                    end,
                    text[m.start() : end],
                    "Organization",
                    "acronym-joined",
                    priority=64,
                    confidence=0.75,
                )
            )
        if hyphen:
            out += _acronym_compounds(text, m, base)
    for m in re.finditer(r"(?<![\w-])([A-Z]\d{1,3})(?=[\s-](?:gemeenten|steden|gemeente)\b)", text):
        out.append(
            Mention(
                m.start(1),
                m.end(1),
                m.group(1),
                "Organization",
                "acronym-network",
                priority=45,
                confidence=0.7,
            )
        )
    return out


def _acronym_base(gz: Gazetteer, text: str, m: re.Match[str]) -> str | None:
    """The acronym of a capitals match without a plural "s", or None when the word is no acronym (a
    common word in capitals, a province abbreviation, a Roman number, a municipality)."""
    word = m.group(1)
    low = word.lower()
    if (
        low in gz.common
        or low in REGION_WORDS
        or (low in ORG_HEADS and len(word) > 4)
        or low in INITIATIVE_HEADS
        or low in ROLES
    ):
        return None
    if (
        text[m.start() - 1 : m.start()] == "("
        and text[m.end() : m.end() + 1] == ")"
        and gz.ref.province_code(word)
    ):
        return None  # "Bergen (NH)": a province abbreviation
    base = word[:-1] if word.endswith("s") and word[:-1].isupper() and len(word) > 3 else word
    letters = [c for c in base.split("/")[0] if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters) or base in NOT_ORG_ACRONYMS:
        return None
    if re.fullmatch(r"[IVXLC]+", base) or base in gz.ref.municipality_names:
        return None
    return base


def _acronym_compounds(text: str, m: re.Match[str], base: str) -> list[Mention]:
    """ "VNG-regio", "GGD-organisatie": an organisation; "VNG-congres 2024": an initiative the
    acronym's organisation runs."""
    out = []
    hy = re.match(r"-(\w+)(?:\s(\d{4}))?", text[m.end() :])
    if hy and re.fullmatch(
        r"(?:organisatie|gemeenten|samenwerking|regio|netwerk|overleg|bureau)", hy.group(1)
    ):
        end = m.end() + len(hy.group(1)) + 1
        out.append(
            Mention(
                m.start(),
                end,
                text[m.start() : end],
                "Organization",
                "acronym-compound",
                priority=62,
                confidence=0.75,
                attrs={"acronym": base},
            )
        )
    if hy and initiative_head(hy.group(1)):
        end = m.end() + hy.end()
        out.append(
            Mention(
                m.start(),
                end,
                text[m.start() : end],
                "Initiative",
                "initiative-acronym",
                priority=70,
                confidence=0.8,
                attrs={"organiser": base},
            )
        )
    return out


def _national_names(gz: Gazetteer, text: str) -> list[Mention]:
    """ "Sociaal Werk Nederland", "Bouwend Nederland": capitalised words ending in "Nederland" name
    a national body (compass regions, "Noord-Nederland", are places and read elsewhere)."""
    out = []
    for m in NATIONAL_NAME.finditer(text):
        first = m.group().split()[0]
        if first in SENTENCE_OPENERS or first in NOT_NAMES or first in gz.ref.province_names:
            continue
        out.append(from_match(m, "Organization", "org-national", 55, 0.7))
    return out


def _lowercase_head_names(gz: Gazetteer, text: str) -> list[Mention]:
    """ "leergang Goed Bestuur", "programma Samen Gezond": a lower-case head + a name."""
    out = []
    heads = _INITIATIVE_HEADS_ALT
    for m in re.finditer(
        rf"(?<![\w-])(?P<h>(?:[a-zà-ÿ]+)?(?:{heads}))[ \t]+"
        rf"(?P<n>{CAP}(?:(?:\s(?:van(?!\s(?:de|het)\b)|voor|en|in|op|aan)(?:\s(?:de|het|der))?)?\s{CAP}){{0,4}}"
        r"(?:\s\d{4})?)",
        text,
    ):
        name = m.group("n")
        words = name.split()
        if (
            words[0] in gz.ref.municipality_names
            or words[0] in gz.ref.province_names
            or (words[0] in NOT_NAMES and len(words) == 1)
            or words[0] in SENTENCE_OPENERS
            or words[0] in gz.ref.first_names
            or is_all_caps(words[0])
            or (len(words) == 1 and common_word(words[0]))
        ):
            continue  # "het convenant. Op maandag", "deze week Hilde": no name follows the head
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.group(),
                "Initiative",
                "initiative-lower-head",
                priority=72,
                confidence=0.8,
                attrs={"short": name},
            )
        )
    return out


def _typed_names(gz: Gazetteer, text: str) -> list[Mention]:
    """ "woningcorporatie Elkien", "kennisinstituut Movisie", "ministerie van BZK": a lower-case noun
    saying what kind of organisation the capitalised name after it is."""
    out = []
    nouns = _TYPE_NOUNS_ALT
    for m in re.finditer(
        rf"(?<![\w-])(?P<t>(?:[A-Za-zà-ÿ][a-zà-ÿ]*-?)?(?:{nouns}))\s+"
        rf"(?P<n>(?:{CAP}|[a-z]+[A-Z]\w*)(?:[ \t](?:(?:van|voor|de|en)[ \t])?{CAP}){{0,3}})",
        text,
    ):
        typed = _typed_name(gz, text, m)
        if typed is not None:
            out.append(typed)
    for m in re.finditer(
        rf"(?<![\w-])(?P<t>[Mm]inisterie)\s+van\s+(?P<n>{CAP}(?:\s(?:en|voor)?\s?{CAP}){{0,4}})", text
    ):
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.group(),
                "Organization",
                "org-ministry",
                priority=67,
                confidence=0.85,
                canonical="Ministerie" + m.group()[len("ministerie") :],
            )
        )
    return out


# a name no list knows, in a slot only a body fills: "werken samen in X", "maken deel uit van X",
# "zijn aangesloten bij X"; "X, een samenwerking tussen ...", "X, waarin A en B ...", "X is een
# gemeenschappelijke regeling"
_BODY_NAME = rf"{CAP}(?:[ \t](?:(?:van|voor|aan|de|der|den)[ \t])?{CAP}){{0,3}}"
_BODY_SLOT_BEFORE = re.compile(
    r"(?<![\w-])(?:samen(?:werken|werkt|gewerkt)?\s+in|deel\s+uit\s+van|aangesloten\s+bij|"
    r"participeren\s+in|participeert\s+in|toegetreden\s+tot|lid\s+(?:is\s+|zijn\s+|werd\s+|worden\s+)?van|"
    r"verenigd\s+(?:hebben\s+|zijn\s+)?in|vorm(?:en|t|den|de)\s+samen|"
    r"(?:vice)?voorzitter\s+van|(?:algemeen\s+)?directeur\s+van|directeur-bestuurder\s+van|bestuurslid\s+van|"
    r"secretaris\s+van|penningmeester\s+van|programmamanager\s+van|kwartiermaker\s+van)"
    rf"\s+(?:de\s+|het\s+)?[‘'“\"]?(?P<n>{_BODY_NAME})"
)
_BODY_WORDS = (
    r"(?:samenwerking|samenwerkingsverband|gemeenschappelijke\s+regeling|werkorganisatie|"
    r"uitvoeringsorganisatie|organisaties?|netwerkorganisatie|coöperatie|inkooporganisatie)"
)
_BODY_SLOT_AFTER = re.compile(
    rf"(?<![\w’'-])(?P<n>{_BODY_NAME})(?:,\s+(?:een|het|de)\s+(?:\w+\s+){{0,3}}{_BODY_WORDS}\b|,\s+waarin\s|"
    rf"\s+(?:is|was)\s+een\s+(?:\w+\s+)?{_BODY_WORDS}\b)"
)


def _licensed_names(gz: Gazetteer, text: str) -> list[Mention]:
    """A capitalised name in a slot only a body fills is a body's, though no list or head word knows
    it ("de gemeenten werken samen in Zandkring Oost", "Servicepunt12, een samenwerking tussen
    ..."). Places, people and ordinary words in that slot stay what they are."""
    out = []
    for pattern in (_BODY_SLOT_BEFORE, _BODY_SLOT_AFTER):
        for m in pattern.finditer(text):
            name = m.group("n").rstrip("’'")  # "verenigd in ‘Zandkring Oost’": not the closing quote
            words = name.split()
            first = words[0]
            if (
                first in gz.ref.municipality_names
                or first in gz.ref.province_names
                or first in NOT_NAMES
                or first in SENTENCE_OPENERS
                or (first in gz.ref.first_names and len(words) >= 2 and words[1] in gz.ref.surnames)
                or (len(words) == 1 and (common_word(first) or is_all_caps(first)))
                or is_role_word(first.lower())
            ):
                continue
            out.append(
                Mention(
                    m.start("n"), m.start("n") + len(name), name, "Organization", "org-body-slot",
                    priority=57, confidence=0.7,
                )
            )
    return out


# lower-case kinds of public body whose official name is the kind and a place ("het waterschap
# Limburg", "de veiligheidsregio Zeeland"), and kinds written before a body's own name ("de
# gemeenschappelijke regeling Werkplein Oost")
_NAMED_WITH_KIND = ("veiligheidsregio", "omgevingsdienst", "waterschap", "wetterskip", "hoogheemraadschap")
_NAMED_BY_WHAT_FOLLOWS = frozenset({"samenwerking", "samenwerkingsverband"})
_BODY_KINDS = re.compile(
    r"(?<![\w-])(?P<t>veiligheidsregio|omgevingsdienst|waterschap|wetterskip|hoogheemraadschap|"
    r"gemeenschappelijke\s+regeling|samenwerkingsverband|samenwerking|sociale\s+dienst|(?:sociale\s+)?werkvoorziening|"
    r"muziekschool|shared\s+service\s+cent(?:er|re|rum)|servicecentrum|regionale\s+uitvoeringsdienst)\s+"
    rf"(?P<n>{CAP}(?:[ \t](?:(?:van|en|de|aan)[ \t])?{CAP}){{0,3}})"
)


def _kind_named_bodies(gz: Gazetteer, text: str) -> list[Mention]:
    """A body named after its kind in lower case: "de veiligheidsregio Zeeland" and "het shared
    service centrum Oost-Zeeland" are named with their kind (the place alone is a place); "het
    waterschap Zandige Delta", "de gemeenschappelijke regeling Werkplein Oost" and "de
    samenwerking De Heide" by what follows the kind, with the kind as another form."""
    out = []
    for m in _BODY_KINDS.finditer(text):
        words = m.group("n").split()
        first = words[0]
        if first in {"De", "Het"} and len(words) >= 2:
            pass  # "de samenwerking De Heide": a name with its article
        elif (
            (first in NOT_NAMES and len(words) == 1)
            or first in SENTENCE_OPENERS
            or (first in gz.ref.first_names and (len(words) == 1 or words[1] in gz.ref.surnames))
        ):
            continue
        kind = m.group("t")
        place = (
            first in gz.ref.municipality_names
            or first in gz.ref.province_names
            or re.match(COMPASS, first) is not None
        )
        if place and kind not in _NAMED_BY_WHAT_FOLLOWS:
            name = m.group()
            out.append(
                Mention(
                    m.start(), m.end(), name, "Organization", "org-kind-named", priority=68,
                    confidence=0.8, canonical=name[0].upper() + name[1:],
                )
            )
        elif not place and (len(words) >= 2 or not common_word(first) or kind in _NAMED_WITH_KIND):
            out.append(
                Mention(
                    m.start("n"), m.end("n"), m.group("n"), "Organization", "org-kind-named",
                    priority=68, confidence=0.8, surface=m.group(),
                )
            )
    return out


def _camel_case(gz: Gazetteer, text: str) -> list[Mention]:
    """ "ProDemos", "ArtEZ", "TenneT": an inner capital after lower case marks a brand name."""
    out = []
    for m in re.finditer(r"(?<![\w-])[A-Z][a-z]+[A-Z][\w]*(?![\w-])", text):
        if m.group() in NOT_NAMES:
            continue
        out.append(from_match(m, "Organization", "org-camelcase", 30, 0.6))
    return out


# "Gemeenschappelijke Regeling (GR) Peelgemeenten": a body's kind, its short form, then the name
ACRONYM_INSIDE = re.compile(
    rf"(?<![\w-])(?!(?:De|Het|Een|Ook|En)\s)(?P<kind>{CAP}(?:\s{CAP}){{0,2}})\s\((?P<a>[A-Z]{{2,5}})\)\s"
    rf"(?P<n>{CAP}(?:\s{CAP}){{0,2}})"
)


def _acronym_inside_names(text: str) -> list[Mention]:
    """The kind words, whose initials the acronym in parentheses spells, and the name after it are
    one name ("GR Peelgemeenten" is its short form), not a body called after its kind."""
    out = []
    for m in ACRONYM_INSIDE.finditer(text):
        kind, acronym = m.group("kind"), m.group("a")
        body = org_head(kind.split()[-1]) or kind.lower() == "gemeenschappelijke regeling"
        if not body or not _spells(acronym, kind):
            continue
        out.append(
            Mention(
                m.start(), m.end(), m.group(), "Organization", "org-acronym-inside",
                priority=82, confidence=0.85, canonical=f"{kind} {m.group('n')}",
                attrs={"acronym": f"{acronym} {m.group('n')}"},
            )
        )
    return out


def _spells(acronym: str, words: str) -> bool:
    """ "GR" ~ "Gemeenschappelijke Regeling", "OD" ~ "Omgevingsdienst": the acronym's letters in
    order in the words, the first one starting them."""
    letters, rest = acronym.lower(), words.lower()
    if not rest.startswith(letters[0]):
        return False
    pos = 1
    for c in letters[1:]:
        pos = rest.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def _typed_name(gz: Gazetteer, text: str, m: re.Match[str]) -> Mention | None:
    """The name after a type noun, unless it is a place's, a person's or no name at all."""
    name = m.group("n")
    if re.fullmatch(COMPASS, name):
        return None  # "Werkbedrijf Oost": a compass word names no body; the type noun is part of the name
    if " en " in name and not m.group("t").lower().endswith("schap"):
        # "waterschap Aa en Maas" is one name; "de corporaties Elkien en Accolade" are two
        name = name.split(" en ")[0]
    words = name.split()
    first = words[0]
    if (
        first in gz.ref.municipality_names
        or first in gz.ref.province_names
        or (first in NOT_NAMES and len(words) == 1)  # "waterschap Brabantse Delta" is a name
        or first in gz.ref.first_names
    ):
        return None
    if m.group("t")[0].isupper() and (
        not is_sentence_initial(text, m.start("t")) or m.group("t").lower() in NAME_PART_TYPES
    ):
        return None  # "directeur Omgevingsdienst Twente": the capital makes the noun part of the name
    return Mention(
        m.start("n"),
        m.start("n") + len(name),
        name,
        "Organization",
        "org-typed",
        priority=66,
        confidence=0.8,
        surface=text[m.start() : m.start("n") + len(name)],
    )


def _quoted_initiatives(gz: Gazetteer, text: str) -> list[Mention]:
    """ "het project ‘de buurtkamer’", "de bijeenkomst “Samen aan de Slag”", "onder de naam
    ‘Groene Groei’": a quoted name after an initiative word (or a compound ending in one)."""
    out = []
    heads = (
        "initiatief|project|programma|campagne|pilot|proeftuin|traject|platform|netwerk|app|website|"
        "bijeenkomst|conferentie|congres|symposium|agenda|visie|plan|akkoord|convenant|aanpak|strategie|"
        "regiodag|werkconferentie|deal"
    )
    named = r"(?i:onder\s+de\s+naam|onder\s+het\s+motto|met\s+de\s+titel|getiteld|genaamd)"
    lead = rf"\b(?:\w*(?:{heads})|{named})"
    for m in re.finditer(rf"{lead}\s+[{QUOTES}](?P<n>[^{QUOTES}\n]{{2,60}})[{QUOTES}]", text):
        name = m.group("n").strip()
        if len(name.split()) > 6:
            continue
        out.append(
            Mention(
                m.start("n"),
                m.start("n") + len(name),
                name,
                "Initiative",
                "initiative-quoted",
                priority=72,
                confidence=0.75,
            )
        )
    return out


def _domain_names(gz: Gazetteer, text: str) -> list[Mention]:
    """A word that is also the site's domain ("www.example.nl") is a brand name, even in lower case."""
    out = []
    domains = {
        d.lower()
        for d in re.findall(r"(?:www\.)?([a-z][a-z0-9-]{3,40})\.(?:nl|com|org|eu|net)\b", text, re.IGNORECASE)
    }
    for d in domains:
        for m in re.finditer(
            rf"(?<![\w./@-]){re.escape(d)}(?![\w.-]*\.(?:nl|com|org|eu|net))(?![\w-])",
            text,
            re.IGNORECASE,
        ):
            if is_all_caps(m.group()):
                continue
            out.append(from_match(m, "Organization", "org-domain", 44, 0.75))
    return out


def _single_names(gz: Gazetteer, text: str) -> list[Mention]:
    """A capitalised word mid-sentence that no list knows: in Dutch, most likely a proper name. Kept
    when the text names it twice, or after a preposition ("bij Woonzorg"); then its sentence-initial
    uses count too."""
    counts: dict[str, int] = {}
    cands = []
    for m in re.finditer(rf"(?<![\w’'-]){CAP}", text):
        found = _single_candidate(gz, text, m)
        if found is not None:
            word, prep = found
            counts[word] = counts.get(word, 0) + 1
            cands.append((m, word, prep))
    out = _single_appositives(gz, text)
    for appositive in out:
        counts[appositive.text] = counts.get(appositive.text, 0) + 2
    accepted = {w for _, w, p in cands if counts[w] >= 2 or p} | {a.text for a in out}
    for word in sorted(accepted):
        for h in WholeWord(word, apostrophes=True).finditer(text):
            if is_sentence_initial(text, h.start()):
                out.append(
                    Mention(
                        h.start(), h.end(), word, "Organization", "org-single", priority=20, confidence=0.5
                    )
                )
    for m, word, prep in cands:
        if counts[word] >= 2 or prep:
            end = m.start() + len(word)
            out.append(
                Mention(m.start(), end, word, "Organization", "org-single", priority=20, confidence=0.5)
            )
    return out


def _known_word(gz: Gazetteer, word: str) -> bool:
    """A word some list knows: a first name, an adjective, a common word, a role, a head word, a
    place, a street, a surname."""
    low = word.lower()
    return (
        word in gz.ref.first_names
        or word in gz.ref.adjectives
        or low in gz.common
        or low in ROLES
        or low in ORG_HEADS
        or low in INITIATIVE_HEADS
        or word in gz.ref.municipality_names
        or word in gz.ref.province_names
        or word in gz.ref.places
        or word in gz.ref.streets
        or word in gz.ref.surnames
        or bool(PLACE_SUFFIX.search(word))
        or common_word(word)
    )


def _single_candidate(gz: Gazetteer, text: str, m: re.Match[str]) -> tuple[str, bool] | None:
    """The word of a capitalised match that may be a one-word name, and whether a preposition
    stands before it; None when it is part of a run, a modifier or a known word."""
    word = m.group().rstrip(".")
    if "-" in word or len(word) < 3:
        return None
    if is_sentence_initial(text, m.start()) or word in NOT_NAMES or is_all_caps(word):
        return None
    if _known_word(gz, word):
        return None
    before = text[max(0, m.start() - 40) : m.start()].split()
    after = text[m.end() : m.end() + 40].split()
    if text[m.end() : m.end() + 1] == " " and after and after[0][:1].isupper() and after[0][0].isalpha():
        return None  # part of a longer run, judged by the run rules
    if before and (before[-1].lower() in DEPARTMENT_WORDS or _after_capital(text, m, before[-1])):
        return None
    if (
        before
        and before[-1].lower() in ARTICLES
        and after
        and after[0].islower()
        and after[0].strip(".,;:!?") not in FUNCTION_AFTER
    ):
        return None  # "de Finance hoek": a modifier, not a name
    prep = (before and before[-1].lower() in PREPOSITIONS) or (
        len(before) >= 2 and before[-1].lower() in ARTICLES and before[-2].lower() in PREPOSITIONS
    )
    return word, bool(prep)


def _after_capital(text: str, m: re.Match[str], prev: str) -> bool:
    """The word before is capitalised too (and no sentence start): the end of a longer name."""
    return (
        prev[:1].isupper()
        and text[m.start() - 1] == " "
        and not is_sentence_initial(text, m.start() - len(prev) - 1)
    )


def _single_appositives(gz: Gazetteer, text: str) -> list[Mention]:
    """ "Woonzorg, gevestigd in ...": a sentence-initial word with an apposition after it."""
    out = []
    for m in re.finditer(
        rf"(?<![\w’'-]){CAP}(?=,\s+(?:gevestigd|met\s+het\s+hoofdkantoor|de|het|een|dat|die)\b)", text
    ):
        word = m.group()
        if (
            is_sentence_initial(text, m.start())
            and word not in NOT_NAMES
            and word not in gz.ref.first_names
            and not common_word(word, zipf=3.5)  # "Kortom, een ...": a discourse word
            and word not in gz.ref.municipality_names
            and not is_all_caps(word)
            and word not in gz.ref.province_names
            and len(word) > 2
        ):
            out.append(
                Mention(
                    m.start(),
                    m.end(),
                    word,
                    "Organization",
                    "org-single-appositive",
                    priority=25,
                    confidence=0.55,
                )
            )
    return out
