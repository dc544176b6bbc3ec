"""The `stakegraph` command line: ingest documents, look at the graph, export it, evaluate it.

Exit codes: 0 ok; 1 partial failure (with --strict, some files were skipped); 2 usage or input
error (one line on stderr, never a traceback).

Start-up stays fast (`stakegraph --help` well under 0.3 s, and shell completion runs it on every
<TAB>): nothing here or in commands/ imports pandas, networkx, spaCy or rdflib at module level;
each command imports what it needs when it runs (benchmarks/cli_startup.py measures it).
"""

from __future__ import annotations

import contextlib
import os
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .commands import neo4j as neo4j_commands
from .commands import query as query_commands
from .commands import rdf as rdf_commands
from .commands import viz as viz_commands
from .commands.options import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    UserError,
    connect,
    curation_option,
    curation_path_for,
    format_option,
    limit_options,
    load_curation,
    make_limits,
    open_graph,
    read_options,
    store_options,
    user_errors,
)
from .commands.output import emit
from .commands.signals import InterruptibleGroup, interruptible
from .commands.terminal import printable
from .graph.model import ENTITY_TYPES, RELATION_TYPES

if TYPE_CHECKING:
    from .graph.curation import Curation
    from .graph.model import Entity
    from .knowledge import KnowledgeGraph

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=InterruptibleGroup, context_settings=CONTEXT)
@click.version_option(package_name="stakegraph")
def main() -> None:
    """Build a knowledge graph of stakeholders and their collaborations from documents.

    \b
    Five-minute tour:
      stakegraph ingest ./documents            # txt, md, html, pdf, docx; folders recursively
      stakegraph entities --type Person
      stakegraph show "gemeente Leiden"
      stakegraph query brokers --top 10
      stakegraph export json -o graph.json

    The store is ./stakegraph.db unless --store or $STAKEGRAPH_STORE says otherwise
    (a SQLite file, or bolt://host:7687 for Neo4j).
    """


# -- ingest / forget ------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@store_options
@curation_option
@click.option(
    "--nlp",
    default=None,
    metavar="NAME",
    help="Also use the entity recogniser of an installed spaCy pipeline, e.g. nl_core_news_lg.",
)
@click.option("--prune", is_flag=True, help="Forget documents whose files are gone from the given folders.")
@click.option("--strict", is_flag=True, help="Exit 1 when any file was skipped.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes that read and extract (default: the number of cores).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Extract on a Dask cluster, e.g. tcp://host:8786 (needs the 'dask' extra).",
)
@limit_options
@user_errors
def ingest(
    paths, store_url, user, password, database, curation_path, nlp, prune, strict, workers, scheduler,
    max_file_mb, max_text_chars, max_docx_mb,
) -> None:
    """Read documents into the graph. Unchanged files are left alone; changed ones are replaced.

    \b
    Examples:
      stakegraph ingest interviews/ nieuws/
      stakegraph ingest rapport.pdf --store team.db
      stakegraph ingest docs/ --prune --store bolt://localhost:7687
      stakegraph ingest archief/ --scheduler tcp://scheduler:8786 --store bolt://neo4j:7687
    """
    missing = [str(p) for p in paths if not os.path.lexists(p)]  # a symlink loop is skipped, with its reason
    if missing:  # before the store is opened: a mistyped path must not leave an empty store behind
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    if nlp is not None:
        _check_nlp(nlp)
    from .dispatch import DispatchError, default_workers
    from .ingest import IngestReport, build
    from .loaders.formats import iter_document_paths

    limits = make_limits(max_file_mb, max_text_chars, max_docx_mb)
    store = connect(store_url, user, password, database, create=True)
    curation = load_curation(store_url, curation_path)
    report = IngestReport()
    try:
        with interruptible(lambda: _stored_so_far(store)):
            total = sum(1 for _ in iter_document_paths(paths)) if sys.stderr.isatty() else 0
            with click.progressbar(
                length=total, label="ingesting", file=sys.stderr, hidden=not sys.stderr.isatty()
            ) as bar:
                build(
                    paths,
                    store,
                    curation=curation,
                    nlp=nlp,
                    prune=prune,
                    progress=lambda p: bar.update(1, printable(p.name)),
                    workers=workers or default_workers(),
                    scheduler=scheduler,
                    limits=limits,
                    report=report,
                )
    except DispatchError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    for path, reason in report.skipped:
        click.echo(f"warning: skipped {printable(path)}: {printable(reason)}", err=True)
    for path, caveat in report.warnings:
        click.echo(f"warning: {printable(path)}: {printable(caveat)}", err=True)
    click.echo(report.summary())
    if strict and report.skipped:
        sys.exit(EXIT_PARTIAL)


