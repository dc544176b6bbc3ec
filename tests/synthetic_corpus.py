"""Many small Dutch documents with invented people, for tests that need volume (kills, concurrency).

Deterministic: document k is always the same text, so two runs over the same folder must give the
same graph. Names are invented combinations; the places are real municipalities.
"""

from __future__ import annotations

from pathlib import Path

FIRST = ["Anouk", "Bram", "Charlotte", "Daan", "Eline", "Floris", "Gerda", "Hidde", "Ilse", "Jelle",
         "Kirsten", "Lars", "Mirjam", "Niels", "Oscar", "Petra", "Quinten", "Roos", "Sander", "Tamara"]
LAST = ["Bosman", "de Wit", "van Leeuwen", "Kuipers", "Verhoef", "Mulder", "van der Meer", "Postma",
        "Hoekstra", "Brouwer", "Jansma", "van Dijk", "Smits", "Koster", "de Graaf", "Veenstra"]
TOWNS = ["Zwolle", "Kampen", "Deventer", "Apeldoorn", "Enschede", "Hengelo", "Almelo", "Zutphen", "Winterswijk",
         "Doetinchem", "Arnhem", "Nijmegen", "Ede", "Wageningen", "Harderwijk", "Meppel"]
ROLES = ["wethouder", "gemeentesecretaris", "burgemeester", "griffier", "directeur"]
ORGS = ["Vereniging van Nederlandse Gemeenten (VNG)", "GGD IJsselland", "Hogeschool Windesheim",
        "Omgevingsdienst Achterhoek", "Veiligheidsregio Twente"]


def text(k: int) -> str:
    person = f"{FIRST[k % len(FIRST)]} {LAST[(k // len(FIRST)) % len(LAST)]}"
    town, other = TOWNS[k % len(TOWNS)], TOWNS[(k * 7 + 3) % len(TOWNS)]
    role, org = ROLES[k % len(ROLES)], ORGS[(k // 3) % len(ORGS)]
    return (
        f"Bericht {k}: nieuwe {role} in {town}\n\n"
        f"{person} is benoemd tot {role} van de gemeente {town}. {person.split()[0]} werkte eerder bij "
        f"{org}.\n\nDe gemeente {town} werkt samen met de gemeente {other} aan woningbouw in de regio "
        f"(dossier {k}).\n"
    )


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(start, start + n):
        path = folder / f"bericht_{k:05d}.txt"
        path.write_text(text(k), encoding="utf-8")
        paths.append(path)
    return paths
