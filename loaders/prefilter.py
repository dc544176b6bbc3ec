"""Skip a regular expression on text that cannot match it: a cheap literal test before the scan.

Most rule patterns need a cue word ("samen", "lid", "deel") somewhere in any match, and most
sentences hold none of a rule's cues; scanning such a sentence with the pattern finds nothing and
is the bulk of extraction time. `required_literals` reads from the pattern itself which strings any
match must contain (at least one of a small set); `Gated` tests those with `in` first and only
scans when one is there. The result is the same by construction: a pattern whose literals cannot
be worked out (or are too many or too short to pay) is never skipped.

Case-insensitive patterns are tested against the text folded the way the regex engine folds a
character (its simple lowercase, with the few characters it also treats as equal), so "Samen",
"SAMEN" and "ſamen" are all found as "samen".

`gate_module` swaps, in a module's namespace, each compiled pattern for its gated form and `re` for
`GATED_RE`, whose search/match/fullmatch/finditer/findall gate (and cache) pattern strings too; the
rule functions themselves do not change.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Iterator
from re import _casefix, _parser  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

# the engine treats these lowercase characters as equal under IGNORECASE ("s" and "ſ", "σ" and "ς")
_CANON = {
    lo: chr(min((lo, *others)))
    for lo, others in _casefix._EXTRA_CASES.items()
    if min((lo, *others)) != lo
}
_CANON_TABLE = {lo: c for lo, c in _CANON.items()}

MAX_LITERALS = 32  # more alternatives than this cost more to test than the scan saves
MIN_LENGTH = 2  # a required single character is in nearly every sentence
_PRODUCT = 48  # the largest set two adjacent exact parts may multiply into


def fold(text: str) -> str:
    """The text as the engine compares it under IGNORECASE: each character's simple lowercase
    (str.lower() is that except for "İ", which it makes two characters), equal ones made one."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    return text.lower().translate(_CANON_TABLE)


_Info = tuple["frozenset[str] | None", "frozenset[str] | None"]  # (exact, required)
_EMPTY: frozenset[str] = frozenset({""})


def _best(*sets: frozenset[str] | None) -> frozenset[str] | None:
    """Of the sets any match must contain one string of, the most selective usable one."""
    usable = [s for s in sets if s and len(s) <= MAX_LITERALS and min(map(len, s)) >= MIN_LENGTH]
    if not usable:
        return None
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


def _info(items: Any, ignorecase: list[bool]) -> _Info:
    """(exact, required) of a parsed sequence: `exact` the strings it matches, when few; `required`
    a set one of whose strings any match contains."""
    current: frozenset[str] | None = _EMPTY
    candidates: list[frozenset[str] | None] = []
    for op, av in items:
        exact, required = _node(op, av, ignorecase)
        if exact is not None and current is not None and len(exact) * len(current) <= _PRODUCT:
            current = frozenset(a + b for a in current for b in exact)
            continue
        candidates += [current, required]
        current = exact
    candidates.append(current)
    return (current if len(candidates) == 1 else None), _best(*candidates)


def _branch(alternatives: list[Any], ignorecase: list[bool]) -> _Info:
    """ "a|bc": exact when every alternative is; required when every alternative has a set."""
    alts = [_info(alt, ignorecase) for alt in alternatives]
    exact: frozenset[str] | None = None
    if all(e is not None for e, _ in alts):
        exact = frozenset().union(*(e for e, _ in alts if e is not None))
        if len(exact) > _PRODUCT:
            exact = None
    required: frozenset[str] = frozenset()
    for e, r in alts:
        b = _best(e, r)
        if b is None:
            return exact, None
        required |= b
    return exact, _best(required)


def _repeat(lo: int, hi: int, sub: Any, ignorecase: list[bool]) -> _Info:
    e, r = _info(sub, ignorecase)
    if lo == 0:
        return None, None
    if lo == hi == 1:
        return e, r
    return None, _best(e, r)


_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)  # adjacent literals stay adjacent across these
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _node(op: Any, av: Any, ignorecase: list[bool]) -> _Info:
    if op is C.LITERAL:
        return frozenset({chr(av)}), None
    if op in _ZERO_WIDTH:
        return _EMPTY, None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & C.SRE_FLAG_IGNORECASE:
            ignorecase[0] = True
        return _info(sub, ignorecase)
    if op is C.ATOMIC_GROUP:
        return _info(av, ignorecase)
    if op is C.BRANCH:
        return _branch(av[1], ignorecase)
    if op in _REPEATS:
        lo, hi, sub = av
        return _repeat(lo, hi, sub, ignorecase)
    if op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= 8:
        return frozenset(chr(a) for _, a in av), None
    return None, None


