"""Run a subprocess that file permissions apply to, even when the tests run as root (as in CI).

Root ignores mode bits (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so `chmod 000` proves nothing
there. Dropping those two capabilities from the bounding set before exec leaves the child root,
able to run the same Python from the same (root-owned) venv, but bound by the mode bits.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _drop_file_override() -> None:  # pragma: no cover - runs in the child before exec
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def preexec() -> Callable[[], None] | None:
    """A `preexec_fn` for subprocess that makes permissions bite (None when they bite already)."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        raise RuntimeError("running as root on a system where capabilities cannot be dropped")
    return _drop_file_override
