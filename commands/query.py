"""`stakegraph query ...`: the network questions (centrality, brokers, communities, paths, ego
networks, interlocks) from the command line, over the same projection the Python API uses.

Tables go to stdout for people, with one line on stderr saying which backend ran and whether
the answer is approximate; `--format json|csv` gives programs the same rows without the notes.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from ..graph.model import ENTITY_TYPES
from ..queries.choices import (
    BACKENDS,
    BROKER_SCORES,
    MEASURES,
    METHODS,
    MODES,
    ORIENTATIONS,
    PROJECTION_RELATIONS,
)
from .options import UserError, format_option, open_graph, read_options, user_errors
from .output import emit

if TYPE_CHECKING:  # the query modules (networkx, pandas) are imported when a command runs
    import networkx as nx

_TYPE = click.Choice(ENTITY_TYPES, case_sensitive=False)


def register(cli: click.Group) -> None:
    cli.add_command(query)


@click.group()
def query() -> None:
    """Network questions: who is central, who brokers, which clusters, how two are connected.

    \b
    Examples:
      stakegraph query centrality --measure betweenness --type Person --top 10
      stakegraph query brokers --by liaison
      stakegraph query bridges Municipality Organization
      stakegraph query communities --method leiden
      stakegraph query path "Anna de Boer" "gemeente Zwolle"
      stakegraph query ego "VvS" --radius 2
      stakegraph query interlocks --mode people --format csv

    Every query reads one projection of the graph: by default an undirected graph with one tie
    per pair of stakeholders connected by a typed relation; each command's projection options
    (--relation-types, --entity-types, --with-comentions, --weighted, --since, --until) change it.
    """


# -- shared options -------------------------------------------------------------------------
def projection_options(f: Callable) -> Callable:
    """Store, curation and confidence (`read_options`) and the projection: everything that decides
    the graph a query analyses."""
    f = click.option("--until", default=None, metavar="DATE",
                     help="Only documents dated up to DATE (YYYY[-MM[-DD]]); undated ones are kept.")(f)
    f = click.option("--since", default=None, metavar="DATE",
                     help="Only documents dated from DATE (YYYY[-MM[-DD]]); undated ones are kept.")(f)
    f = click.option("--weighted", is_flag=True,
                     help="Weigh ties by their evidence count (strength; path length 1/weight).")(f)
    f = click.option("--with-comentions", is_flag=True,
                     help="Also tie stakeholders named in the same sentence (CO_MENTIONED).")(f)
    f = click.option("--entity-types", default=None, metavar="T,T",
                     help=f"Only these entity types ({', '.join(ENTITY_TYPES)}).")(f)
    f = click.option("--relation-types", default=None, metavar="R,R",
                     help=f"Only these relation types ({', '.join(PROJECTION_RELATIONS)}).")(f)
    return read_options(f)


def _top_option(default: int | None) -> Callable:
    return click.option("--top", type=click.IntRange(min=0), default=default, show_default=True,
                        help="How many rows to show (0: all).")


def _load(options: dict[str, Any]) -> tuple[Any, nx.Graph]:
    """The knowledge graph (for names) and its projection (for topology) the options describe."""
    from ..queries.projection import project

    kg = open_graph(options.pop("store_url"), options.pop("user"), options.pop("password"),
                    options.pop("database"), options.pop("curation_path"), options.pop("min_confidence"))
    try:
        G = project(
            kg,
            relation_types=_names(options.pop("relation_types"), PROJECTION_RELATIONS, "relation type"),
            entity_types=_names(options.pop("entity_types"), ENTITY_TYPES, "entity type"),
            with_comentions=options.pop("with_comentions"),
            weighted=options.pop("weighted"),
            since=options.pop("since"),
            until=options.pop("until"),
        )
    except ValueError as exc:
        raise UserError(str(exc)) from None
    window = G.graph["projection"]["since"] or G.graph["projection"]["until"]
    if window and G.graph["undated_documents"]:
        undated = G.graph["undated_documents"]
        click.echo(f"note: {undated} undated document(s) kept in the date window", err=True)
    return kg, G


def _names(value: str | None, known: tuple[str, ...], what: str) -> list[str] | None:
    if value is None:
        return None
    canonical = {k.lower(): k for k in known}
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v.lower() not in canonical]
    if unknown or not chosen:
        raise UserError(f"unknown {what} '{', '.join(unknown) or value}' (known: {', '.join(known)})")
    return [canonical[v.lower()] for v in chosen]


def _type(value: str | None) -> str | None:
    return None if value is None else {t.lower(): t for t in ENTITY_TYPES}[value.lower()]


def _top(value: int | None) -> int | None:
    return value or None


def _run(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a query, turning the user's mistakes (names, options) into one-line errors (exit 2)."""
    from ..queries.backend import BackendError
    from ..queries.lookup import NotInGraph, UnknownStakeholder

    try:
        return fn(*args, **kwargs)
    except (UnknownStakeholder, NotInGraph, BackendError, ValueError) as exc:
        raise UserError(str(exc.args[0]) if exc.args else str(exc)) from None


