"""Files that appear under their name only when complete, written without predictable temp names.

A fixed temporary name (`.graph.json.tmp`) lets two writers clobber each other and lets anyone who
can write to the folder plant a symlink there that the next export follows. `tempfile.mkstemp`
creates a new file with an unguessable name (O_CREAT|O_EXCL, so never through a symlink) in the
target folder, and `os.replace` swaps it in atomically on the same file system.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_binary(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary file handle whose content replaces `path` when the block ends without an error."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # as an ordinary new file would be, not mkstemp's 0600
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, text: str) -> None:
    """Write UTF-8 text via an unguessable temporary file in the same folder and an atomic rename."""
    with atomic_binary(path) as fh:
        fh.write(text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
