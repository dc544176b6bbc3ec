"""Text structure helpers: the document's own date, credit zones."""

from __future__ import annotations

import random

import pytest

from stakegraph.loaders.relations.common import paragraph_numbers
from stakegraph.loaders.text import Mention, Sentence, SpanIndex, document_date, excluded_zones


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zwolle, 3 maart 2025 – De gemeente Zwolle heeft ...", "2025-03-03"),
        ("Gemeenteblad nummer 7, 21 November 2024\n\nDe raad ...", "2024-11-21"),
        ("Persbericht 2023-06-01\nDe provincie ...", "2023-06-01"),
        ("Geen datum in de kop.\n" + "x " * 300 + "Op 12 mei 2026 is er een congres.", None),
        ("Op 32 mei 2025 gebeurde niets.", None),
    ],
)
def test_document_date(text: str, expected: str | None) -> None:
    assert document_date(text) == expected


def test_credit_lines_and_inline_photo_credits_are_excluded() -> None:
    text = "Tekst: Anna Smit | Beeld: Piet Jansen\nWethouder Kees de Wit in Ede. Foto: Joop Bakker\n"
    zones = excluded_zones(text)
    assert any(text[a:b].startswith("Tekst:") for a, b in zones)
    assert any("Foto: Joop Bakker" in text[a:b] for a, b in zones)
    assert not any("Kees de Wit" in text[a:b] for a, b in zones)


def test_span_index_finds_exactly_the_overlapping_mentions() -> None:
    """The bisection index answers as a scan of every mention would, also for overlapping input."""
    rng = random.Random(7)
    mentions = []
    for k in range(300):
        start = rng.randrange(0, 2000)
        mentions.append(Mention(start, start + rng.randrange(1, 60), f"m{k}", "Organization", "t"))
    index = SpanIndex(mentions)
    for _ in range(500):
        a = rng.randrange(0, 2100)
        b = a + rng.randrange(1, 80)
        expected = sorted((m for m in mentions if m.start < b and a < m.end), key=lambda m: (m.start, id(m)))
        assert index.overlapping(a, b) == expected
    for m in mentions[:150]:
        index.remove(m)
    assert list(index) == sorted(mentions[150:], key=lambda m: (m.start, id(m)))


def test_paragraph_numbers_count_blank_lines_before_each_sentence() -> None:
    text = "Kop\n\nEerste zin. Tweede zin.\n\n\nDerde alinea.\n\nVierde."
    sentences = [
        Sentence(text.index(w), text.index(w) + len(w), w)
        for w in ("Kop", "Eerste zin.", "Tweede zin.", "Derde alinea.", "Vierde.")
    ]
    assert (
        paragraph_numbers(text, sentences)
        == [text.count("\n\n", 0, s.start) for s in sentences]
        == [0, 1, 1, 2, 3]
    )
