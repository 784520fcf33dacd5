"""Scraped records: JSON Lines (or a JSON array) and CSV with a header, fields named by `JsonFields`."""
from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from warta.ingest.dates import DateReader
from warta.ingest.sources import BadInput
from warta.ingest.text import article_from_text
from warta.record import Article
from warta.report import RunReport

FIELDS_FILE = Path(__file__).with_name("data") / "json_fields.json"
# Whole-document JSON (an array, or one pretty-printed object) is parsed in memory only below this size.
MAX_WHOLE_JSON = 256 * 1024 * 1024


@cache
def _default_fields() -> dict[str, tuple[str, ...]]:
    table = json.loads(FIELDS_FILE.read_text(encoding="utf-8"))
    return {part: tuple(names) for part, names in table.items() if not part.startswith("_")}


def _names(option: str | None) -> tuple[str, ...] | None:
    if option is None:
        return None
    names = tuple(name.strip() for name in option.split(",") if name.strip())
    return names or None


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Which fields of a scraped record hold the body, title, url and publication date (first present wins)."""

    text: tuple[str, ...]
    title: tuple[str, ...]
    url: tuple[str, ...]
    date: tuple[str, ...]

    @classmethod
    def from_options(cls, text: str | None = None, title: str | None = None, url: str | None = None,
                     date: str | None = None) -> "JsonFields":
        """Comma-separated field names per part; a part not given keeps the common scraper names."""
        defaults = _default_fields()
        given = {"text": _names(text), "title": _names(title), "url": _names(url), "date": _names(date)}
        return cls(**{part: names or defaults[part] for part, names in given.items()})


def _lookup(record: dict[str, Any], name: str, folded: dict[int, dict[str, Any]]) -> Any:
    """A field by name, case-insensitively; a dotted name walks into nested objects.

    `folded` keeps each object's casefolded keys (by id) across the lookups of one record."""
    value: Any = record
    for key in name.split("."):
        if not isinstance(value, dict):
            return None
        if key in value:
            value = value[key]
            continue
        if id(value) not in folded:
            folded[id(value)] = {k.casefold(): v for k, v in value.items() if isinstance(k, str)}
        value = folded[id(value)].get(key.casefold())
    return value


def _first(record: dict[str, Any], names: Iterable[str]) -> tuple[str, Any] | None:
    folded: dict[int, dict[str, Any]] = {}
    for name in names:
        value = _lookup(record, name, folded)
        if value not in (None, "", []):
            return name, value
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n".join(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return head.lstrip().startswith("<") or "</p>" in head or "<br" in head


def article_from_record(record: Any, fields: JsonFields, source: str, raw_format: str,
                        dates: DateReader) -> Article:
    """An Article from one scraped record; raises BadInput when it carries no body."""
    if not isinstance(record, dict):
        raise BadInput(f"not a JSON object ({type(record).__name__})")
    found = _first(record, fields.text)
    if found is None:
        raise BadInput("no body field")
    body = _as_text(found[1])
    if body is None or not body.strip():
        raise BadInput(f"empty body field {found[0]!r}")
    if _looks_like_html(body):
        from warta.ingest.html import html_to_lines

        body = "\n".join(html_to_lines(body))
    date = _first(record, fields.date)
    return article_from_text(body, source=source, raw_format=raw_format, title=_field_text(record, fields.title),
                             url=_field_text(record, fields.url), published=dates.iso(date[1]) if date else None)


def _field_text(record: dict[str, Any], names: Iterable[str]) -> str | None:
    found = _first(record, names)
    text = _as_text(found[1]) if found else None
    return " ".join(text.split()) or None if text else None


def read_jsonl(path: str, lines: Iterable[bytes], head: bytes, report: RunReport,
               fields: JsonFields, content: Callable[[], bytes]) -> Iterator[Article]:
    """One Article per JSON line; a JSON array or a single pretty-printed object is read whole."""
    dates = DateReader()
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"[") or (start.startswith(b"{") and not _first_line_is_json(start)):
        yield from _read_whole_json(path, content(), report, fields, dates)
        return
    number = 0
    try:
        for line in lines:
            number += 1
            if not line.strip():
                continue
            report.read += 1
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError:
                report.reject(path, number, "not UTF-8 text")
                continue
            except json.JSONDecodeError as error:
                report.reject(path, number, f"malformed JSON: {error.msg} at column {error.colno}")
                continue
            try:
                yield article_from_record(record, fields, f"{path}#{number}", "jsonl", dates)
            except BadInput as error:
                report.reject(path, number, str(error))
    except BadInput as error:  # the file ended inside a gzip member
        report.read += 1
        report.reject(path, number + 1, str(error))


def _first_line_is_json(start: bytes) -> bool:
    try:
        json.loads(start.split(b"\n", 1)[0].decode("utf-8", "replace"))
    except json.JSONDecodeError:
        return False
    return True


def _read_whole_json(path: str, data: bytes, report: RunReport, fields: JsonFields,
                     dates: DateReader) -> Iterator[Article]:
    if len(data) > MAX_WHOLE_JSON:
        report.read += 1
        report.reject(path, None, "JSON document too large to read whole; use JSON Lines")
        return
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        report.read += 1
        report.reject(path, None, "not UTF-8 text")
        return
    except json.JSONDecodeError as error:
        report.read += 1
        report.reject(path, None, f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}")
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        report.read += 1
        source = f"{path}#{number}" if isinstance(document, list) else path
        try:
            yield article_from_record(record, fields, source, "jsonl", dates)
        except BadInput as error:
            report.reject(path, number, str(error))


def read_csv(path: str, text: str, report: RunReport, fields: JsonFields) -> Iterator[Article]:
    """One Article per CSV row (header required; tab-separated when the header has more tabs than commas)."""
    csv.field_size_limit(sys.maxsize)
    header = text.split("\n", 1)[0]
    delimiter = "\t" if header.count("\t") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = reader.fieldnames or []
    if _first({name: "x" for name in columns}, fields.text) is None:
        report.read += 1
        report.reject(path, None, f"no body field (columns: {', '.join(columns[:12])})")
        return
    dates = DateReader()
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            report.read += 1
            report.reject(path, number + 1, f"malformed CSV: {error}")
            return
        number += 1
        report.read += 1
        try:
            yield article_from_record(row, fields, f"{path}#{number}", "csv", dates)
        except BadInput as error:
            report.reject(path, number, str(error))
