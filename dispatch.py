"""Where ingest's per-file work runs: inline, in a local process pool, or on a Dask cluster.

All three take the same `Task`s and yield the same `Outcome`s, in whatever order they finish;
the writer in `ingest.py` does not care, and the merged graph does not depend on it. Work is sent
in small chunks with a bounded number in flight, so memory stays flat however many files a run has.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from .ingest_worker import Outcome, Task, run_task, run_tasks

CHUNK = 8  # documents per round trip: amortises pickling and scheduling, keeps the writer busy
# Fewer files than this are read inline: starting worker processes (each imports spaCy and builds
# the pipeline) costs more than a few documents take.
MIN_POOL_TASKS = 2 * CHUNK
CONNECT_TIMEOUT = "10s"  # how long to wait for a Dask scheduler before saying it cannot be reached


class DispatchError(Exception):
    """The workers cannot be reached or started; the message is one line a user can act on."""


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def outcomes(tasks: list[Task], *, workers: int = 1, scheduler: str | None = None) -> Iterator[Outcome]:
    """Run every task and yield its outcome as it completes."""
    if not tasks:
        return
    if scheduler:
        yield from _dask(tasks, scheduler)
    elif workers <= 1 or len(tasks) < MIN_POOL_TASKS:
        yield from (run_task(t) for t in tasks)
    else:
        yield from _pool(tasks, min(workers, -(-len(tasks) // CHUNK)))


def _chunks(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


def _pool(tasks: Iterable[Task], workers: int) -> Iterator[Outcome]:
    # spawn, not fork: the parent holds a SQLite connection and maybe threads; a fork would copy them
    ctx = multiprocessing.get_context("spawn")
    chunks = _chunks(tasks)
    init = _leave_signals_to_parent
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init) as pool:
        pending = set()
        try:
            for chunk in islice(chunks, 2 * workers):
                pending.add(pool.submit(run_tasks, chunk))
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        raise DispatchError(
                            "a worker process died (out of memory?); run again, or with fewer --workers"
                        ) from None
                    yield from result
                    nxt = next(chunks, None)
                    if nxt is not None:
                        pending.add(pool.submit(run_tasks, nxt))
        finally:
            for fut in pending:
                fut.cancel()


def _leave_signals_to_parent() -> None:
    """Ctrl-C reaches every process of the terminal's group: workers ignore it, so the parent alone
    stops the run, with one line, and no worker prints a traceback; the pool is shut down when the
    parent leaves it. A parent killed outright (kill -9) cannot shut it down, so each worker also
    watches its parent and exits when it is gone, instead of running on as an orphan."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="stakegraph-parent-watch", daemon=True).start()


def _dask(tasks: Iterable[Task], scheduler: str) -> Iterator[Outcome]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise DispatchError(
            "--scheduler needs Dask distributed: pip install 'stakegraph[dask]'"
        ) from None
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise DispatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        window = 4 * max(1, sum(client.nthreads().values()))
        chunks = _chunks(tasks)
        running = as_completed([client.submit(run_tasks, c, pure=False) for c in islice(chunks, window)])
        for fut in running:
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - e.g. stakegraph not installed on a worker
                raise DispatchError(
                    f"a Dask worker failed ({type(exc).__name__}: {exc}); is stakegraph installed "
                    "on every worker, and are the files at the same paths there?"
                ) from None
            fut.release()
            yield from result
            nxt = next(chunks, None)
            if nxt is not None:
                running.add(client.submit(run_tasks, nxt, pure=False))
    finally:
        client.close()
