"""Tests for stakegraph.loaders.formats: real files of every supported format, built in tmp_path."""

from __future__ import annotations

import contextlib
import io
import logging
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from stakegraph.loaders import formats
from stakegraph.loaders.formats import (
    SUPPORTED_SUFFIXES,
    LoadedText,
    LoadError,
    iter_document_paths,
    load_text,
)

DUTCH = (
    "Fatima el Amrani, griffier van de gemeente Zwolle, opende de vergadering.\n"
    "\n"
    "Eén wethouder sprak over de coöperatie ‘Zon op Zwolle’ en zei: “we doen het samen”.\n"
    "Daarna volgde één korte pauze – café, reünie en naïeve ideeën kwamen langs."
)


# --------------------------------------------------------------------------------------------------
# helpers that build real files
# --------------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    """A PDF literal string body for Helvetica/WinAnsiEncoding, non-ASCII bytes as octal escapes."""
    out = bytearray()
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out)


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """Hand-write a minimal valid PDF (Helvetica, one content stream per page, exact xref offsets)."""
    n = len(pages)
    page_ids = [4 + 2 * i for i in range(n)]
    info_id = 4 + 2 * n
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in page_ids) + b"] /Count %d >>" % n,
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for page_id, lines in zip(page_ids, pages, strict=True):
        shown = b" ".join(b"(" + _pdf_string(line) + b") Tj T*" for line in lines)
        stream = b"BT /F1 12 Tf 72 720 Td 16 TL " + shown + b" ET"
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    info = b"<< /Producer (stakegraph tests)"
    if title is not None:
        info += b" /Title (" + _pdf_string(title) + b")"
    objects[info_id] = info + b" >>"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for obj_id in sorted(objects):
        offsets[obj_id] = len(out)
        out += b"%d 0 obj\n" % obj_id + objects[obj_id] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for obj_id in range(1, size):
        out += b"%010d 00000 n \n" % offsets[obj_id]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (size, info_id)
    out += b"startxref\n%d\n" % xref_at + b"%%EOF\n"
    return bytes(out)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Verslag raadsvergadering Zwolle"
    document.add_heading("Verslag van de raadsvergadering", level=1)
    document.add_paragraph("Fatima el Amrani, griffier van de gemeente Zwolle, opende de vergadering.")
    document.add_paragraph("Wethouder Pieter Bakker lichtte het besluit over de coöperatie toe.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Naam"
    table.cell(0, 1).text = "Organisatie"
    table.cell(1, 0).text = "Sanne de Jong"
    table.cell(1, 1).text = "Waterschap Drents Overijsselse Delta"
    document.add_paragraph("Na de tabel sloot de voorzitter de vergadering om één uur.")
    document.save(str(path))
    return path


# --------------------------------------------------------------------------------------------------
# public surface
# --------------------------------------------------------------------------------------------------


def test_supported_suffixes_are_exactly_the_documented_ones() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}


def test_loaded_text_is_frozen(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path / "a.txt", "Hallo Zwolle"))
    assert isinstance(loaded, LoadedText)
    with pytest.raises(AttributeError):
        loaded.text = "anders"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------------
# text encodings
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "prefix", "expected_encoding"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(
    tmp_path: Path, codec: str, prefix: bytes, expected_encoding: str
) -> None:
    path = write(tmp_path / f"notulen-{codec}-{len(prefix)}.txt", prefix + DUTCH.encode(codec))
    loaded = load_text(path)
    assert loaded.text == DUTCH
    assert loaded.encoding == expected_encoding
    assert loaded.format == "txt"
    assert loaded.path == path.resolve()
    assert loaded.path.is_absolute()


def test_short_cp1252_text_is_not_misdetected(tmp_path: Path) -> None:
    # Short Western texts are exactly where statistical detectors guess wrong.
    sample = "één, coöperatie, ‘quotes’"
    assert load_text(write(tmp_path / "kort.txt", sample.encode("cp1252"))).text == sample
    latin1 = "Reünie in Zwolle: één café, drie ideeën."
    assert load_text(write(tmp_path / "latin1.md", latin1.encode("latin-1"))).text == latin1


