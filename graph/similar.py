"""Which known names are closest to one that was not found: the "did you mean" of the CLI and queries.

A real string similarity (rapidfuzz's token-sort ratio, a normalised edit distance that does not
care about word order) over the same normalised keys lookups use, so "gemeente Leiden" is compared
as "leiden" and does not come out close to every other "gemeente ...". Each stakeholder counts
once, by the best of its name and aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .names import name_key

MIN_SIMILARITY = 60.0  # out of 100; below this a name is no plausible typo of the other


def closest(query: str, names: Mapping[str, Iterable[str]], n: int = 5,
            cutoff: float = MIN_SIMILARITY) -> list[str]:
    """Keys of `names` (e.g. entity id -> its name and aliases), the most similar to `query` first."""
    from rapidfuzz import fuzz, process

    owners: list[str] = []
    choices: list[str] = []
    for key, aliases in names.items():
        for alias in dict.fromkeys(aliases):
            owners.append(key)
            choices.append(alias)
    best: dict[str, float] = {}
    for _, score, i in process.extract(query, choices, scorer=fuzz.token_sort_ratio, processor=name_key,
                                       score_cutoff=cutoff, limit=None):
        best[owners[i]] = max(best.get(owners[i], 0.0), score)
    return sorted(best, key=lambda k: (-best[k], k))[:n]
