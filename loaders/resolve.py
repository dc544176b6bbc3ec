"""Within-document resolution: which mentions name the same stakeholder, and its stable id.

- persons: surname-only and first-name-only mentions of a person named in full in the document;
- organisations: acronym <-> expansion ("Vereniging Nederlandse Gemeenten (VNG)", or an
  acronym whose letters start the expansion's words), case variants of one name;
- municipalities: an ambiguous name ("Bergen") decided by the document (an explicit "Bergen
  (Limburg)", the provinces and neighbouring municipalities it mentions); a former municipality is
  its own entity with its old CBS code and its successor as an attribute.
Ids are readable and depend only on the name: `gemeente:gm0546`, `person:anna-de-boer`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..graph.names import slugify
from .entities.common import initiative_head, org_head
from .entities.filters import ORGAN
from .reference import Reference
from .text import Mention, SpanIndex, WholeWord
from .vocabulary import PARTY_ABBREVIATIONS, POLITICAL_PARTIES


@dataclass
class EntityRecord:
    key: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    attributes: dict = field(default_factory=dict)


@lru_cache(maxsize=50_000)
def whole_word(form: str, apostrophes: bool = False) -> re.Pattern[str] | WholeWord:
    """The pattern for a name as a whole word. Names recur across the documents of a corpus, and
    re's own cache (512 patterns) is far too small for them: made once here instead (a WholeWord:
    compiling a regex for every new name cost more than the search)."""
    if form:
        return WholeWord(form, apostrophes)
    edge = r"\w’'-" if apostrophes else r"\w-"
    return re.compile(rf"(?<![{edge}]){re.escape(form)}(?![{edge}])")


def _initiative_forms(rec: EntityRecord) -> None:
    """An agreement or programme goes by several spellings: with or without quotes or its years,
    "Regio Deal" or "Regiodeal" ("City Deal 'Slim maatwerk'", "Akkoord 2020-2023")."""
    forms = {rec.name, *rec.aliases}
    for form in forms:
        plain = re.sub(r"[‘’“”\"']", "", form).strip()
        plain = re.sub(r"\s+(?:\d{4}(?:\s*[–-]\s*\d{4})?)$", "", plain).strip()
        for variant in {
            plain,
            re.sub(r"\b(Regio|City) Deal\b", r"\1deal", plain),
            re.sub(r"\b(Regio|City)deal\b", r"\1 Deal", plain),
        }:
            if variant and variant != rec.name:
                rec.aliases.add(variant)


def acronym_matches(acronym: str, name: str) -> bool:
    """Do the acronym's letters start the name's words in order? Connectors may be skipped; extra
    letters may come from inside a compound word ("VNG" ~ "Vereniging (van) Nederlandse Gemeenten",
    "RIVM" ~ "Rijks-instituut voor Volksgezondheid en Milieu")."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = [w for w in re.split(r"[\s-]+", name) if w]
    skippable = {"van", "voor", "de", "der", "den", "het", "en", "of", "the", "and", "for", "in", "op", "aan"}
    skippable.add("&")

    def walk(li: int, wi: int) -> bool:
        if li == len(letters):
            return all(w.lower() in skippable for w in words[wi:])
        if wi == len(words):
            return False
        w = words[wi].lower()
        if w[0] == letters[li]:
            # take this word's initial (both letters of a Dutch "IJ"), then maybe more from inside it
            k = li + 2 if w.startswith("ij") and letters[li + 1 : li + 2] == ["j"] else li + 1
            pos = 1
            options = [(k, wi + 1)]
            while k < len(letters):
                idx = w.find(letters[k], max(pos, 3))
                if idx < 3:
                    break
                k += 1
                pos = idx + 1
                options.append((k, wi + 1))
            if any(walk(a, b) for a, b in reversed(options)):
                return True
        return w in skippable and walk(li, wi + 1)

    return len(letters) >= 2 and len(words) >= 2 and walk(0, 0)


