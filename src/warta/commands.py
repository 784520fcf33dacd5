"""`warta process`: files in, one JSON record per article out."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO

import click

from warta.pipeline import default_pipeline
from warta.record import Article
from warta.report import RunReport

FORMATS = ("auto", "text", "html", "jsonl", "warc")


def write_jsonl(docs: Iterable[Article], out: IO[str], report: RunReport) -> None:
    for doc in docs:
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        report.written += 1


def with_progress(docs: Iterator[Article], enabled: bool) -> Iterator[Article]:
    """A progress bar on a terminal; nothing when stderr is piped."""
    if not enabled:
        return docs
    from tqdm import tqdm

    return iter(tqdm(docs, unit="doc", desc="warta", file=sys.stderr, dynamic_ncols=True))


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), help="Write JSON Lines here (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True, help="Input format.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), help="Also write rejections as JSON Lines here.")
@click.option("--text-field", default=None, help="JSON Lines: field(s) holding the body, comma-separated.")
@click.option("--title-field", default=None, help="JSON Lines: field(s) holding the title.")
@click.option("--url-field", default=None, help="JSON Lines: field(s) holding the url.")
@click.option("--date-field", default=None, help="JSON Lines: field(s) holding the publication date.")
def process(paths: tuple[str, ...], output: str | None, fmt: str, errors_path: str | None,
            text_field: str | None, title_field: str | None, url_field: str | None, date_field: str | None) -> None:
    """Clean and extract every article in PATHS (files, folders, globs; gzip or not)."""
    from warta.ingest import JsonFields, expand_paths, read_paths

    errors_file = open(errors_path, "w", encoding="utf-8") if errors_path else None
    report = RunReport(errors_file=errors_file)
    fields = JsonFields.from_options(text=text_field, title=title_field, url=url_field, date=date_field)
    files = expand_paths(paths, report)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        docs = default_pipeline().run(read_paths(files, report, fmt=fmt, fields=fields), report)
        write_jsonl(with_progress(docs, enabled=len(files) > 1 and sys.stderr.isatty()), out, report)
    finally:
        if output:
            out.close()
        if errors_file:
            errors_file.close()
    click.echo(report.summary(), err=True)
    if report.written == 0:
        sys.exit(1)
