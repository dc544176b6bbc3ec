"""`stakegraph copy` (any store to any other) and `stakegraph cypher` (read queries on a Neo4j store).

Copying works per document through the Store protocol, so it is idempotent (an unchanged document
is replaced by itself; the Neo4j store even skips it) and needs nothing store-specific.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

import click

from ..graph.model import RELATION_TYPES
from ..graph.store import Store, StoreError, is_sqlite_url, resolve_store_url, sqlite_path, store_label
from .options import UserError, connect, format_option, store_options, user_errors
from .output import emit

_RELATIONS = "|".join(RELATION_TYPES)

# Shown in `stakegraph cypher --help` and the README; the tests run each of them on the test server.
EXAMPLE_QUERIES: dict[str, str] = {
    "brokers": (
        f"MATCH (e:Entity)-[:{_RELATIONS}]-(other:Entity) "
        "RETURN e.name AS name, e.type AS type, count(DISTINCT other) AS partners "
        "ORDER BY partners DESC, name LIMIT 10"
    ),
    "positions": (
        "MATCH (p:Person)-[r:HOLDS_POSITION]->(o:Entity) WHERE p.name = $name OR $name IN p.aliases "
        "RETURN o.name AS organisation, r.role AS role, r.status AS status, r.document AS document, "
        "r.sentences[0] AS evidence ORDER BY status, organisation, document"
    ),
    "path": (  # Neo4j 5
        "MATCH (a:Entity {name: $from}), (b:Entity {name: $to}) "
        f"MATCH p = shortestPath((a)-[:{_RELATIONS}*..6]-(b)) "
        "RETURN [n IN nodes(p) | n.name] AS path, length(p) AS hops"
    ),
    "path_portable": (  # also FalkorDB, which has no shortestPath() in MATCH; fine on small graphs
        "MATCH (a:Entity {name: $from}), (b:Entity {name: $to}) "
        f"MATCH p = (a)-[:{_RELATIONS}*1..4]-(b) "
        "RETURN [n IN nodes(p) | n.name] AS path, length(p) AS hops ORDER BY hops LIMIT 1"
    ),
}

_CYPHER_HELP = """Run a read-only Cypher query on a Neo4j store and print its rows.

\b
Examples:
  stakegraph cypher --store bolt://localhost:7687 'MATCH (p:Person) RETURN p.name LIMIT 5'
  stakegraph cypher 'MATCH (e:Entity {id: $id}) RETURN e.name' --param id=gemeente:gm0363
  stakegraph cypher 'MATCH (o:Organization) RETURN o.name, o.documents' --format json

--param NAME=VALUE passes a query parameter; VALUE is read as JSON when it is JSON (10, true,
["a","b"], "10") and as text otherwise. The query runs in a read transaction; write clauses
(CREATE, MERGE, SET, DELETE, ...) are refused.
"""


def register(cli: click.Group) -> None:
    cli.add_command(copy)
    cli.add_command(cypher)


def _credentials(f: Any) -> Any:
    f = click.option("--database", envvar="NEO4J_DATABASE", default=None,
                     help="Neo4j database (env NEO4J_DATABASE).")(f)
    f = click.option("--password", envvar="NEO4J_PASSWORD", default=None, show_envvar=False,
                     help="Neo4j password (env NEO4J_PASSWORD; prompted when needed on a terminal).")(f)
    f = click.option("--user", envvar="NEO4J_USER", default=None, help="Neo4j user (env NEO4J_USER).")(f)
    return f


@click.command()
@click.argument("src")
@click.argument("dst")
@_credentials
@click.option("--prune", is_flag=True,
              help="Also forget documents in DST that SRC does not have, so DST ends up equal to SRC.")
@user_errors
def copy(src: str, dst: str, user: str | None, password: str | None, database: str | None,
         prune: bool) -> None:
    """Copy a whole graph from store SRC to store DST, document by document (safe to repeat).

    SRC and DST are store URLs: a SQLite file (graph.db, sqlite:///graph.db) or a Neo4j server
    (bolt://host:7687, neo4j+s://host). --user/--password/--database apply to whichever side is
    Neo4j. The curation file is not copied; it applies on reading either store.

    \b
    Examples:
      stakegraph copy stakegraph.db bolt://localhost:7687
      stakegraph copy neo4j+s://team.databases.neo4j.io backup.db --user neo4j
    """
    if _same_store(src, dst, database):
        raise UserError(f"SRC and DST are the same store ({store_label(resolve_store_url(src))})")
    neo4j_side = not (is_sqlite_url(src) and is_sqlite_url(dst))
    if neo4j_side and user is not None and password is None and os.isatty(0):
        password = click.prompt("Neo4j password", hide_input=True)  # once, for both sides
    source = connect(src, user, password, database, create=False)
    try:
        target = connect(dst, user, password, database, create=True)
        try:
            copied, pruned = _copy(source, target, prune)
        finally:
            target.close()
    finally:
        source.close()
    line = f"copied {copied} document{'s' if copied != 1 else ''} from {store_label(source.url)} " \
           f"to {store_label(target.url)}"
    click.echo(line + (f", {pruned} pruned" if prune else ""))


def _copy(source: Store, target: Store, prune: bool) -> tuple[int, int]:
    facts = list(source.facts())
    with click.progressbar(facts, label="copying", file=sys.stderr, hidden=not sys.stderr.isatty(),
                           item_show_func=lambda f: f.document.name if f else None) as bar:
        for f in bar:
            target.upsert(f)
    pruned = 0
    if prune:
        keep = {f.document.path for f in facts}
        for d in target.documents():
            if d.path not in keep and target.delete(d.path):
                pruned += 1
    return len(facts), pruned


def _same_store(src: str, dst: str, database: str | None) -> bool:
    from pathlib import Path

    a, b = resolve_store_url(src), resolve_store_url(dst)
    if is_sqlite_url(a) and is_sqlite_url(b):
        try:
            return Path(sqlite_path(a)).resolve() == Path(sqlite_path(b)).resolve()
        except StoreError as exc:
            raise UserError(str(exc)) from None
    return store_label(a).rstrip("/").lower() == store_label(b).rstrip("/").lower()


@click.command(help=_CYPHER_HELP)
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeatable).")
@format_option
@store_options
@user_errors
def cypher(query: str, params: tuple[str, ...], fmt: str, store_url: str | None, user: str | None,
           password: str | None, database: str | None) -> None:
    if is_sqlite_url(store_url):
        where = store_label(resolve_store_url(store_url))
        raise UserError(f"cypher needs a Neo4j store, and {where} is SQLite "
                        "(pass --store bolt://host:7687 or set STAKEGRAPH_STORE)")
    values = dict(_parse_param(p) for p in params)
    store = connect(store_url, user, password, database)
    try:
        keys, rows = store.run_read(query, values)  # type: ignore[attr-defined]
    finally:
        store.close()
    emit([dict(zip(keys, row, strict=True)) for row in rows], fmt, keys)


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _parse_param(text: str) -> tuple[str, Any]:
    name, sep, raw = text.partition("=")
    if not sep or not _NAME.match(name):
        raise UserError(f"--param wants NAME=VALUE with a plain name, not {text!r}")
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return name, value
