"""Turn a document on disk (txt, Markdown, HTML, PDF, DOCX) into normalised plain text.

Everything downstream (sentence splitting, entity recognition, evidence offsets) works on one plain
string per document, so this module is the single place that knows about file formats. It is written
for messy real-world input: every failure on bad input surfaces as :class:`LoadError` with a short,
human-readable reason, so a CLI can report "skipped x.pdf: encrypted PDF" instead of a traceback.
"""

from __future__ import annotations

import codecs
import errno
import io
import logging
import os
import re
import stat
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .limits import Limits
from .text import dehyphenate

__all__ = ["SUPPORTED_SUFFIXES", "LoadError", "LoadedText", "iter_document_paths", "load_text"]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")

_FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

_MAX_TITLE_CHARS = 200


class LoadError(Exception):
    """A file that cannot be read as a document.

    ``str(err)`` is a short human reason ("empty file", "corrupt PDF: ...", "unsupported format .xyz",
    "permission denied") meant to be shown to the user as-is, so callers can skip the file and go on.
    """


@dataclass(frozen=True)
class LoadedText:
    """The plain text of one document plus the little metadata the pipeline needs.

    ``text`` is normalised (NFC, ``\\n`` line ends, no control characters except ``\\n``/``\\t``,
    paragraphs separated by one blank line) so that character offsets computed on it are stable.
    """

    path: Path
    text: str
    title: str | None
    format: str
    encoding: str | None
    warnings: tuple[str, ...] = ()  # read, but with a caveat the user should hear (bytes replaced)


# --------------------------------------------------------------------------------------------------
# Quiet third-party libraries
# --------------------------------------------------------------------------------------------------

# pypdf and trafilatura log (and warn) freely about recoverable oddities in their input; we turn real
# failures into LoadError ourselves, so their chatter would only clutter a CLI's output.
_NOISY_LOGGERS = ("pypdf", "trafilatura", "htmldate", "courlan", "justext", "charset_normalizer", "docx")
_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_levels: dict[str, int] = {}


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence noisy third-party loggers and warnings while parsing; restores levels afterwards.

    Reference-counted so that nested or concurrent use never leaves the loggers muted for good.
    """
    global _quiet_depth
    with _quiet_lock:
        if _quiet_depth == 0:
            for name in _NOISY_LOGGERS:
                logger = logging.getLogger(name)
                _saved_levels[name] = logger.level
                logger.setLevel(logging.CRITICAL + 1)
        _quiet_depth += 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                for name, level in _saved_levels.items():
                    logging.getLogger(name).setLevel(level)
                _saved_levels.clear()


def _reason(exc: BaseException) -> str:
    """A one-line, bounded description of a third-party exception for use inside a LoadError."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


# --------------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------------

# Characters that mean "line/page break" are turned into newlines before control characters are
# dropped, so e.g. form-feed page breaks in plain-text exports keep separating paragraphs.
_BREAKS = str.maketrans(
    {
        "\x0b": "\n",
        "\x0c": "\n\n",
        "\x1c": "\n\n",
        "\x1d": "\n\n",
        "\x1e": "\n",
        "\x85": "\n",
        "\u2028": "\n",
        "\u2029": "\n\n",
        "\ufeff": "",
    }
)
# C0/C1 controls except \t and \n, plus lone surrogates (which would break any later UTF-8 encode).
_CONTROL_RE = re.compile("[\x00-\x08\x0d-\x1f\x7f-\x9f\ud800-\udfff]")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")


