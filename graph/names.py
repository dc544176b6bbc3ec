"""Name normalisation shared by extraction, curation and queries, so "gemeente Leiden",
"Leiden" and "LEIDEN" find the same stakeholder everywhere (and as the gold scorer aligns them)."""

from __future__ import annotations

import re
import unicodedata

_LEADING = ("gemeente ", "de ", "het ", "the ")


def fold(text: str) -> str:
    """Lower case, no diacritics, no punctuation, single spaces."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = s.lower().replace("'", "").replace("`", "")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def name_key(text: str) -> str:
    """`fold` without a leading article or "gemeente": the key two names must share to be the same."""
    s = fold(text)
    for lead in _LEADING:
        if s.startswith(lead):
            s = s[len(lead) :]
    return s


def slugify(text: str) -> str:
    """A readable, stable id fragment: "Anna van Dijk" -> "anna-van-dijk"."""
    return fold(text).replace(" ", "-") or "x"
