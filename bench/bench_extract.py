"""What the quote, figure and date stages add to cleaning, on the detik corpus.

Usage: nice .venv/bin/python bench/bench_extract.py [--shared /work/shared] [--rounds 3]

Runs in one process over the 600 detik articles (read beforehand, so only the stages are timed):
  clean                      the "clean" stage alone (the peer);
  clean+quotes+figures+dates the four stages chained;
and then each extraction stage alone over articles cleaned beforehand. The target of issue 4 is that
quotes + figures + dates add at most 25% to the cleaning time. Speed is documents per CPU-second of
this process (time.process_time) in the fastest of the rounds (clean and the chain take turns), the
round least slowed by other jobs on the shared machine; peak memory is the Python heap's peak in a
separate traced pass (tracemalloc).
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

TARGET_ADDED = 0.25
EXTRACT_STAGES = ("quotes", "figures", "dates")


def quiet() -> RunReport:
    return RunReport(stderr=io.StringIO())


def cpu_seconds(works: list[Callable[[], int]], rounds: int) -> list[tuple[float, int]]:
    """For each work, CPU seconds of its fastest round and documents per round, after one warm-up run.

    The works take turns round by round, so a peer and the chain it is compared to see the same load;
    other jobs on a shared machine only ever slow a round down, so the fastest round is the measure.
    """
    for work in works:
        work()
    best = [float("inf")] * len(works)
    done = [0] * len(works)
    for _ in range(rounds):
        for i, work in enumerate(works):
            start = time.process_time()
            done[i] = work()
            best[i] = min(best[i], time.process_time() - start)
    return list(zip(best, done))


def peak_mib(work: Callable[[], int]) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def raw_copies(docs: list[Article]) -> list[Article]:
    """Fresh articles each round: stages fill fields in place."""
    return [Article(source=d.source, title=d.title, url=d.url, published=d.published, raw=d.raw,
                    raw_format=d.raw_format) for d in docs]


def cleaned_copies(docs: list[Article]) -> list[Article]:
    return [Article(id=d.id, source=d.source, title=d.title, published=d.published, body=d.body,
                    entities=d.entities) for d in docs]


def available(names: tuple[str, ...]) -> list[str]:
    found = []
    for name in names:
        try:
            Pipeline([name])
        except (KeyError, ModuleNotFoundError) as exc:
            print(f"skip  {name}: {exc}")
            continue
        found.append(name)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    docs = list(read_paths([str(args.shared / "data/news/detik-2025/articles.csv")], quiet()))
    stages = available(EXTRACT_STAGES)
    clean, full = Pipeline(["clean"]), Pipeline(["clean", *stages])

    def run_clean() -> int:
        return sum(1 for _ in clean.run(raw_copies(docs), quiet()))

    def run_full() -> int:
        return sum(1 for _ in full.run(raw_copies(docs), quiet()))

    (clean_s, n), (full_s, _) = cpu_seconds([run_clean, run_full], args.rounds)
    label = "clean+" + "+".join(stages)
    print(f"{'clean':<28} {n / clean_s:8.0f} docs/s  peak {peak_mib(run_clean):6.1f} MiB  ({n} docs, {args.rounds} rounds)")
    print(f"{label:<28} {n / full_s:8.0f} docs/s  peak {peak_mib(run_full):6.1f} MiB")

    cleaned = list(clean.run(raw_copies(docs), quiet()))
    for name in stages:
        stage = Pipeline([name])

        def run_stage(stage: Pipeline = stage) -> int:
            return sum(1 for _ in stage.run(cleaned_copies(cleaned), quiet()))

        ((stage_s, _),) = cpu_seconds([run_stage], args.rounds)
        print(f"  {name:<26} {n / stage_s:8.0f} docs/s  = {stage_s / clean_s:6.1%} of the cleaning time")
    added = (full_s - clean_s) / clean_s
    verdict = "within" if added <= TARGET_ADDED else "OVER"
    print(f"added time: {added:.1%} of cleaning ({verdict} the {TARGET_ADDED:.0%} target)")


if __name__ == "__main__":
    main()
