"""The README's test command works in any checkout: folder names that are no Python identifier,
and without ../shared (whose checks are then skipped, loudly, or fail where they are required)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def pytest_in(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("STAKEGRAPH_")}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *args], cwd=folder,
                          capture_output=True, text=True, timeout=120, env={**environ, **env})


def checkout(tmp_path: Path, name: str) -> Path:
    """A checkout named `name` with the root package file, the pytest set-up and two real test files."""
    root = tmp_path / name
    (root / "tests" / "graph").mkdir(parents=True)
    for rel in ("pyproject.toml", "__init__.py", "tests/conftest.py", "tests/graph/test_model.py",
                "tests/test_knowledge.py"):
        shutil.copy(REPO / rel, root / rel)
    return root


def test_the_suite_runs_in_a_folder_whose_name_is_no_identifier(tmp_path: Path) -> None:
    root = checkout(tmp_path, "stakegraph-main")
    done = pytest_in(root, "tests/graph", STAKEGRAPH_SHARED=str(tmp_path / "nothing"))
    assert done.returncode == 0, done.stdout[-3000:]
    assert " passed" in done.stdout and "error" not in done.stdout.lower()


def test_checks_against_shared_are_reported_when_it_is_absent(tmp_path: Path) -> None:
    root = checkout(tmp_path, "nc-3495")
    done = pytest_in(root, "tests/test_knowledge.py", STAKEGRAPH_SHARED=str(tmp_path / "nothing"))
    assert done.returncode == 0, done.stdout[-3000:]
    assert "checks against ../shared skipped" in done.stdout
    assert f"1 test(s) compare with ../shared (reference corpus, scorer, interchange document), which is " \
           f"not at {tmp_path / 'nothing'}" in " ".join(done.stdout.split())


def test_required_shared_turns_the_skip_into_a_failure(tmp_path: Path) -> None:
    root = checkout(tmp_path, "nc-3495")
    done = pytest_in(root, "tests/test_knowledge.py", STAKEGRAPH_SHARED=str(tmp_path / "nothing"),
                     STAKEGRAPH_REQUIRE_SHARED="1")
    assert done.returncode != 0
    assert "STAKEGRAPH_REQUIRE_SHARED is set but" in done.stdout and "INTERCHANGE.md is absent" in done.stdout
