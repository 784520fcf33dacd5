"""Cleaning throughput and peak memory: detik text dumps, and HTML end to end beside trafilatura alone.

Usage: nice .venv/bin/python bench/bench_clean.py [--shared /work/shared] [--rounds 3]

Runs in one process:
  text   the "clean" stage over the 600 detik articles (read beforehand, so only cleaning is timed),
         against the issue's target of 2,000 documents/s per core;
  html   ingest (resiliparse + warta's metadata reader) + the "clean" stage over the HTML fixture pages,
         against trafilatura.extract alone on the same pages (the peer: the issue's "no worse than" target).
Speed is documents per CPU-second of this process (time.process_time): per core, and unaffected by
other jobs on a shared machine. Peak memory is the Python heap's peak in a separate traced pass
(tracemalloc, so tracing never slows the timed runs; C buffers inside lexbor or lxml are not traced). When the cleaner is not installed, ingest alone is measured.
"""
from __future__ import annotations

import argparse
import io
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from warta.ingest import read_paths
from warta.pipeline import Pipeline
from warta.record import Article
from warta.report import RunReport

TEXT_TARGET_DOCS_PER_S = 2000.0


def quiet() -> RunReport:
    """A report that counts rejections without printing them (the benchmark repeats every page)."""
    return RunReport(stderr=io.StringIO())


def timed(work: Callable[[], int], rounds: int) -> float:
    """Documents per CPU-second over `rounds` runs of `work` (which returns how many documents it handled)."""
    work()  # warm-up: imports, caches, word lists
    start = time.process_time()
    done = sum(work() for _ in range(rounds))
    return done / (time.process_time() - start)


def peak_mib(work: Callable[[], int]) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def clean_stage() -> Pipeline | None:
    try:
        return Pipeline(["clean"])
    except (KeyError, ModuleNotFoundError):
        return None


def copies(docs: list[Article]) -> list[Article]:
    """Fresh articles each round: the stage fills fields in place."""
    return [Article(source=d.source, title=d.title, url=d.url, published=d.published, raw=d.raw,
                    raw_format=d.raw_format) for d in docs]


def bench_text(shared: Path, rounds: int, pipeline: Pipeline | None) -> None:
    csv_path = str(shared / "data/news/detik-2025/articles.csv")
    docs = list(read_paths([csv_path], quiet()))

    def clean() -> int:
        return sum(1 for _ in pipeline.run(copies(docs), quiet())) if pipeline else len(copies(docs))

    def ingest() -> int:
        return sum(1 for _ in read_paths([csv_path], quiet()))

    name = "clean" if pipeline else "copy only (no cleaner installed)"
    speed, memory = timed(clean, rounds), peak_mib(clean)
    ingest_speed = timed(ingest, rounds)
    print(f"text  {name:<34} {speed:9.0f} docs/s  peak {memory:6.1f} MiB  "
          f"x{speed / TEXT_TARGET_DOCS_PER_S:.2f} of the {TEXT_TARGET_DOCS_PER_S:.0f} docs/s target ({len(docs)} docs)")
    print(f"text  {'ingest (CSV read) alone':<34} {ingest_speed:9.0f} docs/s")


def bench_html(shared: Path, rounds: int, pipeline: Pipeline | None) -> None:
    import trafilatura

    pages = sorted(str(p) for p in (shared / "data/html/indonesian-news-scraper-fixtures/html").rglob("*.html"))
    contents = [Path(p).read_bytes() for p in pages]

    def warta_end_to_end() -> int:
        docs = read_paths(pages, quiet())
        stream = pipeline.run(docs, quiet()) if pipeline else docs
        return sum(1 for _ in stream)

    def ingest_alone() -> int:
        return sum(1 for _ in read_paths(pages, quiet()))

    def trafilatura_alone() -> int:
        for content in contents:
            trafilatura.extract(content.decode("utf-8", "replace"), with_metadata=True)
        return len(contents)

    name = "ingest + clean" if pipeline else "ingest alone (no cleaner installed)"
    ours, ours_memory = timed(warta_end_to_end, rounds), peak_mib(warta_end_to_end)
    peer, peer_memory = timed(trafilatura_alone, rounds), peak_mib(trafilatura_alone)
    print(f"html  {name:<34} {ours:9.1f} docs/s  peak {ours_memory:6.1f} MiB  ({len(pages)} pages)")
    print(f"html  {'ingest alone (warta.ingest)':<34} {timed(ingest_alone, rounds):9.1f} docs/s")
    print(f"html  {'trafilatura.extract alone (peer)':<34} {peer:9.1f} docs/s  peak {peer_memory:6.1f} MiB")
    print(f"html  ratio warta/trafilatura: speed x{ours / peer:.2f}, peak memory x{ours_memory / peer_memory:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pipeline = clean_stage()
    bench_text(args.shared, args.rounds, pipeline)
    bench_html(args.shared, args.rounds, pipeline)


if __name__ == "__main__":
    main()
