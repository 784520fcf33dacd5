"""A shipped table of Sastrawi stems for common Indonesian words, so indexing does not pay ~1 ms a word.

Sastrawi is deterministic, so the table is only a memo of it: a word found in the table gets exactly
what `Sastrawi.stem` would give; other words are stemmed live (and cached). Rebuild with

    python -m warta.store.stemtable [DIR...]      # default: ../shared/data

which writes data/stems.tsv.gz beside this module (words seen at least twice, 4+ letters).
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

TABLE = Path(__file__).with_name("data") / "stems.tsv.gz"
TEXT_SUFFIXES = {".txt", ".csv", ".tml", ".xml", ".json", ".jsonl", ".tsv", ".html", ".conll"}
_LETTERS = re.compile(r"[^\W\d_]+")


def load(path: Path = TABLE) -> dict[str, str]:
    """word -> stem; empty when the table is absent (everything is then stemmed live)."""
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f if "\t" in line)


def vocabulary(dirs: Iterable[Path], min_count: int = 2) -> list[str]:
    """Lowercase ASCII words of 4+ letters that occur at least `min_count` times in the text files under dirs."""
    counts: Counter[str] = Counter()
    for root in dirs:
        for path in sorted(Path(root).rglob("*")):
            if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
                text = path.read_text(encoding="utf-8", errors="ignore")
                counts.update(w.lower() for w in _LETTERS.findall(text))
    return sorted(w for w, n in counts.items() if n >= min_count and len(w) >= 4 and w.isascii())


def build(dirs: Iterable[Path], out: Path = TABLE) -> int:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    words = vocabulary(dirs)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:  # mtime 0: the same input gives the same bytes
        for word in words:
            raw.write(f"{word}\t{stemmer.stem(word) or word}\n".encode("utf-8"))
    return len(words)


def main() -> None:
    default = Path(os.environ.get("WARTA_SHARED", Path(__file__).resolve().parents[4] / "shared")) / "data"
    parser = argparse.ArgumentParser(description="Rebuild the shipped stem table from Indonesian text.")
    parser.add_argument("dirs", nargs="*", type=Path, default=[default])
    parser.add_argument("--out", type=Path, default=TABLE)
    args = parser.parse_args()
    n = build(args.dirs, args.out)
    print(f"wrote {n} stems to {args.out}")


if __name__ == "__main__":
    main()
