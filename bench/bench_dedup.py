"""Dedup of N articles (default 100,000): warta's numpy MinHash + banded LSH + exact confirmation,
beside datasketch's MinHash + MinHashLSH on the same shingles, each in its own process for a clean
peak-memory reading.

    .venv/bin/python bench/bench_dedup.py [--n 100000] [--csv ../shared/data/news/detik-2025/articles.csv]

The corpus: paragraphs of the detik articles recombined into N distinct articles, 10% of them
re-posted with one paragraph changed. Prints docs/s, peak RSS and the ratios, and how many of the
planted near-duplicates each found.
"""
from __future__ import annotations

import argparse
import csv
import json
import multiprocessing as mp
import random
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = REPO.parent / "shared" / "data" / "news" / "detik-2025" / "articles.csv"


def build_corpus(csv_path: Path, n: int, seed: int = 7) -> tuple[list[str], list[int]]:
    """N bodies; `planted[i]` is the index of the article body i copies, or -1."""
    with open(csv_path, encoding="utf-8") as f:
        paragraphs = [line.strip() for row in csv.DictReader(f) for line in row["isi_berita"].splitlines()
                      if len(line.strip()) > 100]
    rng = random.Random(seed)
    bodies, planted = [], []
    for i in range(n):
        if i > 10 and rng.random() < 0.1:
            source = rng.randrange(i)
            if planted[source] == -1:
                parts = bodies[source].split("\n\n")
                parts[rng.randrange(len(parts))] = rng.choice(paragraphs)
                bodies.append("\n\n".join(parts))
                planted.append(source)
                continue
        bodies.append("\n\n".join(rng.sample(paragraphs, 8)))
        planted.append(-1)
    return bodies, planted


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_warta(bodies: list[str], queue) -> None:
    from warta.dedup import CorpusFeatures, DedupConfig, FeatureExtractor, link_corpus
    from warta.record import Article, article_id

    start_rss = peak_rss_mb()
    start = time.perf_counter()
    config = DedupConfig()
    features, extractor = CorpusFeatures(), FeatureExtractor(config)
    for body in bodies:
        extractor.add(features, Article(id=article_id(body), body=body))
    links = link_corpus(features, config)
    seconds = time.perf_counter() - start
    found = [i for i, d in enumerate(links.duplicate_of) if d is not None]
    queue.put({"seconds": seconds, "rss_mb": peak_rss_mb() - start_rss, "found": found})


def run_datasketch(bodies: list[str], queue) -> None:
    from datasketch import MinHash, MinHashLSH

    from warta.dedup.minhash import tokens

    start_rss = peak_rss_mb()
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.7, num_perm=128)
    found = []
    for i, body in enumerate(bodies):
        words = tokens(body)
        shingles = {" ".join(words[j:j + 5]).encode("utf-8") for j in range(max(1, len(words) - 4))}
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles))
        if lsh.query(m):
            found.append(i)
        lsh.insert(str(i), m)
    seconds = time.perf_counter() - start
    queue.put({"seconds": seconds, "rss_mb": peak_rss_mb() - start_rss, "found": found})


def measure(target, bodies: list[str]) -> dict:
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(bodies, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    args = parser.parse_args()
    bodies, planted = build_corpus(args.csv, args.n)
    truth = {i for i, p in enumerate(planted) if p >= 0}
    results = {"warta": measure(run_warta, bodies), "datasketch": measure(run_datasketch, bodies)}
    for name, r in results.items():
        found = set(r["found"])
        print(f"{name:10s} {args.n / r['seconds']:8.0f} docs/s  {r['seconds']:7.1f} s  peak +{r['rss_mb']:7.0f} MB"
              f"  planted found {len(found & truth)}/{len(truth)}  other {len(found - truth)}")
    w, d = results["warta"], results["datasketch"]
    print(f"ratio warta/datasketch: throughput {d['seconds'] / w['seconds']:.2f}x, "
          f"peak memory {w['rss_mb'] / max(d['rss_mb'], 1):.2f}x")
    print(json.dumps({"n": args.n, "warta": {k: v for k, v in w.items() if k != "found"},
                      "datasketch": {k: v for k, v in d.items() if k != "found"}}))


if __name__ == "__main__":
    main()
