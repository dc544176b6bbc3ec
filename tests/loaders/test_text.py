"""Text structure helpers: the document's own date, credit zones."""

from __future__ import annotations

import pytest

from stakegraph.loaders.text import document_date, excluded_zones


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