class Resolver:
    def __init__(self, ref: Reference) -> None:
        self.ref = ref

    def resolve(self, text: str, mentions: list[Mention]) -> tuple[list[Mention], dict[str, EntityRecord]]:
        """The mentions with entity keys (acronyms, repeated names and surnames joined to their full
        names), and one record per entity."""
        mentions = self._expansions(text, mentions)
        mentions = self._repeat_names(text, mentions)
        mentions = self._person_coreference(text, mentions)
        self._municipalities(mentions)
        records: dict[str, EntityRecord] = {}
        acronym_to_key = self._organisations(mentions)
        self._name_prefixes(mentions)
        for m in mentions:
            if m.key is None:
                m.key = self._key(m, acronym_to_key)
            rec = records.get(m.key)
            if rec is None:
                rec = records[m.key] = EntityRecord(m.key, m.type, self._name(m))
            self._count(rec, m)
        for rec in records.values():
            self._finish(rec, mentions)
        return mentions, records

    def _count(self, rec: EntityRecord, m: Mention) -> None:
        """One more mention of the entity: its surface forms, and what the reference says of a place."""
        rec.mentions += 1
        if political_party(m):
            rec.attributes["political_party"] = True
        if m.type == "Initiative" and COALITION_AGREEMENT.match(m.text):
            rec.attributes["coalition_agreement"] = True  # the parties' agreement: no stakeholder joins it
        for surface in {m.text, m.surface or m.text}:
            rec.aliases.add(" ".join(surface.split()))
        if m.type == "Municipality":
            self._municipality_attributes(rec, m.attrs["code"])
        elif m.type == "Province":
            prov = self.ref.provinces[m.attrs["code"]]
            rec.attributes.update({"code": prov.code})
            if prov.wikidata:
                rec.attributes["wikidata"] = prov.wikidata

    def _municipality_attributes(self, rec: EntityRecord, code: str) -> None:
        mun = self.ref.municipality(code)
        rec.attributes.update({"cbs_code": code, "province": mun.province})
        if mun.wikidata:
            rec.attributes["wikidata"] = mun.wikidata
        if code in self.ref.former:  # dissolved: its own entity, pointing at what it became
            rec.attributes["former"] = True
            if code in self.ref.successors:
                rec.attributes["successor_cbs_code"] = self.ref.successors[code]

    def _finish(self, rec: EntityRecord, mentions: list[Mention]) -> None:
        """The record's name and aliases once all its mentions are counted."""
        if rec.type == "Region":
            self._region_forms(rec)
        if rec.type == "Initiative":
            _initiative_forms(rec)
        if rec.type == "Province" and rec.name in self.ref.municipality_names:
            # Utrecht, Groningen: the province is "provincie X", so the bare name stays the city's
            rec.aliases.discard(rec.name)
            rec.name = "provincie " + rec.name
        rec.aliases.discard(rec.name)
        if rec.type == "Initiative":
            for m in mentions:
                if m.key == rec.key and m.attrs.get("short"):
                    rec.aliases.add(m.attrs["short"])

    # -- organisations ----------------------------------------------------------------------
    def _expansions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """ "Long Name (ACR)": the words before the parenthesis whose initials spell the acronym."""
        out = SpanIndex(mentions)
        for m in ACRONYM_IN_PARENTHESES.finditer(text):
            if any(o.start < m.start() and o.end > m.end() for o in out.overlapping(m.start(), m.end())):
                continue  # "Gemeenschappelijke Regeling (GR) Peelgemeenten": inside a name already read
            found = _expansion_of(self.ref, text, m)
            if found is not None:
                _add_expansion(out, m, found[0], found[1])
        return list(out)

    def _repeat_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A multiword organisation or initiative name found once (by its head or type word) names it
        wherever else it occurs in the document, and so does its short form ("Samen Gezond")."""
        out = SpanIndex(mentions)
        forms: dict[str, Mention] = {}
        for m in mentions:
            if m.type in {"Organization", "Initiative"}:
                for form in {m.text, m.attrs.get("short") or ""}:
                    if len(form.split()) >= 2 and form[0].isupper():
                        forms.setdefault(form, m)
        for form, src in forms.items():
            for hit in whole_word(form).finditer(text):
                new = Mention(
                    hit.start(),
                    hit.end(),
                    form,
                    src.type,
                    "repeat-name",
                    priority=57,
                    confidence=src.confidence,
                    canonical=src.canonical or src.text,
                    attrs={k: v for k, v in src.attrs.items() if k != "short"},
                )
                new.attrs["same_as"] = src.text
                clash = out.overlapping(new.start, new.end)
                if any(
                    o.priority >= new.priority or (o.end - o.start) > (new.end - new.start) for o in clash
                ):
                    continue
                for o in clash:
                    out.remove(o)
                out.add(new)
        return list(out)

    def _organisations(self, mentions: list[Mention]) -> dict[str, str]:
        """Map each acronym to the key of the organisation it abbreviates in this document."""
        names = [m for m in mentions if m.type == "Organization" and " " in m.text]
        mapping: dict[str, str] = {}
        for m in mentions:
            acr = m.attrs.get("acronym") if m.rule.startswith("acronym-expansion") else None
            if acr:
                mapping[acr] = self._org_key(m.text)
        tried: set[str] = set()  # an acronym no single name fits does not fit it later either
        for m in mentions:
            acr = m.attrs.get("acronym")
            if m.type != "Organization" or not acr or acr in mapping or acr in tried:
                continue
            tried.add(acr)
            hits = {
                self._org_key(n.canonical or n.text)
                for n in names
                if acronym_matches(acr, n.text)
                or re.search(rf"(?<![\w-]){re.escape(acr)}$", n.text)
                or n.text.split()[0] == acr
            }
            if len(hits) == 1:
                mapping[acr] = hits.pop()
        for m in mentions:
            if (
                m.type == "Organization"
                and m.attrs.get("acronym") in mapping
                and m.rule.startswith("acronym")
                and m.rule != "acronym-expansion"
                and m.text == m.attrs["acronym"]
            ):
                m.key = mapping[m.attrs["acronym"]]
            elif m.type == "Organization" and m.text in mapping and m.rule != "acronym-expansion":
                m.key = mapping[m.text]
                m.attrs["acronym"] = m.text
        return mapping

    def _name_prefixes(self, mentions: list[Mention]) -> None:
        """An initiative or organisation named by the start of a longer name of the same type in the
        document ("de Regio Deal" and "Regio Deal Achterhoek") is that one, when only one fits."""
        # per type, how many mentions go by each full name (distinct names are few; mentions many)
        full: dict[str, dict[str, int]] = {}
        for o in mentions:
            names = full.setdefault(o.type, {})
            name = o.attrs.get("same_as") or o.text
            names[name] = names.get(name, 0) + 1
        for m in mentions:
            if m.type not in {"Initiative", "Organization"} or m.key or m.attrs.get("acronym"):
                continue
            longer = {n for n, count in full[m.type].items() if count and n.startswith(m.text + " ")}
            if len(longer) == 1:
                old = m.attrs.get("same_as") or m.text
                full[m.type][old] -= 1
                m.attrs["same_as"] = longer.pop()
                full[m.type][m.attrs["same_as"]] = full[m.type].get(m.attrs["same_as"], 0) + 1

    def _org_key(self, name: str) -> str:
        return "org:" + slugify(name)

    # -- persons ----------------------------------------------------------------------------
    def _person_coreference(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A person's surname or first name alone, where only one person of the document has it, is
        that person; so is "Van Dijk" at a sentence start for "van Dijk"."""
        persons = [m for m in mentions if m.type == "Person"]
        by_last, by_first = _name_forms(persons)
        self._surname_only(persons)
        names = {p.key: p.canonical or p.text for p in persons}
        out = SpanIndex(mentions)
        for forms, rule in ((by_last, "person-surname"), (by_first, "person-firstname")):
            for form, keys in sorted(forms.items(), key=lambda kv: (-len(kv[0]), kv[0])):
                if len(keys) == 1 and len(form) >= 2:
                    key = next(iter(keys))
                    _add_name_form(out, text, form, rule, (key, names[key]))
        # capitalised "Van Dijk" at a sentence start is the same surname
        done: set[tuple[str, str | None]] = set()
        for p in persons:
            last = p.attrs.get("last", "")
            if last[:1].islower() and (last, p.key) not in done:
                done.add((last, p.key))  # a repeat would clash with the mentions the first one added
                _add_capitalised_surname(out, text, last[0].upper() + last[1:], (p.key, names[p.key]))
        return list(out)

    def _region_forms(self, rec: EntityRecord) -> None:
        """A region goes by its name with and without "regio" ("regio Midden-Holland", "Midden-Holland");
        the bare form only where no municipality or province has that name."""
        forms = {rec.name, *rec.aliases}
        for form in forms:
            bare = re.sub(r"^[Rr]egio\s+", "", form)
            taken = bare in self.ref.municipality_names or bare in self.ref.province_names
            if bare != form and not taken:
                rec.aliases.add(bare)
            if bare == form:
                rec.aliases.add("regio " + form)

    @staticmethod
    def _surname_only(persons: list[Mention]) -> None:
        """ "directeur Van der Linden" is the Rik van der Linden the document names in full, when it
        names only one person with that surname."""
        full: dict[str, set[str]] = {}
        for p in persons:
            if p.attrs.get("first") and p.attrs.get("last"):
                full.setdefault(p.attrs["last"].lower(), set()).add(p.id)
        names = {p.key: p.canonical or p.text for p in persons}
        for p in persons:
            if p.attrs.get("first") == "" and p.rule == "person-titled-surname":
                keys = full.get(p.text.lower(), set())
                if len(keys) == 1:
                    p.key = next(iter(keys))
                    p.canonical = names[p.key]

    # -- municipalities ---------------------------------------------------------------------
    def _municipalities(self, mentions: list[Mention]) -> None:
        munis = [m for m in mentions if m.type == "Municipality"]
        provinces = Counter(m.attrs["code"] for m in mentions if m.type == "Province")
        for m in munis:
            if m.attrs.get("paren"):
                p = self.ref.province_code(m.attrs["paren"])
                if p:
                    provinces[p] += 2
        sure = {m.attrs["codes"][0] for m in munis if len(m.attrs["codes"]) == 1}
        provinces_of_sure = Counter(self.ref.province_of(c) for c in sure)
        for m in munis:
            codes = m.attrs["codes"]
            if len(codes) == 1:
                m.attrs["code"] = codes[0]
                continue
            explicit = [c for c in codes if c in sure]
            if len(explicit) == 1:
                m.attrs["code"] = explicit[0]
                continue
            paren = m.attrs.get("paren")
            pv = self.ref.province_code(paren) if paren else None

            def score(code: str, pv: str | None = pv) -> tuple:
                prov = self.ref.province_of(code)
                return (prov == pv, provinces[prov] + provinces_of_sure.get(prov, 0), -int(code[2:]))

            m.attrs["code"] = max(codes, key=score)
        for m in munis:
            m.key = "gemeente:" + m.attrs["code"].lower()
            m.canonical = self.ref.municipality(m.attrs["code"]).name
            if m.attrs.get("paren") and m.surface:
                m.surface = f"{m.surface} ({m.attrs['paren']})"

    # -- keys and names ---------------------------------------------------------------------
    def _key(self, m: Mention, acronyms: dict[str, str]) -> str:
        if m.type == "Province":
            return "provincie:" + m.attrs["code"].lower()
        if m.type == "Region":
            return "region:" + slugify(_strip_article(m.text))
        if m.type == "Initiative":
            return "initiative:" + slugify(_strip_article(m.attrs.get("same_as") or m.text))
        if m.type == "Person":
            return "person:" + slugify(m.canonical or m.text)
        acr = m.attrs.get("acronym")
        if acr and acr in acronyms:
            return acronyms[acr]
        return "org:" + slugify(acr or _strip_article(m.attrs.get("same_as") or m.canonical or m.text))

    def _name(self, m: Mention) -> str:
        if m.attrs.get("same_as"):
            return _strip_article(m.attrs["same_as"])
        if m.canonical:
            return m.canonical
        if (
            m.type == "Organization"
            and m.attrs.get("acronym")
            and m.rule.startswith("acronym")
            and m.rule != "acronym-expansion"
        ):
            return m.attrs["acronym"]
        if m.type == "Organization" and m.canonical:
            return m.canonical
        return _strip_article(" ".join(m.text.split()))


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:de|het|De|Het|the|The)\s+(?=[A-ZÀ-Þ])", "", name)


