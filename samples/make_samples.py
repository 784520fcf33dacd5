"""Rebuild the bundled sample corpus from the project's shared data (see SOURCE.md).

Usage: .venv/bin/python samples/make_samples.py [/work/shared]
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
DETIK_ROWS = 30
HTML_PAGES = ["antara/antara-singlepage.html", "detik/detik-singlepage.html", "kompas/kompas-singlepage2.html",
              "tempo/tempo-singlepage.html", "viva/viva-singlepage.html"]
WARC_PAGES = ["okezone/okezone-singlepage.html", "republika/republika-singlepage3.html",
              "kapanlagi/kapanlagi-singlepage3.html"]
# The detik rows with noise a cleaner must remove, so the sample shows every kind.
NOISE_MARKERS = ("Simak juga Video", "ADVERTISEMENT", "Saksikan Live", "SCROLL TO CONTINUE")


def detik_sample(shared: Path) -> list[dict[str, str]]:
    """30 rows spread over the CSV: every n-th row, then rows showing each kind of noise not yet present."""
    with open(shared / "data/news/detik-2025/articles.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    picked = rows[:: len(rows) // (DETIK_ROWS - len(NOISE_MARKERS))][: DETIK_ROWS - len(NOISE_MARKERS)]
    for marker in NOISE_MARKERS:
        if not any(marker in row["isi_berita"] for row in picked):
            picked.append(next(row for row in rows if marker in row["isi_berita"] and row not in picked))
    for row in rows:
        if len(picked) >= DETIK_ROWS:
            break
        if row not in picked:
            picked.append(row)
    keep = ("id", "judul", "tautan", "tanggal", "isi_berita")
    return [{key: row[key] for key in keep} for row in picked]


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """A small crawl: a request and an HTML response per page, as a real crawler writes them."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in pages:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def main(shared: Path) -> None:
    fixtures = shared / "data/html/indonesian-news-scraper-fixtures"
    expected = {json.loads(line)["fixture"]: json.loads(line) for line in open(fixtures / "expected_singlepage.jsonl")}
    with open(HERE / "detik-sample.jsonl", "w", encoding="utf-8") as out:
        for row in detik_sample(shared):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    (HERE / "html").mkdir(exist_ok=True)
    for page in HTML_PAGES:
        shutil.copyfile(fixtures / "html" / page, HERE / "html" / Path(page).name)
    write_warc(HERE / "crawl.warc.gz",
               [(expected[f"html/{page}"]["url"], (fixtures / "html" / page).read_bytes()) for page in WARC_PAGES])
    shutil.copyfile(shared / "golden/seed-viva-alibaba.txt", HERE / "seed-viva-alibaba.txt")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared"))
