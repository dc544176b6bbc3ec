"""Person names: Dutch first names with tussenvoegsels, initials, titles and double surnames; a role
before a capitalised surname ('minister De Jonge').
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ..reference import common_word
from ..text import Mention, is_all_caps, is_capitalised, is_sentence_initial, literal_alternation
from ..vocabulary import NOT_NAMES, POLITICAL_PARTIES, ROLES
from .common import CAP, ROLE_WORDS, SURNAME_PREFIXES, TOKEN, clean_name, has_word, initiative_head, org_head
from .gazetteer import Gazetteer

# titles and offices that stand before a bare surname (lower case in running text)
_TITLES = (
    "burgemeester|wethouder|gedeputeerde|minister|staatssecretaris|gouverneur|commissaris van de koning|"
    "dijkgraaf|hoogheemraad|heemraad|voorzitter|directeur|griffier|gemeentesecretaris|raadslid|"
    "fractievoorzitter|statenlid|kamerlid|lector|hoogleraar|de heer|mevrouw|dhr\\.|mw\\."
)
TITLED_SURNAME = re.compile(
    rf"(?<![\w-])(?i:{_TITLES})\s+"
    r"(?P<n>(?:(?:Van der|Van den|Van de|Van|De|Den|Ter|Ten|Op de|In 't|Van 't)\s+)?"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w-])"
)

# "Wobine Buijs, burgemeester van Oss": the same two words before a comma and a title
APPOSED_FULL_NAME = re.compile(
    r"(?<![\w-])(?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)[ ]+"
    r"(?P<last>(?:(?:van der|van den|van de|van|de|den|ter|ten|op de|in ’t|van ’t|in 't|van 't)[ ]+)?"
    rf"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?),\s+(?:(?:sinds|vanaf)\s+[^,.;:]{{1,20}}?\s+)?(?:(?:de|het)\s+)?"
    rf"(?:nieuwe\s+)?(?i:{_TITLES})\s+(?:van|bij|in)\b"
)
# "Gerrit Bakkerman (D66)", "Anna Groot (54)", "Anna Maria Visser (38 jaar)", "Eva Bos namens de VVD":
# a party or an age after one or two given names and a surname
PARTY_OR_AGE_FULL_NAME = re.compile(
    r"(?<![\w-])(?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?(?:[ ]+[A-Z][a-zà-ÿ]+)?)[ ]+"
    r"(?P<last>(?:(?:van der|van den|van de|van|de|den|ter|ten|op de|in ’t|van ’t|in 't|van 't)[ ]+)?"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\s+"
    rf"(?:\((?:\d{{2}}(?:\s+jaar)?|{literal_alternation(POLITICAL_PARTIES)})[,)]"
    # "Chris Visser voor D66", "Fatma Kaya namens het CDA": a college listed by party
    rf"|(?:namens|voor)\s+(?:de\s+|het\s+)?(?:{literal_alternation(POLITICAL_PARTIES)})(?![\w-]))"
)
# a title, then a first name the lists do not know and a surname: "burgemeester Gerolf Bouwmeester"
TITLED_FULL_NAME = re.compile(
    rf"(?<![\w-])(?i:{_TITLES})[ ]+"
    r"(?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)[ ]+"
    r"(?P<last>(?:(?:van der|van den|van de|van|de|den|ter|ten|op de|in ’t|van ’t|in 't|van 't)[ ]+)?"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w-])"
)


@lru_cache(maxsize=1 << 16)  # asked for the same words over and over
def strip_accents(word: str) -> str:
    """ "Gérard" -> "Gerard": the name lists are written without most accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# -- persons ------------------------------------------------------------------------------
def persons(gz: Gazetteer, text: str) -> list[Mention]:
    out: list[Mention] = []
    ref = gz.ref
    toks = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
    n = len(toks)
    titles = {t.rstrip(".") for t in ref.titles}
    i = 0
    while i < n:
        word, s, _ = toks[i]
        j = i
        if word.lower().rstrip(".") in titles and word[0].islower():
            j += 1  # a title ("drs.", "mr.") before the name is not part of it
            if j < n and toks[j][0] == ".":
                j += 1
        found = _person_at(gz, text, toks, j)
        if found is not None:
            end_idx, first, rest, conf = found
            end = toks[end_idx][2]
            name_start = toks[j][1]
            full = clean_name(text[name_start:end])
            out.append(
                Mention(
                    start=name_start,
                    end=end,
                    text=text[name_start:end],
                    type="Person",
                    rule="person-name",
                    priority=60,
                    confidence=conf,
                    canonical=full,
                    attrs={"first": first, "last": rest},
                )
            )
            i = end_idx + 1
            continue
        i += 1
    return out


