"""The notebooks run top to bottom on the bundled sample and draw at least one figure, so they never rot.

Each runs in a fresh kernel of *this* interpreter (a throwaway kernelspec pointing at
sys.executable, found first through JUPYTER_PATH), so the installed stakegraph is the one under
test whatever kernels the machine has. Saved notebooks must carry no outputs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
KERNEL = "stakegraph-test-python"
NAMES = ["explore_centrality.ipynb", "compare_corpora.ipynb"]


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "stakegraph tests",
        "language": "python",
    }), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_PATH", str(root))
    mp.setenv("MPLBACKEND", "Agg")  # headless; the notebooks draw inline, which renders with Agg
    yield KERNEL
    mp.undo()


def run(name: str, kernel: str, cwd: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=kernel, timeout=300,
                                     resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def outputs(nb: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]


@pytest.mark.parametrize("name", NAMES)
def test_saved_without_outputs(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: outputs committed"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_and_draws(name: str, kernel: str, tmp_path: Path) -> None:
    nb = run(name, kernel, tmp_path)  # a failing cell raises CellExecutionError with its traceback
    outs = outputs(nb)
    assert not [o for o in outs if o.get("output_type") == "error"]
    assert not [o for o in outs if o.get("name") == "stderr" and "Traceback" in o.get("text", "")]
    figures = [o for o in outs if "image/png" in o.get("data", {})]
    assert figures, f"{name} drew no figure on the bundled sample"
