"""How much one document may take: file size, unpacked DOCX size and extracted text length.

Untrusted input must not be able to take a laptop's memory or an afternoon: a 200 MB log file
named `.txt`, a 3 MB DOCX that unpacks to gigabytes, or a text of millions of characters would
otherwise be read whole into memory and through the pipeline. Past a limit a file is skipped with
a message that names the limit and how to raise it (a CLI option or an environment variable).
The library reads no environment: the CLI (`commands/options.py`) turns options and variables into
a `Limits`; a program that calls `build()` passes its own.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024

ENV_MAX_FILE_MB = "STAKEGRAPH_MAX_FILE_MB"
ENV_MAX_TEXT_CHARS = "STAKEGRAPH_MAX_TEXT_CHARS"
ENV_MAX_DOCX_MB = "STAKEGRAPH_MAX_DOCX_MB"


@dataclass(frozen=True)
class Limits:
    """Defaults suit a laptop: a 100 MB file, a DOCX that unpacks to 256 MB, two million characters
    of text (about 700 pages, well inside what the pipeline handles in a few hundred MB of memory)."""

    max_file_bytes: int = 100 * MB
    max_docx_unpacked_bytes: int = 256 * MB
    max_text_chars: int = 2_000_000

    def file_too_large(self, size: int) -> str | None:
        if size <= self.max_file_bytes:
            return None
        return (
            f"file is {_mb(size)}, over the limit of {_mb(self.max_file_bytes)} "
            f"(raise it with --max-file-mb or {ENV_MAX_FILE_MB})"
        )

    def docx_too_large(self, size: int) -> str | None:
        if size <= self.max_docx_unpacked_bytes:
            return None
        return (
            f"DOCX unpacks to more than {_mb(self.max_docx_unpacked_bytes)}, the limit "
            f"(a zip bomb? raise it with --max-docx-mb or {ENV_MAX_DOCX_MB})"
        )

    def text_too_long(self, chars: int) -> str | None:
        if chars <= self.max_text_chars:
            return None
        return (
            f"extracted text is {chars:,} characters, over the limit of {self.max_text_chars:,} "
            f"(raise it with --max-text-chars or {ENV_MAX_TEXT_CHARS})"
        )


def _mb(size: int) -> str:
    return f"{size / MB:,.1f} MB" if size % MB else f"{size // MB:,} MB"
