"""Person names: Dutch first names with tussenvoegsels, initials, titles and double surnames; a role
before a capitalised surname ('minister De Jonge').
"""

from __future__ import annotations

import re
import unicodedata

from ..reference import common_word
from ..text import Mention, is_all_caps, is_capitalised, is_sentence_initial
from ..vocabulary import NOT_NAMES, ROLES
from .common import CAP, ROLE_WORDS, SURNAME_PREFIXES, TOKEN, clean_name, has_word, initiative_head, org_head

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
# a title, then a first name the lists do not know and a surname: "burgemeester Gerolf Bouwmeester"
TITLED_FULL_NAME = re.compile(
    rf"(?<![\w-])(?i:{_TITLES})\s+"
    r"(?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\s+"
    r"(?P<last>(?:(?:van der|van den|van de|van|de|den|ter|ten|op de|in ’t|van ’t|in 't|van 't)\s+)?"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\w-])"
)

# "Wobine Buijs, burgemeester van Oss": the same two words before a comma and a title
APPOSED_FULL_NAME = re.compile(
    r"(?<![\w-])(?P<first>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\s+"
    r"(?P<last>(?:(?:van der|van den|van de|van|de|den|ter|ten|op de|in ’t|van ’t|in 't|van 't)\s+)?"
    rf"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?),\s+(?:(?:de|het)\s+)?(?:nieuwe\s+)?(?i:{_TITLES})\s+(?:van|bij)\b"
)