def _normalise(text: str) -> str:
    """Normalise extracted text so offsets are stable across formats and platforms."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL_RE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = dehyphenate(text)  # scanned and typeset pages break words at line ends
    return _MANY_NEWLINES_RE.sub("\n\n", text).strip()


def _clean_title(raw: object) -> str | None:
    """Collapse whitespace in a candidate title; ``None`` when nothing usable is left."""
    if not isinstance(raw, str):
        return None
    title = " ".join(_normalise(raw).split())
    if not title:
        return None
    if len(title) > _MAX_TITLE_CHARS:
        title = title[:_MAX_TITLE_CHARS].rstrip()
    return title


def _first_line_title(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return _clean_title(line)
    return None


# --------------------------------------------------------------------------------------------------
# Byte decoding
# --------------------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16-LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
# The five byte values Windows-1252 leaves undefined; any other byte sequence decodes as cp1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# Control bytes that do not occur in real text files (tab, newlines, form feed and ESC excluded).
_BINARY_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), label
    return None


def _sniff_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its NUL pattern (mostly-ASCII text has a NUL in every other byte)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls >= 0.4 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.4 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text bytes: BOM, UTF-16 pattern, strict UTF-8, cp1252, charset-normalizer, cp1252.

    cp1252 is preferred over charset-normalizer's guess whenever the bytes are valid cp1252, because
    our documents are Dutch/Western and the detector mis-guesses short Latin texts (e.g. as cp1250 or
    a Cyrillic code page), which would silently corrupt names like "Één" or "coöperatie".
    """
    bom = _decode_bom(data)
    if bom is not None:
        return bom
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if sample.count(0) > max(2, len(sample) // 100) or controls > max(4, len(sample) // 20):
        raise LoadError("binary content, not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    if not _CP1252_UNDEFINED.intersection(data):
        return data.decode("cp1252"), "cp1252"
    try:
        from charset_normalizer import from_bytes

        with _quiet():
            best = from_bytes(data).best()
        if best is not None and best.encoding:
            return str(best), codecs.lookup(best.encoding).name
    except Exception:  # a detector failure just means "use the fallback"
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes (a truncated copy, one bad edit) is still UTF-8: decoding all of
    it as cp1252 would turn every "é" into "Ã©". It counts as UTF-8 when the valid multi-byte
    characters outnumber the invalid sequences; those become U+FFFD and the label says how many."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    if bad <= 0 or multibyte < max(1, bad):
        return None
    return text, f"utf-8 ({bad} invalid byte sequence{'s' if bad != 1 else ''} replaced)"


_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)


def _decode_html(data: bytes) -> tuple[str, str]:
    """Decode HTML bytes, honouring a BOM or a ``<meta charset>`` declaration before sniffing."""
    bom = _decode_bom(data)
    if bom is not None:
        return bom
    match = _META_CHARSET_RE.search(data[:4096])
    if match:
        try:
            codec = codecs.lookup(match.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            codec = ""
        # As browsers do (WHATWG): "latin-1"/"ascii" labels mean windows-1252, and a UTF-16 label on a
        # page whose <meta> we could read as ASCII is wrong.
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"
        if codec and not codec.startswith(("utf-16", "utf-32")):
            try:
                return data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                pass
    return _decode_bytes(data)


# --------------------------------------------------------------------------------------------------
# Plain text and Markdown
# --------------------------------------------------------------------------------------------------

# Inline spans (emphasis, code) longer than this are not treated as markup: real ones are short, and the
# bound keeps pathological input (thousands of unmatched "*") linear instead of quadratic.
_SPAN = r"(.{1,300}?)"  # a lazily matched inline span of at most 300 characters
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE_RE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET_RE = re.compile(r"^[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")
_LINK_DEF_RE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+.*$")
_FOOTNOTE_DEF_RE = re.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
_TABLE_SEP_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_TABLE_ROW_RE = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
_CODE_SPAN_RE = re.compile(r"(`+)" + _SPAN + r"\1")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_URL_PART = r"\(\s*<?[^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
_IMAGE_RE = re.compile(r"!\[[^\[\]]*\](?:" + _URL_PART + r"|\[[^\[\]]*\])")
_LINK_RE = re.compile(r"\[([^\[\]]*)\]" + _URL_PART)
_REF_LINK_RE = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\[\]]+\]")
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STAR_EMPH_RE = re.compile(r"(?<![\w*])(\*{1,3})(?=[^\s*])" + _SPAN + r"(?<=[^\s*])\1(?![\w*])")
_UNDERSCORE_EMPH_RE = re.compile(r"(?<![\w_])(_{1,3})(?=[^\s_])" + _SPAN + r"(?<=[^\s_])\1(?![\w_])")
_STRIKE_RE = re.compile(r"~~(?=\S)" + _SPAN + r"(?<=\S)~~")
# Escaped punctuation is parked in the private-use area while markup is stripped, then restored.
_PARK_BASE = 0xE000
_UNPARK = {_PARK_BASE + code: chr(code) for code in range(0x21, 0x7F)}


