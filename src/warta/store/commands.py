"""`warta ingest`, `warta search`, `warta export`: the store on the command line."""
from __future__ import annotations

import sys

import click

from warta.commands import input_options, read_articles
from warta.report import RunReport

DEFAULT_DB = "warta.db"
DB_HELP = "Store URL or SQLite file (postgresql://... needs warta[postgres])."


def _open(db: str):
    from warta.store.db import Store

    try:
        return Store(db)
    except ImportError as error:
        raise click.ClickException(str(error)) from error


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1, 100_000),
              help="Articles per transaction.")
@input_options
def ingest(paths: tuple[str, ...], db: str, batch_size: int, errors_path: str | None, **options) -> None:
    """Process PATHS (files, folders, globs) and store the records; safe to re-run after a crash."""
    store = _open(db)
    errors_file = open(errors_path, "w", encoding="utf-8") if errors_path else None
    report = RunReport(errors_file=errors_file)
    try:
        run = read_articles(paths, report, progress=sys.stderr.isatty(), **options)

        def counted(stream):
            for doc in stream:
                report.written += 1
                yield doc

        # stored as the shards finish; duplicate and story links, found across all shards, come last
        counts = store.add_articles(counted(run.records(linked=False)), batch_size=batch_size)
        store.set_links(run.links)
    finally:
        if errors_file:
            errors_file.close()
        store.close()
    details = ", ".join(f"{k} {v}" for k, v in counts.to_dict().items() if v and k != "batches")
    click.echo(f"{report.summary()}; stored in {db}: {details or 'nothing new'}", err=True)
    if report.written == 0:
        sys.exit(1)


@click.command()
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--outlet", multiple=True, help="Only this outlet (repeatable).")
@click.option("--from", "date_from", help="Published on or after YYYY-MM-DD.")
@click.option("--to", "date_to", help="Published on or before YYYY-MM-DD.")
@click.option("--entity", help="Only articles mentioning this entity (id or exact name).")
@click.option("--speaker", help="Only articles quoting this speaker (id or name).")
@click.option("--figure-kind", help="Only articles with a figure of this kind (money, percent, quantity).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 200), help="Hits to show.")
@click.option("--page", default=1, show_default=True, type=click.IntRange(1), help="Page of hits.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole result as JSON.")
def search(query: str, db: str, outlet: tuple[str, ...], date_from: str | None, date_to: str | None,
           entity: str | None, speaker: str | None, figure_kind: str | None, limit: int, page: int,
           as_json: bool) -> None:
    """Search the store: words are stemmed ("menyambangi" finds "sambangi"), "quoted phrases" match in order."""
    import html
    import json
    import re

    from warta.store.models import QueryError

    store = _open(db)
    try:
        if entity:
            found = store.find_entity(entity)
            entity = found["id"] if found else entity
        result = store.search(query, outlet=list(outlet) or None, date_from=date_from, date_to=date_to,
                              entity=entity, speaker=speaker, figure_kind=figure_kind, page=page, per_page=limit)
    except QueryError as error:
        raise click.BadParameter(str(error)) from error
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    click.echo(f"{result['total']} articles match {' '.join(result['terms']) or '(everything)'}")
    bold = sys.stdout.isatty()
    for rank, hit in enumerate(result["hits"], start=(page - 1) * limit + 1):
        article = hit["article"]
        marked = re.sub(r"</?mark>", lambda m: ("\033[1m" if m.group() == "<mark>" else "\033[0m") if bold else "*",
                        hit["snippet"])
        score = "" if hit["score"] is None else f"  [{hit['score']:.3f}]"
        click.echo(f"\n{rank}. {article['title'] or '(untitled)'}{score}")
        click.echo(f"   {article['outlet'] or '?'} · {article['published'] or '?'} · {article['url'] or article['id']}")
        click.echo(f"   {html.unescape(marked)}")


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--what", type=click.Choice(["articles", "entities", "quotes", "figures"]), default="articles",
              show_default=True, help="One row per article, per entity in an article, per quote or per figure.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default: stdout; parquet needs a file).")
def export(db: str, fmt: str, what: str, output: str | None) -> None:
    """Export the knowledge base for spreadsheets and data tools."""
    from warta.store.export import export as run_export

    if fmt == "parquet" and not output:
        raise click.BadParameter("parquet is binary: give a file with -o", param_hint="--format")
    store = _open(db)
    try:
        n = run_export(store, what, fmt, output)
    finally:
        store.close()
    click.echo(f"exported {n} {what} as {fmt}" + (f" to {output}" if output else ""), err=True)
