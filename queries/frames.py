"""Rankings as pandas DataFrames, ordered and tied the same way in every query.

Order is score descending, then id, so equal scores never come out in an arbitrary order.
Scores are compared after rounding to `DIGITS` decimals: two nodes that are structurally
equivalent can get values that differ in the last bits (sums taken in another order, or by
another backend), and such noise must not reorder a table nor split a tie.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd

DIGITS = 10
RANKING_COLUMNS = ["id", "name", "type", "score", "rank"]


def ranking(
    G: nx.Graph,
    scores: Mapping[Any, float],
    *,
    type: str | None = None,
    top: int | None = None,
    extra: Mapping[str, Mapping[Any, Any]] | None = None,
    attrs: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per node with a score: id, name, type, score, rank (1 = highest; ties share a rank).

    `type` keeps only nodes of that entity type (after scoring, so the graph is not changed);
    `top` keeps the first rows; `extra` adds columns; `attrs` goes to `DataFrame.attrs`.
    """
    rows = []
    for v, s in scores.items():
        d = G.nodes[v]
        if type is not None and d.get("type") != type:
            continue
        row = {"id": str(v), "name": str(d.get("name", v)), "type": d.get("type"), "score": _float(s)}
        for column, values in (extra or {}).items():
            row[column] = values.get(v)
        rows.append(row)
    columns = RANKING_COLUMNS + [c for c in (extra or {}) if c not in RANKING_COLUMNS]
    df = pd.DataFrame(rows, columns=[c for c in columns if c != "rank"])
    key = df["score"].round(DIGITS)
    df = df.assign(_key=key).sort_values(["_key", "id"], ascending=[False, True], na_position="last")
    df["rank"] = df["_key"].rank(method="min", ascending=False).astype("Int64")
    df = df.drop(columns="_key")[columns].reset_index(drop=True)
    if top is not None:
        df = df.head(top).reset_index(drop=True)
    df.attrs.update(attrs or {})
    return df


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts for JSON/CSV/table output: NaN becomes None, numpy scalars Python ones."""
    out = []
    for row in df.to_dict("records"):
        out.append({k: _plain(v) for k, v in row.items()})
    return out


def _float(value: Any) -> float:
    return float("nan") if value is None else float(value)


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, str)):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value
