"""Where extraction runs does not change the graph: one process, two worker processes and a real
Dask cluster (a `distributed.LocalCluster` with worker processes) give byte-identical exports, and
an unreachable cluster is one line on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from stakegraph.cli import main
from stakegraph.dispatch import MIN_POOL_TASKS

PEOPLE = [
    ("Femke", "Brouwersma"), ("Ruud", "Terpstra"), ("Ilse", "van Kempen"), ("Gijs", "Hoekstein"),
    ("Noor", "de Wildt"), ("Pieter", "Lankhuizen"), ("Sanne", "Oosterbeek"), ("Daan", "Verhagen"),
    ("Lotte", "Zwartjes"), ("Bas", "ter Horst"),
]
PLACES = ["Zwolle", "Kampen", "Deventer", "Apeldoorn", "Enschede", "Hengelo", "Almelo", "Zutphen"]
ROLES = ["gemeentesecretaris", "burgemeester", "directeur", "wethouder"]


def write_documents(folder: Path, n: int) -> Path:
    """n short news items, each with its own people, places and roles (invented names)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        first, last = PEOPLE[i % len(PEOPLE)]
        place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
        role = ROLES[i % len(ROLES)]
        text = (
            f"Nieuwe {role} voor {place}\n\n"
            f"Het college van de gemeente {place} heeft {first} {last} benoemd tot {role}. "
            f"{last} was eerder directeur bij de Omgevingsdienst {other}.\n\n"
            f"De gemeente {place} werkt samen met de gemeente {other} aan de woningbouw in de regio.\n"
        )
        (folder / f"bericht_{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def ingest_and_export(folder: Path, store: Path, *extra: str) -> bytes:
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(folder), "--store", str(store), *extra])
    assert result.exit_code == 0, result.output
    out = store.with_suffix(".json")
    result = runner.invoke(main, ["export", "json", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_documents(tmp_path_factory.mktemp("corpus") / "berichten", MIN_POOL_TASKS + 8)


def test_one_process_two_processes_and_a_dask_cluster_give_the_same_bytes(
    documents: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    one = ingest_and_export(documents, tmp_path / "een.db", "--workers", "1")
    two = ingest_and_export(documents, tmp_path / "twee.db", "--workers", "2")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        dask = ingest_and_export(documents, tmp_path / "dask.db", "--scheduler", cluster.scheduler_address)
    assert b'"HOLDS_POSITION"' in one and one.count(b'"type": "Person"') >= len(PEOPLE)
    assert two == one
    assert dask == one


def test_an_unreachable_scheduler_is_one_line(documents: Path, tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr("stakegraph.dispatch.CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(
        main, ["ingest", str(documents), "--store", str(tmp_path / "g.db"), "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output