def titled_surnames(gz: Gazetteer, text: str) -> list[Mention]:
    """A surname alone after a title or office: "burgemeester Van der Linden", "wethouder Kamphuis",
    "de heer Zuidgeest". News names people this way once they have been introduced, and sometimes
    only this way."""
    out = []
    for m in TITLED_SURNAME.finditer(text):
        name = m.group("n")
        words = name.split()
        last = words[-1]
        if not name[0].isupper() or len(last) < 3 or last in NOT_NAMES:
            continue
        after = text[m.end() : m.end() + 40]
        if re.match(rf"\s+{CAP}", after) and not re.match(r"\s+(?:van|uit|in)\b", after):
            continue  # a longer name follows: the full-name rules read it
        whole = re.match(r"(?:\s[a-z']{1,4}){1,2}\s[A-Z][\w-]*", after)  # "Bergen op Zoom"
        if whole and name + whole.group() in gz.ref.municipality_names:
            continue
        place = last in gz.ref.municipality_names or last in gz.ref.province_names
        # "burgemeester Hoogeveen van Oldebroek" is a person; "burgemeester Hoogeveen" a town
        if place and not re.match(r"\s+(?:van|uit)\s+[A-Z]", after):
            continue
        if len(words) == 1 and not _surname_like(gz, last):
            continue
        out.append(
            Mention(
                m.start("n"),
                m.end("n"),
                name,
                "Person",
                "person-titled-surname",
                priority=55,
                confidence=0.7,
                canonical=name,
                attrs={"first": "", "last": name},
            )
        )
    return out


def titled_full_names(gz: Gazetteer, text: str) -> list[Mention]:
    """ "Burgemeester Gerolf Bouwmeester", "dijkgraaf Co Verdaas", "Wobine Buijs, burgemeester van
    Oss": next to a title, two capitalised words are a first name and a surname even when the
    first name is on no list."""
    out = []
    found = [
        (m, shape)
        for shape, pattern in (
            ("titled", TITLED_FULL_NAME),
            ("apposed", APPOSED_FULL_NAME),
            ("age", PARTY_OR_AGE_FULL_NAME),
        )
        for m in pattern.finditer(text)
    ]
    for m, shape in sorted(found, key=lambda f: f[0].start()):
        first, last = m.group("first"), m.group("last")
        if not _full_name(gz, first, last, shape):
            continue
        name = f"{first} {last}"
        out.append(
            Mention(
                m.start("first"),
                m.end("last"),
                name,
                "Person",
                "person-titled-name",
                # an age or party right after the whole name outranks reading its first words alone
                priority=61 if shape == "age" else 56,
                confidence=0.7,
                canonical=name,
                attrs={"first": first, "last": last},
            )
        )
    return out


def _full_name(gz: Gazetteer, first: str, last: str, shape: str) -> bool:
    """Are these given names and surname, next to a title ("titled"), before a comma and a title
    ("apposed") or before an age or party ("age"), a person's name? Next to such a cue a listed
    first name makes even "Groot" or "Kapelle" a surname; an age or party also "de Koning"."""
    core, given = last.split()[-1], first.split()
    listed = all(_first_name(gz, w) for w in given)
    if any(w in NOT_NAMES or w in gz.ref.province_names or org_head(w) for w in given):
        return False
    if core in gz.ref.province_names or org_head(core) or core.lower() in ROLES:
        return False
    if not listed and (core in NOT_NAMES or len(given) > 1):  # "Commissaris van de Koning"
        return False
    if not listed and (first in gz.ref.municipality_names or common_word(first)):
        return False
    if core in gz.ref.municipality_names and (not listed or " " in last):  # "Kleinjan van Tholen"
        return False
    if common_word(core):
        return listed and (" " not in last or shape == "age") or (" " not in last and shape == "titled")
    return True


def _first_name(gz: Gazetteer, word: str) -> bool:
    """On the first-name list, also written with accents ("Gérard") or as two names joined by a
    hyphen ("Cora-Yfke", "Jean-Paul")."""
    names = gz.ref.first_names
    if word in names or strip_accents(word) in names:
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(p in names or strip_accents(p) in names for p in parts)