def _note(fmt: str, line: str, *, always: bool = False) -> None:
    if fmt == "table" or always:
        click.echo(line, err=True)


def _emit_frame(df: Any, fmt: str, columns: list[str]) -> None:
    from ..queries.frames import records

    emit(records(df), fmt, columns)


# -- commands -------------------------------------------------------------------------------
@query.command("centrality")
@click.option("--measure", "-m", type=click.Choice(MEASURES), default="degree", show_default=True)
@click.option("--type", "etype", type=_TYPE, default=None,
              help="Rank only this type (scored on the whole graph).")
@_top_option(20)
@click.option("--backend", type=click.Choice(BACKENDS), default="auto", show_default=True,
              help="auto: networkx, igraph above 5000 nodes.")
@click.option("--k", "k", type=click.IntRange(min=1), default=None,
              help="Estimate betweenness from K sampled source nodes (automatic above 20000 nodes).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the betweenness sample.")
@format_option
@projection_options
@user_errors
def centrality_command(measure, etype, top, backend, k, seed, fmt, **options) -> None:
    """Rank stakeholders by centrality (networkx's definitions and normalisation)."""
    from ..queries.centrality import centrality, describe

    _kg, G = _load(options)
    df = _run(centrality, G, measure, type=_type(etype), top=_top(top), backend=backend, k=k, seed=seed)
    _note(fmt, describe(df), always=bool(df.attrs.get("approximate")))
    _emit_frame(df, fmt, ["rank", "name", "type", "score", "id"])


@query.command("brokers")
@click.option("--by", type=click.Choice(BROKER_SCORES), default="effective_size", show_default=True,
              help="Score to rank by: Burt's effective size or efficiency, or Gould-Fernandez counts.")
@click.option("--type", "etype", type=_TYPE, default=None, help="Rank only this type.")
@click.option("--orientation", type=click.Choice(ORIENTATIONS), default="symmetric", show_default=True,
              help="Gould-Fernandez ties: both ways, or as relations state them (source -> target).")
@_top_option(20)
@format_option
@projection_options
@user_errors
def brokers_command(by, etype, orientation, top, fmt, **options) -> None:
    """Brokers between worlds: Burt's effective size and constraint, Gould-Fernandez roles by entity type."""
    from ..queries.brokerage import brokers

    _kg, G = _load(options)
    df = _run(brokers, G, by=by, type=_type(etype), top=_top(top), orientation=orientation)
    _note(fmt, f"{df.attrs['measure']}, roles with {orientation} ties, by networkx, exact "
               f"({df.attrs['nodes']} nodes, {df.attrs['edges']} edges)")
    _emit_frame(df, fmt, ["rank", "name", "type", "score", "effective_size", "constraint", "coordinator",
                          "gatekeeper", "representative", "itinerant", "liaison"])


