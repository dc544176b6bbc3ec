"""`stakegraph export turtle|jsonld|ntriples|trig|graphml|gexf|csv` and `stakegraph validate FILE`.

Linked data for publishing and triple stores (graph.rdf), network files for Gephi, Cytoscape and
neo4j-admin bulk import (graph.network_formats), and a SHACL check of an RDF export.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..graph.rdf import (
    DEFAULT_BASE,
    RDF_FORMATS,
    READ_FORMATS,
    RdfError,
    RdfMapping,
    estimate_triples,
    load_rdf,
)
from ..graph.rdf import validate as shacl_validate
from ..graph.rdf_stream import STREAM_THRESHOLD, write_rdf
from ..loaders.reference import ReferenceDataError
from .options import UserError, open_graph, read_options, user_errors

EXIT_VIOLATIONS = 1  # validate: the file was read but does not conform (2 is unreadable input)

_RDF_HELP = {
    "turtle": "Turtle (.ttl): readable RDF for people and most triple stores.",
    "jsonld": "JSON-LD (.jsonld): RDF for web platforms and JSON tooling.",
    "ntriples": "N-Triples (.nt): one triple a line, for bulk loading and diffing.",
    "trig": "TriG (.trig): the merged graph plus one named graph per document with the facts read from it.",
}
_NETWORK_HELP = {
    "graphml": "GraphML (.graphml) for Cytoscape, yEd and networkx: one edge per relation.",
    "gexf": "GEXF (.gexf) for Gephi: one edge per relation.",
}


def register(cli: click.Group) -> None:
    export = cli.commands["export"]
    assert isinstance(export, click.Group)
    for fmt in RDF_FORMATS:
        export.add_command(_rdf_command(fmt))
    for fmt in _NETWORK_HELP:
        export.add_command(_network_command(fmt))
    export.add_command(export_csv)
    cli.add_command(validate)


def _co_mentions_option(f: Callable) -> Callable:
    return click.option("--co-mentions/--no-co-mentions", default=True, show_default=True,
                        help="Include the weighted same-sentence CO_MENTIONED ties.")(f)


def _open(options: dict[str, Any]) -> Any:
    return open_graph(options["store_url"], options["user"], options["password"], options["database"],
                      options["curation_path"], options["min_confidence"])


def _rdf_command(fmt: str) -> click.Command:
    @click.command(fmt, help=_RDF_HELP[fmt] + "\n\nTerms: W3C ORG, FOAF, schema.org, SKOS, PROV-O; "
                   "municipalities and provinces owl:sameAs their TOOI and Wikidata identifiers.")
    @click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                  help="File to write (default: standard output).")
    @click.option("--base", default=DEFAULT_BASE, show_default=True, metavar="IRI",
                  help="Namespace of the minted IRIs; use your own when you publish.")
    @click.option("--stream/--no-stream", default=None,
                  help=f"Write through pyoxigraph without an in-memory rdflib graph "
                       f"(default: when the graph is over ~{STREAM_THRESHOLD:,} triples).")
    @_co_mentions_option
    @read_options
    @user_errors
    def command(output: str | None, base: str, stream: bool | None, co_mentions: bool,
                **options: Any) -> None:
        try:
            mapping = RdfMapping(base, co_mentions=co_mentions)
        except (RdfError, ReferenceDataError) as exc:
            raise UserError(str(exc)) from None
        kg = _open(options)
        target = output if output else sys.stdout.buffer
        show = bool(output) and sys.stderr.isatty()
        try:
            with click.progressbar(length=estimate_triples(kg) if show else 0, label=f"exporting {fmt}",
                                   file=sys.stderr, hidden=not show) as bar:
                done = [0]

                def progress(n: int) -> None:
                    bar.update(n - done[0])
                    done[0] = n

                report = write_rdf(kg, fmt, target, mapping, streaming=stream, progress=progress)
        except ReferenceDataError as exc:
            raise UserError(str(exc)) from None
        except BrokenPipeError:  # `... | head`: the reader has all it wants
            _quiet_exit()
        except OSError as exc:
            raise UserError(f"cannot write {output or 'standard output'}: {exc.strerror or exc}") from None
        if output:
            unit = "quads" if fmt == "trig" else "triples"
            how = ", streamed" if report.streamed else ""
            click.echo(f"wrote {output} ({report.triples} {unit}{how})", err=True)

    return command


def _quiet_exit() -> None:
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error on flush at exit
    sys.exit(1)


def _network_command(fmt: str) -> click.Command:
    @click.command(fmt, help=_NETWORK_HELP[fmt])
    @click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                  help="File to write (default: standard output).")
    @_co_mentions_option
    @read_options
    @user_errors
    def command(output: str | None, co_mentions: bool, **options: Any) -> None:
        from ..graph.network_stream import stream_network

        kg = _open(options)
        if output is None:
            stream_network(fmt, None, kg.network_source(), co=co_mentions,
                           echo=lambda t: click.echo(t, nl=False))
            return
        try:
            stream_network(fmt, output, kg.network_source(), co=co_mentions)
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
        click.echo(f"wrote {output}", err=True)

    return command


@click.command("csv", short_help="nodes.csv + relationships.csv for neo4j-admin database import.")
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False),
              help="Folder for nodes.csv and relationships.csv (created if missing).")
@click.option("--prefix", default="", help="File name prefix, e.g. 'kg-' for kg-nodes.csv.")
@_co_mentions_option
@read_options
@user_errors
def export_csv(folder: str, prefix: str, co_mentions: bool, **options: Any) -> None:
    """nodes.csv + relationships.csv for `neo4j-admin database import full` (typed headers).

    \b
    Example:
      stakegraph export csv -o import/
      neo4j-admin database import full --nodes=import/nodes.csv \\
          --relationships=import/relationships.csv neo4j
    """
    from ..graph.network_stream import stream_network

    if Path(prefix).name != prefix:
        raise UserError(f"--prefix '{prefix}' must be a file name prefix, not a path")
    kg = _open(options)
    try:
        paths = stream_network("csv", folder, kg.network_source(), co=co_mentions, prefix=prefix)
    except OSError as exc:
        raise UserError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    click.echo(f"wrote {' and '.join(str(p) for p in paths)}", err=True)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(READ_FORMATS), default=None,
              help="RDF syntax (default: from the file extension).")
@click.option("--limit", type=click.IntRange(0), default=20, show_default=True,
              help="Show at most this many problems (0: all).")
@user_errors
def validate(file: Path, fmt: str | None, limit: int) -> None:
    """Check an RDF export against stakegraph's SHACL shapes.

    Exit 0 when it conforms, 1 when it has violations (listed), 2 when it cannot be read.
    """
    try:
        data = load_rdf(file, fmt)
    except RdfError as exc:
        raise UserError(str(exc)) from None
    result = shacl_validate(data)
    shown = result.violations if limit == 0 else result.violations[:limit]
    for v in shown:
        click.echo(str(v))
    if len(result.violations) > len(shown):
        click.echo(f"... and {len(result.violations) - len(shown)} more (--limit 0 shows all)")
    errors = sum(1 for v in result.violations if v.severity == "Violation")
    if result.conforms:
        click.echo(f"{file}: conforms to the stakegraph shapes ({result.triples} triples checked)")
        return
    click.echo(f"{file}: {errors} violation(s) of the stakegraph shapes ({result.triples} triples checked)",
               err=True)
    sys.exit(EXIT_VIOLATIONS)