def strip_accents(word: str) -> str:
    """ "Gérard" -> "Gerard": the name lists are written without most accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class PersonRules:
    """Person names, mixed into Recogniser."""

    # -- persons ------------------------------------------------------------------------------
    def persons(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        ref = self.ref
        toks = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        n = len(toks)
        i = 0
        while i < n:
            word, s, _ = toks[i]
            j = i
            if word.lower().rstrip(".") in {t.rstrip(".") for t in ref.titles} and word[0].islower():
                j += 1  # a title ("drs.", "mr.") before the name is not part of it
                if j < n and toks[j][0] == ".":
                    j += 1
            found = self._person_at(text, toks, j)
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

    def _titled_surnames(self, text: str) -> list[Mention]:
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
            place = last in self.ref.municipality_names or last in self.ref.province_names
            # "burgemeester Hoogeveen van Oldebroek" is a person; "burgemeester Hoogeveen" a town
            if place and not re.match(r"\s+(?:van|uit)\s+[A-Z]", after):
                continue
            if len(words) == 1 and not self._surname_like(last):
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

    def _titled_full_names(self, text: str) -> list[Mention]:
        """ "Burgemeester Gerolf Bouwmeester", "dijkgraaf Co Verdaas", "Wobine Buijs, burgemeester van
        Oss": next to a title, two capitalised words are a first name and a surname even when the
        first name is on no list."""
        out = []
        found = [*TITLED_FULL_NAME.finditer(text), *APPOSED_FULL_NAME.finditer(text)]
        for m in sorted(found, key=lambda m: m.start()):
            first, last = m.group("first"), m.group("last")
            core = last.split()[-1]
            if self._first_name(first):
                continue  # the full-name rules read it
            if any(
                w in NOT_NAMES
                or w in self.ref.municipality_names
                or w in self.ref.province_names
                or org_head(w)
                or common_word(w)
                for w in (first, core)
            ):
                continue
            name = f"{first} {last}"
            out.append(
                Mention(
                    m.start("first"),
                    m.end("last"),
                    name,
                    "Person",
                    "person-titled-name",
                    priority=56,
                    confidence=0.7,
                    canonical=name,
                    attrs={"first": first, "last": last},
                )
            )
        return out

    def _first_name(self, word: str) -> bool:
        """On the first-name list, also written with accents ("Gérard") or as two names joined by a
        hyphen ("Cora-Yfke", "Jean-Paul")."""
        names = self.ref.first_names
        if word in names or strip_accents(word) in names:
            return True
        parts = word.split("-")
        return len(parts) == 2 and all(p in names or strip_accents(p) in names for p in parts)

    def _surname_like(self, word: str) -> bool:
        """A single capitalised word that can be a surname: on the surname list, or no everyday word,
        first name, organisation or initiative head."""
        if word in self.ref.surnames:
            return True
        low = word.lower()
        return not (
            word in self.ref.first_names
            or low in self.common
            or low in ROLES
            or org_head(word)
            or initiative_head(word)
            or common_word(word)
        )

    def _person_at(self, text: str, toks: list, j: int) -> tuple[int, str, str, float] | None:
        """A person name starting at token j: (last token index, first name, surname part, confidence).

        A word on both the first-name and the surname list ("Anouk Jansen van de ...") is tried as a
        second first name first, then as the surname."""
        return self._person_try(text, toks, j, True) or self._person_try(text, toks, j, False)

    def _person_try(
        self, text: str, toks: list, j: int, second_first: bool
    ) -> tuple[int, str, str, float] | None:
        ref = self.ref
        n = len(toks)
        if j >= n:
            return None
        word, s, e = toks[j]
        initials = re.fullmatch(r"(?:[A-Z]\.){1,4}", word) or (
            re.fullmatch(r"[A-Z]", word) and j + 1 < n and toks[j + 1][0] == "."
        )
        is_first = (
            self._first_name(word)
            and word not in NOT_NAMES
            and len(word) > 1
            and not has_word(word, ROLE_WORDS)
        )
        if not (is_first or initials):
            nxt = toks[j + 1][0] if j + 1 < n else ""
            after = toks[j + 2][0] if j + 2 < n else ""
            if not (
                is_capitalised(word)
                and 2 <= len(word) <= 12
                and word.isalpha()
                and word not in NOT_NAMES
                and word.lower() not in self.common
                and nxt in {"van", "de", "ter", "ten", "el", "den"}
                and not org_head(word)
                and word not in ref.municipality_names
                and not is_all_caps(word)
                and not is_sentence_initial(text, s)
                and after not in ref.province_names
                and after not in ref.municipality_names
                and not after.endswith("se")
                and (j == 0 or toks[j - 1][0] not in {"De", "de", "Van", "van", "Het", "het"})
                and not (j + 3 < n and is_capitalised(toks[j + 3][0]) and text[toks[j + 2][2]] == " ")
            ):
                return None
        k = j + 1
        if initials and not re.fullmatch(r"(?:[A-Z]\.){1,4}", word):
            while k + 1 < n and toks[k][0] == "." and re.fullmatch(r"[A-Z]", toks[k + 1][0]):
                k += 2
            k += 1 if k < n and toks[k][0] == "." else 0
        first = text[s : toks[k - 1][2]]
        # an optional second first name ("Anna Maria de Vries")
        if (
            second_first
            and is_first
            and k < n
            and toks[k][0] in ref.first_names
            and self._gap_ok(text, toks, k, first_line=False)
            and k + 1 < n
            and (toks[k + 1][0] in ref.interfixes or is_capitalised(toks[k + 1][0]))
        ):
            k += 1
        # a first name alone on its line, the surname on the next ("Pim\n\nvan Dijk"): magazine layout
        first_line = (
            is_first
            and text[toks[j][2] : toks[k][1] if k < n else len(text)].count("\n") > 0
            and text[text.rfind("\n", 0, s) + 1 : s].strip() == ""
        )
        if k >= n or not self._gap_ok(text, toks, k, first_line):
            return None
        # tussenvoegsels ("van der", "de", "ten"), lower case after a first name
        m = k
        interfix = []
        while m < n and toks[m][0].lower() in {
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
        }:
            if (
                toks[m][0][0].isupper()
                and not initials
                and toks[m][0] not in {"De", "Van", "El", "Ter", "Ten"}
            ):
                break
            interfix.append(toks[m][0])
            m += 1
            if m < n and text[toks[m - 1][2] : toks[m][1]] not in (" ",):
                return None
        if (
            interfix
            and " ".join(interfix).lower().replace("’", "'").replace("‘", "'") not in ref.interfixes
            and not all(
                w.lower() in {"van", "der", "den", "de", "ten", "ter", "el", "al", "la", "le"}
                for w in interfix
            )
        ):
            return None
        if m >= n:
            return None
        sur, ss, se = toks[m]
        if not is_capitalised(sur) or sur in NOT_NAMES or is_all_caps(sur) or len(sur) < 2:
            return None
        low = sur.lower().strip(".")
        if (
            low in ROLES
            or org_head(sur)
            or initiative_head(sur)
            or ((sur in self.ref.municipality_names or sur in self.ref.province_names) and not interfix)
        ):
            return None
        if sur.endswith(".") and len(sur) > 2:
            pass
        in_lists = sur in ref.surnames
        if not in_lists and low in self.common and not interfix:
            return None
        last = m
        # "Jansen-de Vries": a hyphen and a tussenvoegsel glue a second surname on
        if (
            re.search(r"-(?:de|van|ter|ten|den|der)$", sur)
            and m + 1 < n
            and text[toks[m][2] : toks[m + 1][1]] == " "
            and is_capitalised(toks[m + 1][0])
        ):
            last = m + 1
            sur = text[ss : toks[last][2]]
            in_lists = True
        if (
            m + 1 < n
            and sur in SURNAME_PREFIXES
            and text[toks[m][2] : toks[m + 1][1]] == " "
            and is_capitalised(toks[m + 1][0])
            and not is_all_caps(toks[m + 1][0])
        ):
            last = m + 1
            sur = text[ss : toks[last][2]]
            in_lists = True
        # double-barrelled surnames: "Jansen-de Vries" is one token with a hyphen, or "Jansen - de Vries"
        conf = 0.9 if (in_lists or interfix or initials) else 0.75
        if not is_first and not interfix and not in_lists:
            conf = 0.6
        if first_line and not interfix:
            return None
        surname = text[toks[k][1] : toks[last][2]] if interfix else text[ss : toks[last][2]]
        return last, first, clean_name(surname.rstrip(".")), conf

    @staticmethod
    def _gap_ok(text: str, toks: list, k: int, first_line: bool) -> bool:
        gap = text[toks[k - 1][2] : toks[k][1]]
        if gap == " ":
            return True
        return first_line and gap.strip() == "" and gap.count("\n") <= 2