@query.command("bridges")
@click.argument("types", nargs=-1, type=_TYPE)
@click.option("--type", "etype", type=_TYPE, default=None, help="Rank only this type.")
@_top_option(20)
@format_option
@projection_options
@user_errors
def bridges_command(types, etype, top, fmt, **options) -> None:
    """Who connects stakeholders of two types (e.g. Municipality Organization) that have no direct tie.

    With no TYPES: pairs of any two different types.
    """
    from ..queries.brokerage import bridges

    if len(types) not in (0, 2):
        raise UserError("give two entity types (e.g. Municipality Organization), or none")
    _kg, G = _load(options)
    between = (_type(types[0]), _type(types[1])) if types else None
    df = _run(bridges, G, between, type=_type(etype), top=_top(top))
    _note(fmt, f"{df.attrs['measure']}: unconnected pairs each stakeholder links, by networkx, exact")
    _emit_frame(df, fmt, ["rank", "name", "type", "score", "neighbour_types", "examples"])


@query.command("communities")
@click.option("--method", type=click.Choice(METHODS), default="louvain", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed: the same seed, the same communities.")
@click.option("--resolution", type=click.FloatRange(min=0, min_open=True), default=1.0, show_default=True,
              help="Higher: more, smaller communities.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True,
              help="List only communities with at least this many members.")
@_top_option(10)
@click.option("--backend", type=click.Choice(BACKENDS), default="auto", show_default=True,
              help="For Louvain: auto uses igraph above 5000 nodes. Leiden always runs on igraph.")
@format_option
@projection_options
@user_errors
def communities_command(method, seed, resolution, min_size, top, backend, fmt, **options) -> None:
    """Clusters of stakeholders (Louvain or Leiden), the largest first, with their members and the
    stakeholders that bridge them to other clusters.

    The table shows the --top largest (0: all); --format json|csv gives every listed community.
    """
    from ..queries.communities import communities, community_bridges

    with_comentions = options["with_comentions"]
    _kg, G = _load(options)
    df = _run(communities, G, method, seed=seed, resolution=resolution, min_size=min_size, backend=backend)
    a = df.attrs
    links = community_bridges(G, a["parts"])
    rows = _community_rows(df, links)
    left_out = a["communities"] - a["listed"]
    _note(fmt, f"{a['communities']} communities, modularity {a['modularity']:.4f} ({a['method']} by "
               f"{a['backend']}, seed {a['seed']}, resolution {a['resolution']}); "
               f"{a['listed']} with at least {min_size} members listed, {left_out} smaller left out "
               f"({a['singletons']} single stakeholders without ties)")
    if not with_comentions and _sparse(a):
        _note(fmt, f"note: the typed graph is sparse ({a['edges']} ties among {a['nodes']} stakeholders, "
                   f"{a['in_small']} of them in communities of 3 or fewer); add --with-comentions to also "
                   "tie stakeholders named in the same sentence")
    if fmt != "table":
        emit(rows, fmt, ["community", "size", "central", "types", "members", "bridges"])
        return
    _print_communities(rows[:top or None], len(rows))


def _sparse(attrs: dict[str, Any]) -> bool:
    """Fewer ties than stakeholders (mean degree under 2) and most of them in clusters of three or
    fewer: the typed relations alone say little about grouping (pairs and triples, high modularity)."""
    n = attrs["nodes"]
    return n > 0 and attrs["edges"] < n and attrs["in_small"] / n > 0.5


def _community_rows(df: Any, links: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    from ..queries.frames import records

    rows = records(df)
    for r in rows:
        by_other: dict[int, list[dict[str, Any]]] = {}
        for b in links.get(r["community"], []):
            by_other.setdefault(b["community"], []).append(b)
        r["bridges"] = [
            f"to {other} ({ties[0]['ties']} tie{'s' if ties[0]['ties'] != 1 else ''}): "
            + ", ".join(f"{b['inside']} — {b['outside']}" for b in ties)
            for other, ties in by_other.items()
        ]
    return rows


def _print_communities(rows: list[dict[str, Any]], total: int) -> None:
    width = min(110, shutil.get_terminal_size((100, 20)).columns)
    if not rows:
        click.echo("(no community with that many members)")
    for r in rows:
        click.echo(click.style(f"community {r['community']}: {r['size']} stakeholders", bold=True)
                   + f"  around {r['central']}  ({r['types']})")
        click.echo(textwrap.fill(", ".join(r["members"]), width, initial_indent="  members: ",
                                 subsequent_indent="           "))
        if r["bridges"]:
            click.echo(textwrap.fill("; ".join(r["bridges"]), width, initial_indent="  bridges: ",
                                     subsequent_indent="           "))
        click.echo("")
    if total > len(rows):
        click.echo(f"... and {total - len(rows)} smaller communities (--top 0 shows all)")


@query.command("path")
@click.argument("a")
@click.argument("b")
@click.option("--max-paths", type=click.IntRange(min=1), default=3, show_default=True,
              help="Show at most this many shortest paths.")
@format_option
@projection_options
@user_errors
def path_command(a, b, max_paths, fmt, **options) -> None:
    """Shortest paths between two stakeholders, each hop with its relation and an evidence sentence.

    Names, aliases and ids all work ("De Boer", "VvS", "gemeente Zwolle"). No path: exit 0.
    The table numbers each hop's evidence and prints the sentences in full below it.
    """
    from ..queries.frames import records
    from ..queries.paths import shortest_paths

    kg, G = _load(options)
    df = _run(shortest_paths, kg, a, b, graph=G, max_paths=max_paths)
    message = df.attrs["message"]
    click.echo(message, err=fmt != "table")  # "no path between A and B" is an answer: exit 0
    if df.empty and fmt == "table":
        return
    columns = ["path", "hop", "source", "tie", "target", "role", "document", "sentence"]
    rows = records(df)
    if fmt != "table":
        emit(rows, fmt, columns)
        return
    sentences: dict[str, int] = {}
    for r in rows:
        text = " ".join(str(r.get("sentence") or "").split())
        r["evidence"] = f"[{sentences.setdefault(text, len(sentences) + 1)}]" if text else ""
    emit(rows, fmt, [*columns[:-1], "evidence"])
    width = min(110, shutil.get_terminal_size((100, 20)).columns)
    click.echo("")
    for text, n in sentences.items():
        mark = f"[{n}] "
        click.echo(textwrap.fill(text, width, initial_indent=mark, subsequent_indent=" " * len(mark)))


@query.command("ego")
@click.argument("name")
@click.option("--radius", type=click.IntRange(1, 2), default=1, show_default=True,
              help="1: direct contacts; 2: also their contacts.")
@format_option
@projection_options
@user_errors
def ego_command(name, radius, fmt, **options) -> None:
    """A stakeholder's own network: everyone within RADIUS ties and how they are reached."""
    from ..queries.ego import ego_network

    kg, G = _load(options)
    df = _run(ego_network, kg, name, radius, graph=G)
    a = df.attrs
    _note(fmt, f"ego network of {a['name']} ({a['center']}), radius {radius}: {a['nodes']} stakeholders, "
               f"{a['edges']} ties, density {a['density']:.3f}")
    _emit_frame(df, fmt, ["distance", "name", "type", "relations", "via", "degree", "id"])


@query.command("interlocks")
@click.option("--mode", type=click.Choice(MODES), default="organizations", show_default=True,
              help="organizations: tied through shared people; people: tied through shared organisations.")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only pairs sharing at least this many.")
@_top_option(20)
@format_option
@projection_options
@user_errors
def interlocks_command(mode, min_weight, top, fmt, **options) -> None:
    """Affiliation ties: organisations sharing people (interlocks), or people sharing organisations."""
    from ..queries.affiliation import interlocks

    _kg, G = _load(options)
    df = _run(interlocks, G, mode, min_weight=min_weight, top=_top(top))
    _note(fmt, f"{df.attrs['pairs']} pair(s) of {'organisations' if mode == 'organizations' else 'people'} "
               f"sharing at least {min_weight}, by networkx, exact")
    _emit_frame(df, fmt, ["source", "target", "weight", "shared"])
