"""CSV cells that a spreadsheet shows as text, never runs as a formula.

Excel, LibreOffice and Google Sheets evaluate a cell that starts with `=`, `+`, `-` or `@` (and
some also after a leading tab or carriage return) as a formula, so a sentence read from a hostile
document could run `=HYPERLINK(...)` or worse in an analyst's spreadsheet (CSV injection). Every
CSV writer of the project passes its text cells through `safe_cell`, which puts a `'` in front of
such a cell, the convention spreadsheets themselves use for "this is text" (OWASP's advice).
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """`text` as it may go into a CSV cell: with a leading `'` when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