def test_bomless_utf16_is_recognised_by_nul_pattern(tmp_path: Path) -> None:
    le = load_text(write(tmp_path / "le.txt", DUTCH.encode("utf-16-le")))
    be = load_text(write(tmp_path / "be.txt", DUTCH.encode("utf-16-be")))
    assert le.text == DUTCH and le.encoding == "utf-16-le"
    assert be.text == DUTCH and be.encoding == "utf-16-be"


def test_bytes_undefined_in_cp1252_still_decode(tmp_path: Path) -> None:
    # 0x81/0x8d are undefined in cp1252, so charset-normalizer (or the lossy fallback) must take over.
    data = "Gemeente Zwolle en de provincie Overijssel.".encode("cp1252") + b" \x81\x8d "
    loaded = load_text(write(tmp_path / "vreemd.txt", data))
    assert loaded.text.startswith("Gemeente Zwolle en de provincie Overijssel.")
    assert loaded.encoding


def test_binary_garbage_with_txt_suffix_is_rejected(tmp_path: Path) -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(LoadError, match="binary"):
        load_text(write(tmp_path / "blob.txt", data))


# --------------------------------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------------------------------


def test_text_is_normalised(tmp_path: Path) -> None:
    raw = (
        "Twee\u0308de alinea\r\nregel twee\rregel drie\x00\x07 met\tTab\n\n\n\n"
        "pagina\x0cvolgende pagina\u2028slot\ufeff"
    )
    loaded = load_text(write(tmp_path / "rommel.txt", raw))
    assert loaded.text == (
        "Tweëde alinea\nregel twee\nregel drie met\tTab\n\npagina\n\nvolgende pagina\nslot"
    )
    assert "\r" not in loaded.text and "\x00" not in loaded.text


def test_txt_title_is_first_non_empty_line_capped(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path / "t.txt", "\n\n   \nOverleg Zwolle–Kampen\nTweede regel"))
    assert loaded.title == "Overleg Zwolle–Kampen"
    long_line = "woord " * 100
    capped = load_text(write(tmp_path / "lang.txt", long_line)).title
    assert capped is not None and len(capped) <= 200 and capped.startswith("woord woord")


# --------------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------------

MARKDOWN = """---
layout: verslag
---
# Samenwerking in *Zwolle*

<!-- interne notitie: niet publiceren -->
Fatima el Amrani, **griffier** van de gemeente Zwolle, werkt samen met
[Waterschap Drents Overijsselse Delta](https://www.wdodelta.nl/ "WDOD") en _Stichting Groen_.

![logo van de gemeente](img/logo.png)

## Deelnemers

- Pieter Bakker (wethouder)
* Sanne de Jong, zie [notulen][1]

> Een ***belangrijk*** citaat met een variabele_naam en 2*3*4.

```python
# dit is code, geen kop
print("*niet* aanraken")
```

Inline `code_met_*sterren*` blijft staan, en \\*ontsnapt\\* ook.

| Naam | Rol |
|------|-----|
| Eva | voorzitter |

[1]: https://example.org/notulen
"""


def test_markdown_markup_is_stripped(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path / "verslag.md", MARKDOWN))
    text = loaded.text
    assert loaded.format == "md"
    assert loaded.title == "Samenwerking in Zwolle"
    assert text.startswith("Samenwerking in Zwolle\n\nFatima el Amrani, griffier van de gemeente Zwolle")
    assert "werkt samen met\nWaterschap Drents Overijsselse Delta en Stichting Groen." in text
    assert "Deelnemers\n\nPieter Bakker (wethouder)\nSanne de Jong, zie notulen" in text
    assert "Een belangrijk citaat met een variabele_naam en 2*3*4." in text
    assert '# dit is code, geen kop\nprint("*niet* aanraken")' in text
    assert "Inline code_met_*sterren* blijft staan, en *ontsnapt* ook." in text
    assert "Eva\tvoorzitter" in text
    for gone in ("interne notitie", "logo", "https://", "](", "**", "##", "```", "layout:", "---", "|"):
        assert gone not in text, gone


