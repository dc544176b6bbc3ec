"""The command line's boundary: commands/* never import cli.py, helpers have one name each, no
import error is swallowed, start-up loads no heavy library, and only the CLI reads the environment."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI_MODULES = [REPO / "cli.py", *sorted((REPO / "commands").glob("*.py"))]
HEAVY = ("pandas", "networkx", "numpy", "spacy", "rdflib", "igraph", "pyshacl", "trafilatura")


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def library_modules() -> list[Path]:
    """Every module of the package except the CLI (cli.py, __main__.py, commands/)."""
    skip = {REPO / "cli.py", REPO / "__main__.py"}
    return [p for p in sorted(REPO.rglob("*.py"))
            if p not in skip and not {"commands", "tests", "benchmarks", "notebooks", ".venv"} & set(
                p.relative_to(REPO).parts)]


def test_commands_never_import_the_cli_module() -> None:
    offenders = []
    for path in (REPO / "commands").glob("*.py"):
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.ImportFrom):
                target = ("." * node.level) + (node.module or "")
                if target in ("..cli", "stakegraph.cli") or (node.level == 2 and node.module is None
                                                               and any(a.name == "cli" for a in node.names)):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_no_two_cli_helpers_share_a_name() -> None:
    names = Counter(node.name for path in CLI_MODULES for node in tree(path).body
                    if isinstance(node, ast.FunctionDef) and node.name != "register")
    assert [n for n, k in names.items() if k > 1] == []
    assert names["graph_options"] == 0  # read_options and projection_options say which they are


def test_no_import_error_is_swallowed() -> None:
    for path in CLI_MODULES:
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                caught = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                assert not caught & {"ModuleNotFoundError", "ImportError"}, f"{path.name}:{node.lineno}"


def test_the_library_reads_no_environment_variables() -> None:
    offenders = []
    for path in library_modules():
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize("args", [["--help"], ["query", "--help"], ["export", "--help"], ["viz", "--help"],
                                  ["show", "--help"]])
def test_start_up_loads_no_heavy_library(args: list[str]) -> None:
    code = ("import sys\nfrom stakegraph.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
            "    pass\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60,
                          check=True)
    loaded = set(done.stdout.strip().splitlines()[-1].split())
    assert "Usage:" in done.stdout
    assert [m for m in HEAVY if m in loaded] == []
