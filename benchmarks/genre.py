"""Generate documents of the genre — appointments, cooperation news, interviews — for scale runs.

People and organisations are invented (names built from syllables and common Dutch name parts, so
a large corpus has tens of thousands of different people, not a handful repeated); municipalities
and provinces are the real ones from the package's reference data. Lengths vary from a short
notice to a long interview. Deterministic for a seed, so two runs measure the same corpus.

    python benchmarks/genre.py OUT_FOLDER --docs 100000 [--seed 1]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import time
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[1] / "loaders" / "reference"

FIRST = (
    "Anna Bram Carla Daan Eva Femke Gijs Hanna Ilse Jeroen Karin Lars Marieke Niels Olga Pieter Quinten "
    "Roos Sander Tessa Ursula Vincent Wendy Xander Yara Zeger Annelies Bart Coen Dewi Erik Floor Geert "
    "Hester Ivo Joost Kim Lieke Maarten Noor Otto Petra Rik Sanne Thijs Vera Wout Lotte Ruud Mirjam"
).split()
PARTICLES = ["", "", "", "van ", "de ", "van der ", "van den ", "ter ", "van de "]
SYL_A = (
    "Ber Bos Brink Dijk Graaf Haver Hoek Kamp Kooi Lank Meer Molen Oost Ros Smul Steen Ter Veen Wester Zand"
).split()
SYL_B = "man stra sma kamp huis berg veld link hof ink ema ing hout wijk ders beek horst mans".split()
ORG_HEADS = [
    "Stichting", "Vereniging", "Coöperatie", "Omgevingsdienst", "GGD", "Veiligheidsregio", "Woningcorporatie",
    "Hogeschool", "Waterschap",
]
ORG_TAILS = "Groen Noord Vallei Kracht Samen Wonen Zorg Energie Rivierenland Heuvelland Kust Delta".split()
ROLES = [
    ("gemeentesecretaris", "de gemeente"), ("burgemeester", "de gemeente"), ("wethouder", "de gemeente"),
    ("directeur", "ORG"), ("voorzitter", "ORG"), ("programmamanager", "ORG"), ("bestuurder", "ORG"),
]
TOPICS = ["woningbouw", "de energietransitie", "jeugdzorg", "netcongestie", "het klimaatakkoord",
          "de arbeidsmarkt", "gezondheid in de wijk", "bodem en water", "mobiliteit"]
FILLER = [
    "Volgens de betrokkenen is er de komende jaren veel werk te doen.",
    "De gemeenteraad wordt in het najaar over de voortgang geïnformeerd.",
    "Het plan is tot stand gekomen na gesprekken met inwoners en ondernemers.",
    "Over de financiering worden in het voorjaar afspraken gemaakt.",
    "De eerste resultaten worden volgend jaar verwacht.",
    "Ook het maatschappelijk middenveld is bij de uitvoering betrokken.",
]


def load_places() -> tuple[list[str], list[str]]:
    with (REFERENCE / "municipalities.csv").open(encoding="utf-8") as fh:
        municipalities = [r["name"] for r in csv.DictReader(fh)]
    with (REFERENCE / "provinces.csv").open(encoding="utf-8") as fh:
        provinces = [r["name"] for r in csv.DictReader(fh)]
    return municipalities, provinces


class Genre:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.municipalities, self.provinces = load_places()

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(FIRST)} {r.choice(PARTICLES)}{r.choice(SYL_A)}{r.choice(SYL_B)}"

    def organisation(self) -> str:
        r = self.rng
        head = r.choice(ORG_HEADS)
        tail = r.choice(ORG_TAILS) if r.random() < 0.5 else r.choice(self.municipalities)
        return f"{head} {tail}"

    def appointment(self) -> list[str]:
        r = self.rng
        who, role_place = self.person(), r.choice(ROLES)
        role = role_place[0]
        place = r.choice(self.municipalities)
        where = f"de gemeente {place}" if role_place[1] == "de gemeente" else self.organisation()
        before, org = self.person(), self.organisation()
        surname = who.split(" ", 1)[1]
        return [
            f"Nieuwe {role} voor {where}",
            f"{who} is benoemd tot {role} van {where}. {surname[0].upper() + surname[1:]} is nu "
            f"manager bij {org}. Eerder werkte {who.split()[0]} bij de gemeente "
            f"{r.choice(self.municipalities)}.",
            f"{who.split()[0]} volgt {before} op, die met pensioen gaat.",
        ]

    def cooperation(self) -> list[str]:
        r = self.rng
        a, b = r.sample(self.municipalities, 2)
        topic, org = r.choice(TOPICS), self.organisation()
        lead = self.person()
        return [
            f"{a} en {b} werken samen aan {topic}",
            f"De gemeente {a} en de gemeente {b} werken samen met {org} aan {topic} in de provincie "
            f"{r.choice(self.provinces)}.",
            f"{lead}, wethouder in {a}, is voorzitter van de stuurgroep. '{r.choice(FILLER)}', "
            f"zegt {lead.split()[-1]}.",
        ]

    def interview(self) -> list[str]:
        r = self.rng
        who, org = self.person(), self.organisation()
        place = r.choice(self.municipalities)
        paras = [
            f"Interview met {who}",
            f"{who} is directeur van {org} in {place}. {who.split()[0]} werkt samen met de gemeente "
            f"{place} aan {r.choice(TOPICS)}.",
        ]
        for _ in range(r.randint(2, 12)):
            other = self.person()
            paras.append(
                f"'{r.choice(FILLER)}' Volgens {other}, {r.choice(ROLES)[0]} bij {self.organisation()}, "
                f"doet ook de gemeente {r.choice(self.municipalities)} mee. {r.choice(FILLER)}"
            )
        return paras

    def document(self) -> str:
        r = self.rng
        paras = r.choice([self.appointment, self.cooperation, self.interview])()
        for _ in range(r.choice([0, 1, 2, 4, 6, 10, 16])):  # lengths from a notice to a long piece
            paras.append(" ".join(r.choice(FILLER) for _ in range(r.randint(2, 6))))
        return "\n\n".join(paras) + "\n"


def generate(folder: Path, docs: int, seed: int = 1, *, age_seconds: float = 86400) -> list[Path]:
    """Write `docs` documents in subfolders of 1,000; files get an mtime `age_seconds` in the past
    (an archive, not files being written as the ingest runs)."""
    genre = Genre(seed)
    files = []
    past = time.time() - age_seconds
    for i in range(docs):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"bericht_{i:06d}.txt"
        path.write_text(genre.document(), encoding="utf-8")
        os.utime(path, (past, past))
        files.append(path)
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = generate(args.folder, args.docs, args.seed)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} documents, {size / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
