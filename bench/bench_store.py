"""Store benchmark: ingest rate into SQLite and search latency, each beside a named peer as a ratio.

    nice python bench/bench_store.py              # detik corpus, replicated to 100,000 articles
    nice python bench/bench_store.py --n 5000     # quick
    nice python bench/bench_store.py --dir /tmp/wb --reuse   # keep the databases; a rerun times search only

With `--reuse` (needs `--dir`), a phase whose output is already in the directory is skipped:
records.jsonl skips phase 1, store.db + peer.db skip phase 2 (built for the same --n, not checked),
so search can be timed again and again on one store (opening it applies any new migration).

1. End to end on the detik corpus (read CSV -> pipeline -> Store): articles/s, beside the same
   pipeline writing JSON Lines (`warta process`), so the ratio is the store's share.
2. Store only, the processed articles replicated to N with distinct ids and urls: articles/s of
   `Store.add_articles`, beside plain sqlite3 `executemany` of the same article rows plus an FTS5
   row of the raw text (no stemming, no child tables, no idempotency checks).
3. Search on that N-article store: p50/p95 latency of `Store.search` (stemming, BM25, exact total,
   facets over the best `FACET_HITS` hits, snippets, page 1 of 10), beside a plain FTS5
   MATCH ... ORDER BY bm25 LIMIT 10 on the same index.
Every phase runs in a forked child, so peak memory (max RSS) is per phase; the parent's own
RSS at the fork (the processed corpus in memory) is printed as the base.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from warta.record import Article
from warta.report import RunReport

DETIK = Path(os.environ.get("WARTA_SHARED", Path(__file__).resolve().parents[2] / "shared")) / \
    "data/news/detik-2025/articles.csv"


def in_child(fn: Callable[[], dict]) -> dict:
    """Run fn in a forked process; its result plus that process's peak RSS in MB."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            result = fn()
        except BaseException as error:  # report, never fall back into the parent's code
            result = {"error": repr(error)}
        with os.fdopen(write, "w") as out:
            json.dump(result, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as inp:
        data = inp.read()
    _, status, usage = os.wait4(pid, 0)
    result = json.loads(data) if data else {"error": f"child exited with status {status}"}
    if "error" in result:
        sys.exit(f"bench: {result['error']}")
    return result | {"peak_mb": usage.ru_maxrss / 1024}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_records(path: Path) -> list[Article]:
    """The processed records the peer wrote, one per distinct id (the corpus repeats a few articles)."""
    docs: dict[str, Article] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = Article.from_dict(json.loads(line))
            docs.setdefault(doc.id, doc)
    return list(docs.values())


def end_to_end(path: Path, db: str) -> dict:
    from warta.ingest import read_paths
    from warta.pipeline import default_pipeline
    from warta.store import Store

    start, cpu = time.perf_counter(), time.process_time()
    report = RunReport(stderr=open(os.devnull, "w"))
    with Store(db) as store:
        counts = store.add_articles(default_pipeline().run(read_paths([str(path)], report), report))
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "articles": counts.written + counts.unchanged + counts.duplicates}


def pipeline_only(path: Path, out_path: Path) -> dict:
    """The peer: `warta process` (the same pipeline, JSON Lines to a file)."""
    from warta.commands import write_jsonl
    from warta.ingest import read_paths
    from warta.pipeline import default_pipeline

    start, cpu = time.perf_counter(), time.process_time()
    report = RunReport(stderr=open(os.devnull, "w"))
    with open(out_path, "w", encoding="utf-8") as out:
        write_jsonl(default_pipeline().run(read_paths([str(path)], report), report), out, report)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "articles": report.written}


def replicas(docs: list[Article], n: int) -> Iterator[Article]:
    """n articles: copies of docs with distinct ids and urls (same text, so the same stems and entities)."""
    for i in range(n):
        doc = docs[i % len(docs)]
        copy = i // len(docs)
        yield replace(doc, id=f"{doc.id}-{copy}", url=f"{doc.url or 'urn:' + doc.id}#copy{copy}")


def store_rate(docs: list[Article], n: int, db: str) -> dict:
    from warta.store import Store

    start, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        counts = store.add_articles(replicas(docs, n), batch_size=500)
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "articles": counts.added}