def _strip_inline_markup(segment: str) -> str:
    """Strip inline Markdown from a piece of prose that contains no code span."""
    segment = _ESCAPE_RE.sub(lambda m: chr(_PARK_BASE + ord(m.group(1))), segment)
    segment = _IMAGE_RE.sub("", segment)
    segment = _LINK_RE.sub(r"\1", segment)
    segment = _FOOTNOTE_REF_RE.sub("", segment)
    segment = _REF_LINK_RE.sub(r"\1", segment)
    segment = _AUTOLINK_RE.sub(r"\1", segment)
    segment = _BR_RE.sub("\n", segment)
    segment = _TAG_RE.sub("", segment)
    for pattern in (_STAR_EMPH_RE, _UNDERSCORE_EMPH_RE, _STRIKE_RE):
        previous = None
        while previous != segment:  # nested emphasis such as ***x*** or **a _b_ c**
            previous = segment
            segment = pattern.sub(lambda m: m.group(m.lastindex or 1), segment)
    return segment


def _strip_inline(line: str) -> str:
    """Strip inline Markdown but keep the contents of `code spans` verbatim (minus the backticks)."""
    out: list[str] = []
    pos = 0
    for match in _CODE_SPAN_RE.finditer(line):
        out.append(_strip_inline_markup(line[pos : match.start()]))
        out.append(match.group(2))
        pos = match.end()
    out.append(_strip_inline_markup(line[pos:]))
    return "".join(out).translate(_UNPARK)


def _remove_html_comments(text: str) -> str:
    """Drop closed ``<!-- ... -->`` comments in linear time (a regex rescans on every unclosed one)."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def _is_closing_fence(line: str, opening: str) -> bool:
    match = _FENCE_RE.match(line)
    if not match or match.group(1)[0] != opening[0] or len(match.group(1)) < len(opening):
        return False
    return not line[match.end() :].strip()


def _table_row(inner: str) -> str:
    cells = re.split(r"(?<!\\)\|", inner)
    return "\t".join(cell.strip() for cell in cells if cell.strip())


def _markdown_to_text(source: str) -> tuple[str, str | None]:
    """Remove Markdown markup that is not prose; returns ``(text, title)``.

    Headings lose their hashes, emphasis markers and link/image syntax go, HTML comments and tags go,
    while code blocks keep their content verbatim (only the fence lines are dropped), because what is
    left should read as plain sentences for the NLP steps.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    title: str | None = None
    front = _FRONT_MATTER_RE.match(source)
    if front:
        found = _FRONT_TITLE_RE.search(front.group(1))
        if found:
            title = _clean_title(found.group(1).strip("\"'"))
        source = source[front.end() :]
    out: list[str] = []
    for is_code, lines in _fenced_segments(source):
        if is_code:  # fence lines become blank lines so the code stands as its own paragraph
            out.extend(["", *lines, ""])
            continue
        for line in _remove_html_comments("\n".join(lines)).split("\n"):
            title = _markdown_line(line, out, title)
    return "\n".join(out), title


def _fenced_segments(source: str) -> list[tuple[bool, list[str]]]:
    """Split into alternating prose / fenced-code segments (is_code, lines) so code is never touched."""
    segments: list[tuple[bool, list[str]]] = []
    current: list[str] = []
    fence: str | None = None
    for line in source.split("\n"):
        match = _FENCE_RE.match(line)
        if fence is None and match:
            segments.append((False, current))
            current = []
            fence = match.group(1)
        elif fence is not None and _is_closing_fence(line, fence):
            segments.append((True, current))
            current = []
            fence = None
        else:
            current.append(line)
    segments.append((fence is not None, current))
    return segments