def _surname_like(gz: Gazetteer, word: str) -> bool:
    """A single capitalised word that can be a surname: on the surname list, or no everyday word,
    first name, organisation or initiative head."""
    if word in gz.ref.surnames:
        return True
    low = word.lower()
    return not (
        word in gz.ref.first_names
        or low in gz.common
        or low in ROLES
        or org_head(word)
        or initiative_head(word)
        or common_word(word)
    )


def _person_at(gz: Gazetteer, text: str, toks: list, j: int) -> tuple[int, str, str, float] | None:
    """A person name starting at token j: (last token index, first name, surname part, confidence).

    A word on both the first-name and the surname list ("Anouk Jansen van de ...") is tried as a
    second first name first, then as the surname."""
    if _name_start(gz, text, toks, j) is None:
        return None  # neither try can start here
    return _person_try(gz, text, toks, j, True) or _person_try(gz, text, toks, j, False)


# tussenvoegsels: the lower-case words between first name and surname ("van der", "ten", "d'")
INTERFIX_WORDS = frozenset(
    {
        "van",
        "der",
        "den",
        "de",
        "het",
        "ten",
        "ter",
        "te",
        "in",
        "'t",
        "’t",
        "‘t",
        "op",
        "la",
        "le",
        "du",
        "da",
        "von",
        "el",
        "al",
        "d’",
        "d'",
    }
)

Token = tuple[str, int, int]  # (word, start, end)


class _Start(NamedTuple):
    """Where a person name starts: its token, and whether it is a first name or initials."""

    j: int
    is_first: bool
    initials: bool


def _person_try(
    gz: Gazetteer, text: str, toks: list[Token], j: int, second_first: bool
) -> tuple[int, str, str, float] | None:
    """A name at token j: first name or initials, an optional second first name (with
    `second_first`), tussenvoegsels and a surname."""
    n = len(toks)
    start = _name_start(gz, text, toks, j)
    if start is None:
        return None
    s = toks[j][1]
    k = _initials_end(text, toks, start)
    first = text[s : toks[k - 1][2]]
    if second_first and start.is_first:
        k = _second_first_name(gz, text, toks, k)
    # a first name alone on its line, the surname on the next ("Pim\n\nvan Dijk"): magazine layout
    first_line = (
        start.is_first
        and text[toks[j][2] : toks[k][1] if k < n else len(text)].count("\n") > 0
        and text[text.rfind("\n", 0, s) + 1 : s].strip() == ""
    )
    if k >= n or not _gap_ok(text, toks, k, first_line):
        return None
    found = _interfix(gz, text, toks, k, start.initials)
    if found is None:
        return None
    m, interfix = found
    surname = _surname(gz, text, toks, m, bool(interfix))
    if surname is None:
        return None
    last, in_lists = surname
    conf = 0.9 if (in_lists or interfix or start.initials) else 0.75
    if not start.is_first and not interfix and not in_lists:
        conf = 0.6
    if first_line and not interfix:
        return None
    name = text[toks[k][1] : toks[last][2]] if interfix else text[toks[m][1] : toks[last][2]]
    return last, first, clean_name(name.rstrip(".")), conf


_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")  # "J.", "A.B."
_INITIAL = re.compile(r"[A-Z]")


def _name_start(gz: Gazetteer, text: str, toks: list[Token], j: int) -> _Start | None:
    """Can a person name start at token j: a first name, initials ("J.", "A.B."), or a capitalised
    word before "van"/"de" (a name without first name)?"""
    n = len(toks)
    if j >= n:
        return None
    word = toks[j][0]
    initials = "A" <= word[:1] <= "Z" and bool(  # the cheap test first: both patterns need it
        _INITIALS.fullmatch(word)
        or (_INITIAL.fullmatch(word) and j + 1 < n and toks[j + 1][0] == ".")
    )
    is_first = gz.memo.get(("first", word))  # asked of every token: answered once per word
    if is_first is None:
        if len(gz.memo) > 200_000:
            gz.memo.clear()
        is_first = gz.memo["first", word] = bool(
            _first_name(gz, word)
            and word not in NOT_NAMES
            and len(word) > 1
            and not has_word(word, ROLE_WORDS)
        )
    if not (is_first or initials) and not _bare_surname_start(gz, text, toks, j):
        return None
    return _Start(j, is_first, initials)


