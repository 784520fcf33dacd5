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
               fields: JsonFields | None = None, records: tuple[int, int] | None = None) -> Iterator[Article]:
    """One Article per input article in `files`, in order; with `records` = (first, stop), only those records.

    `report.read` counts every record read, rejected ones included (a file rejected whole counts one), so a
    run's read = written + rejected unless a later stage drops articles without rejecting them. Records are
    numbered from 0 across `files` in that count; a window counts and rejects only its own records.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    fields = fields or JsonFields.from_options()
    if records is not None:
        yield from _read_window(files, report, fmt, fields, *records)
        return
    for path in files:
        yield from read_file(path, report, fmt, fields)


class _WindowReport(RunReport):
    """Counts every record, and passes on only the rejections of records in [first, stop)."""

    def __init__(self, outer: RunReport, first: int, stop: int) -> None:
        super().__init__(stderr=outer.stderr)
        self.outer, self.first, self.stop = outer, first, stop

    def in_window(self) -> bool:
        """Whether the record counted last is in the window."""
        return self.first <= self.read - 1 < self.stop

    def reject(self, file: str, record: str | int | None, reason: str) -> None:
        if self.in_window():
            self.outer.reject(file, record, reason)


def _read_window(files: Iterable[str], report: RunReport, fmt: str, fields: JsonFields,
                 first: int, stop: int) -> Iterator[Article]:
    # Records before the window are parsed to be counted: record boundaries are only known by reading.
    window = _WindowReport(report, first, stop)
    try:
        for path in files:
            for article in read_file(path, window, fmt, fields):
                if window.read - 1 >= stop:
                    return
                if window.in_window():
                    yield article
            if window.read >= stop:
                return
    finally:
        report.read += max(0, min(window.read, stop) - first)


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
