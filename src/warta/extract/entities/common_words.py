"""Rebuild data/common_words.txt: words the news corpus mostly writes in lower case.

A capitalised word that is usually lower case ("Keuangan", "Sementara") is a title
or sentence opener, not a name; the entity stage uses this to tell names from words.

    .venv/bin/python -m warta.extract.entities.common_words [ARTICLES_CSV] [OUT]
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

from warta.extract.entities.lexicon import DATA

DEFAULT_CSV = Path(__file__).resolve().parents[4].parent / "shared/data/news/detik-2025/articles.csv"
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MIN_LOWER = 3
MIN_LOWER_SHARE = 0.1


def count_cases(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        for word in WORD.findall(text):
            key = word.casefold()
            total[key] += 1
            if word == key:
                lower[key] += 1
    return lower, total


def common(lower: Counter[str], total: Counter[str]) -> list[str]:
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and n / total[w] >= MIN_LOWER_SHARE)


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else DEFAULT_CSV
    out = Path(argv[1]) if len(argv) > 1 else DATA / "common_words.txt"
    csv.field_size_limit(10**8)
    with open(source, encoding="utf-8", newline="") as f:
        texts = [row["isi_berita"] for row in csv.DictReader(f)]
    words = common(*count_cases(texts))
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words from {len(texts)} articles -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