def _stored_so_far(store) -> str:  # noqa: ANN001 - any Store
    """For the message of an interrupted ingest: what the store holds now (whole documents only)."""
    try:
        count = f"the store holds {len(store.documents())} whole documents"
    except Exception:  # noqa: BLE001 - the store may be what failed; the message must still come
        count = "the store holds whole documents only"
    return f"{count}; the same ingest again finishes the job"


def _check_nlp(name: str) -> None:
    import spacy.util

    if not spacy.util.is_package(name) and not Path(name).exists():
        raise UserError(f"spaCy pipeline '{name}' is not installed (pip install it, or leave out --nlp)")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_options
@user_errors
def forget(paths, store_url, user, password, database) -> None:
    """Remove documents (files or folders) and every fact only they supported."""
    from .ingest import forget as forget_paths

    store = connect(store_url, user, password, database)
    ambiguous: list[tuple[str, list[str]]] = []
    try:
        removed, unknown = forget_paths(paths, store, ambiguous)
    finally:
        store.close()
    for p in unknown:
        click.echo(f"warning: no document for {printable(p)}", err=True)
    for name, candidates in ambiguous:
        click.echo(f"warning: {printable(name)} names {len(candidates)} documents, none forgotten; give "
                   f"the path of the one you mean: {', '.join(printable(c) for c in candidates)}", err=True)
    click.echo(f"{len(removed)} forgotten")
    if ambiguous:
        sys.exit(EXIT_USAGE)


# -- reading the graph ------------------------------------------------------------------------
@main.command()
@click.option("--type", "etype", type=click.Choice(ENTITY_TYPES), default=None, help="Only this type.")
@format_option
@read_options
@user_errors
def entities(etype, fmt, store_url, user, password, database, curation_path, min_confidence) -> None:
    """List stakeholders with their type, aliases and how often they are mentioned."""
    kg = open_graph(store_url, user, password, database, curation_path, min_confidence)
    rows = [e.to_dict() for e in sorted(kg.entities(etype), key=lambda e: (-e.mentions, e.id))]
    emit(rows, fmt, ["id", "type", "name", "mentions", "aliases", "documents"])


@main.command()
@click.option("--type", "rtype", type=click.Choice(RELATION_TYPES), default=None, help="Only this type.")
@click.option("--entity", default=None, help="Only relations of this stakeholder (name, alias or id).")
@format_option
@read_options
@user_errors
def relations(rtype, entity, fmt, store_url, user, password, database, curation_path, min_confidence) -> None:
    """List typed relations with their evidence sentences.

    --format csv is for spreadsheets: one row per piece of evidence, with both stakeholders' ids
    and names, the sentence, its document and that document's date, the rule and the confidence.
    """
    kg = open_graph(store_url, user, password, database, curation_path, min_confidence)
    if entity is not None:
        entity = _require(kg, entity).id
    relations = kg.relations(rtype, entity)
    if fmt == "csv":
        emit(_evidence_rows(kg, relations), fmt, CSV_RELATION_COLUMNS)
        return
    rows = []
    for r in relations:
        d = r.to_dict()
        d["source_name"] = _name(kg, r.source)
        d["target_name"] = _name(kg, r.target)
        d["sentences"] = [e.sentence for e in r.evidence]
        rows.append(d)
    if fmt != "json":
        for d in rows:
            d["evidence"] = [f"{e['document']}:{e['start']}" for e in d["evidence"]]
    emit(rows, fmt, ["type", "source_name", "target_name", "role", "status", "confidence", "evidence"])


CSV_RELATION_COLUMNS = [
    "type",
    "source_id",
    "source_name",
    "target_id",
    "target_name",
    "role",
    "status",
    "confidence",
    "rule",
    "document",
    "document_date",
    "sentence",
    "start",
    "end",
]


def _evidence_rows(kg: KnowledgeGraph, relations: list) -> list[dict]:
    dates = {d.name: d.date for d in kg.documents()}
    return [
        {
            "type": r.type,
            "source_id": r.source,
            "source_name": _name(kg, r.source),
            "target_id": r.target,
            "target_name": _name(kg, r.target),
            "role": r.role,
            "status": r.status,
            "confidence": r.confidence,
            "rule": ev.rule,
            "document": ev.document,
            "document_date": dates.get(ev.document),
            "sentence": " ".join(ev.sentence.split()),
            "start": ev.start,
            "end": ev.end,
        }
        for r in relations
        for ev in r.evidence
    ]


