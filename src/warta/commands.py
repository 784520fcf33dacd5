"""`warta process`: files in, one JSON record per article out."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING

import click

from warta.record import Article
from warta.report import RunReport

if TYPE_CHECKING:
    from warta.engine import ShardedRun

FORMATS = ("auto", "text", "html", "jsonl", "csv", "warc")


def write_jsonl(docs: Iterable[Article], out: IO[str], report: RunReport) -> None:
    for doc in docs:
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        report.written += 1


def input_options(command):
    """The options every command that reads news shares (process, ingest)."""
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
                     help="Input format."),
        click.option("--errors", "errors_path", type=click.Path(dir_okay=False),
                     help="Also write rejections as JSON Lines here."),
        click.option("--text-field", default=None, help="JSON Lines/CSV: field(s) holding the body, comma-separated."),
        click.option("--title-field", default=None, help="JSON Lines/CSV: field(s) holding the title."),
        click.option("--url-field", default=None, help="JSON Lines/CSV: field(s) holding the url."),
        click.option("--date-field", default=None, help="JSON Lines/CSV: field(s) holding the publication date."),
        click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
                     help="local: worker processes on this machine; ray: Ray tasks (pip install 'warta[ray]')."),
        click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker count (default: all cores)."),
        click.option("--address", default=None, help="Ray cluster address (default: start a local Ray instance)."),
        click.option("--workdir", type=click.Path(file_okay=False), default=None,
                     help="Keep shard results here; an interrupted run restarted with the same inputs resumes."),
        click.option("--no-dedup", is_flag=True, help="Skip duplicate and story detection."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def read_articles(paths: tuple[str, ...], report: RunReport, fmt: str, text_field: str | None,
                  title_field: str | None, url_field: str | None, date_field: str | None, engine: str,
                  workers: int | None, address: str | None, workdir: str | None, no_dedup: bool,
                  progress: bool) -> "ShardedRun":
    """Expand the paths and set up the pipeline over them with the chosen engine (run by `.records()`)."""
    from warta.dedup import DedupConfig
    from warta.engine import JobSpec, RunOptions, ShardedRun
    from warta.ingest import JsonFields, expand_paths

    fields = JsonFields.from_options(text=text_field, title=title_field, url=url_field, date=date_field)
    files = expand_paths(paths, report)
    # the engine builds the cleaner's corpus profile in a first pass over the shards
    spec = JobSpec(workdir="", fmt=fmt, fields=fields, dedup=None if no_dedup else DedupConfig())
    options = RunOptions(engine=engine, workers=workers, address=address, workdir=workdir,
                         keep_workdir=workdir is not None, progress=progress)
    return ShardedRun(files, report, spec, options)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), help="Write JSON Lines here (default: stdout).")
@input_options
def process(paths: tuple[str, ...], output: str | None, errors_path: str | None, **options) -> None:
    """Clean and extract every article in PATHS (files, folders, globs; gzip or not)."""
    errors_file = open(errors_path, "w", encoding="utf-8") if errors_path else None
    report = RunReport(errors_file=errors_file)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        run = read_articles(paths, report, progress=sys.stderr.isatty(), **options)
        write_jsonl(run.records(), out, report)
    finally:
        if output:
            out.close()
        if errors_file:
            errors_file.close()
    click.echo(report.summary(), err=True)
    if report.written == 0:
        sys.exit(1)
