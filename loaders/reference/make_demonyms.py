"""Generate demonyms.csv: the adjectives Dutch texts make from municipality and province names.

"de Zwolse burgemeester", "het Haagse college", "Brabantse gemeenten": the extractor needs the
adjective to know which municipality or province a role or a group belongs to. No official list
covers all of them, so they are derived here by the Dutch spelling rules for place-name adjectives
plus an explicit table of irregular, established forms. Where neither the rules nor the table give
a form we are sure is standard, the municipality is left out: a wrong adjective is worse than none.

Run `python loaders/reference/make_demonyms.py` to rewrite demonyms.csv next to this file;
`--check` exits 1 when the committed file differs from what the rules produce.
Method and omissions: SOURCES.md in this folder.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOWELS = "aeiouy"

# Irregular or established forms, by the official CBS name. These replace the rules entirely, so
# list every form (inflected ...se/...sche and, where standard, uninflected ...s / ...er).
EXCEPTIONS: dict[str, tuple[str, ...]] = {
    # vowel lengthening, dropped endings, shortened or historic forms
    "'s-Gravenhage": ("Haagse", "Haags"),
    "'s-Hertogenbosch": ("Bossche",),
    "Groningen": ("Groningse", "Gronings", "Groninger"),
    "Leiden": ("Leidse", "Leids"),
    "Nijmegen": ("Nijmeegse", "Nijmeegs"),
    "Almere": ("Almeerse", "Almeers"),
    "Kerkrade": ("Kerkraadse", "Kerkraads"),
    "Heemstede": ("Heemsteedse", "Heemsteeds"),
    "Tholen": ("Thoolse", "Thools"),
    "Gouda": ("Goudse", "Gouds"),
    "Breda": ("Bredase", "Bredaas"),
    "Enschede": ("Enschedese", "Enschedees"),
    "Ede": ("Edese",),
    "Epe": ("Epese",),
    "Goirle": ("Goirlese",),
    "Waalre": ("Waalrese",),
    "Deurne": ("Deurnese",),
    "Dordrecht": ("Dordtse", "Dordts", "Dordrechtse", "Dordrechts"),
    "Gorinchem": ("Gorcumse", "Gorinchemse"),
    "Zaanstad": ("Zaanse", "Zaans", "Zaanstadse"),
    "Den Helder": ("Helderse", "Helders"),
    "De Bilt": ("Biltse",),
    "Bergen op Zoom": ("Bergse", "Bergen op Zoomse"),
    "Alphen aan den Rijn": ("Alphense",),
    "Capelle aan den IJssel": ("Capelse", "Capels"),
    "Krimpen aan den IJssel": ("Krimpense",),
    "Valkenburg aan de Geul": ("Valkenburgse",),
    "Utrechtse Heuvelrug": ("Heuvelrugse",),
    "Nuenen, Gerwen en Nederwetten": ("Nuenense",),
    "Hendrik-Ido-Ambacht": ("Ambachtse", "Hendrik-Ido-Ambachtse"),
    "Wijdemeren": ("Wijdemeerse",),
    "Molenlanden": ("Molenlandse",),
    "Vijfheerenlanden": ("Vijfheerenlandse",),
    "Haaksbergen": ("Haaksbergse",),
    "Steenbergen": ("Steenbergse",),
    "Hulst": ("Hulsterse",),
    # -er forms, the established adjective of these places (some also take ...se)
    "Leeuwarden": ("Leeuwarder", "Leeuwardense"),
    "Assen": ("Asser", "Assense"),
    "Kampen": ("Kamper", "Kampense"),
    "Weert": ("Weerter", "Weertse"),
    "Harlingen": ("Harlinger",),
    "Meppel": ("Meppeler",),
    "Schagen": ("Schager",),
    "Huizen": ("Huizer",),
    "Zeist": ("Zeister",),
    "Soest": ("Soester",),
    "Voorst": ("Voorster",),
    "Staphorst": ("Staphorster",),
    "Urk": ("Urker",),
    "Enkhuizen": ("Enkhuizer",),
    "Oegstgeest": ("Oegstgeester",),
    "Deventer": ("Deventer",),
    "Veendam": ("Veendammer",),
    "Ameland": ("Amelander",),
    "Terschelling": ("Terschellinger",),
    "Vlieland": ("Vlielander",),
    # provinces
    "Groningen (provincie)": ("Groningse", "Gronings", "Groninger"),
    "Fryslân": ("Friese", "Fries"),
    "Drenthe": ("Drentse", "Drents"),
    "Noord-Brabant": ("Brabantse", "Brabants", "Noord-Brabantse", "Noord-Brabants"),
    "Zeeland": ("Zeeuwse", "Zeeuws"),
    "Gelderland": ("Gelderse", "Gelders"),
    "Midden-Drenthe": ("Midden-Drentse",),
}

# Compound names whose adjective is the rule's form of the last part ("Sittard-Geleense"), used in
# the regional press. Other compound names are left out (see OMITTED_COMPOUND).
COMPOUNDS_BY_LAST_PART = {
    "Sittard-Geleen",
    "Leidschendam-Voorburg",
    "Pijnacker-Nootdorp",
    "Etten-Leur",
    "Gemert-Bakel",
    "Geldrop-Mierlo",
    "Heeze-Leende",
    "Bodegraven-Reeuwijk",
    "Rijssen-Holten",
    "Eijsden-Margraten",
    "Gulpen-Wittem",
    "Borger-Odoorn",
    "Schouwen-Duiveland",
    "Noord-Beveland",
    "Midden-Delfland",
    "Midden-Groningen",
    "Neder-Betuwe",
    "Alphen-Chaam",
    "Edam-Volendam",
    "Ouder-Amstel",
    "Noord-Holland",
    "Zuid-Holland",
}

# Simple names the rules would get wrong and for which we know no form certain enough to list.
OMITTED: dict[str, str] = {
    "Raalte": "Raalter/Raaltese both seen; no clear standard",
    "Lisse": "rule gives the name itself; Lisser uncertain",
    "Heerde": "Heerdese/Heerdse uncertain",
    "Bernheze": "no established form",
    "Waadhoeke": "no established form",
    "Eemnes": "Eemnesser/Eemnesse uncertain",
    "Zuidplas": "Zuidplasse uncertain",
    "Sluis": "Sluise uncertain (and sluis is a common noun)",
    "Heiloo": "Heilooër is the inhabitant; adjective uncertain",
    "Ommen": "Ommer/Ommense uncertain",
    "Tubbergen": "Tubbergse/Tubbergense uncertain",
    "Achtkarspelen": "no established form",
    "Schiermonnikoog": "Schiermonnikooger spelling uncertain",
    "Stadskanaal": "Stadskanaalster/Stadskanaalse both seen",
    "Oldambt": "Oldambtster/Oldambtse both seen",
    "Pekela": "Pekelder uncertain",
    "Altena": "no established form",
    "Eemsdelta": "no established form",
    "Uitgeest": "Uitgeester uncertain",
    "Laren (NH.)": "Laarder/Larense both seen",
    "Tytsjerksteradiel": "Frisian name, no established Dutch adjective",
    "Dantumadiel": "Frisian name, no established Dutch adjective",
}

PROVINCE_KEY = {"Groningen": "Groningen (provincie)"}  # name shared with the municipality


def short_name(official: str) -> str:
    """ "Bergen (L.)" -> "Bergen", as reference.py does."""
    return official.split(" (", 1)[0]


def uninflected(inflected: str) -> str | None:
    """ "Leidse" -> "Leids", "Venlose" -> "Venloos"; None where Dutch has no clean bare form."""
    if not inflected.endswith("se") or inflected.endswith("sse"):
        return None
    stem = inflected[:-2]
    if stem[-1] in "sz":
        return None
    if stem[-1] in "ao" and stem[-2] not in VOWELS:  # open syllable closes: Venlo -> Venloos
        return stem + stem[-1] + "s"
    if stem[-1] in VOWELS:
        return None
    return stem + "s"


def rule_forms(name: str) -> list[str] | None:
    """Adjectives of a one-word place name by the regular Dutch rules; None where no rule applies."""
    if not re.fullmatch(r"[A-Z][a-zA-Zâ]+|IJ[a-z]+", name):
        return None
    if name.endswith("ingen"):  # Groningen -> Groningse, Wageningen -> Wageningse
        stem = name[:-2]
    elif name.endswith("e"):  # Zwolle -> Zwolse, Veere -> Veerse, Overbetuwe -> Overbetuwse
        stem = name[:-1]
        if stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            stem = stem[:-1]
        if stem[-1] in VOWELS or not re.search(r"(?:[lnr]|[lnru]d|w|g)$", stem):
            return None  # Ede, Goirle, Heemstede: irregular, only by the table
    elif name[-1] in "aiu":  # Gouda/Goudse but Breda/Bredase: only by the table
        return None
    elif name.endswith("s"):  # Oss -> Osse, Goes -> Goese, Vaals -> Vaalse
        if not re.search(r"(?:ss|[aeiou]{2}s|[aeiou]{2}[lnr]s|uis)$", name):
            return None  # short vowel + s: Eemnes, Zuidplas -- doubling uncertain
        return [name + "e"]
    else:  # Rotterdam, Delft, Venlo, Heerlen, Tilburg
        stem = name
    forms = [stem + "se"]
    bare = uninflected(forms[0])
    if bare:
        forms.append(bare)
    return forms


def forms_for(name: str) -> tuple[list[str], str]:
    """The adjectives of one official name and how they were found: 'table', 'rule', or why none."""
    if name in EXCEPTIONS:
        return list(EXCEPTIONS[name]), "table"
    if name in OMITTED:
        return [], "omitted: " + OMITTED[name]
    if name in COMPOUNDS_BY_LAST_PART:
        head, _, last = name.rpartition("-")
        last_forms = EXCEPTIONS.get(last) or rule_forms(last)
        if last_forms:
            return [f"{head}-{f}" for f in last_forms], "rule"
    simple = short_name(name)
    forms = rule_forms(simple)
    if forms is None:
        if " " in simple or "-" in simple or "," in simple:
            return [], "omitted: compound name without an established adjective"
        return [], "omitted: no regular rule applies"
    return forms, "rule"


def form_of(adjective: str) -> str:
    return "inflected" if adjective.endswith(("se", "sche")) else "uninflected"


def _read(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build() -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """The CSV rows (code, adjective, form) and, per left-out code, the reason."""
    rows: list[tuple[str, str, str]] = []
    left_out: dict[str, str] = {}
    known = {r["name"] for r in _read("municipalities.csv")} | {r["name"] for r in _read("provinces.csv")}
    stale = set(EXCEPTIONS) - known - set(PROVINCE_KEY.values())
    stale |= (set(OMITTED) | COMPOUNDS_BY_LAST_PART) - known
    if stale:
        raise SystemExit(f"make_demonyms: names not in municipalities.csv/provinces.csv: {sorted(stale)}")
    entries = [(r["cbs_code"], r["name"]) for r in _read("municipalities.csv")]
    entries += [(r["code"], PROVINCE_KEY.get(r["name"], r["name"])) for r in _read("provinces.csv")]
    for code, name in entries:
        forms, how = forms_for(name)
        if not forms:
            left_out[code] = f"{name}: {how}"
        for a in dict.fromkeys(forms):
            rows.append((code, a, form_of(a)))
    return rows, left_out


def render(rows: list[tuple[str, str, str]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["code", "adjective", "form"])
    w.writerows(rows)
    return out.getvalue()


def main(argv: list[str]) -> int:
    if any(a != "--check" for a in argv):
        print("usage: make_demonyms.py [--check]", file=sys.stderr)
        return 2
    rows, left_out = build()
    text = render(rows)
    target = HERE / "demonyms.csv"
    if "--check" in argv:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        if not same:
            print("demonyms.csv is out of date: run loaders/reference/make_demonyms.py", file=sys.stderr)
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    codes = {c for c, _, _ in rows}
    print(f"{len(rows)} adjectives for {len(codes)} codes; left out {len(left_out)}:")
    for code, why in left_out.items():
        print(f"  {code} {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