ACRONYM_IN_PARENTHESES = re.compile(r"\((?P<a>[A-Z][A-Za-z&/]{1,9})(?:\s(?P<w>[A-Z][\w-]+))?\)")


def _names_places(ref: Reference, words: str) -> bool:
    """Is this a coordination of municipality names only ("Hattem, Heerde en Oldebroek"), former
    municipalities included ("Bergambacht, Schoonhoven en Nederlek")?"""
    parts = [p.strip() for p in re.split(r",|\ben\b|&", words) if p.strip()]
    return len(parts) >= 2 and all(p in ref.municipality_names or p in ref.former_names for p in parts)


def _expansion_of(ref: Reference, text: str, m: re.Match[str]) -> tuple[int, str] | None:
    """Where the long name of the acronym in parentheses `m` starts, and the name: the shortest run
    of words before it, within its line, whose initials spell the acronym."""
    acr = m.group("a")
    before = text[max(0, m.start() - 160) : m.start()].rstrip()
    words = before.split(" ")
    tail = m.group("w")
    if tail and (not words or words[-1] != tail):
        return None
    for n in range(2, min(len(words), 12) + 1):
        cand = " ".join(words[-n:]).strip()
        core = cand[: -len(tail)].rstrip() if tail else cand
        if "\n" in cand:
            return None
        if cand and cand[0].isupper() and acronym_matches(acr, core):
            if ORGAN.fullmatch(core) or core.startswith("Wet "):
                return None  # "het Algemeen Bestuur (AB)", "de Wet werk en zekerheid (Wwz)": no body
            if _names_places(ref, core):
                return None  # "Hattem, Heerde en Oldebroek (HHO)": members of HHO, not its name
            start = text.rfind(cand, 0, m.start())
            if start < 0:
                return None
            # "Vereniging van Fondsen in Nederland (FIN)": the head before the acronym's words
            lead = re.search(r"(?:^|\s)([A-Z][\w-]+\s+(?:van|voor)\s+(?:de\s+|het\s+)?)$", text[:start])
            if lead and org_head(lead.group(1).split()[0]):
                start -= len(lead.group(1))
                cand = text[start : m.start()].rstrip()
            return start, cand
    return None


