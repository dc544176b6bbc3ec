"""Text structure the recognisers need: sentences, lines, and zones that are not content.

Offsets are always into the document's extracted text, so evidence can cite it exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from .vocabulary import CREDIT_FIELD, CREDIT_LINE, INLINE_CREDIT, MASTHEAD_LINE

WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
QUOTES = "‘’“”'\"«»„<>"


def literal_alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """`"|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))` as a group that
    matches exactly the same, written as a trie: re tries every branch of an alternation in turn at
    each position, so a few hundred names (or roles) cost hundreds of tries per word. Where several
    words match at one position they are prefixes of each other, and the trie tries the longest
    first, as the sorted alternation does; with `ignore_case` (the pattern's flag) the plain
    alternation is kept if two branches could match the same character."""
    words = list(words)
    plain = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    trie: dict = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def body(node: dict) -> str | None:
        kids = [c for c in node if c]
        if ignore_case and any(
            a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in kids for b in kids
        ):
            return None
        parts = []
        for c in kids:
            rest = body(node[c])
            if rest is None:
                return None
            parts.append(re.escape(c) + rest)
        if not parts:
            return ""
        if len(parts) == 1 and "" not in node:
            return parts[0]
        group = "(?:" + "|".join(parts) + ")"
        return group + "?" if "" in node else group  # greedy: the longer words first

    found = body(trie)
    return plain if found is None else "(?:" + found + ")"


class WordHit(NamedTuple):
    """Where `WholeWord` found its form; read like a regex match (`start()`, `end()`, `group()`)."""

    begin: int
    stop: int
    form: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.form


class WholeWord:
    """A name as a whole word: what `re.compile(rf"(?<![{edge}]){re.escape(form)}(?![{edge}])")`
    finds, with edge `\\w-` (and `’'` with `apostrophes`), found by `str.find` instead. Every document
    brings new names, and compiling a pattern for each cost more than the search itself."""

    __slots__ = ("form", "edge")

    def __init__(self, form: str, apostrophes: bool = False) -> None:
        if not form:
            raise ValueError("WholeWord needs a non-empty form")
        self.form = form
        self.edge = "_-’'" if apostrophes else "_-"  # with str.isalnum(): re's [\w-] / [\w’'-]

    def finditer(self, text: str) -> Iterator[WordHit]:
        form, edge, size, n = self.form, self.edge, len(self.form), len(text)
        pos = text.find(form)
        while pos != -1:
            end = pos + size
            before = text[pos - 1] if pos else ""
            after = text[end] if end < n else ""
            if (not before or not (before.isalnum() or before in edge)) and (
                not after or not (after.isalnum() or after in edge)
            ):
                yield WordHit(pos, end, form)
                pos = text.find(form, end)
            else:
                pos = text.find(form, pos + 1)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A recognised name in the text. `key` says which entity it refers to once resolved."""

    start: int
    end: int
    text: str
    type: str
    rule: str
    priority: int = 50
    confidence: float = 0.8
    key: str | None = None  # resolved entity key (its id)
    canonical: str | None = None  # canonical name, when the recogniser knows it (reference data)
    surface: str | None = None  # the form to record as alias, when wider than text ("gemeente X")
    attrs: dict = field(default_factory=dict)

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def id(self) -> str:
        """The resolved entity key. Relation rules read resolved mentions only, so for them every
        mention has one; asking an unresolved mention is a programming error."""
        if self.key is None:
            raise ValueError(f"unresolved mention {self.text!r} at {self.start}")
        return self.key


class SpanIndex:
    """Mentions kept in text order, so "which of them overlap this span?" costs a bisection instead
    of a scan of every mention in the document (that scan made long documents quadratic)."""

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        self._items: list[tuple[int, int, Mention]] = []
        self._longest = 0
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        insort(self._items, (m.start, id(m), m))
        self._longest = max(self._longest, m.end - m.start)

    def remove(self, m: Mention) -> None:
        self._items.pop(bisect_left(self._items, (m.start, id(m))))

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap [start, end), in text order."""
        hi = bisect_left(self._items, (end,))
        lo = bisect_left(self._items, (start - self._longest,))
        return [m for _, _, m in self._items[lo:hi] if m.start < end and start < m.end]

    def __iter__(self) -> Iterator[Mention]:
        return (m for _, _, m in self._items)


def resolved_by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> list[list[Mention]]:
    """Each sentence's resolved mentions (those that start and end inside it), in text order, found
    by bisection on the mentions' starts."""
    ordered = sorted((m for m in mentions if m.key), key=lambda m: m.start)
    starts = [m.start for m in ordered]
    return [
        [m for m in ordered[bisect_left(starts, s.start) : bisect_left(starts, s.end)] if m.end <= s.end]
        for s in sentences
    ]


def excluded_zones(text: str) -> list[tuple[int, int]]:
    """Spans that are credits, mastheads or image alt text: names there are not stakeholders."""
    zones = []
    pos = 0
    lines = text.split("\n")
    furniture = _running_headers(lines)
    for line in lines:
        end = pos + len(line)
        stripped = line.strip()
        if stripped and (
            CREDIT_LINE.match(stripped)
            or CREDIT_FIELD.search(stripped)
            or (MASTHEAD_LINE.search(stripped) and len(stripped) < 120 and not stripped.endswith("."))
            or _alt_text(stripped)
            or _header_key(stripped) in furniture
        ):
            zones.append((pos, end))
        else:
            for m in INLINE_CREDIT.finditer(line):
                zones.append((pos + m.start(), end))
        pos = end + 1
    return zones


def _running_headers(lines: list[str]) -> set[str]:
    """Page furniture in scanned text: short lines repeated on several pages (numbers aside)."""
    seen: dict[str, int] = {}
    for line in lines:
        stripped = line.strip()
        if (
            stripped
            and len(stripped) < 100
            and re.search(r"\d|\s{3,}", stripped)
            and not stripped.endswith((".", "?", "!", ":"))
        ):
            key = _header_key(stripped)
            if key:
                seen[key] = seen.get(key, 0) + 1
    return {k for k, n in seen.items() if n >= 2}


def _header_key(line: str) -> str:
    """The words of a line without numbers, in order of appearance: left and right page headers match."""
    return " ".join(sorted({w for w in re.findall(r"[^\W\d_]+", line)}))


def dehyphenate(text: str) -> str:
    """Undo line-end hyphenation in scanned or typeset text: "samen-\nwerking" -> "samenwerking",
    "Zuid-\nHolland" -> "Zuid-Holland" (a capital after the break means a real hyphen)."""
    text = re.sub(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])", "", text)
    return re.sub(r"(?<=\w)-\n(?=[A-ZÀ-Þ])", "-", text)