def required_literals(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """(strings one of which any match contains, whether to test them on folded text), or None
    when the pattern gives no usable such set."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.LOCALE | re.ASCII):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply not gated
        return None
    ignorecase = [bool(parsed.state.flags & C.SRE_FLAG_IGNORECASE)]
    _exact, required = _info(list(parsed), ignorecase)
    if required is None:
        return None
    found = {fold(x) if ignorecase[0] else x for x in required}
    # "bestuur" is in any text "bestuurscommissie" is in: the longer one need not be tested
    literals = tuple(sorted(x for x in found if not any(y != x and y in x for y in found)))
    if min(map(len, literals)) < MIN_LENGTH:
        return None
    return literals, ignorecase[0]


# the last text folded, by identity: one sentence is tested by many patterns in a row. One tuple,
# replaced whole, so threads extracting at once (a Dask worker's) never pair a text with another's fold.
_last: tuple[str | None, str] = (None, "")


def _folded(text: str) -> str:
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    folded = fold(text)
    _last = (text, folded)
    return folded


_NO_MATCHES: Iterator[re.Match[str]] = iter(())
_WHOLE = sys.maxsize  # re's own default for endpos


class Gated:
    """A compiled pattern that answers "no match" without scanning text lacking its literals.
    Its literals are read on first use (not at import: the command line starts faster)."""

    __slots__ = ("_literals", "_fold", "pattern", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self._literals: tuple[str, ...] | None = None
        self._fold = False

    def _prepare(self) -> tuple[str, ...]:
        found = required_literals(self.regex)
        self._fold = bool(found and found[1])  # first: a thread that sees the literals sees this too
        self._literals = found[0] if found else ()
        return self._literals

    def possible(self, text: str, pos: int = 0, endpos: int = _WHOLE) -> bool:
        """Can the pattern match in text[pos:endpos]? False only when it cannot."""
        literals = self._literals
        if literals is None:
            literals = self._prepare()
        if not literals:
            return True
        if pos or endpos != _WHOLE:
            text = text[pos:endpos]
        if self._fold:
            text = _folded(text)
        for lit in literals:  # noqa: SIM110 - a loop is quicker than any() over a generator
            if lit in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = _WHOLE) -> re.Match[str] | None:
        if self._literals == () or self.possible(text, pos, endpos):  # () : nothing to test
            return self.regex.search(text, pos, endpos)
        return None

    def match(self, text: str, pos: int = 0, endpos: int = _WHOLE) -> re.Match[str] | None:
        if self._literals == () or self.possible(text, pos, endpos):  # () : nothing to test
            return self.regex.match(text, pos, endpos)
        return None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = _WHOLE) -> re.Match[str] | None:
        if self._literals == () or self.possible(text, pos, endpos):  # () : nothing to test
            return self.regex.fullmatch(text, pos, endpos)
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = _WHOLE) -> Iterator[re.Match[str]]:
        if self._literals == () or self.possible(text, pos, endpos):  # () : nothing to test
            return self.regex.finditer(text, pos, endpos)
        return _NO_MATCHES

    def findall(self, text: str, pos: int = 0, endpos: int = _WHOLE) -> list[Any]:
        if self._literals == () or self.possible(text, pos, endpos):  # () : nothing to test
            return self.regex.findall(text, pos, endpos)
        return []

    def __getattr__(self, name: str) -> Any:  # flags, groups, groupindex, sub, split, ...
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Gated({self.regex!r})"


_GATED: dict[tuple[Any, int], Gated] = {}


_PLAIN: dict[Any, Gated] = {}  # the same for flags 0, looked up without building a key


def gated(pattern: str | re.Pattern[str] | Gated, flags: int = 0) -> Gated:
    """The gated form of a pattern or pattern string, made once."""
    if not flags:
        g = _PLAIN.get(pattern)
        if g is not None:
            return g
    if isinstance(pattern, Gated):
        return pattern
    key = (pattern, flags)
    g = _GATED.get(key)
    if g is None:
        g = _GATED[key] = Gated(re.compile(pattern, flags) if isinstance(pattern, str) else pattern)
        if not flags:
            _PLAIN[pattern] = g
    return g


def _lookup(pattern: Any, flags: int) -> Gated:
    """`gated`, with the common case (a pattern seen before) answered by one dictionary look-up."""
    g = _PLAIN.get(pattern) if not flags else _GATED.get((pattern, flags))
    return g if g is not None else gated(pattern, flags)


class _GatedRe:
    """Stands in for the `re` module in a gated module: the matching functions gate, the rest is re."""

    def search(self, pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return _lookup(pattern, flags).search(string)

    def match(self, pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return _lookup(pattern, flags).match(string)

    def fullmatch(self, pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return _lookup(pattern, flags).fullmatch(string)

    def finditer(self, pattern: Any, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
        return _lookup(pattern, flags).finditer(string)

    def findall(self, pattern: Any, string: str, flags: int = 0) -> list[Any]:
        return _lookup(pattern, flags).findall(string)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


GATED_RE = _GatedRe()


def _gate_value(value: Any) -> Any:
    """A compiled pattern gated; a tuple or list of them (or of tuples holding them) likewise."""
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        return gated(value)
    if isinstance(value, tuple) and any(isinstance(v, (re.Pattern, tuple)) for v in value):
        return tuple(_gate_value(v) for v in value)
    if isinstance(value, list) and any(isinstance(v, (re.Pattern, tuple)) for v in value):
        value[:] = [_gate_value(v) for v in value]
    return value


def gate_module(module: ModuleType) -> None:
    """Gate the compiled patterns a module holds at top level (alone or in tuples and lists), and
    its calls of `re`'s functions with pattern strings."""
    space = vars(module)
    for name, value in list(space.items()):
        if not isinstance(value, (ModuleType, type)) and not callable(value):
            space[name] = _gate_value(value)
    if space.get("re") is re:
        space["re"] = GATED_RE


def gate_package(name: str, path: Any) -> None:
    """`gate_module` for every module of a package (its `__name__` and `__path__`)."""
    for info in pkgutil.iter_modules(path):
        gate_module(importlib.import_module(f"{name}.{info.name}"))
