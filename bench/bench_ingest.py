"""End-to-end ingest rate into SQLite: `warta ingest` beside `warta process` on the same files.

    nice .venv/bin/python bench/bench_ingest.py                 # detik corpus x 167: 100,200 articles
    nice .venv/bin/python bench/bench_ingest.py --copies 10     # quick
    nice .venv/bin/python bench/bench_ingest.py --copies 1 --dedup

The detik articles (600), --copies times, are written as JSON Lines files of --per-file articles;
copy c of an article has "Salinan c." in its first long paragraph, so it is a distinct article (its own id).
Both commands run as they would for a user (`--workers`, default 2), each in a fresh process,
timed by wall clock with the CPU time and peak RSS of the command's process tree. The peer,
`warta process -o out.jsonl`, runs the same engine and pipeline and writes JSON Lines, so
ingest/process is the store's cost. Copies are near-duplicates of each other, which no real
corpus has at this rate, so duplicate and story linking is off unless --dedup
(bench/bench_dedup.py measures it at 100,000 articles).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DETIK = Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared")) / "data/news/detik-2025/articles.csv"
WARTA = str(Path(sys.executable).with_name("warta"))


def marked_copy(text: str, copy: int) -> str:
    """The text with "Salinan {copy}." ending its first long paragraph (prose, so cleaning keeps it)."""
    if not copy:
        return text
    lines = text.split("\n")
    longest = next((i for i, line in enumerate(lines) if len(line) > 200), max(range(len(lines)), key=lambda i: len(lines[i])))
    lines[longest] += f" Salinan {copy}."
    return "\n".join(lines)


def write_corpus(csv_path: Path, folder: Path, copies: int, per_file: int) -> int:
    """The corpus as JSON Lines files in folder; returns the article count."""
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    count, handle = 0, None
    for copy in range(copies):
        for row in rows:
            if count % per_file == 0:
                if handle:
                    handle.close()
                handle = open(folder / f"part-{count // per_file:05d}.jsonl", "w", encoding="utf-8")
            record = {"title": row["judul"], "url": f"{row['tautan']}?copy={copy}",
                      "text": marked_copy(row["isi_berita"], copy)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    if handle:
        handle.close()
    return count


# Runs the command in a child of its own, so CPU time and peak memory are the command's alone.
_PROBE = ("import json, resource, subprocess, sys, time; start = time.perf_counter(); "
          "done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
          "wall = time.perf_counter() - start; usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
          "print(json.dumps({'rc': done.returncode, 'stderr': done.stderr[-4000:], 'wall': wall, "
          "'cpu': usage.ru_utime + usage.ru_stime, 'peak_mb': usage.ru_maxrss / 1024}))")


def run(command: list[str]) -> dict:
    """Wall and CPU seconds of a command and its workers, the peak RSS of its largest process, its last stderr line."""
    probe = subprocess.run([sys.executable, "-c", _PROBE, *command], capture_output=True, text=True,
                           env={**os.environ, "OMP_NUM_THREADS": "1"}, check=True)
    result = json.loads(probe.stdout)
    if result["rc"]:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result['stderr']}")
    lines = result["stderr"].strip().splitlines()
    return result | {"summary": lines[-1] if lines else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DETIK, help="detik articles.csv")
    parser.add_argument("--copies", type=int, default=167, help="copies of the corpus (167: 100,200 articles)")
    parser.add_argument("--per-file", type=int, default=2500, help="articles per JSON Lines file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dedup", action="store_true", help="also link duplicates and stories")
    parser.add_argument("--dir", type=Path, default=None, help="where the files go (default: a temp dir)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        articles = write_corpus(args.corpus, folder, args.copies, args.per_file)
        common = ["--workers", str(args.workers)] + ([] if args.dedup else ["--no-dedup"])
        print(f"corpus: {articles:,} articles in {len(list(folder.iterdir()))} JSON Lines files; "
              f"{args.workers} workers; dedup {'on' if args.dedup else 'off'}")
        results = {
            "warta ingest (SQLite)": run([WARTA, "ingest", str(folder), "--db", str(Path(tmp) / "bench.db"), *common]),
            "warta process (JSON Lines)": run([WARTA, "process", str(folder), "-o", str(Path(tmp) / "out.jsonl"),
                                               *common]),
        }
        for name, r in results.items():
            print(f"{name}: {articles / r['wall']:,.0f} articles/s wall, {articles / r['cpu']:,.0f} per CPU-second, "
                  f"{r['wall']:.1f} s, peak RSS {r['peak_mb']:.0f} MB (largest process)  [{r['summary']}]")
        ingest, peer = results.values()
        print(f"ratio ingest/process: {peer['wall'] / ingest['wall']:.2f}x wall, {peer['cpu'] / ingest['cpu']:.2f}x CPU")


if __name__ == "__main__":
    main()
