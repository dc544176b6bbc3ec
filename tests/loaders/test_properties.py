"""Property tests (hypothesis) of the loaders and the extraction pipeline: arbitrary bytes under
every supported extension and arbitrary Unicode text never raise anything but `LoadError`; the
pipeline's output satisfies `check_invariants` (evidence offsets inside the text, citing it
exactly; relation ends are entities) for any text; ids are valid and the same text gives the same
facts. Example counts come from the hypothesis profile in tests/conftest.py."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from stakegraph.loaders.formats import SUPPORTED_SUFFIXES, LoadError, _normalise, load_text

ID = re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._-]*$")

FRAGMENTS = [
    "Anna de Vries is wethouder van de gemeente Leiden.",
    "Jan Bakker, directeur van GGD Hollands Noorden,",
    "De gemeente Zwolle werkt samen met de gemeente Kampen.",
    "Regio Deal Achterhoek",
    "(VNG)",
    "burgemeester",
    "Vereniging van Nederlandse Gemeenten",
    "\n\n",
    ". ",
    "Provincie Gelderland",
    "de heer",
    "mr. drs.",
]
# Control characters, bidi marks, combining marks, surrogates, NUL, BOM, very long tokens.
ODD = st.sampled_from(
    [
        "\x00",
        "\x1b[2J",
        "\u202e",
        "\u200f",
        "\u0301",
        "\u0308",
        "\ufeff",
        "\r",
        "\x0c",
        "\ud800",
        "\udfff",
        "\u2028",
        "ﬁ",
        "İ",
        "ß",
        "\U0001f600",
        "\t",
    ]
)
LONG_TOKEN = st.integers(1_000, 20_000).map(lambda n: "Zorg" * (n // 4))
TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40), ODD, LONG_TOKEN), max_size=25
).map("".join)


@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
@example(data=b"%PDF-1.7\n" + b"\x00" * 64, suffix=".pdf")
@example(data=b"PK\x03\x04" + b"\xff" * 64, suffix=".docx")
def test_arbitrary_bytes_under_every_extension_give_text_or_load_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bestand{suffix}"
        path.write_bytes(data)
        try:
            loaded = load_text(path)
        except LoadError as exc:
            assert str(exc) and "\n" not in str(exc)
            return
    _check_normalised(loaded.text)


@given(
    text=TEXT,
    suffix=st.sampled_from([".txt", ".md", ".html"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_arbitrary_unicode_text_in_every_text_format_gives_text_or_load_error(text, suffix, encoding):
    raw = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bestand{suffix}"
        path.write_bytes(raw)
        try:
            loaded = load_text(path)
        except LoadError:
            return
    _check_normalised(loaded.text)


def _check_normalised(text: str) -> None:
    assert text and text == text.strip()
    assert unicodedata.is_normalized("NFC", text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]", text)
    text.encode("utf-8")  # no lone surrogate survives


@given(text=TEXT)
@example(text="Anna de Vries is wethouder van de gemeente Leiden." * 3 + "\u0301" * 5)
def test_the_pipeline_keeps_its_invariants_and_is_stable_on_any_text(extract, text):
    text = _normalise(text)  # what every loader hands the pipeline (lone surrogates and controls gone)
    first = extract(text)  # check_invariants: offsets inside the text, evidence cites it exactly
    for e in first.entities:
        assert ID.match(e.id), e.id
    assert extract(text) == first  # the same text gives the same facts, ids included
