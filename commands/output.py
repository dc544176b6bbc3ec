"""Render rows for people (aligned tables) or programs (JSON, CSV), the same way in every command."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

import click

from ..graph.spreadsheet import safe_cell

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def render(
    rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None, max_width: int = 60
) -> str:
    """Rows as text. JSON keeps every field; table and CSV show `columns` (default: all keys)."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=1)
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_csv_cell(r.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(nothing)"
    cells = [[_clip(_cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    head = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join([click.style(head, bold=True), rule, *body])


def _csv_cell(value: Any) -> str | int | float:
    """Numbers stay numbers (a negative one is no formula); text never starts a spreadsheet formula."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _cell(value)
    return safe_cell(_cell(value))


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> None:
    click.echo(render(rows, fmt, columns))


def _clip(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"