def _alt_text(line: str) -> bool:
    """Image file names and alt text ("Stadhuis buiten overleg 1000"): short, no verb punctuation,
    ending in a bare number of three or more digits."""
    words = line.split()
    return (
        3 <= len(words) <= 8
        and bool(re.fullmatch(r"\d{3,5}", words[-1]))
        and not line.endswith(".")
        and not re.fullmatch(r"(?:19|20)\d\d", words[-1])
    )


def in_zones(start: int, end: int, zones: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in zones)


def is_sentence_initial(text: str, pos: int) -> bool:
    """True when nothing but punctuation, quotes or a list marker precedes `pos` in its sentence."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] in QUOTES:
        return True  # the first word of a quotation
    while i >= 0 and (text[i] in " \t" or text[i] in "(*-–—•"):
        i -= 1
    if i < 0:
        return True
    return text[i] in ".!?:\n;>" or (text[i] == "." and i > 0)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def is_all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        start=1,
    )
}
_DATE = re.compile(
    r"\b(?P<d>[0-3]?\d)\s+(?P<m>" + "|".join(_MONTHS) + r")\s+(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b",
    re.IGNORECASE,
)


def document_date(text: str, head: int = 400) -> str | None:
    """The publication date a document states near its top ("Tiel, 9 september 2025 –", a masthead),
    as an ISO date; None when its first lines carry none. Dates later in the text are events, not
    the document's own date."""
    m = _DATE.search(text[:head])
    if m is None:
        return None
    if m.group("iso"):
        return m.group("iso")
    day, month, year = int(m.group("d")), _MONTHS[m.group("m").lower()], int(m.group("y"))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
