"""Throughput of the full pipeline (ingest, clean, entities, quotes, figures, dates, dedup) with the
local engine on 1 and 2 workers over the detik corpus, and the scaling ratio between them.

    .venv/bin/python bench/bench_pipeline.py [--copies 2] [--shards 8] [--engine local|ray]

The corpus (600 articles, --copies times) is split into --shards JSON Lines files, so the engine has
shards to spread. Also prints the measured cost per article and CPU-second, from which the README
estimates a 10-million-article run.
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import tempfile
import time
from pathlib import Path

from warta.engine import JobSpec, RunOptions, run_files
from warta.report import RunReport

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = REPO.parent / "shared" / "data" / "news" / "detik-2025" / "articles.csv"


def write_shards(csv_path: Path, folder: Path, copies: int, shards: int) -> list[str]:
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    records = [{"title": r["judul"], "url": f"{r['tautan']}?copy={c}", "text": r["isi_berita"] + (f"\n\nSalinan {c}." if c else "")}
               for c in range(copies) for r in rows]
    paths = []
    for s in range(shards):
        path = folder / f"part-{s:03d}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for record in records[s::shards]:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(str(path))
    return paths


def measure(files: list[str], engine: str, workers: int) -> dict:
    report = RunReport()
    cpu_before = resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.perf_counter()
    count = sum(1 for _ in run_files(files, report, JobSpec(workdir=""), RunOptions(engine=engine, workers=workers)))
    seconds = time.perf_counter() - start
    cpu = (resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
           - cpu_before)
    return {"workers": workers, "docs": count, "seconds": seconds, "docs_per_s": count / seconds,
            "cpu_seconds": cpu, "rejected": report.rejected}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--engine", default="local")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_shards(args.csv, Path(tmp), args.copies, args.shards)
        one = measure(files, args.engine, 1)
        two = measure(files, args.engine, 2)
    for r in (one, two):
        print(f"{args.engine} x{r['workers']}: {r['docs']} docs in {r['seconds']:.1f} s = {r['docs_per_s']:.1f} docs/s"
              f" ({r['cpu_seconds']:.1f} CPU-s, {r['rejected']} rejected)")
    per_doc_ms = 1000 * one["seconds"] / one["docs"]
    print(f"scaling 2 workers / 1 worker: {two['docs_per_s'] / one['docs_per_s']:.2f}x")
    print(f"cost: {per_doc_ms:.2f} ms per article on one core; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (driver)")


if __name__ == "__main__":
    main()