def sqlite_peer(docs: list[Article], n: int, db: str) -> dict:
    """Plain sqlite3: the same article rows and an FTS5 row of the raw text, 500 per transaction."""
    start, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, url TEXT, title TEXT, "
                 "outlet TEXT, published TEXT, body TEXT)")
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(text)")
    batch: list[Article] = []

    def flush() -> None:
        with conn:
            cur = conn.executemany("INSERT INTO articles (id, url, title, outlet, published, body) VALUES (?,?,?,?,?,?)",
                                   [(d.id, d.url, d.title, d.outlet, d.published, d.body) for d in batch])
            del cur
            conn.executemany("INSERT INTO fts (rowid, text) SELECT seq, title || ' ' || body FROM articles WHERE id = ?",
                             [(d.id,) for d in batch])
        batch.clear()

    for doc in replicas(docs, n):
        batch.append(doc)
        if len(batch) == 500:
            flush()
    if batch:
        flush()
    conn.close()
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "articles": n}


def make_queries(docs: list[Article], count: int, seed: int = 7) -> list[dict]:
    """Words, word pairs and quoted phrases from titles; a fifth of them filtered by an outlet.

    Title words among the corpus's 100 most frequent words ("yang", "dari", "jadi") are left out:
    people search for names and topics, not function words.
    """
    from collections import Counter

    frequent = {w for w, _ in Counter(w.lower() for d in docs for w in d.body.split()).most_common(100)}
    rng = random.Random(seed)
    outlets = sorted({d.outlet for d in docs if d.outlet})
    queries = []
    while len(queries) < count:
        words = [w for w in (rng.choice(docs).title or "").split()
                 if len(w) >= 4 and w.isalpha() and w.lower() not in frequent]
        if len(words) < 2:
            continue
        kind = rng.random()
        if kind < 0.4:
            text = rng.choice(words)
        elif kind < 0.8:
            text = " ".join(rng.sample(words, 2))
        else:
            i = rng.randrange(len(words) - 1)
            text = f'"{words[i]} {words[i + 1]}"'
        options = {"outlet": rng.choice(outlets)} if outlets and rng.random() < 0.2 else {}
        queries.append({"q": text, **options})
    return queries


def percentiles(ms: list[float], cpu_ms: list[float]) -> dict:
    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=100, method="inclusive")[94]

    return {"p50_ms": statistics.median(ms), "p95_ms": p95(ms), "max_ms": max(ms),
            "cpu_p50_ms": statistics.median(cpu_ms), "cpu_p95_ms": p95(cpu_ms)}


def search_latency(db: str, queries: list[dict]) -> dict:
    """Two passes over the queries: the first stems the words of each new snippet (Sastrawi, ~1 ms a word);
    on the second the stem cache is warm, as in a long-running server."""
    from warta.store import Store

    with Store(db) as store:
        store.search(queries[0]["q"])  # warm the stemmer and the page cache once
        passes = []
        for _ in range(2):
            ms, cpu_ms, totals, capped = [], [], [], []
            for query in queries:
                start, cpu = time.perf_counter(), time.process_time()
                result = store.search(query["q"], outlet=query.get("outlet"))
                ms.append((time.perf_counter() - start) * 1000)
                cpu_ms.append((time.process_time() - cpu) * 1000)
                totals.append(result["total"])
                capped.append(result["facets_capped"])
            passes.append(percentiles(ms, cpu_ms))
    return passes[0] | {"warm": passes[1], "mean_hits": statistics.mean(totals), "capped": statistics.mean(capped)}


def fts5_peer(db: str, queries: list[dict]) -> dict:
    """The bare index: FTS5 MATCH on the same stemmed terms, ORDER BY bm25 LIMIT 10; no facets, snippets, filters."""
    from warta.store.search import parse_query

    conn = sqlite3.connect(db)
    expressions = [parse_query(q["q"]).fts5() for q in queries]
    conn.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT 1", (expressions[0],)).fetchall()
    ms, cpu_ms = [], []
    for expression in expressions:
        start, cpu = time.perf_counter(), time.process_time()
        conn.execute("SELECT rowid, bm25(article_fts) FROM article_fts WHERE article_fts MATCH ? "
                     "ORDER BY bm25(article_fts) LIMIT 10", (expression,)).fetchall()
        ms.append((time.perf_counter() - start) * 1000)
        cpu_ms.append((time.process_time() - cpu) * 1000)
    conn.close()
    return percentiles(ms, cpu_ms)


def rate_text(run: dict) -> str:
    return (f"{run['articles'] / run['seconds']:,.0f} articles/s wall ({run['seconds']:.1f} s), "
            f"{run['articles'] / run['cpu']:,.0f} per CPU-second")


def ratio_text(ours: dict, peer: dict) -> str:
    return (f"{(ours['articles'] / ours['seconds']) / (peer['articles'] / peer['seconds']):.2f}x speed wall, "
            f"{(ours['articles'] / ours['cpu']) / (peer['articles'] / peer['cpu']):.2f}x CPU, "
            f"{ours['peak_mb'] / peer['peak_mb']:.2f}x memory")


