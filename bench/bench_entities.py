"""Entity-stage throughput on the detik bodies, as a ratio to spaCy's blank Indonesian tokenizer.

    .venv/bin/python bench/bench_entities.py [--limit N]

Runs Pipeline(["entities"]) over the raw article bodies when the stage exists (the NER
tagger's find_spans alone otherwise), single process, and prints tokens/s per core
(tokens counted by warta's tokenizer) on a first pass and on a second pass with the tagger's
caches warm, peak memory, and spaCy's tokenizer on the same text.
"""
from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from warta.extract.entities.clusters import detik_texts
from warta.extract.entities.ner import load_tagger, tokenize
from warta.extract.entities.train import shared_dir


def entity_runner() -> tuple[str, Callable[[list[str]], int]]:
    """The whole entity stage if it is registered, else the tagger; returns (name, run(bodies) -> mentions)."""
    from warta.pipeline import Pipeline
    from warta.record import Article

    try:
        pipeline = Pipeline(["entities"])
    except (KeyError, ModuleNotFoundError):
        tagger = load_tagger()
        return "Tagger.find_spans", lambda bodies: sum(len(tagger.find_spans(b)) for b in bodies)

    def run(bodies: list[str]) -> int:
        docs = [Article(id=str(i), body=b) for i, b in enumerate(bodies)]
        return sum(len(doc.entities) for doc in pipeline.run(docs))

    return 'Pipeline(["entities"])', run


def timed(run: Callable[[], int]) -> tuple[float, int]:
    """(cpu seconds, result) of one call."""
    started = time.process_time()
    result = run()
    return time.process_time() - started, result


def peak_memory(run: Callable[[], int]) -> float:
    """Peak Python allocation in MiB during a second call (traced apart: tracing slows the timed run)."""
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    csv_path = shared_dir() / "data" / "news" / "detik-2025" / "articles.csv"
    bodies = [b for b in detik_texts(Path(csv_path)) if b.strip()]
    if args.limit:
        bodies = bodies[: args.limit]
    tokens = sum(len(tokenize(b)) for b in bodies)

    name, run = entity_runner()
    run(bodies[:5])  # warm up: model load
    seconds, mentions = timed(lambda: run(bodies))
    rate = tokens / seconds
    # a second pass over the same text: the tagger's per-word and per-pair caches are full, as in a long run
    warm_seconds, _ = timed(lambda: run(bodies))
    warm_rate = tokens / warm_seconds
    peak = peak_memory(lambda: run(bodies[:100]))

    import spacy

    nlp = spacy.blank("id")
    nlp(bodies[0])
    spacy_seconds, spacy_tokens = timed(lambda: sum(len(nlp(b)) for b in bodies))
    spacy_peak = peak_memory(lambda: sum(len(nlp(b)) for b in bodies[:100]))
    spacy_rate = tokens / spacy_seconds

    print(f"corpus: {len(bodies)} detik bodies, {tokens} tokens (warta tokenizer), {spacy_tokens} spaCy tokens")
    print(f"{name}: {rate:,.0f} tokens/s per core, {mentions} mentions, {seconds:.2f}s CPU, "
          f"peak traced {peak:.1f} MiB (first 100 bodies)")
    print(f"{name}, second pass (word and pair caches warm): {warm_rate:,.0f} tokens/s per core, "
          f"{warm_seconds:.2f}s CPU")
    print(f"spacy.blank('id') tokenizer: {spacy_rate:,.0f} tokens/s per core, {spacy_seconds:.2f}s CPU, "
          f"peak traced {spacy_peak:.1f} MiB (first 100 bodies)")
    print(f"ratio entities/spacy-tokenizer speed {rate / spacy_rate:.3f} (second pass {warm_rate / spacy_rate:.3f}); "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