def _bare_surname_start(gz: Gazetteer, text: str, toks: list[Token], j: int) -> bool:
    """ "Bakker van de ...": a capitalised word that is no known word, followed by a tussenvoegsel."""
    n = len(toks)
    word, s, _ = toks[j]
    nxt = toks[j + 1][0] if j + 1 < n else ""
    after = toks[j + 2][0] if j + 2 < n else ""
    return bool(
        nxt in {"van", "de", "ter", "ten", "el", "den"}  # first: it rules out most words at once
        and is_capitalised(word)
        and 2 <= len(word) <= 12
        and word.isalpha()
        and word not in NOT_NAMES
        and word.lower() not in gz.common
        and not org_head(word)
        and word not in gz.ref.municipality_names
        and not is_all_caps(word)
        and not is_sentence_initial(text, s)
        and after not in gz.ref.province_names
        and after not in gz.ref.municipality_names
        and not after.endswith("se")
        and (j == 0 or toks[j - 1][0] not in {"De", "de", "Van", "van", "Het", "het"})
        and not (j + 3 < n and is_capitalised(toks[j + 3][0]) and text[toks[j + 2][2]] == " ")
    )


def _initials_end(text: str, toks: list[Token], start: _Start) -> int:
    """The token after the first name, or after initials written with separate dots ("J . P .")."""
    n, k, word = len(toks), start.j + 1, toks[start.j][0]
    if start.initials and not _INITIALS.fullmatch(word):
        while k + 1 < n and toks[k][0] == "." and _INITIAL.fullmatch(toks[k + 1][0]):
            k += 2
        k += 1 if k < n and toks[k][0] == "." else 0
    return k


def _second_first_name(gz: Gazetteer, text: str, toks: list[Token], k: int) -> int:
    """An optional second first name ("Anna Maria de Vries"): the token after it, else k."""
    n = len(toks)
    if (
        k < n
        and toks[k][0] in gz.ref.first_names
        and _gap_ok(text, toks, k, first_line=False)
        and k + 1 < n
        and (toks[k + 1][0] in gz.ref.interfixes or is_capitalised(toks[k + 1][0]))
    ):
        return k + 1
    return k


def _interfix(
    gz: Gazetteer, text: str, toks: list[Token], k: int, initials: bool
) -> tuple[int, list[str]] | None:
    """Tussenvoegsels from token k ("van der", "de", "ten"), lower case after a first name: the token
    after them and the words; None when they are no known combination or not single-spaced."""
    n, m = len(toks), k
    interfix: list[str] = []
    while m < n and toks[m][0].lower() in INTERFIX_WORDS:
        if toks[m][0][0].isupper() and not initials and toks[m][0] not in {"De", "Van", "El", "Ter", "Ten"}:
            break
        interfix.append(toks[m][0])
        m += 1
        if m < n and text[toks[m - 1][2] : toks[m][1]] not in (" ",):
            return None
    if (
        interfix
        and " ".join(interfix).lower().replace("’", "'").replace("‘", "'") not in gz.ref.interfixes
        and not all(
            w.lower() in {"van", "der", "den", "de", "ten", "ter", "el", "al", "la", "le"} for w in interfix
        )
    ):
        return None
    return m, interfix


def _surname(gz: Gazetteer, text: str, toks: list[Token], m: int, interfix: bool) -> tuple[int, bool] | None:
    """The surname at token m: its last token (a second surname glued on: "Jansen-de Vries", "Mac
    Donald") and whether the surname list knows it; None when the word is no surname."""
    n = len(toks)
    if m >= n:
        return None
    sur = toks[m][0]
    if not is_capitalised(sur) or sur in NOT_NAMES or is_all_caps(sur) or len(sur) < 2:
        return None
    low = sur.lower().strip(".")
    followed = m + 1 < n and is_capitalised(toks[m + 1][0])
    listed_head = org_head(sur) and sur in gz.ref.surnames and not followed
    if (
        low in ROLES
        or (org_head(sur) and not listed_head)  # "Sanne Hof", not "Jan Hof Zorggroep"
        or initiative_head(sur)
        or ((sur in gz.ref.municipality_names or sur in gz.ref.province_names) and not interfix)
    ):
        return None
    in_lists = sur in gz.ref.surnames
    if not in_lists and low in gz.common and not interfix:
        return None
    glued = m + 1 < n and text[toks[m][2] : toks[m + 1][1]] == " " and is_capitalised(toks[m + 1][0])
    # "Jansen-de Vries": a hyphen and a tussenvoegsel glue a second surname on
    if glued and re.search(r"-(?:de|van|ter|ten|den|der)$", sur):
        return m + 1, True
    if glued and sur in SURNAME_PREFIXES and not is_all_caps(toks[m + 1][0]):
        return m + 1, True
    return m, in_lists


