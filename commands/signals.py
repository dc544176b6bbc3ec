"""Ctrl-C and SIGTERM end a command with one line and the conventional exit code, never a traceback.

Exit 130 (128 + SIGINT) after Ctrl-C and 143 (128 + SIGTERM) after `kill`, as shells report them,
so scripts can tell "interrupted" from "failed" (1) and "bad input" (2). Stopping is safe at any
moment: every store writes one document per transaction, so an interrupted ingest leaves each
document either fully stored or not at all, and running the same command again finishes the job.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

EXIT_SIGINT = 128 + signal.SIGINT  # 130
EXIT_SIGTERM = 128 + signal.SIGTERM  # 143


class Terminated(BaseException):
    """Raised in the main thread by the SIGTERM handler; a BaseException like KeyboardInterrupt, so
    no `except Exception` on the way up swallows it, while transactions on the way roll back."""


class Interrupted(click.ClickException):
    """The command was stopped by a signal: one line on stderr, exit 130 or 143."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:
        click.echo(f"stakegraph: {self.format_message()}", err=True)


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated()


@contextmanager
def interruptible(done: Any = None) -> Iterator[None]:
    """Turn Ctrl-C and SIGTERM inside the block into `Interrupted`. `done` (called on interruption)
    may return a few words on what was finished, e.g. "12 documents ingested"."""
    previous = None
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread (e.g. a test runner's worker): leave SIGTERM alone
        previous = None
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(_message("interrupted (Ctrl-C)", done), EXIT_SIGINT) from None
    except Terminated:
        raise Interrupted(_message("terminated (SIGTERM)", done), EXIT_SIGTERM) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _message(what: str, done: Any) -> str:
    progress = done() if callable(done) else None
    return f"{what}: {progress}" if progress else what


class InterruptibleGroup(click.Group):
    """The top-level group: every command gets the signal handling of `interruptible`."""

    def invoke(self, ctx: click.Context) -> Any:
        with interruptible():
            return super().invoke(ctx)
