"""No function in the extraction engine (the loaders package) is longer than 60 lines.

A rule that needs more is two rules, or a rule and a helper: long functions were where the engine
had become hard to read and to change. Measured with `ast` on the source files, so nested functions
and methods count too; ruff's complexity rules (C901, PLR0912-0915 in pyproject.toml) check the rest.
"""

from __future__ import annotations

import ast
from pathlib import Path

LOADERS = Path(__file__).resolve().parents[2] / "loaders"
MAX_LINES = 60


def long_functions(source: str, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    """(name, lines) of every function or method in `source` longer than `limit` lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            lines = node.end_lineno - node.lineno + 1
            if lines > limit:
                found.append((node.name, lines))
    return found


def test_the_measure_finds_a_long_function_and_passes_a_short_one() -> None:
    body = "".join(f"    x{k} = {k}\n" for k in range(MAX_LINES))  # with the def line: one too many
    source = f"def too_long():\n{body}\n\nclass C:\n    def short(self):\n        return 1\n"
    assert long_functions(source) == [("too_long", MAX_LINES + 1)]
    assert long_functions(source, limit=MAX_LINES + 1) == []


def test_no_function_in_loaders_is_over_60_lines() -> None:
    files = sorted(LOADERS.rglob("*.py"))
    assert len(files) > 20  # the whole package, not an empty folder
    too_long = [
        f"{path.relative_to(LOADERS.parent)}: {name} ({lines} lines)"
        for path in files
        for name, lines in long_functions(path.read_text(encoding="utf-8"))
    ]
    assert not too_long, "split these functions:\n" + "\n".join(too_long)