def _gap_ok(text: str, toks: list, k: int, first_line: bool) -> bool:
    gap = text[toks[k - 1][2] : toks[k][1]]
    if gap == " ":
        return True
    return first_line and gap.strip() == "" and gap.count("\n") <= 2


# "de burgemeesters Hoekstra van Capelle aan den IJssel, Brandsma van Epe en Kuipers van Nuth"
# "Mevrouw M.C.J. (Marga) van de Plasse", "De heer E. (Bert) Tuk": initials, the given name used
# in parentheses, a surname (official board and council lists)
INITIALS_AND_GIVEN_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z][a-z]?\.\s?){1,5}\s*\((?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\)\s+"
    r"(?P<last>(?:(?:van der|van den|van de|van|de|den|ter|ten|op de|in ’t|van ’t|in 't|van 't)[ ]+)?"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)*)(?![\w-])"
)


def initials_and_given_names(gz: Gazetteer, text: str) -> list[Mention]:
    """ "M.C.J. (Marga) van de Plasse" is Marga van de Plasse: the initials and parentheses leave no
    doubt that a person is named, whatever the lists say of the words."""
    out = []
    for m in INITIALS_AND_GIVEN_NAME.finditer(text):
        first, last = m.group("first"), m.group("last")
        name = f"{first} {last}"
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.group(),
                "Person",
                "person-initials-given-name",
                priority=70,
                confidence=0.85,
                canonical=name,
                attrs={"first": first, "last": last},
            )
        )
    return out


PLURAL_OFFICE = re.compile(r"\b(?:burgemeesters|wethouders|gedeputeerden|loco-burgemeesters)\s+(?=[A-Z])")
LISTED_NAME = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?: (?:(?:van|de|der|den|ter|ten|te|het|'t) )*[A-Z][\w'’-]+)?)"
    r"(?: van (?:de gemeente )?| \()"  # "Hoekstra van Epe", "Hoekstra (Epe)"
)
LIST_GLUE = re.compile(r"\)?\s*(?:,|\ben\b|\bals\b)\s*")


def _place_at(gz: Gazetteer, text: str, pos: int) -> int | None:
    """The end of the longest municipality or province name that starts at `pos`."""
    words = list(re.finditer(r"\S+", text[pos : pos + 60]))
    for k in range(min(5, len(words)), 0, -1):
        end = pos + words[k - 1].end()
        name = text[pos:end].rstrip(",.;:)")
        if name in gz.ref.municipality_names or name in gz.ref.province_names or name in gz.ref.former_names:
            return pos + len(name)
    # a place the lists do not know, where the list goes on after it
    unknown = re.match(r"[A-Z][\w'’-]+(?=\s*,|\s+en\s)", text[pos : pos + 40])
    return pos + unknown.end() if unknown else None


def listed_officials(gz: Gazetteer, text: str) -> list[Mention]:
    """Office holders listed by surname and place after a plural office ("de burgemeesters
    Hoekstra van Capelle aan den IJssel, Brandsma van Epe en Kuipers van Nuth"): each name before
    "van" is a person, the place after it is no part of the name."""
    out = []
    for office in PLURAL_OFFICE.finditer(text):
        pos = office.end()
        while True:
            item = LISTED_NAME.match(text, pos)
            place_end = _place_at(gz, text, item.end()) if item else None
            if item is None or place_end is None:
                break
            name = item.group("name")
            words = name.split()
            first = words[0] if len(words) == 2 and _first_name(gz, words[0]) else ""
            out.append(
                Mention(
                    item.start("name"),
                    item.end("name"),
                    name,
                    "Person",
                    "person-listed-office",
                    priority=65,
                    confidence=0.7,
                    canonical=name,
                    attrs={"first": first, "last": words[-1] if first else name},
                )
            )
            glue = LIST_GLUE.match(text, place_end)
            if glue is None or not glue.group().strip():
                break
            pos = glue.end()
    return out