@main.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@read_options
@user_errors
def show(name, fmt, store_url, user, password, database, curation_path, min_confidence) -> None:
    """Everything about one stakeholder: aliases, documents, relations and their evidence."""
    import json

    kg = open_graph(store_url, user, password, database, curation_path, min_confidence)
    e = _require(kg, name)
    rels = kg.relations(entity=e.id)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"entity": e.to_dict(), "relations": [r.to_dict() for r in rels]},
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    click.echo(click.style(f"{e.name}", bold=True) + f"  ({e.type}, {e.id})")
    for k, v in e.attributes.items():
        click.echo(f"  {k}: {v}")
    if e.aliases:
        click.echo(f"  aliases: {', '.join(e.aliases)}")
    click.echo(f"  documents: {printable(', '.join(e.documents))}  ({e.mentions} mentions)")
    for r in rels:
        other = r.target if r.source == e.id else r.source
        arrow = "->" if r.source == e.id else "<-"
        role = f" [{r.role}{', ' + r.status if r.status else ''}]" if r.role else ""
        click.echo(f"\n  {r.type} {arrow} {_name(kg, other)}{role}  confidence {r.confidence:.2f}")
        for ev in r.evidence:
            click.echo(f"    {ev.document}:{ev.start}-{ev.end} ({ev.rule}): {' '.join(ev.sentence.split())}")


@main.command()
@format_option
@read_options
@user_errors
def stats(fmt, store_url, user, password, database, curation_path, min_confidence) -> None:
    """Counts of documents, entities and relations by type."""
    kg = open_graph(store_url, user, password, database, curation_path, min_confidence)
    from .graph.store import store_label

    s = {"store": store_label(kg.store.url), **kg.stats()}
    if fmt == "table":
        for k, v in s.items():
            if isinstance(v, dict):
                click.echo(f"{k}:")
                for kk, vv in v.items():
                    click.echo(f"  {kk:20} {vv}")
            else:
                click.echo(f"{k:22} {v}")
    else:
        emit([{k: v for k, v in s.items() if not isinstance(v, dict)}], fmt)


# -- export --------------------------------------------------------------------------------
@main.group()
def export() -> None:
    """Write the whole graph in an interchange format."""


@export.command("json")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="File to write (default: standard output).",
)
@read_options
@user_errors
def export_json(output, store_url, user, password, database, curation_path, min_confidence) -> None:
    """The stakegraph-graph/1 JSON interchange format (what `evaluate` and other tools read)."""
    from .graph.export import atomic_file

    kg = open_graph(store_url, user, password, database, curation_path, min_confidence)
    if output:
        try:
            with atomic_file(output) as fh:
                kg.write_json(fh)
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
        click.echo(f"wrote {output}", err=True)
    else:
        kg.write_json(sys.stdout)


# -- evaluation --------------------------------------------------------------------------------
@main.command()
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of <document>.json gold files (../shared/gold format).",
)
@click.option("--docs", default=None, help="Comma-separated document names to score (default: all gold).")
@format_option
@read_options
@user_errors
def evaluate(gold_dir, docs, fmt, store_url, user, password, database, curation_path, min_confidence) -> None:
    """Precision, recall and F1 of the graph against hand-made gold files, per type."""
    from .evaluate import evaluate_graph, load_gold

    kg = open_graph(store_url, user, password, database, curation_path, min_confidence)
    try:
        gold = load_gold(gold_dir, docs.split(",") if docs else None)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    result = evaluate_graph(kg.to_json(), gold)
    if fmt == "json":
        import json

        click.echo(json.dumps(result, indent=1))
        return
    emit(result["rows"], fmt, ["scope", "kind", "type", "tp", "fp", "fn", "precision", "recall", "f1"])
    if fmt == "table":  # a second table for people; programs take the JSON, which has it too
        click.echo("\nrelations by confidence (is a confidence of 0.9 right nine times in ten?)")
        emit(result["calibration"], fmt, ["confidence", "relations", "correct", "precision"])


# -- curation -------------------------------------------------------------------------------
@main.command()
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@store_options
@curation_option
@user_errors
def merge(keep, others, store_url, user, password, database, curation_path) -> None:
    """Merge OTHERS into KEEP (names, aliases or ids), now and on every future ingest."""
    kg = open_graph(store_url, user, password, database, curation_path)
    target = _require(kg, keep)
    ids = [i for i in dict.fromkeys(_require(kg, o).id for o in others) if i != target.id]
    if not ids:  # already merged (the names now find KEEP itself): nothing new to record
        click.echo(f"nothing to merge: {', '.join(others)} already part of {target.id}")
        return
    with _editing(store_url, curation_path) as curation:
        curation.add("merge", into=target.id, **{"from": ids})
    click.echo(f"merged {', '.join(ids)} into {target.id} (recorded in {curation.path})")


