"""The literal prefilter (loaders/prefilter.py) never changes what a pattern finds, only how fast.

Every gated pattern of the rule and recogniser modules is run gated and ungated over the
development texts, also in upper case and with the characters the regex engine folds specially.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import stakegraph.loaders.entities as entities
import stakegraph.loaders.relations as relations
from stakegraph.loaders.prefilter import GATED_RE, Gated, fold, gated, required_literals

DEVSET = Path(__file__).resolve().parents[1] / "devset"


def literals(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], bool] | None:
    return required_literals(re.compile(pattern, flags))


def test_literals_read_from_patterns() -> None:
    assert literals(r"\bsamen\s+(?:in|binnen)\b", re.IGNORECASE) == (("samen",), True)
    assert literals(r"\b(?:we|wij)\b") == (("we", "wij"), False)
    assert literals(r"bestuur(?:scommissie)?|dagelijks bestuur") == (("bestuur",), False)  # one holds the other
    assert literals(r"(?:van|bij)\s+de") == (("bij", "van"), False)
    assert literals(r"a(?i:bc)d") == (("abcd",), True)
    assert literals(r"doe[nt]\s") == (("doen", "doet"), False)
    assert literals(r"(?=samen)\w+") is None  # a lookahead's literal is not consumed: not relied on
    assert literals(r"(?:samen)?met") == (("met",), False)
    assert literals(r"x") is None  # one character: in nearly every text
    assert literals(r"[A-Z]\w+") is None
    assert literals(r"lid|\w+") is None  # one alternative needs no literal


def test_fold_is_the_engines_ignorecase() -> None:
    assert fold("SAMEN") == "samen"
    assert fold("ſamen") == fold("samen")  # long s: the engine matches it for "s"
    assert fold("bınnen") == fold("binnen")  # dotless i
    assert fold("BİNNEN") == "binnen"  # dotted capital I: one character, as the engine reads it
    for text in ("ſamen", "SAMEN", "bınnen", "BİNNEN", "ΛΟΓΟΣ"):
        for pattern in (r"samen", r"binnen", r"λογος"):
            found = re.search(pattern, text, re.IGNORECASE) is not None
            assert not found or gated(pattern, re.IGNORECASE).possible(text), (pattern, text)


def _module_patterns() -> list[Gated]:
    found: dict[int, Gated] = {}
    modules = [m for name, m in vars(relations).items() if not name.startswith("_")]
    modules += [m for name, m in vars(entities).items() if not name.startswith("_")]
    for module in modules:
        for value in vars(module).values() if hasattr(module, "__dict__") else ():
            if isinstance(value, Gated):
                found[id(value)] = value
    return list(found.values())


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.replace("s", "ſ").replace("i", "ı"), text.replace("I", "İ")]


def test_module_patterns_are_gated_and_find_the_same() -> None:
    patterns = _module_patterns()
    assert len(patterns) > 40
    assert sum(bool(g._prepare()) for g in patterns) > 30  # most have literals to test
    lines = [
        line
        for path in sorted(DEVSET.glob("*.txt"))[:12]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for g in patterns:
        for line in lines:
            for text in _variants(line):
                assert [m.span() for m in g.finditer(text)] == [m.span() for m in g.regex.finditer(text)]
                assert bool(g.search(text, 3, 60)) == bool(g.regex.search(text, 3, 60))
                assert bool(g.match(text, 2)) == bool(g.regex.match(text, 2))


def test_re_stand_in_gates_pattern_strings() -> None:
    text = "De gemeenten werken Samen in de regio."
    assert GATED_RE.search(r"samen\s+in", text, re.IGNORECASE) is not None
    assert GATED_RE.search(r"samen\s+in", text) is None
    assert GATED_RE.findall(r"\bde\b", text) == ["de"]
    assert GATED_RE.sub(r"e", "E", "ee") == "EE"  # the rest is re's own
    assert GATED_RE.IGNORECASE is re.IGNORECASE


PATTERNS = [
    (r"\b(?:samen|mee)\s+(?:in|binnen|aan)\b", re.IGNORECASE),
    (r"(?:lid|leden)\s+van\s+(?:de|het)", 0),
    (r"(?i:deel)\s+uit", 0),
    (r"ab+c|x[yz]w", 0),
]


@given(
    st.text(alphabet=st.sampled_from(list("samenidlvtubcxyzwSAMENIDLĳſıİ ")), max_size=40),
    st.integers(0, 5),
)
def test_gated_equals_ungated_on_any_text(text: str, pos: int) -> None:
    for pattern, flags in PATTERNS:
        g, regex = gated(pattern, flags), re.compile(pattern, flags)
        assert [m.span() for m in g.finditer(text, pos)] == [m.span() for m in regex.finditer(text, pos)]
        assert g.findall(text) == regex.findall(text)
        assert bool(g.fullmatch(text)) == bool(regex.fullmatch(text))


def test_threads_gate_their_own_texts() -> None:
    """Threads (a Dask worker's) extracting at once: each text is tested against its own fold."""
    from concurrent.futures import ThreadPoolExecutor

    g = gated(r"samen\s+met", re.IGNORECASE)
    texts = [("Zij werken SAMEN MET ons." if k % 2 else "Zij werken apart.") * (1 + k % 7) for k in range(400)]

    def found(text: str) -> bool:
        return g.search(text) is not None

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(found, texts * 20)) == [g.regex.search(t) is not None for t in texts * 20]