def latency_text(run: dict) -> str:
    return (f"p50 {run['p50_ms']:.1f} ms, p95 {run['p95_ms']:.1f} ms wall (max {run['max_ms']:.0f}); "
            f"CPU p50 {run['cpu_p50_ms']:.1f} ms, p95 {run['cpu_p95_ms']:.1f} ms")


def end_to_end_phase(corpus: Path, work: Path) -> None:
    """Phase 1: read + pipeline + store, beside `warta process`; leaves records.jsonl for the later phases."""
    e2e = in_child(lambda: end_to_end(corpus, str(work / "e2e.db")))
    peer = in_child(lambda: pipeline_only(corpus, work / "records.jsonl"))
    print(f"end to end (read + pipeline + store), {e2e['articles']} detik articles: {rate_text(e2e)}, "
          f"peak {e2e['peak_mb']:.0f} MB | peer `warta process` to JSON Lines: {rate_text(peer)}, "
          f"peak {peer['peak_mb']:.0f} MB | ratio {ratio_text(e2e, peer)} (target >= 300 articles/s)")


def store_phase(docs: list[Article], n: int, work: Path) -> None:
    """Phase 2: `Store.add_articles` of n replicated articles, beside plain sqlite3."""
    ours = in_child(lambda: store_rate(docs, n, str(work / "store.db")))
    plain = in_child(lambda: sqlite_peer(docs, n, str(work / "peer.db")))
    size = sum(p.stat().st_size for p in work.glob("store.db*")) / 2**20
    print(f"store only, {n:,} replicated articles: {rate_text(ours)} ({size:.0f} MB on disk), "
          f"peak {ours['peak_mb']:.0f} MB | peer plain sqlite3 executemany + FTS5: {rate_text(plain)}, "
          f"peak {plain['peak_mb']:.0f} MB | ratio {ratio_text(ours, plain)}")


def search_phase(docs: list[Article], n: int, count: int, work: Path) -> None:
    """Phase 3: search latency on store.db, beside a bare FTS5 top 10 on the same index."""
    queries = make_queries(docs, count)
    search = in_child(lambda: search_latency(str(work / "store.db"), queries))
    bare = in_child(lambda: fts5_peer(str(work / "store.db"), queries))
    print(f"search on {n:,} articles, {len(queries)} queries (facets + snippets, mean {search['mean_hits']:,.0f} "
          f"hits, facets from the best hits only in {search['capped']:.0%}): {latency_text(search)}, peak {search['peak_mb']:.0f} MB | peer plain FTS5 bm25 top 10: "
          f"{latency_text(bare)}, peak {bare['peak_mb']:.0f} MB | ratio p95 {search['p95_ms'] / bare['p95_ms']:.1f}x wall, "
          f"{search['cpu_p95_ms'] / max(bare['cpu_p95_ms'], 1e-3):.1f}x CPU, "
          f"{search['peak_mb'] / bare['peak_mb']:.2f}x memory (target p95 <= 50 ms)")
    print(f"search, second pass (stem cache warm): {latency_text(search['warm'])} | ratio p95 "
          f"{search['warm']['p95_ms'] / bare['p95_ms']:.1f}x wall, "
          f"{search['warm']['cpu_p95_ms'] / max(bare['cpu_p95_ms'], 1e-3):.1f}x CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DETIK, help="detik articles.csv")
    parser.add_argument("--n", type=int, default=100_000, help="articles in the replicated store")
    parser.add_argument("--queries", type=int, default=300, help="search queries to time")
    parser.add_argument("--dir", type=Path, default=None, help="where the databases go (default: a temp dir)")
    parser.add_argument("--reuse", action="store_true", help="keep what --dir already holds and skip its phases")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"bench: needs {args.corpus}")
    if args.reuse and args.dir is None:
        sys.exit("bench: --reuse needs --dir")
    work = args.dir or Path(tempfile.mkdtemp(prefix="warta-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        for name in ("e2e.db", "store.db", "peer.db", "records.jsonl"):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work / name}{suffix}").unlink(missing_ok=True)

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start "
          "(wall figures suffer from other load; CPU figures do not)")
    if not (work / "records.jsonl").exists():
        end_to_end_phase(args.corpus, work)
    docs = load_records(work / "records.jsonl")
    print(f"processed records loaded in the parent: {len(docs)} distinct articles, base RSS {rss_mb():.0f} MB")
    if not ((work / "store.db").exists() and (work / "peer.db").exists()):
        for name in ("store.db", "peer.db"):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work / name}{suffix}").unlink(missing_ok=True)
        store_phase(docs, args.n, work)
    search_phase(docs, args.n, args.queries, work)
    if args.dir is None:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()


if __name__ == "__main__":
    main()