def _markdown_line(line: str, out: list[str], title: str | None) -> str | None:
    """Append one prose line, its markup removed, to `out`; returns the title, set by the first
    level-one heading when there is none yet."""
    if _THEMATIC_RE.match(line) or ("|" in line and _TABLE_SEP_RE.match(line)) or _LINK_DEF_RE.match(line):
        out.append("")
        return title
    setext = _SETEXT_RE.match(line)
    if setext and out and out[-1].strip():
        if title is None and setext.group(1).startswith("="):
            title = _clean_title(out[-1])
        out.append("")
        return title
    line = _FOOTNOTE_DEF_RE.sub("", line)
    while _QUOTE_RE.match(line):
        line = _QUOTE_RE.sub("", line, count=1)
    atx = _ATX_RE.match(line)
    if atx:
        line = _strip_inline(atx.group(2) or "")
        if title is None and len(atx.group(1)) == 1:
            title = _clean_title(line)
        out.append(line)
        return title
    row = _TABLE_ROW_RE.match(line)
    out.append(_strip_inline(_table_row(row.group(1))) if row else _strip_inline(_BULLET_RE.sub("", line)))
    return title


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------


def _attr_contains(attr: str, word: str) -> str:
    return f"contains(translate(@{attr}, '{word.upper()}', '{word}'), '{word}')"


# trafilatura keeps menus and banners when a page is so small that it falls back to "take everything";
# pruning page chrome up front keeps them out in every case.
_PRUNE_XPATH = [
    "//nav",
    "//*[@role='navigation']",
    "//header[not(ancestor::article) and not(ancestor::main)]",
    "//footer[not(ancestor::article) and not(ancestor::main)]",
    # Cookie/consent banners; never the page containers, which sites often tag "has-cookie-banner".
    "//*[not(self::html or self::body or self::main or self::article) and ("
    + " or ".join(_attr_contains(attr, word) for attr in ("id", "class") for word in ("cookie", "consent"))
    + ")]",
]
_TRAF_BLOCKS = frozenset(
    {"doc", "body", "main", "head", "p", "list", "table", "quote", "code", "div", "figure"}
)
_TRAF_LINES = frozenset({"item", "row"})


# what trafilatura's XML elements open and close with in the rendered text
_TRAF_OPEN = {
    **dict.fromkeys(_TRAF_BLOCKS, "\n\n"),
    **dict.fromkeys(_TRAF_LINES, "\n"),
    "cell": "\t",
    "lb": "\n",
}
_TRAF_CLOSE = {**dict.fromkeys(_TRAF_BLOCKS, "\n\n"), **dict.fromkeys(_TRAF_LINES, "\n")}


