"""read_paths: every input file, whatever its format, as a stream of Articles; bad input is rejected, never raised."""
from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator

from warta.ingest.html import html_to_article
from warta.ingest.records import JsonFields, read_csv, read_jsonl
from warta.ingest.sources import BadInput, detect_format, is_gzip, looks_binary, read_content, read_head
from warta.ingest.text import NotText, article_from_text, decode_text
from warta.ingest.warc import read_warc
from warta.record import Article
from warta.report import RunReport

FORMATS = ("auto", "text", "html", "jsonl", "warc", "csv")
WARC_STARTS = (b"WARC/", b"filedesc://")  # WARC, and the ARC files warcio also reads


def read_paths(files: Iterable[str], report: RunReport, fmt: str = "auto",
               fields: JsonFields | None = None) -> Iterator[Article]:
    """One Article per input article in `files`, in order.

    `report.read` counts every record read, rejected ones included (a file rejected whole counts one), so a
    run's read = written + rejected unless a later stage drops articles without rejecting them.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    fields = fields or JsonFields.from_options()
    for path in files:
        yield from read_file(path, report, fmt, fields)


def read_file(path: str, report: RunReport, fmt: str, fields: JsonFields) -> Iterator[Article]:
    try:
        head = read_head(path)
    except (BadInput, OSError) as error:
        report.read += 1
        report.reject(path, None, str(error) if isinstance(error, BadInput) else f"cannot read: {error.strerror}")
        return
    if not head.strip():
        report.read += 1
        report.reject(path, None, "empty file")
        return
    if looks_binary(head):
        report.read += 1
        report.reject(path, None, "binary file")
        return
    kind = detect_format(path, head) if fmt == "auto" else fmt
    if kind == "warc" and not head.lstrip().startswith(WARC_STARTS):
        report.read += 1
        report.reject(path, None, "not a WARC file")
    elif kind == "warc":
        yield from read_warc(path, report)
    elif kind == "jsonl":
        yield from read_jsonl(path, _lines(path), head, report, fields, lambda: read_content(path))
    else:
        yield from _read_whole(path, kind, report, fields)


def _lines(path: str) -> Iterator[bytes]:
    """The file's lines, streamed (gzip too); a gzip that ends early raises BadInput after the last whole line."""
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as handle:
        try:
            yield from handle
        except EOFError:
            raise BadInput("truncated gzip") from None


def _read_whole(path: str, kind: str, report: RunReport, fields: JsonFields) -> Iterator[Article]:
    """Formats read whole: a text dump or an HTML page is one article; a CSV is read in memory."""
    try:
        data = read_content(path)
    except BadInput as error:
        report.read += 1
        report.reject(path, None, str(error))
        return
    if kind == "html":
        report.read += 1
        article = html_to_article(data, source=path)
        if not article.raw and not article.title:
            report.reject(path, None, "HTML page without text")
            return
        yield article
        return
    try:
        text = decode_text(data)
    except NotText as error:
        report.read += 1
        report.reject(path, None, str(error))
        return
    if kind == "csv":
        yield from read_csv(path, text, report, fields)
        return
    report.read += 1
    article = article_from_text(text, source=path)
    if not article.raw and not article.title:
        report.reject(path, None, "empty file")
        return
    yield article