@main.command()
@click.argument("names", nargs=-1, required=True)
@store_options
@curation_option
@user_errors
def reject(names, store_url, user, password, database, curation_path) -> None:
    """Reject false stakeholders (names, aliases or ids): left out now and on every future ingest."""
    kg = open_graph(store_url, user, password, database, curation_path)
    ids = [_require(kg, n).id for n in names]
    with _editing(store_url, curation_path) as curation:
        for eid in ids:
            curation.add("reject", entity=eid)
    click.echo(f"rejected {len(names)} (recorded in {curation.path})")


@main.command()
@click.argument("entity")
@click.argument("new_name")
@store_options
@curation_option
@user_errors
def rename(entity, new_name, store_url, user, password, database, curation_path) -> None:
    """Give a stakeholder another display name (the old one stays an alias)."""
    kg = open_graph(store_url, user, password, database, curation_path)
    if any(unicodedata.category(ch) == "Cc" for ch in new_name):
        raise UserError("a name cannot contain control characters (newlines, tabs, escape codes)")
    eid = _require(kg, entity).id
    with _editing(store_url, curation_path) as curation:
        curation.add("rename", entity=eid, name=new_name)
    click.echo(f"renamed (recorded in {curation.path})")


@contextlib.contextmanager
def _editing(store_url: str | None, curation_path: str | None) -> Iterator[Curation]:
    """The curation file, locked against concurrent edits, saved when the block ends."""
    from .graph.curation import editing

    path = curation_path_for(store_url, curation_path)
    try:
        with editing(path) as curation:
            yield curation
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


# -- demo -----------------------------------------------------------------------------------
@main.command()
@click.option(
    "--store",
    "store_url",
    default=None,
    metavar="URL",
    help="Where to build the sample graph (default: a temporary file).",
)
@click.option("--top", default=10, show_default=True, help="How many central stakeholders to show.")
@user_errors
def demo(store_url, top) -> None:
    """Ingest the bundled sample corpus and show its most central stakeholders."""
    import tempfile

    from .ingest import build
    from .knowledge import KnowledgeGraph
    from .queries.centrality import centrality

    samples = Path(__file__).resolve().parent / "samples"
    with tempfile.TemporaryDirectory() as tmp:
        url = store_url or str(Path(tmp) / "demo.db")
        store = connect(url, create=True)
        try:
            report = build([samples], store)
            click.echo(f"sample corpus {samples}: {report.summary()}")
            kg = KnowledgeGraph(store)
            s = kg.stats()
            click.echo(f"{s['entities']} stakeholders, {s['relations']} relations\n")
            click.echo("Most central stakeholders (betweenness: who lies on the paths between the others):")
            ranking = centrality(kg, "betweenness", top=top)
            emit(ranking.to_dict("records"), "table", ["name", "type", "score"])
        finally:
            store.close()


# -- helpers ----------------------------------------------------------------------------------
def _name(kg: KnowledgeGraph, eid: str) -> str:
    e = kg.entity(eid)
    return e.name if e else eid


def _unknown(kg: KnowledgeGraph, name: str) -> str:
    close = kg.suggest(name)
    return f"no stakeholder named '{name}'" + (f" (did you mean: {'; '.join(close)}?)" if close else "")


def _ambiguous(kg: KnowledgeGraph, name: str, found: list[Entity]) -> str:
    """Say that a name means several stakeholders, and what to type to get each one."""
    ways = []
    for e in found:
        own = [a for a in (e.name, *e.aliases) if [m.id for m in kg.matches(a)] == [e.id]]
        ways.append(f"{e.name} ({e.type}): '{own[0]}' or {e.id}" if own else f"{e.name} ({e.type}): {e.id}")
    return f"'{name}' names {len(found)} stakeholders; choose one by name or id: " + "; ".join(ways)


def _require(kg: KnowledgeGraph, name: str) -> Entity:
    """The one stakeholder `name` means: unknown and ambiguous names are user errors, not guesses."""
    found = kg.matches(name)
    if not found:
        raise UserError(_unknown(kg, name))
    if len(found) > 1:
        raise UserError(_ambiguous(kg, name, found))
    return found[0]


# Command groups of other areas register themselves here, one module each (imports are explicit:
# a missing module is a broken installation and must fail loudly, not hide a command).
for _area in (query_commands, neo4j_commands, rdf_commands, viz_commands):
    _area.register(main)
