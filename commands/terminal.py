"""Text from documents and file names made safe to print on a terminal.

A file name may hold ESC sequences (`\\x1b]0;...` retitles the window, `\\x1b[2J` clears it, some
terminals answer queries into the input) or bidi overrides that make `gpj.exe` read as `exe.jpg`.
Names are data: on a terminal they are shown with such characters escaped, never interpreted.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline included: one message stays one line), DEL, and the bidi
# embedding, override and isolate marks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """`text` with every control and bidi character written as a visible escape (`\\x1b`, `\\u202e`)."""
    s = str(text)
    return _UNSAFE.sub(_escape, s) if _UNSAFE.search(s) else s


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
