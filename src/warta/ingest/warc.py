"""WARC / WARC.GZ crawls: one Article per HTML response; requests, metadata and other media are skipped."""
from __future__ import annotations

import os
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from warta.ingest.html import html_to_article
from warta.ingest.sources import GZIP_MAGIC
from warta.record import Article
from warta.report import RunReport

HTML_TYPES = ("text/html", "application/xhtml")
# An uncompressed WARC ends with the blank lines closing its last record.
TRAILING_BYTES = 4
CHUNK = 1 << 20


def _is_html(record) -> bool:
    if record.rec_type != "response":
        return False
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or record.rec_headers.get_header(
        "WARC-Identified-Payload-Type") or ""
    return content_type.lower().startswith(HTML_TYPES)


def _truncated(record) -> bool:
    """warcio returns a short payload for a record cut off by the end of the file; what was left unread tells."""
    return getattr(record.raw_stream, "limit", 0) > 0


def _drained_short(record) -> bool:
    """Read a skipped record to its end in small pieces; True when the file ended before it did."""
    while record.raw_stream.read(CHUNK):
        pass
    return _truncated(record)


def _last_record_cut(archive: ArchiveIterator, handle, record, compressed: bool) -> bool:
    """Did the file end inside its last record? warcio yields such a record with its headers only."""
    if compressed:  # offsets are in compressed bytes: the last gzip member must inflate to its end
        handle.seek(archive.get_record_offset())
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while (pending := handle.read(CHUNK)) and not inflate.eof:
                while pending and not inflate.eof:  # bounded output: a member may hold a whole video
                    inflate.decompress(pending, CHUNK)
                    pending = inflate.unconsumed_tail
        except zlib.error:
            return True
        return not inflate.eof
    try:
        declared = int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        return False
    return declared > (archive.get_record_length() or 0)


def _bytes_after_last_record(archive: ArchiveIterator, handle, whole_records: int) -> int:
    """Bytes the iterator stopped short of: warcio ends quietly inside a cut-off header or gzip member."""
    end = archive.get_record_offset() + (archive.get_record_length() or 0) if whole_records else 0
    return os.fstat(handle.fileno()).st_size - end


def _records(handle, path: str, report: RunReport) -> Iterator[tuple[int, object]]:
    """(number, record) for every record; a record the file cuts off ends the stream with one rejection."""
    compressed = handle.read(2) == GZIP_MAGIC
    handle.seek(0)
    archive = ArchiveIterator(handle)
    records = iter(archive)
    number = 0
    last = None
    while True:
        number += 1
        try:
            record = next(records)
        except StopIteration:
            allowed = 0 if compressed else TRAILING_BYTES
            if last is not None and _last_record_cut(archive, handle, last, compressed):
                report.read += 1
                report.reject(path, number - 1, "truncated WARC record")
            elif _bytes_after_last_record(archive, handle, whole_records=number - 1) > allowed:
                report.read += 1
                report.reject(path, number, "truncated WARC record")
            return
        # warcio fails on cut-off headers with assorted errors (even AttributeError), so any failure here is bad input.
        except Exception as error:  # noqa: BLE001
            at_end = handle.tell() >= os.fstat(handle.fileno()).st_size
            report.read += 1
            reason = "truncated WARC record" if at_end or isinstance(error, EOFError) else f"unreadable WARC record: {error}"
            report.reject(path, number, reason)
            return
        last = record
        yield number, record


def read_warc(path: str, report: RunReport) -> Iterator[Article]:
    """HTML responses of a WARC file; a truncated record is rejected by number and the run keeps the rest."""
    with open(path, "rb") as handle:
        for number, record in _records(handle, path, report):
            if not _is_html(record):
                if _drained_short(record):  # a skipped record cut off by the end of the file
                    report.read += 1
                    report.reject(path, number, "truncated WARC record")
                    return
                continue
            report.read += 1
            try:
                payload = record.content_stream().read()
            except (EOFError, zlib.error, OSError, ValueError) as error:
                report.reject(path, number, f"unreadable WARC record: {error}")
                continue
            if _truncated(record):
                report.reject(path, number, "truncated WARC record")
                return
            url = record.rec_headers.get_header("WARC-Target-URI")
            article = html_to_article(payload, source=f"{path}#{number}", url=url, raw_format="warc")
            if not article.raw:
                report.reject(path, number, "HTML response without text")
                continue
            yield article
