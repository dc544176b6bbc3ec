"""Options and error handling shared by every command, so --store, --format and failures behave alike."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..graph.curation import CURATION_FILE, Curation, CurationError
from ..graph.store import Store, StoreError, is_sqlite_url, open_store, resolve_store_url, sqlite_path
from .output import FORMATS

if TYPE_CHECKING:
    from ..knowledge import KnowledgeGraph

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2


class UserError(click.ClickException):
    """A user mistake or unusable input: one line on stderr, exit 2, never a traceback."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"stakegraph: error: {self.format_message()}", err=True)


def store_options(f: Callable) -> Callable:
    """--store (default $STAKEGRAPH_STORE or ./stakegraph.db) and, for Neo4j, credentials and database."""
    f = click.option(
        "--database", envvar="NEO4J_DATABASE", default=None, help="Neo4j database (env NEO4J_DATABASE)."
    )(f)
    f = click.option(
        "--password",
        envvar="NEO4J_PASSWORD",
        default=None,
        show_envvar=False,
        help="Neo4j password (env NEO4J_PASSWORD; prompted when a Neo4j store needs one).",
    )(f)
    f = click.option("--user", envvar="NEO4J_USER", default=None, help="Neo4j user (env NEO4J_USER).")(f)
    f = click.option(
        "--store",
        "store_url",
        envvar="STAKEGRAPH_STORE",
        default=None,
        metavar="URL",
        help="Store: a SQLite file (default ./stakegraph.db) or bolt://, neo4j:// URL.",
    )(f)
    return f


def format_option(f: Callable) -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people, json or csv for programs.",
    )(f)


def curation_option(f: Callable) -> Callable:
    return click.option(
        "--curation",
        "curation_path",
        type=click.Path(dir_okay=False),
        default=None,
        help=f"Curation file (default: {CURATION_FILE} next to a SQLite store).",
    )(f)


def read_options(f: Callable) -> Callable:
    """What every read command takes: the store, the curation file and a confidence threshold."""
    f = click.option(
        "--min-confidence",
        type=click.FloatRange(0, 1),
        default=0.0,
        show_default=True,
        help="Leave out relations below this confidence.",
    )(f)
    return store_options(curation_option(f))


def open_graph(
    store_url: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    curation_path: str | None = None,
    min_confidence: float = 0.0,
) -> KnowledgeGraph:
    """The curated graph a read command works on; its store closes when the command is done."""
    from ..knowledge import KnowledgeGraph

    store = connect(store_url, user, password, database)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:  # a Neo4j store holds a connection pool
        ctx.call_on_close(store.close)
    return KnowledgeGraph(
        store, curation=load_curation(store_url, curation_path), min_confidence=min_confidence
    )


def curation_path_for(store_url: str | None, explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    url = resolve_store_url(store_url)
    if is_sqlite_url(url):
        return Path(sqlite_path(url)).resolve().parent / CURATION_FILE
    return Path(CURATION_FILE).resolve()


def load_curation(store_url: str | None, explicit: str | None) -> Curation:
    try:
        return Curation.load(curation_path_for(store_url, explicit))
    except CurationError as exc:
        raise UserError(str(exc)) from None


def connect(
    store_url: str | None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    *,
    create: bool = False,
) -> Store:
    """Open the store named on the command line, turning every failure into one clear line."""
    url = resolve_store_url(store_url)
    options: dict[str, Any] = {}
    if not is_sqlite_url(url):
        if password is None and user is not None and os.isatty(0):
            password = click.prompt("Neo4j password", hide_input=True)
        options = {"user": user, "password": password, "database": database}
    try:
        return open_store(url, create=create, **options)
    except StoreError as exc:
        raise UserError(str(exc) + _relative_sqlite_hint(url)) from None


def _relative_sqlite_hint(url: str) -> str:
    """sqlite:///x/y.db is relative (SQLAlchemy's convention); say so when it did not work out."""
    if url.lower().startswith("sqlite:///") and not url.lower().startswith("sqlite:////"):
        rest = url[len("sqlite:///"):]
        return f" (sqlite:///{rest} is the relative path {rest}; an absolute one is sqlite:////{rest})"
    return ""


def user_errors(f: Callable) -> Callable:
    """Turn store and curation errors raised while a command runs into one-line user errors."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (StoreError, CurationError) as exc:
            raise UserError(str(exc)) from None

    return wrapper