def _render_trafilatura_tree(root: Any) -> str:
    """Render trafilatura's XML body as text with a blank line between blocks, one line per list item
    or table row (cells tab-separated); trafilatura's own txt output uses single newlines everywhere."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None:  # comment or processing instruction: its tail is handled by the parent
            return
        parts.append(_TRAF_OPEN.get(tag, ""))
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        parts.append(_TRAF_CLOSE.get(tag, ""))

    walk(root)
    return "\n".join(line.strip() for line in "".join(parts).split("\n"))


class _FallbackHTMLText(HTMLParser):
    """Minimal visible-text extractor for pages trafilatura finds no main content in.

    Drops script/style/nav/header/footer and similar chrome, plus elements that are obviously cookie or
    consent banners or hidden; block elements become paragraph breaks.
    """

    SKIP = frozenset(
        {
            "script", "style", "nav", "header", "footer", "noscript", "template", "svg", "head", "aside",
            "form", "button", "select", "iframe", "object", "canvas", "math",
        }
    )  # fmt: skip
    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )
    BLOCK = frozenset(
        {
            "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
            "table", "blockquote", "pre", "hr", "figure", "figcaption", "address", "body", "html",
        }
    )  # fmt: skip
    LINE = frozenset({"li", "tr", "dt", "dd", "br"})
    CONTAINERS = frozenset({"html", "body", "main", "article"})  # never skipped as banners
    BANNER_RE = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._in_title = False
        self._pre_depth = 0
        self._content_depth = 0

    def _is_banner_or_hidden(self, attrs: list[tuple[str, str | None]]) -> bool:
        for name, value in attrs:
            if name == "hidden" or (name == "aria-hidden" and (value or "").lower() == "true"):
                return True
            if name in ("id", "class", "role", "aria-label") and value and self.BANNER_RE.search(value):
                return True
            if name == "style" and value and re.search(r"display\s*:\s*none", value, re.IGNORECASE):
                return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if self._skip_depth:
            self._nested_in_skipped(tag)
            return
        if tag in ("main", "article"):
            self._content_depth += 1
        # An article's own <header>/<footer> (headline, byline) is content, not page chrome.
        chrome = tag in self.SKIP and not (tag in ("header", "footer") and self._content_depth)
        skippable = tag not in self.CONTAINERS and tag not in self.VOID
        if skippable and (chrome or self._is_banner_or_hidden(attrs)):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "pre":
            self._pre_depth += 1
        self._break_before(tag)

    def _nested_in_skipped(self, tag: str) -> None:
        """A start tag inside a skipped element: count nesting of the same tag; <body> ends an
        unclosed <head>."""
        if tag == self._skip_tag:
            self._skip_depth += 1
        elif tag == "body" and self._skip_tag == "head":  # unclosed <head>
            self._skip_tag, self._skip_depth = None, 0

    def _break_before(self, tag: str) -> None:
        if tag in self.BLOCK:
            self.parts.append("\n\n")
        elif tag in self.LINE:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skip_depth:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if not self._skip_depth:
                    self._skip_tag = None
            return
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        if tag in ("main", "article") and self._content_depth:
            self._content_depth -= 1
        if tag in self.BLOCK:
            self.parts.append("\n\n")
        elif tag in self.LINE:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if self._skip_depth:
            return
        self.parts.append(data if self._pre_depth else re.sub(r"[ \t\r\n\f]+", " ", data))

    def text(self) -> str:
        return "\n".join(line.strip() for line in "".join(self.parts).split("\n"))


def _fallback_html(html: str) -> tuple[str, str | None]:
    parser = _FallbackHTMLText()
    parser.feed(html)
    parser.close()
    return parser.text(), _clean_title("".join(parser.title_parts))


def _load_html(data: bytes) -> tuple[str, str | None, str]:
    html, encoding = _decode_html(data)
    text = ""
    title: str | None = None
    try:
        import trafilatura

        with _quiet():
            doc = trafilatura.bare_extraction(
                html,
                include_comments=False,
                include_tables=True,
                favor_recall=True,
                with_metadata=True,
                prune_xpath=_PRUNE_XPATH,
            )
        if doc is not None:
            get: Callable[[str], Any] = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
            body = get("body")
            text = _render_trafilatura_tree(body) if body is not None else (get("text") or "")
            title = _clean_title(get("title"))
    except Exception:  # trafilatura failing on odd markup is what the fallback is for
        text = ""
    if text.strip() and title:
        return text, title, encoding
    try:
        fallback_text, html_title = _fallback_html(html)
    except Exception as exc:
        if not text.strip():
            raise LoadError(f"corrupt HTML: {_reason(exc)}") from exc
        fallback_text, html_title = "", None
    if not text.strip():
        text = fallback_text
    return text, title or html_title, encoding


# --------------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------------


def _load_pdf(data: bytes) -> tuple[str, str | None]:
    if b"%PDF-" not in data[:1024]:
        raise LoadError("corrupt PDF: not a PDF file (no %PDF header)")
    from pypdf import PdfReader

    with _quiet():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            encrypted = reader.is_encrypted
        except Exception as exc:
            raise LoadError(f"corrupt PDF: {_reason(exc)}") from exc
        if encrypted:
            _decrypt_pdf(reader)
        texts = _pdf_page_texts(reader)
        try:
            metadata = reader.metadata
            title = _clean_title(metadata.title) if metadata is not None else None
        except Exception:  # a broken Info dictionary only costs us the title
            title = None
    text = "\n\n".join(t.strip() for t in texts if t.strip())
    if not _normalise(text):
        raise LoadError("no extractable text (scanned PDF?)")
    return text, title


def _decrypt_pdf(reader: Any) -> None:
    """Open a PDF encrypted with an empty user password (many are); others need a password we lack."""
    from pypdf.errors import DependencyError

    try:
        decrypted = reader.decrypt("")
    except DependencyError as exc:
        raise LoadError(f"encrypted PDF: cannot decrypt ({_reason(exc)})") from exc
    except Exception as exc:
        raise LoadError(f"encrypted PDF: {_reason(exc)}") from exc
    if not decrypted:  # PasswordType.NOT_DECRYPTED == 0
        raise LoadError("encrypted PDF (password required)")


def _pdf_page_texts(reader: Any) -> list[str]:
    """Each page's text; a broken page is left out, unless every page is broken."""
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise LoadError(f"corrupt PDF: {_reason(exc)}") from exc
    if not pages:
        raise LoadError("corrupt PDF: no pages")
    texts: list[str] = []
    first_error: Exception | None = None
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:  # one broken page should not lose the others
            first_error = first_error or exc
    if first_error is not None and not texts:
        raise LoadError(f"corrupt PDF: {_reason(first_error)}")
    return texts