def test_markdown_title_from_front_matter_and_none_without_heading(tmp_path: Path) -> None:
    fm = load_text(write(tmp_path / "fm.markdown", '---\ntitle: "Raadsbrief Zwolle"\n---\nTekst.\n'))
    assert fm.title == "Raadsbrief Zwolle" and fm.text == "Tekst." and fm.format == "md"
    plain = load_text(write(tmp_path / "geen.md", "Alleen een zin zonder kop.\n\n## Subkop\n"))
    assert plain.title is None
    assert plain.text == "Alleen een zin zonder kop.\n\nSubkop"


def test_markdown_setext_heading_and_unclosed_fence(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path / "s.md", "Raadsvoorstel\n=============\n\n```\n**vet** blijft\n"))
    assert loaded.title == "Raadsvoorstel"
    assert loaded.text == "Raadsvoorstel\n\n**vet** blijft"


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Gemeente Zwolle – Nieuws</title>
<style>.menu { color: red } STIJLREGEL</style>
<script>var tracker = "SCRIPTGEHEIM"; document.write("SCRIPTGEHEIM");</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>Wij gebruiken cookies. Accepteer alle cookies
van KOEKJESBANNER.</p><button>Akkoord</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/bestuur">MENUBESTUUR</a></li>
<li><a href="/contact">MENUCONTACT</a></li></ul></nav></header>
<article>
<h1>Nieuwe samenwerking voor schoon water</h1>
<p>Fatima el Amrani, griffier van de gemeente Zwolle, maakte bekend dat de gemeente gaat samenwerken
met Waterschap Drents Overijsselse Delta. Het gaat om een overeenkomst voor vier jaar.</p>
<p>Wethouder Pieter Bakker noemde de coöperatie met de provincie Overijssel een belangrijke stap voor
de regio. Ook Stichting Groen Zwolle sluit zich aan bij het project.</p>
<p>De gemeenteraad stemt in december over het voorstel. Inwoners kunnen tot die tijd reageren via
het digitale loket van de gemeente.</p>
</article>
<footer><p>VOETTEKST © gemeente</p></footer>
</body></html>
"""


def test_html_main_text_without_chrome(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path / "nieuws.html", HTML_PAGE))
    text = loaded.text
    assert loaded.format == "html"
    assert loaded.encoding == "utf-8"
    assert "Fatima el Amrani, griffier van de gemeente Zwolle" in text
    assert "coöperatie met de provincie Overijssel" in text
    assert "digitale loket" in text
    for gone in ("SCRIPTGEHEIM", "STIJLREGEL", "MENUBESTUUR", "MENUCONTACT", "KOEKJESBANNER", "<p>"):
        assert gone not in text, gone
    # paragraphs are separated by blank lines
    assert "overeenkomst voor vier jaar.\n\nWethouder Pieter Bakker" in text
    assert loaded.title == "Nieuwe samenwerking voor schoon water"
    assert text.startswith("Nieuwe samenwerking voor schoon water\n\nFatima el Amrani")
    assert text.endswith("digitale loket van de gemeente.")


def test_html_banner_words_on_page_containers_do_not_hide_the_page(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("<body>", "<body class='has-cookie-banner consent-given'>").replace(
        "<article>", "<article class='cookie-free'>"
    )
    loaded = load_text(write(tmp_path / "body-klasse.html", page))
    assert "Fatima el Amrani, griffier van de gemeente Zwolle" in loaded.text
    assert "KOEKJESBANNER" not in loaded.text


def test_html_meta_charset_cp1252(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    loaded = load_text(write(tmp_path / "oud.htm", page.encode("cp1252")))
    assert loaded.encoding == "cp1252"
    assert "coöperatie met de provincie Overijssel" in loaded.text


def test_html_fallback_parser_drops_chrome() -> None:
    text, title = formats._fallback_html(
        "<html><head><title>Kort bericht</title><script>SCRIPTGEHEIM</script></head><body>"
        "<nav>MENU</nav><header>KOP</header><p>Eerste alinea over Zwolle.</p>"
        "<div class='cookie-bar'>KOEKJE</div><p>Tweede &amp; laatste.</p><footer>VOET</footer></body></html>"
    )
    assert title == "Kort bericht"
    assert formats._normalise(text) == "Eerste alinea over Zwolle.\n\nTweede & laatste."


def test_html_tiny_page_still_yields_text(tmp_path: Path) -> None:
    page = "<html><head><title>Mededeling</title></head><body><nav>MENU</nav><div>Zwolle.</div></body></html>"
    loaded = load_text(write(tmp_path / "klein.html", page))
    assert "Zwolle." in loaded.text
    assert "MENU" not in loaded.text
    assert loaded.title == "Mededeling"


def test_html_without_charset_declaration_in_cp1252(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', "")
    loaded = load_text(write(tmp_path / "zonder.html", page.encode("cp1252")))
    assert loaded.encoding == "cp1252"
    assert "Pieter Bakker noemde de coöperatie" in loaded.text


def test_html_with_only_scripts_is_empty(tmp_path: Path) -> None:
    page = "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>"
    with pytest.raises(LoadError, match="empty file"):
        load_text(write(tmp_path / "leeg.html", page))


# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------

PDF_PAGES = [
    ["Fatima el Amrani, griffier van de gemeente Zwolle,", "opende de vergadering (om acht uur)."],
    ["Eén besluit over de coöperatie werd genomen."],
]


def test_handwritten_pdf_is_valid_for_pypdf() -> None:
    reader = PdfReader(io.BytesIO(make_pdf(PDF_PAGES, title="Notulen")), strict=True)
    assert len(reader.pages) == 2
    assert "griffier van de gemeente Zwolle" in reader.pages[0].extract_text()
    assert "Eén besluit over de coöperatie" in reader.pages[1].extract_text()


def test_pdf_text_pages_and_title(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path / "notulen.pdf", make_pdf(PDF_PAGES, title="Notulen raad Zwolle")))
    assert loaded.format == "pdf"
    assert loaded.encoding is None
    assert loaded.title == "Notulen raad Zwolle"
    assert loaded.text == (
        "Fatima el Amrani, griffier van de gemeente Zwolle,\nopende de vergadering (om acht uur).\n\n"
        "Eén besluit over de coöperatie werd genomen."
    )


def test_pdf_uppercase_suffix(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path / "SCAN.PDF", make_pdf(PDF_PAGES)))
    assert loaded.format == "pdf" and loaded.title is None
    assert "coöperatie" in loaded.text


def _encrypted(pdf: bytes, user_password: str, owner_password: str | None) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_pdf_with_user_password_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "geheim.pdf", _encrypted(make_pdf(PDF_PAGES), "geheim", None))
    assert PdfReader(path).is_encrypted
    with pytest.raises(LoadError, match="encrypted PDF"):
        load_text(path)


def test_pdf_with_only_owner_password_opens(tmp_path: Path) -> None:
    path = write(tmp_path / "beperkt.pdf", _encrypted(make_pdf(PDF_PAGES), "", "eigenaar"))
    assert PdfReader(path).is_encrypted
    assert "griffier van de gemeente Zwolle" in load_text(path).text


def test_truncated_pdf_is_rejected(tmp_path: Path) -> None:
    pdf = make_pdf(PDF_PAGES)
    path = write(tmp_path / "afgebroken.pdf", pdf[: len(pdf) // 3])
    with pytest.raises(LoadError) as info:
        load_text(path)
    assert "PDF" in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 4,
        b"Dit is helemaal geen PDF maar platte tekst.",
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
    ],
    ids=["garbage-after-header", "no-header", "dangling-pages"],
)
def test_corrupt_pdf_is_rejected(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(LoadError, match="corrupt PDF"):
        load_text(write(tmp_path / "kapot.pdf", data))


def test_pdf_without_text_is_reported_as_scanned(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(LoadError, match=r"^no extractable text \(scanned PDF\?\)$"):
        load_text(write(tmp_path / "scan.pdf", out.getvalue()))


def test_pdf_parsing_noise_is_silenced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    pdf = make_pdf(PDF_PAGES)
    broken = pdf.replace(b"startxref\n", b"startxref\n9") + b"\n"  # wrong xref offset: pypdf logs
    path = write(tmp_path / "scheef.pdf", broken)
    pypdf_logger = logging.getLogger("pypdf")
    before = pypdf_logger.level
    caplog.set_level(logging.DEBUG)
    with contextlib.suppress(LoadError):
        load_text(path)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert pypdf_logger.level == before


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------


def test_docx_paragraphs_table_and_title(tmp_path: Path) -> None:
    loaded = load_text(make_docx(tmp_path / "verslag.docx"))
    assert loaded.format == "docx"
    assert loaded.encoding is None
    assert loaded.title == "Verslag raadsvergadering Zwolle"
    assert loaded.text == (
        "Verslag van de raadsvergadering\n\n"
        "Fatima el Amrani, griffier van de gemeente Zwolle, opende de vergadering.\n\n"
        "Wethouder Pieter Bakker lichtte het besluit over de coöperatie toe.\n\n"
        "Naam\tOrganisatie\nSanne de Jong\tWaterschap Drents Overijsselse Delta\n\n"
        "Na de tabel sloot de voorzitter de vergadering om één uur."
    )


def test_docx_merged_cells_appear_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Provincie Overijssel"
    table.cell(1, 0).text = "A"
    table.cell(1, 2).text = "C"
    path = tmp_path / "samengevoegd.docx"
    document.save(str(path))
    assert load_text(path).text == "Provincie Overijssel\nA\tC"


def test_docx_tracked_changes_and_content_controls(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    paragraph = document.add_paragraph("De griffier ")
    paragraph._p.append(
        parse_xml(f"<w:ins {ns} w:id='1' w:author='Eva'><w:r><w:t>Fatima el Amrani</w:t></w:r></w:ins>")
    )
    paragraph._p.append(
        parse_xml(f"<w:del {ns} w:id='2' w:author='Eva'><w:r><w:delText>GESCHRAPT</w:delText></w:r></w:del>")
    )
    paragraph._p.append(parse_xml(f"<w:r {ns}><w:tab/><w:t>tekende.</w:t></w:r>"))
    document.element.body.insert(
        0,
        parse_xml(
            f"<w:sdt {ns}><w:sdtPr><w:alias w:val='Titel'/></w:sdtPr><w:sdtContent>"
            "<w:p><w:r><w:t>Gemeente Zwolle</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    path = tmp_path / "revisies.docx"
    document.save(str(path))
    assert load_text(path).text == "Gemeente Zwolle\n\nDe griffier Fatima el Amrani\ttekende."


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04" + b"\x00kapot" * 50, "corrupt DOCX"),
        (b"Dit is geen Word-bestand.", "corrupt DOCX"),
        (_zip_bytes({"iets.txt": b"hallo"}), "corrupt DOCX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "not a DOCX file"),
    ],
    ids=["bad-zip", "not-zip", "zip-without-word-part", "ole-container"],
)
def test_corrupt_docx_is_rejected(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(LoadError, match=reason):
        load_text(write(tmp_path / "kapot.docx", data))


def test_docx_with_truncated_document_xml(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "goed.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/document.xml"] = files["word/document.xml"][:200]
    with pytest.raises(LoadError, match="corrupt DOCX"):
        load_text(write(tmp_path / "half.docx", _zip_bytes(files)))


def test_empty_docx_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "leeg.docx"
    docx.Document().save(str(path))
    with pytest.raises(LoadError, match="^empty file$"):
        load_text(path)


# --------------------------------------------------------------------------------------------------
# bad input in general
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["leeg.txt", "leeg.md", "leeg.html", "leeg.pdf", "leeg.docx"])
def test_zero_byte_files_are_empty(tmp_path: Path, name: str) -> None:
    with pytest.raises(LoadError, match="^empty file$"):
        load_text(write(tmp_path / name, b""))


@pytest.mark.parametrize(
    "data",
    [b"   \n\t\r\n  ", "  \n\u00a0\n".encode("utf-16"), b"<!-- alleen commentaar -->\n\n"],
    ids=["spaces", "utf16-whitespace", "md-comment-only"],
)
def test_whitespace_only_is_empty(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(LoadError, match="^empty file$"):
        load_text(write(tmp_path / "wit.md", data))


def test_unsupported_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"^unsupported format \.xyz$"):
        load_text(write(tmp_path / "data.XYZ", b"iets"))
    with pytest.raises(LoadError, match="^no such file or directory$"):
        load_text(tmp_path / "bestaat-niet.txt")
    with pytest.raises(LoadError, match="directory"):
        load_text(tmp_path)
    with pytest.raises(LoadError):
        load_text(tmp_path / "nul\x00byte.txt")


def test_permission_denied(tmp_path: Path, unprivileged) -> None:
    """A real unreadable file, read by a process that permissions apply to (see tests/unprivileged.py)."""
    path = write(tmp_path / "afgeschermd.txt", "geheim")
    path.chmod(0)
    code = (
        "import sys\nfrom stakegraph.loaders.formats import LoadError, load_text\n"
        "try:\n    load_text(sys.argv[1])\nexcept LoadError as e:\n    print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        preexec_fn=unprivileged.preexec(),
        timeout=60,
    )
    assert out.stdout.strip() == "permission denied", out.stderr


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx"])
def test_random_bytes_never_raise_anything_but_load_error(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(20240607)
    pdf = make_pdf(PDF_PAGES)
    docx_bytes = make_docx(tmp_path / "bron.docx").read_bytes()
    samples = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000))) for _ in range(15)]
    for base in (pdf, docx_bytes, HTML_PAGE.encode()):
        for _ in range(10):
            mutated = bytearray(base)
            for _ in range(20):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            samples.append(bytes(mutated))
            samples.append(base[: rng.randrange(1, len(base))])
    for i, data in enumerate(samples):
        path = write(tmp_path / f"fuzz{i}{suffix}", data)
        try:
            result = load_text(path)
        except LoadError as err:
            assert str(err)
        else:
            assert result.text.strip()
            assert "\x00" not in result.text and "\r" not in result.text


# --------------------------------------------------------------------------------------------------
# iter_document_paths
# --------------------------------------------------------------------------------------------------


def test_iter_document_paths_expands_tree_deterministically(tmp_path: Path) -> None:
    root = tmp_path / "stukken"
    for rel in [
        "b.txt",
        "a.md",
        "sub/z.pdf",
        "sub/deeper/c.docx",
        "sub/plaatje.png",
        "A-hoofdletter.HTML",
        ".verborgen.txt",
        ".git/config.txt",
        "sub/.cache/x.txt",
        "~$open.docx",
        "notities.xyz",
    ]:
        write(root / rel, b"x")
    explicit_bad = write(tmp_path / "los.xyz", b"x")
    explicit_hidden = write(tmp_path / ".expliciet.txt", b"x")
    missing = tmp_path / "weg.pdf"

    result = list(iter_document_paths([root, explicit_bad, str(missing), explicit_hidden, root / "b.txt"]))
    assert result == [
        (root / "A-hoofdletter.HTML", None),
        (root / "a.md", None),
        (root / "b.txt", None),
        (root / "sub" / "deeper" / "c.docx", None),
        (root / "sub" / "z.pdf", None),
        (explicit_bad, "unsupported format .xyz"),
        (missing, "no such file or directory"),
        (explicit_hidden, None),
    ]
    assert result == list(iter_document_paths([root, explicit_bad, str(missing), explicit_hidden]))
    assert all(isinstance(path, Path) for path, _ in result)


def test_iter_document_paths_accepts_strings_and_empty_input(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", b"x")
    assert list(iter_document_paths([str(tmp_path)])) == [(tmp_path / "x.txt", None)]
    assert list(iter_document_paths([])) == []
