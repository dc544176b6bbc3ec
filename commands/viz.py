"""`stakegraph viz`: write the network as one HTML page that opens in any browser, offline.

The page (graph/html_page.py) is built from the merged graph; this module adds what belongs to the
command line: the assets shipped in commands/assets/, centrality from `stakegraph.queries` for
the node sizes, and options and errors that behave like every other command.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

import click

from ..graph.model import ENTITY_TYPES
from ..queries.choices import MEASURES
from .options import UserError, open_graph, read_options, user_errors

if TYPE_CHECKING:  # graph.html_page (networkx) and the queries load when the page is made
    from ..graph.html_page import PageAssets
    from ..knowledge import KnowledgeGraph

SIZE_BY = (*MEASURES, "mentions")


def load_assets() -> PageAssets:
    """The template, script and style that ship with the package (no network, no CDN)."""
    from ..graph.html_page import PageAssets

    folder = resources.files(__package__).joinpath("assets")
    return PageAssets(
        template=folder.joinpath("viz.html").read_text(encoding="utf-8"),
        script=folder.joinpath("viz.js").read_text(encoding="utf-8"),
        style=folder.joinpath("viz.css").read_text(encoding="utf-8"),
    )


def node_scores(kg: KnowledgeGraph, size_by: str = "degree") -> dict[str, float]:
    """Entity id -> the score that sizes its node: a centrality over the whole graph, or mentions."""
    if size_by == "mentions":
        return {e.id: float(e.mentions) for e in kg.entities()}
    if size_by not in MEASURES:
        raise ValueError(f"unknown measure {size_by!r}; choose one of {', '.join(SIZE_BY)}")
    from ..queries.centrality import centrality

    table = centrality(kg, size_by)
    return {str(i): float(s) for i, s in zip(table["id"], table["score"], strict=True)}


def viz_data(
    kg: KnowledgeGraph,
    *,
    size_by: str = "degree",
    types: Iterable[str] | None = None,
    min_degree: int = 0,
    title: str = "Stakeholder network",
) -> dict[str, Any]:
    """The page's data with node sizes from `size_by` (see `graph.html_page.page_data`)."""
    from ..graph.html_page import page_data

    scores = node_scores(kg, size_by) if kg.entities() else {}
    return page_data(kg, scores=scores, size_by=size_by, types=types, min_degree=min_degree, title=title)


def page_html(kg: KnowledgeGraph, **options: Any) -> str:
    """The complete page for a graph, as `stakegraph viz` writes it (also handy in a notebook)."""
    from ..graph.html_page import render_page

    return render_page(viz_data(kg, **options), load_assets())


def register(cli: click.Group) -> None:
    @cli.command()
    @click.option("-o", "--output", type=click.Path(dir_okay=False), default="graph.html", show_default=True,
                  help="HTML file to write ('-' for standard output).")
    @click.option("--type", "types", multiple=True, type=click.Choice(ENTITY_TYPES),
                  help="Only stakeholders of this type (repeat for several).")
    @click.option("--min-degree", type=click.IntRange(min=0), default=0, show_default=True,
                  help="Only stakeholders linked to at least N others on the page.")
    @click.option("--size-by", type=click.Choice(SIZE_BY), default="betweenness", show_default=True,
                  help="What node size shows (centrality over the whole graph, or mentions).")
    @click.option("--title", default="Stakeholder network", show_default=True, help="Page title.")
    @read_options
    @user_errors
    def viz(output, types, min_degree, size_by, title, store_url, user, password, database, curation_path,
            min_confidence) -> None:
        """Write an interactive network page: one HTML file that needs no network.

        Colour shows the type, size a centrality; search by name or alias, filter by type, zoom and
        pan, and click a stakeholder or a link to read the sentences it comes from.

        \b
        Examples:
          stakegraph viz                                  # writes graph.html
          stakegraph viz -o personen.html --type Person --type Organization
          stakegraph viz --min-degree 2 --size-by pagerank --store team.db
        """
        from ..graph.export import write_atomic
        from ..graph.html_page import render_page

        kg = open_graph(store_url, user, password, database, curation_path, min_confidence)
        if not kg.entities():
            raise UserError("nothing to show: the graph has no stakeholders (ingest documents first)")
        data = viz_data(kg, size_by=size_by, types=types or None, min_degree=min_degree, title=title)
        shown = len(data["nodes"])
        if shown == 0:
            raise UserError("nothing to show: no stakeholder passes --type/--min-degree")
        html = render_page(data, load_assets())
        if output == "-":
            click.echo(html, nl=False)
            return
        try:
            write_atomic(output, html)
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
        click.echo(f"wrote {output} ({shown} stakeholders)", err=True)