# --------------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Elements whose content is not visible body text: properties, deleted/moved-away revisions, field
# instructions, and the VML fallback copy of text boxes (the DrawingML choice is read instead).
_DOCX_SKIP = frozenset(
    {
        f"{_W}pPr", f"{_W}rPr", f"{_W}sectPr", f"{_W}tblPr", f"{_W}tblGrid", f"{_W}trPr", f"{_W}tcPr",
        f"{_W}sdtPr", f"{_W}sdtEndPr", f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_MC}Fallback",
    }
)  # fmt: skip


def _docx_paragraph(p: Any, extra: list[str]) -> str:
    """Text of one ``w:p`` including tracked insertions and hyperlinks; text-box content is appended
    to ``extra`` as separate blocks so it does not get glued into the middle of a sentence."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _DOCX_SKIP:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}txbxContent":
                extra.extend(_docx_blocks(child))
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _docx_table(tbl: Any) -> str:
    """One line per row, non-empty cells tab-separated (merged cells appear once)."""
    rows: list[str] = []
    for tr in tbl.iter(f"{_W}tr"):
        if next(tr.iterancestors(f"{_W}tbl"), None) is not tbl:
            continue  # rows of nested tables are rendered inside their cell
        cells: list[str] = []
        for tc in tr.iter(f"{_W}tc"):
            if next(tc.iterancestors(f"{_W}tr"), None) is not tr:
                continue
            cell = " ".join(" ".join(block.split()) for block in _docx_blocks(tc))
            if cell.strip():
                cells.append(cell.strip())
        if cells:
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _docx_blocks(container: Any) -> Iterator[str]:
    """Paragraph and table texts of a body/cell/text-box element, in document order."""
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag in _DOCX_SKIP:
            continue
        if tag == f"{_W}p":
            extra: list[str] = []
            yield _docx_paragraph(child, extra)
            yield from extra
        elif tag == f"{_W}tbl":
            yield _docx_table(child)
        else:  # w:sdt, w:sdtContent, w:customXml, w:ins ... wrap block content
            yield from _docx_blocks(child)


def _check_docx_size(data: bytes, limits: Limits) -> None:
    """Refuse a zip bomb before python-docx unpacks it: first by the sizes the archive declares,
    then by decompressing every member in bounded chunks and counting what really comes out (a
    member whose header understates its size fails zipfile's own size and CRC checks)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            declared = sum(m.file_size for m in members)
            reason = limits.docx_too_large(declared)
            if reason:
                raise LoadError(reason)
            total = 0
            for member in members:
                with archive.open(member) as fh:
                    while chunk := fh.read(1 << 20):
                        total += len(chunk)
                        reason = limits.docx_too_large(total)
                        if reason:
                            raise LoadError(reason)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as exc:
        raise LoadError(f"corrupt DOCX: {_reason(exc)}") from exc
    except RuntimeError as exc:  # an encrypted member
        raise LoadError(f"corrupt DOCX: {_reason(exc)}") from exc


def _load_docx(data: bytes, limits: Limits | None = None) -> tuple[str, str | None]:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError("not a DOCX file (legacy .doc or password-protected Word file)")
    if not data.startswith(b"PK"):
        raise LoadError("corrupt DOCX: not a zip archive")
    _check_docx_size(data, limits or Limits())
    import docx

    with _quiet():
        try:
            document = docx.Document(io.BytesIO(data))
            blocks = [block.strip() for block in _docx_blocks(document.element.body)]
        except Exception as exc:
            raise LoadError(f"corrupt DOCX: {_reason(exc)}") from exc
        try:
            title = _clean_title(document.core_properties.title)
        except Exception:  # broken core properties only cost us the title
            title = None
    return "\n\n".join(block for block in blocks if block), title


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------


def _unsupported(suffix: str) -> str:
    return f"unsupported format {suffix}" if suffix else "unsupported format (no file extension)"


def _read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """Read a regular file whole, after checking it is one and within the size limit.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO or a device named
    on the command line is refused instead of blocking the run for ever, and a file swapped for
    something else between the check and the read is still caught.
    """
    limits = limits or Limits()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise LoadError("not a regular file (a FIFO, socket or device)")
            too_large = limits.file_too_large(info.st_size)
            if too_large:
                raise LoadError(too_large)
            return fh.read(limits.max_file_bytes + 1)
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError("is a directory, not a file") from exc
    except FileNotFoundError as exc:
        raise LoadError("no such file or directory") from exc
    except MemoryError as exc:
        raise LoadError("file too large to load") from exc
    except OSError as exc:
        raise LoadError(_os_reason(exc)) from exc


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    return f"cannot read file: {exc.strerror or _reason(exc)}"


def load_text(path: str | Path, limits: Limits | None = None) -> LoadedText:
    """Read one document and return its normalised plain text.

    The format is chosen by suffix (case-insensitive). Raises :class:`LoadError`, and only that, for
    any input that cannot be turned into text (missing, directory, unreadable, empty, corrupt,
    encrypted, scanned, unsupported), so batch callers can report and skip.
    """
    limits = limits or Limits()
    resolved = _existing_file(path)
    suffix = resolved.suffix.lower()
    fmt = _FORMAT_BY_SUFFIX.get(suffix)
    if fmt is None:
        raise LoadError(_unsupported(suffix))
    data = _read_bytes(resolved, limits)
    if not data.strip():
        raise LoadError("empty file")
    with _as_load_error(fmt):
        raw, title, encoding = _decoded(data, fmt, limits)
        del data  # the raw bytes are not needed while the text is normalised
        text = _normalise(raw)
    if not text:
        raise LoadError("empty file")
    too_long = limits.text_too_long(len(text))
    if too_long:
        raise LoadError(too_long)
    if fmt == "txt":
        title = _first_line_title(text)
    warnings: tuple[str, ...] = ()
    if encoding and encoding.startswith("utf-8 ("):
        warnings = (f"decoded as UTF-8 with {encoding[7:-1]} by U+FFFD",)
        encoding = "utf-8"
    return LoadedText(path=resolved, text=text, title=title, format=fmt, encoding=encoding, warnings=warnings)


def _existing_file(path: str | Path) -> Path:
    """The resolved path of an existing file, else a LoadError that says what is wrong."""
    try:
        os.stat(path)  # a symlink loop or a forbidden folder says so here, with its own reason
        resolved = Path(path).expanduser().resolve()
        exists = resolved.exists()
        is_dir = resolved.is_dir()
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except OSError as exc:
        raise LoadError(_os_reason(exc)) from exc
    except (ValueError, RuntimeError) as exc:  # bad characters, symlink loops, ...
        raise LoadError(f"invalid path: {_reason(exc)}") from exc
    if not exists:
        raise LoadError("no such file or directory")
    if is_dir:
        raise LoadError("is a directory, not a file")
    return resolved


def _decoded(data: bytes, fmt: str, limits: Limits) -> tuple[str, str | None, str | None]:
    """The text of a file's bytes in format `fmt` (not yet normalised), its title and encoding."""
    encoding: str | None = None
    title: str | None = None
    if fmt in ("txt", "md"):
        raw, encoding = _decode_bytes(data)
        if fmt == "md":
            raw, title = _markdown_to_text(raw)
    elif fmt == "html":
        raw, title, encoding = _load_html(data)
    elif fmt == "pdf":
        raw, title = _load_pdf(data)
    else:
        raw, title = _load_docx(data, limits)
    return raw, title, encoding


@contextmanager
def _as_load_error(fmt: str) -> Iterator[None]:
    """Any failure to read a file is a LoadError (the contract is "LoadError for any bad input")."""
    try:
        yield
    except LoadError:
        raise
    except MemoryError as exc:
        raise LoadError("file too large to load (out of memory)") from exc
    except Exception as exc:
        raise LoadError(f"cannot read {fmt.upper()} file: {_reason(exc)}") from exc


def _is_hidden(name: str) -> bool:
    # "~$x.docx" are Office lock files created next to open documents: never real content.
    return name.startswith((".", "~$"))


def _walk_folder(folder: Path, seen_dirs: set[str]) -> Iterator[tuple[Path, str | None]]:
    try:
        real = os.path.realpath(folder)
        if real in seen_dirs:  # symlink cycle
            return
        seen_dirs.add(real)
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except PermissionError:
        yield folder, "permission denied"
        return
    except OSError as exc:
        yield folder, f"cannot read folder: {exc.strerror or _reason(exc)}"
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        child = folder / entry.name
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk_folder(child, seen_dirs)
        elif is_file and child.suffix.lower() in _FORMAT_BY_SUFFIX:
            yield child, None


def iter_document_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Expand files and folders (recursively, sorted, deterministic order; skip hidden files/dirs
    starting with '.'), yielding ``(path, None)`` for supported files and ``(path, reason)`` for files
    that are skipped.

    An unsupported suffix inside a folder is silently ignored (folders hold all kinds of things), but an
    explicitly named file with an unsupported suffix yields ``(path, "unsupported format .xyz")`` and a
    path that does not exist yields ``(path, "no such file or directory")``, because the user asked for
    exactly that file and deserves to hear why it was not read. Folder entries are sorted by name and
    walked depth-first; a file reached twice (named twice, or named and inside a named folder) is
    yielded once. Office lock files (``~$name.docx``) are treated as hidden.
    """
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()
    for given in paths:
        path = Path(given)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as exc:
            yield path, _os_reason(exc)
            continue
        except ValueError as exc:
            yield path, f"invalid path: {_reason(exc)}"
            continue
        candidates = _walk_folder(path, seen_dirs) if is_dir else iter([(path, None)])
        for candidate, reason in candidates:
            if reason is None and not is_dir and candidate.suffix.lower() not in _FORMAT_BY_SUFFIX:
                reason = _unsupported(candidate.suffix.lower())
            key = os.path.realpath(candidate)
            if key in seen_files:
                continue
            seen_files.add(key)
            yield candidate, reason
