"""Files a hostile probe used to break the loaders, each now skipped with a reason, read with a
warning, or bounded in memory: limits on file size and text length, DOCX zip bombs, FIFOs,
symlink loops, one bad byte in UTF-8, deeply nested HTML and a 200 MB text file."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile

import docx
import pytest

from stakegraph.loaders.formats import LoadError, load_text
from stakegraph.loaders.limits import MB, Limits

ZIN = "Anna de Vries is wethouder van de gemeente Leiden. "


def _docx_bytes(body_paragraphs: int = 1) -> bytes:
    document = docx.Document()
    for _ in range(body_paragraphs):
        document.add_paragraph(ZIN)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _with_padding(data: bytes, name: str, size: int) -> bytes:
    """A copy of a DOCX with one extra member of `size` bytes of spaces (compresses ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        with dst.open(name, "w") as fh:
            chunk = b" " * MB
            for _ in range(size // MB):
                fh.write(chunk)
    return out.getvalue()


def _set_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size a member declares (local header and central directory)."""
    raw = bytearray(data)
    encoded = name.encode()
    pos = 0
    while (pos := raw.find(b"PK\x01\x02", pos)) != -1:  # central directory entries
        n = struct.unpack_from("<H", raw, pos + 28)[0]
        if bytes(raw[pos + 46 : pos + 46 + n]) == encoded:
            struct.pack_into("<I", raw, pos + 24, size)
            local = struct.unpack_from("<I", raw, pos + 42)[0]
            struct.pack_into("<I", raw, local + 22, size)
        pos += 4
    return bytes(raw)


def test_a_file_over_the_size_limit_is_skipped_before_it_is_read(tmp_path):
    path = tmp_path / "groot.txt"
    path.write_text(ZIN * 50_000, encoding="utf-8")  # 2.5 MB
    with pytest.raises(LoadError) as info:
        load_text(path, Limits(max_file_bytes=MB))
    assert str(info.value) == (
        "file is 2.4 MB, over the limit of 1 MB (raise it with --max-file-mb or STAKEGRAPH_MAX_FILE_MB)"
    )
    assert load_text(path, Limits(max_file_bytes=3 * MB, max_text_chars=3_000_000)).text.startswith("Anna")


def test_a_text_over_the_length_limit_is_skipped_with_the_limit_named(tmp_path):
    path = tmp_path / "lang.md"
    path.write_text(ZIN * 100, encoding="utf-8")
    with pytest.raises(
        LoadError,
        match=r"^extracted text is 5,099 characters, over the limit of 1,000 "
        r"\(raise it with --max-text-chars or STAKEGRAPH_MAX_TEXT_CHARS\)$",
    ):
        load_text(path, Limits(max_text_chars=1000))


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_python_docx_reads_it(tmp_path):
    path = tmp_path / "bom.docx"
    path.write_bytes(_with_padding(_docx_bytes(), "word/media/vulling.bin", 6 * MB))
    assert path.stat().st_size < 100_000
    with pytest.raises(
        LoadError,
        match=r"^DOCX unpacks to more than 4 MB, the limit \(a zip bomb\? raise it "
        r"with --max-docx-mb or STAKEGRAPH_MAX_DOCX_MB\)$",
    ):
        load_text(path, Limits(max_docx_unpacked_bytes=4 * MB))
    assert "Anna de Vries" in load_text(path, Limits(max_docx_unpacked_bytes=8 * MB)).text


def test_a_docx_declaring_gigabytes_is_refused_by_its_declared_size(tmp_path):
    path = tmp_path / "bom.docx"
    path.write_bytes(_set_declared_size(_docx_bytes(), "word/document.xml", 3_000_000_000))
    with pytest.raises(LoadError, match="^DOCX unpacks to more than 256 MB"):
        load_text(path)


def test_a_docx_that_understates_its_size_is_caught_while_streaming(tmp_path):
    data = _with_padding(_docx_bytes(), "word/media/vulling.bin", 2 * MB)
    path = tmp_path / "liegt.docx"
    path.write_bytes(_set_declared_size(data, "word/media/vulling.bin", 100))
    with pytest.raises(LoadError, match="^corrupt DOCX"):
        load_text(path)


def test_a_fifo_named_on_the_command_line_is_skipped_not_waited_on(tmp_path):
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match=r"^not a regular file \(a FIFO, socket or device\)$"):
        load_text(fifo)


def test_a_symlink_loop_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(LoadError, match="^symlink loop$"):
        load_text(tmp_path / "a.txt")


def test_utf8_with_one_bad_byte_stays_utf8_with_a_warning(tmp_path):
    path = tmp_path / "bijna.txt"
    path.write_bytes("Coöperatie Één in Súdwest-Fryslân: ".encode() + b"\xff" + "café.".encode())
    loaded = load_text(path)
    assert loaded.text == "Coöperatie Één in Súdwest-Fryslân: \ufffdcafé."
    assert loaded.encoding == "utf-8"
    assert loaded.warnings == ("decoded as UTF-8 with 1 invalid byte sequence replaced by U+FFFD",)
    cp1252 = tmp_path / "oud.txt"
    cp1252.write_bytes("Coöperatie in Súdwest-Fryslân".encode("cp1252"))
    assert load_text(cp1252).text == "Coöperatie in Súdwest-Fryslân" and load_text(cp1252).warnings == ()


def _peak_rss_mb(code: str, *args: str, env: dict | None = None) -> tuple[str, int]:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec, so it would count the forking pytest process
    script = code + (
        "\nprint(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) // 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0, out.stderr
    *lines, peak = out.stdout.strip().splitlines()
    return "\n".join(lines), int(peak)


LOAD = (
    "import sys\nfrom stakegraph.loaders.formats import LoadError, load_text\n"
    "try:\n    print(load_text(sys.argv[1]).text[:60])\nexcept LoadError as e:\n    print('skipped:', e)"
)


def test_a_200_mb_text_file_is_skipped_by_size_in_bounded_memory(tmp_path):
    path = tmp_path / "logboek.txt"
    with open(path, "wb") as fh:  # sparse: 200 MB as far as stat and read are concerned
        fh.truncate(200 * MB)
    said, peak = _peak_rss_mb(LOAD, str(path))
    assert said == (
        "skipped: file is 200 MB, over the limit of 100 MB "
        "(raise it with --max-file-mb or STAKEGRAPH_MAX_FILE_MB)"
    )
    assert peak < 200, f"{peak} MB peak"


def test_html_nested_100k_levels_deep_is_read_in_bounded_memory(tmp_path):
    path = tmp_path / "diep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + ZIN + "</div>" * 100_000 + "</body></html>")
    said, peak = _peak_rss_mb(LOAD, str(path))
    assert said == ZIN.strip()
    assert peak < 400, f"{peak} MB peak"
