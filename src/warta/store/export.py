"""The knowledge base out for spreadsheets and data tools: JSON Lines, CSV or Parquet, one row per item."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from warta.store.db import Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
EXPORT_WHAT = ("articles", "entities", "quotes", "figures")
PARQUET_BATCH = 5000


def export(store: Store, what: str, fmt: str, out: str | None) -> int:
    """Write every `what` row of the store to `out` (stdout when None; Parquet needs a file). Returns the rows written."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
    rows = store.iter_export(what)
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet is binary: give a file with -o")
        return write_parquet(rows, out)
    stream: IO[str] = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        return write_jsonl(rows, stream) if fmt == "jsonl" else write_csv(rows, stream)
    finally:
        if out:
            stream.close()


def write_jsonl(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    n = 0
    for n, row in enumerate(rows, start=1):
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def write_csv(rows: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    writer, n = None, 0
    for n, row in enumerate(rows, start=1):
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
    return n


def write_parquet(rows: Iterator[dict[str, Any]], path: str) -> int:
    """Rows in batches, so a large store streams out in bounded memory."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, n = None, 0
    try:
        while batch := list(islice(rows, PARQUET_BATCH)):
            table = pa.Table.from_pylist(batch, schema=writer.schema if writer else None)
            if writer is None:
                writer = pq.ParquetWriter(path, _nullable(table.schema))
                table = table.cast(writer.schema)
            writer.write_table(table)
            n += len(batch)
        if writer is None:  # nothing to write: still leave a valid (empty) file
            pq.write_table(pa.table({}), path)
    finally:
        if writer is not None:
            writer.close()
    return n


def _nullable(schema: Any) -> Any:
    """Columns whose first batch was all null get a string type, so later batches fit."""
    import pyarrow as pa

    return pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type) for f in schema])