def _add_expansion(out: SpanIndex, m: re.Match[str], start: int, cand: str) -> None:
    """The long name replaces what overlaps it; "(RES Flevoland)", or an initiative's acronym, names
    the same thing as the long name."""
    etype = "Initiative" if any(initiative_head(w) for w in cand.split()) else "Organization"
    exp = Mention(
        start,
        start + len(cand),
        cand,
        etype,
        "acronym-expansion",
        priority=80,
        confidence=0.9,
        attrs={"acronym": m.group()[1:-1]},
    )
    if m.group("w") or etype == "Initiative":
        for o in out.overlapping(m.start(), m.end()):
            if m.start() <= o.start < m.end():
                out.remove(o)
        out.add(
            Mention(
                m.start() + 1,
                m.end() - 1,
                m.group()[1:-1],
                etype,
                "acronym-paren",
                priority=80,
                confidence=0.9,
                attrs={"same_as": cand},
            )
        )
    for o in out.overlapping(exp.start, exp.end):
        if o.type == "Organization" or o.priority < 65:
            out.remove(o)
    out.add(exp)


def _name_forms(persons: list[Mention]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each person gets a key; per surname form and per first name, the keys of the persons with it."""
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for p in persons:
        p.key = "person:" + slugify(p.canonical or p.text)
        last = p.attrs.get("last", "")
        core = last.split()[-1] if last else ""
        for form in sorted({last, last[:1].upper() + last[1:], core}, key=lambda f: (-len(f), f)):
            if form and form[0].isupper() or form.startswith(("van ", "de ", "ten ", "ter ")):
                by_last.setdefault(form, set()).add(p.key)
        first = p.attrs.get("first", "")
        if first and "." not in first:
            by_first.setdefault(first, set()).add(p.key)
    return by_last, by_first


def _add_name_form(out: SpanIndex, text: str, form: str, rule: str, person: tuple[str, str]) -> None:
    """Every whole-word occurrence of a person's surname or first name is that person, unless a
    stronger mention or one of another kind than an organisation or region stands there."""
    key, name = person
    for m in whole_word(form, apostrophes=True).finditer(text):
        if rule == "person-firstname" and not (m.end() == len(text) or text[m.end()] in " \n,:?!.’'"):
            continue
        new = Mention(
            m.start(),
            m.end(),
            m.group(),
            "Person",
            rule,
            priority=58,
            confidence=0.8,
            key=key,
            canonical=name,
        )
        clash = out.overlapping(new.start, new.end)
        if any(o.priority >= new.priority or o.type != "Organization" and o.type != "Region" for o in clash):
            continue
        for o in clash:
            out.remove(o)
        out.add(new)


def _add_capitalised_surname(out: SpanIndex, text: str, cap: str, person: tuple[str | None, str]) -> None:
    """ "Van Dijk" for "van Dijk": where no person or stronger mention stands."""
    key, name = person
    for m in whole_word(cap).finditer(text):
        new = Mention(
            m.start(),
            m.end(),
            m.group(),
            "Person",
            "person-surname",
            priority=58,
            confidence=0.8,
            key=key,
            canonical=name,
        )
        clash = out.overlapping(new.start, new.end)
        if all(o.priority < new.priority and o.type != "Person" for o in clash):
            for o in clash:
                out.remove(o)
            out.add(new)


COALITION_AGREEMENT = re.compile(r"(?:het\s+)?(?:coalitie|college)(?:akkoord|programma)", re.IGNORECASE)
_PARTY_SHAPE = re.compile(r"(?:partij|belangen?)$|^(?:leefbaar|lokaal)\s", re.IGNORECASE)


def political_party(m: Mention) -> bool:
    """A mention of a political party: on the list, by the shape of its name, or a joint list of
    listed parties ("CU-SGP", "PvdA/GroenLinks")."""
    return m.rule == "org-party" or (
        m.type == "Organization" and (_party_name(m.text) or _joint_list(m.text))
    )


def _joint_list(name: str) -> bool:
    parts = re.split(r"\s*[-/]\s*", name.strip())
    return len(parts) >= 2 and all(p in POLITICAL_PARTIES or p in PARTY_ABBREVIATIONS for p in parts)


def _party_name(name: str) -> bool:
    """A party the list does not know, by the shape of its name: "Friese Volkspartij", "Dorpsbelangen",
    "Leefbaar Epe", "Lokaal Ede", "Oudelands Belang"."""
    return _PARTY_SHAPE.search(name.strip()) is not None
