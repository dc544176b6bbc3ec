"""Recognise person, municipality, province, region, organisation and initiative names.

Each recogniser proposes candidate `Mention`s with a priority; `select` keeps the best
non-overlapping ones (a longer organisation name beats the town inside it: "Universiteit
Leiden" is one organisation, not Leiden). Names come from reference lists (municipalities,
provinces, Dutch first names) and from the shape of Dutch names (tussenvoegsels, initials,
organisation heads, acronyms) — never from a list of particular organisations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .reference import Reference, common_word
from .text import QUOTES, Mention, in_zones, is_all_caps, is_capitalised, is_sentence_initial
from .vocabulary import (
    COMPASS,
    INITIATIVE_HEADS,
    NAME_CONNECTORS,
    NOT_NAMES,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ORG_TYPE_NOUNS,
    REGION_WORDS,
    ROLES,
)

CAP = r"[A-ZÀ-ÖØ-ÞĲ][\w’'&-]*"
_TOKEN = re.compile(r"[\w’'&-]+|[^\w\s]", re.UNICODE)
_ROLE_WORDS = {w for r in ROLES for w in r.split()}
_DEPARTMENT_WORDS = {
    "afdeling",
    "team",
    "directie",
    "cluster",
    "sector",
    "domein",
    "portefeuille",
    "dienst",
    "programma's",
    "werkgroep",
}
_PREPOSITIONS = {
    "bij",
    "met",
    "van",
    "voor",
    "door",
    "via",
    "naar",
    "aan",
    "binnen",
    "tussen",
    "zoals",
    "en",
    "als",
    "vanuit",
    "namens",
    "over",
    "uit",
    "op",
    "tegen",
    "richting",
    "partner",
}
_ARTICLES = {"de", "het", "een", "'t", "the"}
_FUNCTION_AFTER = {
    "en",
    "of",
    "in",
    "op",
    "bij",
    "van",
    "voor",
    "met",
    "is",
    "zijn",
    "heeft",
    "hebben",
    "wordt",
    "worden",
    "dat",
    "die",
    "te",
    "om",
    "als",
    "aan",
    "uit",
    "door",
    "naar",
    "tot",
    "over",
    "was",
    "werd",
    "kan",
    "gaat",
    "wil",
    "zal",
    "moet",
    "mag",
    "heb",
    "ook",
    "nog",
    "al",
    "niet",
    "zelf",
    "samen",
    "werkt",
    "spreken",
    "doet",
    "zegt",
    "noemt",
    "krijgt",
    "biedt",
    "maakt",
    "laat",
}


def _has_word(text: str, words: Iterable[str]) -> bool:
    return any(w in words for w in text.lower().split())


def _compound_head(word: str, heads: Iterable[str]) -> bool:
    """ "Omgevingsdienst", "Rabobank", "Woonstichting": a head at the end of a compound word."""
    w = word.lower().strip(".,")
    return any(w.endswith(h) and len(w) > len(h) + 2 for h in heads if len(h) >= 4)


def _org_head(word: str) -> bool:
    w = word.lower().strip(".,")
    return w in ORG_HEADS or _compound_head(w, ORG_HEADS)


def _initiative_head(word: str) -> bool:
    w = word.lower().strip(".,")
    return w in INITIATIVE_HEADS or _compound_head(w, INITIATIVE_HEADS)


class Recogniser:
    """All name recognisers over one reference; `recognise(text, zones)` gives the chosen mentions."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        muni_names = sorted((n for n in ref.municipality_names if "(" not in n), key=len, reverse=True)
        former = sorted(ref.former_names, key=len, reverse=True)
        prov_names = sorted(ref.province_names, key=len, reverse=True)
        alt = "|".join(re.escape(n) for n in muni_names)
        self.muni_re = re.compile(rf"(?<![\w-])(?:(?P<g>[Gg]emeente)\s+)?(?P<n>{alt})(?![\w-])")
        self.former_re = re.compile(
            r"(?<![\w-])(?:(?P<g>(?:[Vv]oormalige\s+)?[Gg]emeente)\s+)?"
            rf"(?P<n>{'|'.join(re.escape(n) for n in former)})(?![\w-])"
        )
        self.prov_re = re.compile(
            r"(?<![\w-])(?:(?P<g>[Pp]rovincie|(?:[Gg]edeputeerde|[Pp]rovinciale)\s+[Ss]taten\s+van)\s+)?"
            rf"(?P<n>{'|'.join(re.escape(n) for n in prov_names)})(?![\w-])"
        )
        region_names = sorted(
            (r for r in ref.regions if r not in ref.municipality_names and r not in ref.province_names),
            key=len,
            reverse=True,
        )
        self.region_list_re = re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(r) for r in region_names)})(?![\w-])"
        )
        place = "|".join(
            re.escape(n)
            for n in sorted(set(ref.province_names) | {"Holland", "Nederland"}, key=len, reverse=True)
        )
        self.compass_re = re.compile(
            rf"(?<![\w-])(?P<n>{COMPASS}(?:-|\s|-\s)(?:en\s+{COMPASS}(?:-|\s))?(?:{place}|{CAP}))(?![\w-])"
        )
        self.common = {w.lower() for w in ref.common_words}
        self.ambiguous_munis = {n for n in ref.municipality_names if n.lower() in self.common}

    # -- entry point --------------------------------------------------------------------------
    def recognise(
        self, text: str, zones: list[tuple[int, int]], extra: list[Mention] | None = None
    ) -> list[Mention]:
        cands: list[Mention] = list(extra or [])
        cands += self.places(text)
        cands += self.persons(text)
        cands += self._titled_surnames(text)
        cands += self.organisations(text)
        cands = [m for m in cands if not in_zones(m.start, m.end, zones)]
        return select(cands)

    # -- places -------------------------------------------------------------------------------
    def places(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        for m in self.muni_re.finditer(text):
            name = m.group("n")
            start = m.start("g") if m.group("g") else m.start("n")
            if (
                not m.group("g")
                and name in self.ambiguous_munis
                and not _place_context(text, m.start("n"))
                and (len(name) <= 3 or is_sentence_initial(text, m.start("n")))
            ):
                continue
            if (
                not m.group("g")
                and is_sentence_initial(text, m.start("n"))
                and _followed_by_cap(text, m.end())
            ):
                continue
            codes = sorted(self.ref.municipality_names[name])
            paren = re.match(r"\s*\((?P<p>[^()\n]{1,30})\)", text[m.end() :])
            if paren and self.ref.province_code(paren.group("p")):
                pv = self.ref.province_code(paren.group("p"))
                codes = [c for c in codes if self.ref.province_of(c) == pv] or codes
            out.append(
                Mention(
                    start=m.start("n"),
                    end=m.end("n"),
                    text=name,
                    type="Municipality",
                    rule="gazetteer-gemeente" if m.group("g") else "gazetteer-municipality",
                    priority=65 if m.group("g") else 50,
                    confidence=0.95 if m.group("g") else 0.85,
                    surface=text[start : m.end()],
                    attrs={"codes": codes},
                )
            )
            if paren and self.ref.province_code(paren.group("p")):
                out[-1].attrs["paren"] = paren.group("p").strip()
        for m in self.former_re.finditer(text):
            name = m.group("n")
            if name in self.ref.municipality_names:
                continue
            out.append(
                Mention(
                    start=m.start("n"),
                    end=m.end("n"),
                    text=name,
                    type="Municipality",
                    rule="gazetteer-former",
                    priority=55,
                    confidence=0.8,
                    surface=text[m.start() : m.end()],
                    attrs={"codes": [self.ref.former_names[name]]},
                )
            )
        for m in self.prov_re.finditer(text):
            name = m.group("n")
            if not m.group("g") and name in self.ref.municipality_names:
                continue  # "Utrecht", "Groningen": the city unless "provincie" says otherwise
            start = m.start("g") if m.group("g") else m.start("n")
            out.append(
                Mention(
                    start=start if m.group("g") else m.start("n"),
                    end=m.end("n"),
                    text=text[start : m.end("n")],
                    type="Province",
                    rule="gazetteer-province",
                    priority=62 if m.group("g") else 48,
                    confidence=0.9,
                    canonical=self.ref.provinces[self.ref.province_names[name]].name,
                    attrs={"code": self.ref.province_names[name]},
                )
            )
        for m in self.compass_re.finditer(text):
            name = m.group("n")
            if (
                name in self.ref.province_names
                or name in self.ref.municipality_names
                or _org_head(name.split()[-1].split("-")[-1])
            ):
                continue
            out.append(
                Mention(m.start(), m.end(), name, "Region", "region-compass", priority=60, confidence=0.8)
            )
        for m in re.finditer(
            rf"(?<![\w-])(?P<r>[Rr]egio|[Rr]egion)\s+"
            rf"(?P<n>{CAP}(?:(?:\s(?:van|en|de|aan))?[ -]{CAP}){{0,3}})",
            text,
        ):
            if m.group("n").split()[0].lower() in {"deal", "deals"}:
                continue
            prev = text[max(0, m.start() - 30) : m.start()].split()
            if prev and _org_head(prev[-1]) and prev[-1][:1].isupper():
                continue
            end = m.end("n")
            out.append(
                Mention(
                    m.start(),
                    end,
                    text[m.start() : end],
                    "Region",
                    "region-regio",
                    priority=63,
                    confidence=0.85,
                )
            )
        for m in self.region_list_re.finditer(text):
            out.append(_from_match(m, "Region", "gazetteer-region", 45, 0.7))
        return out

    # -- persons ------------------------------------------------------------------------------
    def persons(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        ref = self.ref
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
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
                full = _clean_name(text[name_start:end])
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
        out = []
        roles = "|".join(sorted((re.escape(r) for r in ROLES if " " not in r), key=len, reverse=True))
        for m in re.finditer(
            rf"\b(?:{roles})\s+(?P<n>(?:De|Van|Ter|Ten|Van der|Van den|Van de|Den)\s+{CAP})",
            text,
            re.IGNORECASE,
        ):
            name = m.group("n")
            if not name[0].isupper() or name.split()[-1] in self.ref.municipality_names:
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
            word in ref.first_names
            and word not in NOT_NAMES
            and len(word) > 1
            and not _has_word(word, _ROLE_WORDS)
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
                and not _org_head(word)
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
            and " ".join(interfix).lower() not in ref.interfixes
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
            or _org_head(sur)
            or _initiative_head(sur)
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
            and sur in _SURNAME_PREFIXES
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
        return last, first, _clean_name(surname.rstrip(".")), conf

    @staticmethod
    def _gap_ok(text: str, toks: list, k: int, first_line: bool) -> bool:
        gap = text[toks[k - 1][2] : toks[k][1]]
        if gap == " ":
            return True
        return first_line and gap.strip() == "" and gap.count("\n") <= 2

    # -- organisations and initiatives --------------------------------------------------------
    def organisations(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        out += self._capitalised_runs(text)
        out += self._acronyms(text)
        out += self._lowercase_head_names(text)
        out += self._quoted_initiatives(text)
        out += self._domain_names(text)
        out += self._typed_names(text)
        out += self._camel_case(text)
        for m in re.finditer(rf"(?<![\w-])(?P<h>{CAP})\s(?P<n>\d{{2,4}})(?![\w.,]\d)", text):
            if _org_head(m.group("h")) and m.group("h").lower() not in {"provincie", "raad"}:
                out.append(_from_match(m, "Organization", "org-head-number", 61, 0.7))
        out += self._single_names(text)
        return out

    def _capitalised_runs(self, text: str) -> list[Mention]:
        """Runs of capitalised words (with connectors) that contain an organisation/initiative head."""
        out = []
        run_re = re.compile(
            rf"{CAP}(?:(?:\s(?:{'|'.join(sorted(NAME_CONNECTORS, key=len, reverse=True))}))*\s{CAP})*"
        )
        for m in run_re.finditer(text):
            pieces = [(m.start(), m.group())]
            # "Samen Sterk van de Hogeschool Utrecht": an article inside ends one name
            splits = [
                sp
                for sp in re.finditer(
                    r"\s(?:(?:van|voor|bij|met|in|op|aan|uit|en|of)\s)?(?:de|het|der|den)\s", m.group()
                )
                if self._stands_alone(m.group()[sp.end() :].split())
            ]
            en_splits = [
                sp
                for sp in re.finditer(r"\s(?:en|&)\s", m.group())
                if _org_head(m.group()[: sp.start()].split()[-1])
                and (
                    " " not in m.group()[: sp.start()]
                    or any(_org_head(w) for w in m.group()[sp.end() :].split())
                )
                or len(m.group()[sp.end() :].split()) >= 2
                and " van " in m.group()[: sp.start()]
            ]
            splits = sorted(splits + en_splits, key=lambda sp: sp.start())
            if en_splits:  # "Belastingdienst en Rijkswaterstaat" are two names: the whole is none
                pieces = []
            last = 0
            for sp in splits:
                pieces.append((m.start() + last, m.group()[last : sp.start()]))
                last = sp.end()
            if splits:
                pieces.append((m.start() + last, m.group()[last:]))
            for n, (start, chunk) in enumerate(pieces):
                found = self._judge_run(text, start, chunk.split())
                if found:
                    if n == 0 and splits and not en_splits:
                        found.priority -= 15  # a name rarely runs on over "van de": the pieces come first
                    out.append(found)
        return out

    def _stands_alone(self, words: list[str]) -> bool:
        """Is what follows "van de" a name of its own ("... van de Hogeschool Utrecht"), rather than the
        end of one name ("Centraal Bureau voor de Statistiek")?"""
        lead = words[
            : next(
                (k for k, w in enumerate(words) if w.lower() in {"van", "voor", "en", "de", "het"}),
                len(words),
            )
        ]
        return (
            any(_org_head(w) or _initiative_head(w) for w in words)
            or (len(lead) >= 2 and any(is_all_caps(w) for w in lead))
            or (bool(lead) and (lead[0] in self.ref.municipality_names or lead[0] in self.ref.province_names))
        )

    def _judge_run(self, text: str, start: int, words: list[str]) -> Mention | None:
        # strip a sentence-initial article or function word
        while words and (
            words[0].lower()
            in _ARTICLES
            | {
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
            or (
                _is_role_word(words[0])
                or (words[0].lower() in self.common and is_sentence_initial(text, start))
            )
            and len([w for w in words[1:] if w.lower() not in NAME_CONNECTORS]) >= 2
        ):
            start += len(words[0]) + 1
            words = words[1:]
        # "Studenten van NHL Stenden Hogeschool": a plain word, then "van" and an organisation
        if (
            len(words) > 2
            and words[1] == "van"
            and not _org_head(words[0])
            and not _initiative_head(words[0])
            and any(_org_head(w) for w in words[2:])
        ):
            start += len(words[0]) + len(words[1]) + 2
            words = words[2:]
        while words and words[-1].lower() in NAME_CONNECTORS:
            words = words[:-1]
        if not words or not words[0][:1].isupper():
            return None
        prev = text[max(0, start - 30) : start].split()
        if (
            prev
            and (prev[-1].lower() in ROLES or _is_role_word(prev[-1]))
            and prev[-1][:1].islower()
            and not any(_org_head(w) for w in words)
        ):
            return None
        name = " ".join(words)
        end = start + len(name)
        if text[start:end] != name:  # whitespace inside was a newline etc.
            return None
        heads = [w for w in words if _org_head(w)]
        inits = [w for w in words if _initiative_head(w)]
        regions = [w for w in words if w.lower() in REGION_WORDS]
        content = [w for w in words if w.lower() not in NAME_CONNECTORS]
        if inits and (len(content) >= 2 or re.search(r"\d{4}", text[end : end + 6])):
            year = re.match(r"\s(\d{4}(?:\s?[–-]\s?\d{2,4})?)\b", text[end:])
            if year:
                end += year.end()
            return Mention(
                start, end, text[start:end], "Initiative", "initiative-head", priority=70, confidence=0.8
            )
        if heads and len(content) >= 2 and not _is_generic(words):
            return Mention(start, end, name, "Organization", "org-head", priority=60, confidence=0.85)
        offset = 0
        for segment in re.split(r"\s(?:en|&|of)\s", name):
            lead = segment.split()
            lead = lead[: next((k for k, w in enumerate(lead) if w.lower() in NAME_CONNECTORS), len(lead))]
            acronyms = [w for w in lead if is_all_caps(w) and w not in NOT_ORG_ACRONYMS]
            seg_start = start + name.index(segment, offset)
            offset = name.index(segment, offset) + len(segment)
            if acronyms and len(lead) >= 2 and not any(w in self.ref.first_names for w in lead[:1]):
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
        if (
            heads
            and len(content) == 1
            and _compound_head(words[0], ORG_HEADS)
            and words[0].lower() not in ORG_HEADS
            and not is_sentence_initial(text, start)
        ):
            return Mention(start, end, name, "Organization", "org-compound", priority=40, confidence=0.6)
        if regions and len(content) >= 2 and words[0].lower() not in REGION_WORDS:
            return Mention(start, end, name, "Region", "region-head", priority=58, confidence=0.75)
        if (
            len(content) >= 2
            and words == content
            and all(w in self.ref.regions or w in self.ref.province_names or w == "Holland" for w in content)
        ):
            return Mention(start, end, name, "Region", "region-places", priority=59, confidence=0.7)
        appositive = re.match(
            r",\s+(?:een|het|de)\s+(?:[a-zà-ÿ-]+\s+){0,2}?(?P<h>[a-zà-ÿ-]+)\b", text[end : end + 60]
        )
        if (
            appositive
            and len(content) >= 2
            and words == content
            and not any(w in self.ref.first_names or w in NOT_NAMES for w in content[:1])
        ):
            words_after = re.findall(r"[a-zà-ÿ-]+", text[end : end + 60].split(",", 2)[1])[:4]
            head = next(
                (w for w in words_after if _initiative_head(w) or _org_head(w) or w.endswith(ORG_TYPE_NOUNS)),
                appositive.group("h"),
            )
            if _initiative_head(head):
                return Mention(
                    start, end, name, "Initiative", "initiative-appositive", priority=56, confidence=0.7
                )
            if _org_head(head) or head.endswith(ORG_TYPE_NOUNS):
                return Mention(
                    start, end, name, "Organization", "org-appositive", priority=56, confidence=0.7
                )
        if (
            len(content) >= 2
            and words == content
            and not is_sentence_initial(text, start)
            and text.count(name) >= 2
            and not any(w in self.ref.first_names for w in content[:1])
            and not any(w in NOT_NAMES or w in self.ref.municipality_names for w in content)
        ):
            return Mention(
                start, end, name, "Organization", "org-repeated-name", priority=35, confidence=0.55
            )
        return None

    def _acronyms(self, text: str) -> list[Mention]:
        """All-capital acronyms (VNG, GGD), also inside hyphenated words ("VNG-voorzitter")."""
        out = []
        for m in re.finditer(r"(?<![\w-])([A-Z][A-Z0-9&]{1,7}(?:/[a-z])?s?)(?=$|[^\w/]|-)", text):
            word = m.group(1)
            low = word.lower()
            if (
                low in self.common
                or low in REGION_WORDS
                or (low in ORG_HEADS and len(word) > 4)
                or low in INITIATIVE_HEADS
                or low in ROLES
            ):
                continue
            if (
                text[m.start() - 1 : m.start()] == "("
                and text[m.end() : m.end() + 1] == ")"
                and self.ref.province_code(word)
            ):
                continue  # "Bergen (NH)": a province abbreviation
            base = word[:-1] if word.endswith("s") and word[:-1].isupper() and len(word) > 3 else word
            letters = [c for c in base.split("/")[0] if c.isalpha()]
            if len(letters) < 2 or not all(c.isupper() for c in letters) or base in NOT_ORG_ACRONYMS:
                continue
            if re.fullmatch(r"[IVXLC]+", base) or base in self.ref.municipality_names:
                continue
            nxt = text[m.end() : m.end() + 1]
            hyphen = nxt == "-"
            # "KPMG adviseurs": an acronym followed by a lower-case organisation noun
            tail = re.match(
                r"\s(consultants|adviseurs|partners|groep|group|advies|bv|b\.v\.)\b", text[m.end() :]
            )
            end = m.start() + len(base) + (tail.end() if tail and base == word else 0)
            out.append(
                Mention(
                    m.start(),
                    end,
                    text[m.start() : end],
                    "Organization",
                    "acronym-hyphen" if hyphen else "acronym",
                    priority=45,
                    confidence=0.75,
                    attrs={"acronym": base},
                )
            )
            hy = re.match(r"-(\w+)(?:\s(\d{4}))?", text[m.end() :]) if hyphen else None
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
            if hy and _initiative_head(hy.group(1)):
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
        for m in re.finditer(r"(?<![\w-])([A-Z]\d{1,3})(?=[\s-](?:gemeenten|steden|gemeente)\b)", text):
            out.append(
                Mention(
                    m.start(),
                    m.end(),
                    m.group(1),
                    "Organization",
                    "acronym-network",
                    priority=45,
                    confidence=0.7,
                )
            )
        return out

    def _lowercase_head_names(self, text: str) -> list[Mention]:
        """ "leergang Goed Bestuur", "programma Samen Gezond": a lower-case head + a name."""
        out = []
        heads = "|".join(sorted(INITIATIVE_HEADS, key=len, reverse=True))
        for m in re.finditer(
            rf"(?<![\w-])(?P<h>(?:[a-zà-ÿ]+)?(?:{heads}))\s+(?P<n>{CAP}(?:(?:\s(?:van(?!\s(?:de|het)\b)|voor|en|in|op|aan)(?:\s(?:de|het|der))?)?\s{CAP}){{0,4}}(?:\s\d{{4}})?)",
            text,
        ):
            name = m.group("n")
            words = name.split()
            if (
                words[0] in self.ref.municipality_names
                or words[0] in self.ref.province_names
                or words[0] in NOT_NAMES
                or is_all_caps(words[0])
            ):
                continue
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

    def _typed_names(self, text: str) -> list[Mention]:
        """ "woningcorporatie Elkien", "kennisinstituut Movisie", "ministerie van BZK": a lower-case noun
        saying what kind of organisation the capitalised name after it is."""
        out = []
        nouns = "|".join(sorted(ORG_TYPE_NOUNS, key=len, reverse=True))
        for m in re.finditer(
            rf"(?<![\w-])(?P<t>(?:[A-Za-zà-ÿ][a-zà-ÿ]*-?)?(?:{nouns}))\s+"
            rf"(?P<n>(?:{CAP}|[a-z]+[A-Z]\w*)(?:\s(?:van|voor|de)?\s?{CAP}){{0,3}})",
            text,
        ):
            name = m.group("n")
            first = name.split()[0]
            if (
                first in self.ref.municipality_names
                or first in self.ref.province_names
                or first in NOT_NAMES
                or first in self.ref.first_names
            ):
                continue
            out.append(
                Mention(
                    m.start("n"),
                    m.end("n"),
                    name,
                    "Organization",
                    "org-typed",
                    priority=66,
                    confidence=0.8,
                    surface=m.group(),
                )
            )
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

    def _camel_case(self, text: str) -> list[Mention]:
        """ "ProDemos", "ArtEZ", "TenneT": an inner capital after lower case marks a brand name."""
        out = []
        for m in re.finditer(r"(?<![\w-])[A-Z][a-z]+[A-Z][\w]*(?![\w-])", text):
            if m.group() in NOT_NAMES:
                continue
            out.append(_from_match(m, "Organization", "org-camelcase", 30, 0.6))
        return out

    def _quoted_initiatives(self, text: str) -> list[Mention]:
        """ "het project ‘de buurtkamer’": a quoted name after an initiative word."""
        out = []
        heads = "initiatief|project|programma|campagne|pilot|proeftuin|traject|platform|netwerk|app|website"
        for m in re.finditer(rf"\b(?:{heads})\s+[{QUOTES}](?P<n>[^{QUOTES}\n]{{2,60}})[{QUOTES}]", text):
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

    def _domain_names(self, text: str) -> list[Mention]:
        """A word that is also the site's domain ("www.example.nl") is a brand name, even in lower case."""
        out = []
        domains = {
            d.lower()
            for d in re.findall(
                r"(?:www\.)?([a-z][a-z0-9-]{3,40})\.(?:nl|com|org|eu|net)\b", text, re.IGNORECASE
            )
        }
        for d in domains:
            for m in re.finditer(
                rf"(?<![\w./@-]){re.escape(d)}(?![\w.-]*\.(?:nl|com|org|eu|net))(?![\w-])",
                text,
                re.IGNORECASE,
            ):
                if is_all_caps(m.group()):
                    continue
                out.append(_from_match(m, "Organization", "org-domain", 44, 0.75))
        return out

    def _single_names(self, text: str) -> list[Mention]:
        """A capitalised word mid-sentence that no list knows: in Dutch, most likely a proper name."""
        out = []
        counts: dict[str, int] = {}
        cands = []
        for m in re.finditer(rf"(?<![\w’'-]){CAP}", text):
            word = m.group().rstrip(".")
            if "-" in word:
                continue
            if is_sentence_initial(text, m.start()) or word in NOT_NAMES or is_all_caps(word):
                continue
            if word in self.ref.first_names or word in self.ref.adjectives or len(word) < 3:
                continue
            low = word.lower()
            if low in self.common or low in ROLES or low in ORG_HEADS or low in INITIATIVE_HEADS:
                continue
            if (
                word in self.ref.municipality_names
                or word in self.ref.province_names
                or word in self.ref.places
                or word in self.ref.streets
                or word in self.ref.surnames
                or _PLACE_SUFFIX.search(word)
                or common_word(word)
            ):
                continue
            before = text[max(0, m.start() - 40) : m.start()].split()
            after = text[m.end() : m.end() + 40].split()
            if (
                text[m.end() : m.end() + 1] == " "
                and after
                and after[0][:1].isupper()
                and after[0][0].isalpha()
            ):
                continue  # part of a longer run, judged by the run rules
            if before and before[-1].lower() in _DEPARTMENT_WORDS:
                continue
            if (
                before
                and before[-1][:1].isupper()
                and text[m.start() - 1] == " "
                and not is_sentence_initial(text, m.start() - len(before[-1]) - 1)
            ):
                continue
            if (
                before
                and before[-1].lower() in _ARTICLES
                and after
                and after[0].islower()
                and after[0].strip(".,;:!?") not in _FUNCTION_AFTER
            ):
                continue  # "de Finance hoek": a modifier, not a name
            counts[word] = counts.get(word, 0) + 1
            prep = (before and before[-1].lower() in _PREPOSITIONS) or (
                len(before) >= 2 and before[-1].lower() in _ARTICLES and before[-2].lower() in _PREPOSITIONS
            )
            cands.append((m, word, bool(prep)))
        for m in re.finditer(
            rf"(?<![\w’'-]){CAP}(?=,\s+(?:gevestigd|met\s+het\s+hoofdkantoor|de|het|een|dat|die)\b)", text
        ):
            word = m.group()
            if (
                is_sentence_initial(text, m.start())
                and word not in NOT_NAMES
                and word not in self.ref.first_names
                and not common_word(word)
                and word not in self.ref.municipality_names
                and not is_all_caps(word)
                and word not in self.ref.province_names
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
                counts[word] = counts.get(word, 0) + 2
        accepted = {w for _, w, p in cands if counts[w] >= 2 or p} | {m.text for m in out}
        for word in sorted(accepted):
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text):
                if is_sentence_initial(text, m.start()):
                    out.append(
                        Mention(
                            m.start(),
                            m.end(),
                            word,
                            "Organization",
                            "org-single",
                            priority=20,
                            confidence=0.5,
                        )
                    )
        for m, word, prep in cands:
            if counts[word] >= 2 or prep:
                out.append(
                    Mention(
                        m.start(),
                        m.start() + len(word),
                        word,
                        "Organization",
                        "org-single",
                        priority=20,
                        confidence=0.5,
                    )
                )
        return out


# streets, squares and neighbourhoods: places, not organisations
_PLACE_SUFFIX = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|markt|wijk|buurt|kwartier|polder|"
    r"steeg|dreef|hof|veld)$",
    re.IGNORECASE,
)
_SURNAME_PREFIXES = {
    "Oude",
    "Olde",
    "Ten",
    "Ter",
    "Te",
    "Op",
    "In",
    "Groot",
    "Klein",
    "Lange",
    "Korte",
    "Nieuwe",
}


def _is_role_word(word: str) -> bool:
    w = word.lower().removesuffix("s")
    return w in ROLES or any(
        w.endswith(h)
        for h in (
            "directeur",
            "manager",
            "adviseur",
            "voorzitter",
            "onderzoeker",
            "secretaris",
            "wethouder",
            "burgemeester",
            "lector",
        )
    )


def _from_match(
    m: re.Match, type_: str, rule: str, priority: int, confidence: float, group: int | str = 0
) -> Mention:
    """A candidate mention spanning a regex match (or one of its groups)."""
    return Mention(
        m.start(group), m.end(group), m.group(group), type_, rule, priority=priority, confidence=confidence
    )


def _place_context(text: str, pos: int) -> bool:
    before = [w.strip(QUOTES + "(,") for w in text[max(0, pos - 25) : pos].split()]
    return bool(before) and before[-1].lower() in {
        "in",
        "uit",
        "van",
        "te",
        "naar",
        "bij",
        "gemeente",
        "gemeenten",
        "buurgemeente",
        "en",
        "met",
        "regio",
        "voor",
        "rond",
        "om",
    }


def _followed_by_cap(text: str, pos: int) -> bool:
    return bool(re.match(rf"\s{CAP}", text[pos : pos + 30]))


def _is_generic(words: list[str]) -> bool:
    """ "College van B en W", "Raad van Bestuur": institutions named by their function, not a name."""
    joined = " ".join(words).lower()
    return bool(
        re.fullmatch(
            r"(college van b(urgemeester)? en w(ethouders)?|raad van (bestuur|toezicht|"
            r"commissarissen)|(tweede|eerste) kamer der staten-generaal)",
            joined,
        )
    )


def _clean_name(name: str) -> str:
    return " ".join(name.split())


def select(cands: list[Mention]) -> list[Mention]:
    """Best non-overlapping mentions: higher priority first, then longer, then earlier."""
    chosen: list[Mention] = []
    for c in sorted(cands, key=lambda m: (-m.priority, -(m.end - m.start), m.start)):
        if not any(c.overlaps(o) for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda m: m.start)
